import type { ReportBlock, ReportRow } from '../../../../shared/contract';
import { AGENT_KIND_LABELS } from '../../../../shared/domain/network';
import { monthLabel } from '../../../../shared/domain/periods';
import { formatCount, formatMoney } from '../../../../shared/format/vi';
import { networkOverview } from '../../network/overview';
import { networkRanking } from '../../network/ranking';
import type { SectionDef } from './types';

const TITLE = 'MẠNG LƯỚI ĐẠI LÝ THU';
const BEST = 5;
const NAMED_INACTIVE = 10;

/**
 * The agent network for the steering committee: counts by agent kind, the month's results by
 * kind, the best staff and those with no new participant for months, communes without a point.
 * Read through the network's own services, so the figures are the screen's.
 */
export const networkSection: SectionDef = {
  info: {
    id: 'network',
    title: 'Mạng lưới đại lý thu',
    description: 'Số tổ chức dịch vụ thu, điểm thu, nhân viên theo loại; kết quả trong tháng theo loại đại lý; nhân viên dẫn đầu và nhân viên không hoạt động; xã chưa có điểm thu.',
    defaultOn: false,
    editable: false,
  },
  async build(sc) {
    const officeCode = sc.scope.officeName ? sc.def.scopeCode ?? undefined : undefined;
    const overview = await networkOverview(sc.ctx, { period: sc.month, ...(officeCode ? { officeCode } : {}) });
    const t = overview.totals;
    if (t.agents === 0) return { title: TITLE, orientation: 'portrait', blocks: [{ kind: 'paragraph', text: `Chưa có tổ chức dịch vụ thu nào trong ${sc.scope.name}.` }] };
    const [best, inactive] = await Promise.all([
      networkRanking(sc.ctx, { period: sc.month, level: 'staff', measure: 'NEW_TN', by: 'result', limit: BEST, ...(officeCode ? { officeCode } : {}) }),
      networkRanking(sc.ctx, { period: sc.month, level: 'staff', inactiveOnly: true, limit: NAMED_INACTIVE, ...(officeCode ? { officeCode } : {}) }),
    ]);
    const month = monthLabel(sc.month);
    const blocks: ReportBlock[] = [
      {
        kind: 'paragraph',
        text:
          `- ${sc.scope.name} có ${formatCount(t.agents)} tổ chức dịch vụ thu với ${formatCount(t.points)} điểm thu và ${formatCount(t.staff)} nhân viên thu ` +
          `(${formatCount(t.trainedStaff)} người đã được tập huấn). Trong tháng ${month}, mạng lưới phát triển mới ${formatCount(t.results.NEW_TN ?? 0)} người tham gia BHXH tự nguyện, ` +
          `${formatCount(t.results.NEW_HGD ?? 0)} người tham gia BHYT hộ gia đình; số tiền thu ${formatMoney((t.results.AMOUNT_TN ?? 0) + (t.results.AMOUNT_HGD ?? 0))}.`,
      },
      {
        kind: 'table',
        caption: `Mạng lưới và kết quả tháng ${month} theo loại tổ chức dịch vụ thu`,
        columns: [
          { key: 'kind', label: 'Loại tổ chức', format: 'text', width: 26 },
          { key: 'agents', label: 'Tổ chức', format: 'count', width: 9, group: 'Mạng lưới' },
          { key: 'points', label: 'Điểm thu', format: 'count', width: 9, group: 'Mạng lưới' },
          { key: 'staff', label: 'Nhân viên', format: 'count', width: 9, group: 'Mạng lưới' },
          { key: 'tn', label: 'BHXH TN', format: 'count', width: 10, group: 'Tăng mới trong tháng' },
          { key: 'hgd', label: 'BHYT HGĐ', format: 'count', width: 10, group: 'Tăng mới trong tháng' },
        ],
        rows: [
          ...overview.byKind.map((k): ReportRow => ({ cells: { kind: AGENT_KIND_LABELS[k.kind], agents: k.agents, points: k.points, staff: k.staff, tn: k.results.NEW_TN ?? 0, hgd: k.results.NEW_HGD ?? 0 } })),
          { cells: { kind: 'Tổng cộng', agents: t.agents, points: t.points, staff: t.staff, tn: t.results.NEW_TN ?? 0, hgd: t.results.NEW_HGD ?? 0 }, emphasis: 'total' },
        ],
        notes: [],
      },
    ];
    const leaders = best.items.filter((r) => r.result > 0);
    if (leaders.length > 0) {
      blocks.push({
        kind: 'table',
        caption: `Nhân viên thu phát triển nhiều người tham gia BHXH tự nguyện nhất tháng ${month}`,
        columns: [
          { key: 'rank', label: 'Hạng', format: 'text', width: 6 },
          { key: 'name', label: 'Họ tên', format: 'text', width: 24 },
          { key: 'agent', label: 'Tổ chức dịch vụ thu', format: 'text', width: 26 },
          { key: 'result', label: 'Trong tháng', format: 'count', width: 11 },
          { key: 'cumulative', label: 'Lũy kế năm', format: 'count', width: 11 },
          { key: 'progress', label: '% kế hoạch năm', format: 'percent', width: 11 },
        ],
        rows: leaders.map((r): ReportRow => ({ cells: { rank: String(r.rank), name: r.name, agent: r.agentName, result: r.result, cumulative: r.cumulative, progress: r.progress } })),
        notes: [],
      });
    }
    const names = inactive.items.map((r) => `${r.name} (${r.agentName})`).join(', ');
    blocks.push({
      kind: 'paragraph',
      text:
        inactive.total === 0
          ? `- Không có nhân viên thu nào bỏ trống ${overview.inactiveMonths} tháng liền không phát triển được người tham gia mới.`
          : `- ${formatCount(inactive.total)} nhân viên thu không phát triển được người tham gia mới trong ${overview.inactiveMonths} tháng gần nhất: ${names}${inactive.total > inactive.items.length ? ` và ${formatCount(inactive.total - inactive.items.length)} người khác` : ''}.`,
    });
    const noPoint = overview.communes.filter((c) => c.noPoint);
    blocks.push({
      kind: 'paragraph',
      text:
        noPoint.length === 0
          ? '- Tất cả các xã, phường đều có điểm thu.'
          : `- ${formatCount(noPoint.length)}/${formatCount(overview.communes.length)} xã, phường chưa có điểm thu: ${noPoint.slice(0, 15).map((c) => c.name).join(', ')}${noPoint.length > 15 ? '…' : ''}; ${formatCount(overview.communesWithFewKinds)} xã, phường có dưới 3 loại tổ chức dịch vụ thu.`,
    });
    const contracts = [
      overview.expiring.expired > 0 ? `${formatCount(overview.expiring.expired)} hợp đồng đại lý đã hết hạn` : null,
      overview.expiring.within30 > 0 ? `${formatCount(overview.expiring.within30)} hợp đồng hết hạn trong 30 ngày tới` : null,
    ].filter((t): t is string => t !== null);
    if (contracts.length > 0) blocks.push({ kind: 'paragraph', text: `- ${contracts.join(', ')}: cần gia hạn hoặc ký lại.` });
    return { title: TITLE, orientation: 'portrait', blocks };
  },
};
