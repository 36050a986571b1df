import type { CampaignTotal, ReportBlock, ReportRow } from '../../../../shared/contract';
import { CAMPAIGN_KIND_LABELS } from '../../../../shared/domain/campaigns';
import { monthBounds, monthLabel } from '../../../../shared/domain/periods';
import { formatCount, formatDate, formatMoney } from '../../../../shared/format/vi';
import { searchCampaigns } from '../../campaigns/campaigns';
import { campaignTotals } from '../../campaigns/totals';
import type { SectionDef } from './types';

const TITLE = 'CÔNG TÁC TUYÊN TRUYỀN';
const BEST = 5;

/** 132,14 (a percentage from shared calc) → the ratio the report's 'percent' cells print. */
const ratio = (pct: number | null): number | null => (pct === null ? null : pct / 100);

const pctText = (pct: number | null) => (pct === null ? null : `${pct.toLocaleString('vi-VN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}%`);

function cells(t: CampaignTotal) {
  return {
    campaigns: t.campaigns, sessions: t.sessions, attendees: t.attendees, tn: t.signups.BHXH_TN, hgd: t.signups.BHYT_HGD, pct: ratio(t.pctOfPlanTotal),
    cost: t.cost, perSignup: t.costPerSignup,
  };
}

/**
 * Outreach for the steering committee: what was held from January to the report's month
 * (activities, sessions, people reached, sign-ups against plan, cost), a table by kind and the
 * campaigns with most sign-ups. Figures are the totals channel's (shared calc), so they are the
 * screen's.
 */
export const campaignsSection: SectionDef = {
  info: {
    id: 'campaigns',
    title: 'Công tác tuyên truyền',
    description: 'Số hoạt động, số buổi, người tham dự, người đăng ký tham gia BHXH tự nguyện và BHYT hộ gia đình so với kế hoạch, chi phí, theo loại hình, từ đầu năm đến tháng báo cáo; các hoạt động có nhiều người đăng ký nhất.',
    defaultOn: false,
    editable: false,
  },
  async build(sc) {
    const officeCode = sc.scope.officeName ? sc.def.scopeCode ?? undefined : undefined;
    const from = `${sc.year}-01-01`;
    const to = monthBounds(sc.month).to;
    const span = sc.monthIndex === 1 ? `tháng ${monthLabel(sc.month)}` : `từ tháng 01 đến tháng ${monthLabel(sc.month)}`;
    const totals = await campaignTotals(sc.ctx, { from, to, ...(officeCode ? { officeCode } : {}) });
    const t = totals.total;
    if (t.campaigns === 0) return { title: TITLE, orientation: 'portrait', blocks: [{ kind: 'paragraph', text: `- ${span[0]!.toUpperCase()}${span.slice(1)}, ${sc.scope.name} chưa ghi nhận hoạt động tuyên truyền nào.` }] };
    const planned = t.pctOfPlanTotal === null ? '' : `, đạt ${pctText(t.pctOfPlanTotal)} kế hoạch`;
    const perSignup = t.costPerSignup === null ? '' : ` (bình quân ${formatMoney(t.costPerSignup)} cho một người đăng ký)`;
    const blocks: ReportBlock[] = [
      {
        kind: 'paragraph',
        text:
          `- ${span[0]!.toUpperCase()}${span.slice(1)}, ${sc.scope.name} đã tổ chức ${formatCount(t.campaigns)} hoạt động tuyên truyền với ${formatCount(t.sessions)} buổi, ` +
          `thu hút ${formatCount(t.attendees ?? 0)} lượt người tham dự; vận động được ${formatCount(t.signups.BHXH_TN ?? 0)} người đăng ký tham gia BHXH tự nguyện ` +
          `và ${formatCount(t.signups.BHYT_HGD ?? 0)} người tham gia BHYT hộ gia đình${planned}` +
          (t.cost === null ? '.' : `; tổng chi phí ${formatMoney(t.cost)}${perSignup}.`),
      },
      {
        kind: 'table',
        caption: `Kết quả tuyên truyền ${span} theo loại hình`,
        columns: [
          { key: 'kind', label: 'Loại hình', format: 'text', width: 20 },
          { key: 'campaigns', label: 'Số hoạt động', format: 'count', width: 7 },
          { key: 'sessions', label: 'Số buổi', format: 'count', width: 7 },
          { key: 'attendees', label: 'Người tham dự', format: 'count', width: 9 },
          { key: 'tn', label: 'BHXH TN', format: 'count', width: 8, group: 'Người đăng ký' },
          { key: 'hgd', label: 'BHYT HGĐ', format: 'count', width: 8, group: 'Người đăng ký' },
          { key: 'pct', label: '% KH', format: 'percent', width: 9 },
          { key: 'cost', label: 'Chi phí (đồng)', format: 'count', width: 16 },
          { key: 'perSignup', label: 'Chi phí/ người (đồng)', format: 'count', width: 10 },
        ],
        rows: [
          ...totals.byKind.map((k): ReportRow => ({ cells: { kind: CAMPAIGN_KIND_LABELS[k.kind], ...cells(k) } })),
          { cells: { kind: 'Tổng cộng', ...cells(t) }, emphasis: 'total' },
        ],
        notes: ['% KH: số người đăng ký so với kế hoạch của các hoạt động có giao kế hoạch; chi phí/người: chi phí chia cho số người đăng ký (BHXH TN và BHYT HGĐ).'],
      },
    ];
    const best = await searchCampaigns(sc.ctx, { from, to, sort: 'signups', desc: true, limit: BEST, ...(officeCode ? { officeCode } : {}) });
    const leaders = best.items.filter((c) => c.totalSignups > 0);
    if (leaders.length > 0) {
      blocks.push({
        kind: 'table',
        caption: `Các hoạt động có nhiều người đăng ký nhất ${span}`,
        columns: [
          { key: 'rank', label: 'TT', format: 'text', width: 4 },
          { key: 'name', label: 'Hoạt động', format: 'text', width: 31 },
          { key: 'when', label: 'Thời gian', format: 'text', width: 14 },
          { key: 'office', label: 'Đơn vị tổ chức', format: 'text', width: 16 },
          { key: 'tn', label: 'BHXH TN', format: 'count', width: 9, group: 'Người đăng ký' },
          { key: 'hgd', label: 'BHYT HGĐ', format: 'count', width: 9, group: 'Người đăng ký' },
          { key: 'pct', label: '% KH', format: 'percent', width: 9 },
        ],
        rows: leaders.map((c, i): ReportRow => ({
          cells: {
            rank: `${i + 1}.`, name: c.name, when: c.startsOn === c.endsOn ? formatDate(c.startsOn) : `${formatDate(c.startsOn)} – ${formatDate(c.endsOn)}`,
            office: c.officeName ?? 'BHXH tỉnh', tn: c.signups.BHXH_TN, hgd: c.signups.BHYT_HGD, pct: ratio(c.pctOfPlanTotal),
          },
        })),
        notes: [],
      });
    }
    return { title: TITLE, orientation: 'portrait', blocks };
  },
};
