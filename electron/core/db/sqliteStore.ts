import { existsSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect, type SqliteDatabase, type SqliteStatement } from 'kysely';
import { BIG_LOAD_ROWS } from './batching';
import type { Schema, TableName } from './schema';
import { Store } from './store';
import { WalCheckpointer } from './walCheckpointer';

/**
 * SQLite's sorter sorts runs as large as the page cache, then merges them. Runs of 1 MB stay in
 * the CPU's cache and two threads sort them side by side: the nine indexes of a 1,000,000-row
 * people table built in 4,5 s instead of 8,8–9,8 s with the 32 MB cache (runs of 256 KB–8 MB
 * and 0–8 threads measured; 2 MB with one thread 6,0 s).
 */
const INDEX_SORT_CACHE = -1024;
const INDEX_SORT_THREADS = 2;
/** Page size of a database this app creates (see open). */
const PAGE_SIZE = 8192;

/** Rows per multi-row INSERT of a bulk load (within SQLite's 999 parameters for older builds). */
const BULK_ROWS = 100;


/** Tables whose writes move a revision counter, and which one. */
const REVISION_AREA: Partial<Record<TableName, string>> = { results: 'results', targets: 'targets' };

/** Statements Kysely asks for again and again (every dashboard, every import row) are prepared once. */
const STATEMENT_CACHE_LIMIT = 500;

/**
 * The embedded database: one better-sqlite3 connection in the data folder, WAL, synchronous
 * FULL, foreign keys on. Kysely's SQLite driver serialises requests on the one connection,
 * so an awaited transaction never interleaves with another request's queries.
 */
export class SqliteStore extends Store {
  readonly engine = 'sqlite' as const;
  readonly location: string;
  protected readonly root: Kysely<Schema>;
  private readonly statements = new Map<string, SqliteStatement>();
  private checkpointer: WalCheckpointer | null = null;
  private largeWrites = 0;
  private automaticCheckpoint = 1000;

  constructor(
    readonly file: string,
    /** The better-sqlite3 handle, for what only SQLite has: backup, pragmas, scripts. */
    readonly raw: Database.Database,
  ) {
    super();
    this.location = file;
    const cached: SqliteDatabase = {
      prepare: (sql) => {
        let statement = this.statements.get(sql);
        if (!statement) {
          if (this.statements.size >= STATEMENT_CACHE_LIMIT) this.statements.clear();
          statement = raw.prepare(sql) as unknown as SqliteStatement;
          this.statements.set(sql, statement);
        }
        return statement;
      },
      close: () => raw.close(),
    };
    this.root = new Kysely<Schema>({ dialect: new SqliteDialect({ database: cached }), log: this.countQueries });
  }

  static open(file: string, options: { readonly?: boolean; fileMustExist?: boolean } = {}): SqliteStore {
    const raw = new Database(file, { readonly: options.readonly ?? false, fileMustExist: options.fileMustExist ?? false });
    try {
      // A new database only (an existing one keeps its size): 8 KB pages build a million-row
      // table's indexes ~20 % faster than 4 KB ones (fewer, fuller pages to sort into and write).
      if (!options.readonly) raw.pragma(`page_size = ${PAGE_SIZE}`);
      if (!options.readonly) raw.pragma('journal_mode = WAL');
      raw.pragma('synchronous = FULL');
      raw.pragma('foreign_keys = ON');
      raw.pragma('busy_timeout = 5000');
      // 32 MB of page cache: bulk loads and month scans stay in memory instead of spilling.
      raw.pragma('cache_size = -32768');
    } catch (error) {
      // "file is not a database": do not leave the handle open (it would hold the file during a restore).
      raw.close();
      throw error;
    }
    return new SqliteStore(file, raw);
  }

  /** Several statements at once (migrations). Cached statements may name dropped tables: forget them. */
  script(sql: string): void {
    this.statements.clear();
    if (sql.trim()) this.raw.exec(sql);
  }

  schemaVersion(): number {
    return this.raw.pragma('user_version', { simple: true }) as number;
  }

  applicationId(): number {
    return this.raw.pragma('application_id', { simple: true }) as number;
  }

  /** A consistent copy of the live database through SQLite's online backup API. */
  async backupTo(file: string): Promise<void> {
    await this.raw.backup(file);
  }

  /** The same copy taken on the side connection's thread while this one goes on (see WalCheckpointer.backup). */
  async backupAside(file: string): Promise<void> {
    this.checkpointer ??= new WalCheckpointer(this.file);
    await this.checkpointer.backup(file);
  }

  /** Folds the WAL into the main file, so the file alone is the whole database. */
  checkpoint(): void {
    this.raw.pragma('wal_checkpoint(TRUNCATE)');
  }

  /**
   * SQLite's automatic checkpoint is off while `fn` runs, so the commit returns once its log is
   * written (durable: synchronous FULL); the checkpointer's thread then copies the log into the file.
   * Another request's commit meanwhile does not checkpoint either; the one after catches up.
   */
  override async largeWrite<T>(fn: () => Promise<T>): Promise<T> {
    if (this.inTransaction) return fn();
    // Two at once (two imports): the setting comes back when the last one ends, not in between.
    if (this.largeWrites++ === 0) {
      this.automaticCheckpoint = this.raw.pragma('wal_autocheckpoint', { simple: true }) as number;
      this.raw.pragma('wal_autocheckpoint = 0');
    }
    try {
      return await fn();
    } finally {
      if (--this.largeWrites === 0 && this.raw.open) {
        this.raw.pragma(`wal_autocheckpoint = ${this.automaticCheckpoint}`);
        this.checkpointer ??= new WalCheckpointer(this.file);
        void this.checkpointer.request();
      }
    }
  }

  override async checkpointsSettled(): Promise<void> {
    await this.checkpointer?.idle();
  }

  /** VACUUM rewrites the whole file without the free pages; the WAL is folded in and truncated after. */
  async compact(): Promise<void> {
    if (this.inTransaction) throw new Error('VACUUM cannot run inside a transaction');
    this.statements.clear();
    this.raw.pragma('wal_checkpoint(TRUNCATE)');
    this.raw.exec('VACUUM');
    this.raw.pragma('wal_checkpoint(TRUNCATE)');
  }

  override fileBytes(): number {
    const wal = `${this.file}-wal`;
    return statSync(this.file).size + (existsSync(wal) ? statSync(wal).size : 0);
  }

  async check(): Promise<{ ok: boolean; message: string }> {
    try {
      const lines = (this.raw.pragma('quick_check') as { quick_check: string }[]).map((r) => r.quick_check);
      return lines.length === 1 && lines[0] === 'ok' ? { ok: true, message: 'ok' } : { ok: false, message: lines.slice(0, 5).join('; ') };
    } catch (error) {
      return { ok: false, message: (error as Error).message };
    }
  }

  async bulkInsert(table: TableName, columns: readonly string[], rows: readonly (readonly unknown[])[]): Promise<void> {
    if (rows.length === 0) return;
    // Multi-row statements prepared once, run inside the transaction: better-sqlite3's fastest path.
    const per = Math.max(1, Math.min(BULK_ROWS, Math.floor(999 / columns.length)));
    const tuple = `(${columns.map(() => '?').join(', ')})`;
    const statement = (n: number) => this.raw.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${Array(n).fill(tuple).join(', ')}`);
    const full = statement(per);
    const area = REVISION_AREA[table];
    await this.transaction(async () => {
      // The counter moves once for the whole load (migration 8), not once per row.
      if (area) this.raw.prepare('INSERT INTO bulk_loading (area) VALUES (?)').run(area);
      const setAside = this.setAside(table, rows.length);
      let i = 0;
      for (; i + per <= rows.length; i += per) full.run(rows.slice(i, i + per).flat() as unknown[]);
      if (i < rows.length) statement(rows.length - i).run(rows.slice(i).flat() as unknown[]);
      this.buildIndexesNow(setAside);
      if (area) {
        this.raw.prepare('DELETE FROM bulk_loading').run();
        this.raw.prepare('UPDATE revisions SET n = n + 1 WHERE area = ?').run(area);
      }
    });
  }

  async buildIndexes(statements: readonly string[]): Promise<void> {
    await this.transaction(async () => this.buildIndexesNow(statements));
  }

  private buildIndexesNow(statements: readonly string[]): void {
    if (statements.length === 0) return;
    const cache = this.raw.pragma('cache_size', { simple: true }) as number;
    const threads = this.raw.pragma('threads', { simple: true }) as number;
    this.raw.pragma(`cache_size = ${INDEX_SORT_CACHE}`);
    this.raw.pragma(`threads = ${INDEX_SORT_THREADS}`);
    try {
      for (const sql of statements) this.raw.exec(sql);
    } finally {
      this.raw.pragma(`cache_size = ${cache}`);
      this.raw.pragma(`threads = ${threads}`);
      // Cached statements were prepared against the schema before the indexes came back.
      this.statements.clear();
    }
  }

  /**
   * A load as big as the table itself goes in faster without its secondary indexes (rows come in
   * key order, an index on other columns is written at random: 944,000 rows 25 s → 5 s); they are
   * dropped and built again, sorted, in the same transaction. Unique indexes stay (they enforce),
   * and so do triggers other than the insert triggers that stand aside during a bulk load anyway.
   */
  private setAside(table: TableName, incoming: number): string[] {
    if (incoming < BIG_LOAD_ROWS) return [];
    const existing = (this.raw.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    if (incoming < existing) return [];
    const objects = this.raw
      .prepare(
        `SELECT type, name, sql FROM sqlite_master WHERE tbl_name = ? AND sql IS NOT NULL
           AND ((type = 'index' AND sql NOT LIKE 'CREATE UNIQUE%') OR (type = 'trigger' AND sql LIKE '%bulk_loading%'))`,
      )
      .all(table) as { type: 'index' | 'trigger'; name: string; sql: string }[];
    for (const o of objects) this.raw.exec(`DROP ${o.type === 'index' ? 'INDEX' : 'TRIGGER'} "${o.name.replace(/"/g, '""')}"`);
    return objects.map((o) => o.sql);
  }

  async close(): Promise<void> {
    this.statements.clear();
    // Its connection goes first: the file may be replaced (restore) or deleted right after.
    await this.checkpointer?.close();
    this.checkpointer = null;
    if (this.raw.open) await this.root.destroy();
    if (this.raw.open) this.raw.close();
  }
}
