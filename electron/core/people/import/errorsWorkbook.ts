import ExcelJS from 'exceljs';
import { AppError, type DownloadRef, type StagedRowIssue } from '../../../../shared/contract';
import { PERSON_FIELD_LABELS } from '../../../../shared/domain/people';
import { formatCount } from '../../../../shared/format/vi';
import type { CoreContext } from '../../app/context';
import { recordAudit } from '../../audit/audit';
import { exportFileName } from '../../exports/fileNames';
import { FONT_SIZE_TABLE, font, RED, thinBorder } from '../../exports/excelStyles';
import type { DownloadStore } from '../../files/downloadStore';
import { columnsOf, loadBatch } from './batches';
import { fieldColumns } from './mapping';
import { cellsOf, staffCodesOf } from './rows';

/** Rows a workbook of errors holds at most: beyond that the file itself needs fixing at the source. */
export const MAX_ERROR_ROWS = 50_000;
const PAGE = 5_000;
const WRONG_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } };

/**
 * The error rows as the office typed them, to send back: the file's columns in its order, each
 * wrong cell filled red with its message as a note, the messages again in a last column. It
 * holds personal data as typed: writing it is audited.
 */
export async function peopleErrorsWorkbook(ctx: CoreContext, downloads: DownloadStore, batchId: number): Promise<DownloadRef> {
  const { store } = ctx;
  const batch = await loadBatch(store, batchId);
  if (Number(batch.rows_error) === 0) throw new AppError('VALIDATION', `Lần nhập số ${batchId} (tệp "${batch.file_name}") không có dòng lỗi nào.`);
  const columns = columnsOf(batch).filter((c) => c.header || c.field);
  const fields = fieldColumns(columnsOf(batch));
  const wb = new ExcelJS.Workbook();
  wb.creator = 'BHXH Desk';
  const ws = wb.addWorksheet('Dòng lỗi', { views: [{ state: 'frozen', ySplit: 1 }] });
  const header = ['Dòng trong tệp', ...columns.map((c) => c.header || (c.field ? PERSON_FIELD_LABELS[c.field] : c.column)), 'Lỗi cần sửa'];
  const head = ws.addRow(header);
  head.eachCell((cell) => {
    cell.font = font({ bold: true, size: FONT_SIZE_TABLE });
    cell.border = thinBorder();
    cell.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  });
  ws.columns.forEach((col, i) => {
    col.width = i === 0 ? 10 : i === header.length - 1 ? 60 : 18;
  });
  let written = 0;
  for (let after = 0; written < MAX_ERROR_ROWS; ) {
    const rows = await store.db
      .selectFrom('person_import_rows')
      .selectAll()
      .where('batch_id', '=', batchId)
      .where('status', '=', 'error')
      .where('row_no', '>', after)
      .orderBy('row_no')
      .limit(PAGE)
      .execute();
    if (rows.length === 0) break;
    const staff = await staffCodesOf(store, rows.map((r) => r.staff_id));
    for (const r of rows) {
      if (written >= MAX_ERROR_ROWS) break;
      const cells = cellsOf(r, fields, staff);
      const issues = r.errors ? (JSON.parse(r.errors) as StagedRowIssue[]) : [];
      const line = ws.addRow([r.row_no, ...columns.map((c) => cells[c.index] ?? null), issues.map((i) => `${i.cell ? `Ô ${i.cell}: ` : ''}${i.message}`).join('\n')]);
      line.eachCell({ includeEmpty: true }, (cell) => {
        cell.border = thinBorder();
        cell.font = font({ size: FONT_SIZE_TABLE });
        cell.numFmt = '@';
      });
      line.getCell(header.length).font = font({ size: FONT_SIZE_TABLE, color: RED });
      line.getCell(header.length).alignment = { wrapText: true, vertical: 'top' };
      for (const issue of issues) {
        const at = columns.findIndex((c) => c.column === issue.column);
        if (at < 0) continue;
        const cell = line.getCell(at + 2);
        cell.fill = WRONG_FILL;
        cell.note = issue.message;
      }
      written++;
    }
    after = rows[rows.length - 1]!.row_no;
  }
  if (Number(batch.rows_error) > written) {
    ws.addRow([`Còn ${formatCount(Number(batch.rows_error) - written)} dòng lỗi nữa không ghi vào tệp này (tối đa ${formatCount(MAX_ERROR_ROWS)} dòng).`]);
  }
  const bytes = Buffer.from(await wb.xlsx.writeBuffer());
  await recordAudit(
    store,
    ctx.actor,
    {
      action: 'export',
      entity: 'person-import',
      entityKey: String(batchId),
      summary: `Xuất ${formatCount(written)} dòng lỗi của lần nhập số ${batchId} (tệp "${batch.file_name}") — có dữ liệu cá nhân`,
      details: { batchId, rows: written, personalData: true },
    },
    ctx.now(),
  );
  return downloads.put(bytes, exportFileName('loi-nhap-danh-sach', [batch.file_name.replace(/\.\w+$/, '')]));
}
