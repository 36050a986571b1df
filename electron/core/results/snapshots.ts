import { monthBounds } from '../../../shared/domain/periods';
import type { Db } from '../db/open';
import { revision } from '../db/revisions';

/** indicator → recorded unit id → the month's figure (its last as-of date in the month). */
export type MonthSnapshot = Map<string, Map<number, number>>;

const cache = new WeakMap<Db, { rev: number; months: Map<string, MonthSnapshot> }>();

/**
 * Month figures as recorded, cached until results change: a dashboard touches the same few
 * months over and over while the user flips periods.
 */
export function monthSnapshot(db: Db, yearMonth: string): MonthSnapshot {
  const rev = revision(db, 'results');
  let entry = cache.get(db);
  if (!entry || entry.rev !== rev) cache.set(db, (entry = { rev, months: new Map() }));
  let snapshot = entry.months.get(yearMonth);
  if (!snapshot) {
    if (entry.months.size > 240) entry.months.clear();
    snapshot = loadMonth(db, yearMonth);
    entry.months.set(yearMonth, snapshot);
  }
  return snapshot;
}

function loadMonth(db: Db, yearMonth: string): MonthSnapshot {
  const { from, to } = monthBounds(yearMonth);
  // One index range scan in as-of order: a later row of the same unit and indicator simply
  // overwrites an earlier one, which leaves the month's last figure without a GROUP BY.
  const rows = db
    .prepare('SELECT unit_id, indicator_code, value FROM results WHERE as_of BETWEEN ? AND ? ORDER BY as_of')
    .raw()
    .all(from, to) as [number, string, number][];
  const snapshot: MonthSnapshot = new Map();
  for (const [unitId, code, value] of rows) {
    let perUnit = snapshot.get(code);
    if (!perUnit) snapshot.set(code, (perUnit = new Map()));
    perUnit.set(unitId, value);
  }
  return snapshot;
}
