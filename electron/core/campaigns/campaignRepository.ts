import type { Audience, CampaignKind, CampaignResource, ProductFigures } from '../../../shared/domain/campaigns';
import { AUDIENCES, CAMPAIGN_RESOURCES } from '../../../shared/domain/campaigns';
import { foldText } from '../../../shared/text/fold';
import { viSortKey } from '../../../shared/text/viSortKey';
import { chunks } from '../db/batching';
import type { Store } from '../db/store';

/** One day of a campaign as stored: attendees and sign-ups per product. */
export interface CampaignDayWrite {
  /** ISO date. */
  day: string;
  attendees: number | null;
  signups: ProductFigures;
  note: string | null;
}

/**
 * A campaign as the repository writes it: codes already resolved to ids (office, units, agents).
 * name_key and sort_key are derived here from `name`, so every writer (the form, the import,
 * the demo) stores the same keys.
 */
export interface CampaignWrite {
  name: string;
  kind: CampaignKind;
  startsOn: string;
  endsOn: string;
  officeId: number | null;
  place: string | null;
  /** A row standing for 58 conferences has 58; 1 otherwise. */
  sessions: number;
  audiences: Audience[];
  resources: Record<CampaignResource, number | null>;
  cost: number | null;
  plan: ProductFigures;
  notes: string | null;
  attachments: string[];
  days: CampaignDayWrite[];
  unitIds: number[];
  /** In the order shown; agentId set when the partner is an agent of the network. */
  partners: { agentId: number | null; name: string }[];
  batchId?: number | null;
  isDemo?: boolean;
}

/** A stored campaign read back in the write shape (for undo: replace(id, stored) restores it). */
export interface StoredCampaign extends CampaignWrite {
  id: number;
  createdAt: string;
  updatedAt: string;
}

export const emptyResources = (): Record<CampaignResource, number | null> => ({ teams: null, vehicles: null, staff: null, leaflets: null, broadcasts: null, posts: null, reach: null });

/** Audience codes as stored: joined by commas in the vocabulary's order, unknown codes dropped. */
export function audiencesColumn(list: readonly string[]): string {
  return AUDIENCES.filter((a) => list.includes(a)).join(',');
}

export function audiencesOfColumn(text: string | null | undefined): Audience[] {
  if (!text) return [];
  const parts = text.split(',');
  return AUDIENCES.filter((a) => parts.includes(a));
}

function columns(c: CampaignWrite) {
  return {
    name: c.name, name_key: foldText(c.name), sort_key: viSortKey(c.name), kind: c.kind, starts_on: c.startsOn, ends_on: c.endsOn, office_id: c.officeId,
    place: c.place, sessions: c.sessions, audiences: audiencesColumn(c.audiences), teams: c.resources.teams, vehicles: c.resources.vehicles,
    staff: c.resources.staff, leaflets: c.resources.leaflets, broadcasts: c.resources.broadcasts, posts: c.resources.posts, reach: c.resources.reach,
    cost: c.cost, plan_tn: c.plan.BHXH_TN, plan_hgd: c.plan.BHYT_HGD, notes: c.notes, attachments: JSON.stringify(c.attachments ?? []),
  };
}

/**
 * Campaigns, their days, units and partners: every SQL statement of the domain. Writes run in
 * the caller's transaction (Store.transaction joins it); the caller writes the audit row.
 */
export class CampaignRepository {
  constructor(private readonly store: Store) {}

  /** Inserts a campaign with its days, units and partners; returns its id. */
  async insert(c: CampaignWrite, now: string): Promise<number> {
    return this.store.transaction(async () => {
      const row = await this.store.db
        .insertInto('campaigns')
        .values({ ...columns(c), batch_id: c.batchId ?? null, is_demo: c.isDemo ? 1 : 0, created_at: now, updated_at: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      await this.writeChildren(row.id, c);
      return row.id;
    });
  }

  /**
   * Replaces a campaign's fields, days, units and partners (its id and created_at stay; batch_id
   * is set when given). Returns false when there is no such campaign.
   */
  async replace(id: number, c: CampaignWrite, now: string): Promise<boolean> {
    return this.store.transaction(async () => {
      const updated = await this.store.db
        .updateTable('campaigns')
        .set({ ...columns(c), ...(c.batchId !== undefined ? { batch_id: c.batchId } : {}), ...(c.isDemo !== undefined ? { is_demo: c.isDemo ? 1 : 0 } : {}), updated_at: now })
        .where('id', '=', id)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) === 0) return false;
      await this.deleteChildren([id]);
      await this.writeChildren(id, c);
      return true;
    });
  }

  /** Deletes a campaign and what hangs on it; returns how many campaigns went (0 or 1). */
  async delete(id: number): Promise<number> {
    return this.deleteMany([id]);
  }

  async deleteMany(ids: number[]): Promise<number> {
    let n = 0;
    await this.store.transaction(async () => {
      for (const chunk of chunks([...new Set(ids)])) {
        await this.deleteChildren(chunk);
        const r = await this.store.db.deleteFrom('campaigns').where('id', 'in', chunk).executeTakeFirst();
        n += Number(r.numDeletedRows);
      }
    });
    return n;
  }

  /** Demo campaigns, for the demo's reload and removal. */
  async deleteDemo(): Promise<number> {
    const ids = (await this.store.db.selectFrom('campaigns').select('id').where('is_demo', '=', 1).execute()).map((r) => r.id);
    return this.deleteMany(ids);
  }

  /**
   * The campaign a re-import matches: same folded name (foldText) and same first day. When several
   * match (two rows of one name the same day), the lowest id.
   */
  async findByKey(nameKey: string, startsOn: string): Promise<{ id: number; name: string; isDemo: boolean; batchId: number | null } | null> {
    const row = await this.store.db
      .selectFrom('campaigns')
      .select(['id', 'name', 'is_demo as isDemo', 'batch_id as batchId'])
      .where('name_key', '=', nameKey)
      .where('starts_on', '=', startsOn)
      .orderBy('id')
      .executeTakeFirst();
    return row ? { id: row.id, name: row.name, isDemo: row.isDemo === 1, batchId: row.batchId } : null;
  }

  /** Several keys at once (an import's whole sheet): "nameKey|startsOn" → id, in a few queries. */
  async findByKeys(keys: { nameKey: string; startsOn: string }[]): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    const wanted = new Set(keys.map((k) => `${k.nameKey}|${k.startsOn}`));
    for (const chunk of chunks([...new Set(keys.map((k) => k.nameKey))])) {
      const rows = await this.store.db.selectFrom('campaigns').select(['id', 'name_key', 'starts_on']).where('name_key', 'in', chunk).orderBy('id').execute();
      for (const r of rows) {
        const key = `${r.name_key}|${r.starts_on}`;
        if (wanted.has(key) && !out.has(key)) out.set(key, r.id);
      }
    }
    return out;
  }

  /** A stored campaign in the write shape, or null. */
  async load(id: number): Promise<StoredCampaign | null> {
    return (await this.loadMany([id])).get(id) ?? null;
  }

  /** Several stored campaigns in the write shape (four queries per 500 ids). */
  async loadMany(ids: number[]): Promise<Map<number, StoredCampaign>> {
    const out = new Map<number, StoredCampaign>();
    for (const chunk of chunks([...new Set(ids)])) {
      const [rows, days, units, partners] = await Promise.all([
        this.store.db.selectFrom('campaigns').selectAll().where('id', 'in', chunk).execute(),
        this.store.db.selectFrom('campaign_days').selectAll().where('campaign_id', 'in', chunk).orderBy('campaign_id').orderBy('day').execute(),
        this.store.db.selectFrom('campaign_units').selectAll().where('campaign_id', 'in', chunk).orderBy('campaign_id').orderBy('unit_id').execute(),
        this.store.db.selectFrom('campaign_partners').selectAll().where('campaign_id', 'in', chunk).orderBy('campaign_id').orderBy('position').execute(),
      ]);
      for (const r of rows) {
        out.set(r.id, {
          id: r.id, name: r.name, kind: r.kind as CampaignKind, startsOn: r.starts_on, endsOn: r.ends_on, officeId: r.office_id, place: r.place, sessions: Number(r.sessions),
          audiences: audiencesOfColumn(r.audiences),
          resources: Object.fromEntries(CAMPAIGN_RESOURCES.map((k) => [k, r[k] === null ? null : Number(r[k])])) as Record<CampaignResource, number | null>,
          cost: r.cost === null ? null : Number(r.cost), plan: { BHXH_TN: r.plan_tn, BHYT_HGD: r.plan_hgd }, notes: r.notes, attachments: parseList(r.attachments),
          days: [], unitIds: [], partners: [], batchId: r.batch_id, isDemo: r.is_demo === 1, createdAt: r.created_at, updatedAt: r.updated_at,
        });
      }
      for (const d of days) out.get(d.campaign_id)?.days.push({ day: d.day, attendees: d.attendees, signups: { BHXH_TN: d.signups_tn, BHYT_HGD: d.signups_hgd }, note: d.note });
      for (const u of units) out.get(u.campaign_id)?.unitIds.push(u.unit_id);
      for (const p of partners) out.get(p.campaign_id)?.partners.push({ agentId: p.agent_id, name: p.name });
    }
    return out;
  }

  private async deleteChildren(ids: number[]): Promise<void> {
    await this.store.db.deleteFrom('campaign_days').where('campaign_id', 'in', ids).execute();
    await this.store.db.deleteFrom('campaign_units').where('campaign_id', 'in', ids).execute();
    await this.store.db.deleteFrom('campaign_partners').where('campaign_id', 'in', ids).execute();
  }

  private async writeChildren(id: number, c: CampaignWrite): Promise<void> {
    for (const chunk of chunks(c.days)) {
      await this.store.db
        .insertInto('campaign_days')
        .values(chunk.map((d) => ({ campaign_id: id, day: d.day, attendees: d.attendees, signups_tn: d.signups.BHXH_TN, signups_hgd: d.signups.BHYT_HGD, note: d.note })))
        .execute();
    }
    for (const chunk of chunks([...new Set(c.unitIds)])) {
      await this.store.db.insertInto('campaign_units').values(chunk.map((unit_id) => ({ campaign_id: id, unit_id }))).execute();
    }
    const partners = c.partners.map((p, i) => ({ campaign_id: id, position: i + 1, agent_id: p.agentId, name: p.name, name_key: foldText(p.name) }));
    for (const chunk of chunks(partners)) await this.store.db.insertInto('campaign_partners').values(chunk).execute();
  }
}

function parseList(text: string): string[] {
  try {
    const v: unknown = JSON.parse(text);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}
