import { readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectionFilePath } from '../../electron/core/app/connection';
import { LATEST_SCHEMA_VERSION } from '../../electron/core/db/migrate';
import { call, callError, expectVietnamese, openTestCore } from '../helpers/core';
import { tempDataDir } from '../helpers/fixtures';
import { startPgCluster, type PgCluster } from '../helpers/pgCluster';

/**
 * The connection form against a real server that asks for passwords (scram-sha-256), as an
 * office's server does: each way a connection fails has its own Vietnamese message, none of
 * them the server's text, and fixing the form brings the app back without a restart.
 */
const PASSWORD = 'Mật-khẩu đúng:1@/';
const USER = 'bhxh_app';
let cluster: PgCluster;

async function admin<T>(fn: (c: pg.Client) => Promise<T>, database = 'postgres'): Promise<T> {
  const url = new URL(cluster.adminUrl);
  url.pathname = `/${database}`;
  const c = new pg.Client({ connectionString: url.toString() });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

const form = (over: Partial<{ host: string; port: number; database: string; user: string; password: string }> = {}) => ({
  engine: 'postgres' as const,
  host: '127.0.0.1',
  port: cluster.port,
  database: 'bhxh_conn',
  user: USER,
  password: PASSWORD,
  ...over,
});

const urlOf = (f: ReturnType<typeof form>) => `postgres://${encodeURIComponent(f.user)}:${encodeURIComponent(f.password)}@${f.host}:${f.port}/${f.database}`;

beforeAll(async () => {
  cluster = await startPgCluster({ password: 'quan-tri' });
  await admin(async (c) => {
    await c.query(`CREATE ROLE ${USER} LOGIN PASSWORD '${PASSWORD.replace(/'/g, "''")}'`);
    await c.query(`CREATE DATABASE bhxh_conn OWNER ${USER}`);
    await c.query(`CREATE DATABASE bhxh_newer OWNER ${USER}`);
  });
  await admin(async (c) => {
    await c.query('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    await c.query(`INSERT INTO schema_migrations VALUES (${LATEST_SCHEMA_VERSION + 1}, 'from-the-future', '2030-01-01')`);
    await c.query(`ALTER TABLE schema_migrations OWNER TO ${USER}`);
  }, 'bhxh_newer');
}, 60_000);

afterAll(() => cluster?.stop());

describe('testing a connection', () => {
  it('tells wrong password, unreachable server, missing database and newer schema apart, in Vietnamese', async () => {
    const core = await openTestCore({ databaseUrl: null, dataDir: tempDataDir() });
    const port = await freePort();
    const cases = {
      DB_AUTH: await callError(core, 'connection:test', form({ password: 'sai-mat-khau' })),
      DB_UNREACHABLE: await callError(core, 'connection:test', form({ port })),
      DB_MISSING: await callError(core, 'connection:test', form({ database: 'khong_co' })),
      DB_NEWER_VERSION: await callError(core, 'connection:test', form({ database: 'bhxh_newer' })),
    };
    const messages = new Set<string>();
    for (const [code, error] of Object.entries(cases)) {
      expect(error.code, error.message).toBe(code);
      expectVietnamese(error.message);
      // Never the server's or the driver's own words, never the password.
      expect(error.message).not.toMatch(/password authentication|does not exist|ECONNREFUSED|connect|schema_migrations/i);
      expect(error.message).not.toContain('sai-mat-khau');
      messages.add(error.message.split(':')[0]!);
    }
    expect(messages.size).toBe(4);
    expect(cases.DB_AUTH.message).toContain('mật khẩu');
    expect(cases.DB_MISSING.message).toContain('không có cơ sở dữ liệu');
    expect(cases.DB_NEWER_VERSION.message).toContain('mới hơn');

    // A name no server answers to: the same code, a sentence about the name.
    const unknownHost = await callError(core, 'connection:test', form({ host: 'khong-co-may-chu.invalid' }));
    expect(unknownHost.code).toBe('DB_UNREACHABLE');
    expect(unknownHost.message).toContain('Không tìm thấy máy chủ');

    const good = await call(core, 'connection:test', form());
    expect(good.schemaVersion).toBe(0);
    expect(good.message).toContain('còn trống');
    expect(good.message).not.toContain(PASSWORD);
  });
});

describe('opening the app on a server it cannot use', () => {
  it('opens in recovery mode with the reason, and reconnects once the form is fixed', async () => {
    const dataDir = tempDataDir();
    const wrong = urlOf(form({ password: 'sai-mat-khau' }));
    const core = await openTestCore({ dataDir, databaseUrl: wrong });
    const info = await call(core, 'app:info', {});
    expect(info).toMatchObject({ engine: 'postgres', dbStatus: 'unavailable', dbErrorCode: 'DB_AUTH', connectionSource: 'flag' });
    expectVietnamese(info.dbMessage!);
    expect(JSON.stringify(info)).not.toContain('sai-mat-khau');
    // Everything else is refused until the database can be used…
    expect((await callError(core, 'units:list', {})).code).toBe('UNAVAILABLE');
    // …but the form answers, prefilled with the server in use and no password.
    const shown = await call(core, 'connection:get', {});
    expect(shown).toMatchObject({ source: 'flag', engine: 'postgres', fields: { host: '127.0.0.1', port: cluster.port, database: 'bhxh_conn', user: USER }, hasPassword: true, savedEngine: null });
    expect(JSON.stringify(shown)).not.toContain('sai-mat-khau');

    // A reconnect with nothing changed fails the same way, still in recovery.
    expect((await call(core, 'connection:reconnect', {})).dbErrorCode).toBe('DB_AUTH');

    await call(core, 'connection:save', form());
    const file = connectionFilePath(dataDir);
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ engine: 'postgres', host: '127.0.0.1', user: USER, password: PASSWORD });

    const after = await call(core, 'connection:reconnect', {});
    expect(after).toMatchObject({ dbStatus: 'ok', dbErrorCode: null, connectionSource: 'file', schemaVersion: LATEST_SCHEMA_VERSION });
    expect(after.dbFile).not.toContain(PASSWORD);
    await call(core, 'units:list', {});
    // The switch is in the audit log, the password is not.
    const audit = await call(core, 'audit:list', { entity: 'database' });
    expect(audit.items.map((a) => a.summary).join('\n')).toContain('máy chủ PostgreSQL');
    expect(JSON.stringify(audit)).not.toContain(encodeURIComponent(PASSWORD));
    expect(JSON.stringify(audit)).not.toContain(PASSWORD);

    // An empty password field keeps the saved one.
    expect((await call(core, 'connection:test', { ...form(), password: '' })).schemaVersion).toBe(LATEST_SCHEMA_VERSION);

    // Back to the embedded file.
    await call(core, 'connection:save', { engine: 'sqlite' });
    expect(await call(core, 'connection:reconnect', {})).toMatchObject({ engine: 'sqlite', dbStatus: 'ok', connectionSource: 'embedded' });
  });

  it('a stopped server, a missing database and a newer schema each open in recovery mode with their own message', async () => {
    const port = await freePort();
    const expectations: [string, string][] = [
      [urlOf(form({ port })), 'DB_UNREACHABLE'],
      [urlOf(form({ database: 'khong_co' })), 'DB_MISSING'],
      [urlOf(form({ database: 'bhxh_newer' })), 'DB_NEWER_VERSION'],
    ];
    const seen = new Set<string>();
    for (const [url, code] of expectations) {
      const core = await openTestCore({ dataDir: tempDataDir(), databaseUrl: null, databaseEnv: url });
      const info = await call(core, 'app:info', {});
      expect(info, code).toMatchObject({ dbStatus: 'unavailable', dbErrorCode: code, connectionSource: 'env' });
      expectVietnamese(info.dbMessage!);
      seen.add(info.dbMessage!);
    }
    expect(seen.size).toBe(3);
  });
});
