import { describe, expect, it } from 'vitest';
import type { AppCore } from '../../electron/core/app/appCore';
import { ResultRepository } from '../../electron/core/results/repository';
import { UnitRepository } from '../../electron/core/units/repository';
import { call, openTestCore, reformCore, setResult, storeOf, TEST_ENGINE } from '../helpers/core';

/** Statements one request sends, read from the store's counter. */
async function statements(core: AppCore, run: () => Promise<unknown>): Promise<number> {
  const store = storeOf(core);
  const before = store.queryCount;
  await run();
  return store.queryCount - before;
}

async function demo(): Promise<AppCore> {
  const core = await openTestCore();
  await call(core, 'demo:load', {});
  return core;
}

const OCT = { kind: 'month' as const, year: 2026, index: 10 };

/**
 * A screen asks the database a constant number of times, whatever the number of units: the
 * same requests on the 13-commune Hồng Dân tree and the 56-commune demo province send the
 * same number of statements (a query per unit would differ by dozens).
 */
describe(`requests are not chatty (${TEST_ENGINE})`, () => {
  it('dashboard:get, cold and then for another period', async () => {
    const small = await reformCore();
    await setResult(small, '32104', 'BHXH_TN', '2026-10-25', 900);
    const big = await demo();
    const cold = async (core: AppCore) => statements(core, () => call(core, 'dashboard:get', { period: OCT }));
    const [a, b] = [await cold(small), await cold(big)];
    expect(a).toBe(b);
    expect(a).toBeLessThanOrEqual(8);
    const next = async (core: AppCore) => statements(core, () => call(core, 'dashboard:get', { period: { kind: 'month', year: 2025, index: 3 } }));
    expect(await next(small)).toBe(await next(big));
  });

  it('results:grid and a grid save', async () => {
    const small = await reformCore();
    const big = await demo();
    const grid = async (core: AppCore, parentCode: string) => statements(core, () => call(core, 'results:grid', { month: '2026-10', parentCode }));
    expect(await grid(small, '96')).toBe(await grid(big, '99'));
    const save = async (core: AppCore, codes: string[]) =>
      statements(core, () => call(core, 'results:saveGrid', { month: '2026-10', entries: codes.map((unitCode, i) => ({ unitCode, indicatorCode: 'BHYT_HGD', value: 100 + i, note: 'số kiểm thử' })) }));
    const bigCodes = (await call(big, 'results:grid', { month: '2026-10', parentCode: '99' })).rows.map((r) => r.code);
    const smallCodes = (await call(small, 'results:grid', { month: '2026-10', parentCode: '96' })).rows.map((r) => r.code);
    expect(bigCodes.length).toBeGreaterThan(smallCodes.length * 3);
    const [s1, s2] = [await save(small, smallCodes), await save(big, bigCodes)];
    expect(s1).toBe(s2);
    // The save went through (not stopped by a check): it wrote, in one transaction.
    expect((await call(big, 'results:grid', { month: '2026-10', parentCode: '99' })).rows[0]!.values.BHYT_HGD).toBe(100);
  });

  it('reports:build', async () => {
    const small = await reformCore();
    const big = await demo();
    const build = async (core: AppCore) => {
      const definition = await call(core, 'reports:defaults', { period: '2026-10' });
      return statements(core, () => call(core, 'reports:build', { definition }));
    };
    expect(await build(small)).toBe(await build(big));
  });

  it('a grid of 450 communes (read as a whole month range) shows each commune its own figures', async () => {
    const core = await openTestCore();
    const store = storeOf(core);
    const now = '2026-10-01T00:00:00.000Z';
    await store.transaction(async () => {
      const units = new UnitRepository(store);
      const [province] = await units.insertMany([{ code: '97', name: 'Tỉnh Thử Lớn', nameKey: 'thu lon', level: 'province', kind: 'Tỉnh', parentId: null, validFrom: null, validTo: null }], now);
      const ids = await units.insertMany(Array.from({ length: 450 }, (_, c) => ({ code: String(97000 + c), name: `Xã Thử ${c}`, nameKey: `thu ${c}`, level: 'commune' as const, kind: 'Xã', parentId: province!, validFrom: null, validTo: null })), now);
      await new ResultRepository(store).bulkLoad(ids.flatMap((unitId, c) => [
        { unitId, indicatorCode: 'BHXH_TN', asOf: '2026-09-25', value: 1000 + c },
        { unitId, indicatorCode: 'BHXH_TN', asOf: '2026-10-25', value: 2000 + c },
      ]), now);
    });
    const before = store.queryCount;
    const grid = await call(core, 'results:grid', { month: '2026-10', parentCode: '97' });
    expect(store.queryCount - before).toBeLessThanOrEqual(8);
    expect(grid.rows).toHaveLength(450);
    for (const row of grid.rows) {
      const c = Number(row.code) - 97000;
      expect(row.values.BHXH_TN).toBe(2000 + c);
      expect(row.previous.BHXH_TN).toBe(1000 + c);
    }
  });
});
