import { describe, expect, it } from 'vitest';
import type { AppCore } from '../../electron/core/app/appCore';
import type { GridRow, ResultGrid } from '../../shared/contract';
import { COUNT_INDICATOR_CODES } from '../../shared/domain/indicators';
import { call, callError, storeOf, expectVietnamese, reformCore, setResult } from '../helpers/core';
import { sql } from 'kysely';
import { hashDatabase, rows } from '../helpers/dbHash';

function gridRow(grid: ResultGrid, code: string): GridRow {
  const hit = grid.rows.find((r) => r.code === code);
  if (!hit) throw new Error(`no grid row ${code}`);
  return hit;
}

function storedRows(core: AppCore, unitCode: string, indicatorCode: string): Promise<{ asOf: string; value: number; note: string | null }[]> {
  return rows(
    storeOf(core),
    sql<{ asOf: string; value: number; note: string | null }>`SELECT r.as_of AS "asOf", r.value, r.note FROM results r JOIN units u ON u.id = r.unit_id WHERE u.code = ${unitCode} AND r.indicator_code = ${indicatorCode} ORDER BY r.as_of`,
  );
}

describe('results:grid', () => {
  it('lists the leaf units of the month’s tree with this month’s and last month’s values', async () => {
    const core = await reformCore();
    await setResult(core, '32104', 'BHXH_TN', '2026-08-25', 800);
    await setResult(core, '32104', 'BHXH_TN', '2026-09-25', 850);
    const grid = await call(core, 'results:grid', { month: '2026-09' });
    expect(grid).toMatchObject({ month: '2026-09', asOf: '2026-09-25', parentCode: '96', parentName: 'Tỉnh Cà Mau', jumpThreshold: 0.2 });
    expect(grid.rows.map((r) => [r.code, r.level])).toEqual([
      ['32104', 'commune'],
      ['32101', 'commune'],
      ['32110', 'commune'],
      ['32107', 'commune'],
    ]);
    expect(grid.rows.map((r) => r.name)).toEqual(['Xã Hồng Dân', 'Xã Ninh Quới', 'Xã Ninh Thạnh Lợi', 'Xã Vĩnh Lộc']);
    expect(grid.parents).toEqual([{ code: '96', name: 'Tỉnh Cà Mau', level: 'province' }]);
    expect(grid.indicators.map((i) => i.code)).toEqual(COUNT_INDICATOR_CODES);
    const hongDan = gridRow(grid, '32104');
    expect(hongDan.values.BHXH_TN).toBe(850);
    expect(hongDan.previous.BHXH_TN).toBe(800);
    expect(hongDan.values.BHYT).toBeNull();
    expect(Object.keys(hongDan.values).sort()).toEqual([...COUNT_INDICATOR_CODES].sort());
    expect(gridRow(grid, '32101').values.BHXH_TN).toBeNull();
    expect(gridRow(grid, '32101').previous.BHXH_TN).toBeNull();
  });

  it('a month before the reform shows the old communes under the old district', async () => {
    const core = await reformCore();
    await setResult(core, '31006', 'BHXH_TN', '2024-09-25', 148);
    const grid = await call(core, 'results:grid', { month: '2024-09' });
    expect(grid.parentCode).toBe('95');
    expect(grid.rows).toHaveLength(9);
    expect(grid.parents.map((p) => p.code)).toEqual(['95', '956']);
    expect(gridRow(grid, '31006').values.BHXH_TN).toBe(148);
    const district = await call(core, 'results:grid', { month: '2024-09', parentCode: '956' });
    expect(district.rows).toHaveLength(9);
    const err = await callError(core, 'results:grid', { month: '2026-09', parentCode: '956' });
    expect(err.code).toBe('NOT_FOUND');
    expectVietnamese(err.message);
  });

  it('the as-of date is the 25th, the 31st in December, today in the current month; future months are refused', async () => {
    const core = await reformCore();
    expect((await call(core, 'results:grid', { month: '2026-10' })).asOf).toBe('2026-10-25');
    expect((await call(core, 'results:grid', { month: '2025-12' })).asOf).toBe('2025-12-31');
    expect((await call(core, 'results:grid', { month: '2026-11' })).asOf).toBe('2026-11-22');
    const err = await callError(core, 'results:grid', { month: '2026-12' });
    expect(err.code).toBe('VALIDATION');
    expectVietnamese(err.message);
    expect(err.message).toContain('12/2026');
    const bad = await callError(core, 'results:grid', { month: '2026-13' });
    expect(bad.code).toBe('VALIDATION');
  });
});

describe('results:saveGrid', () => {
  it('saves whole non-negative values at the month’s cut-off, with an audit entry', async () => {
    const core = await reformCore();
    const outcome = await call(core, 'results:saveGrid', {
      month: '2026-09',
      entries: [
        { unitCode: '32101', indicatorCode: 'BHXH_TN', value: 120 },
        { unitCode: '32101', indicatorCode: 'BHYT', value: 17_000 },
        { unitCode: '32104', indicatorCode: 'BHXH_TN', value: 0 },
      ],
    });
    expect(outcome).toEqual({ saved: 3, cleared: 0, issues: [], committed: true });
    expect(await storedRows(core, '32101', 'BHXH_TN')).toEqual([{ asOf: '2026-09-25', value: 120, note: null }]);
    const grid = await call(core, 'results:grid', { month: '2026-09' });
    expect(gridRow(grid, '32101').values).toMatchObject({ BHXH_TN: 120, BHYT: 17_000 });
    expect(gridRow(grid, '32104').values.BHXH_TN).toBe(0);
    const [entry] = (await call(core, 'audit:list', { limit: 1 })).items;
    expect(entry).toMatchObject({ action: 'results', entity: 'result', entityKey: '2026-09' });
    expect(entry!.summary).toContain('09/2026');
  });

  it('an explicit as-of date inside the month is used; one outside it is refused', async () => {
    const core = await reformCore();
    await call(core, 'results:saveGrid', { month: '2026-09', asOf: '2026-09-20', entries: [{ unitCode: '32101', indicatorCode: 'BHXH_TN', value: 120 }] });
    expect(await storedRows(core, '32101', 'BHXH_TN')).toEqual([{ asOf: '2026-09-20', value: 120, note: null }]);
    const err = await callError(core, 'results:saveGrid', { month: '2026-09', asOf: '2026-10-01', entries: [{ unitCode: '32101', indicatorCode: 'BHXH_TN', value: 120 }] });
    expect(err.code).toBe('VALIDATION');
    expectVietnamese(err.message);
  });

  it('refuses negative and non-whole values (blocking): nothing is written, not even the valid cells', async () => {
    const core = await reformCore();
    const before = (await hashDatabase(storeOf(core)));
    const outcome = await call(core, 'results:saveGrid', {
      month: '2026-09',
      entries: [
        { unitCode: '32101', indicatorCode: 'BHXH_TN', value: 120 },
        { unitCode: '32104', indicatorCode: 'BHXH_TN', value: -5 },
        { unitCode: '32107', indicatorCode: 'BHYT', value: 10.5 },
      ],
    });
    expect(outcome.committed).toBe(false);
    expect(outcome.saved).toBe(0);
    expect(outcome.issues.map((i) => [i.unitCode, i.indicatorCode, i.kind, i.blocking])).toEqual([
      ['32104', 'BHXH_TN', 'negative', true],
      ['32107', 'BHYT', 'notWhole', true],
    ]);
    for (const issue of outcome.issues) expectVietnamese(issue.message);
    expect(outcome.issues[0]!.message).toContain('Xã Hồng Dân');
    expect((await hashDatabase(storeOf(core)))).toBe(before);
  });

  it('a note does not get a blocking value through', async () => {
    const core = await reformCore();
    const before = (await hashDatabase(storeOf(core)));
    const outcome = await call(core, 'results:saveGrid', { month: '2026-09', entries: [{ unitCode: '32104', indicatorCode: 'BHXH_TN', value: -5, note: 'điều chỉnh giảm' }] });
    expect(outcome.committed).toBe(false);
    expect((await hashDatabase(storeOf(core)))).toBe(before);
  });

  it('a jump above the threshold needs a note: refused without one, saved with it and the note kept', async () => {
    const core = await reformCore();
    await setResult(core, '32104', 'BHXH_TN', '2026-08-25', 800);
    const before = (await hashDatabase(storeOf(core)));
    const first = await call(core, 'results:saveGrid', { month: '2026-09', entries: [{ unitCode: '32104', indicatorCode: 'BHXH_TN', value: 1000 }] });
    expect(first.committed).toBe(false);
    expect(first.saved).toBe(0);
    expect(first.issues).toHaveLength(1);
    expect(first.issues[0]).toMatchObject({ unitCode: '32104', indicatorCode: 'BHXH_TN', kind: 'jump', blocking: false });
    expectVietnamese(first.issues[0]!.message);
    expect(first.issues[0]!.message).toContain('25,0%');
    expect((await hashDatabase(storeOf(core)))).toBe(before);

    const second = await call(core, 'results:saveGrid', {
      month: '2026-09',
      entries: [{ unitCode: '32104', indicatorCode: 'BHXH_TN', value: 1000, note: 'Lễ ra quân tháng 9: 200 người đăng ký' }],
    });
    expect(second.committed).toBe(true);
    expect(second.saved).toBe(1);
    expect(second.issues.map((i) => i.kind)).toEqual(['jump']);
    const grid = await call(core, 'results:grid', { month: '2026-09' });
    expect(gridRow(grid, '32104').values.BHXH_TN).toBe(1000);
    expect(gridRow(grid, '32104').notes.BHXH_TN).toBe('Lễ ra quân tháng 9: 200 người đăng ký');
  });

  it('a drop counts as a jump too; a change within the threshold does not', async () => {
    const core = await reformCore();
    await setResult(core, '32104', 'BHXH_TN', '2026-08-25', 800);
    const drop = await call(core, 'results:saveGrid', { month: '2026-09', entries: [{ unitCode: '32104', indicatorCode: 'BHXH_TN', value: 600 }] });
    expect(drop.issues.map((i) => i.kind)).toEqual(['jump']);
    expect(drop.committed).toBe(false);
    const small = await call(core, 'results:saveGrid', { month: '2026-09', entries: [{ unitCode: '32104', indicatorCode: 'BHXH_TN', value: 960 }] });
    expect(small).toMatchObject({ committed: true, issues: [], saved: 1 });
  });

  it('settings:set changes the threshold the grid uses', async () => {
    const core = await reformCore();
    expect(await call(core, 'settings:get', {})).toEqual({ jumpThreshold: 0.2, inactiveMonths: 3 });
    await setResult(core, '32104', 'BHXH_TN', '2026-08-25', 800);
    expect(await call(core, 'settings:set', { jumpThreshold: 0.3 })).toEqual({ jumpThreshold: 0.3, inactiveMonths: 3 });
    expect(await call(core, 'settings:get', {})).toEqual({ jumpThreshold: 0.3, inactiveMonths: 3 });
    expect((await call(core, 'results:grid', { month: '2026-09' })).jumpThreshold).toBe(0.3);
    const within = await call(core, 'results:saveGrid', { month: '2026-09', entries: [{ unitCode: '32104', indicatorCode: 'BHXH_TN', value: 1000 }] });
    expect(within).toMatchObject({ committed: true, issues: [] });
    await call(core, 'settings:set', { jumpThreshold: 0.1 });
    const beyond = await call(core, 'results:saveGrid', { month: '2026-09', entries: [{ unitCode: '32104', indicatorCode: 'BHXH_TN', value: 900 }] });
    expect(beyond.issues.map((i) => i.kind)).toEqual(['jump']);
    expect(beyond.committed).toBe(false);
    const err = await callError(core, 'settings:set', { jumpThreshold: 0 });
    expect(err.code).toBe('VALIDATION');
    expectVietnamese(err.message);
  });

  it('BHYT hộ gia đình above BHYT is blocking, whether entered together or against the stored total', async () => {
    const core = await reformCore();
    const before = (await hashDatabase(storeOf(core)));
    const together = await call(core, 'results:saveGrid', {
      month: '2026-09',
      entries: [
        { unitCode: '32101', indicatorCode: 'BHYT', value: 100 },
        { unitCode: '32101', indicatorCode: 'BHYT_HGD', value: 120, note: 'có ghi chú vẫn không được' },
      ],
    });
    expect(together.committed).toBe(false);
    expect(together.issues.some((i) => i.kind === 'partAboveTotal' && i.blocking && i.indicatorCode === 'BHYT_HGD')).toBe(true);
    expect((await hashDatabase(storeOf(core)))).toBe(before);

    await call(core, 'results:saveGrid', { month: '2026-09', entries: [{ unitCode: '32101', indicatorCode: 'BHYT', value: 100 }] });
    const alone = await call(core, 'results:saveGrid', { month: '2026-09', entries: [{ unitCode: '32101', indicatorCode: 'BHYT_HGD', value: 101 }] });
    expect(alone.committed).toBe(false);
    expect(alone.issues).toHaveLength(1);
    expect(alone.issues[0]).toMatchObject({ kind: 'partAboveTotal', blocking: true });
    expectVietnamese(alone.issues[0]!.message);
    expect(await storedRows(core, '32101', 'BHYT_HGD')).toEqual([]);
    // Equal is fine.
    expect((await call(core, 'results:saveGrid', { month: '2026-09', entries: [{ unitCode: '32101', indicatorCode: 'BHYT_HGD', value: 100 }] })).committed).toBe(true);
  });

  it('BHYT above the population is flagged (a note lets it through), not blocking', async () => {
    const core = await reformCore();
    await setResult(core, '32101', 'POP', '2026-09-25', 1000);
    const flagged = await call(core, 'results:saveGrid', { month: '2026-09', entries: [{ unitCode: '32101', indicatorCode: 'BHYT', value: 1010 }] });
    expect(flagged.committed).toBe(false);
    expect(flagged.issues).toMatchObject([{ kind: 'partAboveTotal', blocking: false }]);
    const noted = await call(core, 'results:saveGrid', { month: '2026-09', entries: [{ unitCode: '32101', indicatorCode: 'BHYT', value: 1010, note: 'dân số chưa cập nhật' }] });
    expect(noted.committed).toBe(true);
  });

  it('a commune above the parent’s own figure is flagged', async () => {
    const core = await reformCore();
    await setResult(core, '96', 'BHXH_TN', '2026-09-25', 500);
    const outcome = await call(core, 'results:saveGrid', { month: '2026-09', entries: [{ unitCode: '32104', indicatorCode: 'BHXH_TN', value: 600 }] });
    expect(outcome.issues).toMatchObject([{ unitCode: '32104', kind: 'childAboveParent', blocking: false }]);
    expect(outcome.committed).toBe(false);
    expect((await call(core, 'results:grid', { month: '2026-09' })).parentValues.BHXH_TN).toBe(500);
  });

  it('clearing a value (null) deletes it: the commune is missing again', async () => {
    const core = await reformCore();
    await call(core, 'results:saveGrid', { month: '2026-09', entries: [{ unitCode: '32104', indicatorCode: 'BHXH_TN', value: 850 }] });
    const cleared = await call(core, 'results:saveGrid', { month: '2026-09', entries: [{ unitCode: '32104', indicatorCode: 'BHXH_TN', value: null }] });
    expect(cleared).toMatchObject({ saved: 0, cleared: 1, committed: true });
    expect(await storedRows(core, '32104', 'BHXH_TN')).toEqual([]);
    expect(gridRow(await call(core, 'results:grid', { month: '2026-09' }), '32104').values.BHXH_TN).toBeNull();
    const table = await call(core, 'results:compare', { period: { kind: 'month', year: 2026, index: 9 }, indicatorCode: 'BHXH_TN' });
    expect(table.rows.find((r) => r.code === '32104')).toMatchObject({ actual: null, missingUnits: 1 });
    expect(table.total).toMatchObject({ actual: null, missingUnits: 4 });
    // Clearing an empty cell is harmless.
    expect(await call(core, 'results:saveGrid', { month: '2026-09', entries: [{ unitCode: '32104', indicatorCode: 'BHXH_TN', value: null }] })).toMatchObject({ cleared: 0, committed: true });
  });

  it('clearing a cell leaves the month empty even when the month had figures on two dates', async () => {
    const core = await reformCore();
    await setResult(core, '32104', 'BHXH_TN', '2026-09-10', 700);
    await setResult(core, '32104', 'BHXH_TN', '2026-09-25', 850);
    expect(gridRow(await call(core, 'results:grid', { month: '2026-09' }), '32104').values.BHXH_TN).toBe(850);
    const outcome = await call(core, 'results:saveGrid', { month: '2026-09', entries: [{ unitCode: '32104', indicatorCode: 'BHXH_TN', value: null }] });
    // One cell was emptied (both of its dated figures go).
    expect(outcome).toMatchObject({ cleared: 1, committed: true });
    expect(await storedRows(core, '32104', 'BHXH_TN')).toEqual([]);
    // The user emptied the cell; an older figure of the same month must not reappear in it.
    expect(gridRow(await call(core, 'results:grid', { month: '2026-09' }), '32104').values.BHXH_TN).toBeNull();
  });

  it('refuses a future month, a unit not on the month’s tree and a rate indicator, in Vietnamese', async () => {
    const core = await reformCore();
    const before = (await hashDatabase(storeOf(core)));
    const future = await callError(core, 'results:saveGrid', { month: '2026-12', entries: [{ unitCode: '32104', indicatorCode: 'BHXH_TN', value: 1 }] });
    expect(future.code).toBe('VALIDATION');
    expectVietnamese(future.message);
    expect(future.message).toContain('chưa đến');
    const ended = await callError(core, 'results:saveGrid', { month: '2026-09', entries: [{ unitCode: '31009', indicatorCode: 'BHXH_TN', value: 1 }] });
    expect(ended.code).toBe('VALIDATION');
    expectVietnamese(ended.message);
    const rate = await callError(core, 'results:saveGrid', { month: '2026-09', entries: [{ unitCode: '32104', indicatorCode: 'COV_BHYT', value: 1 }] });
    expect(rate.code).toBe('VALIDATION');
    expectVietnamese(rate.message);
    const empty = await callError(core, 'results:saveGrid', { month: '2026-09', entries: [] });
    expect(empty.code).toBe('VALIDATION');
    expect((await hashDatabase(storeOf(core)))).toBe(before);
  });

  it('the current month is saved as of today', async () => {
    const core = await reformCore();
    await call(core, 'results:saveGrid', { month: '2026-11', entries: [{ unitCode: '32104', indicatorCode: 'BHXH_TN', value: 900 }] });
    expect(await storedRows(core, '32104', 'BHXH_TN')).toEqual([{ asOf: '2026-11-22', value: 900, note: null }]);
  });
});
