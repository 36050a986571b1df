import { expect } from 'vitest';
import type { AppErrorShape, Channel, RequestOf, ResponseOf, UnitImportOutcome, UnitImportPreview } from '../../shared/contract';
import { openAppCore, type AppCore, type AppCoreOptions } from '../../electron/core/app/appCore';
import type { Db } from '../../electron/core/db/open';
import { FIXTURE, fixturePath, onCleanup, tempDataDir } from './fixtures';

/** A fixed local clock: 22/11/2026 10:00. */
export const FIXED_NOW = new Date('2026-11-22T10:00:00');

/** A clock that moves on by `stepMs` every time it is read. */
export function tickingClock(start: Date = FIXED_NOW, stepMs = 1000): () => Date {
  let t = start.getTime();
  return () => {
    const d = new Date(t);
    t += stepMs;
    return d;
  };
}

export type TestCoreOptions = Partial<AppCoreOptions> & { dataDir?: string };

/** openAppCore in a temp folder (or the given one), closed after the test. */
export async function openTestCore(options: TestCoreOptions = {}): Promise<AppCore> {
  const dataDir = options.dataDir ?? tempDataDir();
  const core = await openAppCore({ mode: 'cli', skipDailyBackup: true, now: () => FIXED_NOW, actor: 'kiem-thu', ...options, dataDir });
  onCleanup(() => core.close());
  return core;
}

/** The open connection; fails the test when the core has none. */
export function dbOf(core: AppCore): Db {
  const db = core.database();
  if (!db) throw new Error('core has no usable database');
  return db;
}

/** Dispatches and returns the value; a failed result fails the test with its code and message. */
export async function call<C extends Channel>(core: AppCore, channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
  const result = await core.dispatch(channel, request);
  if (!result.ok) throw new Error(`${channel} failed: ${result.error.code} ${result.error.message}`);
  return result.value as ResponseOf<C>;
}

/** Dispatches expecting a failure and returns the error. */
export async function callError(core: AppCore, channel: string, request: unknown): Promise<AppErrorShape> {
  const result = await core.dispatch(channel, request);
  if (result.ok) throw new Error(`expected ${channel} to fail, got ${JSON.stringify(result.value).slice(0, 300)}`);
  return result.error;
}

export async function previewFile(core: AppCore, path: string, validFrom?: string | null): Promise<UnitImportPreview> {
  const file = core.files.registerPath(path);
  return call(core, 'units:previewImport', validFrom === undefined ? { file } : { file, validFrom });
}

/** Preview and commit; fails the test when the preview has errors. */
export async function importFile(
  core: AppCore,
  path: string,
  validFrom?: string | null,
): Promise<{ preview: UnitImportPreview; outcome: UnitImportOutcome }> {
  const preview = await previewFile(core, path, validFrom);
  expect(preview.errors, `preview errors for ${path}`).toEqual([]);
  const outcome = await call(core, 'units:commitImport', { planId: preview.planId });
  return { preview, outcome };
}

const VIETNAMESE_LETTERS = /[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]/i;

/** A message meant for people: Vietnamese, not a library's English default. */
export function expectVietnamese(message: string): void {
  expect(message, `"${message}" should be Vietnamese`).toMatch(VIETNAMESE_LETTERS);
  expect(message, `"${message}" looks like an English library message`).not.toMatch(
    /^(Invalid|Expected|Too (small|big)|Unrecognized|Required)\b/,
  );
}

/** Hồng Dân before the 2025 reform (95 → 956 → 9 communes) merged on 01/07/2025 into 96 → 4 communes. */
export async function reformCore(options: TestCoreOptions = {}): Promise<AppCore> {
  const core = await openTestCore(options);
  await importFile(core, fixturePath(FIXTURE.unitsHongDan));
  await importFile(core, fixturePath(FIXTURE.unitsTwoLevel));
  await importFile(core, fixturePath(FIXTURE.merges));
  return core;
}

/** One figure through the contract (`results:set`); null removes it. */
export async function setResult(core: AppCore, unitCode: string, indicatorCode: string, asOf: string, value: number | null): Promise<void> {
  await call(core, 'results:set', { unitCode, indicatorCode, asOf, value });
}
