import { expect, inject } from 'vitest';
import type { AppErrorShape, Channel, RequestOf, ResponseOf, UnitImportOutcome, UnitImportPreview } from '../../shared/contract';
import { openAppCore, type AppCore, type AppCoreOptions } from '../../electron/core/app/appCore';
import { SqliteStore } from '../../electron/core/db/sqliteStore';
import type { Store } from '../../electron/core/db/store';
import { FIXTURE, fixturePath, onCleanup, tempDataDir } from './fixtures';
import { createTestDatabase, MIGRATED_TEMPLATE } from './pgCluster';

/** The engine this run tests on: the Vitest project sets it (sqlite, or postgres on a throwaway server). */
export const TEST_ENGINE: 'sqlite' | 'postgres' = process.env.BHXH_TEST_ENGINE === 'postgres' ? 'postgres' : 'sqlite';

/** One PostgreSQL database per data folder, so a test that reopens a folder finds its data again. */
const databases = new Map<string, string>();

/**
 * The database URL for a data folder on this run's engine (undefined: the folder's SQLite
 * file). `empty`: a database without the schema, for migration tests; otherwise a copy of the
 * migrated template.
 */
export async function testDatabaseUrl(dataDir: string, options: { empty?: boolean } = {}): Promise<string | undefined> {
  if (TEST_ENGINE !== 'postgres') return undefined;
  let url = databases.get(dataDir);
  if (!url) {
    const db = await createTestDatabase(inject('pgAdminUrl'), { template: options.empty ? null : MIGRATED_TEMPLATE });
    url = db.url;
    databases.set(dataDir, url);
    onCleanup(async () => {
      databases.delete(dataDir);
      await db.drop();
    });
  }
  return url;
}

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
  const databaseUrl = options.databaseUrl !== undefined ? options.databaseUrl : await testDatabaseUrl(dataDir);
  const core = await openAppCore({ mode: 'cli', skipDailyBackup: true, now: () => FIXED_NOW, actor: 'kiem-thu', ...options, dataDir, databaseUrl });
  onCleanup(() => core.close());
  return core;
}

/**
 * The safety copy a data-replacing write took: a file of that kind on SQLite; none on
 * PostgreSQL, where the server's administrator backs up.
 */
export function expectSafetyBackup(fileName: string | null, kind: RegExp): void {
  if (TEST_ENGINE === 'sqlite') expect(fileName).toMatch(kind);
  else expect(fileName).toBeNull();
}

/** The embedded database of a core, for what only SQLite has (pragmas, file backups). */
export function sqliteOf(core: AppCore): SqliteStore {
  const store = storeOf(core);
  if (!(store instanceof SqliteStore)) throw new Error('this test needs the SQLite engine');
  return store;
}

/** The open database; fails the test when the core has none. */
export function storeOf(core: AppCore): Store {
  const store = core.store();
  if (!store) throw new Error('core has no usable database');
  return store;
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
