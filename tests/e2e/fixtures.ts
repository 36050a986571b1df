import { test as base, type Page } from '@playwright/test';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const FIXTURES = resolve(ROOT, '..', 'shared', 'fixtures');
export const SCREENS = resolve(ROOT, 'test-results', 'screens');

export interface RunningApp {
  url: string;
  dataDir: string;
  /** Runs the CLI against this app's data folder (e.g. to load the demo before opening the page). */
  cli(...args: string[]): string;
}

/** The day specs run on unless their project says otherwise (the same day as Vitest's FIXED_NOW). */
export const DEFAULT_TODAY = '2026-11-22';

/** The app's one clock for a spawned server or CLI: tests never depend on the day they run. */
function envFor(today: string): NodeJS.ProcessEnv {
  return { ...process.env, BHXH_TODAY: today };
}

export function startServer(dataDir: string, today = DEFAULT_TODAY): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'electron', 'web', 'main.ts'), '--data-dir', dataDir], { cwd: ROOT, env: envFor(today), stdio: ['ignore', 'pipe', 'pipe'] });
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

export const test = base.extend<{ app: RunningApp; demoApp: RunningApp; today: string }>({
  /** YYYY-MM-DD: set per project in playwright.config.ts (mid-year and December runs). */
  today: [DEFAULT_TODAY, { option: true }],
  app: async ({ today }, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'bhxh-e2e-'));
    const { child, url } = await startServer(dataDir, today);
    await use({ url, dataDir, cli: (...args) => runCli(dataDir, args, today) });
    child.kill();
    rmSync(dataDir, { recursive: true, force: true });
  },
  demoApp: async ({ today }, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'bhxh-e2e-demo-'));
    runCli(dataDir, ['demo'], today);
    const { child, url } = await startServer(dataDir, today);
    await use({ url, dataDir, cli: (...args) => runCli(dataDir, args, today) });
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
