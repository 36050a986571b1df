import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupsDir } from '../../electron/core/backups/backups';
import { migrate } from '../../electron/core/db/migrate';
import { MIGRATIONS } from '../../electron/core/db/migrations';
import { dbPathIn } from '../../electron/core/db/open';
import { SqliteStore } from '../../electron/core/db/sqliteStore';
import { call, callError, expectVietnamese, FIXED_NOW, importFile, openTestCore, setResult, sqliteOf, tickingClock } from '../helpers/core';
import { hashDatabase, hashDatabaseFile } from '../helpers/dbHash';
import { FIXTURE, fixturePath, REPO_ROOT, tempDataDir } from '../helpers/fixtures';

/** The real CLI in a child process (a second process on the same data folder). */
function cliProcess(dataDir: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  return spawnSync(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'electron', 'cli', 'main.ts'), ...args, '--data-dir', dataDir], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    env: { ...process.env, BHXH_TODAY: '2026-11-22', ...env },
    timeout: 60_000,
  });
}

async function coreWithBackup(dataDir = tempDataDir()) {
  const core = await openTestCore({ dataDir, now: tickingClock() });
  await importFile(core, fixturePath(FIXTURE.unitsHongDan));
  const backup = await call(core, 'backups:create', {});
  await call(core, 'units:update', { code: '31015', name: 'Xã Ninh Hòa (sau sao lưu)', kind: 'Xã', parentCode: '956', validFrom: null, validTo: null });
  return { core, backup, dataDir };
}

describe('restore accepts only backups of this app', () => {
  it('a SQLite file of another program is refused and changes nothing', async () => {
    const { core, dataDir } = await coreWithBackup();
    const before = await hashDatabase(sqliteOf(core));
    const other = new Database(join(backupsDir(dataDir), 'khac.sqlite'));
    other.exec('CREATE TABLE notes (t TEXT); INSERT INTO notes VALUES (1)');
    other.close();
    const err = await callError(core, 'backups:restore', { fileName: 'khac.sqlite' });
    expect(err.code).toBe('FILE_INVALID');
    expect(err.message).toContain('khac.sqlite');
    expectVietnamese(err.message);
    expect(await hashDatabase(sqliteOf(core))).toBe(before);
  });

  it('a backup with a trigger the app never created is refused', async () => {
    const { core, backup, dataDir } = await coreWithBackup();
    const before = await hashDatabase(sqliteOf(core));
    const tampered = new Database(join(backupsDir(dataDir), backup.fileName));
    tampered.exec("CREATE TRIGGER steal AFTER INSERT ON units BEGIN UPDATE units SET name = 'x'; END;");
    tampered.close();
    const err = await callError(core, 'backups:restore', { fileName: backup.fileName });
    expect(err.code).toBe('FILE_INVALID');
    expect(err.message).toContain('steal');
    expect(await hashDatabase(sqliteOf(core))).toBe(before);
  });

  it('a truncated copy is refused; a backup still being written (.part) is never listed and is cleared at start', async () => {
    const { core, backup, dataDir } = await coreWithBackup();
    const path = join(backupsDir(dataDir), backup.fileName);
    writeFileSync(join(backupsDir(dataDir), `${backup.fileName.replace('manual', 'daily')}.part`), readFileSync(path).subarray(0, 4096));
    expect((await call(core, 'backups:list', {})).map((b) => b.fileName)).toEqual([backup.fileName]);
    const half = backup.fileName.replace('manual', 'pre-import');
    writeFileSync(join(backupsDir(dataDir), half), readFileSync(path).subarray(0, 8192));
    const before = await hashDatabase(sqliteOf(core));
    expect((await callError(core, 'backups:restore', { fileName: half })).code).toBe('FILE_INVALID');
    expect(await hashDatabase(sqliteOf(core))).toBe(before);
    await core.close();
    await openTestCore({ dataDir });
    expect(readdirSync(backupsDir(dataDir)).filter((f) => f.endsWith('.part'))).toEqual([]);
  });

  it('a backup from an older version (before the application id) restores over a newer file and is upgraded', async () => {
    const dataDir = tempDataDir();
    const oldFile = join(tempDataDir(), 'cu.sqlite');
    const old = SqliteStore.open(oldFile);
    await migrate(old, { migrations: MIGRATIONS.filter((m) => m.version <= 6) });
    old.raw.exec(`INSERT INTO units (code, name, name_key, level, created_at, updated_at) VALUES ('95', 'Tỉnh Bạc Liêu', 'bac lieu', 'province', 'x', 'x')`);
    old.checkpoint();
    await old.close();
    mkdirSync(backupsDir(dataDir), { recursive: true });
    copyFileSync(oldFile, join(backupsDir(dataDir), 'bhxh-desk-20250101-080000-manual.sqlite'));

    const core = await openTestCore({ dataDir });
    await importFile(core, fixturePath(FIXTURE.unitsHongDan));
    const outcome = await call(core, 'backups:restore', { fileName: 'bhxh-desk-20250101-080000-manual.sqlite' });
    expect(outcome.safetyBackup).toMatch(/pre-restore/);
    expect((await call(core, 'units:list', { includeEnded: true })).map((u) => u.code)).toEqual(['95']);
    expect(sqliteOf(core).schemaVersion()).toBe(MIGRATIONS.at(-1)!.version);
    // The restore is written in the restored database's own log.
    const [entry] = (await call(core, 'audit:list', { limit: 1 })).items;
    expect(entry).toMatchObject({ action: 'restore', entity: 'database', entityKey: 'bhxh-desk-20250101-080000-manual.sqlite' });
    expect(entry!.summary).toContain(outcome.safetyBackup!);
  });
});

describe('restore cannot lose data', () => {
  it('figures restored from a backup are shown, not the ones cached before the restore', async () => {
    const { core, backup } = await coreWithBackup();
    await setResult(core, '31006', 'BHXH_TN', '2026-09-25', 950);
    const compare = () => call(core, 'results:compare', { period: { kind: 'month', year: 2026, index: 9 }, indicatorCode: 'BHXH_TN' });
    expect((await compare()).total.actual).toBe(950);
    await call(core, 'backups:restore', { fileName: backup.fileName });
    expect((await compare()).total.actual).toBeNull();
    expect((await call(core, 'units:get', { code: '31015' })).name).toBe('Xã Ninh Hòa');
  });

  it('killed (SIGKILL) in the middle of copying the backup: the old database is intact, not empty, and opens normally', async () => {
    const { core, backup, dataDir } = await coreWithBackup();
    await core.close();
    const before = hashDatabaseFile(dbPathIn(dataDir));
    const run = cliProcess(dataDir, ['restore', backup.fileName], { BHXH_TEST_KILL_AT: 'copy' });
    expect(run.signal).toBe('SIGKILL');
    expect(existsSync(dbPathIn(dataDir) + '.restoring')).toBe(true);
    expect(hashDatabaseFile(dbPathIn(dataDir))).toBe(before);

    const again = await openTestCore({ dataDir });
    expect((await call(again, 'units:get', { code: '31015' })).name).toBe('Xã Ninh Hòa (sau sao lưu)');
    expect(existsSync(dbPathIn(dataDir) + '.restoring')).toBe(false);
  });

  it('the CLI cannot restore under a running app: it says who holds the folder, and the app keeps its data', async () => {
    const { core, backup, dataDir } = await coreWithBackup();
    const before = await hashDatabase(sqliteOf(core));
    const run = cliProcess(dataDir, ['restore', backup.fileName]);
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain(`tiến trình ${process.pid}`);
    expectVietnamese(run.stderr);
    expect(await hashDatabase(sqliteOf(core))).toBe(before);
    expect((await call(core, 'units:get', { code: '31015' })).name).toBe('Xã Ninh Hòa (sau sao lưu)');
    // And the app itself can restore once the CLI is gone.
    await call(core, 'backups:restore', { fileName: backup.fileName });
    expect((await call(core, 'units:get', { code: '31015' })).name).toBe('Xã Ninh Hòa');
    expect(FIXED_NOW).toBeInstanceOf(Date);
  });
});
