// The Electron build parses spreadsheets in out/electron/workbookWorker.cjs: build it for real and
// check that core-host.cjs (the core process) looks for it beside itself and that it parses a report in plain Node.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
});
