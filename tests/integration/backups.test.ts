import Database from 'better-sqlite3';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupsDir, createBackup, ensureDailyBackup, listBackups, resolveBackupFile } from '../../electron/core/backups/backups';
import { LATEST_SCHEMA_VERSION } from '../../electron/core/db/migrate';
import { dbPathIn } from '../../electron/core/db/open';
import { verifyBackup } from '../../electron/core/backups/restore';
import { call, callError, sqliteOf, storeOf, expectVietnamese, FIXED_NOW, importFile, openTestCore, tickingClock } from '../helpers/core';
import { hashDatabase } from '../helpers/dbHash';
import { FIXTURE, fixturePath, tempDataDir } from '../helpers/fixtures';

const unitRows = (db: Database.Database) =>
  db.prepare('SELECT code, name, level, parent_id, valid_from, valid_to FROM units ORDER BY code').all();

describe('manual backups', () => {
  it('backups:create writes a copy listed with reason "manual"', async () => {
    const core = await openTestCore();
    await importFile(core, fixturePath(FIXTURE.unitsHongDan));
    const info = await call(core, 'backups:create', {});
    expect(info.reason).toBe('manual');
    expect(info.sizeBytes).toBeGreaterThan(0);
    expect(info.fileName).toMatch(/^bhxh-desk-20261122-100000-manual\.sqlite$/);
    expect(new Date(info.createdAt).getTime()).toBe(FIXED_NOW.getTime());
    const list = await call(core, 'backups:list', {});
    expect(list).toContainEqual(info);
  });

  it('the copy is an intact database with the same units', async () => {
    const core = await openTestCore();
    await importFile(core, fixturePath(FIXTURE.unitsHongDan));
    const info = await call(core, 'backups:create', {});
    const copy = new Database(join(backupsDir(core.dataDir), info.fileName), { readonly: true });
    try {
      expect(copy.pragma('quick_check', { simple: true })).toBe('ok');
      expect(copy.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
      expect(unitRows(copy)).toEqual(unitRows(sqliteOf(core).raw));
      expect(unitRows(copy)).toHaveLength(11);
    } finally {
      copy.close();
    }
  });

  it('two backups in the same second get distinct names', async () => {
    const core = await openTestCore();
    const a = await call(core, 'backups:create', {});
    const b = await call(core, 'backups:create', {});
    expect(a.fileName).not.toBe(b.fileName);
    expect((await call(core, 'backups:list', {})).map((x) => x.fileName).sort()).toEqual([a.fileName, b.fileName].sort());
  });
});

describe('restore', () => {
  it('brings back the data of the backup and keeps a pre-restore copy of the current data', async () => {
    const core = await openTestCore({ now: tickingClock() });
    await call(core, 'demo:load', {});
    const backup = await call(core, 'backups:create', {});
    const before = await call(core, 'units:get', { code: '991' });
    const renamed = await call(core, 'units:update', {
      code: '991',
      name: 'Thành phố Phú An Mới',
      kind: before.kind,
      parentCode: before.parentCode,
      validFrom: before.validFrom,
      validTo: before.validTo,
    });
    expect(renamed.name).toBe('Thành phố Phú An Mới');

    const outcome = await call(core, 'backups:restore', { fileName: backup.fileName });
    expect(outcome.restoredFrom).toBe(backup.fileName);
    expect(outcome.safetyBackup).toMatch(/pre-restore\.sqlite$/);

    expect((await call(core, 'units:get', { code: '991' })).name).toBe(before.name);
    const list = await call(core, 'backups:list', {});
    const safety = list.find((b) => b.fileName === outcome.safetyBackup);
    expect(safety?.reason).toBe('pre-restore');
    // The safety copy holds the renamed unit.
    const copy = new Database(join(backupsDir(core.dataDir), outcome.safetyBackup!), { readonly: true });
    expect(copy.prepare("SELECT name FROM units WHERE code = '991'").pluck().get()).toBe('Thành phố Phú An Mới');
    copy.close();
    expect((await call(core, 'app:info', {})).dbStatus).toBe('ok');
  });

  it('refuses a file that is not a database: FILE_INVALID, data unchanged', async () => {
    const core = await openTestCore();
    await importFile(core, fixturePath(FIXTURE.unitsHongDan));
    const before = (await hashDatabase(storeOf(core)));
    mkdirSync(backupsDir(core.dataDir), { recursive: true });
    writeFileSync(join(backupsDir(core.dataDir), 'bhxh-desk-20261122-100000-manual.sqlite'), 'đây không phải cơ sở dữ liệu\n'.repeat(200));
    const err = await callError(core, 'backups:restore', { fileName: 'bhxh-desk-20261122-100000-manual.sqlite' });
    expect(err.code).toBe('FILE_INVALID');
    expect(err.message).toContain('bhxh-desk-20261122-100000-manual.sqlite');
    expectVietnamese(err.message);
    expect((await hashDatabase(storeOf(core)))).toBe(before);
    expect((await call(core, 'app:info', {})).dbStatus).toBe('ok');
  });

  it('refuses a SQLite file that is not a BHXH Desk database', async () => {
    const core = await openTestCore();
    await importFile(core, fixturePath(FIXTURE.unitsHongDan));
    const before = (await hashDatabase(storeOf(core)));
    mkdirSync(backupsDir(core.dataDir), { recursive: true });
    const other = new Database(join(backupsDir(core.dataDir), 'other.sqlite'));
    other.exec('CREATE TABLE notes (t TEXT); INSERT INTO notes VALUES (1)');
    other.close();
    const err = await callError(core, 'backups:restore', { fileName: 'other.sqlite' });
    expect(err.code).toBe('FILE_INVALID');
    expect((await hashDatabase(storeOf(core)))).toBe(before);
  });

  it('refuses a backup from a newer version', async () => {
    const core = await openTestCore();
    await importFile(core, fixturePath(FIXTURE.unitsHongDan));
    const info = await call(core, 'backups:create', {});
    const path = join(backupsDir(core.dataDir), info.fileName);
    const raw = new Database(path);
    raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    raw.close();
    const before = (await hashDatabase(storeOf(core)));
    const err = await callError(core, 'backups:restore', { fileName: info.fileName });
    expect(err.code).toBe('DB_NEWER_VERSION');
    expect((await hashDatabase(storeOf(core)))).toBe(before);
  });

  it('a missing backup is NOT_FOUND', async () => {
    const core = await openTestCore();
    const err = await callError(core, 'backups:restore', { fileName: 'bhxh-desk-20000101-000000-manual.sqlite' });
    expect(err.code).toBe('NOT_FOUND');
    expectVietnamese(err.message);
  });

  it('in browser mode a restore takes only names from the backups folder, not paths elsewhere on disk', async () => {
    // DESIGN.md seam 5: the renderer never hands core a path to open.
    const elsewhere = tempDataDir();
    const donor = await openTestCore({ dataDir: elsewhere });
    await importFile(donor, fixturePath(FIXTURE.unitsHongDan));
    await donor.close();

    const core = await openTestCore({ mode: 'browser' });
    const before = (await hashDatabase(storeOf(core)));
    const result = await core.dispatch('backups:restore', { fileName: dbPathIn(elsewhere) });
    expect(result.ok).toBe(false);
    expect((await hashDatabase(storeOf(core)))).toBe(before);
  });
});

describe('daily backups', () => {
  it('ensureDailyBackup makes one copy per calendar day', async () => {
    const core = await openTestCore();
    await importFile(core, fixturePath(FIXTURE.unitsHongDan));
    const db = sqliteOf(core);
    const day1 = new Date('2026-11-22T08:00:00');
    expect(await ensureDailyBackup(db, core.dataDir, day1)).not.toBeNull();
    expect(await ensureDailyBackup(db, core.dataDir, new Date('2026-11-22T17:30:00'))).toBeNull();
    expect(listBackups(core.dataDir).filter((b) => b.reason === 'daily')).toHaveLength(1);
    expect(await ensureDailyBackup(db, core.dataDir, new Date('2026-11-23T07:59:00'))).not.toBeNull();
    expect(listBackups(core.dataDir).filter((b) => b.reason === 'daily')).toHaveLength(2);
  });

  it('openAppCore takes the daily copy at start-up once there is data, once a day', async () => {
    const dataDir = tempDataDir();
    const day1 = () => new Date('2026-11-22T08:00:00');
    const empty = await openTestCore({ dataDir, skipDailyBackup: false, now: day1 });
    expect(listBackups(dataDir).filter((b) => b.reason === 'daily')).toHaveLength(0);
    await importFile(empty, fixturePath(FIXTURE.unitsHongDan));
    await empty.close();

    await (await openTestCore({ dataDir, skipDailyBackup: false, now: day1 })).close();
    await (await openTestCore({ dataDir, skipDailyBackup: false, now: () => new Date('2026-11-22T16:00:00') })).close();
    expect(listBackups(dataDir).filter((b) => b.reason === 'daily')).toHaveLength(1);
    await (await openTestCore({ dataDir, skipDailyBackup: false, now: () => new Date('2026-11-23T08:00:00') })).close();
    expect(listBackups(dataDir).filter((b) => b.reason === 'daily')).toHaveLength(2);
  });

  it('skipDailyBackup takes none', async () => {
    const dataDir = tempDataDir();
    const core = await openTestCore({ dataDir });
    await importFile(core, fixturePath(FIXTURE.unitsHongDan));
    await core.close();
    await (await openTestCore({ dataDir, skipDailyBackup: true })).close();
    expect(listBackups(dataDir).filter((b) => b.reason === 'daily')).toHaveLength(0);
  });
});

describe('rotation', () => {
  it('keeps at most the configured number per kind, newest first, and leaves other kinds alone', async () => {
    const core = await openTestCore();
    const db = sqliteOf(core);
    const clock = tickingClock(new Date('2026-01-01T09:00:00'), 60_000);
    const manual = await createBackup(db, core.dataDir, 'manual', clock());
    const made: string[] = [];
    for (let i = 0; i < 8; i++) made.push((await createBackup(db, core.dataDir, 'pre-demo', clock())).fileName);
    const kept = listBackups(core.dataDir)
      .filter((b) => b.reason === 'pre-demo')
      .map((b) => b.fileName);
    expect(kept).toHaveLength(5);
    expect(kept).toEqual(made.slice(-5).reverse());
    expect(listBackups(core.dataDir).map((b) => b.fileName)).toContain(manual.fileName);
    expect(readdirSync(backupsDir(core.dataDir))).toHaveLength(6);
  });

  it('daily copies rotate at 14', async () => {
    const core = await openTestCore();
    const db = sqliteOf(core);
    for (let day = 1; day <= 16; day++) await ensureDailyBackup(db, core.dataDir, new Date(2026, 0, day, 8, 0, 0));
    const daily = listBackups(core.dataDir).filter((b) => b.reason === 'daily');
    expect(daily).toHaveLength(14);
    expect(daily[0]!.fileName).toContain('-20260116-');
    expect(daily.at(-1)!.fileName).toContain('-20260103-');
  });

  it('lists same-second backups newest first and rotates away the oldest', async () => {
    // Several imports or demo loads in one second (a script, a fast user) give names with -2-, -3- …
    const core = await openTestCore();
    const db = sqliteOf(core);
    const made: string[] = [];
    for (let i = 0; i < 6; i++) made.push((await createBackup(db, core.dataDir, 'pre-demo', FIXED_NOW)).fileName);
    const kept = listBackups(core.dataDir)
      .filter((b) => b.reason === 'pre-demo')
      .map((b) => b.fileName);
    expect(kept).toEqual(made.slice(-5).reverse());
  });
});

function corruptMiddle(path: string): void {
  const size = statSync(path).size;
  const fd = openSync(path, 'r+');
  try {
    const start = Math.floor(size / 4);
    writeSync(fd, randomBytes(Math.floor(size / 2)), 0, Math.floor(size / 2), start);
  } finally {
    closeSync(fd);
  }
}

/** Open file descriptors of this process pointing at `path` (Linux only). */
function openHandlesTo(path: string): number {
  if (!existsSync('/proc/self/fd')) return 0;
  let n = 0;
  for (const fd of readdirSync('/proc/self/fd')) {
    try {
      if (readlinkSync(`/proc/self/fd/${fd}`) === path) n++;
    } catch {
      // closed meanwhile
    }
  }
  return n;
}

describe('a damaged database', () => {
  async function damagedCore(damage: (dbFile: string) => void) {
    const dataDir = tempDataDir();
    const setup = await openTestCore({ dataDir });
    await call(setup, 'demo:load', {});
    const good = await call(setup, 'backups:create', {});
    const units = sqliteOf(setup).raw.prepare('SELECT COUNT(*) FROM units').pluck().get() as number;
    await setup.close();
    expect(existsSync(dbPathIn(dataDir) + '-wal')).toBe(false);
    damage(dbPathIn(dataDir));
    const core = await openTestCore({ dataDir, now: tickingClock(new Date('2026-11-23T09:00:00')) });
    return { core, good, units, dataDir };
  }

  it.each([
    ['garbage over the middle of the file', corruptMiddle],
    ['random bytes instead of the file', (p: string) => writeFileSync(p, randomBytes(statSync(p).size))],
  ])('%s: opens in recovery, only restore works, restore brings it back', async (_label, damage) => {
    const { core, good, units } = await damagedCore(damage);
    const info = await call(core, 'app:info', {});
    expect(info.dbStatus).toBe('corrupt');
    expect(info.dbMessage).toBeTruthy();
    expect(info.unitCount).toBe(0);
    expect(core.store()).toBeNull();

    const err = await callError(core, 'units:list', {});
    expect(err.code).toBe('DB_CORRUPT');
    expectVietnamese(err.message);
    expect((await callError(core, 'backups:create', {})).code).toBe('DB_CORRUPT');
    expect((await callError(core, 'demo:load', {})).code).toBe('DB_CORRUPT');

    const damagedBytes = readFileSync(dbPathIn(core.dataDir));
    const outcome = await call(core, 'backups:restore', { fileName: good.fileName });
    expect(outcome.restoredFrom).toBe(good.fileName);
    // Nothing to back up through SQLite, but the damaged file itself is kept for support staff.
    expect(outcome.safetyBackup).toBeNull();
    expect(outcome.damagedCopy).toMatch(/damaged\.sqlite$/);
    expect(readFileSync(outcome.damagedCopy!).equals(damagedBytes)).toBe(true);
    expect((await call(core, 'backups:list', {})).some((b) => b.fileName.includes('damaged'))).toBe(false);
    const after = await call(core, 'app:info', {});
    expect(after.dbStatus).toBe('ok');
    expect(after.dbMessage).toBeNull();
    expect(after.unitCount).toBe(units);
    expect((await call(core, 'units:list', { includeEnded: true })).length).toBe(units);
  });

  it('backups:list still works in recovery mode, so the user can pick a backup', async () => {
    const { core, good } = await damagedCore(corruptMiddle);
    expect((await call(core, 'app:info', {})).dbStatus).toBe('corrupt');
    const list = await call(core, 'backups:list', {});
    expect(list.map((b) => b.fileName)).toContain(good.fileName);
  });

  it('a file that is not a database leaves no open handle on it', async () => {
    const { core, dataDir } = await damagedCore((p) => writeFileSync(p, randomBytes(statSync(p).size)));
    expect((await call(core, 'app:info', {})).dbStatus).toBe('corrupt');
    expect(openHandlesTo(dbPathIn(dataDir))).toBe(0);
  });

  it('verifyBackup accepts an intact backup and names the file when refusing', async () => {
    const core = await openTestCore();
    await importFile(core, fixturePath(FIXTURE.unitsHongDan));
    const info = await call(core, 'backups:create', {});
    const path = resolveBackupFile(core.dataDir, info.fileName);
    expect(path).toBe(join(backupsDir(core.dataDir), info.fileName));
    await expect(verifyBackup(path)).resolves.toEqual({ version: LATEST_SCHEMA_VERSION });
    const bytes = readFileSync(path);
    writeFileSync(path, bytes.subarray(0, 100));
    await expect(verifyBackup(path)).rejects.toMatchObject({ code: 'FILE_INVALID', message: expect.stringContaining(info.fileName) });
  });
});
