// Dashboard speed on a province of 1,000 communes × 8 count indicators × 10 years of monthly
// results (960,000 rows; the catalogue's rate indicators are derived from them).
import { join } from 'node:path';
import { openAppCore } from '../../electron/core/app/appCore';
import { COUNT_INDICATOR_CODES } from '../../shared/domain/indicators';

export async function benchDashboard(dir: string, log: (label: string, ms: number) => void): Promise<void> {
  const core = await openAppCore({ dataDir: join(dir, 'dashboard'), mode: 'cli', skipDailyBackup: true, now: () => new Date('2026-11-22T10:00:00') });
  const db = core.database()!;
  const start = performance.now();
  db.transaction(() => {
    const now = new Date().toISOString();
    const unit = db.prepare(`INSERT INTO units (code, name, name_key, level, kind, parent_id, valid_from, valid_to, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, NULL, NULL, ?, ?)`);
    const province = Number(unit.run('98', 'Tỉnh Đo Tốc Độ', 'do toc do', 'province', 'Tỉnh', null, now, now).lastInsertRowid);
    const result = db.prepare('INSERT INTO results (unit_id, indicator_code, as_of, value) VALUES (?, ?, ?, ?)');
    const target = db.prepare(`INSERT INTO targets (unit_id, indicator_code, year, value, source) VALUES (?, ?, ?, ?, 'BHXH_TINH')`);
    for (let c = 0; c < 1000; c++) {
      const id = Number(unit.run(String(90000 + c), `Xã Thử ${c}`, `thu ${c}`, 'commune', 'Xã', province, now, now).lastInsertRowid);
      for (let year = 2017; year <= 2026; year++) {
        for (const [k, code] of COUNT_INDICATOR_CODES.entries()) target.run(id, code, year, 1000 + k * 100 + (year - 2017) * 50);
        for (let month = 1; month <= (year === 2026 ? 10 : 12); month++) {
          const asOf = `${year}-${String(month).padStart(2, '0')}-25`;
          for (const [k, code] of COUNT_INDICATOR_CODES.entries()) result.run(id, code, asOf, 800 + k * 100 + (year - 2017) * 40 + month + (c % 17));
        }
      }
    }
  })();
  log(`seed 1.000 communes × ${COUNT_INDICATOR_CODES.length} indicators × 10 years (rows: ${(db.prepare('SELECT COUNT(*) n FROM results').get() as { n: number }).n.toLocaleString('vi-VN')})`, performance.now() - start);

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
    const t = performance.now();
    const res = await core.dispatch('dashboard:get', { period, indicatorCode: 'BHXH_TN' });
    if (!res.ok) throw new Error(res.error.message);
    const ms = performance.now() - t;
    times.push(ms);
    log(`dashboard:get ${period.kind} ${period.index}/${period.year}`, ms);
  }
  const sorted = [...times].sort((a, b) => a - b);
  log('dashboard:get per period change, median', sorted[Math.floor(sorted.length / 2)]!);
  log('dashboard:get per period change, worst (cold months)', sorted.at(-1)!);
  core.close();
}
