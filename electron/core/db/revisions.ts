import type { Db } from './open';

export type RevisionArea = 'units' | 'results' | 'targets';

/** Counters bumped by triggers on every write (migrations 3 and 4): cheap cache keys. */
export function revision(db: Db, area: RevisionArea): number {
  const row = db.prepare('SELECT n FROM revisions WHERE area = ?').get(area) as { n: number } | undefined;
  return row?.n ?? 0;
}
