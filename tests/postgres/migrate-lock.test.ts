import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { sql } from 'kysely';
import { describe, expect, inject, it } from 'vitest';
import { LATEST_SCHEMA_VERSION } from '../../electron/core/db/migrate';
import { MIGRATIONS } from '../../electron/core/db/migrations';
import { openStore } from '../../electron/core/db/open';
import { REPO_ROOT, onCleanup, tempDataDir } from '../helpers/fixtures';
import { createTestDatabase } from '../helpers/pgCluster';

/** The real CLI in a child process on a database URL; resolves with its exit code and output. */
function cliProcess(url: string, args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'electron', 'cli', 'main.ts'), ...args, '--database', url, '--data-dir', tempDataDir()], {
      cwd: REPO_ROOT,
      env: { ...process.env, BHXH_TODAY: '2026-11-22' },
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.on('exit', (code) => resolve({ code, out, err }));
  });
}

describe('two processes opening an empty server database at once', () => {
  it('migrate it once: the second waits on the advisory lock and finds it done', async () => {
    const db = await createTestDatabase(inject('pgAdminUrl'), { template: null });
    onCleanup(db.drop);
    const runs = await Promise.all([cliProcess(db.url, ['units', 'list', '--json']), cliProcess(db.url, ['units', 'list', '--json']), cliProcess(db.url, ['imports', 'list', '--json'])]);
    for (const run of runs) {
      expect(run.code, run.err).toBe(0);
      expect(JSON.parse(run.out)).toEqual([]);
    }
    const store = await openStore({ engine: 'postgres', url: db.url });
    try {
      const versions = (await sql<{ version: number }>`SELECT version FROM schema_migrations ORDER BY version`.execute(store.db)).rows.map((r) => r.version);
      expect(versions).toEqual(MIGRATIONS.map((m) => m.version));
      expect(versions.at(-1)).toBe(LATEST_SCHEMA_VERSION);
      // Seeded once, not three times.
      expect(Number((await sql<{ n: number }>`SELECT COUNT(*) AS n FROM indicators`.execute(store.db)).rows[0]!.n)).toBe(12);
    } finally {
      await store.close();
    }
  }, 120_000);
});
