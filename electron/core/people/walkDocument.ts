import type { CoreContext } from '../app/context';
import { officialDocument } from '../reports/officialDocument';
import type { ReportColumn, ReportDocument, ReportRow, WalkList } from '../../../shared/contract';
import { PAYMENT_MODE_LABELS, PERSON_PRODUCT_LABELS, PERSON_STATUS_LABELS, SEX_LABELS } from '../../../shared/domain/people';
import { formatCount, formatDate } from '../../../shared/format/vi';

const NBSP4 = '\u00a0'.repeat(4);

const COLUMNS: ReportColumn[] = [
  { key: 'no', label: 'STT', format: 'count', width: 3 },
  { key: 'name', label: 'Họ và tên', format: 'text', width: 13 },
  { key: 'born', label: 'Năm sinh', format: 'text', width: 4.5 },
  { key: 'sex', label: 'Giới tính', format: 'text', width: 4 },
  { key: 'phone', label: 'Điện thoại', format: 'text', width: 8 },
  { key: 'product', label: 'Loại hình', format: 'text', width: 9 },
  { key: 'due', label: 'Đến hạn', format: 'text', width: 5 },
  { key: 'mode', label: 'Phương thức đóng', format: 'text', width: 6 },
  { key: 'status', label: 'Tình trạng', format: 'text', width: 7 },
  { key: 'last', label: 'Liên hệ gần nhất', format: 'text', width: 6.5 },
  { key: 'result', label: 'Kết quả lần này', format: 'text', width: 10 },
];

/**
 * A staff member's walk list as a Decree 30 document: heading, "DANH SÁCH ĐI TỪNG NHÀ", the
 * people grouped by commune and hamlet (a bold group row each) with a column left empty for
 * the result of the visit, a personal-data warning, and the signature. Printed on landscape A4.
 */
export async function walkDocument(ctx: CoreContext, list: WalkList): Promise<ReportDocument> {
  const rows: ReportRow[] = [];
  let no = 0;
  for (const group of list.groups) {
    rows.push({ cells: { name: `${group.hamlet || 'Chưa rõ thôn, ấp'} — ${group.communeName} (${formatCount(group.people.length)} người)` }, emphasis: 'group' });
    for (const p of group.people) {
      no++;
      rows.push({
        cells: {
          no, name: p.fullName, born: p.birthYear ? String(p.birthYear) : '', sex: p.sex ? SEX_LABELS[p.sex] : '', phone: p.phone ?? '',
          product: p.product ? PERSON_PRODUCT_LABELS[p.product] : '', due: p.dueMonth ? `${p.dueMonth.slice(5)}/${p.dueMonth.slice(0, 4)}` : '',
          mode: p.paymentMode ? PAYMENT_MODE_LABELS[p.paymentMode] : '', status: PERSON_STATUS_LABELS[p.status], last: formatDate(p.lastContactOn), result: '',
        },
      });
    }
  }
  return officialDocument(ctx, {
    dated: 'today',
    title: 'DANH SÁCH ĐI TỪNG NHÀ',
    subtitle: `Nhân viên thu: ${list.staffName} (${list.staffCode})${list.agentName ? ` — ${list.agentName}` : ''}`,
    cutoff: `(${list.listName ? `Danh sách "${list.listName}"; ` : ''}${formatCount(list.total)} người; lập ngày ${formatDate(list.generatedOn)})`,
    sections: [
      {
        id: 'walkList',
        heading: '',
        orientation: 'landscape',
        blocks: [
          {
            kind: 'table',
            caption: null,
            columns: COLUMNS,
            rows,
            notes: [
              'Tài liệu có dữ liệu cá nhân (họ tên, năm sinh, số điện thoại): chỉ dùng để vận động, không chia sẻ, không chụp gửi qua mạng xã hội; hủy sau khi dùng.',
              `Ghi kết quả từng lần gặp (đồng ý, hẹn lại ngày${NBSP4}…, từ chối, không gặp) rồi cập nhật vào chương trình.`,
            ],
          },
        ],
      },
    ],
    recipients: ['Nhân viên thu được giao;', 'Lưu: BHXH cơ sở.'],
    signature: { authority: 'NGƯỜI LẬP DANH SÁCH', title: '', name: '' },
  });
}
