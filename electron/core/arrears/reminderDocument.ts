import { AppError, type ReportColumn, type ReportDocument, type ReportRow } from '../../../shared/contract';
import { arrearsBand, lateInterest, monthEnd } from '../../../shared/calc/arrears';
import { ARREARS_BAND_LABELS, LATE_INTEREST_FROM } from '../../../shared/domain/arrears';
import { ISSUER_PARENT, placeDateLine } from '../../../shared/domain/documents';
import { formatCount, formatDate, formatMoney } from '../../../shared/format/vi';
import { localToday, type CoreContext } from '../app/context';
import { officialDocument } from '../reports/officialDocument';
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
 * "V/v đôn đốc thu nộp BHXH, BHYT, BHTN" as the excerpt, the employer's figures for the month
 * and the three before it, the 0,03% a day from 01/07/2025, Nơi nhận and the signature.
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
  const doc = await officialDocument(ctx, {
    dated: req.issueDate === null ? 'blank' : 'today',
    title: '',
    subtitle: 'V/v đôn đốc thu nộp BHXH, BHYT, BHTN',
    docNumber: req.docNumber ?? `Số:${'\u00a0'.repeat(6)}/BHXH-QLT`,
    unitCode: employer.unitCode,
    month: current.period,
    cutoffDate: monthEnd(current.period),
    scopeName: employer.name,
    sections: [
      {
        id: 'reminder',
        heading: '',
        orientation: 'portrait',
        blocks: [
          { kind: 'paragraph', text: `Kính gửi: ${employer.name}${employer.address ? ` (${employer.address})` : ''}.` },
          {
            kind: 'paragraph',
            text: `Căn cứ Luật Bảo hiểm xã hội số 41/2024/QH15, Luật Bảo hiểm y tế, Luật Việc làm và các văn bản hướng dẫn; căn cứ số liệu quản lý thu đến hết tháng ${monthText(current.period)}, ${officeName ?? 'cơ quan Bảo hiểm xã hội'} thông báo đơn vị ${employer.name} (mã đơn vị ${employer.code}${employer.taxCode ? `, mã số thuế ${employer.taxCode}` : ''}) còn chậm đóng BHXH, BHYT, BHTN như sau:`,
          },
          { kind: 'table', caption: null, columns: COLUMNS, rows: tableRows, notes: [] },
          {
            kind: 'paragraph',
            text: `Tổng số tiền còn nợ đến hết tháng ${monthText(current.period)}: ${formatMoney(current.amountOwed)} (${formatCount(current.monthsOwed)} tháng, thuộc nhóm "${ARREARS_BAND_LABELS[band]}"); tiền lãi chậm đóng đã tính: ${formatMoney(current.interest)}.`,
          },
          {
            kind: 'paragraph',
            text: `Từ ngày ${formatDate(LATE_INTEREST_FROM)}, số tiền chậm đóng phải nộp thêm số tiền bằng 0,03%/ngày tính trên số tiền và số ngày chậm đóng${accruing > 0 ? ` (ước tính đến ngày ${formatDate(issueDay)}: ${formatMoney(accruing)})` : ''}; hành vi chậm đóng, trốn đóng bị xử phạt vi phạm hành chính và có thể bị chuyển cơ quan có thẩm quyền xem xét xử lý theo quy định.`,
          },
          {
            kind: 'paragraph',
            text: `Đề nghị đơn vị khẩn trương nộp đủ số tiền còn nợ vào tài khoản thu của cơ quan Bảo hiểm xã hội trong thời hạn 15 ngày kể từ ngày nhận được công văn này, để bảo đảm quyền lợi của người lao động. Trường hợp đơn vị gặp khó khăn, đề nghị liên hệ ${officeName ?? 'cơ quan Bảo hiểm xã hội'} để thống nhất lộ trình nộp.`,
          },
        ],
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
