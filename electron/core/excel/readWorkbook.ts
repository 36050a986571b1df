import * as XLSX from 'xlsx';
import { AppError } from '../../../shared/contract/result';
import { detectFormat, FORMAT_LABELS, ZIP_EXTENSIONS, zipDeclaredSize, zipKind } from './detectFormat';

export interface SheetGrid {
  name: string;
  /** Cell values by row; rows[i][j] sits at Excel row firstRow + i, column firstCol + j. */
  rows: unknown[][];
  firstRow: number;
  firstCol: number;
  /** Merged ranges, in grid indexes (row/col relative to firstRow/firstCol). */
  merges: { top: number; left: number; bottom: number; right: number }[];
  /** Set when the sheet has more rows than sheetRowLimit(): how many it has (only the first rows were read). */
  totalRows?: number;
}

export interface WorkbookData {
  fileName: string;
  sheets: SheetGrid[];
  /** Names in the workbook's font table (.xlsx only): a hint to legacy encodings like VNI-Times. */
  fonts: string[];
}

export const LIMITS = {
  maxUncompressedBytes: 200 * 1024 * 1024,
  maxSheets: 200,
  maxRows: 200_000,
  maxCols: 400,
};

/**
 * Rows read of one sheet. BHXH_MAX_SHEET_ROWS may lower it (tests use a small one); it never
 * raises it past LIMITS.maxRows.
 */
export function sheetRowLimit(): number {
  const env = Number(process.env.BHXH_MAX_SHEET_ROWS);
  return Number.isInteger(env) && env > 0 ? Math.min(env, LIMITS.maxRows) : LIMITS.maxRows;
}

/** "Tệp X, trang tính Y, ô C7" and friends. */
export function cellAddress(sheet: SheetGrid, rowIndex: number, colIndex: number): { row: number; column: string; cell: string } {
  const column = XLSX.utils.encode_col(sheet.firstCol + colIndex);
  const row = sheet.firstRow + rowIndex + 1;
  return { row, column, cell: `${column}${row}` };
}

/** Reports how far reading has got: a Vietnamese stage and, for sheets, how many are done. */
export type ReadProgress = (stage: { label: string; done: number; total: number }) => void;

function invalidFile(fileName: string) {
  return (why: string, details: Record<string, unknown> = {}) => new AppError('FILE_INVALID', `Tệp "${fileName}" ${why}`, { file: fileName, ...details });
}

/**
 * The checks that need no parsing (what the bytes are, what a zip declares), run before any
 * parser sees the file so a bomb or a renamed PDF never reaches SheetJS.
 */
export function checkBeforeParse(bytes: Uint8Array, fileName: string): void {
  const format = detectFormat(bytes);
  const invalid = invalidFile(fileName);
  if (format === 'empty') throw invalid('rỗng (0 byte).');
  if (format === 'pdf' || format === 'image' || format === 'binary') {
    throw invalid(`không phải bảng tính Excel: nội dung là ${FORMAT_LABELS[format]}. Hãy chọn tệp .xlsx, .xls, .ods hoặc .csv.`);
  }
  if (format === 'zip') {
    const declared = zipDeclaredSize(bytes);
    if (!declared) throw invalid('bị hỏng hoặc không tải về đầy đủ (tệp nén không đọc được).');
    if (declared.uncompressed > LIMITS.maxUncompressedBytes) throw invalid('có nội dung giải nén quá lớn; không mở để bảo vệ máy.');
    if (declared.worksheets > LIMITS.maxSheets) throw invalid(`có ${declared.worksheets} trang tính, vượt giới hạn ${LIMITS.maxSheets}.`);
    const kind = zipKind(declared.names);
    if (kind) throw invalid(`không phải bảng tính Excel: nội dung là ${kind}.`);
  }
  // An .xlsx is always a zip: text under that name was renamed (a note, a CSV saved as .xlsx).
  if (format === 'text' && ZIP_EXTENSIONS.test(fileName)) {
    throw invalid(`không phải bảng tính Excel: nội dung là văn bản thuần (chữ) được đặt đuôi ${/\.\w+$/.exec(fileName)![0]}. Hãy mở tệp gốc bằng Excel và lưu lại dạng Sổ làm việc Excel (.xlsx).`);
  }
}

/**
 * Parses a spreadsheet already past checkBeforeParse. Every way a file can be wrong becomes a
 * FILE_INVALID AppError with a Vietnamese message naming the file.
 */
export function parseWorkbook(bytes: Uint8Array, fileName: string, progress: ReadProgress = () => {}): WorkbookData {
  const invalid = invalidFile(fileName);
  let workbook: XLSX.WorkBook;
  progress({ label: 'Đang đọc tệp…', done: 0, total: 0 });
  try {
    const text = detectFormat(bytes) === 'text' ? decodeText(bytes) : null;
    // CSV and HTML carry no types: SheetJS would guess "3.000" (three thousand, typed the
    // Vietnamese way) is 3, so their cells stay text and the import reads numbers by vi-VN
    // rules (shared/format/viNumber). SpreadsheetML types its cells itself and ignores this.
    workbook = XLSX.read(text ?? bytes, { type: text !== null ? 'string' : 'buffer', raw: text !== null, dense: true, cellDates: true, sheetRows: sheetRowLimit() + 1, cellFormula: false, cellHTML: false });
  } catch (error) {
    const text = String((error as Error).message ?? error);
    if (/password|encrypt/i.test(text)) throw invalid('được đặt mật khẩu. Hãy gỡ mật khẩu trong Excel rồi chọn lại.');
    throw invalid('bị hỏng hoặc không phải bảng tính Excel hợp lệ.', { reason: text });
  }
  if (workbook.SheetNames.length === 0) throw invalid('không có trang tính nào.');
  if (workbook.SheetNames.length > LIMITS.maxSheets) throw invalid(`có ${workbook.SheetNames.length} trang tính, vượt giới hạn ${LIMITS.maxSheets}.`);
  const sheets: SheetGrid[] = [];
  const total = workbook.SheetNames.length;
  for (const [i, name] of workbook.SheetNames.entries()) {
    progress({ label: `Đang phân tích trang tính ${i + 1}/${total}…`, done: i, total });
    const sheet = workbook.Sheets[name];
    if (!sheet || !sheet['!ref']) {
      sheets.push({ name, rows: [], firstRow: 0, firstCol: 0, merges: [] });
      continue;
    }
    const range = XLSX.utils.decode_range(sheet['!ref']);
    if (range.e.c - range.s.c + 1 > LIMITS.maxCols) {
      throw invalid(`có trang tính "${name}" rộng ${range.e.c - range.s.c + 1} cột, vượt giới hạn ${LIMITS.maxCols} cột.`, { sheet: name });
    }
    const rows = XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, raw: true, defval: null, blankrows: true });
    const merges = (sheet['!merges'] ?? []).map((m) => ({ top: m.s.r - range.s.r, left: m.s.c - range.s.c, bottom: m.e.r - range.s.r, right: m.e.c - range.s.c }));
    // sheetRows stops reading one row past the limit; the full range says how long the sheet is.
    const full = sheet['!fullref'] ? XLSX.utils.decode_range(sheet['!fullref']) : range;
    const totalRows = Math.max(full.e.r - full.s.r + 1, rows.length);
    const limit = sheetRowLimit();
    if (totalRows > limit) rows.length = Math.min(rows.length, limit);
    sheets.push({ name, rows, firstRow: range.s.r, firstCol: range.s.c, merges, ...(totalRows > limit ? { totalRows } : {}) });
  }
  return { fileName, sheets, fonts: fontNames(workbook) };
}

function fontNames(workbook: XLSX.WorkBook): string[] {
  const fonts = (workbook as { Styles?: { Fonts?: { name?: unknown }[] } }).Styles?.Fonts ?? [];
  return [...new Set(fonts.map((f) => (typeof f.name === 'string' ? f.name : '')).filter(Boolean))];
}

/** Opens a spreadsheet from bytes on the caller's thread: checks, then parses. */
export function readWorkbook(bytes: Buffer, fileName: string): WorkbookData {
  checkBeforeParse(bytes, fileName);
  return parseWorkbook(bytes, fileName);
}

function decodeText(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}
