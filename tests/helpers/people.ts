import type { Store } from '../../electron/core/db/store';
import { GENERATED_PERSON_COLUMNS, generatePeopleRows, type GeneratePeopleOptions } from '../../electron/core/demo/demoPeople';
import { foldText } from '../../shared/text/fold';

/** The tests' fixed clock (core.ts's FIXED_NOW; not imported from there, which needs Vitest, so the bench can use this file). */
const FIXED_NOW = new Date('2026-11-22T10:00:00');

/** A list straight into person_lists (no audit): tests and the bench fill it with insertPeople. */
export async function createList(store: Store, name: string, kind: 'PROSPECT' | 'DUE' = 'PROSPECT', extra: { retainUntil?: string | null } = {}): Promise<number> {
  const now = FIXED_NOW.toISOString();
  const row = await store.db
    .insertInto('person_lists')
    .values({ name, name_key: foldText(name), kind, source: 'kiểm thử', retain_until: extra.retainUntil ?? null, created_by: 'kiem-thu', created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The communes generated people live in when a test names none. */
export const GENERATED_COMMUNES = Array.from({ length: 40 }, (_, i) => ({ code: String(98001 + i), name: `Xã Thử Nghiệm ${i + 1}` }));

/**
 * N generated people (unique CCCD, mã số BHXH, phone from `serialFrom`) inserted with
 * store.bulkInsert in chunks: 100,000 rows in a few seconds on either engine.
 */
export async function insertPeople(
  store: Store,
  listId: number,
  count: number,
  options: Partial<Omit<GeneratePeopleOptions, 'listId' | 'count'>> = {},
): Promise<void> {
  const chunk = 100_000;
  for (let done = 0; done < count; done += chunk) {
    const rows = generatePeopleRows({
      communes: GENERATED_COMMUNES, hamletsPerCommune: 8, assignedShare: 0, due: false, today: '2026-11-22', now: FIXED_NOW.toISOString(), seed: 1 + done, ...options,
      listId, count: Math.min(chunk, count - done), serialFrom: (options.serialFrom ?? 0) + done,
    });
    await store.bulkInsert('people', GENERATED_PERSON_COLUMNS, rows);
  }
}
