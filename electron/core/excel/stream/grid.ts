import { columnIndexOf } from '../../../../shared/format/cells';
import { formatCount } from '../../../../shared/format/vi';
import { LIMITS, sheetRowLimit, type ReadProgress, type SheetGrid, type WorkbookData } from '../readWorkbook';
import { invalidFile } from './errors';
import { isLegacyFormat, listSheets, streamSheetRows, workbookFonts } from './index';
import { readLegacy } from './otherFormats';
import type { StreamCell, StreamProgress } from './types';

/**
 * Cells the grids of one workbook may hold (rows × widest row, blanks included): a province's
 * report or agent list is thousands of rows by tens of columns; a sheet with a stray cell far down
 * and far right, or a dozen sheets filled to the row limit, would otherwise hold hundreds of
 * millions of slots on the core's thread.
 */
export const GRID_MAX_CELLS = 5_000_000;

export interface GridReadOptions {
  signal?: AbortSignal;
  onProgress?: ReadProgress;
}

/**
 * A workbook as grids (the shape SheetJS gave: every sheet, its merged ranges, the font table),
 * read by the streaming reader: each sheet's rows up to the row limit are kept, the rest only
 * counted, so a huge sheet costs time, not memory. For the small tables that need a whole grid
 * (district reports: merged header cells, titles, totals). Grids start at A1 (firstRow and
 * firstCol 0); date cells are 'YYYY-MM-DD' text. .xls/.ods/.xlsb and HTML tables go through
 * SheetJS (readLegacy), which keeps their merges too.
 */
export async function readWorkbookStreamed(path: string, fileName: string, options: GridReadOptions = {}): Promise<WorkbookData> {
  const { signal, onProgress } = options;
  onProgress?.({ label: 'Đang đọc tệp…', done: 0, total: 0 });
  if (await isLegacyFormat(path, fileName)) return readLegacy(path, fileName, signal);
  const sheets = await listSheets(path, fileName);
  const invalid = invalidFile(fileName);
  if (sheets.length === 0) throw invalid('không có trang tính nào.');
  if (sheets.length > LIMITS.maxSheets) throw invalid(`có ${sheets.length} trang tính, vượt giới hạn ${LIMITS.maxSheets}.`);
  const grids: SheetGrid[] = [];
  let cellsLeft = GRID_MAX_CELLS;
  for (const [i, sheet] of sheets.entries()) {
    const label = `Đang phân tích trang tính ${i + 1}/${sheets.length}…`;
    onProgress?.({ label, done: i, total: sheets.length });
    const onRead = (p: StreamProgress) => p.stage === 'scan' && p.totalBytes > 0 && onProgress?.({ label, done: i + p.readBytes / p.totalBytes, total: sheets.length });
    const grid = await sheetGrid(path, fileName, sheet.name, signal, cellsLeft, onRead);
    cellsLeft -= grid.rows.length * (grid.rows[0]?.length ?? 0);
    grids.push(grid);
  }
  return { fileName, sheets: grids, fonts: await workbookFonts(path, fileName) };
}

async function sheetGrid(path: string, fileName: string, name: string, signal: AbortSignal | undefined, cellsLeft: number, onRead: (p: StreamProgress) => void): Promise<SheetGrid> {
  const limit = sheetRowLimit();
  const kept: { rowNo: number; cells: StreamCell[] }[] = [];
  let merges: string[] = [];
  let lastRow = 0;
  let width = 0;
  for await (const batch of streamSheetRows(path, fileName, { sheet: name, signal, batchRows: 1000, onProgress: onRead, onSheetEnd: (end) => (merges = end.merges) })) {
    for (let i = 0; i < batch.rows.length; i++) {
      const rowNo = batch.rowNumbers[i]!;
      lastRow = Math.max(lastRow, rowNo);
      if (rowNo > limit) continue;
      const cells = batch.rows[i]!;
      width = Math.max(width, cells.length);
      kept.push({ rowNo, cells });
    }
  }
  if (width > LIMITS.maxCols) throw invalidFile(fileName)(`có trang tính "${name}" rộng ${width} cột, vượt giới hạn ${LIMITS.maxCols} cột.`, { sheet: name });
  if (lastRow === 0) return { name, rows: [], firstRow: 0, firstCol: 0, merges: [] };
  // Every row as wide as the widest, blank rows included: rows[i] is Excel row i + 1, as SheetJS's dense grid was.
  const height = Math.min(lastRow, limit);
  if (height * width > cellsLeft) {
    const before = cellsLeft < GRID_MAX_CELLS ? ` (cùng các trang trước, tối đa ${formatCount(GRID_MAX_CELLS)} ô cho cả tệp)` : ` (tối đa ${formatCount(GRID_MAX_CELLS)} ô)`;
    throw invalidFile(fileName)(
      `có trang tính "${name}" trải ${formatCount(height)} dòng × ${width} cột, quá lớn cho một bảng${before}. Hãy xóa các ô thừa ở xa bảng (Ctrl+End cho biết ô cuối) hoặc chép bảng sang tệp mới rồi chọn lại.`,
      { sheet: name, rows: height, columns: width },
    );
  }
  const rows: unknown[][] = Array.from({ length: height }, () => new Array<unknown>(width).fill(null));
  for (const { rowNo, cells } of kept) {
    const row = rows[rowNo - 1]!;
    for (let j = 0; j < cells.length; j++) row[j] = cells[j] ?? null;
  }
  return { name, rows, firstRow: 0, firstCol: 0, merges: merges.flatMap(mergeRange), ...(lastRow > limit ? { totalRows: lastRow } : {}) };
}

/** "B3:D4" → grid indexes (from A1); a one-cell ref merges nothing. */
function mergeRange(ref: string): SheetGrid['merges'] {
  const [from, to] = ref.split(':');
  if (!from || !to) return [];
  const a = cellIndexes(from);
  const b = cellIndexes(to);
  if (!a || !b) return [];
  return [{ top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) }];
}

function cellIndexes(ref: string): { row: number; col: number } | null {
  const match = /^([A-Z]{1,3})(\d+)$/.exec(ref);
  if (!match) return null;
  return { row: Number(match[2]) - 1, col: columnIndexOf(match[1]!) };
}
