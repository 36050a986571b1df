import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import { call, callError, expectVietnamese, importFile, openTestCore, storeOf, testDatabaseUrl } from '../helpers/core';
import { hashDatabase } from '../helpers/dbHash';
import { FIXTURE, fixturePath, tempDataDir } from '../helpers/fixtures';

/**
 * A connection cut in the middle of a commit (the server restarted, the network dropped):
 * the transaction never lands, the data is as before it, the user reads Vietnamese, and the
 * app goes on with a fresh connection.
 */
describe('a dropped connection in the middle of a commit', () => {
  it('leaves the data as it was and the app usable', async () => {
    const dataDir = tempDataDir();
    const core = await openTestCore({ dataDir });
    await importFile(core, fixturePath(FIXTURE.unitsHongDan));
    const preview = await call(core, 'imports:preview', { file: core.files.registerPath(fixturePath(FIXTURE.districtReport)) });
    expect(preview.canCommit).toBe(true);
    const before = await hashDatabase(storeOf(core));

    // Another session holds the results counter row: the commit writes its figures, then waits on it.
    const database = new URL((await testDatabaseUrl(dataDir))!).pathname.slice(1);
    const admin = new pg.Client({ connectionString: inject('pgAdminUrl').replace(/\/postgres$/, `/${database}`) });
    await admin.connect();
    await admin.query('BEGIN');
    await admin.query("SELECT n FROM revisions WHERE area = 'results' FOR UPDATE");
    const commit = callError(core, 'imports:commit', { sessionId: preview.sessionId });
    let waiting: number | null = null;
    for (let i = 0; i < 100 && waiting === null; i++) {
      await new Promise((r) => setTimeout(r, 100));
      const r = await admin.query<{ pid: number }>("SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()");
      waiting = r.rows[0]?.pid ?? null;
    }
    expect(waiting, 'the commit should be waiting on the counter row').not.toBeNull();
    await admin.query('SELECT pg_terminate_backend($1)', [waiting]);
    await admin.query('ROLLBACK');
    await admin.end();

    const err = await commit;
    expect(err.code).toBe('DB_UNREACHABLE');
    expectVietnamese(err.message);
    expect(err.message).not.toMatch(/terminat|connection|FATAL/i);
    expect(await hashDatabase(storeOf(core))).toBe(before);
    // The preview is still there, and the next try lands on a fresh connection.
    const done = await call(core, 'imports:commit', { sessionId: preview.sessionId });
    expect(done.written).toBeGreaterThan(0);
    expect((await call(core, 'imports:list', {})).total).toBe(1);
  }, 60_000);
});
