import { posix } from 'node:path';
import { cancelledError } from '../readInWorker';
import { invalidFile } from './errors';
import { SharedStrings, SharedStringsBuilder } from './sharedStrings';
import { SheetScanner } from './sheetScanner';
import { DateStyles } from './styles';
import { attribute, unescapeXml } from './xmlText';
import { ENTRY_LIMITS, type ZipEntry, type ZipReader } from './zipEntries';
import type { RowBatch, SheetStreamOptions, StreamCell, StreamTimings } from './types';

export interface WorkbookParts {
  sheets: { name: string; index: number; part: string | null }[];
  date1904: boolean;
  styles: string | null;
  sharedStrings: string | null;
}

const REL_TYPE = /\/(worksheet|styles|sharedStrings|officeDocument)$/;

/** Resolves a relationship target against the part that owns it (absolute "/xl/…" or relative). */
function resolveTarget(base: string, target: string): string {
  const clean = decodeURIComponent(target.replace(/\\/g, '/'));
  return clean.startsWith('/') ? clean.slice(1) : posix.normalize(posix.join(posix.dirname(base), clean));
}

async function readText(zip: ZipReader, name: string): Promise<string | null> {
  const entry = zip.entry(name);
  if (!entry) return null;
  return (await zip.readAll(entry, { limit: ENTRY_LIMITS.small })).toString('utf8');
}

function relationships(xml: string | null, owner: string): Map<string, { type: string; target: string }> {
  const map = new Map<string, { type: string; target: string }>();
  for (const match of (xml ?? '').matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    const id = attribute(match[0], 'Id');
    const target = attribute(match[0], 'Target');
    if (id && target && attribute(match[0], 'TargetMode') !== 'External') map.set(id, { type: attribute(match[0], 'Type') ?? '', target: resolveTarget(owner, target) });
  }
  return map;
}

function relsPath(part: string): string {
  return posix.join(posix.dirname(part), '_rels', `${posix.basename(part)}.rels`);
}

/** Sheet names and order (workbook.xml), where each lives (its rels), the date system. */
export async function workbookParts(zip: ZipReader): Promise<WorkbookParts> {
  const root = relationships(await readText(zip, '_rels/.rels'), '');
  const office = [...root.values()].find((r) => r.type.endsWith('/officeDocument'))?.target ?? 'xl/workbook.xml';
  const workbook = await readText(zip, office);
  if (workbook === null) throw invalidFile(zip.fileName)('bị hỏng hoặc không phải bảng tính Excel hợp lệ (thiếu xl/workbook.xml).');
  const rels = relationships(await readText(zip, relsPath(office)), office);
  const byType = (type: string) => [...rels.values()].find((r) => REL_TYPE.exec(r.type)?.[1] === type)?.target ?? null;
  const workbookPr = /<(?:\w+:)?workbookPr\b[^>]*>/.exec(workbook)?.[0] ?? '';
  const date1904 = /^(1|true)$/i.test(attribute(workbookPr, 'date1904') ?? '');
  const sheets = [...workbook.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)].map((match, index) => {
    const id = /\s\w+:id\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(match[0]);
    const rel = id ? rels.get(unescapeXml(id[1] ?? id[2] ?? '')) : undefined;
    return { name: attribute(match[0], 'name') ?? `Sheet${index + 1}`, index, part: rel && /\/worksheet$/.test(rel.type) ? rel.target : null };
  });
  return {
    sheets,
    date1904,
    styles: byType('styles') ?? (zip.entry('xl/styles.xml') ? 'xl/styles.xml' : null),
    sharedStrings: byType('sharedStrings') ?? (zip.entry('xl/sharedStrings.xml') ? 'xl/sharedStrings.xml' : null),
  };
}

/** Time spent waiting on inflated bytes vs scanning them; the caller's time between batches is in neither. */
class Clock {
  inflateMs = 0;
  scanMs = 0;

  async next(chunks: AsyncGenerator<Buffer>): Promise<IteratorResult<Buffer>> {
    const start = performance.now();
    const result = await chunks.next();
    this.inflateMs += performance.now() - start;
    return result;
  }

  run(work: () => void): void {
    const start = performance.now();
    work();
    this.scanMs += performance.now() - start;
  }
}

async function loadSharedStrings(zip: ZipReader, entry: ZipEntry, options: SheetStreamOptions, clock: Clock): Promise<SharedStrings> {
  const builder = new SharedStringsBuilder();
  const chunks = zip.chunks(entry, { limit: ENTRY_LIMITS.sharedStrings, signal: options.signal, onRead: progress(options, 'inflate-strings') });
  try {
    for (let next = await clock.next(chunks); !next.done; next = await clock.next(chunks)) {
      if (options.signal?.aborted) throw cancelledError(zip.fileName);
      const chunk = next.value;
      clock.run(() => builder.feed(chunk));
    }
  } finally {
    await chunks.return(undefined);
  }
  if (options.signal?.aborted) throw cancelledError(zip.fileName);
  return builder.finish();
}

/** Progress at most every 100 ms: a 1M-row sheet has thousands of chunks. */
function progress(options: SheetStreamOptions, stage: 'inflate-strings' | 'scan') {
  let last = 0;
  return (readBytes: number, totalBytes: number) => {
    const now = performance.now();
    if (!options.onProgress || (now - last < 100 && readBytes < totalBytes)) return;
    last = now;
    options.onProgress({ stage, readBytes, totalBytes });
  };
}

export function pickSheet<T extends { name: string }>(sheets: T[], wanted: string | null | undefined, fileName: string): T {
  const sheet = wanted == null ? sheets[0] : (sheets.find((s) => s.name === wanted) ?? sheets.find((s) => s.name.trim().toLowerCase() === wanted.trim().toLowerCase()));
  if (sheet) return sheet;
  if (wanted == null) throw invalidFile(fileName)('không có trang tính nào.');
  throw invalidFile(fileName)(`không có trang tính "${wanted}". Các trang tính có: ${sheets.map((s) => `"${s.name}"`).join(', ')}.`, { sheet: wanted });
}

/** Rows of one worksheet of an .xlsx/.xlsm, batch by batch, with the strings and styles it needs. */
export async function* xlsxRows(zip: ZipReader, options: SheetStreamOptions, done: (timings: StreamTimings) => void): AsyncGenerator<RowBatch> {
  const fileName = zip.fileName;
  const parts = await workbookParts(zip);
  const sheet = pickSheet(parts.sheets, options.sheet, fileName);
  const clock = new Clock();
  const stylesXml = parts.styles ? await readText(zip, parts.styles) : null;
  const styles = stylesXml ? DateStyles.parse(stylesXml) : DateStyles.none();
  const stringsEntry = parts.sharedStrings ? zip.entry(parts.sharedStrings) : null;
  const strings = stringsEntry ? await loadSharedStrings(zip, stringsEntry, options, clock) : SharedStrings.empty();
  const sheetEntry = sheet.part ? zip.entry(sheet.part) : null;
  if (!sheetEntry) {
    // A chartsheet or a sheet whose part is missing: no rows to give.
    done({ inflateMs: clock.inflateMs, scanMs: clock.scanMs, rows: 0, cells: 0 });
    return;
  }
  const batchRows = Math.max(1, options.batchRows ?? 5000);
  const ready: RowBatch[] = [];
  let batch: RowBatch = { rowNumbers: [], rows: [] };
  const scanner = new SheetScanner(
    strings,
    styles,
    parts.date1904,
    (rowNumber: number, cells: StreamCell[]) => {
      batch.rowNumbers.push(rowNumber);
      batch.rows.push(cells);
      if (batch.rows.length >= batchRows) {
        ready.push(batch);
        batch = { rowNumbers: [], rows: [] };
      }
    },
    fileName,
    sheet.name,
  );
  const chunks = zip.chunks(sheetEntry, { limit: ENTRY_LIMITS.sheet, signal: options.signal, onRead: progress(options, 'scan') });
  try {
    for (let next = await clock.next(chunks); !next.done; next = await clock.next(chunks)) {
      if (options.signal?.aborted) throw cancelledError(fileName);
      const chunk = next.value;
      clock.run(() => scanner.feed(chunk));
      while (ready.length) {
        if (options.signal?.aborted) throw cancelledError(fileName);
        yield ready.shift()!;
      }
    }
  } finally {
    // The consumer may stop early (break, cancel): close the file and the inflater now.
    await chunks.return(undefined);
  }
  if (options.signal?.aborted) throw cancelledError(fileName);
  clock.run(() => scanner.finish());
  while (ready.length) {
    if (options.signal?.aborted) throw cancelledError(fileName);
    yield ready.shift()!;
  }
  if (batch.rows.length) yield batch;
  options.onSheetEnd?.({ merges: scanner.merges });
  done({ inflateMs: clock.inflateMs, scanMs: clock.scanMs, rows: scanner.rows, cells: scanner.cells });
}
