import ExcelJS from 'exceljs';
import { formatDateTime } from '../../../shared/format/vi';
import { font, NUM_FMT } from './excelStyles';
import { applyBorders, mergeWrite, setA4Page, textRowHeight, writeNote, writeNumber, writeTableHeader, writeText, writeTitleBlock, type HeaderColumn } from './sheetLayout';

export type CellFormat = 'text' | 'count' | 'ratio' | 'signedCount' | 'signedRatio' | 'decimal';

export interface TableColumn {
  header: string;
  group?: string;
  width: number;
  format: CellFormat;
}

export interface TableSpec {
  sheetName: string;
  issuer: string;
  title: string;
  subtitle: string;
  isDemo: boolean;
  columns: TableColumn[];
  rows: (string | number | null)[][];
  /** A bold "Tổng cộng" row; its first cells are merged over the text columns. */
  total?: (string | number | null)[];
  generatedAt: Date;
  /** A red line under the title (e.g. that the sheet holds personal data). */
  notice?: string;
}

export const DEMO_LINE = 'DỮ LIỆU MẪU — không phải số liệu thật';

/**
 * Any app table as an official-looking workbook: title block, two-row header with groups and
 * the column-number row, a bordered body with numbers stored as numbers, a totals row, A4
 * landscape with the header repeated on every page.
 */
export async function buildTableWorkbook(spec: TableSpec): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'BHXH Desk';
  wb.created = spec.generatedAt;
  addTableSheet(wb, spec);
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** One table as a sheet of `wb` (a report workbook has several). */
export function addTableSheet(wb: ExcelJS.Workbook, spec: TableSpec): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(spec.sheetName);
  const columns: HeaderColumn[] = [
    { header: 'STT', number: 'A', width: 5 },
    ...numbered(spec.columns),
  ];
  const width = columns.length;
  const headerRow = writeTitleBlock(ws, { issuer: spec.issuer.toLocaleUpperCase('vi'), title: spec.title.toLocaleUpperCase('vi'), subtitle: spec.subtitle, warning: [...(spec.isDemo ? [DEMO_LINE] : []), ...(spec.notice ? [spec.notice] : [])], width });
  const header = writeTableHeader(ws, headerRow, columns);
  let row = header.lastRow + 1;
  const write = (values: (string | number | null)[], bold: boolean) => {
    values.forEach((value, k) => {
      const column = spec.columns[k]!;
      const cell = ws.getCell(row, k + 2);
      if (column.format === 'text') {
        writeText(cell, value ?? '', { wrap: true, bold });
        if (typeof value === 'string' && value.length > column.width) ws.getRow(row).height = textRowHeight(value, column.width);
      } else writeNumber(cell, typeof value === 'number' ? value : null, NUM_FMT[column.format], bold);
    });
  };
  spec.rows.forEach((values, i) => {
    writeText(ws.getCell(row, 1), i + 1, { horizontal: 'center' });
    write(values, false);
    row += 1;
  });
  if (spec.total) {
    const textColumns = spec.columns.findIndex((c) => c.format !== 'text');
    mergeWrite(ws, { top: row, left: 1, bottom: row, right: Math.max(2, textColumns + 1) }, 'Tổng cộng', { font: font({ bold: true }), alignment: { horizontal: 'center', vertical: 'middle' } });
    spec.total.forEach((value, k) => {
      if (spec.columns[k]!.format !== 'text') writeNumber(ws.getCell(row, k + 2), typeof value === 'number' ? value : null, NUM_FMT[spec.columns[k]!.format as Exclude<CellFormat, 'text'>], true);
    });
    row += 1;
  }
  applyBorders(ws, { top: header.firstRow, left: 1, bottom: row - 1, right: width });
  const footerRow = row + 1;
  writeNote(ws, footerRow, width, `Ngày xuất: ${formatDateTime(spec.generatedAt.toISOString())}`, { horizontal: 'right' });
  setA4Page(ws, { printTitleRows: [header.firstRow, header.lastRow], printArea: { top: 1, left: 1, bottom: footerRow, right: width } });
  ws.views = [{ state: 'frozen', ySplit: header.lastRow }];
  return ws;
}

/** The column-number row of Vietnamese reports: letters over text columns, 1, 2, 3 … over figures. */
function numbered(columns: TableColumn[]): HeaderColumn[] {
  let letters = 1;
  let figures = 0;
  return columns.map((c) => ({
    header: c.header,
    group: c.group,
    width: c.width,
    number: c.format === 'text' ? String.fromCharCode(65 + letters++) : String(++figures),
  }));
}
