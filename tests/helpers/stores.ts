import type { Kysely, RawBuilder } from 'kysely';
import { openStore } from '../../electron/core/db/open';
import type { Store } from '../../electron/core/db/store';
import { testDatabaseUrl } from './core';
import { hashDatabase } from './dbHash';
import { onCleanup, tempDataDir } from './fixtures';

/** A database of this run's engine, opened but not migrated (a data folder's file, or a fresh PostgreSQL database). */
export async function openTestStore(dataDir = tempDataDir()): Promise<Store> {
  const url = await testDatabaseUrl(dataDir, { empty: true });
  const store = await openStore(url ? { engine: 'postgres', url } : { engine: 'sqlite', dataDir });
  onCleanup(() => store.close());
  return store;
}

/** The query builder without today's table types: for tests that write data of an older schema version. */
export function untyped(store: Store): Kysely<any> { // eslint-disable-line @typescript-eslint/no-explicit-any
  return store.db as unknown as Kysely<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/**
 * Rows read through a connection of its own to a data folder's database (its file, or its
 * test database on the PostgreSQL run): what another program would see.
 */
export async function queryDataDir<T>(dataDir: string, query: RawBuilder<T>): Promise<T[]> {
  const url = await testDatabaseUrl(dataDir);
  const store = await openStore(url ? { engine: 'postgres', url } : { engine: 'sqlite', dataDir });
  try {
    return (await query.execute(store.db)).rows;
  } finally {
    await store.close();
  }
}

/** The content hash of a data folder's database, read through a connection of its own. */
export async function hashDataDir(dataDir: string): Promise<string> {
  const url = await testDatabaseUrl(dataDir);
  const store = await openStore(url ? { engine: 'postgres', url } : { engine: 'sqlite', dataDir });
  try {
    return await hashDatabase(store);
  } finally {
    await store.close();
  }
}
