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
  const rows = db
    .prepare(
      `SELECT r.unit_id AS unitId, r.indicator_code AS code, r.value AS value
       FROM results r
       JOIN (SELECT unit_id, indicator_code, MAX(as_of) AS as_of FROM results WHERE as_of BETWEEN ? AND ? GROUP BY unit_id, indicator_code) last
         ON last.unit_id = r.unit_id AND last.indicator_code = r.indicator_code AND last.as_of = r.as_of`,
    )
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
