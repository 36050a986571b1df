// `npm run bench`: figures for the record, never assertions. Sizes mirror the real national lists.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as XLSX from 'xlsx';
import { openAppCore } from '../../electron/core/app/appCore';
import { benchDashboard } from './dashboard';
import { benchImports } from './imports';
import { benchReports } from './reports';

async function time<T>(label: string, fn: () => Promise<T> | T): Promise<T> {
  const start = performance.now();
  const value = await fn();
  console.log(`${label.padEnd(58)} ${(performance.now() - start).toFixed(1).padStart(9)} ms`);
  return value;
}

/** A pre-2025 national-sized list: 63 provinces × 11 districts × 15 communes ≈ 10,400 communes. */
function writeNationalList(path: string): number {
  const rows: unknown[][] = [['Mã tỉnh', 'Tên tỉnh', 'Mã huyện', 'Tên huyện', 'Mã xã', 'Tên xã', 'Cấp']];
  let district = 100;
  let commune = 10000;
  for (let p = 1; p <= 63; p++) {
    for (let d = 0; d < 11; d++, district++) {
      for (let c = 0; c < 15; c++, commune++) {
        rows.push([String(p).padStart(2, '0'), `Tỉnh Thử Nghiệm ${p}`, String(district), `Huyện Số ${district}`, String(commune), `Xã Hòa Bình ${commune}`, 'Xã']);
      }
    }
  }
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), 'DanhMuc');
  writeFileSync(path, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }));
  return rows.length - 1;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bhxh-bench-'));
  try {
    const file = join(dir, 'national.xlsx');
    const communes = writeNationalList(file);
    console.log(`Unit list: ${communes.toLocaleString('vi-VN')} communes`);
    const core = await openAppCore({ dataDir: join(dir, 'data'), mode: 'cli', skipDailyBackup: true });
    const ref = core.files.registerPath(file);
    const preview = await time('units:previewImport (read + parse + plan)', () => core.dispatch('units:previewImport', { file: ref }));
    if (!preview.ok) throw new Error(preview.error.message);
    await time('units:commitImport (one transaction)', () => core.dispatch('units:commitImport', { planId: (preview.value as { planId: string }).planId }));
    const again = await time('units:previewImport again (all unchanged)', () => core.dispatch('units:previewImport', { file: core.files.registerPath(file) }));
    console.log(`  unchanged on re-import: ${(again.ok && (again.value as { unchanged: number }).unchanged) || 0}`);
    await time('units:list as of today (whole tree)', () => core.dispatch('units:list', { asOf: '2024-01-01' }));
    await time('units:list query "hoa binh 1234" (folded search)', () => core.dispatch('units:list', { query: 'hoa binh 1234', includeEnded: true }));
    await time('backups:create (online backup API)', () => core.dispatch('backups:create', {}));
    await time('demo:load (61 units, 3 years of monthly results)', () => core.dispatch('demo:load', {}));
    const rss = process.memoryUsage().rss / 1024 / 1024;
    console.log(`${'Peak RSS (approx., end of run)'.padEnd(58)} ${rss.toFixed(0).padStart(9)} MB`);
    core.close();
    console.log('\nDistrict report import (issue 4; targets: preview under 2 s, commit under 1 s)');
    await benchImports(dir, (label, ms) => console.log(`${label.padEnd(58)} ${ms.toFixed(1).padStart(9)} ms`));
    console.log('\nSteering-committee report (issue 5; target: a 10-page PDF under 3 s)');
    await benchReports(dir, (label, ms) => console.log(`${label.padEnd(58)} ${ms.toFixed(1).padStart(9)} ms`), (text) => console.log(text));
    console.log('\nDashboard (issue 3; target: under 100 ms per period change)');
    await benchDashboard(dir, (label, ms) => console.log(`${label.padEnd(58)} ${ms.toFixed(1).padStart(9)} ms`));
    const rssAfter = process.memoryUsage().rss / 1024 / 1024;
    console.log(`${'RSS after the dashboard bench'.padEnd(58)} ${rssAfter.toFixed(0).padStart(9)} MB`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
