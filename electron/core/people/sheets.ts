import ExcelJS from 'exceljs';
import { AppError, type DownloadRef, type ParsedRequestOf } from '../../../shared/contract';
import type { WalkList } from '../../../shared/contract/peopleTypes';
import {
  CLOSED_STATUSES, PAYMENT_MODE_LABELS, PERSON_PRODUCT_LABELS, PERSON_STATUS_LABELS, PERSON_STATUSES, SEX_LABELS, type PaymentMode, type PersonStatus,
} from '../../../shared/domain/people';
import { monthLabel } from '../../../shared/domain/periods';
import { formatCount, formatDate } from '../../../shared/format/vi';
import { recordAudit } from '../audit/audit';
import { localToday, type CoreContext } from '../app/context';
import { FONT_SIZE_TEXT, FONT_SIZE_TITLE, RED, font } from '../exports/excelStyles';
import { issuerFor } from '../exports/appExports';
import { exportFileName } from '../exports/fileNames';
import { applyBorders, mergeWrite, setA4Page, writeNote, writeTableHeader, writeText, type HeaderColumn } from '../exports/sheetLayout';
import { DEMO_LINE } from '../exports/tableWorkbook';
import type { DownloadStore } from '../files/downloadStore';
import { PeopleRepository } from './repository';
import { ISSUER_PARENT, NATIONAL_MOTTO, NATIONAL_MOTTO_SUB } from '../../../shared/domain/documents';

/** The red line on every sheet that carries real phone numbers or identifiers. */
export const PEOPLE_PERSONAL_NOTICE = 'Tài liệu có dữ liệu cá nhân – không chia sẻ, hủy sau khi dùng';

export const SHEET_TITLES = { call: 'PHIẾU GỌI VẬN ĐỘNG', walk: 'DANH SÁCH ĐI TỪNG NHÀ' } as const;

const OPEN_STATUSES = PERSON_STATUSES.filter((s) => !CLOSED_STATUSES.has(s));

interface SheetData extends WalkList {
  isDemo: boolean;
  unitCode: string | null;
}

/** One staff member's people grouped by commune and hamlet (open statuses only unless asked), in one query. */
async function sheetData(ctx: CoreContext, req: { staffCode: string; listId?: number; openOnly?: boolean }): Promise<SheetData> {
  const repo = new PeopleRepository(ctx.store);
  const staff = (await repo.staffByCodes([req.staffCode])).get(req.staffCode);
  if (!staff) throw new AppError('NOT_FOUND', `Không có nhân viên thu mã "${req.staffCode}".`, { field: 'staffCode' });
  const list = req.listId !== undefined ? await repo.listById(req.listId) : null;
  if (req.listId !== undefined && !list) throw new AppError('NOT_FOUND', 'Không tìm thấy danh sách này (có thể đã bị xóa).', { field: 'listId' });
  const rows = await repo.all({ staffId: staff.id, listId: req.listId, status: req.openOnly === false ? undefined : OPEN_STATUSES });
  const groups: WalkList['groups'] = [];
  for (const r of rows) {
    const communeName = r.commune_name ?? r.unit_code ?? 'Chưa rõ xã, phường';
    const hamlet = r.hamlet ?? 'Chưa rõ thôn, ấp';
    let g = groups[groups.length - 1];
    if (!g || g.communeName !== communeName || g.hamlet !== hamlet) groups.push((g = { communeName, hamlet, people: [] }));
    g.people.push({
      id: r.id, fullName: r.full_name, birthYear: r.birth_date ? Number(r.birth_date.slice(0, 4)) : null, sex: r.sex, phone: r.phone, product: r.product, dueMonth: r.due_month,
      paymentMode: r.payment_mode as PaymentMode | null, status: r.status as PersonStatus, lastContactOn: r.last_contact_on,
    });
  }
  return {
    staffCode: staff.code, staffName: staff.fullName, agentName: staff.agentName, listName: list?.name ?? null, generatedOn: localToday(ctx.now()), groups, total: rows.length,
    isDemo: list ? list.is_demo === 1 : rows.length > 0 && (await ctx.store.db.selectFrom('person_lists').select('id').where('is_demo', '=', 1).where('id', 'in', [...new Set(rows.map((r) => r.list_id))]).executeTakeFirst()) !== undefined,
    unitCode: rows[0]?.unit_code ?? null,
  };
}

async function auditSheet(ctx: CoreContext, what: string, data: SheetData, fileName: string | null): Promise<void> {
  await ctx.store.transaction(() =>
    recordAudit(
      ctx.store, ctx.actor,
      {
        action: 'export', entity: 'export', entityKey: `people:${what === SHEET_TITLES.walk ? 'walk' : 'call'}`,
        summary: `Xuất ${what.toLocaleLowerCase('vi')} của nhân viên ${data.staffName} (mã ${data.staffCode}): ${formatCount(data.total)} người${fileName ? `, tệp ${fileName}` : ''}; có dữ liệu cá nhân: số điện thoại`,
        details: { staffCode: data.staffCode, listName: data.listName, rows: data.total, withPersonal: true },
      },
      ctx.now(),
    ),
  );
}

/** `people:walkList`: the same people as the sheet, for the printable A4 page; audited as an export. */
export async function walkList(ctx: CoreContext, req: ParsedRequestOf<'people:walkList'>): Promise<WalkList> {
  const data = await sheetData(ctx, req);
  await auditSheet(ctx, SHEET_TITLES.walk, data, null);
  const { isDemo: _d, unitCode: _u, ...list } = data;
  void _d;
  void _u;
  return list;
}

const COLUMNS: HeaderColumn[] = [
  { header: 'STT', number: 'A', width: 5 },
  { header: 'Họ và tên', number: 'B', width: 24 },
  { header: 'Năm sinh', number: 'C', width: 7 },
  { header: 'Giới tính', number: 'D', width: 6 },
  { header: 'Điện thoại', number: 'E', width: 12 },
  { header: 'Loại hình', number: 'F', width: 14 },
  { header: 'Tháng đến hạn', number: 'G', width: 9 },
  { header: 'Phương thức đóng', number: 'H', width: 10 },
  { header: 'Tình trạng', number: 'I', width: 12 },
  { header: 'Lần liên hệ gần nhất', number: 'K', width: 11 },
  { header: 'Kết quả', number: 'L', width: 16 },
  { header: 'Ghi chú', number: 'M', width: 18 },
].map((c, i) => ({ ...c, number: String.fromCharCode(65 + i) }));

/** The Decree-30 heading: issuing body left, national motto right, then the title lines. Returns the next free row. */
function heading(ws: ExcelJS.Worksheet, issuer: string, title: string, subtitle: string, warnings: string[]): number {
  const width = COLUMNS.length;
  const bold = { font: font({ size: FONT_SIZE_TEXT, bold: true }), alignment: { horizontal: 'center' as const, vertical: 'middle' as const } };
  mergeWrite(ws, { top: 1, left: 1, bottom: 1, right: 4 }, ISSUER_PARENT, { font: font({ size: FONT_SIZE_TEXT }), alignment: bold.alignment });
  mergeWrite(ws, { top: 2, left: 1, bottom: 2, right: 4 }, issuer.toLocaleUpperCase('vi'), bold);
  mergeWrite(ws, { top: 1, left: 7, bottom: 1, right: width }, NATIONAL_MOTTO, bold);
  mergeWrite(ws, { top: 2, left: 7, bottom: 2, right: width }, NATIONAL_MOTTO_SUB, { font: font({ size: FONT_SIZE_TEXT, bold: true }), alignment: bold.alignment });
  let row = 4;
  const line = (text: string, style: Partial<ExcelJS.Style>, height: number) => {
    mergeWrite(ws, { top: row, left: 1, bottom: row, right: width }, text, { ...style, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true } });
    ws.getRow(row).height = height;
    row += 1;
  };
  line(title, { font: font({ size: FONT_SIZE_TITLE, bold: true }) }, 22);
  line(subtitle, { font: font({ size: FONT_SIZE_TEXT, italic: true }) }, 32);
  for (const w of warnings) line(w, { font: font({ size: FONT_SIZE_TEXT, bold: true, color: RED }) }, 18);
  return row + 1;
}

/**
 * `people:exportSheet`: one staff member's call sheet or walk list as a formatted workbook:
 * Decree-30 heading, the personal-data line, a group row per hamlet, real phone numbers (staff
 * must call), empty "Kết quả" and "Ghi chú" columns to fill by hand, A4 landscape with the
 * header on every page. Audited.
 */
export async function exportSheet(ctx: CoreContext, downloads: DownloadStore, req: ParsedRequestOf<'people:exportSheet'>): Promise<DownloadRef> {
  const data = await sheetData(ctx, req);
  const title = SHEET_TITLES[req.kind];
  const issuer = await issuerFor(ctx, data.unitCode);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'BHXH Desk';
  wb.created = ctx.now();
  wb.title = title;
  const ws = wb.addWorksheet(req.kind === 'walk' ? 'Đi từng nhà' : 'Phiếu gọi');
  const subtitle = [
    `Nhân viên thu: ${data.staffName} (mã ${data.staffCode})${data.agentName ? ` – ${data.agentName}` : ''}`,
    data.listName ? `danh sách: ${data.listName}` : null,
    `${formatCount(data.total)} người${req.openOnly ? ' chưa kết thúc vận động' : ''}; ngày ${formatDate(data.generatedOn)}`,
  ].filter(Boolean).join('; ');
  const headerRow = heading(ws, issuer, title, subtitle, [...(data.isDemo ? [DEMO_LINE] : []), PEOPLE_PERSONAL_NOTICE]);
  const header = writeTableHeader(ws, headerRow, COLUMNS);
  let row = header.lastRow + 1;
  let n = 0;
  for (const g of data.groups) {
    mergeWrite(ws, { top: row, left: 1, bottom: row, right: COLUMNS.length }, `${g.communeName} – ${g.hamlet} (${formatCount(g.people.length)} người)`, {
      font: font({ bold: true }), alignment: { horizontal: 'left', vertical: 'middle' }, fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFEFEF' } },
    });
    row += 1;
    for (const p of g.people) {
      const values: (string | number)[] = [
        ++n, p.fullName, p.birthYear ?? '', p.sex ? SEX_LABELS[p.sex] : '', p.phone ?? '', p.product ? PERSON_PRODUCT_LABELS[p.product] : '', p.dueMonth ? monthLabel(p.dueMonth) : '',
        p.paymentMode ? PAYMENT_MODE_LABELS[p.paymentMode] : '', PERSON_STATUS_LABELS[p.status], formatDate(p.lastContactOn), '', '',
      ];
      values.forEach((v, k) => writeText(ws.getCell(row, k + 1), v, { horizontal: k === 0 || k === 2 || k === 3 || k === 6 ? 'center' : 'left', wrap: k === 1 }));
      ws.getRow(row).height = 22;
      row += 1;
    }
  }
  applyBorders(ws, { top: header.firstRow, left: 1, bottom: Math.max(header.lastRow, row - 1), right: COLUMNS.length });
  const footer = row + 1;
  writeNote(ws, footer, COLUMNS.length, `Ngày in: ${formatDate(data.generatedOn)}. Ghi kết quả từng lần liên hệ vào cột "Kết quả" rồi nhập lại vào BHXH Desk.`);
  setA4Page(ws, { printTitleRows: [header.firstRow, header.lastRow], printArea: { top: 1, left: 1, bottom: footer, right: COLUMNS.length } });
  ws.pageSetup.margins = { left: 0.6, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 };
  ws.views = [{ state: 'frozen', ySplit: header.lastRow }];
  const bytes = Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  const fileName = exportFileName(req.kind === 'walk' ? 'Danh sách đi từng nhà' : 'Phiếu gọi vận động', [data.staffCode, data.generatedOn]);
  await auditSheet(ctx, title, data, fileName);
  return downloads.put(bytes, fileName);
}
