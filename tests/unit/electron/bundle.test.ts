// Builds the real bundles (scripts/build-electron.mjs) into a temp folder and inspects them:
// the sandboxed preload may require nothing but 'electron', and must expose exactly the Api.
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

describe('main bundle', () => {
  it('is CommonJS and requires only Node built-ins, electron and runtime dependencies', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    const allowed = new Set(['electron', ...Object.keys(pkg.dependencies), ...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
    const { literal } = requiredModules(main);
    expect(literal).toContain('electron');
    expect(literal).toContain('better-sqlite3');
    const unexpected = literal.filter((name) => !allowed.has(name) && !allowed.has(name.split('/')[0]!));
    expect(unexpected).toEqual([]);
    expect(main).not.toMatch(/^\s*(import|export)\s/m);
  });

  it('leaves no empty import.meta behind (core finds files relative to its source)', () => {
    expect(main).not.toContain('import.meta');
  });
});

type Harness = Record<string, unknown> & { outcome: string; calls: unknown[] };

function runHarness(env: Record<string, string>, appPath: string, picked: string): Harness {
  const stdout = execFileSync(
    process.execPath,
    [join(root, 'tests', 'unit', 'electron', 'fixtures', 'fake-electron-run.mjs'), join(outDir, 'main.cjs'), appPath, picked],
    { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 },
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
    run = runHarness({ APP_DATA_DIR: dataDir }, appPath, picked);
  }, 90_000);

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

  it('a second instance quits without opening anything', () => {
    const second = runHarness({ APP_DATA_DIR: dataDir, FAKE_SECOND_INSTANCE: '1' }, appPath, picked);
    expect(second.outcome).toBe('quit');
    expect(second.readyListeners).toBe(0);
  }, 30_000);
});
