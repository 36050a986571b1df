import { addMonths, monthBounds } from '../../../shared/domain/periods';
import type { Store } from '../db/store';
import { ResultRepository } from './repository';

/** Recorded unit id → the month's figure (its last as-of date in the month) of one indicator. */
export type MonthFigures = Map<number, number>;

/** Some months of some indicators: what one request reads. */
export interface MonthNeed {
  months: readonly string[];
  indicators: readonly string[];
}

interface Entry {
  rev: number;
  months: Map<string, MonthFigures>;
}

const cache = new WeakMap<Store, Entry>();
const EMPTY: MonthFigures = new Map();
const LIMIT = 2000;

const key = (month: string, indicator: string) => `${month}|${indicator}`;

/** Runs of consecutive months asking for the same indicators: one range condition each. */
function spans(missing: Map<string, string[]>): { from: string; to: string; codes: string[] }[] {
  const out: { from: string; to: string; codes: string[]; last: string; sig: string }[] = [];
  for (const month of [...missing.keys()].sort()) {
    const codes = missing.get(month)!.sort();
    const sig = codes.join(',');
    const prev = out.at(-1);
    if (prev && prev.sig === sig && addMonths(prev.last, 1) === month) prev.last = month;
    else out.push({ from: month, to: month, codes, last: month, sig });
  }
  return out.map((s) => ({ from: monthBounds(s.from).from, to: monthBounds(s.last).to, codes: s.codes }));
}

/**
 * Month figures as recorded, read in one query for exactly the months and indicators a
 * request needs, and kept until results change (the revision counter): flipping between
 * periods touches the same months again and again, so after the first view a period change
 * reads only the pairs it has not seen.
 */
export async function loadMonths(store: Store, resultsRevision: number, needs: readonly MonthNeed[]): Promise<(month: string, indicator: string) => MonthFigures> {
  let entry = cache.get(store);
  if (!entry || entry.rev !== resultsRevision) cache.set(store, (entry = { rev: resultsRevision, months: new Map() }));
  const wanted = new Set(needs.flatMap((n) => n.months.flatMap((m) => n.indicators.map((i) => key(m, i)))));
  const missing = new Map<string, string[]>();
  for (const k of wanted) {
    if (entry.months.has(k)) continue;
    const [month, indicator] = k.split('|') as [string, string];
    missing.set(month, [...(missing.get(month) ?? []), indicator]);
  }
  if (missing.size) {
    if (entry.months.size + wanted.size > LIMIT) entry.months = new Map();
    const rows = await new ResultRepository(store).inSpans(spans(missing));
    // Every pair asked for is now known, even those without a row: missing is not zero, but it is loaded.
    for (const [month, codes] of missing) for (const i of codes) entry.months.set(key(month, i), new Map());
    // Rows come oldest first: a later as-of date of the same month overwrites an earlier one.
    for (const r of rows) entry.months.get(key(r.asOf.slice(0, 7), r.indicatorCode))?.set(r.unitId, r.value);
  }
  // The caller keeps what it asked for, even if another request later empties the cache.
  const held = new Map([...wanted].map((k) => [k, entry!.months.get(k) ?? EMPTY] as const));
  return (month, indicator) => {
    const figures = held.get(key(month, indicator));
    if (!figures) throw new Error(`Số liệu tháng ${month} (${indicator}) chưa được nạp trước khi tính.`);
    return figures;
  };
}
