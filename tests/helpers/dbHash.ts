import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { SqliteStore } from '../../electron/core/db/sqliteStore';
import type { Store } from '../../electron/core/db/store';

type Db = Database.Database;

function replacer(_key: string, value: unknown): unknown {
  if (typeof value === 'bigint') return `bigint:${value.toString()}`;
  if (value && typeof value === 'object' && (value as { type?: string }).type === 'Buffer') {
    return `buffer:${Buffer.from((value as { data: number[] }).data).toString('hex')}`;
  }
  return value;
}

/**
 * The import pipeline's work area (migration 19): a preview stages its rows there by design, so
 * "nothing changed" is about the data, not the stage. The tables' schema is still hashed; the
 * pipeline's own tests look at the stage directly.
 */
const SCRATCH_TABLES = new Set(['import_sessions', 'import_stage_rows']);

/** Every table's name and full content, rows ordered by all columns; plus schema and user_version. */
export function dumpSqlite(db: Db): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  out['@user_version'] = db.pragma('user_version', { simple: true });
  out['@schema'] = db.prepare('SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name').all();
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[];
  for (const { name } of tables) {
    if (SCRATCH_TABLES.has(name)) continue;
    const columns = db.prepare(`PRAGMA table_info("${name.replace(/"/g, '""')}")`).all() as { name: string }[];
    if (columns.length === 0) continue;
    const orderBy = columns.map((_, i) => String(i + 1)).join(', ');
    out[name] = db
      .prepare(`SELECT * FROM "${name.replace(/"/g, '""')}" ORDER BY ${orderBy}`)
      .raw(true)
      .all();
  }
  return out;
}

async function pgTables(store: Store): Promise<{ name: string; columns: number }[]> {
  const rows = await sql<{ name: string; columns: number }>`
    SELECT t.table_name AS name, (SELECT COUNT(*) FROM information_schema.columns c WHERE c.table_schema = t.table_schema AND c.table_name = t.table_name) AS columns
    FROM information_schema.tables t WHERE t.table_schema = current_schema() AND t.table_type = 'BASE TABLE' ORDER BY t.table_name`.execute(store.db);
  return rows.rows.map((r) => ({ name: r.name, columns: Number(r.columns) }));
}

/** The same dump on PostgreSQL: tables of the current schema, their columns and ordered rows. */
async function dumpPostgres(store: Store): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  out['@schema'] = (
    await sql`SELECT table_name, column_name, data_type, is_nullable, column_default FROM information_schema.columns WHERE table_schema = current_schema() ORDER BY 1, 2`.execute(store.db)
  ).rows;
  for (const t of await pgTables(store)) {
    if (SCRATCH_TABLES.has(t.name)) continue;
    const orderBy = Array.from({ length: t.columns }, (_, i) => String(i + 1)).join(', ');
    out[t.name] = (await sql.raw(`SELECT * FROM "${t.name}" ORDER BY ${orderBy}`).execute(store.db)).rows.map((r) => Object.values(r as object));
  }
  return out;
}

/** A SHA-256 over the whole content: equal hashes mean the database is unchanged, on either engine. */
export async function hashDatabase(store: Store): Promise<string> {
  const dump = store instanceof SqliteStore ? dumpSqlite(store.raw) : await dumpPostgres(store);
  return createHash('sha256').update(JSON.stringify(dump, replacer)).digest('hex');
}

/** The same hash read through a separate read-only connection to a database file. */
export function hashDatabaseFile(path: string): string {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return createHash('sha256').update(JSON.stringify(dumpSqlite(db), replacer)).digest('hex');
  } finally {
    db.close();
  }
}

/** Row counts per table, for readable assertions. */
export async function tableCounts(store: Store): Promise<Record<string, number>> {
  const names =
    store instanceof SqliteStore
      ? (store.raw.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((r) => r.name)
      : (await pgTables(store)).map((t) => t.name).filter((n) => n !== 'schema_migrations');
  const out: Record<string, number> = {};
  for (const name of names) out[name] = Number((await sql.raw<{ n: number }>(`SELECT COUNT(*) AS n FROM "${name}"`).execute(store.db)).rows[0]!.n);
  return out;
}

/** Rows of a query written once for both engines (Kysely's sql template: parameters bound). */
export async function rows<T = Record<string, unknown>>(store: Store, query: ReturnType<typeof sql<T>>): Promise<T[]> {
  return (await query.execute(store.db)).rows;
}

/** The first column of the first row, as a number when it is one. */
export async function scalar(store: Store, query: ReturnType<typeof sql>): Promise<unknown> {
  const first = (await query.execute(store.db)).rows[0] as Record<string, unknown> | undefined;
  return first ? Object.values(first)[0] : undefined;
}
