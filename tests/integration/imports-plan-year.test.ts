import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { planYearFromHeader } from '../../electron/core/imports/reportTable';
import { call } from '../helpers/core';
import { FIXTURE, fixturePath, tempDataDir } from '../helpers/fixtures';
import { expected, hongDan, previewPath } from './importExpected';

/** The Hồng Dân report of 09/2020 with its plan columns' sub-headers retyped. */
function withPlanHeaders(headers: Record<string, string>): string {
  const wb = XLSX.read(readFileSync(fixturePath(FIXTURE.districtReport)));
  const ws = wb.Sheets[wb.SheetNames[0]!]!;
  for (const [address, text] of Object.entries(headers)) ws[address] = { t: 's', v: text };
  const path = join(tempDataDir('bhxh-plan-year-'), 'bao-cao-kh-nam.xlsx');
  writeFileSync(path, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
  return path;
}

describe('the plan year named in a plan column header', () => {
  it('is read from the usual wordings, and a date in the caption is not a plan year', () => {
    expect(planYearFromHeader('BHXH tự nguyện — Kế hoạch năm 2020')).toBe(2020);
    expect(planYearFromHeader('KH 2021')).toBe(2021);
    expect(planYearFromHeader('KH2021')).toBe(2021);
    expect(planYearFromHeader('Chỉ tiêu giao năm 2021')).toBe(2021);
    expect(planYearFromHeader('Chỉ tiêu giao 2022')).toBe(2022);
    expect(planYearFromHeader('Kế hoạch giao')).toBeNull();
    expect(planYearFromHeader('Kế hoạch (QĐ số 12/QĐ-BHXH ngày 05/01/2021)')).toBeNull();
    expect(planYearFromHeader('Thực hiện 9 tháng')).toBeNull();
  });

  it('sends those targets to that year instead of the report year, shows it in the mapping and the changes, and undoes', async () => {
    const core = await hongDan();
    // C8 and F8: the plan sub-headers of BHXH tự nguyện and BHYT hộ gia đình.
    const p = await previewPath(core, withPlanHeaders({ C8: 'Kế hoạch năm 2021', F8: 'Chỉ tiêu giao năm 2021' }));
    expect(p.period).toBe('2020-09');
    const plan = p.columns.filter((c) => c.role === 'target');
    expect(plan.map((c) => [c.column, c.indicatorCode, c.year])).toEqual([
      ['C', 'BHXH_TN', 2021],
      ['F', 'BHYT_HGD', 2021],
    ]);
    expect(p.columns.filter((c) => c.role !== 'target').every((c) => c.year === null)).toBe(true);
    const targetChanges = p.changes.filter((c) => c.kind === 'target');
    expect(targetChanges.length).toBe(expected.units.length * 2);
    expect(targetChanges.every((c) => c.year === 2021)).toBe(true);
    expect(p.changes.filter((c) => c.kind === 'result').every((c) => c.year === null)).toBe(true);

    const batch = await call(core, 'imports:commit', { sessionId: p.sessionId });
    const in2021 = await call(core, 'targets:list', { year: 2021, indicatorCode: 'BHXH_TN' });
    expect(in2021.filter((t) => t.source === 'BHXH_TINH').map((t) => [t.unitCode, t.value]).sort()).toEqual(expected.units.map((u) => [u.code, u.planTN]).sort());
    expect(await call(core, 'targets:list', { year: 2020, indicatorCode: 'BHXH_TN' })).toEqual([]);
    expect((await call(core, 'targets:list', { year: 2021, indicatorCode: 'BHYT_HGD' })).length).toBe(expected.units.length);

    // Unchanged figures the second time: the comparison is made against the 2021 targets.
    const again = await previewPath(core, withPlanHeaders({ C8: 'Kế hoạch năm 2021', F8: 'Chỉ tiêu giao năm 2021' }));
    expect(again.changes).toEqual([]);

    await call(core, 'imports:undo', { batchId: batch.batchId });
    expect(await call(core, 'targets:list', { year: 2021, indicatorCode: 'BHXH_TN' })).toEqual([]);
  });

  it('a column the user turns into a plan column takes the year its header names', async () => {
    const core = await hongDan();
    const path = withPlanHeaders({ C8: 'KH 2021' });
    const first = await previewPath(core, path);
    const columns = first.columns.map((c) => ({ column: c.column, role: c.role, indicatorCode: c.indicatorCode }));
    const p = await previewPath(core, path, { columns: columns.map((c) => (c.column === 'C' ? { ...c, role: 'target', indicatorCode: 'BHXH_TN' } : c)) });
    expect(p.columns.find((c) => c.column === 'C')!.year).toBe(2021);
    expect(p.columns.find((c) => c.column === 'F')!.year).toBeNull();
  });
});
