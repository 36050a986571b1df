import { sql } from 'kysely';
import { BIG_LOAD_ROWS } from '../db/batching';
import type { Store } from '../db/store';

/** Migration 18's triggers copying people.staff_id into person_staff, and dropping a deleted person's row there. */
const STAFF_INSERT_TRIGGER = 'person_staff_insert';
const STAFF_DELETE_TRIGGER = 'person_staff_delete';

/**
 * Indexes a big write touches in order, so they stay: (list_id, status) takes a new list's rows at
 * its end and loses a deleted list's as one run (one list, a few statuses, ids rising: 0,2 s live
 * against 0,4 s rebuilt), and the partial index on staff_id takes none of an import's rows (an
 * import never writes people.staff_id; rebuilt it still scans the whole table, 0,17 s).
 */
const KEPT_LIVE = new Set(['people_list_status', 'people_staff_key']);

/**
 * A commit as big as the people table itself goes in faster without the table's secondary
 * indexes (written at random for every row): they are dropped and built again, sorted, after
 * the INSERT … SELECT, inside the same transaction, as the stores' bulk loads do (on PostgreSQL
 * its foreign keys too). Unique indexes stay, and those written in order (KEPT_LIVE). Returns
 * the statements that put them back.
 */
export async function setPeopleIndexesAside(store: Store, incoming: number): Promise<string[]> {
  if (incoming < BIG_LOAD_ROWS) return [];
  if (incoming < (await peopleCount(store))) return [];
  const restore = await dropIndexes(store);
  // The import writes a person's staff to person_staff itself and never people.staff_id, so the
  // trigger that copies it there can only cost: evaluated for every row, ~0,6–0,9 s a million rows.
  if (store.engine === 'sqlite') restore.push(...(await dropTrigger(store, STAFF_INSERT_TRIGGER)));
  else {
    await sql`ALTER TABLE people DISABLE TRIGGER ${sql.id(STAFF_INSERT_TRIGGER)}`.execute(store.db);
    restore.push(`ALTER TABLE people ENABLE TRIGGER "${STAFF_INSERT_TRIGGER}"`);
  }
  if (store.engine === 'postgres') {
    // PostgreSQL checks a foreign key with a query per row; added back, it is checked in one pass.
    const keys = (
      await sql<{ name: string; definition: string }>`
        SELECT conname AS name, pg_get_constraintdef(oid) AS definition FROM pg_constraint WHERE conrelid = to_regclass('people') AND contype = 'f' ORDER BY conname`.execute(store.db)
    ).rows;
    for (const fk of keys) await sql`ALTER TABLE people DROP CONSTRAINT ${sql.id(fk.name)}`.execute(store.db);
    restore.push(...keys.map((fk) => `ALTER TABLE people ADD CONSTRAINT "${fk.name.replace(/"/g, '""')}" ${fk.definition}`));
  }
  return restore;
}

/**
 * A deletion of most of the people table (a million-row list deleted, its import undone) on
 * SQLite: every secondary index would lose a million entries one by one, at random (57 s for
 * a million rows); without them the rows go in 2 s and the indexes are built again over what
 * stays. The caller deletes the rows' person_staff rows itself first: the trigger that would do it
 * row by row stands aside too. PostgreSQL deletes without touching its indexes (VACUUM cleans
 * them later): nothing set aside there. Returns the statements that put them back.
 */
export async function setPeopleIndexesAsideForDelete(store: Store, going: number): Promise<string[]> {
  if (store.engine !== 'sqlite' || going < BIG_LOAD_ROWS) return [];
  if (going * 2 < (await peopleCount(store))) return [];
  const restore = await dropIndexes(store);
  restore.push(...(await dropTrigger(store, STAFF_DELETE_TRIGGER)));
  return restore;
}

async function peopleCount(store: Store): Promise<number> {
  return Number((await sql<{ n: number }>`SELECT COUNT(*) AS n FROM people`.execute(store.db)).rows[0]?.n ?? 0);
}

/** SQLite: drops a trigger on people, returning its definition to create it again. */
async function dropTrigger(store: Store, name: string): Promise<string[]> {
  const trigger = (await sql<{ definition: string }>`SELECT sql AS definition FROM sqlite_master WHERE type = 'trigger' AND name = ${name}`.execute(store.db)).rows[0];
  if (!trigger) return [];
  await sql`DROP TRIGGER ${sql.id(name)}`.execute(store.db);
  return [trigger.definition];
}

/** Drops the secondary indexes of people but the unique ones and KEPT_LIVE, returning their definitions. */
async function dropIndexes(store: Store): Promise<string[]> {
  const indexes =
    store.engine === 'sqlite'
      ? (
          await sql<{ name: string; definition: string }>`
            SELECT name, sql AS definition FROM sqlite_master
             WHERE type = 'index' AND tbl_name = 'people' AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%'`.execute(store.db)
        ).rows
      : (
          await sql<{ name: string; definition: string }>`
            SELECT i.indexname AS name, i.indexdef AS definition FROM pg_indexes i
             WHERE i.schemaname = current_schema() AND i.tablename = 'people' AND i.indexdef NOT LIKE 'CREATE UNIQUE%'
               AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = format('%I.%I', i.schemaname, i.indexname)::regclass)`.execute(store.db)
        ).rows;
  const aside = indexes.filter((i) => !KEPT_LIVE.has(i.name));
  for (const index of aside) await sql`DROP INDEX ${sql.id(index.name)}`.execute(store.db);
  return aside.map((i) => i.definition);
}

export async function putPeopleIndexesBack(store: Store, definitions: string[]): Promise<void> {
  if (!definitions.length) return;
  await store.buildIndexes(definitions);
  if (store.engine === 'postgres') await sql`ANALYZE people`.execute(store.db);
}
