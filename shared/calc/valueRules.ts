import { monthBounds, monthLabel } from '../domain/periods';
import { formatCount, formatDate } from '../format/vi';

/**
 * The rules a figure of people must pass, wherever it is entered: the entry grid's save and an
 * import's preview both call these, so a value the grid refuses never slips in through a file.
 */

/** No commune, district or province counts a hundred million people: above this is a typing slip. */
export const ABSURD_COUNT = 100_000_000;

export type ValueRuleKind = 'negative' | 'notWhole' | 'absurd' | 'abovePopulation' | 'partAboveTotal';

export interface ValueRuleIssue {
  kind: ValueRuleKind;
  /** Blocking issues stop the save / make the row an error; the others are warnings. */
  blocking: boolean;
  /** The indicator the issue is reported against (the part, for a part above its whole). */
  indicatorCode: string;
  /** Vietnamese, without the unit and indicator name (the caller says where). */
  message: string;
}

/** Parts that cannot exceed their whole (blocking) and pairs that rarely do (flagged). */
export const PART_RULES: readonly { part: readonly string[]; whole: string; blocking: boolean; label: string }[] = [
  { part: ['BHYT_HGD'], whole: 'BHYT', blocking: true, label: 'BHYT hộ gia đình lớn hơn tổng số người tham gia BHYT' },
  { part: ['BHYT_NSHT'], whole: 'BHYT', blocking: true, label: 'BHYT NSNN hỗ trợ lớn hơn tổng số người tham gia BHYT' },
  { part: ['BHYT'], whole: 'POP', blocking: false, label: 'số người tham gia BHYT lớn hơn dân số' },
  { part: ['BHXH_BB', 'BHXH_TN'], whole: 'LABOUR', blocking: false, label: 'tổng người tham gia BHXH lớn hơn lực lượng lao động' },
  { part: ['BHTN'], whole: 'BHXH_BB', blocking: false, label: 'BHTN lớn hơn BHXH bắt buộc' },
];

/** Indicators whose "above the population" check is already a part rule, or that are the population. */
const POPULATION_EXEMPT = new Set(['POP', ...PART_RULES.filter((r) => r.whole === 'POP').flatMap((r) => r.part)]);

/**
 * One count on its own: whole, not negative, not absurd; above the unit's population (when
 * known) it is flagged. Returns the first blocking issue alone, else the flags.
 */
export function checkCount(indicatorCode: string, value: number, population: number | null | undefined = null): ValueRuleIssue[] {
  const issue = (kind: ValueRuleKind, blocking: boolean, message: string): ValueRuleIssue[] => [{ kind, blocking, indicatorCode, message }];
  if (value < 0) return issue('negative', true, 'số liệu không được âm.');
  if (!Number.isInteger(value)) return issue('notWhole', true, 'số người phải là số nguyên.');
  if (value > ABSURD_COUNT) return issue('absurd', true, `${formatCount(value)} người là quá lớn (trên ${formatCount(ABSURD_COUNT)}); hãy kiểm tra lại số đã gõ.`);
  if (population !== null && population !== undefined && !POPULATION_EXEMPT.has(indicatorCode) && value > population) {
    return issue('abovePopulation', false, `${formatCount(value)} lớn hơn dân số của đơn vị (${formatCount(population)}).`);
  }
  return [];
}

/**
 * The nesting rules among one unit's figures. `valueOf` gives each indicator's value after the
 * change (null/undefined: not known). Only rules touching `touched` are checked, when given.
 */
export function checkParts(valueOf: (code: string) => number | null | undefined, touched?: (code: string) => boolean): ValueRuleIssue[] {
  const out: ValueRuleIssue[] = [];
  for (const rule of PART_RULES) {
    if (touched && ![...rule.part, rule.whole].some(touched)) continue;
    const parts = rule.part.map(valueOf);
    const whole = valueOf(rule.whole);
    if (parts.some((p) => p === null || p === undefined) || whole === null || whole === undefined) continue;
    const sum = (parts as number[]).reduce((a, b) => a + b, 0);
    if (sum > whole) out.push({ kind: 'partAboveTotal', blocking: rule.blocking, indicatorCode: rule.part[0]!, message: `${rule.label} (${formatCount(sum)} > ${formatCount(whole)}).` });
  }
  return out;
}

/** A month that has not begun yet has no figures: the message says so, else null. */
export function futureMonthMessage(month: string, today: string): string | null {
  return monthBounds(month).from > today ? `Tháng ${monthLabel(month)} chưa đến (hôm nay là ${formatDate(today)}); chưa nhập được số liệu cho tháng này.` : null;
}

/** An "as of" date must lie in its month and not after today: the message says which, else null. */
export function asOfMessage(asOf: string, month: string, today: string): string | null {
  const { from, to } = monthBounds(month);
  if (asOf < from || asOf > to) return `Ngày số liệu ${formatDate(asOf)} không thuộc tháng ${monthLabel(month)} (từ ${formatDate(from)} đến ${formatDate(to)}).`;
  if (asOf > today) return `Ngày số liệu ${formatDate(asOf)} chưa đến (hôm nay là ${formatDate(today)}); không ghi số liệu cho ngày tương lai.`;
  return null;
}
