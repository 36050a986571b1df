// `npm run bench`: figures for the record, never assertions. Every bench runs on both engines
// (SQLite files, and a throwaway PostgreSQL cluster on loopback) and the figures are printed
// side by side. Sizes mirror the real national lists.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as XLSX from 'xlsx';
import { startPgCluster, type PgCluster } from '../helpers/pgCluster';
import { benchCampaigns } from './campaigns';
import { benchDashboard } from './dashboard';
import { BenchTable, type BenchEnv, type Engine } from './env';
import { benchImports } from './imports';
import { benchNetwork } from './network';
import { benchPeopleImport } from './peopleImport';
import { benchPeopleSearch } from './peopleSearch';
import { benchReports } from './reports';

async function time<T>(env: BenchEnv, label: string, fn: () => Promise<T> | T): Promise<T> {
  const start = performance.now();
  const value = await fn();
  env.log(label, performance.now() - start);
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

async function benchUnits(env: BenchEnv, file: string): Promise<void> {
  const core = await env.open('units');
  const preview = await time(env, 'units:previewImport (read + parse + plan)', () => core.dispatch('units:previewImport', { file: core.files.registerPath(file) }));
  if (!preview.ok) throw new Error(preview.error.message);
  await time(env, 'units:commitImport (one transaction)', () => core.dispatch('units:commitImport', { planId: (preview.value as { planId: string }).planId }));
  await time(env, 'units:previewImport again (all unchanged)', () => core.dispatch('units:previewImport', { file: core.files.registerPath(file) }));
  await time(env, 'units:list on a day (whole tree)', () => core.dispatch('units:list', { asOf: '2024-01-01' }));
  await time(env, 'units:search "hoa binh 1234" (folded, paged)', () => core.dispatch('units:search', { query: 'hoa binh 1234' }));
  if (env.engine === 'sqlite') await time(env, 'backups:create (online backup API)', () => core.dispatch('backups:create', {}));
  await time(env, 'demo:load (61 units, 3 years of monthly results)', () => core.dispatch('demo:load', {}));
  await core.close();
}

/**
 * `tsx tests/bench/run.ts [units] [imports] [reports] [dashboard] [network] [campaigns] [people] [people-import]`:
 * only the benches named; all when none is. The streaming reader alone: `tsx tests/bench/streamReader.ts [rows]`.
 */
const BENCHES = ['units', 'imports', 'reports', 'dashboard', 'network', 'campaigns', 'people', 'people-import'] as const;
const named = process.argv.slice(2).filter((a) => (BENCHES as readonly string[]).includes(a));
const runs = (name: (typeof BENCHES)[number]) => named.length === 0 || named.includes(name);

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bhxh-bench-'));
  const table = new BenchTable();
  let cluster: PgCluster | null = null;
  try {
    const file = join(dir, 'national.xlsx');
    if (runs('units')) console.log(`Unit list: ${writeNationalList(file).toLocaleString('vi-VN')} communes`);
    const adminUrl = process.env.BHXH_TEST_PG_URL ?? (cluster = await startPgCluster({ durable: true })).adminUrl;
    for (const engine of ['sqlite', 'postgres'] as Engine[]) {
      const env = table.env(engine, dir, adminUrl);
      if (runs('units')) {
        table.heading('Unit list (10.395 communes)');
        await benchUnits(env, file);
      }
      if (runs('imports')) {
        table.heading('District report import, 12 sheets × 200 communes (targets: preview 0,44 s, commit 0,2 s on SQLite)');
        await benchImports(env);
      }
      if (runs('reports')) {
        table.heading('Steering-committee report (target: warm 11-page PDF 1,2 s on SQLite)');
        await benchReports(env);
      }
      if (runs('dashboard')) {
        table.heading('Dashboard, 1.000 communes × 8 indicators × 10 years (target: median period change < 100 ms)');
        await benchDashboard(env);
      }
      if (runs('network')) {
        table.heading('Agent network, 2.000 agents × 10.000 points × 20.000 staff × 24 months (target: each request < 100 ms)');
        await benchNetwork(env);
      }
      if (runs('campaigns')) {
        table.heading('Outreach campaigns, 20.000 campaigns over 5 years on the demo province (screens: each request < 100 ms)');
        await benchCampaigns(env);
      }
      if (runs('people')) {
        table.heading('Person lists, 1.000.000 people (targets: search < 50 ms, assign 100.000 rows < 2 s)');
        await benchPeopleSearch(env);
      }
      env.count('RSS after this engine', Math.round(process.memoryUsage().rss / 1024 / 1024), 'MB');
    }
    table.print();
    if (runs('people-import')) {
      // Its own child process per engine, so the peak RSS printed is the import's alone.
      console.log('\nPerson list import, 1.000.000 rows × 11 columns (target: ≤ 5× the sqlite3 .import / psql \\copy floor, ≤ 600 MB)');
      await benchPeopleImport(1_000_000);
    }
  } finally {
    cluster?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
