import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { BIG_LOAD_ROWS } from '../../electron/core/db/batching';
import { revisions } from '../../electron/core/db/revisions';
import type { Store } from '../../electron/core/db/store';
import { ResultRepository, type ResultRow } from '../../electron/core/results/repository';
import { UnitRepository } from '../../electron/core/units/repository';
import { COUNT_INDICATOR_CODES } from '../../shared/domain/indicators';
import { call, openTestCore, storeOf, TEST_ENGINE } from '../helpers/core';

/** The results table's indexes, triggers (SQLite) and constraints (PostgreSQL), as the engine describes them. */
async function schemaOfResults(store: Store): Promise<string[]> {
  const query =
    TEST_ENGINE === 'postgres'
      ? sql<{ d: string }>`SELECT d FROM (SELECT indexdef AS d FROM pg_indexes WHERE schemaname = current_schema() AND tablename = 'results'
          UNION ALL SELECT conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = to_regclass('results')) s ORDER BY d`
      : sql<{ d: string }>`SELECT type || ' ' || name || ' ' || coalesce(sql, '') AS d FROM sqlite_master WHERE tbl_name = 'results' AND type IN ('index', 'trigger') ORDER BY name`;
  return (await query.execute(store.db)).rows.map((r) => r.d);
}

const NOW = '2026-10-01T00:00:00.000Z';

async function units(store: Store, n: number): Promise<number[]> {
  const repo = new UnitRepository(store);
  const [province] = await repo.insertMany([{ code: '97', name: 'Tỉnh Nạp Lớn', nameKey: 'nap lon', level: 'province', kind: 'Tỉnh', parentId: null, validFrom: null, validTo: null }], NOW);
  return repo.insertMany(Array.from({ length: n }, (_, c) => ({ code: String(97000 + c), name: `Xã Nạp ${c}`, nameKey: `nap ${c}`, level: 'commune' as const, kind: 'Xã', parentId: province!, validFrom: null, validTo: null })), NOW);
}

function monthsOf(ids: number[], months: number): ResultRow[] {
  const rows: ResultRow[] = [];
  for (const [c, unitId] of ids.entries()) {
    for (let m = 0; m < months; m++) {
      const asOf = `${2020 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}-25`;
      for (const code of COUNT_INDICATOR_CODES) rows.push({ unitId, indicatorCode: code, asOf, value: c + m });
    }
  }
  return rows;
}

describe(`a bulk load as big as the table (${TEST_ENGINE})`, () => {
  it('builds the indexes again after it: same schema, every row readable through them, the counter moved once', async () => {
    const core = await openTestCore();
    const store = storeOf(core);
    const before = await schemaOfResults(store);
    expect(before.length).toBeGreaterThan(0);
    const ids = await units(store, 110);
    const rows = monthsOf(ids, 60);
    expect(rows.length).toBeGreaterThanOrEqual(BIG_LOAD_ROWS);
    const rev = (await revisions(store)).results;
    await new ResultRepository(store).bulkLoad(rows, NOW);
    expect(await schemaOfResults(store)).toEqual(before);
    expect((await revisions(store)).results).toBe(rev + 1);
    const grid = await call(core, 'results:grid', { month: '2024-12', parentCode: '97' });
    expect(grid.rows).toHaveLength(110);
    for (const row of grid.rows) expect(row.values.BHXH_TN).toBe(Number(row.code) - 97000 + 59);
    // Row-by-row writes still move the counter: the insert trigger is back.
    await call(core, 'results:set', { unitCode: '97000', indicatorCode: 'BHXH_TN', asOf: '2026-10-25', value: 5 });
    expect((await revisions(store)).results).toBeGreaterThan(rev + 1);
  });

  it('a load that fails half way leaves the table and its indexes as they were', async () => {
    const core = await openTestCore();
    const store = storeOf(core);
    const before = await schemaOfResults(store);
    const ids = await units(store, 110);
    const rows = monthsOf(ids, 60);
    rows[rows.length - 10] = { ...rows[rows.length - 10]!, unitId: 999_999 }; // no such unit
    await expect(new ResultRepository(store).bulkLoad(rows, NOW)).rejects.toThrow();
    expect(await schemaOfResults(store)).toEqual(before);
    const count = await store.db.selectFrom('results').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });
});
