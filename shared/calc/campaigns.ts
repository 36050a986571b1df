/**
 * A campaign's figures (DOMAIN.md, "Campaigns"): % of plan, conversion and cost per sign-up,
 * for one day, for the days so far, for the whole campaign and for totals by kind, unit and
 * period. Percentages are rounded once, half up, to two decimals (965 of 700 = 137,86%; the
 * newspaper's 137,85% cut the digits instead). Every screen, export, report and CLI command
 * reads them from here.
 */
import { CAMPAIGN_PRODUCTS, type CampaignKind, type CampaignProduct, type ProductFigures } from '../domain/campaigns';

/**
 * part ÷ whole as a percentage rounded half up to two decimals (925 of 700 → 132.14). Whole
 * numbers are rounded exactly in integer arithmetic, so a true half (1 of 800 = 0,125%) goes up
 * instead of falling to binary noise. null when either is missing or the whole is not positive.
 */
export function percentOf(part: number | null | undefined, whole: number | null | undefined): number | null {
  if (part === null || part === undefined || whole === null || whole === undefined) return null;
  if (!Number.isFinite(part) || !Number.isFinite(whole) || whole <= 0 || part < 0) return null;
  if (Number.isSafeInteger(part) && Number.isSafeInteger(whole) && part * 20000 < Number.MAX_SAFE_INTEGER) {
    return Math.floor((part * 20000 + whole) / (2 * whole)) / 100;
  }
  const hundredths = (part / whole) * 10000;
  return Math.floor(hundredths + 0.5 + 1e-9) / 100;
}

/** Whole đồng, half up (cost per sign-up). */
export function roundMoney(value: number): number {
  return Math.floor(value + 0.5);
}

export interface CampaignDayFigures {
  /** ISO date. */
  day: string;
  attendees: number | null;
  signups: ProductFigures;
}

export interface CampaignFigures {
  attendees: number | null;
  signups: ProductFigures;
  /** Sign-ups of both products. */
  totalSignups: number;
  plan: ProductFigures;
  /** % of plan per product (null without a plan). */
  pctOfPlan: Record<CampaignProduct, number | null>;
  /** Both products' sign-ups against both products' plans (only products that have a plan count). */
  pctOfPlanTotal: number | null;
  /** Sign-ups ÷ attendees, %; null without attendees. */
  conversion: number | null;
  cost: number | null;
  /** Cost ÷ sign-ups, whole đồng; null without cost or without sign-ups. */
  costPerSignup: number | null;
}

const emptyProducts = (): ProductFigures => ({ BHXH_TN: null, BHYT_HGD: null });

function addTo(target: ProductFigures, add: ProductFigures): void {
  for (const p of CAMPAIGN_PRODUCTS) {
    const v = add[p];
    if (v !== null && v !== undefined) target[p] = (target[p] ?? 0) + v;
  }
}

function sumOrNull(values: (number | null | undefined)[]): number | null {
  let total: number | null = null;
  for (const v of values) if (v !== null && v !== undefined) total = (total ?? 0) + v;
  return total;
}

/** The figures of a campaign (or of any group of campaigns summed first: rates are never averaged). */
export function campaignFigures(input: { attendees: number | null; signups: ProductFigures; plan: ProductFigures; cost: number | null }): CampaignFigures {
  const totalSignups = (input.signups.BHXH_TN ?? 0) + (input.signups.BHYT_HGD ?? 0);
  const pctOfPlan = {} as Record<CampaignProduct, number | null>;
  let plannedSignups = 0;
  let plannedTotal = 0;
  for (const p of CAMPAIGN_PRODUCTS) {
    const plan = input.plan[p];
    pctOfPlan[p] = percentOf(input.signups[p] ?? (plan ? 0 : null), plan);
    if (plan !== null && plan > 0) {
      plannedTotal += plan;
      plannedSignups += input.signups[p] ?? 0;
    }
  }
  return {
    attendees: input.attendees,
    signups: { ...input.signups },
    totalSignups,
    plan: { ...input.plan },
    pctOfPlan,
    pctOfPlanTotal: plannedTotal > 0 ? percentOf(plannedSignups, plannedTotal) : null,
    conversion: input.attendees ? percentOf(totalSignups, input.attendees) : null,
    cost: input.cost,
    costPerSignup: input.cost !== null && totalSignups > 0 ? roundMoney(input.cost / totalSignups) : null,
  };
}

/** A campaign held over days: its totals are the days summed. */
export function daysTotal(days: readonly CampaignDayFigures[]): { attendees: number | null; signups: ProductFigures } {
  const signups = emptyProducts();
  for (const d of days) addTo(signups, d.signups);
  return { attendees: sumOrNull(days.map((d) => d.attendees)), signups };
}

export interface CampaignDayRow extends CampaignDayFigures {
  /** That day's sign-ups against the campaign's plan. */
  pctOfPlan: Record<CampaignProduct, number | null>;
  /** Sign-ups from the first day to this one. */
  cumulative: ProductFigures;
  /** The days so far against the plan (11/7 and 12/7: 965 of 700 = 137,86%). */
  cumulativePct: Record<CampaignProduct, number | null>;
}

/** One row per day, in date order, with the day's and the running % of plan. */
export function dayRows(days: readonly CampaignDayFigures[], plan: ProductFigures): CampaignDayRow[] {
  const sorted = [...days].sort((a, b) => a.day.localeCompare(b.day));
  const running = emptyProducts();
  return sorted.map((d) => {
    addTo(running, d.signups);
    const pctOfPlan = {} as Record<CampaignProduct, number | null>;
    const cumulativePct = {} as Record<CampaignProduct, number | null>;
    for (const p of CAMPAIGN_PRODUCTS) {
      pctOfPlan[p] = percentOf(d.signups[p], plan[p]);
      cumulativePct[p] = percentOf(running[p], plan[p]);
    }
    return { ...d, signups: { ...d.signups }, pctOfPlan, cumulative: { ...running }, cumulativePct };
  });
}

/** What one campaign adds to a total by kind, unit or period. */
export interface CampaignTotalInput {
  kind: CampaignKind;
  /** A row that stands for 58 conferences counts as 58. */
  sessions: number;
  attendees: number | null;
  signups: ProductFigures;
  plan: ProductFigures;
  cost: number | null;
}

export interface CampaignTotal extends CampaignFigures {
  campaigns: number;
  sessions: number;
}

/** Sums campaigns first, then derives the rates from the sums. */
export function campaignTotal(items: readonly CampaignTotalInput[]): CampaignTotal {
  const signups = emptyProducts();
  const plan = emptyProducts();
  for (const c of items) {
    addTo(signups, c.signups);
    addTo(plan, c.plan);
  }
  const figures = campaignFigures({ attendees: sumOrNull(items.map((c) => c.attendees)), signups, plan, cost: sumOrNull(items.map((c) => c.cost)) });
  return { ...figures, campaigns: items.length, sessions: items.reduce((a, c) => a + c.sessions, 0) };
}

/** Totals grouped by a key (kind, office, month), in first-seen order. */
export function campaignTotalsBy<K extends string>(items: readonly (CampaignTotalInput & { key: K })[]): Map<K, CampaignTotal> {
  const groups = new Map<K, CampaignTotalInput[]>();
  for (const item of items) {
    const list = groups.get(item.key);
    if (list) list.push(item);
    else groups.set(item.key, [item]);
  }
  return new Map([...groups].map(([k, list]) => [k, campaignTotal(list)]));
}
