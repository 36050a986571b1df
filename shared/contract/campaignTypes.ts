/**
 * Outreach campaigns as the renderer, the CLI, exports and the report see them. Figures derived
 * from the stored ones (% of plan, conversion, cost per sign-up) come from shared/calc/campaigns.ts
 * in core and travel ready-made, so every reader shows the same number.
 */
import type { CampaignDayRow, CampaignFigures, CampaignTotal } from '../calc/campaigns';
import type { EffectFigures, EffectWindows } from '../calc/campaignEffect';
import type { Audience, CampaignKind, CampaignProduct, CampaignResource, ProductFigures } from '../domain/campaigns';
import type { CellIssue } from './types';

export type { CampaignDayRow, CampaignFigures, CampaignTotal, EffectFigures, EffectWindows };

export interface CampaignPartner {
  /** Set when the partner is an agent of the network. */
  agentCode: string | null;
  name: string;
}

export interface CampaignSummary extends CampaignFigures {
  id: number;
  name: string;
  kind: CampaignKind;
  startsOn: string;
  endsOn: string;
  /** Days with figures recorded. */
  dayCount: number;
  officeCode: string | null;
  officeName: string | null;
  place: string | null;
  /** Names of the units it was held in, in Vietnamese order. */
  unitNames: string[];
  partners: CampaignPartner[];
  sessions: number;
  audiences: Audience[];
  isDemo: boolean;
}

export interface CampaignDayInput {
  day: string;
  attendees: number | null;
  signups: ProductFigures;
  note?: string | null;
}

export interface CampaignDetail extends CampaignSummary {
  unitCodes: string[];
  resources: Record<CampaignResource, number | null>;
  notes: string | null;
  attachments: string[];
  /** One row per day in date order, with the day's and the running % of plan. */
  days: (CampaignDayRow & { note: string | null })[];
  createdAt: string;
  updatedAt: string;
}

export interface CampaignEffectRow extends EffectFigures {
  product: CampaignProduct;
}

/** Gains of the campaign's units in the weeks after it started, before it, and a year earlier. */
export interface CampaignEffect {
  weeks: number;
  windows: EffectWindows;
  /** What the gains were measured on ("Xã Ninh Quới", "BHXH huyện Hồng Dân (8 xã)", "Toàn tỉnh"). */
  scopeName: string;
  rows: CampaignEffectRow[];
  /** Why a window has no figure (no report before the first day, none yet after the last …). */
  notes: string[];
}

export interface CampaignCalendarItem {
  id: number;
  name: string;
  kind: CampaignKind;
  startsOn: string;
  endsOn: string;
  officeName: string | null;
  totalSignups: number;
  isDemo: boolean;
}

export interface CampaignTotalRow extends CampaignTotal {
  key: string;
  label: string;
}

/** Totals of the campaigns in a period: all, by kind, by office, by month, and the effect per kind. */
export interface CampaignTotals {
  from: string;
  to: string;
  total: CampaignTotal;
  byKind: (CampaignTotalRow & { kind: CampaignKind })[];
  byOffice: CampaignTotalRow[];
  /** Month YYYY-MM as key. */
  byMonth: CampaignTotalRow[];
  effectByKind: { kind: CampaignKind; product: CampaignProduct; counted: number; before: number | null; after: number | null; lastYear: number | null; liftOnBefore: number | null; liftOnLastYear: number | null }[];
  effectWeeks: number;
}

export interface CampaignImportChange {
  /** Sheet row numbers the campaign was read from. */
  rows: number[];
  sheet: string;
  action: 'add' | 'update' | 'unchanged';
  name: string;
  kind: CampaignKind;
  startsOn: string;
  endsOn: string;
  days: number;
  attendees: number | null;
  signups: ProductFigures;
  plan: ProductFigures;
  /** Sessions the campaign counts for (rows of one campaign add up; none typed: 1). */
  sessions?: number;
  /** Place as typed (several days' places joined). */
  place?: string | null;
  /** Communes the place matched. */
  unitCodes?: string[];
  /** Partners' names. */
  partners?: string[];
  cost?: number | null;
}

export interface CampaignImportPreview {
  planId: string;
  fileName: string;
  sheet: string;
  /** 'campaign': one row per campaign; 'day': rows of one campaign's days were put together. */
  layout: 'campaign' | 'day';
  rows: number;
  counts: { added: number; updated: number; unchanged: number };
  /** How each column was understood ("Loại hình" → kind), for the preview's header line. */
  columns: { column: string; header: string; field: string; /** The field in words ("số người tham dự"). */ label?: string }[];
  changes: CampaignImportChange[];
  errors: CellIssue[];
  warnings: CellIssue[];
  canCommit: boolean;
}

export interface CampaignImportOutcome {
  batchId: number;
  fileName: string;
  added: number;
  updated: number;
  /** The safety copy taken before writing (SQLite; null on PostgreSQL, whose administrator backs up). */
  backup?: string | null;
}

export interface CampaignBatch {
  id: number;
  fileName: string;
  at: string;
  actor: string;
  summary: string;
  undoneAt: string | null;
}
