import { readFile, stat } from 'node:fs/promises';
import { AppError } from '../../../../shared/contract/result';
import { readWorkbookInWorker } from '../readInWorker';
import type { SheetGrid, WorkbookData } from '../readWorkbook';
import { pickSheet } from './xlsxStream';
import type { RowBatch, SheetStreamOptions, StreamCell, StreamTimings } from './types';

/**
 * .xls, .ods, .xlsb and HTML/XML tables go through SheetJS (readWorkbookInWorker), which holds the
 * whole workbook in memory: fine for the small files these formats come as, so bigger ones are
 * refused with the way out (save as .xlsx, which streams).
 */
export const LEGACY_MAX_BYTES = 30 * 1024 * 1024;

export async function readLegacy(path: string, fileName: string, signal?: AbortSignal): Promise<WorkbookData> {
  const { size } = await stat(path);
  if (size > LEGACY_MAX_BYTES) {
    throw new AppError(
      'FILE_TOO_LARGE',
      `Tệp "${fileName}" (${Math.round(size / 1024 / 1024)} MB) ở định dạng cũ (.xls/.ods/.xlsb) quá lớn để đọc (tối đa ${LEGACY_MAX_BYTES / 1024 / 1024} MB). Hãy mở tệp bằng Excel và lưu lại dạng Sổ làm việc Excel (.xlsx) rồi chọn lại.`,
      { file: fileName, bytes: size },
    );
  }
  return readWorkbookInWorker(await readFile(path), fileName, signal ? { signal } : {});
}

/** An ISO day from a SheetJS Date (local midnight, give or take a historical time-zone shift). */
function isoDay(date: Date): string {
  const noon = new Date(date.getTime() + 12 * 3_600_000);
  const y = noon.getFullYear();
  const m = noon.getMonth() + 1;
  const d = noon.getDate();
  return `${y}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

function toCell(value: unknown): StreamCell {
  if (value === null || value === undefined || value === '') return null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : isoDay(value);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string') return value;
  return String(value);
}

/** A parsed grid as the same batches the streaming readers give. */
export function* gridBatches(sheet: SheetGrid, batchRows: number, done: (timings: StreamTimings) => void): Generator<RowBatch> {
  let batch: RowBatch = { rowNumbers: [], rows: [] };
  let rows = 0;
  let cells = 0;
  for (const [i, source] of sheet.rows.entries()) {
    const row: StreamCell[] = new Array<StreamCell>(sheet.firstCol).fill(null);
    for (const value of source) row.push(toCell(value));
    let last = row.length - 1;
    while (last >= 0 && row[last] === null) last--;
    if (last < 0) continue;
    row.length = last + 1;
    for (const cell of row) if (cell !== null) cells++;
    rows++;
    batch.rowNumbers.push(sheet.firstRow + i + 1);
    batch.rows.push(row);
    if (batch.rows.length >= batchRows) {
      yield batch;
      batch = { rowNumbers: [], rows: [] };
    }
  }
  if (batch.rows.length) yield batch;
  done({ inflateMs: 0, scanMs: 0, rows, cells });
}

export async function* legacyRows(path: string, fileName: string, options: SheetStreamOptions, done: (timings: StreamTimings) => void): AsyncGenerator<RowBatch> {
  const workbook = await readLegacy(path, fileName, options.signal);
  const sheet = pickSheet(workbook.sheets, options.sheet, fileName);
  yield* gridBatches(sheet, Math.max(1, options.batchRows ?? 5000), done);
}
