// Builds the real bundles (scripts/build-electron.mjs) into a temp folder and inspects them:
// the sandboxed preload may require nothing but 'electron', and must expose exactly the Api;
// main forwards to the core process (core-host.cjs), which holds everything else.
import { execFileSync } from 'node:child_process';
import { builtinModules } from 'node:module';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CHANNEL_NAMES, IPC } from '../../../shared/contract';

const root = resolve(import.meta.dirname, '../../..');
let outDir: string;
let preload: string;
let main: string;
let coreHost: string;

function requiredModules(code: string): { literal: string[]; total: number } {
  const literal = [...code.matchAll(/\brequire\(\s*(["'`])([^"'`]+)\1\s*\)/g)].map((m) => m[2]!);
  const total = [...code.matchAll(/\brequire\s*\(/g)].length;
  return { literal, total };
}

beforeAll(() => {
  // Inside out/ like the real build, so out/<dir>/../.. is the project root for core's lookups.
  mkdirSync(join(root, 'out'), { recursive: true });
  outDir = mkdtempSync(join(root, 'out', '.bundle-test-'));
  execFileSync(process.execPath, [join(root, 'scripts', 'build-electron.mjs'), '--outdir', outDir], {
    cwd: root,
    stdio: 'pipe',
  });
  preload = readFileSync(join(outDir, 'preload.cjs'), 'utf8');
  main = readFileSync(join(outDir, 'main.cjs'), 'utf8');
  coreHost = readFileSync(join(outDir, 'core-host.cjs'), 'utf8');
}, 60_000);

afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe('preload bundle', () => {
  it("requires only 'electron', and only with a literal name", () => {
    const { literal, total } = requiredModules(preload);
    expect(literal).toEqual(['electron']);
    expect(total).toBe(1);
    expect(preload).not.toMatch(/\bimport\s*\(|\bimport\s+[\w{*]/);
  });

  it('leaves zod out and stays small', () => {
    expect(preload).not.toMatch(/zod|ZodError|\$ZodType/i);
    expect(preload.length).toBeLessThan(20_000);
  });

  it('carries every contract channel name', () => {
    for (const name of CHANNEL_NAMES) expect(preload).toContain(JSON.stringify(name));
  });

  it('exposes exactly window.api with the contract behaviour when run', async () => {
    const exposed = new Map<string, unknown>();
    const invoke = vi.fn(async () => ({ ok: true, value: 1 }));
    const fakeElectron = {
      contextBridge: { exposeInMainWorld: (key: string, value: unknown) => exposed.set(key, value) },
      ipcRenderer: { invoke, on: vi.fn(), removeListener: vi.fn() },
    };
    const sandboxRequire = (name: string) => {
      if (name !== 'electron') throw new Error(`sandboxed preload cannot require ${name}`);
      return fakeElectron;
    };
    const module = { exports: {} };
    runInNewContext(preload, { require: sandboxRequire, module, exports: module.exports, Promise, Object, Set, Array, String, TypeError });

    expect([...exposed.keys()]).toEqual(['api']);
    const api = exposed.get('api') as Record<string, (...args: unknown[]) => Promise<unknown>>;
    expect(Object.keys(api).sort()).toEqual(['invoke', 'onEvent', 'pickFile', 'saveDownload']);
    await api.invoke!('app:info', {});
    expect(invoke).toHaveBeenCalledWith(IPC.invoke, 'app:info', {});
    const refused = (await api.invoke!('fs:readFile', { path: 'C:/' })) as { ok: boolean; error: { code: string } };
    expect(refused.ok).toBe(false);
    expect(refused.error.code).toBe('UNKNOWN_CHANNEL');
    expect(invoke).toHaveBeenCalledTimes(1);
  });
});

function allowedModules(extra: string[]): Set<string> {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
  return new Set([...extra, ...Object.keys(pkg.dependencies), ...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
}

describe('main bundle', () => {
  it('is CommonJS and requires only Node built-ins, electron and runtime dependencies', () => {
    const allowed = allowedModules(['electron']);
    const { literal } = requiredModules(main);
    expect(literal).toContain('electron');
    const unexpected = literal.filter((name) => !allowed.has(name) && !allowed.has(name.split('/')[0]!));
    expect(unexpected).toEqual([]);
    expect(main).not.toMatch(/^\s*(import|export)\s/m);
  });

  it('leaves the database and spreadsheets to the core process', () => {
    const { literal } = requiredModules(main);
    for (const heavy of ['better-sqlite3', 'pg', 'kysely', 'exceljs', 'xlsx', 'node:worker_threads']) expect(literal).not.toContain(heavy);
    expect(main).toContain('"core-host.cjs"');
  });

  it('leaves no empty import.meta behind (core finds files relative to its source)', () => {
    expect(main).not.toContain('import.meta');
  });
});

describe('core-host bundle', () => {
  it('is CommonJS, holds core, and never requires electron', () => {
    const allowed = allowedModules([]);
    const { literal } = requiredModules(coreHost);
    expect(literal).toContain('better-sqlite3');
    expect(literal).not.toContain('electron');
    const unexpected = literal.filter((name) => !allowed.has(name) && !allowed.has(name.split('/')[0]!));
    expect(unexpected).toEqual([]);
    expect(coreHost).not.toMatch(/^\s*(import|export)\s/m);
    expect(coreHost).not.toContain('import.meta');
  });
});

type Harness = Record<string, unknown> & { outcome: string; calls: unknown[] };

function runHarness(env: Record<string, string>, appPath: string, picked: string): Harness {
  const stdout = execFileSync(
    process.execPath,
    [join(root, 'tests', 'unit', 'electron', 'fixtures', 'fake-electron-run.mjs'), join(outDir, 'main.cjs'), appPath, picked],
    { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], timeout: 150_000 },
  ).toString();
  return JSON.parse(stdout.trim().split('\n').pop()!) as Harness;
}

describe('main process wiring (built main.cjs against a fake electron module)', () => {
  let work: string;
  let appPath: string;
  let dataDir: string;
  let picked: string;
  let run: Harness;

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'bhxh-main-'));
    appPath = join(work, 'app');
    dataDir = join(work, 'dữ liệu');
    mkdirSync(join(appPath, 'out', 'renderer'), { recursive: true });
    writeFileSync(join(appPath, 'out', 'renderer', 'index.html'), '<!doctype html><title>BHXH Desk</title>');
    picked = join(work, 'Danh sách đơn vị.xlsx');
    writeFileSync(picked, 'PK fake workbook');
    run = runHarness(harnessEnv(), appPath, picked);
  }, 180_000);

  /** The core process: BHXH_TODAY for the demo and reports; the test-only knobs of fake-parent-port.cjs. */
  function harnessEnv(): Record<string, string> {
    return {
      APP_DATA_DIR: dataDir,
      BHXH_TODAY: '2026-11-22',
      FAKE_CORE_SLOW_CHANNEL: 'settings:get',
      FAKE_CORE_SLOW_MS: '3000',
      FAKE_CORE_EXIT_FLAG: join(work, 'core-exit-code'),
    };
  }

  type Fork = { module: string; args: string[]; serviceName: string; pid: number; exitCode?: number };
  const forks = () => run.forks as Fork[];

  afterAll(() => rmSync(work, { recursive: true, force: true }));

  const call = (name: string) => run.calls.find((c) => (Array.isArray(c) ? c[0] === name : c === name));

  it('starts and loads app://bhxh/', () => {
    expect(run.outcome, JSON.stringify(run)).toBe('loaded app://bhxh/');
  });

  it('registers the privileged scheme and the sandbox before ready', () => {
    expect(call('protocol.registerSchemesAsPrivileged')).toEqual([
      'protocol.registerSchemesAsPrivileged',
      { isReady: false, schemes: [{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }] },
    ]);
    expect(call('app.enableSandbox')).toEqual(['app.enableSandbox', { isReady: false }]);
    expect(run.protocolSchemes).toEqual(['app']);
  });

  it('creates the hardened window with the bundled preload', () => {
    const options = run.windowOptions as { title: string; show: boolean; webPreferences: Record<string, unknown> };
    expect(options.title).toBe('BHXH Desk');
    expect(options.show).toBe(false);
    expect(options.webPreferences).toMatchObject({
      preload: join(appPath, 'out', 'electron', 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    });
  });

  it('answers contract calls from the app origin with the data folder from APP_DATA_DIR', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
    expect(run.ipcChannels).toEqual([IPC.invoke, IPC.pickFile, IPC.saveDownload].sort());
    expect(run.appInfo).toMatchObject({ ok: true, value: { mode: 'electron', dataDir, version: pkg.version } });
    const info = run.appInfo as { value: { dbFile: string } };
    expect(existsSync(info.value.dbFile)).toBe(true);
  });

  it('refuses other origins and unknown channels', () => {
    expect(run.untrusted).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    expect(run.unknown).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
  });

  it('turns a picked file into a token, with a parented Vietnamese dialog', () => {
    expect(run.picked).toEqual({ token: expect.any(String), name: basename(picked), size: 16 });
    expect(call('dialog.showOpenDialog')).toEqual([
      'dialog.showOpenDialog',
      { parented: true, title: 'Chọn tệp Excel', filters: [{ name: 'Tệp được hỗ trợ (*.xlsx)', extensions: ['xlsx'] }] },
    ]);
  });

  it('serves the renderer with the CSP and refuses to leave it', () => {
    expect(run.index).toMatchObject({ status: 200, type: 'text/html; charset=utf-8', body: expect.stringContaining('BHXH Desk') });
    expect((run.index as { csp: string }).csp).toContain("script-src 'self'");
    expect(run.escape).toMatchObject({ status: 404 });
  });

  it('denies permissions, navigation and new windows; https goes to the system browser', () => {
    expect(run.permissionRequest).toEqual([false]);
    expect(run.permissionCheck).toBe(false);
    expect(run.navigationPrevented).toBe(true);
    expect(run.windowOpen).toEqual({ action: 'deny' });
    const opened = run.calls.filter((c) => Array.isArray(c) && c[0] === 'shell.openExternal').map((c) => (c as unknown[])[1]);
    expect(opened).toEqual(['https://example.com/', 'https://example.com/doc']);
  });

  it('sets the Vietnamese menu', () => {
    expect(call('Menu.setApplicationMenu')).toEqual(['Menu.setApplicationMenu', ['Tệp', 'Sửa', 'Xem', 'Trợ giúp']]);
  });

  it('focuses the existing window when a second copy starts', () => {
    expect(run.focusedOnSecondInstance).toBe(1);
    expect(call('window.restore')).toBe('window.restore');
  });

  it('remembers the window bounds in the data folder', () => {
    const saved = JSON.parse(readFileSync(join(dataDir, 'window-state.json'), 'utf8')) as unknown;
    expect(saved).toEqual({ x: 40, y: 30, width: 1500, height: 850, maximized: false });
  });

  it('runs core in a utility process of its own, which holds the data-folder lock', () => {
    expect(forks()[0]).toMatchObject({ module: 'core-host.cjs', serviceName: 'BHXH Desk core', args: ['--data-dir', dataDir] });
    const holder = run.lockHolder as { pid: number; mode: string };
    expect(holder).toMatchObject({ pid: forks()[0]!.pid, mode: 'electron' });
    expect(holder.pid).not.toBe(run.mainPid);
  });

  it('forwards core events to the window', () => {
    expect(run.demo).toMatchObject({ ok: true, value: { units: expect.any(Number) } });
    expect(run.eventsSent).toContainEqual([IPC.event, { type: 'data-changed', area: 'backups' }]);
  });

  it('prints on request of the core process in a hidden, hardened window that reads the report back through main', () => {
    const preview = run.pdfPreview as { ok: true; value: { pages: number; base64: string; fileName: string } };
    expect(preview).toMatchObject({ ok: true, value: { pages: 2, fileName: expect.stringMatching(/\.pdf$/) } });
    expect(Buffer.from(preview.value.base64, 'base64').toString('latin1')).toContain(`print=report&id=${String(run.reportId)}`);
    expect(run.printed).toEqual({ ok: true, value: { printed: true } });
    expect(run.missingReport).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: expect.stringContaining('999') } });
    const windows = run.printWindows as Array<Record<string, unknown>>;
    expect(windows).toHaveLength(3);
    for (const w of windows) expect(w).toEqual({ url: `app://bhxh/?print=report&id=${String(run.reportId)}`, show: false, sandbox: true, pageLoaded: run.reportId, destroyed: true });
    expect(call('webContents.printToPDF')).toEqual(['webContents.printToPDF', { preferCSSPageSize: true, printBackground: true }]);
    expect(call('webContents.print')).toEqual(['webContents.print', { silent: false, printBackground: true }]);
  });

  it('writes an export where the save dialog says, with the bytes the core process made', () => {
    const ref = run.pdfRef as { ok: true; value: { fileName: string; size: number } };
    expect(run.savedDownload).toBe(true);
    expect(call('dialog.showSaveDialog')).toEqual([
      'dialog.showSaveDialog',
      { parented: true, defaultPath: join(work, ref.value.fileName), filters: [{ name: 'PDF', extensions: ['pdf'] }] },
    ]);
    const saved = run.savedFile as string;
    expect(saved.startsWith('%PDF-')).toBe(true);
    expect(saved).toHaveLength(ref.value.size);
  });

  it('keeps answering in main while the core process is busy with a long request', () => {
    expect(run.order).toEqual(['main', 'core']);
    expect(run.ping).toBe(200);
    expect(run.mainTicksWhileCoreBusy).toBeGreaterThan(0);
    expect(run.slowAnswer).toMatchObject({ ok: true });
  });

  it('when the core process dies mid-request, the call fails in Vietnamese and a new core takes over', () => {
    expect(run.crashedCall).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE', message: expect.stringMatching(/^Bộ xử lý dữ liệu .* dừng đột ngột .* thử lại/) } });
    expect(forks()[0]!.exitCode).toBe(137);
    expect(run.afterRestart).toMatchObject({ ok: true, value: { dbStatus: 'ok', demoLoaded: true, readOnly: false } });
    expect(run.eventsAfterCrash).toContainEqual([IPC.event, { type: 'data-changed', area: 'all' }]);
    expect((run.lockAfterRestart as { pid: number }).pid).toBe(forks()[1]!.pid);
    expect(run.logged).toContainEqual(expect.stringContaining('dừng đột ngột (mã thoát 137); đang khởi động lại'));
  });

  it('after three deaths within a minute it asks the user, and starts the core again on "Khởi động lại"', () => {
    expect(call('dialog.showMessageBox')).toEqual([
      'dialog.showMessageBox',
      { parented: true, message: 'Bộ xử lý dữ liệu dừng đột ngột nhiều lần', detail: expect.stringContaining('3 lần trong 1 phút (lần cuối: mã thoát 70)'), buttons: ['Khởi động lại', 'Thoát'] },
    ]);
    expect(run.forksSinceGiveUp).toEqual([70, 'running']);
    expect(run.afterGiveUp).toMatchObject({ ok: true, value: { dbStatus: 'ok', demoLoaded: true } });
  });

  it('on quit, waits for the core process to close the database and release the data folder', () => {
    expect(run.quitPrevented).toBe(true);
    expect(run.quitOutcome).toBe('quit');
    expect((run.lockBeforeQuit as { pid: number }).pid).toBe(forks().at(-1)!.pid);
    expect(run.lastCoreExit).toBe(0);
    expect(run.lockAfterQuit).toBeNull();
  });

  it('a core process that cannot start: a Vietnamese error box, and the app exits', () => {
    const flag = join(work, 'core-exit-code');
    writeFileSync(flag, '70');
    try {
      const failed = runHarness({ ...harnessEnv(), APP_DATA_DIR: join(work, 'khác') }, appPath, picked);
      expect(failed.outcome).toBe('exit 1');
      expect(failed.windows).toBe(0);
      expect(failed.calls).toContainEqual([
        'dialog.showErrorBox',
        { title: 'Không thể khởi động BHXH Desk', content: 'Bộ xử lý dữ liệu của BHXH Desk dừng ngay khi khởi động (mã thoát 70).' },
      ]);
    } finally {
      rmSync(flag, { force: true });
    }
  }, 60_000);

  it('a second instance quits without opening anything', () => {
    const second = runHarness({ APP_DATA_DIR: dataDir, FAKE_SECOND_INSTANCE: '1' }, appPath, picked);
    expect(second.outcome).toBe('quit');
    expect(second.readyListeners).toBe(0);
    expect(second.forks).toEqual([]);
  }, 30_000);
});
