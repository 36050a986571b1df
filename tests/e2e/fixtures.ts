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

export function startServer(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'electron', 'web', 'main.ts'), '--data-dir', dataDir], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
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

export const test = base.extend<{ app: RunningApp; demoApp: RunningApp }>({
  app: async ({}, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'bhxh-e2e-'));
    const { child, url } = await startServer(dataDir);
    await use({ url, dataDir, cli: (...args) => runCli(dataDir, args) });
    child.kill();
    rmSync(dataDir, { recursive: true, force: true });
  },
  demoApp: async ({}, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'bhxh-e2e-demo-'));
    runCli(dataDir, ['demo']);
    const { child, url } = await startServer(dataDir);
    await use({ url, dataDir, cli: (...args) => runCli(dataDir, args) });
    child.kill();
    rmSync(dataDir, { recursive: true, force: true });
  },
});

export function runCli(dataDir: string, args: string[]): string {
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'electron', 'cli', 'main.ts'), ...args, '--data-dir', dataDir], { cwd: ROOT, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`CLI ${args.join(' ')} lỗi (${result.status}): ${result.stderr}`);
  return result.stdout;
}

/** Screenshots every test keeps as an artifact, by screen name. */
export async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENS, { recursive: true });
  await page.screenshot({ path: join(SCREENS, `${name}.png`), fullPage: false });
}

export { expect } from '@playwright/test';
