// The Electron build parses spreadsheets in out/electron/workbookWorker.cjs: build it for real and
// check that core-host.cjs (the core process) looks for it beside itself and that it parses a report in plain Node.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckpointReply } from '../../../electron/core/db/walCheckpointer';
import type { WorkerReply } from '../../../electron/core/excel/workerProtocol';
import { FIXTURE, fixturePath } from '../../helpers/fixtures';

const root = resolve(import.meta.dirname, '../../..');
let outDir: string;

beforeAll(() => {
  mkdirSync(join(root, 'out'), { recursive: true });
  outDir = mkdtempSync(join(root, 'out', '.worker-bundle-test-'));
  execFileSync(process.execPath, [join(root, 'scripts', 'build-electron.mjs'), '--outdir', outDir], { cwd: root, stdio: 'pipe' });
}, 60_000);

afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe('workbook worker bundle', () => {
  it('core-host.cjs resolves the worker beside itself', () => {
    const coreHost = readFileSync(join(outDir, 'core-host.cjs'), 'utf8');
    expect(coreHost).toContain('"workbookWorker.cjs"');
  });

  it('parses a district report in a plain Node worker, reporting progress', async () => {
    const bytes = new Uint8Array(readFileSync(fixturePath(FIXTURE.districtReport)));
    const worker = new Worker(join(outDir, 'workbookWorker.cjs'), { workerData: { bytes, fileName: 'bao-cao.xlsx' } });
    const replies: WorkerReply[] = [];
    await new Promise<void>((done, fail) => {
      worker.on('message', (m: WorkerReply) => {
        replies.push(m);
        if (m.type !== 'progress') done();
      });
      worker.on('error', fail);
    });
    await worker.terminate();
    const last = replies.at(-1)!;
    expect(last.type).toBe('done');
    if (last.type === 'done') expect(last.workbook.sheets[0]!.rows.length).toBeGreaterThan(10);
    expect(replies.filter((r) => r.type === 'progress').map((r) => (r.type === 'progress' ? r.label : ''))).toContain('Đang đọc tệp…');
  });

  it('the WAL checkpointer (checkpointWorker.cjs, found beside core-host.cjs) folds a real log into its file in plain Node', async () => {
    expect(readFileSync(join(outDir, 'core-host.cjs'), 'utf8')).toContain('"checkpointWorker.cjs"');
    const file = join(outDir, 'wal.sqlite');
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('wal_autocheckpoint = 0');
    db.exec('CREATE TABLE t (x TEXT)');
    db.exec("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5000) INSERT INTO t SELECT printf('dòng %d', i) FROM n");
    const worker = new Worker(join(outDir, 'checkpointWorker.cjs'), { workerData: { file } });
    const reply = await new Promise<CheckpointReply>((done, fail) => {
      worker.once('message', done);
      worker.once('error', fail);
      worker.postMessage({ type: 'checkpoint', id: 1 });
    });
    worker.postMessage({ type: 'close' });
    await new Promise((r) => worker.once('exit', r));
    db.close();
    expect(reply).toMatchObject({ type: 'done', id: 1 });
    if (reply.type === 'done') expect(reply.checkpointed).toBe(reply.log);
  });

  it('the same thread backs the database up while another connection writes: the copy holds what was committed', async () => {
    const file = join(outDir, 'aside.sqlite');
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.exec('CREATE TABLE t (x TEXT)');
    db.exec("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000) INSERT INTO t SELECT printf('dòng %d', i) FROM n");
    const worker = new Worker(join(outDir, 'checkpointWorker.cjs'), { workerData: { file } });
    const ask = (message: object) =>
      new Promise<CheckpointReply>((done, fail) => {
        worker.once('message', done);
        worker.once('error', fail);
        worker.postMessage(message);
      });
    // A big write under way, not committed: a million rows' worth of pages in the log, spilled.
    db.exec('BEGIN');
    db.exec("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200000) INSERT INTO t SELECT printf('chưa ghi %d', i) FROM n");
    const copy = join(outDir, 'aside-copy.sqlite');
    const done = await ask({ type: 'backup', id: 1, file: copy });
    const failed = await ask({ type: 'backup', id: 2, file: join(outDir, 'no-such-folder', 'x.sqlite') });
    db.exec('COMMIT');
    worker.postMessage({ type: 'close' });
    await new Promise((r) => worker.once('exit', r));
    expect(done).toMatchObject({ type: 'done', id: 1 });
    expect(failed).toMatchObject({ type: 'failed', id: 2 });
    const backup = new Database(copy, { readonly: true });
    expect(backup.prepare('SELECT COUNT(*) AS n FROM t').get()).toEqual({ n: 3000 });
    backup.close();
    expect(db.prepare('SELECT COUNT(*) AS n FROM t').get()).toEqual({ n: 203000 });
    db.close();
  });
});
