import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach } from 'vitest';

const HERE = dirname(fileURLToPath(import.meta.url));

/** /work/main (the repository root). */
export const REPO_ROOT = resolve(HERE, '..', '..');
/** The shared sample workbooks that sit beside the repository: ../shared/fixtures. */
export const FIXTURES_DIR = resolve(REPO_ROOT, '..', 'shared', 'fixtures');

export const FIXTURE = {
  unitsHongDan: 'units-hong-dan-2020-09.xlsx',
  unitsTwoLevel: 'units-2025-two-level-sample.xlsx',
  merges: 'unit-merges-2025-sample.xlsx',
  districtReport: 'district-report-hong-dan-2020-09.xlsx',
  districtReportLegacyXls: 'district-report-hong-dan-2020-09-legacy.xls',
  expectedHongDan: 'expected-hong-dan-2020-09.json',
} as const;

export function fixturePath(name: string): string {
  return join(FIXTURES_DIR, name);
}

/**
 * Cleanup work run after each test, last registered first: a core opened in a temp folder
 * is closed before the folder is removed.
 */
const cleanups: (() => void | Promise<void>)[] = [];

export function onCleanup(fn: () => void | Promise<void>): void {
  cleanups.push(fn);
}

/** A fresh folder under the OS temp dir, removed after the current test. */
export function tempDataDir(prefix = 'bhxh-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  onCleanup(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export async function runCleanups(): Promise<void> {
  const errors: unknown[] = [];
  while (cleanups.length) {
    const fn = cleanups.pop()!;
    try {
      await fn();
    } catch (error) {
      errors.push(error);
    }
  }
  if (errors.length) throw errors[0];
}

afterEach(runCleanups);
