import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';

const root = resolve(import.meta.dirname, '..', '..');
let app: ElectronApplication;
let page: Page;
let dataDir: string;
let closed = false;

function lockHolder(): { pid: number; mode: string } | null {
  const path = join(dataDir, 'bhxh-desk.lock');
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as { pid: number; mode: string }) : null;
}

test.beforeAll(async () => {
  const executablePath = process.env.BHXH_ELECTRON_BINARY;
  if (!executablePath) throw new Error('Run through "npm run test:electron" so the Electron binary is located.');
  dataDir = mkdtempSync(join(tmpdir(), 'bhxh-electron-'));
  app = await electron.launch({
    executablePath,
    args: [root],
    cwd: root,
    env: { ...process.env, APP_DATA_DIR: dataDir, ELECTRON_ENABLE_LOGGING: '1' },
  });
  page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
});

test.afterAll(async () => {
  if (!closed) await app?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

test('the window is titled BHXH Desk and shows the app origin', async () => {
  const title = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.getTitle() ?? '');
  expect(title).toContain('BHXH Desk');
  expect(page.url()).toMatch(/^app:\/\/bhxh\//);
});

test('the page gets window.api and nothing from Node', async () => {
  const globals = await page.evaluate(() => ({
    api: typeof (window as unknown as { api?: unknown }).api,
    members: Object.keys((window as unknown as { api?: object }).api ?? {}).sort(),
    require: typeof (globalThis as { require?: unknown }).require,
    process: typeof (globalThis as { process?: unknown }).process,
    module: typeof (globalThis as { module?: unknown }).module,
  }));
  expect(globals).toEqual({ api: 'object', members: ['invoke', 'onEvent', 'pickFile', 'saveDownload'], require: 'undefined', process: 'undefined', module: 'undefined' });
});

test('a contract call reaches core with the temp data folder', async () => {
  const info = await page.evaluate(() =>
    (window as unknown as { api: { invoke(c: string, r: unknown): Promise<unknown> } }).api.invoke('app:info', {}),
  );
  expect(info).toMatchObject({ ok: true, value: { mode: 'electron', dataDir } });
});

test('the Content-Security-Policy blocks eval', async () => {
  const evalBlocked = await page.evaluate(() => {
    try {
      return eval('1 + 1') !== 2;
    } catch {
      return true;
    }
  });
  expect(evalBlocked).toBe(true);
});

test('core runs in its own utility process, which holds the data folder', async () => {
  const mainPid = await app.evaluate(() => process.pid);
  const utilities = await app.evaluate(({ app: electronApp }) =>
    electronApp.getAppMetrics().filter((m) => m.type === 'Utility').map((m) => ({ name: m.name ?? '', pid: m.pid })),
  );
  const core = utilities.find((u) => u.name === 'BHXH Desk core');
  expect(core).toBeDefined();
  expect(lockHolder()).toMatchObject({ pid: core!.pid, mode: 'electron' });
  expect(core!.pid).not.toBe(mainPid);
});

test('closing the app lets the core close its database and release the data folder', async () => {
  expect(lockHolder()).not.toBeNull();
  await app.close();
  closed = true;
  expect(lockHolder()).toBeNull();
});
