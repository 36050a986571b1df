import type ExcelJS from 'exceljs';

/**
 * Shared look of every formatted workbook the app writes (DESIGN.md "Excel", DOMAIN.md
 * "Official documents"): Times New Roman, thin borders on every table cell, numbers stored as
 * numbers with Excel formats (Excel shows them with the user's own separators: 1.052.062; 92,50%).
 */
export const FONT_NAME = 'Times New Roman';
/** Title block and lines around the table. */
export const FONT_SIZE_TEXT = 12;
/** Inside the table. */
export const FONT_SIZE_TABLE = 11;
export const FONT_SIZE_TITLE = 14;

/** Excel number formats. The signed ones show "+1.234" / "-56" for increases and decreases. */
export const NUM_FMT = {
  count: '#,##0',
  signedCount: '+#,##0;-#,##0;0',
  ratio: '0.00%',
  signedRatio: '+0.00%;-0.00%;0.00%',
  /** Points of an emulation ranking: 79.35. */
  decimal: '#,##0.00',
} as const;

/** What a missing figure shows: never an empty cell or 0, which would read as "nobody". */
export const MISSING_TEXT = '—';

export const RED = 'FFC00000';

export function font(options: { size?: number; bold?: boolean; italic?: boolean; color?: string } = {}): Partial<ExcelJS.Font> {
  const result: Partial<ExcelJS.Font> = { name: FONT_NAME, size: options.size ?? FONT_SIZE_TABLE };
  if (options.bold) result.bold = true;
  if (options.italic) result.italic = true;
  if (options.color) result.color = { argb: options.color };
  return result;
}

const thin: ExcelJS.Border = { style: 'thin', color: { argb: 'FF000000' } };

/** All four sides thin: the border every table cell gets. */
export function thinBorder(): Partial<ExcelJS.Borders> {
  return { top: { ...thin }, left: { ...thin }, bottom: { ...thin }, right: { ...thin } };
}
