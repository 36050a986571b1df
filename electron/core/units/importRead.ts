import { sheetRowLimit } from '../excel/readWorkbook';
import { listSheets, streamSheetRows, type StreamProgress } from '../excel/stream';
import { findUnitHeader, parseUnitRows, UNIT_HEADER_SCAN_ROWS, type ParsedUnitSheet, type UnitHeader } from './importParse';
import type { RawRow } from '../imports/pipeline/types';

/** A unit list as read: its rows, or why no sheet holds one. */
export type UnitListRead =
  | { found: true; parsed: ParsedUnitSheet; totalRows: number | null }
  | { found: false; sheets: string[]; empty: boolean };

export interface UnitReadOptions {
  signal?: AbortSignal;
  onProgress?: (label: string, done: number, total: number) => void;
}

/**
 * Finds the first sheet shaped like a unit list or a merge table and reads its rows with the
 * streaming reader (the person lists' one; a few thousand units read in tens of milliseconds, the
 * event loop let go between batches): a sheet without the header is left after its first rows,
 * and a sheet past the row limit is counted to its end without its rows being held.
 */
export async function readUnitList(path: string, fileName: string, options: UnitReadOptions = {}): Promise<UnitListRead> {
  const { signal, onProgress } = options;
  const sheets = (await listSheets(path, fileName)).map((s) => s.name);
  const limit = sheetRowLimit();
  let empty = true;
  for (const [k, sheet] of sheets.entries()) {
    const label = `Đang phân tích trang tính ${k + 1}/${sheets.length}…`;
    onProgress?.(label, k, sheets.length);
    const head: RawRow[] = [];
    const rows: RawRow[] = [];
    let hit: UnitHeader | null = null;
    let lastRow = 0;
    let scanned = false;
    // The bar moves with the sheet's bytes read (a sheet past the row limit is read to its end).
    const onRead = (p: StreamProgress) => p.stage === 'scan' && p.totalBytes > 0 && onProgress?.(label, k + p.readBytes / p.totalBytes, sheets.length);
    for await (const batch of streamSheetRows(path, fileName, { sheet, signal, batchRows: 2000, onProgress: onRead })) {
      for (let i = 0; i < batch.rows.length; i++) {
        const row = { rowNo: batch.rowNumbers[i]!, cells: batch.rows[i]! };
        empty = false;
        lastRow = row.rowNo;
        if (!scanned) {
          if (head.length === 0 || row.rowNo < head[0]!.rowNo + UNIT_HEADER_SCAN_ROWS) {
            head.push(row);
            continue;
          }
          scanned = true;
          hit = findUnitHeader(sheet, head);
          if (!hit) break;
          rows.push(...head);
        }
        if (row.rowNo <= limit) rows.push(row);
      }
      if (scanned && !hit) break;
    }
    if (!scanned) hit = findUnitHeader(sheet, head);
    if (!hit) continue;
    if (!scanned) rows.push(...head);
    return { found: true, parsed: parseUnitRows(hit, rows), totalRows: lastRow > limit ? lastRow : null };
  }
  return { found: false, sheets, empty };
}
