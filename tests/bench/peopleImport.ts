// A province's person list imported end to end (preview + commit through core.dispatch), beside
// the floor each engine's own bulk loader sets on the same rows (sqlite3 `.import`, psql `\copy`):
//   node_modules/.bin/node --import tsx tests/bench/peopleImport.ts [rows]   (default 1,000,000)
// Prints where the time goes (read = inflate + scan, validate, stage incl. duplicate checks,
// commit) and the peak RSS of the process (the reader's worker included).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { openAppCore, type AppCore } from '../../electron/core/app/appCore';
import type { PersonImportOutcome, PersonImportPreview } from '../../shared/contract';
import { seedGeneratedCommunes } from '../helpers/peopleFiles';
import { createTestDatabase, startPgCluster } from '../helpers/pgCluster';
import { person, personCells, writePeopleCsv, writePeopleXlsx } from './peopleFile';

const MB = 1024 * 1024;
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const FLOOR_COLUMNS = ['stt', 'full_name', 'birth_date', 'sex', 'cccd', 'bhxh_code', 'phone', 'commune', 'hamlet', 'bhyt_card', 'payment_mode'];

export interface EngineFigures {
  engine: 'sqlite' | 'postgres';
  totalMs: number;
  previewMs: number;
  commitMs: number;
  readMs: number;
  validateMs: number;
  stageMs: number;
  duplicatesMs: number;
  inflateMs: number;
  scanMs: number;
  backupMs: number;
  insertMs: number;
  indexMs: number;
  /** After the commit answered: SQLite's log folded into the database file by the checkpointer thread (0 on PostgreSQL). */
  checkpointAfterMs: number;
  floorMs: number;
  peakRssMb: number;
  /** RSS of the process with the core open, before the import. */
  baseRssMb: number;
  imported: number;
}

/** Peak RSS sampled every 50 ms while `fn` runs. */
async function withPeak<T>(fn: () => Promise<T>): Promise<{ value: T; peakRssMb: number }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  try {
    const value = await fn();
    return { value, peakRssMb: Math.round(Math.max(peak, process.memoryUsage().rss) / MB) };
  } finally {
    clearInterval(timer);
  }
}

async function importThrough(core: AppCore, xlsx: string): Promise<{ preview: PersonImportPreview; outcome: PersonImportOutcome; previewMs: number; commitMs: number; checkpointAfterMs: number }> {
  const file = core.files.registerPath(xlsx);
  const t0 = performance.now();
  const p = await core.dispatch('people:previewImport', { file, listName: 'Danh sách tỉnh' });
  if (!p.ok) throw new Error(`preview failed: ${p.error.message}`);
  const preview = p.value as PersonImportPreview;
  const t1 = performance.now();
  const c = await core.dispatch('people:commitImport', { batchId: preview.batchId });
  if (!c.ok) throw new Error(`commit failed: ${c.error.message}`);
  const t2 = performance.now();
  await core.store()?.checkpointsSettled();
  return { preview, outcome: c.value as PersonImportOutcome, previewMs: t1 - t0, commitMs: t2 - t1, checkpointAfterMs: performance.now() - t2 };
}

function timed(fn: () => void): number {
  const t = performance.now();
  fn();
  return performance.now() - t;
}

function report(f: EngineFigures, rows: number): void {
  const ratio = f.totalMs / f.floorMs;
  console.log(`\n[${f.engine}] ${rows.toLocaleString('vi-VN')} rows imported (${f.imported.toLocaleString('vi-VN')} people)`);
  console.log(`  end to end            ${s(f.totalMs).padStart(10)}   (preview ${s(f.previewMs)}, commit ${s(f.commitMs)})`);
  console.log(`    read, waiting       ${s(f.readMs).padStart(10)}   (main thread waiting on the reader's worker)`);
  console.log(`      in the worker:    inflate ${s(f.inflateMs)}, scan ${s(f.scanMs)}, validate ${s(f.validateMs)} (beside the main thread)`);
  console.log(`    stage + duplicates  ${s(f.stageMs).padStart(10)}   (insert into the stage; of which duplicate checks ${s(f.duplicatesMs)})`);
  console.log(`    commit              ${s(f.commitMs).padStart(10)}   (waiting for the backup copied beside it ${s(f.backupMs)}, insert ${s(f.insertMs)}, index build ${s(f.indexMs)}, the rest: transaction end, audit)`);
  if (f.engine === 'sqlite') console.log(`    then, off the core's thread: the log folded into the database file in ${s(f.checkpointAfterMs)} (counted in the peak memory, not the end to end)`);
  console.log(`  floor (${f.engine === 'sqlite' ? 'sqlite3 .import' : 'psql \\copy'})  ${s(f.floorMs).padStart(10)}   → ${ratio.toFixed(1)}× the floor (aim ≤ 3×, minimum ≤ 5×)`);
  console.log(`  peak RSS              ${`${f.peakRssMb} MB`.padStart(10)}   (minimum ≤ 600 MB; ${f.baseRssMb} MB with the core open before the import)`);
}

async function benchEngine(engine: 'sqlite' | 'postgres', dir: string, xlsx: string, csv: string, communes: string[], adminUrl: string | null): Promise<EngineFigures> {
  const databaseUrl = engine === 'postgres' ? (await createTestDatabase(adminUrl!, { prefix: 'bench_people', template: null })).url : null;
  const core = await openAppCore({ dataDir: join(dir, engine), mode: 'cli', skipDailyBackup: true, now: () => new Date('2026-11-22T10:00:00'), actor: 'bench', databaseUrl });
  try {
    await seedGeneratedCommunes(core, communes);
    const baseRssMb = Math.round(process.memoryUsage().rss / MB);
    const { value, peakRssMb } = await withPeak(() => importThrough(core, xlsx));
    const { preview, outcome, previewMs, commitMs, checkpointAfterMs } = value;
    let floorMs: number;
    const create = `CREATE TABLE people_floor (${FLOOR_COLUMNS.map((c) => `${c} TEXT`).join(', ')});`;
    if (engine === 'sqlite') {
      const db = join(dir, 'floor.sqlite');
      floorMs = timed(() => {
        const r = spawnSync('sqlite3', [db], { input: `${create}\n.mode csv\n.import --skip 1 ${csv} people_floor\n`, encoding: 'utf8' });
        if (r.status !== 0) throw new Error(`sqlite3: ${r.stderr}`);
      });
    } else {
      const r0 = spawnSync('psql', [databaseUrl!, '-q', '-c', create], { encoding: 'utf8' });
      if (r0.status !== 0) throw new Error(`psql: ${r0.stderr}`);
      floorMs = timed(() => {
        const r = spawnSync('psql', [databaseUrl!, '-q', '-c', `\\copy people_floor FROM '${csv}' WITH (FORMAT csv, HEADER)`], { encoding: 'utf8' });
        if (r.status !== 0) throw new Error(`psql: ${r.stderr}`);
      });
    }
    return {
      engine, totalMs: previewMs + commitMs, previewMs, commitMs, readMs: preview.timings.readMs, validateMs: preview.timings.validateMs,
      stageMs: preview.timings.stageMs, duplicatesMs: preview.timings.duplicatesMs ?? 0, inflateMs: preview.timings.inflateMs ?? 0, scanMs: preview.timings.scanMs ?? 0,
      backupMs: outcome.timings.backupMs ?? 0, insertMs: outcome.timings.insertMs ?? 0, indexMs: outcome.timings.indexMs ?? 0, checkpointAfterMs, floorMs, peakRssMb, baseRssMb, imported: outcome.imported,
    };
  } finally {
    await core.close();
  }
}

/**
 * One engine's run in a fresh process (so the peak RSS is the import's, not the generator's):
 * this script (also when run.ts imported it) with `--engine-run`, its figures back as a JSON line.
 */
function runInChild(engine: 'sqlite' | 'postgres', dir: string, xlsx: string, csv: string, adminUrl: string | null): EngineFigures {
  const r = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--engine-run', JSON.stringify({ engine, dir, xlsx, csv, adminUrl })], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * MB,
  });
  if (r.status !== 0) throw new Error(`${engine} run failed (exit ${r.status}): ${r.stdout}`);
  const line = r.stdout.trim().split('\n').pop()!;
  return JSON.parse(line) as EngineFigures;
}

/** Writes the list (xlsx + csv) once, then imports it on SQLite and on a throwaway PostgreSQL cluster. */
export async function benchPeopleImport(rows = 1_000_000, engines: ('sqlite' | 'postgres')[] = ['sqlite', 'postgres']): Promise<EngineFigures[]> {
  const dir = mkdtempSync(join(tmpdir(), 'bhxh-bench-people-'));
  try {
    const xlsx = join(dir, 'danh-sach.xlsx');
    const csv = join(dir, 'danh-sach.csv');
    const tw = performance.now();
    await writePeopleXlsx(xlsx, rows);
    await writePeopleCsv(csv, rows);
    console.log(`${rows.toLocaleString('vi-VN')} rows: xlsx ${(statSync(xlsx).size / MB).toFixed(0)} MB, csv ${(statSync(csv).size / MB).toFixed(0)} MB, written in ${s(performance.now() - tw)}; ${cpus().length} cores, load ${loadavg()[0]!.toFixed(1)}`);
    const out: EngineFigures[] = [];
    if (engines.includes('sqlite')) {
      const f = runInChild('sqlite', dir, xlsx, csv, null);
      report(f, rows);
      out.push(f);
    }
    if (engines.includes('postgres')) {
      const pg = await startPgCluster();
      try {
        const f = runInChild('postgres', dir, xlsx, csv, pg.adminUrl);
        report(f, rows);
        out.push(f);
      } finally {
        pg.stop();
      }
    }
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const COMMUNES = () => [...new Set(Array.from({ length: 20_000 }, (_, i) => personCells(person(i))[7] as string))];

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href && process.argv[2] === '--engine-run') {
  const job = JSON.parse(process.argv[3]!) as { engine: 'sqlite' | 'postgres'; dir: string; xlsx: string; csv: string; adminUrl: string | null };
  const figures = await benchEngine(job.engine, job.dir, job.xlsx, job.csv, COMMUNES(), job.adminUrl);
  console.log(JSON.stringify(figures));
} else if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const rows = Number(process.argv[2] ?? 1_000_000);
  const engines = (process.argv[3]?.split(',') as ('sqlite' | 'postgres')[] | undefined) ?? ['sqlite', 'postgres'];
  await benchPeopleImport(rows, engines);
}
