import { existsSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { AppError } from '../../../../shared/contract/result';
import { detectFormat, zipKind } from '../detectFormat';
import { cancelledError } from '../readInWorker';
import { checkBeforeParse } from '../readWorkbook';
import { csvRows, type CsvEncoding } from './csvStream';
import { invalidFile } from './errors';
import { legacyRows, readLegacy } from './otherFormats';
import type { RowBatch, SheetInfo, SheetStreamOptions, StreamTimings, StreamWorkerAck, StreamWorkerReply, StreamWorkerRequest, WorkerStreamOptions } from './types';
import { workbookParts, xlsxRows } from './xlsxStream';
import { fontNames } from './styles';
import { ENTRY_LIMITS, ZipReader } from './zipEntries';

export type { RowBatch, SheetInfo, SheetStreamOptions, StreamCell, StreamProgress, StreamTimings, WorkerStreamOptions, WorkerTransform } from './types';

/**
 * Heap ceiling of the streaming worker: strings live in Buffers (off-heap), batches are small. A
 * 16 MB young generation (not 64) read a million rows as fast and 43 MB lighter (peak 309 MB, not 352).
 */
export const STREAM_WORKER_LIMITS = { maxOldGenerationSizeMb: 512, maxYoungGenerationSizeMb: 16, stackSizeMb: 8 };

type Source = { kind: 'xlsx'; zip: ZipReader } | { kind: 'csv'; encoding: CsvEncoding } | { kind: 'legacy' };

/**
 * A text file that is not UTF-8: Excel's "CSV" on a Vietnamese Windows writes the ANSI code page,
 * Windows-1258 (letters with their tone as a combining mark). UTF-8 is checked on the first 4 KB.
 */
function textEncoding(head: Buffer): CsvEncoding {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return 'utf-8';
  } catch {
    return 'windows-1258';
  }
}

/** What the file is by its bytes (never its name), with the same refusals as readWorkbook's checks. */
async function sniff(path: string, fileName: string): Promise<Source> {
  const handle = await open(path, 'r');
  let head: Buffer;
  try {
    const buffer = Buffer.alloc(4096);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    head = buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
  if (head[0] === 0xff && head[1] === 0xfe) return { kind: 'csv', encoding: 'utf-16le' };
  const format = detectFormat(head);
  if (format !== 'zip') {
    // Empty, PDF, image, unknown binary, text named .xlsx: refused with readWorkbook's own words.
    checkBeforeParse(head, fileName);
    if (format === 'cfb') return { kind: 'legacy' };
    const text = head.toString('utf8').replace(/^\uFEFF/, '').trimStart();
    // An HTML table or SpreadsheetML 2003 saved as .xls: SheetJS reads those.
    return text.startsWith('<') ? { kind: 'legacy' } : { kind: 'csv', encoding: textEncoding(head) };
  }
  const zip = await ZipReader.open(path, fileName);
  const kind = zipKind(zip.names());
  if (kind) throw invalidFile(fileName)(`không phải bảng tính Excel: nội dung là ${kind}.`);
  if (zip.entry('xl/workbook.bin') || zip.entry('content.xml')) return { kind: 'legacy' };
  return { kind: 'xlsx', zip };
}

let timings: StreamTimings | null = null;

/** Timings of the last read that finished (in this thread, or the worker's own when read there). */
export function lastTimings(): StreamTimings | null {
  return timings;
}

/** Sheets of the workbook (xlsx: from workbook.xml; csv: one sheet named after the file). */
export async function listSheets(path: string, fileName: string): Promise<SheetInfo[]> {
  const source = await sniff(path, fileName);
  if (source.kind === 'xlsx') return (await workbookParts(source.zip)).sheets.map(({ name, index }) => ({ name, index }));
  if (source.kind === 'csv') return [{ name: fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, ''), index: 0 }];
  return (await readLegacy(path, fileName)).sheets.map((sheet, index) => ({ name: sheet.name, index }));
}

/** Whether the file is one SheetJS reads whole (.xls, .ods, .xlsb, HTML/XML tables), by its bytes. */
export async function isLegacyFormat(path: string, fileName: string): Promise<boolean> {
  return (await sniff(path, fileName)).kind === 'legacy';
}

/** Whether the file is CSV/TSV text (cells carry no types), by its bytes. */
export async function isPlainText(path: string, fileName: string): Promise<boolean> {
  return (await sniff(path, fileName)).kind === 'csv';
}

/** The font names of an .xlsx's styles (other formats: none), read without touching its sheets. */
export async function workbookFonts(path: string, fileName: string): Promise<string[]> {
  const source = await sniff(path, fileName);
  if (source.kind !== 'xlsx') return [];
  const { styles } = await workbookParts(source.zip);
  const entry = styles ? source.zip.entry(styles) : null;
  return entry ? fontNames((await source.zip.readAll(entry, { limit: ENTRY_LIMITS.small })).toString('utf8')) : [];
}

/** Rows of one sheet (default: first), in batches; aborting the signal stops it with AppError('CANCELLED'). Format by magic bytes, not by extension. */
export async function* streamSheetRows(path: string, fileName: string, options: SheetStreamOptions = {}): AsyncGenerator<RowBatch> {
  if (options.signal?.aborted) throw cancelledError(fileName);
  const source = await sniff(path, fileName);
  const done = (value: StreamTimings) => {
    timings = value;
  };
  if (source.kind === 'xlsx') yield* xlsxRows(source.zip, options, done);
  else if (source.kind === 'csv') yield* csvRows(path, fileName, source.encoding, options, done);
  else yield* legacyRows(path, fileName, options, done);
}

/**
 * Where the worker's code is: streamWorker.cjs beside the bundle (core-host.cjs) in the build,
 * the TypeScript source through tsx otherwise (vitest, scripts). Same rule as readInWorker.ts.
 */
export function streamWorkerEntry(): { file: string; execArgv: string[] } {
  const bundled = typeof __filename === 'string' && __filename.endsWith('.cjs') ? join(dirname(__filename), 'streamWorker.cjs') : null;
  if (bundled && existsSync(bundled)) return { file: bundled, execArgv: [] };
  return { file: join(dirname(fileURLToPath(import.meta.url)), 'streamWorker.ts'), execArgv: ['--import', 'tsx'] };
}

/**
 * The same rows, read in a worker thread (bounded heap) that posts batches back; each batch taken
 * is acknowledged, so at most a few are in flight. Cancel (or stopping early) terminates the worker.
 * Legacy formats already parse in their own worker (readWorkbookInWorker), so they are read as in-thread.
 */
export async function* streamSheetRowsInWorker(path: string, fileName: string, options: WorkerStreamOptions = {}): AsyncGenerator<RowBatch> {
  const { signal } = options;
  if (signal?.aborted) throw cancelledError(fileName);
  const source = await sniff(path, fileName);
  if (source.kind === 'legacy') {
    yield* streamSheetRows(path, fileName, options);
    return;
  }
  const { file, execArgv } = streamWorkerEntry();
  const request: StreamWorkerRequest = { path, fileName, sheet: options.sheet ?? null, batchRows: options.batchRows ?? 5000, transform: options.transform?.name ?? null };
  const worker = new Worker(file, { workerData: request, execArgv, resourceLimits: STREAM_WORKER_LIMITS, stdout: false, stderr: false });
  if (options.transform) options.transform.configure = (data) => worker.postMessage({ type: 'configure', data } satisfies StreamWorkerAck);
  const queue: StreamWorkerReply[] = [];
  let failure: AppError | null = null;
  let exited = false;
  let wake: (() => void) | null = null;
  const notify = () => {
    const resume = wake;
    wake = null;
    resume?.();
  };
  worker.on('message', (message: StreamWorkerReply) => {
    queue.push(message);
    notify();
  });
  worker.on('error', (error: Error & { code?: string }) => {
    failure ??=
      error.code === 'ERR_WORKER_OUT_OF_MEMORY'
        ? new AppError('FILE_INVALID', `Tệp "${fileName}" cần quá nhiều bộ nhớ để đọc; không mở để bảo vệ máy.`, { file: fileName })
        : new AppError('INTERNAL', `Lỗi không mong đợi khi đọc tệp "${fileName}": việc đọc dừng giữa chừng. Hãy mở tệp bằng Excel, lưu lại dạng .xlsx rồi chọn lại; nếu vẫn lỗi, hãy gửi tệp cho bộ phận hỗ trợ.`, { file: fileName, reason: error.message });
    notify();
  });
  worker.on('exit', (code) => {
    exited = true;
    failure ??= new AppError('INTERNAL', `Tiến trình đọc tệp "${fileName}" dừng bất thường (mã ${code}).`, { file: fileName });
    notify();
  });
  const onAbort = () => {
    failure = cancelledError(fileName);
    void worker.terminate();
    notify();
  };
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    for (;;) {
      const message = queue.shift();
      if (!message) {
        if (failure) throw failure;
        if (exited) throw new AppError('INTERNAL', `Tiến trình đọc tệp "${fileName}" dừng bất thường.`, { file: fileName });
        await new Promise<void>((resolve) => (wake = resolve));
        continue;
      }
      if (signal?.aborted) throw cancelledError(fileName);
      if (message.type === 'progress') options.onProgress?.(message.progress);
      else if (message.type === 'error') throw new AppError(message.error.code, message.error.message, message.error.details);
      else if (message.type === 'done') {
        timings = message.timings;
        return;
      } else {
        yield message.batch;
        worker.postMessage({ type: 'ack' } satisfies StreamWorkerAck);
      }
    }
  } finally {
    signal?.removeEventListener('abort', onAbort);
    if (options.transform) options.transform.configure = null;
    void worker.terminate();
  }
}
