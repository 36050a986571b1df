import type { AppCore } from '../../electron/core/app/appCore';
import type { PersonImportPreview, StagedRow } from '../../shared/contract';
import { call, openTestCore } from './core';
import { tempDataDir } from './fixtures';
import { seedPeopleWorld } from './peopleFiles';

/** A core with the people tests' province, communes and staff (seedPeopleWorld). */
export async function peopleCore(dataDir = tempDataDir()): Promise<AppCore> {
  const core = await openTestCore({ dataDir });
  await seedPeopleWorld(core);
  return core;
}

export function preview(core: AppCore, path: string, extra: Record<string, unknown> = {}): Promise<PersonImportPreview> {
  return call(core, 'people:previewImport', { file: core.files.registerPath(path), ...extra });
}

/** The staged rows in error (up to 500). */
export async function errorRows(core: AppCore, batchId: number): Promise<StagedRow[]> {
  return (await call(core, 'people:importRows', { batchId, status: 'error', limit: 500 })).items;
}

/** Each issue's message by its cell ("H7" → "Số điện thoại …"). */
export const byCell = (items: StagedRow[]): Record<string, string> => Object.fromEntries(items.flatMap((r) => r.issues.map((i) => [i.cell, i.message])));
