// Shared by the import tests that turn the Hồng Dân report into other shapes (encodings,
// formats) and check that each still imports to exactly the true figures.
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import type { AppCore } from '../../electron/core/app/appCore';
import type { ImportPreview } from '../../shared/contract';
import { call, importFile, openTestCore, tickingClock } from '../helpers/core';
import { FIXTURE, fixturePath } from '../helpers/fixtures';

type Figures = Record<'planTN' | 'actTN' | 'planHGD' | 'actHGD' | 'pop' | 'bhyt', number>;
export interface Expected {
  period: string;
  totals: Figures;
  units: ({ code: string; typed: string; name: string } & Figures)[];
}

export const expected = JSON.parse(readFileSync(fixturePath('expected-hong-dan-2020-09.json'), 'utf8')) as Expected;

/** A core holding the Hồng Dân unit list of 2020. */
export async function hongDan(): Promise<AppCore> {
  const core = await openTestCore({ now: tickingClock() });
  await importFile(core, fixturePath(FIXTURE.unitsHongDan));
  return core;
}

export function previewPath(core: AppCore, path: string, extra: Record<string, unknown> = {}): Promise<ImportPreview> {
  return call(core, 'imports:preview', { file: core.files.registerPath(path), ...extra });
}

function compare(core: AppCore, indicatorCode: string) {
  return call(core, 'results:compare', { period: { kind: 'month', year: 2020, index: 9 }, indicatorCode, unitCode: '956', viewDate: '2020-09-25' });
}

/** Commits the preview and checks every unit's and the district's figures against expected-*.json. */
export async function expectTrueFigures(core: AppCore, p: ImportPreview): Promise<void> {
  expect(p.period).toBe(expected.period);
  expect(p.rows.map((r) => r.unitCode)).toEqual(expected.units.map((u) => u.code));
  expect(p.rows.every((r) => r.status === 'ok'), JSON.stringify(p.errors.slice(0, 3))).toBe(true);
  expect(p.canCommit).toBe(true);
  await call(core, 'imports:commit', { sessionId: p.sessionId });
  const [tn, hgd, bhyt, pop] = await Promise.all(['BHXH_TN', 'BHYT_HGD', 'BHYT', 'POP'].map((code) => compare(core, code)));
  for (const u of expected.units) {
    const at = (t: typeof tn) => t!.rows.find((r) => r.code === u.code)!;
    expect([at(tn).actual, at(tn).target, at(hgd).actual, at(hgd).target, at(bhyt).actual, at(pop).actual], u.code).toEqual([u.actTN, u.planTN, u.actHGD, u.planHGD, u.bhyt, u.pop]);
  }
  const t = expected.totals;
  expect([tn!.total.actual, tn!.total.target, hgd!.total.actual, hgd!.total.target, bhyt!.total.actual, pop!.total.actual]).toEqual([t.actTN, t.planTN, t.actHGD, t.planHGD, t.bhyt, t.pop]);
}
