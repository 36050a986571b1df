/**
 * The arrears rules (DOMAIN.md, "Employer arrears"): the band of months owed, the arrears ratio
 * (owed ÷ due in the year), the target in force on a day and an overdue promise. Screens, import,
 * report, demo and CLI all use these.
 */
import { BAND_STARTS, LATE_INTEREST_DAILY_PERCENT, REMINDER_FIELDS, REMINDER_TABLE_LINE, type ReminderField, LATE_INTEREST_FROM, type ArrearsBand, type EmployerStatus, type PromiseStatus } from '../domain/arrears';

/** The band of a number of months owed: under 3, 3 to under 6, 6 to under 12, 12 and more. */
export function monthsBand(monthsOwed: number): Exclude<ArrearsBand, 'CLOSED'> {
  if (monthsOwed < BAND_STARTS.FROM_3_TO_6) return 'UNDER_3';
  if (monthsOwed < BAND_STARTS.FROM_6_TO_12) return 'FROM_3_TO_6';
  if (monthsOwed < BAND_STARTS.FROM_12) return 'FROM_6_TO_12';
  return 'FROM_12';
}

/** An employer's band: dissolved, suspended and missing employers form their own group whatever they owe. */
export function arrearsBand(monthsOwed: number, status: EmployerStatus): ArrearsBand {
  return status === 'ACTIVE' ? monthsBand(monthsOwed) : 'CLOSED';
}

/**
 * The arrears ratio in percent, half up to two decimals: 612.570.000 owed of 10.000.000.000 due
 * = 6,13. Exact on whole đồng (no binary noise); null when nothing is due.
 */
export function arrearsRatio(owed: number, due: number | null | undefined): number | null {
  if (due === null || due === undefined || !Number.isFinite(due) || due <= 0) return null;
  const o = BigInt(Math.round(owed));
  const d = BigInt(Math.round(due));
  const negative = o < 0n;
  const abs = negative ? -o : o;
  // hundredths of a percent = owed × 10000 ÷ due, half up.
  const hundredths = (abs * 10000n * 2n + d) / (2n * d);
  const value = Number(hundredths) / 100;
  return negative ? -value : value;
}

/** The row of a dated list in force on a day: the latest `validFrom` on or before it (null: none yet). */
export function inForce<T extends { validFrom: string }>(rows: readonly T[], day: string): T | null {
  let best: T | null = null;
  for (const r of rows) if (r.validFrom <= day && (!best || r.validFrom > best.validFrom)) best = r;
  return best;
}

/**
 * The ratio target in force on a day for an office: the office's own latest row, else the
 * province's (officeCode null). Targets are a maximum ratio: at or under it is met.
 */
export function targetInForce<T extends { validFrom: string; officeCode: string | null }>(rows: readonly T[], day: string, officeCode: string | null): T | null {
  if (officeCode) {
    const own = inForce(rows.filter((r) => r.officeCode === officeCode), day);
    if (own) return own;
  }
  return inForce(rows.filter((r) => r.officeCode === null), day);
}

/** Met when the ratio is at or under the target (both known). */
export function ratioMeetsTarget(ratio: number | null, target: number | null): boolean | null {
  return ratio === null || target === null ? null : ratio <= target;
}

/** A promise is overdue when still pending and its date is before today. */
export function promiseOverdue(p: { status: PromiseStatus; promisedOn: string }, today: string): boolean {
  return p.status === 'PENDING' && p.promisedOn < today;
}

/** The last day of a month YYYY-MM (the day a period's figures stand at). */
export function monthEnd(period: string): string {
  const [y, m] = period.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${period}-${String(last).padStart(2, '0')}`;
}

/** The month `n` months before (negative: after) a YYYY-MM. */
export function shiftMonth(period: string, n: number): string {
  const [y, m] = period.split('-').map(Number) as [number, number];
  const idx = y * 12 + (m - 1) - n;
  return `${Math.floor(idx / 12)}-${String((idx % 12) + 1).padStart(2, '0')}`;
}

/**
 * Late interest from 01/07/2025: 0,03% a day on the late amount, whole đồng half up (days before
 * that date bear none here: the older rules are outside this tool).
 */
export function lateInterest(amount: number, fromDay: string, toDay: string): number {
  const start = fromDay < LATE_INTEREST_FROM ? LATE_INTEREST_FROM : fromDay;
  if (toDay <= start || amount <= 0) return 0;
  const days = Math.round((Date.parse(toDay) - Date.parse(start)) / 86_400_000);
  return Math.floor((amount * days * LATE_INTEREST_DAILY_PERCENT) / 100 + 0.5);
}

/** What is wrong with a reminder template, in Vietnamese (empty when it can be used). */
export function reminderTemplateProblems(template: string): string[] {
  const problems: string[] = [];
  const unknown = [...new Set([...template.matchAll(/\{([^{}\s]*)\}/g)].map((m) => m[1]!))].filter((f) => !(f in REMINDER_FIELDS));
  if (unknown.length) problems.push(`Mẫu có trường không có: ${unknown.map((f) => `{${f}}`).join(', ')}. Các trường dùng được: ${Object.keys(REMINDER_FIELDS).map((f) => `{${f}}`).join(', ')}.`);
  const lines = template.split(/\r?\n/).map((l) => l.trim());
  const tables = lines.filter((l) => l === REMINDER_TABLE_LINE).length;
  if (tables !== 1) problems.push(`Mẫu phải có đúng một dòng chỉ ghi ${REMINDER_TABLE_LINE} (chỗ đặt bảng số liệu các tháng).`);
  else if (lines.some((l) => l !== REMINDER_TABLE_LINE && l.includes(REMINDER_TABLE_LINE))) problems.push(`${REMINDER_TABLE_LINE} phải nằm trên một dòng riêng.`);
  if (!lines.some((l) => l !== '' && l !== REMINDER_TABLE_LINE)) problems.push('Mẫu chưa có nội dung.');
  return problems;
}

/** A reminder template filled: its paragraphs in order, 'table' where the table of months goes; empty lines left out. */
export function fillReminderTemplate(template: string, values: Record<Exclude<ReminderField, 'bang_so_lieu'>, string>): ({ kind: 'paragraph'; text: string } | { kind: 'table' })[] {
  return template
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .map((l) => (l === REMINDER_TABLE_LINE ? { kind: 'table' as const } : { kind: 'paragraph' as const, text: l.replace(/\{([a-z_]+)\}/g, (m, f: string) => (f in values ? values[f as keyof typeof values] : m)) }));
}
