import { columnLetterAt } from '../../../shared/format/cells';
import type ExcelJS from 'exceljs';
import { FONT_NAME, FONT_SIZE_TABLE, FONT_SIZE_TEXT, FONT_SIZE_TITLE, MISSING_TEXT, RED, font, thinBorder } from './excelStyles';

/**
 * Small building blocks for formatted sheets: page setup, the title block above a table, a
 * merged two-row header with a column-number row, borders on every cell, number cells.
 * Nothing here knows about a particular report.
 */

/** 1 → "A", 27 → "AA" (sheet layouts count columns from 1). */
export function columnLetter(column: number): string {
  return column > 0 ? columnLetterAt(column - 1) : '';
}

export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export function rangeRef(range: CellRange): string {
  return `${columnLetter(range.left)}${range.top}:${columnLetter(range.right)}${range.bottom}`;
}

/** Replaces a cell's style with a fresh object so cells never share (and mutate) one style. */
function restyle(cell: ExcelJS.Cell, change: Partial<ExcelJS.Style>): void {
  cell.style = { ...cell.style, ...change };
}

/**
 * Thin borders on every cell of the range, including each cell inside merged ranges: ExcelJS
 * (and Excel's file format) keep borders per cell, so a merged block bordered only on its master
 * cell prints with missing edges.
 */
export function applyBorders(ws: ExcelJS.Worksheet, range: CellRange): void {
  for (let r = range.top; r <= range.bottom; r++) {
    for (let c = range.left; c <= range.right; c++) {
      restyle(ws.getCell(r, c), { border: thinBorder() });
    }
  }
}

/** Merges a range (when it is more than one cell) and writes the master cell. */
export function mergeWrite(ws: ExcelJS.Worksheet, range: CellRange, value: ExcelJS.CellValue, style: Partial<ExcelJS.Style>): ExcelJS.Cell {
  if (range.top !== range.bottom || range.left !== range.right) ws.mergeCells(range.top, range.left, range.bottom, range.right);
  const cell = ws.getCell(range.top, range.left);
  cell.value = value;
  restyle(cell, style);
  return cell;
}

export interface PageSetupOptions {
  /** Rows repeated at the top of every printed page, e.g. the table header: [6, 8]. */
  printTitleRows?: [number, number];
  printArea?: CellRange;
  orientation?: 'landscape' | 'portrait';
}

/** A4, fitted to one page wide, as many pages tall as needed; margins in inches. */
export function setA4Page(ws: ExcelJS.Worksheet, options: PageSetupOptions = {}): void {
  ws.pageSetup.paperSize = 9;
  ws.pageSetup.orientation = options.orientation ?? 'landscape';
  ws.pageSetup.fitToPage = true;
  ws.pageSetup.fitToWidth = 1;
  ws.pageSetup.fitToHeight = 0;
  ws.pageSetup.horizontalCentered = true;
  ws.pageSetup.margins = { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 };
  if (options.printTitleRows) ws.pageSetup.printTitlesRow = `${options.printTitleRows[0]}:${options.printTitleRows[1]}`;
  if (options.printArea) ws.pageSetup.printArea = rangeRef(options.printArea);
  ws.headerFooter.oddFooter = `&C&"${FONT_NAME},Italic"&10Trang &P/&N`;
}

export interface TitleBlock {
  /** "BẢO HIỂM XÃ HỘI TỈNH …", top left, bold. */
  issuer: string;
  /** Bold 14 pt, centred across the table. */
  title: string;
  subtitle?: string;
  /** Red warning lines under the subtitle (demo data, personal data). */
  warning?: string | readonly string[];
  /** Columns the title block spans. */
  width: number;
  /** Columns the issuer spans at the left. */
  issuerWidth?: number;
}

/** Writes the title block from row 1 and returns the next free row (after one blank row). */
export function writeTitleBlock(ws: ExcelJS.Worksheet, block: TitleBlock): number {
  let row = 1;
  const issuerWidth = Math.min(block.issuerWidth ?? 3, block.width);
  mergeWrite(ws, { top: row, left: 1, bottom: row, right: issuerWidth }, block.issuer, {
    font: font({ size: FONT_SIZE_TEXT, bold: true }),
    alignment: { horizontal: 'center', vertical: 'middle' },
  });
  row += 2;
  const line = (text: string, style: Partial<ExcelJS.Style>, height: number) => {
    mergeWrite(ws, { top: row, left: 1, bottom: row, right: block.width }, text, {
      ...style,
      alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
    });
    ws.getRow(row).height = height;
    row += 1;
  };
  line(block.title, { font: font({ size: FONT_SIZE_TITLE, bold: true }) }, 22);
  if (block.subtitle) line(block.subtitle, { font: font({ size: FONT_SIZE_TEXT, italic: true }) }, 18);
  for (const warning of typeof block.warning === 'string' ? [block.warning] : (block.warning ?? [])) line(warning, { font: font({ size: FONT_SIZE_TEXT, bold: true, color: RED }) }, 18);
  return row + 1;
}

export interface HeaderColumn {
  /** Header text; under a group this is the sub-header. */
  header: string;
  /** Consecutive columns with the same group share one merged caption above their headers. */
  group?: string;
  /** The column-number row: "A", "B", "1", "3=1/2" … */
  number: string;
  width: number;
}

/**
 * A two-row header (group captions over sub-headers; ungrouped headers merged over both rows)
 * followed by the column-number row. Sets column widths. Returns the rows used.
 */
export function writeTableHeader(
  ws: ExcelJS.Worksheet,
  startRow: number,
  columns: HeaderColumn[],
): { firstRow: number; lastRow: number; numberRow: number } {
  const top = startRow;
  const sub = startRow + 1;
  const numberRow = startRow + 2;
  const headerStyle: Partial<ExcelJS.Style> = {
    font: font({ size: FONT_SIZE_TABLE, bold: true }),
    alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
  };
  let c = 0;
  while (c < columns.length) {
    const column = columns[c]!;
    const col = c + 1;
    if (!column.group) {
      mergeWrite(ws, { top, left: col, bottom: sub, right: col }, column.header, headerStyle);
      c += 1;
      continue;
    }
    let end = c;
    while (end + 1 < columns.length && columns[end + 1]!.group === column.group) end += 1;
    mergeWrite(ws, { top, left: col, bottom: top, right: end + 1 }, column.group, headerStyle);
    for (let k = c; k <= end; k++) mergeWrite(ws, { top: sub, left: k + 1, bottom: sub, right: k + 1 }, columns[k]!.header, headerStyle);
    c = end + 1;
  }
  columns.forEach((column, i) => {
    ws.getColumn(i + 1).width = column.width;
    mergeWrite(ws, { top: numberRow, left: i + 1, bottom: numberRow, right: i + 1 }, column.number, {
      font: font({ size: FONT_SIZE_TABLE - 1, italic: true }),
      alignment: { horizontal: 'center', vertical: 'middle' },
    });
  });
  ws.getRow(top).height = 30;
  ws.getRow(sub).height = 45;
  return { firstRow: top, lastRow: numberRow, numberRow };
}

/**
 * A figure: a real number with its format, or the missing mark centred, so a missing figure is
 * never read as 0.
 */
export function writeNumber(cell: ExcelJS.Cell, value: number | null | undefined, numFmt: string, bold = false): void {
  if (value === null || value === undefined || !Number.isFinite(value)) {
    cell.value = MISSING_TEXT;
    restyle(cell, { font: font({ bold }), alignment: { horizontal: 'center', vertical: 'middle' } });
    return;
  }
  cell.value = value;
  restyle(cell, { font: font({ bold }), numFmt, alignment: { horizontal: 'right', vertical: 'middle' } });
}

/** Plain text in a table cell. */
export function writeText(
  cell: ExcelJS.Cell,
  value: string | number,
  options: { bold?: boolean; horizontal?: 'left' | 'center' | 'right'; wrap?: boolean } = {},
): void {
  cell.value = value;
  restyle(cell, {
    font: font({ bold: options.bold }),
    alignment: { horizontal: options.horizontal ?? 'left', vertical: 'middle', wrapText: options.wrap ?? false },
  });
}

/** A free line under the table (date of export, notes), not bordered. */
export function writeNote(
  ws: ExcelJS.Worksheet,
  row: number,
  width: number,
  text: string,
  options: { italic?: boolean; horizontal?: 'left' | 'right' } = {},
): void {
  mergeWrite(ws, { top: row, left: 1, bottom: row, right: width }, text, {
    font: font({ size: FONT_SIZE_TEXT, italic: options.italic ?? true }),
    alignment: { horizontal: options.horizontal ?? 'left', vertical: 'middle' },
  });
}

/**
 * Row height (points) for wrapped text in a column of `width` characters. Neither Excel nor
 * ExcelJS fits row heights when a file is written, so rows whose text wraps are sized here.
 */
export function textRowHeight(text: string, width: number, lineHeight = 15): number {
  // Times New Roman 11 is narrower than the width unit (a digit of the default font).
  const perLine = Math.max(1, Math.floor(width * 1.1) - 2);
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    let current = 0;
    let count = 1;
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const needed = current === 0 ? word.length : current + 1 + word.length;
      if (needed > perLine && current > 0) {
        count += 1;
        current = word.length;
      } else current = needed;
    }
    lines += count;
  }
  return Math.max(1, lines) * lineHeight + 1;
}
