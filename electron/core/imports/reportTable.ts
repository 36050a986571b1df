import type { ColumnRole } from '../../../shared/contract';
import { foldText } from '../../../shared/text/fold';
import { cellAddress, type SheetGrid } from '../excel/readWorkbook';

export interface ReportTable {
  /** Grid indexes (0-based, relative to the sheet's first row). */
  headerTop: number;
  headerBottom: number;
  firstData: number;
  /** Last data row (inclusive); the totals row, when present, is right after the data. */
  lastData: number;
  totalsRow: number | null;
  nameColumn: number;
  columns: (ColumnRole & { index: number })[];
  /** Lines above the table: issuing office, title, period. */
  titleLines: string[];
}

const text = (v: unknown): string => (v === null || v === undefined ? '' : String(v).trim());

function isNameHeader(folded: string): boolean {
  return (
    !folded.startsWith('bao hiem') &&
    (folded.startsWith('don vi') || folded.startsWith('ten xa') || folded.startsWith('ten don vi') || folded.startsWith('xa thi tran') || folded.startsWith('xa phuong') || folded === 'xa' || folded.startsWith('ten phuong'))
  );
}

const TOTAL = /^(tong cong|cong|tong so|tong|cong toan)/;

export function isTotalsLabel(value: unknown): boolean {
  return TOTAL.test(foldText(text(value)));
}

/** The column-number row offices put under headers: A, B, 1, 2, 3=2/1 … */
function isColumnNumberRow(row: unknown[]): boolean {
  const cells = row.map(text).filter(Boolean);
  // Small numbers and letters only: a data row has names and real figures.
  return cells.length >= 3 && cells.filter((c) => /^\(?([A-Za-z]|\d{1,2}(\s*=.*)?)\)?$/.test(c)).length >= cells.length * 0.7;
}

function hasNumbers(row: unknown[]): boolean {
  return row.some((v) => typeof v === 'number' || /^\d[\d.\s,]*$/.test(text(v)));
}

/**
 * Finds the report table: a header row naming the unit column, an optional second header row
 * (group cells merged over sub-headers), an optional column-number row, data rows, and the
 * totals row, ignoring the title above and signatures below.
 */
export function findReportTable(sheet: SheetGrid): ReportTable | null {
  const rows = sheet.rows;
  for (let i = 0; i < Math.min(30, rows.length); i++) {
    const row = rows[i] ?? [];
    const nameColumn = row.findIndex((v) => isNameHeader(foldText(text(v))));
    if (nameColumn < 0 || row.filter((v) => text(v)).length < 3) continue;
    let headerBottom = i;
    const next = rows[i + 1] ?? [];
    if (!hasNumbers(next) && !isColumnNumberRow(next) && next.some((v) => text(v))) headerBottom = i + 1;
    let firstData = headerBottom + 1;
    if (isColumnNumberRow(rows[firstData] ?? [])) firstData++;
    let lastData = firstData - 1;
    let totalsRow: number | null = null;
    for (let r = firstData; r < rows.length; r++) {
      const cells = rows[r] ?? [];
      const label = cells[nameColumn];
      if (isTotalsLabel(label) || (cells.some(isTotalsLabel) && !text(label))) {
        totalsRow = r;
        break;
      }
      if (!text(label) && !hasNumbers(cells)) {
        if (cells.every((v) => !text(v))) break;
        continue;
      }
      if (!hasNumbers(cells)) break;
      lastData = r;
    }
    const columns = describeColumns(sheet, i, headerBottom, nameColumn);
    const titleLines = rows.slice(0, i).flatMap((r) => (r ?? []).map(text).filter(Boolean));
    return { headerTop: i, headerBottom, firstData, lastData, totalsRow, nameColumn, columns, titleLines };
  }
  return null;
}

/** Header text of each column: the group caption (merged over it) and its own sub-header. */
function describeColumns(sheet: SheetGrid, top: number, bottom: number, nameColumn: number): (ColumnRole & { index: number })[] {
  const width = Math.max(...sheet.rows.slice(top, bottom + 1).map((r) => (r ?? []).length));
  const groupOf = (col: number): string => {
    const own = text(sheet.rows[top]?.[col]);
    if (own) return own;
    const merge = sheet.merges.find((m) => m.top === top && m.left <= col && m.right >= col);
    if (merge) return text(sheet.rows[top]?.[merge.left]);
    // Unmerged copies keep the group caption in its first column only: a run of sub-headers
    // under empty group cells belongs to the caption on its left.
    if (bottom === top || !text(sheet.rows[bottom]?.[col])) return '';
    for (let c = col - 1; c >= 0 && text(sheet.rows[bottom]?.[c]); c--) {
      const caption = text(sheet.rows[top]?.[c]);
      if (caption) return caption;
    }
    return '';
  };
  const out: (ColumnRole & { index: number })[] = [];
  for (let col = 0; col < width; col++) {
    const group = groupOf(col);
    const sub = bottom > top ? text(sheet.rows[bottom]?.[col]) : '';
    const header = sub && sub !== group ? `${group} — ${sub}`.replace(/^ — /, '') : group;
    if (!header) continue;
    const role = col === nameColumn ? { role: 'name' as const, indicatorCode: null } : roleFromHeader(group, sub);
    out.push({ index: col, column: cellAddress(sheet, 0, col).column, header, ...role, year: role.role === 'target' ? planYearFromHeader(header) : null });
  }
  return out;
}

const INDICATOR_WORDS: [RegExp, string][] = [
  [/bhxh tu nguyen|bhxh tn\b/, 'BHXH_TN'],
  [/ho gia dinh|bhyt hgd\b|\bhgd\b/, 'BHYT_HGD'],
  [/bhxh bat buoc|bhxh bb\b/, 'BHXH_BB'],
  [/that nghiep|\bbhtn\b/, 'BHTN'],
  [/nsnn|ngan sach/, 'BHYT_NSHT'],
  [/dan so/, 'POP'],
  [/luc luong lao dong|lao dong trong do tuoi/, 'LABOUR'],
  [/\bbhyt\b/, 'BHYT'],
];

/** What a column holds, read from Vietnamese headers in any order and wording offices use. */
export function roleFromHeader(group: string, sub: string): Pick<ColumnRole, 'role' | 'indicatorCode'> {
  const own = foldText(sub || group);
  const all = foldText(`${group} ${sub}`);
  if (/^(stt|tt|so tt)$/.test(own)) return { role: 'ignore', indicatorCode: null };
  if (/^ma( xa| don vi| phuong| phuong xa| xa phuong)?$/.test(own)) return { role: 'code', indicatorCode: null };
  if (/ghi chu/.test(own) || /ty le|%/.test(own) || /%/.test(sub || group)) return { role: 'ignore', indicatorCode: null };
  const hit = INDICATOR_WORDS.find(([re]) => re.test(all));
  if (!hit) return { role: 'ignore', indicatorCode: null };
  const target = /ke hoach|\bkh\b|chi tieu/.test(own) || (/ke hoach|\bkh\b|chi tieu/.test(all) && !/thuc hien|luy ke|so nguoi/.test(own));
  return { role: target ? 'target' : 'result', indicatorCode: hit[1] };
}

/**
 * The year a plan column's header names: "Kế hoạch năm 2020", "KH 2021", "KH2021", "Chỉ tiêu
 * giao năm 2021". Only a year right after a plan word or "năm" counts, so a decision date in
 * the caption ("QĐ số 12 ngày 05/01/2021") does not move the targets.
 */
export function planYearFromHeader(header: string): number | null {
  const match = /(?:\bnam|ke hoach|\bkh|chi tieu(?: giao)?)\s*(\d{4})\b/.exec(foldText(header));
  const year = match ? Number(match[1]) : NaN;
  return year >= 2000 && year <= 2100 ? year : null;
}
