import { monthBounds } from '../../../shared/domain/periods';
import type { Db } from '../db/open';
import { revision } from '../db/revisions';
import { ResultRepository } from './repository';

/** Recorded unit id → the month's figure (its last as-of date in the month) of one indicator. */
export type MonthFigures = Map<number, number>;

const cache = new WeakMap<Db, { rev: number; entries: Map<string, MonthFigures> }>();

/**
 * Month figures of one indicator as recorded, cached until results change: a dashboard
 * touches the same months over and over while the user flips periods, and the trend needs
 * just one indicator across many months.
 */
export function monthFigures(db: Db, yearMonth: string, indicatorCode: string): MonthFigures {
  const rev = revision(db, 'results');
  let entry = cache.get(db);
  if (!entry || entry.rev !== rev) cache.set(db, (entry = { rev, entries: new Map() }));
  const key = `${yearMonth}|${indicatorCode}`;
  let figures = entry.entries.get(key);
  if (!figures) {
    if (entry.entries.size > 2000) entry.entries.clear();
    figures = loadMonth(db, yearMonth, indicatorCode);
    entry.entries.set(key, figures);
  }
  return figures;
}

function loadMonth(db: Db, yearMonth: string, indicatorCode: string): MonthFigures {
  const { from, to } = monthBounds(yearMonth);
  return new Map(new ResultRepository(db).valuesInRange(indicatorCode, from, to));
}
