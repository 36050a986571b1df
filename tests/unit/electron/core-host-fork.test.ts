// The built core-host.cjs under a plain child_process.fork (the Node IPC transport, no Electron),
// driven by main's CoreProcess: contract calls, picked files, the workbook worker and its progress
// events inside the core process, and a clean shutdown that releases the data-folder lock.
import { execFileSync, fork } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppEvent, FileRef, ProgressEvent } from '../../../shared/contract';
import { coreHostArgs } from '../../../electron/core-host/protocol';
import { CoreProcess, type CoreChild } from '../../../electron/main/coreProcess';
import { FIXTURE, fixturePath, tempDataDir } from '../../helpers/fixtures';

const root = resolve(import.meta.dirname, '../../..');
let outDir: string;

beforeAll(() => {
  // Inside out/ like the real build, so out/<dir>/../.. is the project root for core's lookups.
  mkdirSync(join(root, 'out'), { recursive: true });
  outDir = mkdtempSync(join(root, 'out', '.core-host-test-'));
  execFileSync(process.execPath, [join(root, 'scripts', 'build-electron.mjs'), '--outdir', outDir], { cwd: root, stdio: 'pipe' });
}, 60_000);

afterAll(() => rmSync(outDir, { recursive: true, force: true }));

interface Started {
  core: CoreProcess;
  children: { pid: number; exitCode: number | null; signal: string | null }[];
  events: AppEvent[];
}

function startCore(dataDir: string): Started {
  const children: Started['children'] = [];
  const core = new CoreProcess({
    fork: (): CoreChild => {
      const child = fork(join(outDir, 'core-host.cjs'), coreHostArgs(dataDir), {
        serialization: 'advanced',
        env: { ...process.env, BHXH_TODAY: '2026-11-22' },
        stdio: 'inherit',
      });
      const seen = { pid: child.pid!, exitCode: null as number | null, signal: null as string | null };
      children.push(seen);
      child.on('exit', (code, signal) => Object.assign(seen, { exitCode: code, signal }));
      return {
        pid: child.pid,
        postMessage: (message) => void child.send(message as never),
        on: (event: 'message' | 'exit', listener: (arg: never) => void) =>
          event === 'exit' ? child.on('exit', (code) => listener((code ?? 1) as never)) : child.on('message', (m) => listener(m as never)),
        kill: () => child.kill(),
      } as CoreChild;
    },
    printer: {
      pdf: async () => {
        throw new Error('not printed in this test');
      },
    },
  });
  const events: AppEvent[] = [];
  core.events.subscribe((e) => events.push(e));
  return { core, children, events };
}

function lockHolder(dataDir: string): { pid: number; mode: string } | null {
  const path = join(dataDir, 'bhxh-desk.lock');
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as { pid: number; mode: string }) : null;
}

describe('core-host.cjs over a plain Node IPC channel', () => {
  it('answers contract calls, holds the folder lock, runs imports in its worker and closes cleanly', async () => {
    const dataDir = tempDataDir('bhxh-core-host-');
    const { core, children, events } = startCore(dataDir);
    await core.start();
    try {
      expect(await core.dispatch('app:info', {})).toMatchObject({
        ok: true,
        value: { mode: 'electron', dataDir, dbStatus: 'ok', readOnly: false },
      });
      expect(lockHolder(dataDir)).toMatchObject({ pid: children[0]!.pid, mode: 'electron' });
      expect(children[0]!.pid).not.toBe(process.pid);

      // The contract's own validation answers from the other process, in Vietnamese.
      expect(await core.dispatch('units:get', { code: 5 })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });

      // A path main's dialog picked becomes a token; a vanished one is a clear refusal.
      const missing = join(dataDir, 'đã xóa.xlsx');
      await expect(core.files.registerPath(missing)).rejects.toMatchObject({
        code: 'NOT_FOUND',
        message: expect.stringContaining('"đã xóa.xlsx"'),
      });
      const units: FileRef = await core.files.registerPath(fixturePath(FIXTURE.unitsHongDan));
      expect(units).toMatchObject({ name: FIXTURE.unitsHongDan, token: expect.any(String) });
      const preview = await core.dispatch('units:previewImport', { file: units });
      if (!preview.ok) throw new Error(preview.error.message);
      const plan = preview.value as { planId: string; errors: unknown[] };
      expect(plan.errors).toEqual([]);
      expect(await core.dispatch('units:commitImport', { planId: plan.planId })).toMatchObject({ ok: true });

      // The district report is parsed by workbookWorker.cjs, a worker thread of the core process.
      const report = await core.files.registerPath(fixturePath(FIXTURE.districtReport));
      const imported = await core.dispatch('imports:preview', { file: report, operationId: 'qua-tien-trinh-1' });
      expect(imported).toMatchObject({ ok: true, value: { rows: expect.any(Array) } });
      expect((imported as { value: { rows: unknown[] } }).value.rows.length).toBeGreaterThan(0);
      const progress = events.filter((e): e is ProgressEvent => e.type === 'progress' && e.taskId === 'qua-tien-trinh-1');
      expect(progress.map((e) => e.label)).toContain('Đang đọc tệp…');
      expect(progress.at(-1)!.done).toBe(progress.at(-1)!.total);
      expect(events).toContainEqual({ type: 'data-changed', area: 'units' });
    } finally {
      await core.stop();
    }
    expect(children[0]).toMatchObject({ exitCode: 0, signal: null });
    expect(lockHolder(dataDir)).toBeNull();
    expect(core.status).toBe('stopped');
  }, 90_000);

  it('told to stop while the database is still opening, it finishes opening, closes and lets go of the folder', async () => {
    const dataDir = tempDataDir('bhxh-core-host-');
    const { core, children } = startCore(dataDir);
    const started = core.start().catch((e: unknown) => e);
    await core.stop();
    await started;
    expect(children).toHaveLength(1);
    expect(children[0]).toMatchObject({ exitCode: 0, signal: null });
    expect(lockHolder(dataDir)).toBeNull();
    expect(existsSync(join(dataDir, 'bhxh-desk.sqlite'))).toBe(true);
  }, 60_000);
});
