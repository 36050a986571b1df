import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { cancelledError } from '../readInWorker';
import type { RowBatch, SheetStreamOptions, StreamCell, StreamTimings } from './types';

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;

/** Lines looked at to choose the delimiter: a title line above the header may have none. */
const DELIMITER_LINES = 20;

/**
 * The delimiter of a CSV/TSV: whichever of ; TAB , the busiest of its first lines has most of
 * (ties: ; then TAB), so a bare title line ("DANH SÁCH …") above the header does not decide it.
 */
export function detectDelimiter(head: string): number {
  const lines = head.split(/\r\n|\r|\n/, DELIMITER_LINES);
  const most = (c: string) => Math.max(0, ...lines.map((l) => l.split(c).length - 1));
  const candidates: [number, number][] = [
    [0x3b, most(';')],
    [0x09, most('\t')],
    [0x2c, most(',')],
  ];
  const best = candidates.reduce((a, b) => (b[1] > a[1] ? b : a));
  return best[1] > 0 ? best[0] : 0x2c;
}

/**
 * A CSV parser fed decoded text in pieces: quoted fields with "" inside and line breaks inside
 * quotes, CRLF or LF. Values stay strings (a CSV carries no types: "3.000" is for the import to
 * read the Vietnamese way); empty fields are null. Row numbers count records, as Excel shows them.
 */
export class CsvParser {
  rows = 0;
  cells = 0;
  private fields: StreamCell[] = [];
  private field = '';
  private inQuotes = false;
  private quotePending = false;
  private fieldQuoted = false;
  private skipLf = false;
  private record = 0;

  constructor(
    private readonly delimiter: number,
    private readonly sink: (rowNumber: number, cells: StreamCell[]) => void,
  ) {}

  feed(text: string): void {
    const delimiter = this.delimiter;
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (this.skipLf) {
        this.skipLf = false;
        if (c === LF) {
          start = i + 1;
          continue;
        }
      }
      if (this.inQuotes) {
        if (this.quotePending) {
          this.quotePending = false;
          if (c === QUOTE) {
            this.field += '"';
            start = i + 1;
            continue;
          }
          this.inQuotes = false;
        } else {
          if (c === QUOTE) {
            this.field += text.slice(start, i);
            this.quotePending = true;
            start = i + 1;
          }
          continue;
        }
      }
      if (c === delimiter) {
        this.endField(text.slice(start, i));
        start = i + 1;
      } else if (c === LF || c === CR) {
        this.endField(text.slice(start, i));
        this.endRecord();
        this.skipLf = c === CR;
        start = i + 1;
      } else if (c === QUOTE && !this.fieldQuoted && i === start && this.field === '') {
        this.inQuotes = true;
        this.fieldQuoted = true;
        start = i + 1;
      }
    }
    if (start < text.length) this.field += text.slice(start);
  }

  finish(): void {
    if (this.field !== '' || this.fields.length > 0 || this.fieldQuoted) {
      this.endField('');
      this.endRecord();
    }
  }

  private endField(tail: string): void {
    const value = this.field + tail;
    this.fields.push(value === '' ? null : value);
    this.field = '';
    this.fieldQuoted = false;
    this.inQuotes = false;
    this.quotePending = false;
  }

  private endRecord(): void {
    this.record++;
    const fields = this.fields;
    this.fields = [];
    let last = fields.length - 1;
    while (last >= 0 && fields[last] === null) last--;
    if (last < 0) return;
    fields.length = last + 1;
    for (const f of fields) if (f !== null) this.cells++;
    this.rows++;
    this.sink(this.record, fields);
  }
}

export type CsvEncoding = 'utf-8' | 'utf-16le' | 'windows-1258';

/** Where the last letter of a decoded piece begins (its combining marks may continue in the next piece). */
const TRAILING_LETTER = /\P{M}\p{M}*$/u;

/**
 * Rows of a CSV/TSV file (UTF-8 with or without BOM, UTF-16LE with its BOM, or Windows-1258, whose
 * decomposed letters are composed to NFC), in batches.
 */
export async function* csvRows(path: string, fileName: string, encoding: CsvEncoding, options: SheetStreamOptions, done: (timings: StreamTimings) => void): AsyncGenerator<RowBatch> {
  const totalBytes = (await stat(path)).size;
  const decoder = new TextDecoder(encoding);
  const batchRows = Math.max(1, options.batchRows ?? 5000);
  const ready: RowBatch[] = [];
  let batch: RowBatch = { rowNumbers: [], rows: [] };
  let parser: CsvParser | null = null;
  let head = '';
  let scanMs = 0;
  let lastProgress = 0;
  const sink = (rowNumber: number, cells: StreamCell[]) => {
    batch.rowNumbers.push(rowNumber);
    batch.rows.push(cells);
    if (batch.rows.length >= batchRows) {
      ready.push(batch);
      batch = { rowNumbers: [], rows: [] };
    }
  };
  // Windows-1258 writes "ệ" as "ê" + a combining dot: composed here, the last letter held back in case its mark is in the next piece.
  let carry = '';
  const compose = encoding === 'windows-1258';
  const feed = (decoded: string, final: boolean) => {
    const start = performance.now();
    let text = decoded;
    if (compose) {
      text = carry + decoded;
      const held = final ? -1 : text.search(TRAILING_LETTER);
      carry = held >= 0 ? text.slice(held) : '';
      text = (held >= 0 ? text.slice(0, held) : text).normalize('NFC');
    }
    if (!parser) {
      // The delimiter is chosen from the first lines, so text is held until they are in (or 64 KB).
      head += text;
      const lines = head.split(/\r\n|\r|\n/, DELIMITER_LINES + 1).length;
      if (lines <= DELIMITER_LINES && head.length < 65_536 && !final) return;
      parser = new CsvParser(detectDelimiter(head.slice(0, 65_536)), sink);
      text = head;
      head = '';
    }
    parser.feed(text);
    if (final) parser.finish();
    scanMs += performance.now() - start;
  };
  const source = createReadStream(path, { highWaterMark: 1024 * 1024 });
  let readBytes = 0;
  try {
    for await (const chunk of source as AsyncIterable<Buffer>) {
      if (options.signal?.aborted) throw cancelledError(fileName);
      readBytes += chunk.length;
      feed(decoder.decode(chunk, { stream: true }), false);
      const now = performance.now();
      if (options.onProgress && now - lastProgress >= 100) {
        lastProgress = now;
        options.onProgress({ stage: 'scan', readBytes, totalBytes });
      }
      while (ready.length) {
        if (options.signal?.aborted) throw cancelledError(fileName);
        yield ready.shift()!;
      }
    }
  } finally {
    source.destroy();
  }
  feed(decoder.decode(), true);
  options.onProgress?.({ stage: 'scan', readBytes, totalBytes });
  while (ready.length) {
    if (options.signal?.aborted) throw cancelledError(fileName);
    yield ready.shift()!;
  }
  if (batch.rows.length) yield batch;
  options.onSheetEnd?.({ merges: [] });
  const finished = parser as CsvParser | null;
  done({ inflateMs: 0, scanMs, rows: finished?.rows ?? 0, cells: finished?.cells ?? 0 });
}
