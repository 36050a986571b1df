import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { AppCore } from '../../electron/core/app/appCore';
import type { BreakdownProposal, Comparison, ComparisonTable } from '../../shared/contract';
import { call, callError, storeOf, expectVietnamese, reformCore, setResult } from '../helpers/core';
import { hashDatabase } from '../helpers/dbHash';
import { FIXTURE, fixturePath } from '../helpers/fixtures';

interface ExpectedUnit {
  code: string;
  planTN: number;
  actTN: number;
  pop: number;
}
const expected = JSON.parse(readFileSync(fixturePath(FIXTURE.expectedHongDan), 'utf8')) as { units: ExpectedUnit[] };
const byCode = new Map(expected.units.map((u) => [u.code, u]));

/** The communes of new province 96 after the merge of 01/07/2025 (see reformCore). */
const NEW_COMMUNES = ['32101', '32104', '32107', '32110'];
/** Population of each new commune: the sum of the old communes that formed it. */
const NEW_POP: Record<string, number> = {
  '32101': 9902 + 8910,
  '32104': 15683 + 28693 + 29658,
  '32107': 31270 + 13289,
  '32110': 6123 + 25948,
};

async function compare(core: AppCore, indicatorCode: string, year: number, index: number, extra: { unitCode?: string; source?: 'BHXH_VN' | 'UBND_TINH' | 'BHXH_TINH' | 'GOV'; viewDate?: string } = {}): Promise<ComparisonTable> {
  return call(core, 'results:compare', { period: { kind: 'month', year, index }, indicatorCode, ...extra });
}

function row(table: ComparisonTable, code: string): Comparison {
  const hit = table.rows.find((r) => r.code === code);
  if (!hit) throw new Error(`no row ${code}`);
  return hit;
}

describe('targets:set and revisions', () => {
  it('creates revision 0, and revise:true creates revision 1 keeping the original', async () => {
    const core = await reformCore();
    const original = await call(core, 'targets:set', {
      unitCode: '96', indicatorCode: 'BHXH_TN', year: 2026, value: 1000, source: 'BHXH_VN', decisionNo: '15/QĐ-BHXH', decisionDate: '2026-01-15',
    });
    expect(original).toMatchObject({
      unitCode: '96', unitName: 'Tỉnh Cà Mau', indicatorCode: 'BHXH_TN', year: 2026, period: '', value: 1000, isRate: false,
      source: 'BHXH_VN', decisionNo: '15/QĐ-BHXH', decisionDate: '2026-01-15', revision: 0, isDemo: false,
    });
    const revised = await call(core, 'targets:set', {
      unitCode: '96', indicatorCode: 'BHXH_TN', year: 2026, value: 1200, source: 'BHXH_VN', decisionNo: '80/QĐ-BHXH', decisionDate: '2026-07-01', revise: true,
    });
    expect(revised).toMatchObject({ value: 1200, revision: 1, decisionNo: '80/QĐ-BHXH' });
    expect(revised.id).not.toBe(original.id);

    const list = await call(core, 'targets:list', { year: 2026 });
    expect(list.map((t) => [t.unitCode, t.indicatorCode, t.revision, t.value, t.decisionNo])).toEqual([
      ['96', 'BHXH_TN', 0, 1000, '15/QĐ-BHXH'],
      ['96', 'BHXH_TN', 1, 1200, '80/QĐ-BHXH'],
    ]);
    expect(await call(core, 'targets:list', { year: 2025 })).toEqual([]);
    expect(await call(core, 'targets:list', { year: 2026, unitCode: '32104' })).toEqual([]);
    expect(await call(core, 'targets:list', { year: 2026, indicatorCode: 'BHYT' })).toEqual([]);

    const audit = (await call(core, 'audit:list', { limit: 2 })).items;
    expect(audit.every((a) => a.action === 'target' && a.entity === 'target')).toBe(true);
    expect(audit[0]!.summary).toContain('1.000 → 1.200');
  });

  it('the comparison shows the original target and the revised one, each with its progress', async () => {
    const core = await reformCore();
    await call(core, 'targets:set', { unitCode: '96', indicatorCode: 'BHXH_TN', year: 2026, value: 1000, source: 'BHXH_VN' });
    await call(core, 'targets:set', { unitCode: '96', indicatorCode: 'BHXH_TN', year: 2026, value: 1200, source: 'BHXH_VN', revise: true });
    await setResult(core, '32104', 'BHXH_TN', '2026-09-25', 900);

    const table = await compare(core, 'BHXH_TN', 2026, 9);
    expect(table.total).toMatchObject({
      actual: 900, target: 1000, targetSource: 'BHXH_VN', progress: 0.9, revisedTarget: 1200, revisedProgress: 0.75,
      // What is left is measured against the revised plan, spread over October–December.
      remaining: 300, monthlyPace: 100,
    });
  });

  it('a correction without revise updates the latest revision in place', async () => {
    const core = await reformCore();
    const first = await call(core, 'targets:set', { unitCode: '96', indicatorCode: 'BHXH_TN', year: 2026, value: 1000, source: 'BHXH_VN' });
    const fixed = await call(core, 'targets:set', { unitCode: '96', indicatorCode: 'BHXH_TN', year: 2026, value: 1010, source: 'BHXH_VN', note: 'gõ nhầm' });
    expect(fixed).toMatchObject({ id: first.id, revision: 0, value: 1010, note: 'gõ nhầm' });
    expect(await call(core, 'targets:list', { year: 2026 })).toHaveLength(1);

    const revised = await call(core, 'targets:set', { unitCode: '96', indicatorCode: 'BHXH_TN', year: 2026, value: 1200, source: 'BHXH_VN', revise: true });
    const corrected = await call(core, 'targets:set', { unitCode: '96', indicatorCode: 'BHXH_TN', year: 2026, value: 1250, source: 'BHXH_VN' });
    expect(corrected).toMatchObject({ id: revised.id, revision: 1, value: 1250 });
    const list = await call(core, 'targets:list', { year: 2026 });
    expect(list.map((t) => [t.revision, t.value])).toEqual([
      [0, 1010],
      [1, 1250],
    ]);
    expect(((await call(core, 'audit:list', { limit: 1 })).items)[0]!.summary).toContain('Sửa chỉ tiêu');
  });

  it('a second revision becomes the revised target; the original stays', async () => {
    const core = await reformCore();
    await call(core, 'targets:set', { unitCode: '96', indicatorCode: 'BHXH_TN', year: 2026, value: 1000, source: 'BHXH_VN' });
    await call(core, 'targets:set', { unitCode: '96', indicatorCode: 'BHXH_TN', year: 2026, value: 1200, source: 'BHXH_VN', revise: true });
    const second = await call(core, 'targets:set', { unitCode: '96', indicatorCode: 'BHXH_TN', year: 2026, value: 1100, source: 'BHXH_VN', revise: true });
    expect(second.revision).toBe(2);
    await setResult(core, '32104', 'BHXH_TN', '2026-09-25', 880);
    const table = await compare(core, 'BHXH_TN', 2026, 9);
    expect(table.total).toMatchObject({ target: 1000, revisedTarget: 1100, progress: 0.88, revisedProgress: 0.8, remaining: 220 });
  });

  it('revise without an original plan is refused and writes nothing', async () => {
    const core = await reformCore();
    const before = (await hashDatabase(storeOf(core)));
    const err = await callError(core, 'targets:set', { unitCode: '96', indicatorCode: 'BHXH_TN', year: 2026, value: 1200, source: 'BHXH_VN', revise: true });
    expect(err.code).toBe('VALIDATION');
    expectVietnamese(err.message);
    expect((await hashDatabase(storeOf(core)))).toBe(before);
  });

  it('refuses negative, fractional counts, unknown units and indicators', async () => {
    const core = await reformCore();
    const before = (await hashDatabase(storeOf(core)));
    const negative = await callError(core, 'targets:set', { unitCode: '96', indicatorCode: 'BHXH_TN', year: 2026, value: -1, source: 'BHXH_VN' });
    expect(negative.code).toBe('VALIDATION');
    expectVietnamese(negative.message);
    const fraction = await callError(core, 'targets:set', { unitCode: '96', indicatorCode: 'BHXH_TN', year: 2026, value: 10.5, source: 'BHXH_VN' });
    expect(fraction.code).toBe('VALIDATION');
    expectVietnamese(fraction.message);
    expect((await callError(core, 'targets:set', { unitCode: '12345', indicatorCode: 'BHXH_TN', year: 2026, value: 1, source: 'BHXH_VN' })).code).toBe('NOT_FOUND');
    expect((await callError(core, 'targets:set', { unitCode: '96', indicatorCode: 'NOPE', year: 2026, value: 1, source: 'BHXH_VN' })).code).toBe('VALIDATION');
    expect((await hashDatabase(storeOf(core)))).toBe(before);
  });
});

describe('target authorities', () => {
  it('picks BHXH Việt Nam over UBND tỉnh by default and the asked-for source otherwise', async () => {
    const core = await reformCore();
    await call(core, 'targets:set', { unitCode: '96', indicatorCode: 'BHXH_TN', year: 2026, value: 1000, source: 'BHXH_VN' });
    await call(core, 'targets:set', { unitCode: '96', indicatorCode: 'BHXH_TN', year: 2026, value: 1030, source: 'UBND_TINH' });
    await setResult(core, '32104', 'BHXH_TN', '2026-09-25', 927);
    const byDefault = await compare(core, 'BHXH_TN', 2026, 9);
    expect(byDefault.total).toMatchObject({ target: 1000, targetSource: 'BHXH_VN' });
    const ubnd = await compare(core, 'BHXH_TN', 2026, 9, { source: 'UBND_TINH' });
    expect(ubnd.total).toMatchObject({ target: 1030, targetSource: 'UBND_TINH', progress: 0.9 });
    const gov = await compare(core, 'BHXH_TN', 2026, 9, { source: 'GOV' });
    expect(gov.total).toMatchObject({ target: null, progress: null, remaining: null });
  });

  it('a unit without its own target adds up its children’s count targets', async () => {
    const core = await reformCore();
    await call(core, 'targets:set', { unitCode: '32101', indicatorCode: 'BHXH_TN', year: 2026, value: 300, source: 'BHXH_TINH' });
    await call(core, 'targets:set', { unitCode: '32104', indicatorCode: 'BHXH_TN', year: 2026, value: 700, source: 'BHXH_TINH' });
    await call(core, 'targets:set', { unitCode: '32104', indicatorCode: 'BHXH_TN', year: 2026, value: 800, source: 'BHXH_TINH', revise: true });
    const table = await compare(core, 'BHXH_TN', 2026, 9);
    expect(row(table, '32101')).toMatchObject({ target: 300, revisedTarget: null });
    expect(row(table, '32104')).toMatchObject({ target: 700, revisedTarget: 800 });
    expect(row(table, '32107')).toMatchObject({ target: null, progress: null });
    // Children without a revision count with their original in the revised sum.
    expect(table.total).toMatchObject({ target: 1000, revisedTarget: 1100, targetSource: 'BHXH_TINH' });
  });
});

describe('rate targets', () => {
  it('COV_BHYT takes a ratio ≤ 1; 92,25 typed as a percent is refused', async () => {
    const core = await reformCore();
    const target = await call(core, 'targets:set', { unitCode: '96', indicatorCode: 'COV_BHYT', year: 2026, value: 0.9225, source: 'GOV', decisionNo: '546/QĐ-TTg' });
    expect(target).toMatchObject({ value: 0.9225, isRate: true, revision: 0 });
    const err = await callError(core, 'targets:set', { unitCode: '96', indicatorCode: 'COV_BHYT', year: 2026, value: 92.25, source: 'GOV' });
    expect(err.code).toBe('VALIDATION');
    expectVietnamese(err.message);
    expect(err.message).toContain('0,9225');
  });

  it('progress compares rates and the people still needed are rate × population − covered', async () => {
    const core = await reformCore();
    await call(core, 'targets:set', { unitCode: '96', indicatorCode: 'COV_BHYT', year: 2026, value: 0.9225, source: 'GOV' });
    for (const [code, bhyt] of [['32101', 2300], ['32104', 2200], ['32107', 2250], ['32110', 2250]] as const) {
      await setResult(core, code, 'POP', '2026-09-25', 2500);
      await setResult(core, code, 'BHYT', '2026-09-25', bhyt);
    }
    const table = await compare(core, 'COV_BHYT', 2026, 9);
    expect(table.total.actual).toBeCloseTo(0.9, 12);
    expect(table.total.target).toBe(0.9225);
    expect(table.total.progress).toBeCloseTo(0.9 / 0.9225, 12);
    expect(table.total.remaining).toBe(225);
    expect(table.total.monthlyPace).toBe(75);
  });

  it('are not summed (or averaged) up the tree', async () => {
    const core = await reformCore();
    await call(core, 'targets:set', { unitCode: '32101', indicatorCode: 'COV_BHYT', year: 2026, value: 0.9, source: 'BHXH_TINH' });
    await call(core, 'targets:set', { unitCode: '32104', indicatorCode: 'COV_BHYT', year: 2026, value: 0.95, source: 'BHXH_TINH' });
    const table = await compare(core, 'COV_BHYT', 2026, 9);
    expect(row(table, '32101').target).toBe(0.9);
    expect(row(table, '32104').target).toBe(0.95);
    expect(table.total.target).toBeNull();
  });

  it('a revised rate target is what the people still needed are measured against (as for counts)', async () => {
    const core = await reformCore();
    await call(core, 'targets:set', { unitCode: '96', indicatorCode: 'COV_BHYT', year: 2026, value: 0.9225, source: 'GOV' });
    await call(core, 'targets:set', { unitCode: '96', indicatorCode: 'COV_BHYT', year: 2026, value: 0.95, source: 'GOV', revise: true });
    await setResult(core, '32104', 'POP', '2026-09-25', 10_000);
    await setResult(core, '32104', 'BHYT', '2026-09-25', 9000);
    const table = await compare(core, 'COV_BHYT', 2026, 9);
    expect(table.total).toMatchObject({ target: 0.9225, revisedTarget: 0.95 });
    expect(table.total.revisedProgress).toBeCloseTo(0.9 / 0.95, 12);
    // 95% × 10.000 − 9.000 = 500 (the original plan alone would say 225).
    expect(table.total.remaining).toBe(500);
  });
});

describe('targets across the 2025 merge', () => {
  it('2025 targets set on old communes roll into their successors on today’s tree', async () => {
    const core = await reformCore();
    for (const code of ['31006', '31015', '31018']) {
      await call(core, 'targets:set', { unitCode: code, indicatorCode: 'BHXH_TN', year: 2025, value: byCode.get(code)!.planTN, source: 'BHXH_TINH' });
    }
    await call(core, 'targets:set', { unitCode: '31009', indicatorCode: 'BHXH_TN', year: 2025, value: 286, source: 'BHXH_TINH' });
    const plan32104 = 221 + 428 + 417;
    await setResult(core, '32104', 'BHXH_TN', '2025-09-25', 850);

    const table = await compare(core, 'BHXH_TN', 2025, 9);
    expect(table.unitCode).toBe('96');
    expect(row(table, '32104')).toMatchObject({ target: plan32104, targetSource: 'BHXH_TINH' });
    expect(row(table, '32104').progress).toBeCloseTo(850 / plan32104, 12);
    expect(row(table, '32101').target).toBe(286);
    expect(table.total.target).toBe(plan32104 + 286);

    // The same plan on the old tree, where it was set.
    const old = await compare(core, 'BHXH_TN', 2025, 6, { unitCode: '956', viewDate: '2025-06-30' });
    expect(row(old, '31006').target).toBe(221);
    expect(old.total.target).toBe(plan32104 + 286);
  });
});

describe('targets:breakdown', () => {
  async function withParentTarget(value = 1000) {
    const core = await reformCore();
    await call(core, 'targets:set', { unitCode: '96', indicatorCode: 'BHXH_TN', year: 2026, value, source: 'BHXH_TINH', decisionNo: '05/QĐ-BHXH' });
    for (const code of NEW_COMMUNES) {
      await setResult(core, code, 'POP', '2025-12-31', NEW_POP[code]!);
      await setResult(core, code, 'LABOUR', '2025-12-31', Math.round(NEW_POP[code]! * 0.61));
    }
    return core;
  }

  function expectLargestRemainder(p: BreakdownProposal, total: number) {
    const basisSum = p.rows.reduce((s, r) => s + r.basis!, 0);
    for (const r of p.rows) {
      const quota = (total * r.basis!) / basisSum;
      expect(r.value, r.code).toBeGreaterThanOrEqual(Math.floor(quota));
      expect(r.value, r.code).toBeLessThanOrEqual(Math.ceil(quota));
      expect(Number.isInteger(r.value)).toBe(true);
    }
    expect(p.rows.reduce((s, r) => s + r.value, 0)).toBe(total);
    expect(p.sum).toBe(total);
    expect(p.difference).toBe(0);
  }

  it('by population: whole people adding up exactly to the parent, with the basis shown; nothing written', async () => {
    const core = await withParentTarget(1000);
    const before = (await hashDatabase(storeOf(core)));
    const p = await call(core, 'targets:breakdown', { parentCode: '96', indicatorCode: 'BHXH_TN', year: 2026, source: 'BHXH_TINH', method: 'population' });
    expect(p).toMatchObject({ parentCode: '96', indicatorCode: 'BHXH_TN', year: 2026, method: 'population', parentTarget: 1000, committed: false });
    expect(p.rows.map((r) => r.code).sort()).toEqual(NEW_COMMUNES);
    for (const r of p.rows) expect(r.basis).toBe(NEW_POP[r.code]);
    expectLargestRemainder(p, 1000);
    expect((await hashDatabase(storeOf(core)))).toBe(before);
    expect(await call(core, 'targets:list', { year: 2026, unitCode: '32104' })).toEqual([]);
  });

  it('by labour force and by last year’s result add up exactly too', async () => {
    const core = await withParentTarget(2871);
    const labour = await call(core, 'targets:breakdown', { parentCode: '96', indicatorCode: 'BHXH_TN', year: 2026, source: 'BHXH_TINH', method: 'labour' });
    for (const r of labour.rows) expect(r.basis).toBe(Math.round(NEW_POP[r.code]! * 0.61));
    expectLargestRemainder(labour, 2871);

    const last: Record<string, number> = { '32101': 698, '32104': 848, '32107': 265, '32110': 617 };
    for (const [code, value] of Object.entries(last)) await setResult(core, code, 'BHXH_TN', '2025-12-31', value);
    const byLastYear = await call(core, 'targets:breakdown', { parentCode: '96', indicatorCode: 'BHXH_TN', year: 2026, source: 'BHXH_TINH', method: 'lastYear' });
    for (const r of byLastYear.rows) expect(r.basis).toBe(last[r.code]);
    expectLargestRemainder(byLastYear, 2871);
  });

  it('breaks down the revised parent target when there is one', async () => {
    const core = await withParentTarget(1000);
    await call(core, 'targets:set', { unitCode: '96', indicatorCode: 'BHXH_TN', year: 2026, value: 1201, source: 'BHXH_TINH', revise: true });
    const p = await call(core, 'targets:breakdown', { parentCode: '96', indicatorCode: 'BHXH_TN', year: 2026, source: 'BHXH_TINH', method: 'population' });
    expect(p.parentTarget).toBe(1201);
    expectLargestRemainder(p, 1201);
  });

  it('a missing basis figure is refused, naming the commune', async () => {
    const core = await withParentTarget(1000);
    for (const code of ['32101', '32104', '32107']) await setResult(core, code, 'BHXH_TN', '2025-12-31', 100);
    const err = await callError(core, 'targets:breakdown', { parentCode: '96', indicatorCode: 'BHXH_TN', year: 2026, source: 'BHXH_TINH', method: 'lastYear' });
    expect(err.code).toBe('VALIDATION');
    expectVietnamese(err.message);
    expect(err.message).toContain('Xã Ninh Thạnh Lợi');
    expect(err.message).toContain('12/2025');
  });

  it('manual values report how far they are from the parent target', async () => {
    const core = await withParentTarget(1000);
    const off = await call(core, 'targets:breakdown', {
      parentCode: '96', indicatorCode: 'BHXH_TN', year: 2026, source: 'BHXH_TINH', method: 'manual',
      manual: [{ code: '32101', value: 200 }, { code: '32104', value: 500 }, { code: '32107', value: 150 }],
    });
    expect(off).toMatchObject({ method: 'manual', parentTarget: 1000, sum: 850, difference: 150, committed: false });
    expect(off.rows.find((r) => r.code === '32110')).toMatchObject({ value: 0, basis: null });
    const exact = await call(core, 'targets:breakdown', {
      parentCode: '96', indicatorCode: 'BHXH_TN', year: 2026, source: 'BHXH_TINH', method: 'manual',
      manual: [{ code: '32101', value: 200 }, { code: '32104', value: 500 }, { code: '32107', value: 150 }, { code: '32110', value: 150 }],
    });
    expect(exact).toMatchObject({ sum: 1000, difference: 0 });
  });

  it('commit writes the children’s targets and one audit entry each', async () => {
    const core = await withParentTarget(1000);
    const p = await call(core, 'targets:breakdown', {
      parentCode: '96', indicatorCode: 'BHXH_TN', year: 2026, source: 'BHXH_TINH', method: 'population', commit: true, decisionNo: '07/QĐ-BHXH', decisionDate: '2026-01-20',
    });
    expect(p.committed).toBe(true);
    const list = await call(core, 'targets:list', { year: 2026, indicatorCode: 'BHXH_TN' });
    const children = list.filter((t) => t.unitCode !== '96');
    expect(children.map((t) => [t.unitCode, t.value]).sort()).toEqual(p.rows.map((r) => [r.code, r.value]).sort());
    expect(children.every((t) => t.source === 'BHXH_TINH' && t.revision === 0 && t.decisionNo === '07/QĐ-BHXH' && t.decisionDate === '2026-01-20')).toBe(true);

    const audit = (await call(core, 'audit:list', { limit: 4 })).items;
    expect(audit.map((a) => a.entityKey).sort()).toEqual(NEW_COMMUNES.map((c) => `${c}|BHXH_TN|2026`));
    expect(audit.every((a) => a.action === 'target' && a.summary.includes('Giao chỉ tiêu'))).toBe(true);

    // The comparison now shows each commune's share; the parent keeps its own plan.
    const table = await compare(core, 'BHXH_TN', 2026, 9);
    for (const r of p.rows) expect(row(table, r.code).target).toBe(r.value);
    expect(table.total.target).toBe(1000);

    // Committing again corrects in place: no second set of rows.
    await call(core, 'targets:breakdown', { parentCode: '96', indicatorCode: 'BHXH_TN', year: 2026, source: 'BHXH_TINH', method: 'labour', commit: true });
    expect(await call(core, 'targets:list', { year: 2026, indicatorCode: 'BHXH_TN' })).toHaveLength(5);
  });

  it('the proposal names the children’s targets a commit would overwrite: same authority only, the latest revision', async () => {
    const core = await withParentTarget(1000);
    const req = { parentCode: '96', indicatorCode: 'BHXH_TN', year: 2026, source: 'BHXH_TINH', method: 'population' } as const;
    expect((await call(core, 'targets:breakdown', req)).rows.every((r) => r.existing === null)).toBe(true);

    await call(core, 'targets:set', { unitCode: '32104', indicatorCode: 'BHXH_TN', year: 2026, value: 300, source: 'BHXH_TINH' });
    await call(core, 'targets:set', { unitCode: '32104', indicatorCode: 'BHXH_TN', year: 2026, value: 320, source: 'BHXH_TINH', revise: true });
    await call(core, 'targets:set', { unitCode: '32101', indicatorCode: 'BHXH_TN', year: 2026, value: 250, source: 'BHXH_TINH' });
    // Another authority's plan and another year are not touched by this breakdown.
    await call(core, 'targets:set', { unitCode: '32107', indicatorCode: 'BHXH_TN', year: 2026, value: 90, source: 'UBND_TINH' });
    await call(core, 'targets:set', { unitCode: '32110', indicatorCode: 'BHXH_TN', year: 2025, value: 80, source: 'BHXH_TINH' });

    const before = (await hashDatabase(storeOf(core)));
    const p = await call(core, 'targets:breakdown', req);
    expect((await hashDatabase(storeOf(core)))).toBe(before);
    const existing = Object.fromEntries(p.rows.map((r) => [r.code, r.existing]));
    expect(existing).toEqual({ '32101': { value: 250, revision: 0 }, '32104': { value: 320, revision: 1 }, '32107': null, '32110': null });

    // Committed, every child has a plan from this authority: the next proposal shows them all.
    await call(core, 'targets:breakdown', { ...req, commit: true });
    const again = await call(core, 'targets:breakdown', { ...req, method: 'labour' });
    for (const r of again.rows) expect(r.existing?.value, r.code).toBe(p.rows.find((x) => x.code === r.code)!.value);
    expect(again.rows.find((r) => r.code === '32104')!.existing!.revision).toBe(1);
  });

  it('the old tree for an earlier year: 956 for 2025 by December 2024 results', async () => {
    const core = await reformCore();
    await call(core, 'targets:set', { unitCode: '956', indicatorCode: 'BHXH_TN', year: 2025, value: 2871, source: 'BHXH_TINH' });
    for (const u of expected.units) await setResult(core, u.code, 'BHXH_TN', '2024-12-31', u.actTN);
    const p = await call(core, 'targets:breakdown', { parentCode: '956', indicatorCode: 'BHXH_TN', year: 2025, source: 'BHXH_TINH', method: 'lastYear' });
    expect(p.rows).toHaveLength(9);
    for (const r of p.rows) expect(r.basis).toBe(byCode.get(r.code)!.actTN);
    expectLargestRemainder(p, 2871);
  });

  it('refuses rates, a parent without a target, and a unit without children', async () => {
    const core = await withParentTarget(1000);
    const rate = await callError(core, 'targets:breakdown', { parentCode: '96', indicatorCode: 'COV_BHYT', year: 2026, source: 'BHXH_TINH', method: 'population' });
    expect(rate.code).toBe('VALIDATION');
    expectVietnamese(rate.message);
    const noTarget = await callError(core, 'targets:breakdown', { parentCode: '96', indicatorCode: 'BHYT', year: 2026, source: 'BHXH_TINH', method: 'population' });
    expect(noTarget.code).toBe('VALIDATION');
    expectVietnamese(noTarget.message);
    const leaf = await callError(core, 'targets:breakdown', { parentCode: '32104', indicatorCode: 'BHXH_TN', year: 2026, source: 'BHXH_TINH', method: 'population' });
    expect(leaf.code).toBe('VALIDATION');
    expectVietnamese(leaf.message);
    const gone = await callError(core, 'targets:breakdown', { parentCode: '956', indicatorCode: 'BHXH_TN', year: 2026, source: 'BHXH_TINH', method: 'population' });
    expect(gone.code).toBe('NOT_FOUND');
  });
});
