import ExcelJS from 'exceljs';
import { AppError, type DownloadRef, type ParsedRequestOf } from '../../../shared/contract';
import { maskCccd, maskPhone } from '../../../shared/calc/cccd';
import { maskBhxhCode, maskBhytCard } from '../../../shared/calc/personIds';
import { PAYMENT_MODE_LABELS, PERSON_PRODUCT_LABELS, PERSON_STATUS_LABELS, SEX_LABELS, type PaymentMode, type PersonStatus } from '../../../shared/domain/people';
import { monthLabel } from '../../../shared/domain/periods';
import { formatCount, formatDate } from '../../../shared/format/vi';
import { recordAudit } from '../audit/audit';
import type { CoreContext } from '../app/context';
import { issuerFor } from '../exports/appExports';
import { exportFileName } from '../exports/fileNames';
import { addTableSheet, type TableColumn } from '../exports/tableWorkbook';
import type { DownloadStore } from '../files/downloadStore';
import { PeopleRepository } from './repository';
import { resolveFilter } from './search';
import { PEOPLE_PERSONAL_NOTICE } from './sheets';

/** More rows than this are refused: split the export by commune or staff (an .xlsx of that size is not readable anyway). */
export const MAX_EXPORT_ROWS = 200_000;

const text = (header: string, width: number): TableColumn => ({ header, width, format: 'text' });

/**
 * `people:export`: the people a filter matches as a formatted workbook. Identifiers and phones
 * are masked unless withPersonal; then the sheet carries the personal-data line and the audit
 * row says so. Every export is audited.
 */
export async function exportPeople(ctx: CoreContext, downloads: DownloadStore, req: ParsedRequestOf<'people:export'>): Promise<DownloadRef> {
  const repo = new PeopleRepository(ctx.store);
  const { staff, ...filter } = await resolveFilter(repo, req.filter);
  const total = await repo.count(filter);
  if (total > MAX_EXPORT_ROWS) throw new AppError('TOO_LARGE', `Bộ lọc chọn ${formatCount(total)} người, quá ${formatCount(MAX_EXPORT_ROWS)} người một tệp. Hãy lọc theo xã hoặc nhân viên thu rồi xuất từng phần.`);
  const list = filter.listId !== undefined ? await repo.listById(filter.listId) : null;
  const rows = await repo.all(filter);
  const personal = req.withPersonal;
  const show = <T>(value: T | null, mask: (v: T | null) => string | null) => (personal ? value : mask(value)) ?? '';
  const body = rows.map((r) => [
    r.full_name, formatDate(r.birth_date), r.sex ? SEX_LABELS[r.sex] : '', show(r.cccd, maskCccd), show(r.bhxh_code, maskBhxhCode), show(r.bhyt_card, maskBhytCard), show(r.phone, maskPhone),
    r.commune_name ?? r.unit_code ?? '', r.hamlet ?? '', r.product ? PERSON_PRODUCT_LABELS[r.product] : '', r.due_month ? monthLabel(r.due_month) : '',
    r.payment_mode ? PAYMENT_MODE_LABELS[r.payment_mode as PaymentMode] : '', r.staff_name ?? '', PERSON_STATUS_LABELS[r.status as PersonStatus] ?? r.status, formatDate(r.last_contact_on), r.list_name,
  ]);
  const scope = [
    list ? `Danh sách: ${list.name}` : 'Mọi danh sách', filter.unitCode ? `xã mã ${filter.unitCode}` : null, filter.hamlet ? `thôn, ấp ${filter.hamlet}` : null,
    staff ? `nhân viên thu ${staff.fullName}` : null, filter.unassigned ? 'chưa phân công' : null, filter.status?.length ? `tình trạng ${filter.status.map((s) => PERSON_STATUS_LABELS[s]).join(', ')}` : null,
    filter.dueMonth ? `đến hạn tháng ${monthLabel(filter.dueMonth)}` : null,
  ].filter(Boolean).join('; ');
  const generatedAt = ctx.now();
  const wb = new ExcelJS.Workbook();
  wb.creator = 'BHXH Desk';
  wb.created = generatedAt;
  addTableSheet(wb, {
    sheetName: 'Danh sách',
    issuer: await issuerFor(ctx, filter.unitCode ?? rows[0]?.unit_code ?? null),
    title: 'Danh sách người vận động tham gia BHXH, BHYT',
    subtitle: `${scope}${personal ? '' : ' — số CCCD, mã số BHXH, thẻ BHYT và điện thoại đã che bớt'}`,
    isDemo: list?.is_demo === 1,
    columns: [
      text('Họ và tên', 24), text('Ngày sinh', 11), text('Giới tính', 7), text('Số CCCD', 14), text('Mã số BHXH', 12), text('Số thẻ BHYT', 17), text('Điện thoại', 12),
      text('Xã, phường', 18), text('Thôn, ấp', 14), text('Loại hình', 14), text('Tháng đến hạn', 9), text('Phương thức đóng', 10), text('Nhân viên thu', 18), text('Tình trạng', 12),
      text('Liên hệ gần nhất', 11), text('Danh sách', 20),
    ],
    rows: body,
    generatedAt,
    ...(personal ? { notice: PEOPLE_PERSONAL_NOTICE } : {}),
  });
  const bytes = Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  const fileName = exportFileName('Danh sách vận động', [list?.name, filter.unitCode, staff?.code, personal ? 'có dữ liệu cá nhân' : null]);
  await ctx.store.transaction(() =>
    recordAudit(
      ctx.store, ctx.actor,
      {
        action: 'export', entity: 'export', entityKey: 'people:list',
        summary: `Xuất danh sách người vận động (${formatCount(rows.length)} dòng, tệp ${fileName})${personal ? '; có dữ liệu cá nhân: CCCD, mã số BHXH, thẻ BHYT, số điện thoại' : ''}`,
        details: { filter: req.filter, rows: rows.length, withPersonal: personal },
      },
      generatedAt,
    ),
  );
  return downloads.put(bytes, fileName);
}
