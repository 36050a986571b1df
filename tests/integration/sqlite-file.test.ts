import Database from 'better-sqlite3';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openAppCore } from '../../electron/core/app/appCore';
import { backupsDir } from '../../electron/core/backups/backups';
import { LOCK_FILE } from '../../electron/core/db/folderLock';
import { LATEST_SCHEMA_VERSION, migrate } from '../../electron/core/db/migrate';
import { MIGRATIONS } from '../../electron/core/db/migrations';
import { assertLocalPath, dbPathIn } from '../../electron/core/db/open';
import { SqliteStore } from '../../electron/core/db/sqliteStore';
import { call, callError, expectVietnamese, FIXED_NOW, importFile, openTestCore, sqliteOf } from '../helpers/core';
import { hashDatabaseFile } from '../helpers/dbHash';
import { FIXTURE, fixturePath, tempDataDir } from '../helpers/fixtures';

describe('the embedded database file', () => {
  it('sits in the data folder with WAL, synchronous=FULL, foreign keys on and a busy timeout', async () => {
    const dataDir = tempDataDir();
    const core = await openTestCore({ dataDir });
    expect(existsSync(dbPathIn(dataDir))).toBe(true);
    expect((await call(core, 'app:info', {})).dbFile).toBe(dbPathIn(dataDir));
    const raw = sqliteOf(core).raw;
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(raw.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(raw.pragma('synchronous', { simple: true })).toBe(2);
    expect(Number(raw.pragma('busy_timeout', { simple: true }))).toBeGreaterThan(0);
  });

  it('a fresh database takes no pre-migration backup, and reopening takes none either', async () => {
    const dataDir = tempDataDir();
    await (await openTestCore({ dataDir })).close();
    await openTestCore({ dataDir });
    expect(existsSync(backupsDir(dataDir)) ? readdirSync(backupsDir(dataDir)) : []).toEqual([]);
  });

  it('a pending migration on an existing file backs it up first (the copy is of the old version) and keeps its units', async () => {
    const dataDir = tempDataDir();
    const old = SqliteStore.open(dbPathIn(dataDir));
    await migrate(old, { migrations: MIGRATIONS.filter((m) => m.version <= 1) });
    old.raw.exec(`INSERT INTO units (code, name, name_key, level, created_at, updated_at) VALUES ('95', 'Tỉnh Bạc Liêu', 'bac lieu', 'province', 'x', 'x')`);
    await old.close();

    const core = await openTestCore({ dataDir });
    expect(sqliteOf(core).schemaVersion()).toBe(LATEST_SCHEMA_VERSION);
    const pre = readdirSync(backupsDir(dataDir)).filter((f) => f.includes('pre-migration'));
    expect(pre).toHaveLength(1);
    const copy = new Database(join(backupsDir(dataDir), pre[0]!), { readonly: true });
    expect(copy.pragma('user_version', { simple: true })).toBe(1);
    copy.close();
    expect((await call(core, 'units:list', { includeEnded: true })).map((u) => u.code)).toEqual(['95']);
  });
});

describe('network paths', () => {
  it.each(['\\\\server\\share', '\\\\server\\share\\BHXH Desk', '//server/share', '//server/share/data'])('refuses %s with DB_NETWORK_PATH', async (dataDir) => {
    expect(() => assertLocalPath(dataDir)).toThrow(expect.objectContaining({ code: 'DB_NETWORK_PATH' }));
    const error = await openAppCore({ dataDir, mode: 'cli', skipDailyBackup: true }).catch((e: Error) => e);
    expect(error).toMatchObject({ code: 'DB_NETWORK_PATH' });
    expectVietnamese((error as Error).message);
    expect((error as Error).message).toContain(dataDir);
  });

  it('accepts local folders', () => {
    expect(() => assertLocalPath('/tmp/bhxh')).not.toThrow();
    expect(() => assertLocalPath('C:\\Users\\cb\\AppData\\Roaming\\BHXH Desk')).not.toThrow();
  });
});

describe('one writer per data folder', () => {
  it('the first process takes the lock; a second one reads but refuses writes and restores, naming the holder', async () => {
    const dataDir = tempDataDir();
    const first = await openTestCore({ dataDir, mode: 'browser' });
    await importFile(first, fixturePath(FIXTURE.unitsHongDan));
    const backup = await call(first, 'backups:create', {});
    expect(JSON.parse(readFileSync(join(dataDir, LOCK_FILE), 'utf8'))).toMatchObject({ pid: process.pid, mode: 'browser' });

    // A second process is simulated by a lock file naming a live process that is not this one (our parent).
    await first.close();
    expect(existsSync(join(dataDir, LOCK_FILE))).toBe(false);
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(dataDir, LOCK_FILE), JSON.stringify({ pid: process.ppid, host: (await import('node:os')).hostname(), mode: 'electron', since: FIXED_NOW.toISOString() }));
    const before = hashDatabaseFile(dbPathIn(dataDir));

    const second = await openTestCore({ dataDir });
    const info = await call(second, 'app:info', {});
    expect(info).toMatchObject({ readOnly: true, dbStatus: 'ok', unitCount: 11 });
    expect(info.readOnlyMessage).toContain(`tiến trình ${process.ppid}`);
    expect((await call(second, 'units:list', {})).length).toBeGreaterThan(0);

    const write = await callError(second, 'units:update', { code: '31015', name: 'Xã Ninh Hòa mới', kind: 'Xã', parentCode: '956', validFrom: null, validTo: null });
    expect(write.code).toBe('DATA_FOLDER_BUSY');
    expect(write.message).toContain('ứng dụng BHXH Desk');
    expectVietnamese(write.message);
    const restore = await callError(second, 'backups:restore', { fileName: backup.fileName });
    expect(restore.code).toBe('DATA_FOLDER_BUSY');
    await second.close();
    expect(hashDatabaseFile(dbPathIn(dataDir))).toBe(before);
    // The holder's lock file is not the second process's to remove.
    expect(existsSync(join(dataDir, LOCK_FILE))).toBe(true);
  });

  it('a lock left by a process that died is taken over', async () => {
    const dataDir = tempDataDir();
    await (await openTestCore({ dataDir })).close();
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(dataDir, LOCK_FILE), JSON.stringify({ pid: 2 ** 22 + 12345, host: (await import('node:os')).hostname(), mode: 'cli', since: FIXED_NOW.toISOString() }));
    const core = await openTestCore({ dataDir });
    expect((await call(core, 'app:info', {})).readOnly).toBe(false);
    await importFile(core, fixturePath(FIXTURE.unitsHongDan));
  });
});
