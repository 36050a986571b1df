import type { CellIssue, UnitImportShape } from '../../../shared/contract';
import { parseViDate } from '../../../shared/format/vi';
import { parseViCell } from '../../../shared/format/viNumber';
import { columnLetterAt } from '../../../shared/format/cells';
import { foldText, toNfc } from '../../../shared/text/fold';
import type { RawRow } from '../imports/pipeline/types';
import { normaliseCode } from './rules';

type Field =
  | 'provinceCode' | 'provinceName' | 'districtCode' | 'districtName' | 'communeCode' | 'communeName' | 'kind'
  | 'oldCode' | 'oldName' | 'newCode' | 'newName' | 'effectiveDate' | 'share';

/** Folded header text → field. Lists from different years word their headers a little differently. */
const HEADERS: Record<string, Field> = {
  'ma tinh': 'provinceCode', 'ma tinh thanh pho': 'provinceCode', 'ma tinh tp': 'provinceCode',
  'ten tinh': 'provinceName', 'ten tinh thanh pho': 'provinceName', 'ten tinh tp': 'provinceName', 'tinh thanh pho': 'provinceName',
  'ma huyen': 'districtCode', 'ma quan huyen': 'districtCode', 'ma qh': 'districtCode',
  'ten huyen': 'districtName', 'ten quan huyen': 'districtName', 'quan huyen': 'districtName',
  'ma xa': 'communeCode', 'ma phuong xa': 'communeCode', 'ma xa phuong': 'communeCode', 'ma px': 'communeCode',
  'ten xa': 'communeName', 'ten phuong xa': 'communeName', 'ten xa phuong': 'communeName', 'phuong xa': 'communeName',
  'cap': 'kind', 'loai': 'kind',
  'ma xa cu': 'oldCode', 'ma don vi cu': 'oldCode', 'ten xa cu': 'oldName', 'ten don vi cu': 'oldName',
  'ma xa moi': 'newCode', 'ma don vi moi': 'newCode', 'ten xa moi': 'newName', 'ten don vi moi': 'newName',
  'ngay hieu luc': 'effectiveDate', 'hieu luc tu ngay': 'effectiveDate', 'ngay sap nhap': 'effectiveDate',
  'ty le': 'share', 'ty le chuyen': 'share',
};

/** The header is looked for in a sheet's first rows (from its first filled row). */
export const UNIT_HEADER_SCAN_ROWS = 20;


export interface ListRow {
  row: number;
  provinceCode: string;
  provinceName: string;
  districtCode: string | null;
  districtName: string | null;
  communeCode: string;
  communeName: string;
  kind: string | null;
  /** Column letters of the code cells, for addressing plan-level errors. */
  codeColumns: { province: string; district: string | null; commune: string };
}

export interface MergeRow {
  row: number;
  oldCode: string;
  oldName: string | null;
  newCode: string;
  newName: string | null;
  effectiveDate: string;
  share: number | null;
}

export type ParsedUnitSheet =
  | { shape: 'list-3-level' | 'list-2-level'; sheet: string; rows: ListRow[]; rowCount: number; errors: CellIssue[] }
  | { shape: 'merges'; sheet: string; rows: MergeRow[]; rowCount: number; errors: CellIssue[] };

/** Where a sheet's unit table is: its header row and the columns of each field. */
export interface UnitHeader {
  sheet: string;
  headerRow: number;
  columns: Partial<Record<Field, number>>;
  shape: UnitImportShape;
}

/** The header among a sheet's first rows (UNIT_HEADER_SCAN_ROWS of them), or null. */
export function findUnitHeader(sheet: string, head: readonly RawRow[]): UnitHeader | null {
  const first = head[0]?.rowNo ?? 1;
  for (const { rowNo, cells } of head) {
    if (rowNo >= first + UNIT_HEADER_SCAN_ROWS) break;
    const columns: Partial<Record<Field, number>> = {};
    cells.forEach((value, j) => {
      if (typeof value !== 'string') return;
      const field = HEADERS[foldText(value)];
      if (field && columns[field] === undefined) columns[field] = j;
    });
    if (columns.oldCode !== undefined && columns.newCode !== undefined) return { sheet, headerRow: rowNo, columns, shape: 'merges' };
    if (columns.provinceCode !== undefined && columns.communeCode !== undefined && columns.communeName !== undefined) {
      return { sheet, headerRow: rowNo, columns, shape: columns.districtCode !== undefined ? 'list-3-level' : 'list-2-level' };
    }
  }
  return null;
}

/** The rows under a found header, read as a unit list or a merge table. */
export function parseUnitRows(hit: UnitHeader, rows: readonly RawRow[]): ParsedUnitSheet {
  const below = rows.filter((r) => r.rowNo > hit.headerRow);
  return hit.shape === 'merges' ? readMerges(hit, below) : readList(hit, below);
}

function text(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const s = toNfc(String(value));
  return s === '' ? null : s;
}

function isBlank(row: readonly unknown[] | undefined): boolean {
  return !row || row.every((v) => v === null || v === undefined || (typeof v === 'string' && v.trim() === ''));
}

function issue(hit: UnitHeader, rowNo: number, field: Field | null, message: string): CellIssue {
  const col = field === null ? null : hit.columns[field] ?? null;
  if (col === null) return { sheet: hit.sheet, row: rowNo, column: null, cell: null, message };
  const column = columnLetterAt(col);
  return { sheet: hit.sheet, row: rowNo, column, cell: `${column}${rowNo}`, message };
}

function readList(hit: UnitHeader, source: readonly RawRow[]): ParsedUnitSheet {
  const rows: ListRow[] = [];
  const errors: CellIssue[] = [];
  const threeLevel = hit.shape === 'list-3-level';
  let rowCount = 0;
  for (const { rowNo: i, cells: raw } of source) {
    if (isBlank(raw)) continue;
    rowCount++;
    const get = (f: Field) => (hit.columns[f] === undefined ? null : raw![hit.columns[f]!]);
    const rowErrors: CellIssue[] = [];
    const code = (f: Field, level: 'province' | 'district' | 'commune', label: string, digits: number) => {
      const value = normaliseCode(get(f), level);
      if (!value) rowErrors.push(issue(hit, i, f, `${label} "${text(get(f)) ?? ''}" không hợp lệ: cần ${digits} chữ số.`));
      return value ?? '';
    };
    const name = (f: Field, label: string) => {
      const value = text(get(f));
      if (!value) rowErrors.push(issue(hit, i, f, `Thiếu ${label}.`));
      return value ?? '';
    };
    const row: ListRow = {
      row: i,
      provinceCode: code('provinceCode', 'province', 'Mã tỉnh', 2),
      provinceName: hit.columns.provinceName === undefined ? '' : name('provinceName', 'tên tỉnh'),
      districtCode: threeLevel ? code('districtCode', 'district', 'Mã huyện', 3) : null,
      districtName: threeLevel ? (hit.columns.districtName === undefined ? '' : name('districtName', 'tên huyện')) : null,
      communeCode: code('communeCode', 'commune', 'Mã xã', 5),
      communeName: name('communeName', 'tên xã'),
      kind: text(get('kind')),
      codeColumns: {
        province: columnLetterAt(hit.columns.provinceCode!),
        district: threeLevel ? columnLetterAt(hit.columns.districtCode!) : null,
        commune: columnLetterAt(hit.columns.communeCode!),
      },
    };
    if (rowErrors.length) errors.push(...rowErrors);
    else rows.push(row);
  }
  return { shape: hit.shape as 'list-3-level' | 'list-2-level', sheet: hit.sheet, rows, rowCount, errors };
}

function readMerges(hit: UnitHeader, source: readonly RawRow[]): ParsedUnitSheet {
  const rows: MergeRow[] = [];
  const errors: CellIssue[] = [];
  let rowCount = 0;
  for (const { rowNo: i, cells: raw } of source) {
    if (isBlank(raw)) continue;
    rowCount++;
    const get = (f: Field) => (hit.columns[f] === undefined ? null : raw![hit.columns[f]!]);
    const rowErrors: CellIssue[] = [];
    const oldCode = normaliseCode(get('oldCode'), 'commune');
    if (!oldCode) rowErrors.push(issue(hit, i, 'oldCode', `Mã xã cũ "${text(get('oldCode')) ?? ''}" không hợp lệ: cần 5 chữ số.`));
    const newCode = normaliseCode(get('newCode'), 'commune');
    if (!newCode) rowErrors.push(issue(hit, i, 'newCode', `Mã xã mới "${text(get('newCode')) ?? ''}" không hợp lệ: cần 5 chữ số.`));
    const dateCell = get('effectiveDate');
    const effectiveDate =
      // A date cell arrives from the reader as YYYY-MM-DD, typed text as dd/mm/yyyy: parseViDate reads both.
      typeof dateCell === 'string' ? parseViDate(dateCell) : hit.columns.effectiveDate === undefined ? '2025-07-01' : null;
    if (!effectiveDate) rowErrors.push(issue(hit, i, 'effectiveDate', `Ngày hiệu lực "${text(dateCell) ?? ''}" không hợp lệ: cần dạng dd/mm/yyyy.`));
    const shareCell = get('share');
    let share: number | null = null;
    if (shareCell !== null && shareCell !== undefined && shareCell !== '') {
      const parsed = parseViCell(shareCell, typeof shareCell === 'string' && shareCell.trim().endsWith('%') ? 'percent' : 'decimal');
      share = parsed.ok ? parsed.value : null;
      if (share === null || share <= 0 || share > 1) {
        const why = parsed.ok ? '' : ` (${parsed.message})`;
        rowErrors.push(issue(hit, i, 'share', `Tỷ lệ "${text(shareCell)}" không hợp lệ${why}: cần số trong khoảng (0; 1], ví dụ 0,5, hoặc phần trăm, ví dụ 50%.`));
      }
    }
    if (rowErrors.length) errors.push(...rowErrors);
    else rows.push({ row: i, oldCode: oldCode!, oldName: text(get('oldName')), newCode: newCode!, newName: text(get('newName')), effectiveDate: effectiveDate!, share });
  }
  return { shape: 'merges', sheet: hit.sheet, rows, rowCount, errors };
}
