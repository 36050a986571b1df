import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';

type Db = Database.Database;

function replacer(_key: string, value: unknown): unknown {
  if (typeof value === 'bigint') return `bigint:${value.toString()}`;
  if (value && typeof value === 'object' && (value as { type?: string }).type === 'Buffer') {
    return `buffer:${Buffer.from((value as { data: number[] }).data).toString('hex')}`;
  }
  return value;
}

/** Every table's name and full content, rows ordered by all columns; plus schema and user_version. */
export function dumpDatabase(db: Db): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  out['@user_version'] = db.pragma('user_version', { simple: true });
  out['@schema'] = db.prepare('SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name').all();
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[];
  for (const { name } of tables) {
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

/** A SHA-256 over dumpDatabase: equal hashes mean the database content is unchanged. */
export function hashDatabase(db: Db): string {
  return createHash('sha256')
    .update(JSON.stringify(dumpDatabase(db), replacer))
    .digest('hex');
}

/** The same hash read through a separate read-only connection to a database file. */
export function hashDatabaseFile(path: string): string {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return hashDatabase(db);
  } finally {
    db.close();
  }
}

/** Row counts per table, for readable assertions. */
export function tableCounts(db: Db): Record<string, number> {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[];
  return Object.fromEntries(tables.map(({ name }) => [name, (db.prepare(`SELECT COUNT(*) AS n FROM "${name}"`).get() as { n: number }).n]));
}
