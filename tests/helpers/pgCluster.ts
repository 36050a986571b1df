import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/**
 * A throwaway PostgreSQL cluster for the tests: initdb into a temporary folder (as the
 * postgres user when run as root, as initdb requires), started with pg_ctl on a free loopback
 * port, trust authentication, C collation; removed when stopped. Debian's packages
 * (`apt-get install postgresql`) provide the binaries.
 */
export interface PgCluster {
  /** Superuser URL of the cluster's `postgres` database. */
  adminUrl: string;
  port: number;
  /** The temporary folder holding the cluster (data, socket, log): enough for stopPgCluster. */
  dir: string;
  stop(): void;
}

function binDir(): string {
  const fromEnv = process.env.BHXH_PG_BIN;
  if (fromEnv && existsSync(join(fromEnv, 'initdb'))) return fromEnv;
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a)) : [];
  if (versions.length) return join(root, versions[0]!, 'bin');
  const which = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' });
  if (which.status === 0 && which.stdout.trim()) return join(which.stdout.trim(), '..');
  throw new Error(
    'Không tìm thấy PostgreSQL (initdb) để chạy bộ kiểm thử trên PostgreSQL. Cài bằng `apt-get install postgresql`, hoặc đặt BHXH_TEST_PG_URL trỏ tới một máy chủ thử nghiệm, hoặc chỉ chạy SQLite: `npx vitest run --project sqlite`.',
  );
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolve(port));
    });
  });
}

const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/** Runs a PostgreSQL binary as the postgres user when we are root (initdb and postgres refuse root). */
function run(bin: string, args: string[]): void {
  const [cmd, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
  execFileSync(cmd, argv, { stdio: 'pipe' });
}

/**
 * `durable`: fsync and synchronous commit on, as a real server runs (benchmarks); tests turn them off for speed.
 * `password`: TCP connections need a password (scram-sha-256), the superuser's being this one, as on a
 * real server; without it every connection is trusted.
 */
export async function startPgCluster(options: { durable?: boolean; password?: string } = {}): Promise<PgCluster> {
  const bin = binDir();
  const dir = mkdtempSync(join(tmpdir(), 'bhxh-pg-'));
  const data = join(dir, 'data');
  chmodSync(dir, 0o777);
  if (asRoot) execFileSync('chown', ['postgres', dir]);
  const port = await freePort();
  const auth = ['--auth=trust'];
  if (options.password) {
    const pwfile = join(dir, 'pwfile');
    writeFileSync(pwfile, options.password + '\n', { mode: 0o644 });
    auth.splice(0, 1, '--auth-local=trust', '--auth-host=scram-sha-256', `--pwfile=${pwfile}`);
  }
  run(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', ...auth, '--encoding=UTF8', '--locale=C.UTF-8', ...(options.durable ? [] : ['--no-sync'])]);
  // Tests: fsync off and a small shared memory, fast and light on a 2-core runner.
  const speed = options.durable ? '' : ' -c fsync=off -c synchronous_commit=off -c full_page_writes=off';
  const serverOptions = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1${speed} -c max_connections=200 -c shared_buffers=128MB`;
  run(join(bin, 'pg_ctl'), ['-D', data, '-o', serverOptions, '-l', join(dir, 'server.log'), '-w', '-t', '60', 'start']);
  const adminUrl = `postgres://postgres${options.password ? `:${encodeURIComponent(options.password)}` : ''}@127.0.0.1:${port}/postgres`;
  return { adminUrl, port, dir, stop: () => stopPgCluster(dir) };
}

/** Stops a cluster startPgCluster made and removes its folder (from another process too, e.g. Playwright's teardown). */
export function stopPgCluster(dir: string): void {
  try {
    if (existsSync(join(dir, 'data', 'postmaster.pid'))) run(join(binDir(), 'pg_ctl'), ['-D', join(dir, 'data'), '-m', 'immediate', '-w', 'stop']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A fresh, empty database on the cluster; dropped (with any connection left) by the returned function. */
export async function createTestDatabase(adminUrl: string, options: { prefix?: string; template?: string | null } = {}): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${options.prefix ?? 't'}_${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${options.template ?? 'template0'}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}

/** Name of the database every test core copies: migrated once, so a test pays a copy, not the migrations. */
export const MIGRATED_TEMPLATE = 'bhxh_migrated_template';
