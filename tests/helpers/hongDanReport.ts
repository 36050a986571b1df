import { readFileSync } from 'node:fs';
import * as XLSX from 'xlsx';
import type { AppCore } from '../../electron/core/app/appCore';
import { importFile, openTestCore, tickingClock } from './core';
import { FIXTURE, fixturePath } from './fixtures';

/** A core with the Hồng Dân unit list; today is 22/11/2026 (tickingClock's start). */
export async function hongDan(): Promise<AppCore> {
  const core = await openTestCore({ now: tickingClock() });
  await importFile(core, fixturePath(FIXTURE.unitsHongDan));
  return core;
}

/** The Hồng Dân report's rows, to be edited and written back (A1 = rows[0][0]): title, two header rows, column numbers, 9 communes (rows 10–18), totals. */
export function reportRows(): unknown[][] {
  const wb = XLSX.read(readFileSync(fixturePath(FIXTURE.districtReport)));
  return XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets['T9-2020']!, { header: 1, defval: null });
}
