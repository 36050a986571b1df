import type { Generated } from 'kysely';

/** Migration 13: outreach campaigns (see 013-campaigns.ts). */
export interface CampaignTables {
  campaigns: {
    id: Generated<number>;
    name: string;
    name_key: string;
    sort_key: string;
    kind: string;
    starts_on: string;
    ends_on: string;
    office_id: number | null;
    place: string | null;
    sessions: Generated<number>;
    /** Audience codes joined by commas ('' for none). */
    audiences: Generated<string>;
    teams: number | null;
    vehicles: number | null;
    staff: number | null;
    leaflets: number | null;
    broadcasts: number | null;
    posts: number | null;
    reach: number | null;
    cost: number | null;
    plan_tn: number | null;
    plan_hgd: number | null;
    notes: string | null;
    /** JSON array of file names. */
    attachments: Generated<string>;
    batch_id: number | null;
    is_demo: Generated<number>;
    created_at: string;
    updated_at: string;
  };
  campaign_days: {
    campaign_id: number;
    day: string;
    attendees: number | null;
    signups_tn: number | null;
    signups_hgd: number | null;
    note: string | null;
  };
  campaign_units: { campaign_id: number; unit_id: number };
  campaign_partners: { campaign_id: number; position: number; agent_id: number | null; name: string; name_key: string };
  /** An import of campaign lists; `undo` is JSON of what it replaced. */
  campaign_batches: {
    id: Generated<number>;
    file_name: string;
    at: string;
    actor: string;
    summary: string;
    undo: string;
    undone_at: string | null;
  };
}
