import type { CampaignTotalRow, CampaignTotals, ParsedRequestOf } from '../../../shared/contract';
import { campaignTotal, campaignTotalsBy, type CampaignTotalInput } from '../../../shared/calc/campaigns';
import { CAMPAIGN_KIND_LABELS, CAMPAIGN_KINDS, CAMPAIGN_PRODUCTS, type CampaignKind } from '../../../shared/domain/campaigns';
import { monthLabel } from '../../../shared/domain/periods';
import { viCollator } from '../../../shared/format/vi';
import type { CoreContext } from '../app/context';
import { CampaignRepository, type CampaignListRow } from './campaignRepository';
import { DEFAULT_EFFECT_WEEKS, effectByKind } from './effect';

/** Campaigns a period's totals count: at most this many (far above a province's year). */
export const TOTALS_LIMIT = 200_000;
const NO_OFFICE = '';

export function totalInput(c: CampaignListRow): CampaignTotalInput {
  return { kind: c.kind, sessions: c.sessions, attendees: c.attendees, signups: c.signups, plan: c.plan, cost: c.cost };
}

/**
 * Totals of the campaigns that started in [from, to] (a campaign counts once, in the month it
 * started): all, by kind (in the vocabulary's order, kinds without a campaign left out), by
 * office, by month, and the effect per kind. Sums first, rates from the sums (shared calc).
 */
export async function campaignTotals(ctx: CoreContext, req: ParsedRequestOf<'campaigns:totals'>): Promise<CampaignTotals> {
  const rows = await new CampaignRepository(ctx.store).listWithSums({ from: req.from, to: req.to, startsWithin: true, ...(req.officeCode ? { officeCode: req.officeCode } : {}), ...(req.kind ? { kind: req.kind } : {}) }, TOTALS_LIMIT);
  const weeks = req.effectWeeks ?? DEFAULT_EFFECT_WEEKS;
  const kinds = campaignTotalsBy(rows.map((c) => ({ ...totalInput(c), key: c.kind })));
  const byKind = CAMPAIGN_KINDS.filter((k) => kinds.has(k)).map((kind) => ({ ...kinds.get(kind)!, key: kind, label: CAMPAIGN_KIND_LABELS[kind], kind }));
  const officeNames = new Map(rows.map((c) => [c.officeCode ?? NO_OFFICE, c.officeName ?? 'BHXH tỉnh (không thuộc cơ sở nào)']));
  const offices = campaignTotalsBy(rows.map((c) => ({ ...totalInput(c), key: c.officeCode ?? NO_OFFICE })));
  const byOffice: CampaignTotalRow[] = [...offices]
    .map(([key, t]) => ({ ...t, key, label: officeNames.get(key)! }))
    .sort((a, b) => (a.key === NO_OFFICE ? 1 : b.key === NO_OFFICE ? -1 : viCollator.compare(a.label, b.label)));
  const months = campaignTotalsBy(rows.map((c) => ({ ...totalInput(c), key: c.startsOn.slice(0, 7) })));
  const byMonth: CampaignTotalRow[] = [...months].sort(([a], [b]) => a.localeCompare(b)).map(([key, t]) => ({ ...t, key, label: `Tháng ${monthLabel(key)}` }));
  const effects = await effectByKind(ctx, rows, weeks);
  const order = (k: CampaignKind) => CAMPAIGN_KINDS.indexOf(k);
  const effectByKindRows = effects.sort((a, b) => order(a.kind) - order(b.kind) || CAMPAIGN_PRODUCTS.indexOf(a.product) - CAMPAIGN_PRODUCTS.indexOf(b.product));
  return { from: req.from, to: req.to, total: campaignTotal(rows.map(totalInput)), byKind, byOffice, byMonth, effectByKind: effectByKindRows, effectWeeks: weeks };
}
