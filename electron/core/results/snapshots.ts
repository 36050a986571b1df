import { addMonths, monthBounds } from '../../../shared/domain/periods';
import type { Store } from '../db/store';
import { ResultRepository } from './repository';

/** Recorded unit id → the month's figure (its last as-of date in the month) of one indicator. */
export type MonthFigures = Map<number, number>;

interface Entry {
  rev: number;
  months: Map<string, MonthFigures>;
}


const cache = new WeakMap<Store, Entry>();
const EMPTY: MonthFigures = new Map();
const LIMIT = 2000;

const key = (month: string, indicator: string) => `${month}|${indicator}`;

/**
 * Month figures as recorded, loaded a window at a time in one query and kept until results
 * change (the revision counter): flipping between periods touches the same months again and
 * again, so after the first view a period change reads only the months it has not seen.
 */
export async function loadMonths(store: Store, resultsRevision: number, months: readonly string[], indicatorCodes: readonly string[]): Promise<(month: string, indicator: string) => MonthFigures> {
  let entry = cache.get(store);
  if (!entry || entry.rev !== resultsRevision) cache.set(store, (entry = { rev: resultsRevision, months: new Map() }));
  const missing = months.filter((m) => indicatorCodes.some((i) => !entry!.months.has(key(m, i)))).sort();
  if (missing.length) {
    if (entry.months.size + missing.length * indicatorCodes.length > LIMIT) entry.months = new Map();
    const first = missing[0]!;
    const last = missing[missing.length - 1]!;
    const rows = await new ResultRepository(store).inRange(monthBounds(first).from, monthBounds(last).to, indicatorCodes);
    // Every month of the span is now known, even those without a row: missing is not zero, but it is loaded.
    for (let m = first; m <= last; m = addMonths(m, 1)) for (const i of indicatorCodes) entry.months.set(key(m, i), new Map());
    // Rows come oldest first: a later as-of date of the same month overwrites an earlier one.
    for (const r of rows) entry.months.get(key(r.asOf.slice(0, 7), r.indicatorCode))!.set(r.unitId, r.value);
  }
  // The caller keeps what it asked for, even if another request later empties the cache.
  const held = new Map(months.flatMap((m) => indicatorCodes.map((i) => [key(m, i), entry!.months.get(key(m, i)) ?? EMPTY] as const)));
  return (month, indicator) => {
    const figures = held.get(key(month, indicator));
    if (!figures) throw new Error(`Số liệu tháng ${month} (${indicator}) chưa được nạp trước khi tính.`);
    return figures;
  };
}
