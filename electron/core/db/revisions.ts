import type { Store } from './store';

export type RevisionArea = 'units' | 'results' | 'targets';

export type Revisions = Record<RevisionArea, number>;

/**
 * Counters bumped by triggers on every write (migrations 3 and 4), from any process sharing
 * the database: cheap cache keys, read in one query.
 */
export async function revisions(store: Store): Promise<Revisions> {
  const rows = await store.db.selectFrom('revisions').select(['area', 'n']).execute();
  const out: Revisions = { units: 0, results: 0, targets: 0 };
  for (const r of rows) if (r.area in out) out[r.area as RevisionArea] = Number(r.n);
  return out;
}

export async function revision(store: Store, area: RevisionArea): Promise<number> {
  return (await revisions(store))[area];
}
