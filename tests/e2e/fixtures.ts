import { test as base, type Page } from '@playwright/test';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const FIXTURES = resolve(ROOT, '..', 'shared', 'fixtures');
export const SCREENS = resolve(ROOT, 'test-results', 'screens');

export interface RunningApp {
  url: string;
  dataDir: string;
  /**
   * Runs the CLI against this app's data folder. While the app runs it holds the folder, so the
   * CLI only reads here; writes go through `invoke`, as another screen of the app would.
   */
  cli(...args: string[]): string;
  /** A call through the running app's own HTTP API (its per-launch token), as the renderer makes it. */
  invoke<T = unknown>(channel: string, request: unknown): Promise<T>;
  /** A unit list imported through the running app: uploaded, previewed and committed. */
  importUnits(path: string): Promise<void>;
}

/** The HTTP side of a running server: invoke a channel and upload a file with its token. */
export function apiOf(url: string): Pick<RunningApp, 'invoke' | 'importUnits'> {
  const { origin, hash } = new URL(url);
  const headers = { 'X-BHXH-Token': hash.replace(/^#t=/, '') };
  const invoke = async <T,>(channel: string, request: unknown): Promise<T> => {
    const res = await fetch(`${origin}/api/invoke/${channel}`, { method: 'POST', headers: { ...headers, 'Content-Type': 'application/json' }, body: JSON.stringify(request) });
    const result = (await res.json()) as { ok: boolean; value?: T; error?: { message: string } };
    if (!result.ok) throw new Error(`${channel}: ${result.error?.message}`);
    return result.value as T;
  };
  return {
    invoke,
    async importUnits(path) {
      const res = await fetch(`${origin}/api/files`, {
        method: 'POST',
        headers: { ...headers, 'X-File-Name': encodeURIComponent(basename(path)), 'Content-Type': 'application/octet-stream' },
        body: readFileSync(path),
      });
      const file = ((await res.json()) as { value: unknown }).value;
      const preview = await invoke<{ planId: string }>('units:previewImport', { file });
      await invoke('units:commitImport', { planId: preview.planId });
    },
  };
}

/** The day specs run on unless their project says otherwise (the same day as Vitest's FIXED_NOW). */
export const DEFAULT_TODAY = '2026-11-22';

/** The app's one clock for a spawned server or CLI: tests never depend on the day they run. */
function envFor(today: string): NodeJS.ProcessEnv {
  // A BHXH_DATABASE_URL of the shell running the tests must not move the specs onto a server.
  const { BHXH_DATABASE_URL: _ignored, ...env } = process.env;
  return { ...env, BHXH_TODAY: today };
}

/** `args`: more command-line flags for the server, e.g. `['--database', url]` to run on PostgreSQL. */
export function startServer(dataDir: string, today = DEFAULT_TODAY, args: string[] = []): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'electron', 'web', 'main.ts'), '--data-dir', dataDir, ...args], { cwd: ROOT, env: envFor(today), stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolveUrl, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`Máy chủ không khởi động kịp:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /BHXH Desk: (http:\/\/127\.0\.0\.1:\d+\/#t=\w+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolveUrl({ child, url: match[1]! });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`Máy chủ dừng (mã ${code}):\n${output}`)));
  });
}

/** A data folder holding the demo, with no app running on it: the CLI may write there. */
export interface DemoFolder {
  dataDir: string;
  cli(...args: string[]): string;
}

/** One demo data folder per day and worker, built by the CLI once and copied for each test. */
const demoTemplates = new Map<string, string>();
process.on('exit', () => {
  for (const dir of demoTemplates.values()) rmSync(dir, { recursive: true, force: true });
});

/** The demo (as `demo` writes it on that day) in a fresh folder: a copy of this worker's template. */
function demoInto(dataDir: string, today: string): void {
  let template = demoTemplates.get(today);
  if (!template) {
    template = mkdtempSync(join(tmpdir(), 'bhxh-e2e-template-'));
    runCli(template, ['demo'], today);
    demoTemplates.set(today, template);
  }
  // The CLI has exited: the database file is complete and its folder lock released.
  cpSync(template, dataDir, { recursive: true });
}

export const test = base.extend<{ app: RunningApp; demoApp: RunningApp; demoFolder: DemoFolder; today: string }>({
  /** YYYY-MM-DD: set per project in playwright.config.ts (mid-year and December runs). */
  today: [DEFAULT_TODAY, { option: true }],
  app: async ({ today }, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'bhxh-e2e-'));
    const { child, url } = await startServer(dataDir, today);
    await use({ url, dataDir, cli: (...args) => runCli(dataDir, args, today), ...apiOf(url) });
    child.kill();
    rmSync(dataDir, { recursive: true, force: true });
  },
  demoFolder: async ({ today }, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'bhxh-e2e-folder-'));
    demoInto(dataDir, today);
    await use({ dataDir, cli: (...args) => runCli(dataDir, args, today) });
    rmSync(dataDir, { recursive: true, force: true });
  },
  demoApp: async ({ today }, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'bhxh-e2e-demo-'));
    demoInto(dataDir, today);
    const { child, url } = await startServer(dataDir, today);
    await use({ url, dataDir, cli: (...args) => runCli(dataDir, args, today), ...apiOf(url) });
    child.kill();
    rmSync(dataDir, { recursive: true, force: true });
  },
});

export function runCli(dataDir: string, args: string[], today = DEFAULT_TODAY): string {
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'electron', 'cli', 'main.ts'), ...args, '--data-dir', dataDir], { cwd: ROOT, env: envFor(today), encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`CLI ${args.join(' ')} lỗi (${result.status}): ${result.stderr}`);
  return result.stdout;
}

/** Screenshots every test keeps as an artifact, by screen name (and the project's day, where it has its own). */
export async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENS, { recursive: true });
  const today = (base.info().project.use as { today?: string }).today;
  const suffix = today && today !== DEFAULT_TODAY ? `@${today}` : '';
  await page.screenshot({ path: join(SCREENS, `${name}${suffix}.png`), fullPage: false });
}

export { expect } from '@playwright/test';
