import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Kysely, PostgresDialect, type PostgresPool } from 'kysely';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { AppError } from '../../../shared/contract';
import { BIG_LOAD_ROWS } from './batching';
import { copyCsvLine } from './copyCsv';
import type { Schema, TableName } from './schema';
import { currentScope, Store } from './store';

const guarded = new WeakSet<pg.PoolClient>();

/** Rows per COPY chunk written to the stream: bounded memory however many rows come. */
const COPY_CHUNK = 5000;

/** COUNT and SUM come back as int8/numeric text; the app's figures fit in a double. */
const NUMERIC_TYPES = new Set([20, 1700]);

/** The URL without its password, for messages and the About box. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    u.password = '';
    return u.toString().replace(/:@/, '@');
  } catch {
    return 'postgres://…';
  }
}

/**
 * The shared database on a PostgreSQL server (14 or newer) through a `pg` pool. Several
 * workstations and the BHXH cơ sở offices of a province use one; the server's administrator
 * backs it up.
 */
export class PostgresStore extends Store {
  readonly engine = 'postgres' as const;
  readonly location: string;
  protected readonly root: Kysely<Schema>;

  private constructor(
    readonly url: string,
    readonly pool: pg.Pool,
  ) {
    super();
    this.location = redactUrl(url);
    // The wrapper notes which client a transaction got, so COPY can run on that same connection.
    const wrapped: PostgresPool = {
      connect: async () => {
        const client = await pool.connect();
        // A connection cut while in use emits 'error' on its client: the query in flight fails
        // (and is answered in Vietnamese); the event itself must not end the process.
        if (!guarded.has(client)) {
          guarded.add(client);
          client.on('error', () => undefined);
        }
        const scope = currentScope();
        if (scope?.store === this && !scope.client) scope.client = client;
        return client;
      },
      end: () => pool.end(),
      get options() {
        return pool.options;
      },
    };
    this.root = new Kysely<Schema>({ dialect: new PostgresDialect({ pool: wrapped }), log: this.countQueries });
  }

  /** Connects once to find out now (not at the first screen) whether the server is there. */
  static async open(url: string): Promise<PostgresStore> {
    const pool = new pg.Pool({
      connectionString: url,
      max: 8,
      connectionTimeoutMillis: 10_000,
      idleTimeoutMillis: 30_000,
      application_name: 'BHXH Desk',
      types: { getTypeParser: ((oid: number, format?: string) => (NUMERIC_TYPES.has(oid) ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format as 'text'))) as typeof pg.types.getTypeParser },
    });
    // An idle connection dropped by the server must not crash the process; the next query reconnects.
    pool.on('error', () => undefined);
    const store = new PostgresStore(url, pool);
    try {
      const client = await pool.connect();
      try {
        const { rows } = await client.query<{ v: number }>("SELECT current_setting('server_version_num')::int AS v");
        if ((rows[0]?.v ?? 0) < 140000) throw new AppError('DB_UNSUPPORTED', `Máy chủ PostgreSQL ${store.location} là phiên bản cũ; BHXH Desk cần PostgreSQL 14 trở lên.`);
      } finally {
        client.release();
      }
    } catch (error) {
      await pool.end().catch(() => undefined);
      throw error instanceof AppError ? error : connectionError(error, store.location);
    }
    return store;
  }

  /** VACUUM of the tables (on the pool, outside any transaction): their dead rows' space is reused. */
  async compact(tables: readonly TableName[]): Promise<void> {
    for (const table of tables) await this.pool.query(`VACUUM ANALYZE ${table}`);
  }

  async check(): Promise<{ ok: boolean; message: string }> {
    try {
      await this.pool.query('SELECT 1');
      return { ok: true, message: 'ok' };
    } catch (error) {
      return { ok: false, message: connectionError(error, this.location).message };
    }
  }

  async bulkInsert(table: TableName, columns: readonly string[], rows: readonly (readonly unknown[])[]): Promise<void> {
    if (rows.length === 0) return;
    await this.transaction(async () => {
      const client = currentScope()?.client as pg.PoolClient | undefined;
      if (!client) throw new AppError('INTERNAL', 'Không tìm thấy kết nối của giao dịch để ghi hàng loạt.');
      const setAside = await setAsideForLoad(client, table, rows.length);
      const stream = client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN WITH (FORMAT csv)`));
      await pipeline(Readable.from(csvChunks(rows)), stream);
      await buildIndexesOn(client, setAside);
      // The planner's statistics of a table that has just doubled or more are stale until autovacuum gets to it.
      if (setAside.length) await client.query(`ANALYZE ${table}`);
    });
  }

  async buildIndexes(statements: readonly string[]): Promise<void> {
    await this.transaction(async () => {
      const client = currentScope()?.client as pg.PoolClient | undefined;
      if (!client) throw new AppError('INTERNAL', 'Không tìm thấy kết nối của giao dịch để lập chỉ mục.');
      await buildIndexesOn(client, statements);
    });
  }

  /**
   * CSV text already built (by a worker: the rows never become objects on this thread) copied
   * into `table` in one transaction. For staging tables: nothing is set aside.
   */
  async copyCsv(table: TableName, columns: readonly string[], chunks: readonly Uint8Array[]): Promise<void> {
    if (chunks.length === 0) return;
    await this.transaction(async () => {
      const client = currentScope()?.client as pg.PoolClient | undefined;
      if (!client) throw new AppError('INTERNAL', 'Không tìm thấy kết nối của giao dịch để ghi hàng loạt.');
      const stream = client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN WITH (FORMAT csv)`));
      await pipeline(Readable.from(chunks.map((c) => Buffer.from(c.buffer, c.byteOffset, c.byteLength))), stream);
    });
  }

  async close(): Promise<void> {
    await this.root.destroy().catch(() => undefined);
  }
}

/**
 * A load as big as the table itself goes in faster without the table's secondary indexes and
 * foreign keys (PostgreSQL checks a foreign key with a query per row: 944,000 rows spent most of
 * their 12 s there). They are dropped and made again after the COPY, in the same transaction: an
 * index is built sorted, a foreign key is checked in one pass, and a row that breaks it fails the
 * whole load as before. Constraint and unique indexes stay (they enforce). On a shared server the
 * table is locked for the load either way. Returns the statements that put everything back.
 */
async function setAsideForLoad(client: pg.PoolClient, table: TableName, incoming: number): Promise<string[]> {
  if (incoming < BIG_LOAD_ROWS) return [];
  const { rows: counted } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`);
  if (incoming < Number(counted[0]!.n)) return [];
  const { rows: indexes } = await client.query<{ name: string; definition: string }>(
    `SELECT i.indexname AS name, i.indexdef AS definition FROM pg_indexes i
      WHERE i.schemaname = current_schema() AND i.tablename = $1 AND i.indexdef NOT LIKE 'CREATE UNIQUE%'
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = format('%I.%I', i.schemaname, i.indexname)::regclass)`,
    [table],
  );
  const { rows: foreignKeys } = await client.query<{ name: string; definition: string }>(
    `SELECT conname AS name, pg_get_constraintdef(oid) AS definition FROM pg_constraint WHERE conrelid = to_regclass($1) AND contype = 'f' ORDER BY conname`,
    [table],
  );
  const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
  for (const index of indexes) await client.query(`DROP INDEX ${quote(index.name)}`);
  for (const fk of foreignKeys) await client.query(`ALTER TABLE ${table} DROP CONSTRAINT ${quote(fk.name)}`);
  return [...indexes.map((i) => i.definition), ...foreignKeys.map((fk) => `ALTER TABLE ${table} ADD CONSTRAINT ${quote(fk.name)} ${fk.definition}`)];
}

/**
 * Sort memory for building an index after a bulk load. Small runs merged beat one big in-memory
 * sort, as on SQLite (they stay in the CPU's cache): indexes on 1,000,000 rows built in 3,8–4,2 s
 * with 4 MB against 5,5–6,6 s with 256 MB (parallel workers or not) and 6,3 s with 64 MB.
 * At 4 MB PostgreSQL plans no parallel workers either (each needs 32 MB), so a shared server's
 * other work keeps its cores.
 */
const SORT_MAINTENANCE_MEM = '4MB';

async function buildIndexesOn(client: pg.PoolClient, statements: readonly string[]): Promise<void> {
  if (statements.length === 0) return;
  // Inside the load's transaction: SET LOCAL ends with it.
  await client.query(`SET LOCAL maintenance_work_mem = '${SORT_MAINTENANCE_MEM}'`);
  for (const statement of statements) await client.query(statement);
}

function* csvChunks(rows: readonly (readonly unknown[])[]): Generator<string> {
  for (let i = 0; i < rows.length; i += COPY_CHUNK) {
    let out = '';
    for (const row of rows.slice(i, i + COPY_CHUNK)) out += copyCsvLine(row);
    yield out;
  }
}

/** What people are told when the server cannot be used; the engine's own text stays out. */
export function connectionError(error: unknown, location: string): AppError {
  const code = (error as { code?: string })?.code ?? '';
  const where = `máy chủ cơ sở dữ liệu ${location}`;
  const text = (error as Error)?.message ?? '';
  if (code === '28P01') return new AppError('DB_AUTH', `Sai tên người dùng hoặc mật khẩu khi đăng nhập vào ${where}. Hãy nhập lại mật khẩu.`);
  // A server that asks for a password when none was given: the driver says so without a code.
  if (!code && /password must be a string|password authentication|SASL/i.test(text)) return new AppError('DB_AUTH', `Máy chủ cơ sở dữ liệu ${location} yêu cầu mật khẩu. Hãy nhập mật khẩu của người dùng.`);
  if (code === '28000') return new AppError('DB_AUTH', `Máy chủ cơ sở dữ liệu ${location} không cho phép người dùng này kết nối từ máy này. Hãy nhờ quản trị viên máy chủ cấp quyền (pg_hba.conf).`);
  if (code === '3D000') return new AppError('DB_MISSING', `Máy chủ ${location} đang chạy nhưng không có cơ sở dữ liệu này. Hãy nhờ quản trị viên tạo cơ sở dữ liệu hoặc kiểm tra lại tên.`);
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return new AppError('DB_UNREACHABLE', `Không tìm thấy máy chủ cơ sở dữ liệu ${location} trên mạng. Hãy kiểm tra lại tên hoặc địa chỉ máy chủ và kết nối mạng của máy này.`);
  }
  if (['ECONNREFUSED', 'ETIMEDOUT', 'EHOSTUNREACH', 'ECONNRESET', '57P01', '57P03'].includes(code) || /timeout|terminated|Connection/i.test(text)) {
    return new AppError('DB_UNREACHABLE', `Không kết nối được tới ${where}. Hãy kiểm tra mạng, địa chỉ máy chủ và rằng máy chủ đang chạy.`);
  }
  return new AppError('DB_UNREACHABLE', `Không dùng được ${where} (mã lỗi ${code || 'không rõ'}).`);
}
