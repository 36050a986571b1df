import { AppError, type CellIssue } from '../../../shared/contract';
import { formatCount, parseViDate } from '../../../shared/format/vi';
import { foldText, toNfc } from '../../../shared/text/fold';
import { cellAddress, sheetRowLimit, type SheetGrid } from '../excel/readWorkbook';

/**
 * Reading the tables of the network's lists: a header found among the first rows of a sheet by
 * its folded Vietnamese words (a title above it, a column-number row "(1) (2) …" or a second
 * header row below it), then the data rows down to the footer ("Người lập biểu", "GIÁM ĐỐC").
 */
export const HEADER_SCAN_ROWS = 15;

export type Place = Pick<CellIssue, 'sheet' | 'row' | 'column' | 'cell'>;

export interface Table<F extends string> {
  sheet: SheetGrid;
  /** Index of the (last) header row; data start below it. */
  headerIndex: number;
  columns: Partial<Record<F, number>>;
  /** Header text of each field's column, for messages. */
  labels: Partial<Record<F, string>>;
  /** The lines above the header (title, issuing office, period). */
  titleLines: string[];
}

export interface DataRow<F extends string> {
  i: number;
  /** Excel row number. */
  row: number;
  get: (f: F) => unknown;
  has: (f: F) => boolean;
  at: (f: F | null) => Place;
}

/** A header cell's text, or null. */
function headerText(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  const s = String(v).trim();
  return s === '' ? null : s;
}

/** The folded header, without a trailing remark in brackets ("Số CCCD (12 số)" → "so cccd"). */
export function headerKey(text: string): string {
  return foldText(text.replace(/\([^)]*\)\s*$/, ''));
}

/**
 * Finds a header among the first rows. `classify` names the field of a folded header (or null);
 * `accept` says whether the fields found make the table wanted. A second header row under a
 * merged group ("Số tiền thu" over "BHXH TN", "BHYT HGĐ") is read as "group child".
 */
export function findTable<F extends string>(sheet: SheetGrid, classify: (key: string) => F | null, accept: (columns: Partial<Record<F, number>>) => boolean): Table<F> | null {
  const limit = Math.min(sheet.rows.length, HEADER_SCAN_ROWS);
  for (let i = 0; i < limit; i++) {
    const top = sheet.rows[i] ?? [];
    const below = sheet.rows[i + 1] ?? [];
    const belowIsHeader = isSubHeader(below);
    const carried = carryMerged(sheet, i, top);
    const columns: Partial<Record<F, number>> = {};
    const labels: Partial<Record<F, string>> = {};
    let usedBelow = false;
    let usedTop = false;
    const width = Math.max(top.length, belowIsHeader ? below.length : 0);
    for (let j = 0; j < width; j++) {
      const parent = carried[j] ?? null;
      const child = belowIsHeader ? headerText(below[j]) : null;
      let field: F | null = null;
      let label: string | null = null;
      if (child && parent) {
        field = classify(headerKey(`${parent} ${child}`));
        label = `${parent} ${child}`;
        if (field) usedBelow = usedTop = true;
      }
      // Under a merged group ("Hợp đồng" over "Số", "Ngày ký"), or under nothing, the lower cell names the column alone.
      if (!field && child && headerText(top[j]) === null) {
        field = classify(headerKey(child));
        label = child;
        if (field) {
          usedBelow = true;
          if (parent !== null) usedTop = true;
        }
      }
      const own = headerText(top[j]);
      if (!field && own) {
        field = classify(headerKey(own));
        label = own;
        if (field) usedTop = true;
      }
      if (field && columns[field] === undefined) {
        columns[field] = j;
        labels[field] = label!;
      }
    }
    // A header wholly in the row below is found from that row, with this one among the title lines.
    if (usedTop && accept(columns)) {
      const titleLines = sheet.rows.slice(0, i).flatMap((r) => (r ?? []).map(headerText).filter((t): t is string => t !== null));
      return { sheet, headerIndex: usedBelow ? i + 1 : i, columns, labels, titleLines };
    }
  }
  return null;
}

/** The top header row with the text of a merged group carried across the cells it spans. */
function carryMerged(sheet: SheetGrid, i: number, row: unknown[]): (string | null)[] {
  const out = row.map(headerText);
  for (const m of sheet.merges) {
    if (m.top > i || m.bottom < i) continue;
    const text = headerText(sheet.rows[m.top]?.[m.left]);
    for (let j = m.left; j <= m.right; j++) out[j] = out[j] ?? text;
  }
  return out;
}

/** A row of short labels with no figures: a second header row. */
function isSubHeader(row: unknown[]): boolean {
  const cells = row.map(headerText).filter((t): t is string => t !== null);
  if (cells.length === 0 || isColumnNumberRow(row)) return false;
  return cells.every((c) => !/^[\d.,\s]+$/.test(c) && c.length <= 40) && row.every((c) => typeof c !== 'number');
}

/** "(1) (2) (3)…" or "1 2 3…" under a header: the columns numbered, not data. */
export function isColumnNumberRow(row: unknown[]): boolean {
  const cells = row.map(headerText).filter((t): t is string => t !== null);
  if (cells.length < 3) return false;
  const nums = cells.map((c) => /^\(?(\d{1,2})\)?$/.exec(c)?.[1]);
  if (nums.some((n) => n === undefined)) return false;
  return nums.every((n, k) => k === 0 || Number(n) > Number(nums[k - 1]));
}

const FOOTER = /^(nguoi lap bieu|nguoi lap|lap bieu|giam doc|pho giam doc|ke toan|ke toan truong|thu truong|thu truong don vi|truong phong|xac nhan|ky ten|ky ghi ro ho ten|noi nhan)\b/;
/** "Tổng cộng", "Tổng cộng: 3 đại lý", "Cộng": a totals row, not a record (a name like "Tống Văn A" is not). */
const TOTALS = /^(tong cong|tong so)\b|^(cong|tong)( \d+)?$/;

/** A footer line: signatures, "Hồng Dân, ngày … tháng … năm …". Reading stops there. */
export function isFooterRow(row: unknown[]): boolean {
  return row.some((c) => {
    const t = headerText(c);
    if (!t) return false;
    const key = foldText(t);
    return FOOTER.test(key) || /^.{0,40}ngay \d{0,2}\s*thang \d{0,2}\s*nam/.test(key);
  });
}

/** The non-empty data rows under the header, up to the footer; totals and column-number rows skipped. */
export function* dataRows<F extends string>(t: Table<F>): Generator<DataRow<F>> {
  for (let i = t.headerIndex + 1; i < t.sheet.rows.length; i++) {
    const raw = t.sheet.rows[i] ?? [];
    if (raw.every((c) => cellText(c) === null)) continue;
    if (isFooterRow(raw)) break;
    if (isColumnNumberRow(raw)) continue;
    const first = raw.map(cellText).find((c) => c !== null);
    if (first && TOTALS.test(foldText(first))) continue;
    const row = cellAddress(t.sheet, i, 0).row;
    yield {
      i,
      row,
      get: (f) => (t.columns[f] === undefined ? null : raw[t.columns[f]!] ?? null),
      has: (f) => t.columns[f] !== undefined,
      at: (f) => placeOf(t, i, f),
    };
  }
}

export function placeOf<F extends string>(t: Table<F>, i: number, f: F | null): Place {
  const col = f === null ? undefined : t.columns[f];
  if (col === undefined) return { sheet: t.sheet.name, row: cellAddress(t.sheet, i, 0).row, column: null, cell: null };
  const a = cellAddress(t.sheet, i, col);
  return { sheet: t.sheet.name, row: a.row, column: a.column, cell: a.cell };
}

/** A cell as text (NFC, single spaces), or null when empty. */
export function cellText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const s = toNfc(value instanceof Date ? localIso(value) : String(value));
  return s === '' ? null : s;
}

/** SheetJS gives dates at local midnight; read them back in local time. */
export function localIso(date: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${p(date.getMonth() + 1)}-${p(date.getDate())}`;
}

/** Excel's day 1 is 01/01/1900; serials count from 30/12/1899 (the 1900 leap-year bug included). */
export function serialToIso(serial: number): string | null {
  if (!Number.isInteger(serial) || serial < 1 || serial > 2_958_465) return null;
  return new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000).toISOString().slice(0, 10);
}

/** A date cell: a real date, an Excel serial, or text dd/mm/yyyy. */
export function dateOf(value: unknown): { ok: true; value: string | null } | { ok: false } {
  if (value === null || value === undefined || (typeof value === 'string' && value.trim() === '')) return { ok: true, value: null };
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? { ok: false } : { ok: true, value: localIso(value) };
  if (typeof value === 'number') {
    const iso = serialToIso(value);
    return iso && iso >= '1900-01-01' ? { ok: true, value: iso } : { ok: false };
  }
  const text = String(value).trim();
  if (/^\d{5}$/.test(text)) {
    const iso = serialToIso(Number(text));
    return iso ? { ok: true, value: iso } : { ok: false };
  }
  const parsed = parseViDate(text);
  return parsed ? { ok: true, value: parsed } : { ok: false };
}

/** The code typed in a cell: text trimmed, a number without its ".0". */
export function codeOf(value: unknown): string | null {
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(value);
  const t = cellText(value);
  return t ? t.replace(/\s+/g, '') : null;
}

/** A sheet cut at the row limit is refused whole: a list imported in part would silently lose people. */
export function refuseTruncated(fileName: string, sheet: SheetGrid): void {
  if (sheet.totalRows === undefined) return;
  const limit = sheetRowLimit();
  throw new AppError(
    'FILE_INVALID',
    `Tệp "${fileName}", trang tính "${sheet.name}" có ${formatCount(sheet.totalRows)} dòng, vượt giới hạn ${formatCount(limit)} dòng; các dòng từ dòng ${formatCount(sheet.firstRow + limit + 1)} trở đi không được đọc. Hãy chia danh sách thành nhiều tệp nhỏ hơn. Chưa có gì được ghi.`,
    { file: fileName, sheet: sheet.name },
  );
}
