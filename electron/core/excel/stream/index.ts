// PLACEHOLDER until the streaming reader (branch h-stream) lands: same API, backed by the
// whole-workbook SheetJS read, so code written against the API runs on small files meanwhile.
import { readFileSync } from 'node:fs';
import { readWorkbookInWorker } from '../readInWorker';

export type StreamCell = string | number | boolean | null;
export interface RowBatch { rowNumbers: number[]; rows: StreamCell[][] }
export interface StreamProgress { stage: 'inflate-strings' | 'scan'; readBytes: number; totalBytes: number }
export interface SheetStreamOptions { sheet?: string | null; signal?: AbortSignal; onProgress?: (p: StreamProgress) => void; batchRows?: number }
export interface SheetInfo { name: string; index: number }
export interface StreamTimings { inflateMs: number; scanMs: number; rows: number; cells: number }

export async function listSheets(path: string, fileName: string): Promise<SheetInfo[]> {
  const wb = await readWorkbookInWorker(readFileSync(path), fileName);
  return wb.sheets.map((s, index) => ({ name: s.name, index }));
}

export async function* streamSheetRows(path: string, fileName: string, options: SheetStreamOptions = {}): AsyncGenerator<RowBatch> {
  const wb = await readWorkbookInWorker(readFileSync(path), fileName, { signal: options.signal });
  const sheet = wb.sheets.find((s) => s.name === options.sheet) ?? wb.sheets[0]!;
  const size = options.batchRows ?? 5000;
  let batch: RowBatch = { rowNumbers: [], rows: [] };
  sheet.rows.forEach((row, i) => {
    const cells = (row as unknown[]).map((c) => (c instanceof Date ? c.toISOString().slice(0, 10) : (c as StreamCell) ?? null));
    if (cells.every((c) => c === null || c === '')) return;
    batch.rowNumbers.push(sheet.firstRow + i + 1);
    batch.rows.push(cells);
  });
  for (let i = 0; i < batch.rows.length; i += size) yield { rowNumbers: batch.rowNumbers.slice(i, i + size), rows: batch.rows.slice(i, i + size) };
  batch = { rowNumbers: [], rows: [] };
}

export const streamSheetRowsInWorker = streamSheetRows;
export function lastTimings(): StreamTimings | null {
  return null;
}
