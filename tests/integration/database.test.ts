import Database from 'better-sqlite3';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openAppCore } from '../../electron/core/app/appCore';
import { backupsDir } from '../../electron/core/backups/backups';
import { MIGRATIONS, type Migration } from '../../electron/core/db/migrations';
import { assertLocalPath, dbPathIn, LATEST_SCHEMA_VERSION, migrate, openRaw, quickCheck, schemaVersion } from '../../electron/core/db/open';
import { call, callError, dbOf, expectVietnamese, FIXED_NOW, importFile, openTestCore } from '../helpers/core';
import { hashDatabase } from '../helpers/dbHash';
import { FIXTURE, fixturePath, tempDataDir } from '../helpers/fixtures';

/** A database stopped at schema version 1 holding one province and one commune. */
async function buildVersion1Db(dataDir: string): Promise<void> {
  const db = openRaw(dataDir);
  await migrate(db, { migrations: MIGRATIONS.slice(0, 1) });
  expect(schemaVersion(db)).toBe(1);
  const now = '2024-01-01T00:00:00.000Z';
  const ins = db.prepare(
    `INSERT INTO units (code, name, name_key, level, kind, parent_id, valid_from, valid_to, is_demo, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, NULL, NULL, 0, ?, ?)`,
  );
  const province = ins.run('95', 'Tỉnh Bạc Liêu', 'bac lieu', 'province', 'Tỉnh', null, now, now);
  ins.run('31006', 'Thị trấn Ngan Dừa', 'ngan dua', 'commune', 'Thị trấn', province.lastInsertRowid, now, now);
  db.close();
}

describe('opening the database', () => {
  it('sets WAL, synchronous=FULL and foreign keys on', async () => {
    const core = await openTestCore();
    const db = dbOf(core);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(Number(db.pragma('busy_timeout', { simple: true }))).toBeGreaterThan(0);
  });

  it('creates the file in the data folder at the latest schema version', async () => {
    const dataDir = tempDataDir();
    const core = await openTestCore({ dataDir });
    expect(existsSync(dbPathIn(dataDir))).toBe(true);
    expect(schemaVersion(dbOf(core))).toBe(LATEST_SCHEMA_VERSION);
    expect(LATEST_SCHEMA_VERSION).toBe(MIGRATIONS.at(-1)!.version);
    const info = await call(core, 'app:info', {});
    expect(info).toMatchObject({
      schemaVersion: LATEST_SCHEMA_VERSION,
      dbStatus: 'ok',
      dbMessage: null,
      unitCount: 0,
      demoLoaded: false,
      mode: 'cli',
    });
    expect(info.dbFile).toBe(dbPathIn(dataDir));
  });

  it('enforces foreign keys on the open connection', async () => {
    const core = await openTestCore();
    const db = dbOf(core);
    expect(() =>
      db
        .prepare(
          `INSERT INTO units (code, name, name_key, level, parent_id, created_at, updated_at) VALUES ('1','x','x','commune', 999, 'a', 'a')`,
        )
        .run(),
    ).toThrow(/FOREIGN KEY/);
  });

  it('a fresh database takes no pre-migration backup', async () => {
    const dataDir = tempDataDir();
    await openTestCore({ dataDir });
    const dir = backupsDir(dataDir);
    const files = existsSync(dir) ? readdirSync(dir) : [];
    expect(files.filter((f) => f.includes('pre-migration'))).toEqual([]);
  });

  it('reopening an up-to-date database changes nothing and takes no backup', async () => {
    const dataDir = tempDataDir();
    const first = await openTestCore({ dataDir });
    first.close();
    const second = await openTestCore({ dataDir });
    expect(schemaVersion(dbOf(second))).toBe(LATEST_SCHEMA_VERSION);
    expect(existsSync(backupsDir(dataDir)) ? readdirSync(backupsDir(dataDir)) : []).toEqual([]);
  });
});

describe('a database from a newer version', () => {
  it('is refused with DB_NEWER_VERSION and left as it was', async () => {
    const dataDir = tempDataDir();
    const core = await openTestCore({ dataDir });
    core.close();
    const raw = new Database(dbPathIn(dataDir));
    raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`);
    raw.close();

    await expect(openAppCore({ dataDir, mode: 'cli', skipDailyBackup: true, now: () => FIXED_NOW })).rejects.toMatchObject({
      code: 'DB_NEWER_VERSION',
      details: { current: LATEST_SCHEMA_VERSION + 5, latest: LATEST_SCHEMA_VERSION },
    });
    try {
      await openAppCore({ dataDir, mode: 'cli', skipDailyBackup: true });
    } catch (error) {
      expectVietnamese((error as Error).message);
    }
    const check = new Database(dbPathIn(dataDir), { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION + 5);
    check.close();
  });

  it('migrate() itself refuses it', async () => {
    const dataDir = tempDataDir();
    const db = openRaw(dataDir);
    db.pragma('user_version = 3');
    await expect(migrate(db, { migrations: MIGRATIONS.slice(0, 2) })).rejects.toMatchObject({ code: 'DB_NEWER_VERSION' });
    db.close();
  });
});

describe('migrations', () => {
  it('a pending migration on an existing database backs it up first and keeps its units', async () => {
    const dataDir = tempDataDir();
    await buildVersion1Db(dataDir);

    const core = await openTestCore({ dataDir });
    const db = dbOf(core);
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);

    const backups = readdirSync(backupsDir(dataDir));
    const pre = backups.filter((f) => f.includes('pre-migration'));
    expect(pre).toHaveLength(1);
    // The copy is of the database before it changed.
    const copy = new Database(join(backupsDir(dataDir), pre[0]!), { readonly: true });
    expect(copy.pragma('user_version', { simple: true })).toBe(1);
    expect(copy.prepare('SELECT code FROM units ORDER BY code').pluck().all()).toEqual(['31006', '95']);
    copy.close();

    const units = await call(core, 'units:list', { includeEnded: true });
    expect(units.map((u) => [u.code, u.name, u.parentCode])).toEqual([
      ['95', 'Tỉnh Bạc Liêu', null],
      ['31006', 'Thị trấn Ngan Dừa', '95'],
    ]);
    const list = await call(core, 'backups:list', {});
    expect(list.find((b) => b.reason === 'pre-migration')?.sizeBytes).toBeGreaterThan(0);
  });

  it('migration 2 on a version-1 database with units creates its tables and keeps the units', async () => {
    const dataDir = tempDataDir();
    await buildVersion1Db(dataDir);
    const db = openRaw(dataDir);
    const before = db.prepare('SELECT * FROM units ORDER BY id').all();
    const version = await migrate(db, { migrations: MIGRATIONS.slice(0, 2) });
    expect(version).toBe(2);
    expect(schemaVersion(db)).toBe(2);
    expect(db.prepare('SELECT * FROM units ORDER BY id').all()).toEqual(before);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name").pluck().all();
    expect(tables).toEqual(
      expect.arrayContaining(['offices', 'office_units', 'targets', 'results', 'units', 'unit_links', 'audit_log', 'meta', 'indicators']),
    );
    // The new tables work with the old rows.
    const unitId = (db.prepare("SELECT id FROM units WHERE code = '31006'").get() as { id: number }).id;
    db.prepare("INSERT INTO results (unit_id, indicator_code, as_of, value) VALUES (?, 'BHYT', '2024-01-25', 100)").run(unitId);
    expect(() =>
      db.prepare("INSERT INTO results (unit_id, indicator_code, as_of, value) VALUES (?, 'BHYT', '2024-02-25', -1)").run(unitId),
    ).toThrow(/CHECK/);
    expect(() =>
      db.prepare("INSERT INTO targets (unit_id, indicator_code, year, value, source) VALUES (?, 'BHYT', 2024, 1, 'NOBODY')").run(unitId),
    ).toThrow(/CHECK/);
    db.close();
  });

  it('migration 3 on a version-2 database adds the units revision counter that every unit write bumps', async () => {
    const dataDir = tempDataDir();
    await buildVersion1Db(dataDir);
    const db = openRaw(dataDir);
    await migrate(db, { migrations: MIGRATIONS.slice(0, 2) });
    const before = db.prepare('SELECT * FROM units ORDER BY id').all();
    expect(await migrate(db, { migrations: MIGRATIONS.slice(0, 3) })).toBe(3);
    expect(db.prepare('SELECT * FROM units ORDER BY id').all()).toEqual(before);
    const revision = () => db.prepare("SELECT n FROM revisions WHERE area = 'units'").pluck().get() as number;
    expect(revision()).toBe(0);
    db.prepare("UPDATE units SET name = 'Thị trấn Ngan Dừa mới' WHERE code = '31006'").run();
    expect(revision()).toBe(1);
    const [a, b] = db.prepare('SELECT id FROM units ORDER BY id').pluck().all() as number[];
    db.prepare("INSERT INTO unit_links (from_unit_id, to_unit_id, effective_date) VALUES (?, ?, '2025-07-01')").run(b, a);
    db.prepare('DELETE FROM unit_links').run();
    expect(revision()).toBe(3);
    db.close();
  });

  it('migration 1 seeds the indicator catalogue', async () => {
    const core = await openTestCore();
    const rows = dbOf(core).prepare('SELECT code FROM indicators ORDER BY sort_order').pluck().all();
    const list = await call(core, 'indicators:list', {});
    expect(rows).toEqual(list.map((i) => i.code));
    expect(rows).toContain('COV_BHYT');
  });

  it('a failing step rolls back every pending step', async () => {
    const dataDir = tempDataDir();
    const db = openRaw(dataDir);
    const steps: Migration[] = [
      { version: 1, name: 'first', up: (d) => d.exec('CREATE TABLE first_step (id INTEGER PRIMARY KEY)') },
      {
        version: 2,
        name: 'second fails',
        up: (d) => {
          d.exec('CREATE TABLE second_step (id INTEGER)');
          throw new Error('boom');
        },
      },
    ];
    await expect(migrate(db, { migrations: steps })).rejects.toThrow('boom');
    expect(schemaVersion(db)).toBe(0);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type='table'").pluck().all();
    expect(tables).not.toContain('first_step');
    expect(tables).not.toContain('second_step');
    db.close();
  });

  it('a failing step on an existing database keeps its version and data', async () => {
    const dataDir = tempDataDir();
    await buildVersion1Db(dataDir);
    const db = openRaw(dataDir);
    let backedUpFrom: number | null = null;
    const steps: Migration[] = [
      MIGRATIONS[0]!,
      {
        version: 2,
        name: 'renames then fails',
        up: (d) => {
          d.exec("UPDATE units SET name = 'đổi tên'");
          throw new Error('hỏng');
        },
      },
    ];
    await expect(migrate(db, { migrations: steps, beforeMigrate: async (from) => void (backedUpFrom = from) })).rejects.toThrow('hỏng');
    expect(backedUpFrom).toBe(1);
    expect(schemaVersion(db)).toBe(1);
    expect(db.prepare('SELECT name FROM units ORDER BY code').pluck().all()).toEqual(['Thị trấn Ngan Dừa', 'Tỉnh Bạc Liêu']);
    db.close();
  });

  it('quickCheck says ok on a healthy database', async () => {
    const core = await openTestCore();
    expect(quickCheck(dbOf(core))).toEqual({ ok: true, message: 'ok' });
  });
});

describe('network paths', () => {
  it.each(['\\\\server\\share', '\\\\server\\share\\BHXH Desk', '//server/share', '//server/share/data'])(
    'refuses %s with DB_NETWORK_PATH',
    async (dataDir) => {
      expect(() => assertLocalPath(dataDir)).toThrow(expect.objectContaining({ code: 'DB_NETWORK_PATH' }));
      await expect(openAppCore({ dataDir, mode: 'cli', skipDailyBackup: true })).rejects.toMatchObject({ code: 'DB_NETWORK_PATH' });
      try {
        await openAppCore({ dataDir, mode: 'cli', skipDailyBackup: true });
      } catch (error) {
        expectVietnamese((error as Error).message);
        expect((error as Error).message).toContain(dataDir);
      }
    },
  );

  it('accepts local folders', () => {
    expect(() => assertLocalPath('/tmp/bhxh')).not.toThrow();
    expect(() => assertLocalPath('C:\\Users\\cb\\AppData\\Roaming\\BHXH Desk')).not.toThrow();
  });
});

describe('lookups on an open database', () => {
  it('units:get of an unknown code answers NOT_FOUND in Vietnamese', async () => {
    const core = await openTestCore();
    const err = await callError(core, 'units:get', { code: '00000' });
    expect(err.code).toBe('NOT_FOUND');
    expectVietnamese(err.message);
  });
});

describe('the database hash used by "nothing changed" assertions', () => {
  it('is stable across reads and sees a one-character change, a new row and an audit entry', async () => {
    const core = await openTestCore();
    await importFile(core, fixturePath(FIXTURE.unitsHongDan));
    const db = dbOf(core);
    const h0 = hashDatabase(db);
    expect(hashDatabase(db)).toBe(h0);
    db.prepare("UPDATE units SET name = 'Xã Ninh Hoà' WHERE code = '31015'").run();
    const h1 = hashDatabase(db);
    expect(h1).not.toBe(h0);
    db.prepare("UPDATE units SET name = 'Xã Ninh Hòa' WHERE code = '31015'").run();
    // The revision counter (migration 3) remembers that units were written, so the hash moves on.
    expect(hashDatabase(db)).not.toBe(h0);
    const h2 = hashDatabase(db);
    db.prepare("INSERT INTO meta (key, value) VALUES ('k', 'v')").run();
    expect(hashDatabase(db)).not.toBe(h2);
    db.prepare("DELETE FROM meta WHERE key = 'k'").run();
    expect(hashDatabase(db)).toBe(h2);
    await call(core, 'units:update', {
      code: '31015',
      name: 'Xã Ninh Hòa 2',
      kind: 'Xã',
      parentCode: '956',
      validFrom: null,
      validTo: null,
    });
    expect(hashDatabase(db)).not.toBe(h2);
  });
});
