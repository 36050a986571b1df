import ExcelJS from 'exceljs';
import { AppError, type ReportBlock, type ReportCellFormat, type ReportDocument } from '../../../shared/contract';
import { writeNote } from '../exports/sheetLayout';
import { addTableSheet, type CellFormat, type TableColumn } from '../exports/tableWorkbook';

const FORMATS: Record<ReportCellFormat, CellFormat> = { text: 'text', count: 'count', signedCount: 'signedCount', percent: 'ratio', signedPoints: 'signedRatio' };

/** Excel forbids []:*?/\ in sheet names and caps them at 31 characters; names must be unique. */
function sheetName(base: string, used: Set<string>): string {
  const clean = base.replace(/[[\]:*?/\\]/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 28) || 'Bảng';
  let name = clean;
  for (let n = 2; used.has(name.toLocaleLowerCase('vi')); n++) name = `${clean.slice(0, 26)} ${n}`;
  used.add(name.toLocaleLowerCase('vi'));
  return name;
}

/**
 * The report's tables as a workbook, one sheet each, in print order: the same figures as the
 * PDF, as numbers Excel can sum. The row number column comes from the sheet writer, so the
 * document's own STT column is left out.
 */
export async function buildReportWorkbook(doc: ReportDocument, generatedAt: Date): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'BHXH Desk';
  wb.created = generatedAt;
  const used = new Set<string>();
  for (const section of doc.sections) {
    const tables = section.blocks.filter((b): b is Extract<ReportBlock, { kind: 'table' }> => b.kind === 'table');
    tables.forEach((table, i) => {
      const columns = table.columns.filter((c) => c.key !== 'index');
      const specColumns: TableColumn[] = columns.map((c) => ({ header: c.label, group: c.group, width: Math.max(9, Math.round(c.width * (c.format === 'text' ? 1.3 : 1.25))), format: FORMATS[c.format] }));
      const values = (cells: Record<string, string | number | null>) => columns.map((c) => cells[c.key] ?? null);
      const body = table.rows.filter((r) => r.emphasis !== 'total');
      const total = table.rows.find((r) => r.emphasis === 'total');
      const roman = section.heading.split('.')[0]!;
      const ws = addTableSheet(wb, {
        sheetName: sheetName(`${roman}${tables.length > 1 ? `.${i + 1}` : ''} ${table.caption ?? section.heading.replace(/^[IVXL]+\.\s*/, '')}`, used),
        issuer: doc.header.issuer,
        title: table.caption ?? section.heading.replace(/^[IVXL]+\.\s*/, ''),
        subtitle: `${doc.header.subtitle} ${doc.header.cutoff}`,
        isDemo: doc.isDemo,
        columns: specColumns,
        rows: body.map((r) => values(r.cells)),
        total: total ? values(total.cells) : undefined,
        generatedAt,
      });
      const at = ws.rowCount + 1;
      table.notes.forEach((note, k) => writeNote(ws, at + k, ws.columnCount, `Ghi chú: ${note}`));
    });
  }
  if (wb.worksheets.length === 0) throw new AppError('VALIDATION', 'Báo cáo này không có bảng số liệu nào để xuất Excel; hãy chọn thêm phần "Kết quả thực hiện các chỉ tiêu" hoặc "Kết quả theo đơn vị".');
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}
