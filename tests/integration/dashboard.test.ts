import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import type { AppCore } from '../../electron/core/app/appCore';
import type { DashboardData, Kpi } from '../../shared/contract';
import { indicatorByCode } from '../../shared/domain/indicators';
import { call, callError, expectVietnamese, FIXED_NOW, openTestCore } from '../helpers/core';

/** The demo province on a fixed clock (22/11/2026): results 01/2024 … 11/2026, targets 2024–2026. */
async function demoCore(): Promise<AppCore> {
  const core = await openTestCore({ now: () => FIXED_NOW });
  await call(core, 'demo:load', {});
  return core;
}

const OCT_2026 = { kind: 'month' as const, year: 2026, index: 10 };
const COUNT_CODES = ['BHXH_TN', 'BHYT_HGD', 'BHXH_BB', 'BHYT', 'BHTN', 'POP', 'LABOUR'];

function kpi(data: DashboardData, code: string): Kpi {
  const hit = data.kpis.find((k) => k.indicatorCode === code);
  if (!hit) throw new Error(`no kpi ${code}`);
  return hit;
}

const sum = (values: (number | null)[]) => values.reduce<number>((s, v) => s + (v ?? 0), 0);

describe('dashboard:get on the demo province', () => {
  it('has the headline KPIs, counts and rates', async () => {
    const core = await demoCore();
    const data = await call(core, 'dashboard:get', { period: OCT_2026 });
    expect(data.kpis.map((k) => [k.indicatorCode, k.kind])).toEqual([
      ['BHXH_TN', 'count'],
      ['BHYT_HGD', 'count'],
      ['BHXH_BB', 'count'],
      ['BHYT', 'count'],
      ['COV_BHYT', 'rate'],
      ['COV_BHXH', 'rate'],
    ]);
    for (const k of data.kpis) {
      expect(k.actual, k.indicatorCode).not.toBeNull();
      expect(k.missingUnits, k.indicatorCode).toBe(0);
      expect(k.code).toBe('99');
      expect(k.indicatorName).toBe(indicatorByCode(k.indicatorCode)!.shortName);
    }
    for (const code of ['BHXH_TN', 'BHYT_HGD', 'BHXH_BB', 'BHYT']) {
      expect(Number.isInteger(kpi(data, code).actual), code).toBe(true);
      expect(kpi(data, code).target, code).not.toBeNull();
    }
    expect(kpi(data, 'COV_BHYT').target).toBe(0.952);
    expect(kpi(data, 'COV_BHYT').targetSource).toBe('GOV');
    expect(data.table).toMatchObject({ indicatorCode: 'BHXH_TN', month: '2026-10', unitCode: '99', periodLabel: 'Tháng 10/2026' });
    expect(kpi(data, 'BHXH_TN').actual).toBe(data.table.total.actual);
  });

  it('the total equals the sum of the rows for counts, actuals and targets alike', async () => {
    const core = await demoCore();
    for (const code of COUNT_CODES) {
      const { table } = await call(core, 'dashboard:get', { period: OCT_2026, indicatorCode: code });
      expect(table.rows, code).toHaveLength(16);
      expect(table.total.actual, code).toBe(sum(table.rows.map((r) => r.actual)));
      expect(table.total.sameLastYear, code).toBe(sum(table.rows.map((r) => r.sameLastYear)));
      expect(table.total.endLastYear, code).toBe(sum(table.rows.map((r) => r.endLastYear)));
      if (table.total.target !== null) expect(table.total.target, code).toBe(sum(table.rows.map((r) => r.target)));
    }
  });

  it('coverage KPIs are recomputed from the totals: BHYT ÷ POP and (BHXH_BB + BHXH_TN) ÷ LABOUR', async () => {
    const core = await demoCore();
    const data = await call(core, 'dashboard:get', { period: OCT_2026 });
    const total = async (code: string) => (await call(core, 'results:compare', { period: OCT_2026, indicatorCode: code })).total.actual!;
    const [bhyt, pop, bb, tn, labour] = [await total('BHYT'), await total('POP'), await total('BHXH_BB'), await total('BHXH_TN'), await total('LABOUR')];
    expect(kpi(data, 'COV_BHYT').actual).toBeCloseTo(bhyt / pop, 12);
    expect(kpi(data, 'COV_BHXH').actual).toBeCloseTo((bb + tn) / labour, 12);
    expect(kpi(data, 'COV_BHYT').progress).toBeCloseTo(bhyt / pop / 0.952, 12);
    // Not the average of the communes' rates.
    const rates = (await call(core, 'results:compare', { period: OCT_2026, indicatorCode: 'COV_BHYT' })).rows.map((r) => r.actual!);
    expect(rates).toHaveLength(16);
    const average = rates.reduce((a, b) => a + b, 0) / rates.length;
    expect(Math.abs(average - bhyt / pop)).toBeGreaterThan(1e-9);
    // The coverage panel uses the same recomputed rates, one row per child.
    expect(data.coverage).toHaveLength(16);
    for (const [i, r] of data.coverage.entries()) {
      expect(r.code).toBe(data.table.rows[i]!.code);
      expect(r.bhyt).toBeCloseTo(rates[i]!, 12);
      expect(r.bhxh).not.toBeNull();
      expect(r.bhtn).not.toBeNull();
      expect(r.voluntary).not.toBeNull();
    }
  });

  it('trend has one point per month up to the period’s month and the target path is a straight line', async () => {
    const core = await demoCore();
    const data = await call(core, 'dashboard:get', { period: OCT_2026 });
    expect(data.trend.map((p) => p.month)).toEqual(['01', '02', '03', '04', '05', '06', '07', '08', '09', '10'].map((m) => `2026-${m}`));
    const start = data.table.total.endLastYear!;
    const goal = data.table.total.plan!;
    for (const [i, p] of data.trend.entries()) {
      expect(p.targetPath).toBeCloseTo(start + ((goal - start) * (i + 1)) / 12, 9);
      expect(p.actual).not.toBeNull();
    }
    expect(data.trend.at(-1)!.actual).toBe(data.table.total.actual);
    const june = await call(core, 'results:compare', { period: { kind: 'month', year: 2026, index: 6 }, indicatorCode: 'BHXH_TN' });
    expect(data.trend[5]!.actual).toBe(june.total.actual);
  });

  it('a whole past year: twelve points, the path ends at the target in December', async () => {
    const core = await demoCore();
    const data = await call(core, 'dashboard:get', { period: { kind: 'year', year: 2025, index: 1 } });
    expect(data.table.month).toBe('2025-12');
    expect(data.trend).toHaveLength(12);
    const goal = data.table.total.plan!;
    expect(data.trend.at(-1)!.targetPath).toBeCloseTo(goal, 9);
    expect(data.trend.at(-1)!.month).toBe('2025-12');
    // Months before the reform are on the old communes, rolled onto today's tree: no gap.
    expect(data.trend.every((p) => p.actual !== null)).toBe(true);
  });

  it('the ongoing year stops at the current month', async () => {
    const core = await demoCore();
    const data = await call(core, 'dashboard:get', { period: { kind: 'year', year: 2026, index: 1 } });
    expect(data.table.month).toBe('2026-11');
    expect(data.trend).toHaveLength(11);
  });

  it('a rate indicator trends its recomputed rate', async () => {
    const core = await demoCore();
    const data = await call(core, 'dashboard:get', { period: OCT_2026, indicatorCode: 'COV_BHYT' });
    expect(data.trend).toHaveLength(10);
    expect(data.trend.at(-1)!.actual).toBeCloseTo(kpi(data, 'COV_BHYT').actual!, 12);
    expect(data.trend.every((p) => p.actual! > 0 && p.actual! <= 1)).toBe(true);
  });

  it('leaders are the children at or above 80% of the plan in force, laggards the lowest below it; never both', async () => {
    const core = await demoCore();
    const data = await call(core, 'dashboard:get', { period: OCT_2026 });
    const rows = data.table.rows;
    const above = rows.filter((r) => r.planProgress! >= 0.8).sort((a, b) => b.planProgress! - a.planProgress!);
    const below = rows.filter((r) => r.planProgress! < 0.8).sort((a, b) => a.planProgress! - b.planProgress!);
    // October 2026 in the demo: fifteen communes at 80% or more, one below.
    expect([above.length, below.length]).toEqual([15, 1]);
    expect(data.best.map((r) => r.code)).toEqual(above.slice(0, 5).map((r) => r.code));
    expect(data.worst.map((r) => r.code)).toEqual(below.map((r) => r.code));
    expect(data.best.filter((b) => data.worst.some((w) => w.code === b.code))).toEqual([]);
    expect(data.rankings).toEqual({ ranked: 16, atOrAbove: 15, below: 1, unranked: 0, size: 5, threshold: 0.8 });
  });

  it('drills down to a child: the path has the ancestors', async () => {
    const core = await demoCore();
    const top = await call(core, 'dashboard:get', { period: OCT_2026 });
    expect(top.path).toEqual([{ code: '99', name: 'Tỉnh Phú An (dữ liệu mẫu)' }]);
    const child = top.table.rows[0]!;
    const down = await call(core, 'dashboard:get', { period: OCT_2026, unitCode: child.code });
    expect(down.path).toEqual([
      { code: '99', name: 'Tỉnh Phú An (dữ liệu mẫu)' },
      { code: child.code, name: child.name },
    ]);
    expect(down.table.unitCode).toBe(child.code);
    expect(down.table.rows).toEqual([]);
    expect(down.table.total.actual).toBe(child.actual);
    expect(kpi(down, 'BHXH_TN').actual).toBe(child.actual);
    expect(down.coverage).toEqual([]);
  });

  it('a quarter index of 5 is a VALIDATION error in Vietnamese', async () => {
    const core = await demoCore();
    const err = await callError(core, 'dashboard:get', { period: { kind: 'quarter', year: 2026, index: 5 } });
    expect(err.code).toBe('VALIDATION');
    expectVietnamese(err.message);
  });

  it('a unit not on the view tree is NOT_FOUND', async () => {
    const core = await demoCore();
    const err = await callError(core, 'dashboard:get', { period: OCT_2026, unitCode: '991' });
    expect(err.code).toBe('NOT_FOUND');
    expectVietnamese(err.message);
  });
});

describe('2024 on the 2024 tree', () => {
  it('shows the four districts as rows, and drills into one of them', async () => {
    const core = await demoCore();
    const year2024 = { kind: 'year' as const, year: 2024, index: 1 };
    const data = await call(core, 'dashboard:get', { period: year2024, viewDate: '2024-12-31' });
    expect(data.table.viewDate).toBe('2024-12-31');
    expect(data.table.month).toBe('2024-12');
    expect(data.table.rows.map((r) => [r.code, r.level, r.hasChildren])).toEqual([
      ['993', 'district', true],
      ['992', 'district', true],
      ['994', 'district', true],
      ['991', 'district', true],
    ]);
    expect(data.table.total.actual).toBe(sum(data.table.rows.map((r) => r.actual)));
    expect(data.table.total.missingUnits).toBe(0);

    // The same year on today's tree adds up to the same total.
    const today = await call(core, 'dashboard:get', { period: year2024 });
    expect(today.table.rows).toHaveLength(16);
    expect(today.table.total.actual).toBe(data.table.total.actual);
    expect(today.table.total.target).toBe(data.table.total.target);

    const district = await call(core, 'dashboard:get', { period: year2024, viewDate: '2024-12-31', unitCode: '992' });
    expect(district.path.map((p) => p.code)).toEqual(['99', '992']);
    expect(district.table.rows).toHaveLength(10);
    expect(district.table.total.actual).toBe(data.table.rows.find((r) => r.code === '992')!.actual);
  });
});

describe('caches', () => {
  it('two identical calls give the same data; a results:set changes it (revision counter)', async () => {
    const core = await demoCore();
    const first = await call(core, 'dashboard:get', { period: OCT_2026 });
    const second = await call(core, 'dashboard:get', { period: OCT_2026 });
    expect(second).toEqual(first);

    const row = first.table.rows[0]!;
    const grid = await call(core, 'results:grid', { month: '2026-10' });
    const asOf = grid.asOf;
    expect(asOf).toBe('2026-10-25');
    await call(core, 'results:set', { unitCode: row.code, indicatorCode: 'BHXH_TN', asOf, value: row.actual! + 7 });
    const third = await call(core, 'dashboard:get', { period: OCT_2026 });
    expect(third.table.total.actual).toBe(first.table.total.actual! + 7);
    expect(third.table.rows[0]!.actual).toBe(row.actual! + 7);
    expect(kpi(third, 'BHXH_TN').actual).toBe(first.table.total.actual! + 7);
    expect(third.trend.at(-1)!.actual).toBe(first.trend.at(-1)!.actual! + 7);
    // The other months are untouched.
    expect(third.trend.slice(0, -1)).toEqual(first.trend.slice(0, -1));

    // And back again.
    await call(core, 'results:set', { unitCode: row.code, indicatorCode: 'BHXH_TN', asOf, value: row.actual! });
    expect(await call(core, 'dashboard:get', { period: OCT_2026 })).toEqual(first);
  });

  it('a new target shows up at once', async () => {
    const core = await demoCore();
    const first = await call(core, 'dashboard:get', { period: OCT_2026 });
    const row = first.table.rows[0]!;
    await call(core, 'targets:set', { unitCode: row.code, indicatorCode: 'BHXH_TN', year: 2026, value: row.target! + 100, source: 'BHXH_TINH', revise: true });
    const after = await call(core, 'dashboard:get', { period: OCT_2026 });
    expect(after.table.rows[0]).toMatchObject({ target: row.target, revisedTarget: row.target! + 100 });
  });
});

describe('exports:comparison', () => {
  function cellTexts(bytes: Buffer): string[] {
    const wb = XLSX.read(bytes, { type: 'buffer' });
    const texts: string[] = [];
    for (const name of wb.SheetNames) {
      const rows = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[name]!, { header: 1, raw: true, defval: null });
      for (const r of rows) for (const c of r) if (typeof c === 'string') texts.push(c);
    }
    return texts;
  }

  it('returns a download whose workbook has the indicator, the units and the total row', async () => {
    const core = await demoCore();
    const ref = await call(core, 'exports:comparison', { period: OCT_2026, indicatorCode: 'BHXH_TN' });
    expect(ref.fileName).toMatch(/\.xlsx$/);
    expect(ref.token.length).toBeGreaterThanOrEqual(8);
    const { fileName, bytes } = core.downloads.take(ref.token);
    expect(fileName).toBe(ref.fileName);
    expect(bytes.length).toBe(ref.size);
    const texts = cellTexts(bytes);
    const all = texts.join('\n').toLocaleLowerCase('vi');
    expect(all).toContain(indicatorByCode('BHXH_TN')!.name.toLocaleLowerCase('vi'));
    expect(texts.some((t) => t.startsWith('Tổng cộng'))).toBe(true);
    const table = await call(core, 'results:compare', { period: OCT_2026, indicatorCode: 'BHXH_TN' });
    for (const r of table.rows) expect(texts, r.name).toContain(r.name);
    expect(texts.some((t) => t.includes('DỮ LIỆU MẪU'))).toBe(true);
    // A download is taken once.
    expect(() => core.downloads.take(ref.token)).toThrow();
  });

  it('a rate indicator on the 2024 tree exports too', async () => {
    const core = await demoCore();
    const ref = await call(core, 'exports:comparison', { period: { kind: 'year', year: 2024, index: 1 }, indicatorCode: 'COV_BHYT', viewDate: '2024-12-31' });
    const texts = cellTexts(core.downloads.take(ref.token).bytes);
    expect(texts.join('\n').toLocaleLowerCase('vi')).toContain('tỷ lệ bao phủ bhyt');
    expect(texts.some((t) => t.startsWith('Tổng cộng'))).toBe(true);
    expect(texts).toContain('Thành phố Phú An');
  });
});
