// A big commit on SQLite returns without folding its log into the file; a worker thread with its
// own connection does that after. Real files: the database file ALONE (copied without its -wal)
// must hold the rows once the checkpointer has run, and the app's own checkpoint setting comes back.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../../electron/core/db/sqliteStore';
import { WalCheckpointer } from '../../../electron/core/db/walCheckpointer';
import { tempDataDir } from '../../helpers/fixtures';

/** Enough rows to pass SQLite's automatic checkpoint (1,000 pages of 8 KB) in one write. */
const ROWS = 150_000;
let store: SqliteStore | null = null;

afterEach(async () => {
  await store?.close();
  store = null;
});

function rowsInBareFile(file: string): number {
  const copy = `${file}.bare`;
  copyFileSync(file, copy);
  const db = new Database(copy, { readonly: true });
  try {
    return (db.prepare('SELECT COUNT(*) AS n FROM t').get() as { n: number }).n;
  } finally {
    db.close();
    rmSync(copy, { force: true });
  }
}

async function bigWrite(s: SqliteStore, through: 'largeWrite' | 'transaction'): Promise<void> {
  const write = () =>
    s.transaction(async () => {
      const insert = s.raw.prepare('INSERT INTO t (name) VALUES (?)');
      for (let i = 0; i < ROWS; i++) insert.run(`Người thứ ${i} — một dòng đủ dài để nhật ký WAL vượt nghìn trang`);
    });
  await (through === 'largeWrite' ? s.largeWrite(write) : write());
}

describe('WAL checkpoint after a large write', () => {
  it('the log of a large write reaches the database file through the checkpointer thread, not before the commit returns', async () => {
    const file = join(tempDataDir(), 'a.sqlite');
    store = SqliteStore.open(file);
    store.script('CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL)');
    store.checkpoint();
    await bigWrite(store, 'largeWrite');
    // Right after the commit, the rows are in the log (durable), the file alone may not have them yet.
    expect(store.raw.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    expect((store.raw.prepare('SELECT COUNT(*) AS n FROM t').get() as { n: number }).n).toBe(ROWS);
    await store.checkpointsSettled();
    expect(rowsInBareFile(file)).toBe(ROWS);
    // The worker's connection closes with the store: the file can be removed at once.
    await store.close();
    store = null;
    rmSync(file);
    rmSync(`${file}-wal`, { force: true });
    rmSync(`${file}-shm`, { force: true });
    expect(existsSync(file)).toBe(false);
  });

  it('without it, SQLite checkpoints on the committing thread as before (the control)', async () => {
    const file = join(tempDataDir(), 'b.sqlite');
    store = SqliteStore.open(file);
    store.script('CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL)');
    store.checkpoint();
    await bigWrite(store, 'transaction');
    await store.checkpointsSettled();
    expect(rowsInBareFile(file)).toBe(ROWS);
  });

  it('a store closed while its checkpoint is still asked for closes cleanly', async () => {
    const file = join(tempDataDir(), 'c.sqlite');
    store = SqliteStore.open(file);
    store.script('CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL)');
    await bigWrite(store, 'largeWrite');
    await store.close();
    store = null;
    const reopened = SqliteStore.open(file);
    try {
      expect((reopened.raw.prepare('SELECT COUNT(*) AS n FROM t').get() as { n: number }).n).toBe(ROWS);
    } finally {
      await reopened.close();
    }
  });

  it('a plain Node process (the CLI) waits for the checkpoint it asked for and for the thread to close, then exits 0', () => {
    const file = join(tempDataDir(), 'd.sqlite');
    const script = `
      import { SqliteStore } from './electron/core/db/sqliteStore.ts';
      const s = SqliteStore.open(process.argv[1]);
      s.script('CREATE TABLE t (x TEXT)');
      await s.largeWrite(() => s.transaction(async () => { s.raw.prepare("INSERT INTO t VALUES ('a')").run(); }));
      await s.checkpointsSettled();
      await s.close();
      console.log('đã đóng');`;
    const root = resolve(import.meta.dirname, '../../..');
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script, file], { cwd: root, encoding: 'utf8', timeout: 30_000 });
    expect({ status: r.status, out: r.stdout.trim() }).toEqual({ status: 0, out: 'đã đóng' });
    expect(rowsInBareFile(file)).toBe(1);
  });

  it('a checkpointer thread that dies lets its waiters go, and the next request starts a new one that works', async () => {
    const file = join(tempDataDir(), 'e.sqlite');
    store = SqliteStore.open(file);
    store.script('CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL)');
    store.raw.pragma('wal_autocheckpoint = 0');
    const checkpointer = new WalCheckpointer(file);
    try {
      await checkpointer.request();
      await (checkpointer as unknown as { worker: Worker }).worker.terminate();
      await bigWrite(store, 'transaction');
      await checkpointer.request();
      expect(rowsInBareFile(file)).toBe(ROWS);
    } finally {
      await checkpointer.close();
    }
  });
});
