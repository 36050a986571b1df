// Dashboard speed on a province of 1,000 communes × 8 count indicators × 10 years of monthly
// results (944,000 rows; the catalogue's rate indicators are derived from them).
import { sql } from 'kysely';
import { ResultRepository, type ResultRow } from '../../electron/core/results/repository';
import { TargetRepository, type TargetRow } from '../../electron/core/targets/repository';
import { UnitRepository } from '../../electron/core/units/repository';
import { COUNT_INDICATOR_CODES } from '../../shared/domain/indicators';
import type { BenchEnv } from './env';

export async function benchDashboard(env: BenchEnv): Promise<void> {
  const core = await env.open('dashboard');
  const store = core.store()!;
  const now = new Date().toISOString();
  const start = performance.now();
  let rows = 0;
  // The engines' bulk paths: prepared rows on SQLite, COPY on PostgreSQL, in one transaction.
  await store.transaction(async () => {
    const units = new UnitRepository(store);
    const [province] = await units.insertMany([{ code: '98', name: 'Tỉnh Đo Tốc Độ', nameKey: 'do toc do', level: 'province', kind: 'Tỉnh', parentId: null, validFrom: null, validTo: null }], now);
    const ids = await units.insertMany(
      Array.from({ length: 1000 }, (_, c) => ({ code: String(90000 + c), name: `Xã Thử ${c}`, nameKey: `thu ${c}`, level: 'commune' as const, kind: 'Xã', parentId: province!, validFrom: null, validTo: null })),
      now,
    );
    const targets: TargetRow[] = [];
    const results = new ResultRepository(store);
    const batch: ResultRow[] = [];
    for (const [c, id] of ids.entries()) {
      for (let year = 2017; year <= 2026; year++) {
        for (const [k, code] of COUNT_INDICATOR_CODES.entries()) targets.push({ unitId: id, indicatorCode: code, year, value: 1000 + k * 100 + (year - 2017) * 50, isRate: false, source: 'BHXH_TINH', decisionNo: null, decisionDate: null });
        for (let month = 1; month <= (year === 2026 ? 10 : 12); month++) {
          const asOf = `${year}-${String(month).padStart(2, '0')}-25`;
          for (const [k, code] of COUNT_INDICATOR_CODES.entries()) batch.push({ unitId: id, indicatorCode: code, asOf, value: 800 + k * 100 + (year - 2017) * 40 + month + (c % 17) });
        }
      }
    }
    rows = batch.length;
    // One load, as a demo or a person list arrives: big enough for the engines to build the indexes after it.
    await results.bulkLoad(batch, now);
    await new TargetRepository(store).insertMany(targets, now);
  });
  env.log(`seed 1.000 communes × ${COUNT_INDICATOR_CODES.length} indicators × 10 years (${rows.toLocaleString('vi-VN')} rows, bulk)`, performance.now() - start);

  if (env.engine === 'postgres') {
    // What autovacuum does within a minute of a load this size: statistics, and the visibility map
    // that lets month reads be index-only scans. Timed apart from the seed.
    const t = performance.now();
    await sql`VACUUM (ANALYZE) results, targets`.execute(store.db);
    env.log('VACUUM (ANALYZE) after the load, as autovacuum would', performance.now() - t);
  }

  const periods = [
    { kind: 'month', year: 2026, index: 10 },
    { kind: 'month', year: 2026, index: 9 },
    { kind: 'quarter', year: 2025, index: 2 },
    { kind: 'year', year: 2024, index: 1 },
    { kind: 'month', year: 2021, index: 5 },
    { kind: 'month', year: 2026, index: 10 },
  ] as const;
  const times: number[] = [];
  for (const period of periods) {
    const before = store.queryCount;
    const t = performance.now();
    const res = await core.dispatch('dashboard:get', { period, indicatorCode: 'BHXH_TN' });
    if (!res.ok) throw new Error(res.error.message);
    const ms = performance.now() - t;
    times.push(ms);
    env.log(`dashboard:get ${period.kind} ${period.index}/${period.year}`, ms);
    env.count(`  statements for ${period.kind} ${period.index}/${period.year}`, store.queryCount - before, 'câu lệnh');
  }
  const sorted = [...times].sort((a, b) => a - b);
  env.log('dashboard:get per period change, median', sorted[Math.floor(sorted.length / 2)]!);
  env.log('dashboard:get per period change, worst (cold months)', sorted.at(-1)!);
  const gridBefore = store.queryCount;
  const t = performance.now();
  await core.dispatch('results:grid', { month: '2026-10', parentCode: '98' });
  env.log('results:grid 1.000 communes', performance.now() - t);
  env.count('  statements for the grid', store.queryCount - gridBefore, 'câu lệnh');
  await core.close();
}
