import { AppError, type ReportColumn, type ReportDocument, type ReportRow } from '../../../shared/contract';
import { arrearsBand, fillReminderTemplate, lateInterest, monthEnd } from '../../../shared/calc/arrears';
import { ARREARS_BAND_LABELS, DEFAULT_REMINDER_TEMPLATE } from '../../../shared/domain/arrears';
import { ISSUER_PARENT, placeDateLine } from '../../../shared/domain/documents';
import { formatCount, formatDate, formatMoney } from '../../../shared/format/vi';
import { localToday, type CoreContext } from '../app/context';
import { officialDocument } from '../reports/officialDocument';
import { storedReminderTemplate } from './reminderTemplate';
import { ArrearsRepository, toMonthRow } from './repository';

type Input = { employerId: number; period?: string; docNumber?: string; place?: string; issueDate?: string | null; signerTitle?: string; signerName?: string };

const COLUMNS: ReportColumn[] = [
  { key: 'period', label: 'Tháng', format: 'text', width: 4 },
  { key: 'months', label: 'Số tháng chậm đóng', format: 'count', width: 4 },
  { key: 'band', label: 'Nhóm nợ', format: 'text', width: 9 },
  { key: 'amount', label: 'Số tiền chậm đóng (đồng)', format: 'count', width: 6 },
  { key: 'interest', label: 'Tiền lãi chậm đóng (đồng)', format: 'count', width: 6 },
];

const monthText = (p: string) => `${p.slice(5)}/${p.slice(0, 4)}`;

/**
 * The reminder letter (công văn đôn đốc) to one employer: the office issues it under the province,
 * "V/v đôn đốc thu nộp BHXH, BHYT, BHTN" as the excerpt, the office's wording (reminderTemplate.ts,
 * default in shared/domain/arrears.ts) filled with the employer's figures for the month and the
 * three before it, Nơi nhận and the signature.
 */
export async function reminderDocument(ctx: CoreContext, req: Input): Promise<ReportDocument> {
  const repo = new ArrearsRepository(ctx.store);
  const employer = await repo.employer(req.employerId);
  if (!employer) throw new AppError('NOT_FOUND', `Không có đơn vị số ${req.employerId}.`);
  const all = (await repo.monthRows(employer.id)).map(toMonthRow);
  const rows = req.period ? all.filter((r) => r.period <= req.period!) : all;
  const current = rows[0];
  if (!current || current.amountOwed <= 0) {
    throw new AppError('VALIDATION', `Đơn vị ${employer.code} — ${employer.name} không còn nợ${req.period ? ` đến tháng ${monthText(req.period)}` : ''}; không cần công văn đôn đốc.`);
  }
  const today = localToday(ctx.now());
  const issueDay = req.issueDate ?? today;
  const band = arrearsBand(current.monthsOwed, employer.status);
  const tableRows: ReportRow[] = rows.slice(0, 4).reverse().map((r) => ({
    cells: { period: monthText(r.period), months: r.monthsOwed, band: r.amountOwed > 0 ? ARREARS_BAND_LABELS[arrearsBand(r.monthsOwed, employer.status)] : 'Đã hết nợ', amount: r.amountOwed, interest: r.interest },
  }));
  const officeName = employer.officeName ?? null;
  const lateFrom = monthEnd(current.period);
  const accruing = lateInterest(current.amountOwed, lateFrom, issueDay);
  const template = (await storedReminderTemplate(ctx.store)) ?? DEFAULT_REMINDER_TEMPLATE;
  const values = {
    ten_don_vi: employer.name, ma_don_vi: employer.code, ma_so_thue: employer.taxCode ?? '', dia_chi: employer.address ?? '',
    co_quan: officeName ?? 'cơ quan Bảo hiểm xã hội', thang: monthText(current.period), so_tien_no: formatMoney(current.amountOwed),
    so_thang_no: formatCount(current.monthsOwed), nhom_no: ARREARS_BAND_LABELS[band], tien_lai: formatMoney(current.interest),
    lai_uoc_tinh: formatMoney(accruing), ngay_lap: formatDate(issueDay),
  };
  const doc = await officialDocument(ctx, {
    dated: req.issueDate === null ? 'blank' : 'today',
    title: '',
    excerpt: 'V/v đôn đốc thu nộp BHXH, BHYT, BHTN',
    docNumber: req.docNumber ? (/^s[ốo]\s*[:.]/i.test(req.docNumber.trim()) ? req.docNumber.trim() : `Số: ${req.docNumber.trim()}`) : `Số:${'\u00a0'.repeat(6)}/BHXH-QLT`,
    unitCode: employer.unitCode,
    month: current.period,
    cutoffDate: monthEnd(current.period),
    scopeName: employer.name,
    sections: [
      {
        id: 'reminder',
        heading: '',
        orientation: 'portrait',
        blocks: fillReminderTemplate(template, values).map((b) => (b.kind === 'table' ? { kind: 'table', caption: null, columns: COLUMNS, rows: tableRows, notes: [] } : b)),
      },
    ],
    recipients: ['Như trên;', 'Giám đốc (để báo cáo);', 'Lưu: VT, QLT.'],
    signature: { authority: 'KT. GIÁM ĐỐC', title: req.signerTitle ?? 'PHÓ GIÁM ĐỐC', name: req.signerName ?? '' },
  });
  // The office issues the letter under its province (Decree 30: the body over its parent).
  if (officeName) doc.header = { ...doc.header, issuerParent: doc.header.issuer, issuer: officeName.replace(/^BHXH\s/i, 'Bảo hiểm xã hội ').toLocaleUpperCase('vi') };
  else doc.header = { ...doc.header, issuerParent: ISSUER_PARENT };
  if (req.place || req.issueDate) {
    const date = req.issueDate === null ? null : issueDay;
    doc.header = { ...doc.header, placeDate: placeDateLine(req.place ?? doc.definition.place, date, issueDay.slice(0, 4)) };
  }
  return doc;
}
