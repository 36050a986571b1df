import ExcelJS from 'exceljs';
import { AppError, type ReportBlock, type ReportCellFormat, type ReportDocument } from '../../../shared/contract';
import { writeNote } from '../exports/sheetLayout';
import { addTableSheet, type CellFormat, type TableColumn } from '../exports/tableWorkbook';

const FORMATS: Record<ReportCellFormat, CellFormat> = { text: 'text', count: 'count', signedCount: 'signedCount', percent: 'ratio', signedPoints: 'signedRatio', decimal: 'decimal' };

const SHEET_NAME_MAX = 31;

/** Words a cut title must not end on: "Kết quả so với kế hoạch được" reads better without "được". */
const DANGLING = new Set(['được', 'theo', 'của', 'và', 'với', 'cho', 'các', 'so', 'trong', 'tại', 'về', 'đến', 'từ', 'là', 'có']);

/** Where a title breaks naturally: before its subtitle ("… — BHXH tự nguyện") or its "theo …" part. */
const BREAKS = [' — ', ' theo '];

/** Cuts at a natural break that fits, else at the last space; a lone long word is cut as is. */
function cutAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  const head = text.slice(0, max + 1);
  const natural = BREAKS.map((b) => head.lastIndexOf(b)).find((i) => i > max / 3);
  const space = head.lastIndexOf(' ');
  const at = natural ?? (space > 0 ? space : max);
  const words = text.slice(0, at).replace(/[\s—–,;:.-]+$/u, '').split(' ');
  while (words.length > 1 && DANGLING.has(words[words.length - 1]!.toLocaleLowerCase('vi'))) words.pop();
  return words.join(' ');
}

/**
 * A sheet tab for a table: Excel forbids []:*?/\ and a leading or trailing apostrophe, caps names
 * at 31 characters and wants them unique whatever their case. Long captions are cut at a word,
 * never inside one; a clash gets " (2)", " (3)" … within the limit.
 */
export function excelSheetName(base: string, used: Set<string>): string {
  const clean = base.normalize('NFC').replace(/[[\]:*?/\\]/g, ' ').replace(/^'+|'+$/g, '').replace(/\s+/g, ' ').trim() || 'Bảng';
  let name = cutAtWord(clean, SHEET_NAME_MAX);
  for (let n = 2; used.has(name.toLocaleLowerCase('vi')); n++) {
    const suffix = ` (${n})`;
    name = cutAtWord(clean, SHEET_NAME_MAX - suffix.length) + suffix;
  }
  used.add(name.toLocaleLowerCase('vi'));
  return name;
}

/**
 * Sheet tabs are narrow: the section number stands in for "Biểu N:", and "Người tham gia", with
 * which every unit table's caption starts, says nothing a tab needs.
 */
function tabTitle(caption: string): string {
  return caption.replace(/^Biểu\s+\d+\s*:\s*/u, '').replace(/^Người tham gia\s+/u, '');
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
      const title = tabTitle(table.caption ?? section.heading.replace(/^[IVXL]+\.\s*/, ''));
      const ws = addTableSheet(wb, {
        // The section number in front, as in the printed report: "III.1 BHXH tự nguyện".
        sheetName: excelSheetName(`${roman}${tables.length > 1 ? `.${i + 1}` : ''} ${title}`, used),
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
