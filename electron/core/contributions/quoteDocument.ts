import type { ParsedRequestOf, ReportColumn, ReportDocument, ReportRow } from '../../../shared/contract';
import type { RuleUsed } from '../../../shared/calc/contributions';
import { PAY_MODE_LABELS, RULE_KIND_DEFS, ruleValueText, subjectLabel } from '../../../shared/domain/contributions';
import { formatCount, formatDate, formatMoney } from '../../../shared/format/vi';
import type { CoreContext } from '../app/context';
import { officialDocument } from '../reports/officialDocument';
import { calcBhxhTn, calcBhytHgd } from './service';

const pct = (v: number) => ruleValueText('percent', v);

/**
 * "Căn cứ" lines under the table: each rule used, its value, start and legal source (once each);
 * the member ranks of household BHYT share one line.
 */
function basis(rules: RuleUsed[]): string[] {
  const seen = new Set<string>();
  const lines: string[] = [];
  const ranks = rules.filter((r) => r.kind === 'BHYT_HGD_RANK').sort((a, b) => Number(a.subject) - Number(b.subject));
  for (const r of rules) {
    const key = r.kind === 'BHYT_HGD_RANK' ? r.kind : `${r.kind}|${r.subject ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (r.kind === 'BHYT_HGD_RANK') {
      const from = ranks.map((x) => x.validFrom).sort().at(-1)!;
      const sources = [...new Set(ranks.map((x) => x.source))].join('; ');
      lines.push(`${r.label} (từ người thứ nhất): ${ranks.map((x) => pct(x.value)).join(', ')} mức đóng của người thứ nhất, áp dụng từ ${formatDate(from)} — ${sources}.`);
      continue;
    }
    lines.push(`${r.label}${r.subject ? ` (${subjectLabel(r.kind, r.subject).toLocaleLowerCase('vi')})` : ''}: ${ruleValueText(RULE_KIND_DEFS[r.kind].unit, r.value)}, áp dụng từ ${formatDate(r.validFrom)} — ${r.source}.`);
  }
  return lines;
}

const ITEM_COLUMNS: ReportColumn[] = [
  { key: 'no', label: 'STT', format: 'text', width: 2 },
  { key: 'item', label: 'Nội dung', format: 'text', width: 14 },
  { key: 'amount', label: 'Số tiền (đồng)', format: 'count', width: 5 },
];

const MEMBER_COLUMNS: ReportColumn[] = [
  { key: 'no', label: 'STT', format: 'text', width: 2 },
  { key: 'rank', label: 'Thành viên', format: 'text', width: 5 },
  { key: 'group', label: 'Nhóm được hỗ trợ', format: 'text', width: 7 },
  { key: 'amount', label: 'Mức đóng một tháng', format: 'count', width: 4 },
  { key: 'support', label: 'Ngân sách hỗ trợ', format: 'count', width: 4 },
  { key: 'pays', label: 'Phải đóng một tháng', format: 'count', width: 4 },
  { key: 'period', label: 'Số tiền cả kỳ', format: 'count', width: 4 },
];

/**
 * The quote handed to a citizen (bảng tính mức đóng): the Decree 30 heading, the figures of
 * one calculation, the rules and decrees they come from, and the preparer's signature. A4 portrait.
 */
export async function quoteDocument(ctx: CoreContext, req: ParsedRequestOf<'calc:quoteDocument'>): Promise<ReportDocument> {
  const who = req.personName?.trim() ? req.personName.trim() : null;
  const closing = { recipients: ['Người tham gia;', 'Lưu: BHXH cơ sở.'], signature: { authority: 'NGƯỜI LẬP', title: '', name: '' } };
  if (req.kind === 'bhxhTn') {
    const r = await calcBhxhTn(ctx, req.input);
    const rows: ReportRow[] = [
      { cells: { no: '1', item: 'Mức thu nhập tháng chọn đóng', amount: r.income } },
      { cells: { no: '2', item: `Mức đóng một tháng (${pct(r.ratePct)} thu nhập)`, amount: r.contribution } },
      { cells: { no: '3', item: `Nhà nước hỗ trợ một tháng (${r.groupLabel.toLocaleLowerCase('vi')}: ${pct(r.stateSupportPct)} mức đóng tính trên thu nhập ${formatMoney(r.minIncome)})`, amount: r.stateSupport } },
      ...(r.provinceSupportPct > 0 ? [{ cells: { no: '4', item: `Tỉnh hỗ trợ thêm một tháng (${pct(r.provinceSupportPct)})`, amount: r.provinceSupport } }] : []),
      { cells: { no: r.provinceSupportPct > 0 ? '5' : '4', item: 'Người tham gia đóng một tháng', amount: r.personPays }, emphasis: 'total' },
      {
        cells: {
          no: '',
          item: r.mode === 'years'
            ? `Số tiền đóng một lần cho ${formatCount(r.months / 12)} năm (${formatCount(r.months)} tháng, đã chiết khấu ${pct(r.discountRatePct ?? 0)}/năm)`
            : `Số tiền đóng mỗi lần — ${PAY_MODE_LABELS[r.mode].toLocaleLowerCase('vi')} (${formatCount(r.months)} tháng)`,
          amount: r.totalPays,
        },
        emphasis: 'total',
      },
    ];
    return officialDocument(ctx, {
      dated: 'today',
      title: 'BẢNG TÍNH MỨC ĐÓNG BẢO HIỂM XÃ HỘI TỰ NGUYỆN',
      subtitle: who ? `Người tham gia: ${who}` : '',
      cutoff: `(Tính theo quy định áp dụng ngày ${formatDate(r.date)})`,
      sections: [{ id: 'quote', heading: '', orientation: 'portrait', blocks: [{ kind: 'table', caption: null, columns: ITEM_COLUMNS, rows, notes: ['Căn cứ:', ...basis(r.rules), 'Bảng tính để tham khảo; số tiền thu thực tế theo quy định tại thời điểm đóng.'] }] }],
      ...closing,
    });
  }
  const r = await calcBhytHgd(ctx, req.input);
  const rows: ReportRow[] = r.members.map((m) => ({
    cells: { no: String(m.position), rank: m.rankLabel, group: m.group === 'none' ? '' : `${m.groupLabel} (${pct(m.supportPct)})`, amount: m.amount, support: m.support, pays: m.pays, period: m.pays * r.months },
  }));
  rows.push({ cells: { no: '', rank: 'Cộng', group: `${formatCount(r.members.length)} người`, amount: r.total, support: r.totalSupport, pays: r.totalPays, period: r.periodPays }, emphasis: 'total' });
  return officialDocument(ctx, {
    dated: 'today',
    title: 'BẢNG TÍNH MỨC ĐÓNG BẢO HIỂM Y TẾ HỘ GIA ĐÌNH',
    subtitle: who ? `Hộ gia đình: ${who}` : '',
    cutoff: `(${formatCount(r.months)} tháng; tính theo quy định áp dụng ngày ${formatDate(r.date)})`,
    sections: [
      {
        id: 'quote', heading: '', orientation: 'portrait',
        blocks: [{
          kind: 'table', caption: null, columns: MEMBER_COLUMNS, rows,
          notes: [
            `Cả hộ đóng ${formatMoney(r.periodPays)} cho ${formatCount(r.months)} tháng.`,
            'Căn cứ:', ...basis(r.rules),
          ],
        }],
      },
    ],
    ...closing,
  });
}
