import { sql } from 'kysely';
import { AppError } from '../../../shared/contract';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, type Migration, type MigrationContext } from './migrations';
import { PostgresStore } from './postgresStore';
import { SqliteStore } from './sqliteStore';
import type { Store } from './store';

/** Any fixed number: every BHXH Desk process migrating the same server waits on this lock. */
const MIGRATION_LOCK = 4_242_001;

/** The schema version: SQLite's user_version (as since the first release), a table on PostgreSQL. */
export async function schemaVersion(store: Store): Promise<number> {
  if (store instanceof SqliteStore) return store.schemaVersion();
  const exists = await sql<{ t: string | null }>`SELECT to_regclass('schema_migrations')::text AS t`.execute(store.db);
  if (!exists.rows[0]?.t) return 0;
  const row = await sql<{ v: number | null }>`SELECT MAX(version) AS v FROM schema_migrations`.execute(store.db);
  return Number(row.rows[0]?.v ?? 0);
}

/** A database written by a newer BHXH Desk: refused, never guessed at. */
export function newerError(current: number, latest: number): AppError {
  return new AppError(
    'DB_NEWER_VERSION',
    `Cơ sở dữ liệu được tạo bởi phiên bản BHXH Desk mới hơn (lược đồ ${current}, phiên bản này hỗ trợ đến ${latest}). Hãy cập nhật ứng dụng.`,
    { current, latest },
  );
}

/**
 * Runs every pending step in one transaction. On SQLite `beforeMigrate` (a backup) runs first
 * when an existing database is about to change; on PostgreSQL the steps run under an advisory
 * lock, so two processes starting at once migrate the server once. A database written by a
 * newer app is refused rather than guessed at.
 */
export async function migrate(store: Store, options: { beforeMigrate?: (from: number) => Promise<unknown>; migrations?: readonly Migration[] } = {}): Promise<number> {
  const migrations = options.migrations ?? MIGRATIONS;
  const latest = migrations.length ? migrations[migrations.length - 1]!.version : 0;
  const before = await schemaVersion(store);
  if (before > latest) throw newerError(before, latest);
  if (before === latest) return before;
  if (store instanceof SqliteStore && before > 0) await options.beforeMigrate?.(before);
  await store.transaction(async () => {
    if (store instanceof PostgresStore) {
      await sql`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`.execute(store.db);
      await sql`CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`.execute(store.db);
    }
    // Another process may have migrated while this one waited for the lock.
    const current = await schemaVersion(store);
    if (current > latest) throw newerError(current, latest);
    const context: MigrationContext = {
      engine: store.engine,
      get db() {
        return store.db;
      },
      async script(text) {
        if (store instanceof SqliteStore) store.script(text);
        else if (text.trim()) await sql.raw(text).execute(store.db);
      },
    };
    for (const step of migrations.filter((m) => m.version > current)) {
      await step.up(context);
      if (store instanceof SqliteStore) store.script(`PRAGMA user_version = ${step.version}`);
      else await sql`INSERT INTO schema_migrations (version, name, applied_at) VALUES (${step.version}, ${step.name}, ${new Date().toISOString()})`.execute(store.db);
    }
  });
  return latest;
}

export { LATEST_SCHEMA_VERSION };
