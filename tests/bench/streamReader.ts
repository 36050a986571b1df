// Figures for the streaming sheet reader on a province-sized person list, no assertions:
//   node_modules/.bin/node --import tsx tests/bench/streamReader.ts [rows]   (default 1,000,000)
// Prints the file size, the in-thread read (inflate wait vs scan), the worker read, raw inflate
// throughput, and SheetJS's full parse at 100,000 rows for scale.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { lastTimings, streamSheetRows, streamSheetRowsInWorker, type RowBatch } from '../../electron/core/excel/stream/index';
import { ZipReader } from '../../electron/core/excel/stream/zipEntries';
import { writePeopleXlsx } from './peopleFile';

const rows = Number(process.argv[2] ?? 1_000_000);
const MB = 1024 * 1024;
const fmt = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const mb = (bytes: number) => `${(bytes / MB).toFixed(0)} MB`;

/** Samples heap and RSS every 20 ms (and at the end): peaks of what a read costs. */
function peaks() {
  let heap = 0;
  let rss = 0;
  const sample = () => {
    const m = process.memoryUsage();
    heap = Math.max(heap, m.heapUsed);
    rss = Math.max(rss, m.rss);
  };
  const timer = setInterval(sample, 20);
  return {
    sample,
    stop() {
      clearInterval(timer);
      sample();
      return { heap, rss };
    },
  };
}

async function drain(batches: AsyncGenerator<RowBatch>, probe: { sample: () => void }): Promise<{ rows: number; cells: number }> {
  let count = 0;
  let cells = 0;
  for await (const batch of batches) {
    count += batch.rows.length;
    for (const row of batch.rows) cells += row.length;
    probe.sample();
  }
  return { rows: count, cells };
}

async function measure(label: string, read: () => AsyncGenerator<RowBatch>) {
  global.gc?.();
  const probe = peaks();
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  const result = await drain(read(), probe);
  const ms = performance.now() - start;
  const cpu = process.cpuUsage(cpuStart);
  const { heap, rss } = probe.stop();
  // CPU time (all threads of this process) says more than wall time on a busy machine.
  console.log(`${label}: ${fmt(ms)} wall, ${fmt((cpu.user + cpu.system) / 1000)} CPU, for ${result.rows.toLocaleString('en')} rows (${(result.rows / (ms / 1000) / 1000).toFixed(0)}k rows/s), heap peak ${mb(heap)}, RSS peak ${mb(rss)}`);
  return ms;
}

/** Inflate alone, streaming, no scanning: the floor of the read. */
async function rawInflate(path: string): Promise<void> {
  const zip = await ZipReader.open(path, 'bench.xlsx');
  for (const name of ['xl/sharedStrings.xml', 'xl/worksheets/sheet1.xml']) {
    const entry = zip.entry(name)!;
    const start = performance.now();
    let bytes = 0;
    for await (const chunk of zip.chunks(entry, { limit: 4 * 1024 * MB })) bytes += chunk.length;
    console.log(`  inflate only ${name}: ${mb(entry.compressedSize)} → ${mb(bytes)} in ${fmt(performance.now() - start)}`);
  }
}

async function sheetJs(path: string): Promise<void> {
  const XLSX = await import('xlsx');
  global.gc?.();
  const probe = peaks();
  const start = performance.now();
  const workbook = XLSX.read(readFileSync(path), { type: 'buffer', dense: true, cellDates: true });
  const sheet = workbook.Sheets[workbook.SheetNames[0]!]!;
  const data = XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, raw: true });
  const ms = performance.now() - start;
  const { heap, rss } = probe.stop();
  console.log(`SheetJS full parse (for scale): ${fmt(ms)} for ${data.length.toLocaleString('en')} rows, heap peak ${mb(heap)}, RSS peak ${mb(rss)}`);
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'stream-bench-'));
  try {
    const path = join(dir, `people-${rows}.xlsx`);
    const start = performance.now();
    const { bytes } = await writePeopleXlsx(path, rows);
    console.log(`Load average at start: ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${cpus().length} cores`);
    console.log(`File: ${rows.toLocaleString('en')} rows × 11 columns, ${mb(bytes)} zipped (written in ${fmt(performance.now() - start)})`);
    const zip = await ZipReader.open(path, 'bench.xlsx');
    for (const name of ['xl/sharedStrings.xml', 'xl/worksheets/sheet1.xml']) console.log(`  ${name}: ${mb(zip.entry(name)!.uncompressedSize)} of XML`);

    await measure('streamSheetRows (in-thread)', () => streamSheetRows(path, 'bench.xlsx'));
    const t = lastTimings();
    if (t) console.log(`  waiting on inflate ${fmt(t.inflateMs)}, scanning ${fmt(t.scanMs)} (strings + sheet), ${t.cells.toLocaleString('en')} cells`);
    await measure('streamSheetRowsInWorker', () => streamSheetRowsInWorker(path, 'bench.xlsx'));
    const w = lastTimings();
    if (w) console.log(`  in the worker: waiting on inflate ${fmt(w.inflateMs)}, scanning ${fmt(w.scanMs)}`);
    await rawInflate(path);

    const small = Math.min(rows, 100_000);
    const smallPath = join(dir, `people-${small}.xlsx`);
    if (!existsSync(smallPath)) await writePeopleXlsx(smallPath, small);
    await measure(`streamSheetRows at ${small.toLocaleString('en')} rows`, () => streamSheetRows(smallPath, 'bench.xlsx'));
    await sheetJs(smallPath);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
