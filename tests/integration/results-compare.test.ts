import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Comparison, ComparisonTable } from '../../shared/contract';
import { call, callError, expectVietnamese, importFile, openTestCore, reformCore, setResult } from '../helpers/core';
import { FIXTURE, fixturePath, tempDataDir } from '../helpers/fixtures';
import { writeWorkbook } from '../helpers/workbooks';

function month(year: number, index: number) {
  return { kind: 'month' as const, year, index };
}

function row(table: ComparisonTable, code: string): Comparison {
  const hit = table.rows.find((r) => r.code === code);
  if (!hit) throw new Error(`no row ${code} in ${table.rows.map((r) => r.code).join(', ')}`);
  return hit;
}

describe('results:set', () => {
  it('refuses a unit outside its validity, a rate indicator and fractional people, in Vietnamese', async () => {
    const core = await reformCore();
    // 32104 was formed on 01/07/2025.
    let err = await callError(core, 'results:set', { unitCode: '32104', indicatorCode: 'BHXH_TN', asOf: '2024-09-25', value: 10 });
    expect(err.code).toBe('VALIDATION');
    expectVietnamese(err.message);
    // 31006 ended on 30/06/2025.
    err = await callError(core, 'results:set', { unitCode: '31006', indicatorCode: 'BHXH_TN', asOf: '2025-07-25', value: 10 });
    expect(err.code).toBe('VALIDATION');
    err = await callError(core, 'results:set', { unitCode: '32104', indicatorCode: 'COV_BHYT', asOf: '2026-09-25', value: 1 });
    expect(err.code).toBe('VALIDATION');
    expectVietnamese(err.message);
    err = await callError(core, 'results:set', { unitCode: '32104', indicatorCode: 'BHXH_TN', asOf: '2026-09-25', value: 10.5 });
    expect(err.code).toBe('VALIDATION');
    err = await callError(core, 'results:set', { unitCode: '32104', indicatorCode: 'BHXH_TN', asOf: '2026-09-25', value: -1 });
    expect(err.code).toBe('VALIDATION');
    expectVietnamese(err.message);
    err = await callError(core, 'results:set', { unitCode: '99999', indicatorCode: 'BHXH_TN', asOf: '2026-09-25', value: 1 });
    expect(err.code).toBe('NOT_FOUND');
  });

  it('refuses a figure dated after today (the grid refuses future months too)', async () => {
    const core = await reformCore();
    // Fixed clock: 22/11/2026.
    const err = await callError(core, 'results:set', { unitCode: '32104', indicatorCode: 'BHXH_TN', asOf: '2027-03-25', value: 10 });
    expect(err.code).toBe('VALIDATION');
    expectVietnamese(err.message);
  });

  it('records an audit entry naming the unit and the figure', async () => {
    const core = await reformCore();
    await setResult(core, '32104', 'BHXH_TN', '2026-09-25', 1234);
    const [entry] = (await call(core, 'audit:list', { limit: 1 })).items;
    expect(entry).toMatchObject({ action: 'results', entity: 'result', actor: 'kiem-thu' });
    expect(entry!.summary).toContain('Xã Hồng Dân');
    expect(entry!.summary).toContain('1.234');
  });
});

describe('aggregation across the 2025 merge', () => {
  it('2024 figures of the old communes roll into their successor on today’s tree', async () => {
    const core = await reformCore();
    await setResult(core, '31006', 'BHXH_TN', '2024-09-25', 148);
    await setResult(core, '31015', 'BHXH_TN', '2024-09-25', 270);
    await setResult(core, '31018', 'BHXH_TN', '2024-09-25', 430);

    const table = await call(core, 'results:compare', { period: month(2024, 9), indicatorCode: 'BHXH_TN', unitCode: '96' });
    expect(table).toMatchObject({
      month: '2024-09',
      periodLabel: 'Tháng 09/2024',
      indicatorCode: 'BHXH_TN',
      unitCode: '96',
      unitName: 'Tỉnh Cà Mau',
      viewDate: '2026-11-22',
    });
    expect(table.rows.map((r) => r.code).sort()).toEqual(['32101', '32104', '32107', '32110']);
    expect(row(table, '32104')).toMatchObject({ actual: 848, missingUnits: 0, level: 'commune', hasChildren: false });
    // The other new communes have nothing: missing, not zero.
    for (const code of ['32101', '32107', '32110']) expect(row(table, code)).toMatchObject({ actual: null, missingUnits: 1 });
    expect(table.total).toMatchObject({ code: '96', actual: 848, missingUnits: 3, hasChildren: true });
  });

  it('the default unit is the only province on today’s tree', async () => {
    const core = await reformCore();
    await setResult(core, '31006', 'BHXH_TN', '2024-09-25', 148);
    const table = await call(core, 'results:compare', { period: month(2024, 9), indicatorCode: 'BHXH_TN' });
    expect(table.unitCode).toBe('96');
    expect(table.total.actual).toBe(148);
  });

  it('the same figures add up on the old tree (viewDate in 2024)', async () => {
    const core = await reformCore();
    await setResult(core, '31006', 'BHXH_TN', '2024-09-25', 148);
    await setResult(core, '31015', 'BHXH_TN', '2024-09-25', 270);
    await setResult(core, '31018', 'BHXH_TN', '2024-09-25', 430);
    const table = await call(core, 'results:compare', { period: month(2024, 9), indicatorCode: 'BHXH_TN', unitCode: '956', viewDate: '2024-12-31' });
    expect(table.viewDate).toBe('2024-12-31');
    expect(table.rows).toHaveLength(9);
    expect(row(table, '31006').actual).toBe(148);
    expect(row(table, '31009').actual).toBeNull();
    expect(table.total).toMatchObject({ actual: 848, missingUnits: 6 });
    const province = await call(core, 'results:compare', { period: month(2024, 9), indicatorCode: 'BHXH_TN', viewDate: '2024-12-31' });
    expect(province.unitCode).toBe('95');
    expect(province.rows.map((r) => [r.code, r.actual, r.missingUnits])).toEqual([['956', 848, 6]]);
    expect(province.total).toMatchObject({ actual: 848, missingUnits: 6 });
  });

  it('a unit not on the view tree is NOT_FOUND in Vietnamese', async () => {
    const core = await reformCore();
    const err = await callError(core, 'results:compare', { period: month(2024, 9), indicatorCode: 'BHXH_TN', unitCode: '956' });
    expect(err.code).toBe('NOT_FOUND');
    expectVietnamese(err.message);
    const unknown = await callError(core, 'results:compare', { period: month(2024, 9), indicatorCode: 'XYZ' });
    expect(unknown.code).toBe('VALIDATION');
  });

  it('2026 compares with the same month of 2025 on the new commune, and 2025 with 2024 rolled up', async () => {
    const core = await reformCore();
    await setResult(core, '31006', 'BHXH_TN', '2024-09-25', 148);
    await setResult(core, '31015', 'BHXH_TN', '2024-09-25', 270);
    await setResult(core, '31018', 'BHXH_TN', '2024-09-25', 430);
    await setResult(core, '32104', 'BHXH_TN', '2025-09-25', 850);
    await setResult(core, '32104', 'BHXH_TN', '2025-12-31', 870);
    await setResult(core, '32104', 'BHXH_TN', '2026-09-25', 900);

    const y2026 = await call(core, 'results:compare', { period: month(2026, 9), indicatorCode: 'BHXH_TN', unitCode: '96' });
    expect(row(y2026, '32104')).toMatchObject({
      actual: 900,
      sameLastYear: 850,
      deltaSameLastYear: 50,
      endLastYear: 870,
      deltaEndLastYear: 30,
    });
    expect(row(y2026, '32104').deltaSameLastYearRatio).toBeCloseTo(50 / 850, 12);

    const y2025 = await call(core, 'results:compare', { period: month(2025, 9), indicatorCode: 'BHXH_TN', unitCode: '96' });
    expect(row(y2025, '32104')).toMatchObject({ actual: 850, sameLastYear: 848, deltaSameLastYear: 2, endLastYear: null, deltaEndLastYear: null });
    expect(row(y2025, '32104').deltaSameLastYearRatio).toBeCloseTo(2 / 848, 12);
  });

  it('a quarter and a year are shown by their last month (an ongoing year by the current month)', async () => {
    const core = await reformCore();
    await setResult(core, '32104', 'BHXH_TN', '2026-09-25', 900);
    await setResult(core, '32104', 'BHXH_TN', '2026-11-20', 950);
    const q3 = await call(core, 'results:compare', { period: { kind: 'quarter', year: 2026, index: 3 }, indicatorCode: 'BHXH_TN' });
    expect(q3).toMatchObject({ month: '2026-09', periodLabel: 'Quý III/2026' });
    expect(q3.total.actual).toBe(900);
    const year = await call(core, 'results:compare', { period: { kind: 'year', year: 2026, index: 1 }, indicatorCode: 'BHXH_TN' });
    expect(year).toMatchObject({ month: '2026-11', periodLabel: 'Năm 2026' });
    expect(year.total.actual).toBe(950);
  });

  it('a quarter index above 4 is refused (VALIDATION), not an internal error', async () => {
    const core = await reformCore();
    // In the current year it was silently capped to the current month ("Quý 5/2026").
    const err = await callError(core, 'results:compare', { period: { kind: 'quarter', year: 2026, index: 5 }, indicatorCode: 'BHXH_TN' });
    expect(err.code).toBe('VALIDATION');
    expectVietnamese(err.message);
    // In a past year the month "2025-15" does not parse.
    const past = await callError(core, 'results:compare', { period: { kind: 'quarter', year: 2025, index: 5 }, indicatorCode: 'BHXH_TN' });
    expect(past.code).toBe('VALIDATION');
    const exported = await callError(core, 'exports:comparison', { period: { kind: 'quarter', year: 2025, index: 7 }, indicatorCode: 'BHXH_TN' });
    expect(exported.code).toBe('VALIDATION');
  });
});

describe('missing is not zero', () => {
  it('a result of 0 is 0 and not missing; a commune without a figure is null and counted as missing', async () => {
    const core = await reformCore();
    await setResult(core, '32101', 'BHXH_TN', '2026-09-25', 0);
    await setResult(core, '32104', 'BHXH_TN', '2026-09-25', 900);
    const table = await call(core, 'results:compare', { period: month(2026, 9), indicatorCode: 'BHXH_TN', unitCode: '96' });
    expect(row(table, '32101')).toMatchObject({ actual: 0, missingUnits: 0 });
    expect(row(table, '32107')).toMatchObject({ actual: null, missingUnits: 1, progress: null, remaining: null });
    expect(table.total).toMatchObject({ actual: 900, missingUnits: 2 });
  });

  it('a month where nobody reported is missing on the province too', async () => {
    const core = await reformCore();
    await setResult(core, '32104', 'BHXH_TN', '2026-09-25', 900);
    const table = await call(core, 'results:compare', { period: month(2026, 8), indicatorCode: 'BHXH_TN' });
    expect(table.total).toMatchObject({ actual: null, missingUnits: 4 });
    expect(table.rows.every((r) => r.actual === null)).toBe(true);
    // September compares with a missing August 2025: no delta, not a delta from zero.
    const sep = await call(core, 'results:compare', { period: month(2026, 9), indicatorCode: 'BHXH_TN' });
    expect(sep.total).toMatchObject({ actual: 900, sameLastYear: null, deltaSameLastYear: null, deltaSameLastYearRatio: null });
  });

  it('a zero a year ago gives a people delta and no ratio', async () => {
    const core = await reformCore();
    await setResult(core, '32110', 'BHXH_TN', '2025-09-25', 0);
    await setResult(core, '32110', 'BHXH_TN', '2026-09-25', 12);
    const table = await call(core, 'results:compare', { period: month(2026, 9), indicatorCode: 'BHXH_TN' });
    expect(row(table, '32110')).toMatchObject({ actual: 12, sameLastYear: 0, deltaSameLastYear: 12, deltaSameLastYearRatio: null });
  });
});

describe('several figures in one month', () => {
  it('the month’s figure is the one with the last as-of date, whatever the order they were entered', async () => {
    const core = await reformCore();
    await setResult(core, '32104', 'BHXH_TN', '2026-09-10', 700);
    await setResult(core, '32104', 'BHXH_TN', '2026-09-25', 900);
    await setResult(core, '32104', 'BHXH_TN', '2026-09-05', 600);
    const table = await call(core, 'results:compare', { period: month(2026, 9), indicatorCode: 'BHXH_TN' });
    expect(row(table, '32104').actual).toBe(900);
    // Removing the last one brings back the one before it.
    await setResult(core, '32104', 'BHXH_TN', '2026-09-25', null);
    const after = await call(core, 'results:compare', { period: month(2026, 9), indicatorCode: 'BHXH_TN' });
    expect(row(after, '32104').actual).toBe(700);
  });

  it('setting the same as-of date again replaces the value', async () => {
    const core = await reformCore();
    await setResult(core, '32104', 'BHXH_TN', '2026-09-25', 900);
    await setResult(core, '32104', 'BHXH_TN', '2026-09-25', 901);
    const table = await call(core, 'results:compare', { period: month(2026, 9), indicatorCode: 'BHXH_TN' });
    expect(row(table, '32104').actual).toBe(901);
  });
});

describe('coverage rates on the tree', () => {
  it('are recomputed from summed numerators and denominators, not averaged (90/100 and 1/10 → 91/110)', async () => {
    const core = await reformCore();
    await setResult(core, '32101', 'BHYT', '2026-09-25', 90);
    await setResult(core, '32101', 'POP', '2026-09-25', 100);
    await setResult(core, '32104', 'BHYT', '2026-09-25', 1);
    await setResult(core, '32104', 'POP', '2026-09-25', 10);
    const table = await call(core, 'results:compare', { period: month(2026, 9), indicatorCode: 'COV_BHYT' });
    expect(row(table, '32101').actual).toBeCloseTo(0.9, 12);
    expect(row(table, '32104').actual).toBeCloseTo(0.1, 12);
    expect(table.total.actual).toBeCloseTo(91 / 110, 12);
    expect(table.total.rate).toBeCloseTo(91 / 110, 12);
    expect(table.total.actual).not.toBeCloseTo(0.5, 2);
    // A count column carries its own coverage too.
    const bhyt = await call(core, 'results:compare', { period: month(2026, 9), indicatorCode: 'BHYT' });
    expect(bhyt.total.actual).toBe(91);
    expect(bhyt.total.rate).toBeCloseTo(91 / 110, 12);
  });

  it('BHXH coverage adds compulsory and voluntary over the labour force', async () => {
    const core = await reformCore();
    await setResult(core, '32104', 'BHXH_BB', '2026-09-25', 4500);
    await setResult(core, '32104', 'BHXH_TN', '2026-09-25', 650);
    await setResult(core, '32104', 'LABOUR', '2026-09-25', 10_000);
    const table = await call(core, 'results:compare', { period: month(2026, 9), indicatorCode: 'COV_BHXH' });
    expect(row(table, '32104').actual).toBeCloseTo(0.515, 12);
    // A commune missing one of the parts has no rate.
    await setResult(core, '32101', 'BHXH_BB', '2026-09-25', 100);
    await setResult(core, '32101', 'LABOUR', '2026-09-25', 1000);
    const again = await call(core, 'results:compare', { period: month(2026, 9), indicatorCode: 'COV_BHXH' });
    expect(row(again, '32101').actual).toBeNull();
  });
});

describe('a split with shares', () => {
  it('splits an old commune’s figures between its successors by share', async () => {
    const core = await openTestCore();
    await importFile(core, fixturePath(FIXTURE.unitsHongDan));
    await importFile(core, fixturePath(FIXTURE.unitsTwoLevel));
    const split = writeWorkbook(join(tempDataDir(), 'chia-tach.xlsx'), [
      {
        name: 'SapNhap',
        rows: [
          ['Mã xã cũ', 'Tên xã cũ', 'Mã xã mới', 'Tên xã mới', 'Ngày hiệu lực', 'Tỷ lệ'],
          ['31009', 'Xã Ninh Quới', '32101', 'Xã Ninh Quới', '01/07/2025', '60%'],
          ['31009', 'Xã Ninh Quới', '32104', 'Xã Hồng Dân', '01/07/2025', '40%'],
          ['31006', 'Thị trấn Ngan Dừa', '32104', 'Xã Hồng Dân', '01/07/2025', ''],
        ],
      },
    ]);
    await importFile(core, split);
    await setResult(core, '31009', 'BHXH_TN', '2024-09-25', 250);
    await setResult(core, '31006', 'BHXH_TN', '2024-09-25', 148);

    const table = await call(core, 'results:compare', { period: month(2024, 9), indicatorCode: 'BHXH_TN', unitCode: '96' });
    expect(row(table, '32101').actual).toBeCloseTo(150, 9);
    expect(row(table, '32104').actual).toBeCloseTo(100 + 148, 9);
    // Nothing is lost or counted twice.
    expect(table.total.actual).toBeCloseTo(250 + 148, 9);
  });
});

describe('views that are not today’s single province', () => {
  it('a newer commune’s figures on the old tree are split evenly among the communes it was formed from', async () => {
    const core = await reformCore();
    await setResult(core, '32104', 'BHXH_TN', '2026-09-25', 900);
    const table = await call(core, 'results:compare', { period: month(2026, 9), indicatorCode: 'BHXH_TN', unitCode: '956', viewDate: '2024-12-31' });
    for (const code of ['31006', '31015', '31018']) expect(row(table, code).actual).toBeCloseTo(300, 9);
    expect(row(table, '31009').actual).toBeNull();
    expect(table.total.actual).toBeCloseTo(900, 9);
  });

  it('with two provinces on the tree and no unit asked for, the rows are the provinces and the total sums them', async () => {
    const core = await openTestCore();
    await importFile(core, fixturePath(FIXTURE.unitsHongDan));
    await importFile(core, fixturePath(FIXTURE.unitsTwoLevel));
    // Both lists valid today (no merge table): two roots.
    await setResult(core, '31006', 'BHXH_TN', '2026-09-25', 148);
    await setResult(core, '32104', 'BHXH_TN', '2026-09-25', 900);
    await call(core, 'targets:set', { unitCode: '95', indicatorCode: 'BHXH_TN', year: 2026, value: 200, source: 'BHXH_VN' });
    await call(core, 'targets:set', { unitCode: '96', indicatorCode: 'BHXH_TN', year: 2026, value: 1000, source: 'BHXH_VN' });
    const table = await call(core, 'results:compare', { period: month(2026, 9), indicatorCode: 'BHXH_TN' });
    expect(table.unitCode).toBeNull();
    expect(table.rows.map((r) => r.code).sort()).toEqual(['95', '96']);
    expect(table.total).toMatchObject({ actual: 1048, target: 1200, missingUnits: 8 + 3 });
  });

});
