/**
 * Contribution calculators (pure): the rules in force on a date, voluntary BHXH and household
 * BHYT. Every figure comes from dated rule rows (shared/domain/contributions.ts); money is whole
 * đồng, each product rounded half up to the đồng. Problems are AppError VALIDATION in Vietnamese.
 */
import { AppError } from '../contract/result';
import { BHXH_TN_GROUP_LABELS, BHYT_HGD_GROUP_LABELS, MAX_BHYT_MONTHS, MAX_YEARS_AHEAD, memberRank, RULE_KIND_DEFS, subjectLabel, type BhxhTnGroup, type BhytHgdGroup, type PayMode, type RuleKind } from '../domain/contributions';
import { formatDate, formatMoney } from '../format/vi';

export interface ContributionRule {
  id: number;
  kind: RuleKind;
  /** A support group or a member's rank; null for rules that apply to everyone. */
  subject: string | null;
  /** Đồng for money rows, percent for percent rows (22 = 22%), a number for multiples. */
  value: number;
  validFrom: string;
  validTo: string | null;
  /** The legal source: "Nghị định 159/2025/NĐ-CP". */
  source: string;
  note: string | null;
}

/** A rule a result was computed with, as printed under the figures. */
export interface RuleUsed {
  kind: RuleKind;
  label: string;
  subject: string | null;
  value: number;
  validFrom: string;
  source: string;
}

/** The row of a kind (and subject) in force on a day: the latest start on or before it, not ended before it. */
export function ruleInForce(rules: readonly ContributionRule[], kind: RuleKind, subject: string | null, day: string): ContributionRule | null {
  let best: ContributionRule | null = null;
  for (const r of rules) {
    if (r.kind !== kind || r.subject !== subject) continue;
    if (r.validFrom > day || (r.validTo !== null && r.validTo < day)) continue;
    if (!best || r.validFrom > best.validFrom || (r.validFrom === best.validFrom && r.id > best.id)) best = r;
  }
  return best;
}

/** Every row in force on a day (one per kind and subject). */
export function rulesInForce(rules: readonly ContributionRule[], day: string): ContributionRule[] {
  const keys = new Set(rules.map((r) => `${r.kind}|${r.subject ?? ''}`));
  const out: ContributionRule[] = [];
  for (const key of keys) {
    const [kind, subject] = key.split('|') as [RuleKind, string];
    const r = ruleInForce(rules, kind, subject === '' ? null : subject, day);
    if (r) out.push(r);
  }
  return out;
}

/** n / d rounded half up, for n ≥ 0 and d > 0 integers. */
function divHalfUp(n: number, d: number): number {
  return Math.floor((2 * n + d) / (2 * d));
}

/** A percent as hundredths of a percent (4,5% → 450), so products stay in integers. */
function basisPoints(pct: number): number {
  return Math.round(pct * 100);
}

/** amount × pct%, half up to the đồng. */
export function percentOf(amount: number, pct: number): number {
  return divHalfUp(amount * basisPoints(pct), 10_000);
}

function need(rules: readonly ContributionRule[], kind: RuleKind, subject: string | null, day: string, used: RuleUsed[]): ContributionRule {
  const r = ruleInForce(rules, kind, subject, day);
  if (!r) {
    const what = `${RULE_KIND_DEFS[kind].label.toLocaleLowerCase('vi')}${subject ? ` (${subjectLabel(kind, subject)})` : ''}`;
    throw new AppError('VALIDATION', `Chưa có ${what} có hiệu lực ngày ${formatDate(day)}. Hãy thêm mức vào thẻ "Bảng mức đóng" (ghi rõ văn bản quy định).`);
  }
  used.push({ kind, label: RULE_KIND_DEFS[kind].label, subject, value: r.value, validFrom: r.validFrom, source: r.source });
  return r;
}

export interface BhxhTnInput {
  /** Monthly income chosen, đồng. */
  income: number;
  mode: PayMode;
  /** Years paid at once when mode is 'years' (2 to 5). */
  years?: number;
  group: BhxhTnGroup;
  /** The province's own top-up, percent of the contribution at the minimum income. */
  provinceSupportPct?: number;
  /** The first month paid for (YYYY-MM-DD): the rules in force that day apply. */
  date: string;
}

export interface BhxhTnResult {
  date: string;
  income: number;
  minIncome: number;
  maxIncome: number;
  ratePct: number;
  group: BhxhTnGroup;
  groupLabel: string;
  mode: PayMode;
  months: number;
  /** Monthly figures. */
  contribution: number;
  stateSupportPct: number;
  stateSupport: number;
  provinceSupportPct: number;
  provinceSupport: number;
  personPays: number;
  /** For all the months of one payment. */
  totalContribution: number;
  totalSupport: number;
  /** What the person pays at once (discounted when paying several years ahead). */
  totalPays: number;
  discountRatePct: number | null;
  rules: RuleUsed[];
}

/**
 * Voluntary BHXH: contribution = rate × income; State support = its share of the contribution at
 * the minimum income (the rural poverty line), the province's top-up likewise; the person pays
 * the rest. 3, 6 or 12 months is that many monthly amounts; several years ahead is the monthly
 * amounts discounted by the published rate (annual ÷ 12 per month), which must be in the table.
 */
export function bhxhTn(rules: readonly ContributionRule[], input: BhxhTnInput): BhxhTnResult {
  const used: RuleUsed[] = [];
  const day = input.date;
  if (!Number.isInteger(input.income) || input.income <= 0) throw new AppError('VALIDATION', 'Mức thu nhập phải là số đồng nguyên dương.');
  const rate = need(rules, 'BHXH_TN_RATE', null, day, used).value;
  const minIncome = need(rules, 'POVERTY_LINE', null, day, used).value;
  const base = need(rules, 'BASE_SALARY', null, day, used).value;
  const multiple = need(rules, 'BHXH_TN_MAX_MULTIPLE', null, day, used).value;
  const maxIncome = Math.round(base * multiple);
  if (input.income < minIncome) {
    throw new AppError('VALIDATION', `Mức thu nhập ${formatMoney(input.income)} thấp hơn mức thấp nhất ${formatMoney(minIncome)} (chuẩn nghèo khu vực nông thôn áp dụng ngày ${formatDate(day)}).`);
  }
  if (input.income > maxIncome) {
    throw new AppError('VALIDATION', `Mức thu nhập ${formatMoney(input.income)} cao hơn mức cao nhất ${formatMoney(maxIncome)} (${multiple} lần mức lương cơ sở ${formatMoney(base)} áp dụng ngày ${formatDate(day)}).`);
  }
  const statePct = need(rules, 'BHXH_TN_SUPPORT', input.group, day, used).value;
  const provincePct = input.provinceSupportPct ?? 0;
  if (provincePct < 0 || provincePct > 100) throw new AppError('VALIDATION', 'Mức hỗ trợ thêm của tỉnh phải từ 0% đến 100%.');
  const contribution = percentOf(input.income, rate);
  const atMinimum = percentOf(minIncome, rate);
  const stateSupport = Math.min(percentOf(atMinimum, statePct), contribution);
  const provinceSupport = Math.min(percentOf(atMinimum, provincePct), contribution - stateSupport);
  const personPays = contribution - stateSupport - provinceSupport;
  let months: number;
  let totalPays: number;
  let discountRatePct: number | null = null;
  if (input.mode === 'years') {
    const years = input.years ?? 0;
    if (!Number.isInteger(years) || years < 2 || years > MAX_YEARS_AHEAD) throw new AppError('VALIDATION', `Đóng một lần cho nhiều năm về sau: số năm từ 2 đến ${MAX_YEARS_AHEAD}.`);
    const discount = ruleInForce(rules, 'BHXH_TN_DISCOUNT', null, day);
    if (!discount) {
      throw new AppError(
        'VALIDATION',
        `Chưa có lãi suất chiết khấu do BHXH Việt Nam công bố có hiệu lực ngày ${formatDate(day)}, nên chưa tính được số tiền đóng một lần cho nhiều năm về sau. Hãy thêm mức "Lãi suất chiết khấu" vào thẻ "Bảng mức đóng" (ghi rõ văn bản công bố), hoặc chọn đóng hằng tháng, 3, 6, 12 tháng.`,
      );
    }
    used.push({ kind: 'BHXH_TN_DISCOUNT', label: RULE_KIND_DEFS.BHXH_TN_DISCOUNT.label, subject: null, value: discount.value, validFrom: discount.validFrom, source: discount.source });
    discountRatePct = discount.value;
    months = 12 * years;
    const r = discount.value / 100 / 12;
    let sum = 0;
    for (let i = 0; i < months; i++) sum += personPays / (1 + r) ** i;
    totalPays = Math.floor(sum + 0.5);
  } else {
    months = Number(input.mode);
    totalPays = personPays * months;
  }
  return {
    date: day, income: input.income, minIncome, maxIncome, ratePct: rate, group: input.group, groupLabel: BHXH_TN_GROUP_LABELS[input.group], mode: input.mode, months,
    contribution, stateSupportPct: statePct, stateSupport, provinceSupportPct: provincePct, provinceSupport, personPays,
    totalContribution: contribution * months, totalSupport: (stateSupport + provinceSupport) * months, totalPays, discountRatePct, rules: used,
  };
}

export interface BhytHgdInput {
  /** One support group per member, in the household's order. */
  members: BhytHgdGroup[];
  months: number;
  /** The province's rate for the supported groups when higher than the minimum (e.g. 50). */
  provinceSupportPct?: number;
  date: string;
}

export interface BhytHgdMember {
  position: number;
  rank: string;
  rankLabel: string;
  rankPct: number;
  group: BhytHgdGroup;
  groupLabel: string;
  /** Monthly amounts. */
  amount: number;
  supportPct: number;
  support: number;
  pays: number;
}

export interface BhytHgdResult {
  date: string;
  months: number;
  baseSalary: number;
  ratePct: number;
  members: BhytHgdMember[];
  /** Monthly totals. */
  total: number;
  totalSupport: number;
  totalPays: number;
  /** For all the months. */
  periodTotal: number;
  periodSupport: number;
  periodPays: number;
  rules: RuleUsed[];
}

/**
 * Household BHYT: the first member pays the rate of the base salary; the 2nd, 3rd, 4th members
 * and the 5th onward pay their rank's percent of the first member's amount. A member of a
 * supported group gets the larger of the minimum support and the province's rate.
 */
export function bhytHgd(rules: readonly ContributionRule[], input: BhytHgdInput): BhytHgdResult {
  const used: RuleUsed[] = [];
  const day = input.date;
  if (input.members.length < 1) throw new AppError('VALIDATION', 'Hộ gia đình cần ít nhất một thành viên.');
  if (!Number.isInteger(input.months) || input.months < 1 || input.months > MAX_BHYT_MONTHS) throw new AppError('VALIDATION', `Số tháng đóng từ 1 đến ${MAX_BHYT_MONTHS}.`);
  const provincePct = input.provinceSupportPct ?? 0;
  if (provincePct < 0 || provincePct > 100) throw new AppError('VALIDATION', 'Mức hỗ trợ của tỉnh phải từ 0% đến 100%.');
  const baseSalary = need(rules, 'BASE_SALARY', null, day, used).value;
  const rate = need(rules, 'BHYT_HGD_RATE', null, day, used).value;
  const first = percentOf(baseSalary, rate);
  const rankPcts = new Map<string, number>();
  const supportPcts = new Map<string, number>();
  const members = input.members.map((group, i): BhytHgdMember => {
    const rank = memberRank(i);
    if (!rankPcts.has(rank)) rankPcts.set(rank, need(rules, 'BHYT_HGD_RANK', rank, day, used).value);
    const rankPct = rankPcts.get(rank)!;
    const amount = rank === '1' ? first : percentOf(first, rankPct);
    let supportPct = 0;
    if (group !== 'none') {
      if (!supportPcts.has(group)) supportPcts.set(group, need(rules, 'BHYT_HGD_SUPPORT', group, day, used).value);
      supportPct = Math.max(supportPcts.get(group)!, provincePct);
    }
    const support = Math.min(percentOf(amount, supportPct), amount);
    return { position: i + 1, rank, rankLabel: subjectLabel('BHYT_HGD_RANK', rank), rankPct, group, groupLabel: BHYT_HGD_GROUP_LABELS[group], amount, supportPct, support, pays: amount - support };
  });
  const sum = (f: (m: BhytHgdMember) => number) => members.reduce((s, m) => s + f(m), 0);
  const total = sum((m) => m.amount);
  const totalSupport = sum((m) => m.support);
  const totalPays = sum((m) => m.pays);
  return {
    date: day, months: input.months, baseSalary, ratePct: rate, members, total, totalSupport, totalPays,
    periodTotal: total * input.months, periodSupport: totalSupport * input.months, periodPays: totalPays * input.months, rules: used,
  };
}
