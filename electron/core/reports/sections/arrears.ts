import type { ReportBlock, ReportRow } from '../../../../shared/contract';
import { monthLabel } from '../../../../shared/domain/periods';
import { EMPLOYER_STATUS_LABELS } from '../../../../shared/domain/arrears';
import { formatCount, formatMoney } from '../../../../shared/format/vi';
import { arrearsOverview } from '../../arrears/service';
import type { SectionDef } from './types';

const TITLE = 'CÔNG TÁC THU NỢ, CHỐNG NỢ ĐỌNG';
const LARGEST = 5;

const pctText = (pct: number | null) => (pct === null ? '—' : `${pct.toLocaleString('vi-VN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}%`);

/**
 * Employer arrears for the steering committee: the total owed at the end of the report's month,
 * the ratio to the amount due in the year against the target in force, the table by months owed
 * (closed employers apart) and the largest debtors. Figures are the overview channel's, so they
 * are the screen's. Off by default.
 */
export const arrearsSection: SectionDef = {
  info: {
    id: 'arrears',
    title: 'Nợ đọng BHXH, BHYT, BHTN',
    description: 'Tổng số tiền các đơn vị còn nợ đến hết tháng báo cáo, tỷ lệ nợ so với số phải thu trong năm và chỉ tiêu, bảng theo số tháng nợ, các đơn vị nợ nhiều nhất.',
    defaultOn: false,
    editable: false,
  },
  async build(sc) {
    const officeCode = sc.scope.officeName ? sc.def.scopeCode ?? null : null;
    const o = await arrearsOverview(sc.ctx, { period: sc.month, officeCode });
    const when = `đến hết tháng ${monthLabel(sc.month)}`;
    if (o.employersInArrears === 0) {
      return { title: TITLE, orientation: 'portrait', blocks: [{ kind: 'paragraph', text: `- ${when[0]!.toUpperCase()}${when.slice(1)}, ${sc.scope.name} không có đơn vị nợ đóng BHXH, BHYT, BHTN trong số liệu đã nhập.` }] };
    }
    const target = o.target === null ? '' : `; chỉ tiêu không quá ${pctText(o.target.ratio)} (${o.meetsTarget ? 'đạt' : 'chưa đạt'})`;
    const blocks: ReportBlock[] = [
      {
        kind: 'paragraph',
        text:
          `- ${when[0]!.toUpperCase()}${when.slice(1)}, ${sc.scope.name} có ${formatCount(o.employersInArrears)} đơn vị nợ đóng BHXH, BHYT, BHTN với tổng số tiền ${formatMoney(o.totalOwed)}` +
          (o.ratio === null ? '' : `, bằng ${pctText(o.ratio)} số phải thu trong năm${target}`) + '.',
      },
      {
        kind: 'table',
        caption: `Số tiền nợ ${when} theo thời gian nợ`,
        columns: [
          { key: 'band', label: 'Nhóm nợ', format: 'text', width: 24 },
          { key: 'employers', label: 'Số đơn vị', format: 'count', width: 8 },
          { key: 'amount', label: 'Số tiền nợ (đồng)', format: 'count', width: 14 },
          { key: 'share', label: 'Tỷ trọng', format: 'percent', width: 8 },
        ],
        rows: [
          ...o.byBand.map((b): ReportRow => ({ cells: { band: b.label, employers: b.employers, amount: b.amount, share: o.totalOwed > 0 ? b.amount / o.totalOwed : null } })),
          { cells: { band: 'Tổng cộng', employers: o.employersInArrears, amount: o.totalOwed, share: 1 }, emphasis: 'total' },
        ],
        notes: [],
      },
    ];
    if (o.largest.length > 0) {
      blocks.push({
        kind: 'table',
        caption: 'Các đơn vị nợ nhiều nhất',
        columns: [
          { key: 'no', label: 'STT', format: 'count', width: 3 },
          { key: 'name', label: 'Tên đơn vị', format: 'text', width: 30 },
          { key: 'months', label: 'Số tháng nợ', format: 'count', width: 6 },
          { key: 'amount', label: 'Số tiền nợ (đồng)', format: 'count', width: 12 },
          { key: 'status', label: 'Tình trạng', format: 'text', width: 12 },
        ],
        rows: o.largest.slice(0, LARGEST).map((e, i): ReportRow => ({ cells: { no: i + 1, name: e.name, months: e.monthsOwed, amount: e.amountOwed, status: EMPLOYER_STATUS_LABELS[e.status] } })),
        notes: [],
      });
    }
    return { title: TITLE, orientation: 'portrait', blocks };
  },
};
