/**
 * Reporting periods. A period is represented by the figure of its last month (a month's
 * figure is the last as-of date in it); an ongoing quarter or year uses its latest month.
 */
export type PeriodKind = 'month' | 'quarter' | 'year';

export interface Period {
  kind: PeriodKind;
  year: number;
  /** Month 1–12, quarter 1–4; ignored for a year. */
  index: number;
}

const ROMAN = ['I', 'II', 'III', 'IV'];

export function ym(year: number, month: number): string {
  return `${year}-${String(month).padStart(2, '0')}`;
}

export function parseYm(text: string): { year: number; month: number } | null {
  const m = /^(\d{4})-(\d{2})$/.exec(text);
  if (!m) return null;
  const month = Number(m[2]);
  return month >= 1 && month <= 12 ? { year: Number(m[1]), month } : null;
}

export function addMonths(yearMonth: string, delta: number): string {
  const p = parseYm(yearMonth)!;
  const total = p.year * 12 + (p.month - 1) + delta;
  return ym(Math.floor(total / 12), (total % 12) + 1);
}

/** The month whose figure stands for the period, never later than `currentMonth`. */
export function periodEndMonth(period: Period, currentMonth?: string): string {
  const last = period.kind === 'month' ? period.index : period.kind === 'quarter' ? period.index * 3 : 12;
  const end = ym(period.year, last);
  return currentMonth && end > currentMonth && currentMonth.startsWith(String(period.year)) ? currentMonth : end;
}

export function periodLabel(period: Period): string {
  if (period.kind === 'month') return `Tháng ${String(period.index).padStart(2, '0')}/${period.year}`;
  if (period.kind === 'quarter') return `Quý ${ROMAN[period.index - 1] ?? period.index}/${period.year}`;
  return `Năm ${period.year}`;
}

export function monthLabel(yearMonth: string): string {
  const p = parseYm(yearMonth);
  return p ? `${String(p.month).padStart(2, '0')}/${p.year}` : yearMonth;
}

/** First and last ISO day of a month. */
export function monthBounds(yearMonth: string): { from: string; to: string } {
  const p = parseYm(yearMonth)!;
  const last = new Date(Date.UTC(p.year, p.month, 0)).getUTCDate();
  return { from: `${yearMonth}-01`, to: `${yearMonth}-${String(last).padStart(2, '0')}` };
}

/** The day a month's data is cut off: the 25th; December closes on 31/12 (DOMAIN.md). */
export function cutoffDay(yearMonth: string): string {
  return yearMonth.endsWith('-12') ? monthBounds(yearMonth).to : `${yearMonth}-25`;
}

/** The day a month's figures stand at: its cut-off, or today while the month is still running. */
export function figuresDay(yearMonth: string, today: string): string {
  const cutoff = cutoffDay(yearMonth);
  return cutoff < today ? cutoff : today;
}

/**
 * The last month whose data is cut off by `today` (YYYY-MM-DD): what the dashboard and the
 * report open on. On 24/03 that is February; on 25/03, March; on 30/12, November.
 */
export function lastClosedMonth(today: string): string {
  const month = today.slice(0, 7);
  return today >= cutoffDay(month) ? month : addMonths(month, -1);
}

/** The day whose unit tree a month is shown on: its last day, or today while it is running. */
export function treeDateOf(yearMonth: string, today: string): string {
  const { to } = monthBounds(yearMonth);
  return to < today ? to : today;
}

export function monthPeriod(yearMonth: string): Period {
  const p = parseYm(yearMonth)!;
  return { kind: 'month', year: p.year, index: p.month };
}

/**
 * The first and last day of a period typed as `YYYY`, `YYYY-MM` or `YYYY-Qn` (campaign lists,
 * emulation scoring); null when the text is none of these.
 */
export function periodDays(text: string): { from: string; to: string; kind: PeriodKind; year: number; index: number } | null {
  const t = text.trim().toUpperCase();
  let m = /^(\d{4})$/.exec(t);
  if (m) return { from: `${m[1]}-01-01`, to: `${m[1]}-12-31`, kind: 'year', year: Number(m[1]), index: 12 };
  m = /^(\d{4})-Q([1-4])$/.exec(t);
  if (m) {
    const q = Number(m[2]);
    return { from: monthBounds(ym(Number(m[1]), q * 3 - 2)).from, to: monthBounds(ym(Number(m[1]), q * 3)).to, kind: 'quarter', year: Number(m[1]), index: q };
  }
  const p = parseYm(t);
  if (p) return { ...monthBounds(t), kind: 'month', year: p.year, index: p.month };
  return null;
}
