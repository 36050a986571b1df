/**
 * The agent network's rules that every screen, import, export, report section and CLI command
 * shares: commission earned, the inactive flag, and contract expiry.
 */
import { addMonths } from '../domain/periods';
import { COMMISSION_PRODUCTS, type CommissionBasis, type CommissionProduct, type FlowMeasure } from '../domain/network';

export interface CommissionRate {
  product: CommissionProduct;
  basis: CommissionBasis;
  /** percent: a ratio of the amount (0.045 = 4,5%); perNew: đồng per new participant. */
  value: number;
  /** First day the rate applies (YYYY-MM-DD). */
  validFrom: string;
}

/** The rate of a product in force on a day: the latest one starting on or before it. */
export function rateOn(rates: readonly CommissionRate[], product: CommissionProduct, day: string): CommissionRate | null {
  let best: CommissionRate | null = null;
  for (const r of rates) if (r.product === product && r.validFrom <= day && (!best || r.validFrom > best.validFrom)) best = r;
  return best;
}

/**
 * Commission for one month of results, per product and in total, whole đồng (rounded half up
 * per product and month, as a payment slip would be). Each month takes the rate in force on its
 * first day, so a new decree changes pay from its month on.
 */
export function monthCommission(month: string, values: Partial<Record<FlowMeasure, number>>, rates: readonly CommissionRate[]): { byProduct: Record<CommissionProduct, number>; total: number } {
  const byProduct = { BHXH_TN: 0, BHYT_HGD: 0 } as Record<CommissionProduct, number>;
  for (const product of Object.keys(COMMISSION_PRODUCTS) as CommissionProduct[]) {
    const rate = rateOn(rates, product, `${month}-01`);
    if (!rate) continue;
    const def = COMMISSION_PRODUCTS[product];
    const base = rate.basis === 'percent' ? values[def.amountMeasure] ?? 0 : values[def.newMeasure] ?? 0;
    byProduct[product] = Math.round(base * rate.value);
  }
  return { byProduct, total: byProduct.BHXH_TN + byProduct.BHYT_HGD };
}

/** Commission over several months: each month at its own rate. */
export function commissionOver(monthly: ReadonlyMap<string, Partial<Record<FlowMeasure, number>>>, rates: readonly CommissionRate[]): number {
  let total = 0;
  for (const [month, values] of monthly) total += monthCommission(month, values, rates).total;
  return total;
}

export type ActivityFlag = 'active' | 'inactive' | 'new' | 'left';

export interface ActivityInput {
  status: 'active' | 'paused' | 'left';
  joinedOn: string | null;
  leftOn: string | null;
  /** New participants (NEW_TN + NEW_HGD) by month YYYY-MM. */
  newByMonth: ReadonlyMap<string, number>;
}

/**
 * A staff member with no new participant in the `months` months ending with `month` is inactive.
 * Someone who joined inside that window is "new" (too early to judge), someone who left is "left".
 */
export function activityFlag(staff: ActivityInput, month: string, months: number): ActivityFlag {
  const first = addMonths(month, -(months - 1));
  if (staff.status === 'left' || (staff.leftOn && staff.leftOn < `${first}-01`)) return 'left';
  if (staff.joinedOn && staff.joinedOn.slice(0, 7) > first) return 'new';
  let sum = 0;
  for (let m = first; m <= month; m = addMonths(m, 1)) sum += staff.newByMonth.get(m) ?? 0;
  return sum > 0 ? 'active' : 'inactive';
}

/** The last month up to `month` with a new participant, or null. */
export function lastActiveMonth(newByMonth: ReadonlyMap<string, number>, month: string): string | null {
  let best: string | null = null;
  for (const [m, n] of newByMonth) if (n > 0 && m <= month && (!best || m > best)) best = m;
  return best;
}

/** Days from `today` to a contract's expiry (negative: expired), null without one. */
export function daysToExpiry(expiresOn: string | null | undefined, today: string): number | null {
  if (!expiresOn) return null;
  return Math.round((Date.parse(expiresOn + 'T00:00:00Z') - Date.parse(today + 'T00:00:00Z')) / 86_400_000);
}

/** 'expired', 'within30', 'within60' or null: the flag lists show beside a contract. */
export function expiryFlag(expiresOn: string | null | undefined, today: string): 'expired' | 'within30' | 'within60' | null {
  const days = daysToExpiry(expiresOn, today);
  if (days === null) return null;
  if (days < 0) return 'expired';
  if (days <= 30) return 'within30';
  if (days <= 60) return 'within60';
  return null;
}

/** No agent collects a thousand billion đồng in a month: above this is a typing slip. */
export const ABSURD_AMOUNT = 1_000_000_000_000;
/** No staff member or agent signs up a million people in a month. */
export const ABSURD_FLOW_COUNT = 1_000_000;

/** Why a flow figure (people or đồng) cannot be stored, in Vietnamese; null when it can. */
export function flowValueProblem(kind: 'count' | 'money', value: number): string | null {
  if (!Number.isFinite(value)) return 'Số liệu không hợp lệ.';
  if (value < 0) return 'Số liệu không được âm.';
  if (!Number.isInteger(value)) return kind === 'count' ? 'Số người phải là số nguyên.' : 'Số tiền tính bằng đồng, không có phần lẻ.';
  if (kind === 'count' && value > ABSURD_FLOW_COUNT) return 'Số người quá lớn; hãy kiểm tra lại số đã gõ.';
  if (kind === 'money' && value > ABSURD_AMOUNT) return 'Số tiền quá lớn; hãy kiểm tra lại số đã gõ.';
  return null;
}
