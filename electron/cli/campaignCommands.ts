import { MAX_PAGE_SIZE, type CampaignSummary } from '../../shared/contract';
import { CAMPAIGN_KIND_LABELS, CAMPAIGN_KIND_SHORT, CAMPAIGN_KINDS, campaignKindOf, type CampaignKind } from '../../shared/domain/campaigns';
import { periodDays } from '../../shared/domain/periods';
import { formatCount, formatDate, formatMoney, formatPercentValue } from '../../shared/format/vi';
import type { AppCore } from '../core/app/appCore';
import type { CliIo } from './commands';
import { CliFailure, table } from './output';

/** --kind: a code (LAUNCH) or the words offices use ("Lễ ra quân", "hội nghị"). */
function kindOption(value: string | undefined): CampaignKind | undefined {
  if (value === undefined) return undefined;
  const kind = campaignKindOf(value);
  if (!kind) throw new CliFailure(`Loại hình "${value}" không hợp lệ. Dùng một trong: ${CAMPAIGN_KINDS.map((k) => `${k} (${CAMPAIGN_KIND_LABELS[k]})`).join(', ')}.`, 2);
  return kind;
}

function periodOption(value: string | undefined): { from: string; to: string } {
  const days = value ? periodDays(value) : null;
  if (!days) throw new CliFailure(`Kỳ "${value ?? ''}" không hợp lệ: dùng YYYY, YYYY-Qn hoặc YYYY-MM (ví dụ 2026, 2026-Q2, 2026-05).`, 2);
  return days;
}

/** The campaign commands' own flag values, checked with the command line before any data folder is opened. */
export function checkFlags(command: string, flags: { kind?: string; period?: string }): void {
  if (command === 'campaigns list') {
    kindOption(flags.kind);
    if (flags.period !== undefined) periodOption(flags.period);
  }
}

/** What `campaigns list --json` prints per campaign: stable field names for scripts. */
export interface CampaignListJson {
  id: number;
  name: string;
  kind: CampaignKind;
  kindLabel: string;
  startsOn: string;
  endsOn: string;
  days: number;
  office: { code: string; name: string } | null;
  attendees: number | null;
  signups: { BHXH_TN: number | null; BHYT_HGD: number | null };
  plan: { BHXH_TN: number | null; BHYT_HGD: number | null };
  pctOfPlan: { BHXH_TN: number | null; BHYT_HGD: number | null };
  conversion: number | null;
  cost: number | null;
  costPerSignup: number | null;
}

export function campaignJson(c: CampaignSummary): CampaignListJson {
  return {
    id: c.id, name: c.name, kind: c.kind, kindLabel: CAMPAIGN_KIND_LABELS[c.kind], startsOn: c.startsOn, endsOn: c.endsOn, days: c.dayCount,
    office: c.officeCode ? { code: c.officeCode, name: c.officeName ?? '' } : null, attendees: c.attendees,
    signups: { BHXH_TN: c.signups.BHXH_TN, BHYT_HGD: c.signups.BHYT_HGD }, plan: { BHXH_TN: c.plan.BHXH_TN, BHYT_HGD: c.plan.BHYT_HGD },
    pctOfPlan: { BHXH_TN: c.pctOfPlan.BHXH_TN, BHYT_HGD: c.pctOfPlan.BHYT_HGD }, conversion: c.conversion, cost: c.cost, costPerSignup: c.costPerSignup,
  };
}

const pct = (v: number | null) => formatPercentValue(v);

/** `campaigns list --period YYYY[-MM|-Qn]`: each campaign with a day in the period, oldest first; JSON for scripts. */
export async function campaignsList(core: AppCore, io: CliIo, flags: { period?: string; office?: string; kind?: string }): Promise<number> {
  const { from, to } = periodOption(flags.period);
  const kind = kindOption(flags.kind);
  const campaigns: CampaignSummary[] = [];
  for (let offset = 0; ; offset += MAX_PAGE_SIZE) {
    const page = await core.invoke('campaigns:search', { from, to, sort: 'startsOn', offset, limit: MAX_PAGE_SIZE, ...(flags.office ? { officeCode: flags.office } : {}), ...(kind ? { kind } : {}) });
    campaigns.push(...page.items);
    if (page.items.length < MAX_PAGE_SIZE || campaigns.length >= page.total) break;
  }
  if (io.json) {
    io.out(JSON.stringify(campaigns.map(campaignJson), null, 2));
    return 0;
  }
  const when = (c: CampaignSummary) => (c.startsOn === c.endsOn ? formatDate(c.startsOn) : `${formatDate(c.startsOn)}–${formatDate(c.endsOn)}`);
  io.out(
    table(
      ['Số', 'Hoạt động', 'Loại hình', 'Thời gian', 'Đơn vị', 'Tham dự', 'ĐK BHXH TN', 'ĐK BHYT HGĐ', '% KH BHXH TN', '% KH BHYT HGĐ', 'Chuyển đổi', 'Chi phí', 'Chi phí/người'],
      campaigns.map((c) => [
        c.id, c.name, CAMPAIGN_KIND_SHORT[c.kind], when(c), c.officeName ?? 'BHXH tỉnh', formatCount(c.attendees), formatCount(c.signups.BHXH_TN), formatCount(c.signups.BHYT_HGD),
        pct(c.pctOfPlan.BHXH_TN), pct(c.pctOfPlan.BHYT_HGD), pct(c.conversion), formatMoney(c.cost), formatMoney(c.costPerSignup),
      ]),
    ) + `\n${formatCount(campaigns.length)} hoạt động tuyên truyền.`,
  );
  return 0;
}
