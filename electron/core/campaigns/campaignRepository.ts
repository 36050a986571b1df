import { sql, type SelectQueryBuilder } from 'kysely';
import type { Page, PageRequest } from '../../../shared/contract/paging';
import type { Audience, CampaignKind, CampaignResource, ProductFigures } from '../../../shared/domain/campaigns';
import { AUDIENCES, CAMPAIGN_KINDS, CAMPAIGN_RESOURCES } from '../../../shared/domain/campaigns';
import { viCollator } from '../../../shared/format/vi';
import { foldText } from '../../../shared/text/fold';
import { viSortKey } from '../../../shared/text/viSortKey';
import { chunks } from '../db/batching';
import { foldedWordsMatch, pageOf } from '../db/paging';
import type { Schema } from '../db/schema';
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

/** What the lists filter on, codes resolved by the service (unitIds: the unit and those under it). */
export interface CampaignFilter {
  kind?: CampaignKind;
  officeCode?: string;
  unitIds?: number[];
  /** An agent's code, or words of a partner's name. */
  partner?: string;
  /** Campaigns with a day in [from, to]. */
  from?: string;
  to?: string;
  query?: string;
}

export type CampaignSort = 'startsOn' | 'name' | 'kind' | 'attendees' | 'signups';

/** A campaign's own row with its days summed (SUM of nothing is null: no figure, not zero). */
export interface CampaignListRow {
  id: number;
  name: string;
  kind: CampaignKind;
  startsOn: string;
  endsOn: string;
  officeId: number | null;
  officeCode: string | null;
  officeName: string | null;
  place: string | null;
  sessions: number;
  audiences: Audience[];
  cost: number | null;
  plan: ProductFigures;
  isDemo: boolean;
  dayCount: number;
  attendees: number | null;
  signups: ProductFigures;
}

export interface CampaignPartnerRow {
  agentId: number | null;
  agentCode: string | null;
  name: string;
}

export interface CampaignUnitRow {
  id: number;
  code: string;
  name: string;
}

type C = Schema & { c: Schema['campaigns'] };

const KIND_ORDER = sql.raw(`CASE c.kind ${CAMPAIGN_KINDS.map((k, i) => `WHEN '${k}' THEN ${i}`).join(' ')} ELSE 99 END`);
const ATTENDEES = sql<number>`(SELECT COALESCE(SUM(d.attendees), -1) FROM campaign_days d WHERE d.campaign_id = c.id)`;
const SIGNUPS = sql<number>`(SELECT COALESCE(SUM(COALESCE(d.signups_tn, 0) + COALESCE(d.signups_hgd, 0)), -1) FROM campaign_days d WHERE d.campaign_id = c.id)`;
const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

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

  private select() {
    return this.store.db
      .selectFrom('campaigns as c')
      .leftJoin('offices as o', 'o.id', 'c.office_id')
      .select([
        'c.id', 'c.name', 'c.kind', 'c.starts_on as startsOn', 'c.ends_on as endsOn', 'c.office_id as officeId', 'o.code as officeCode', 'o.name as officeName',
        'c.place', 'c.sessions', 'c.audiences', 'c.cost', 'c.plan_tn', 'c.plan_hgd', 'c.is_demo as isDemo',
      ]);
  }

  /** The filters as SQL conditions: nothing is filtered in memory. */
  private filtered<O>(query: SelectQueryBuilder<C & { o: Schema['offices'] }, 'c' | 'o', O>, f: CampaignFilter) {
    let q = query;
    if (f.kind) q = q.where('c.kind', '=', f.kind);
    if (f.officeCode) q = q.where('o.code', '=', f.officeCode);
    if (f.from) q = q.where('c.ends_on', '>=', f.from);
    if (f.to) q = q.where('c.starts_on', '<=', f.to);
    if (f.unitIds) {
      const ids = f.unitIds.length > 0 ? f.unitIds : [-1];
      q = q.where('c.id', 'in', (eb) => eb.selectFrom('campaign_units as cu').select('cu.campaign_id').where('cu.unit_id', 'in', ids));
    }
    const partner = f.partner?.trim();
    if (partner) {
      const key = foldText(partner);
      q = q.where('c.id', 'in', (eb) =>
        eb
          .selectFrom('campaign_partners as p')
          .leftJoin('agents as a', 'a.id', 'p.agent_id')
          .select('p.campaign_id')
          .where((e) => e.or([e('a.code', '=', partner.toUpperCase()), e('a.code', '=', partner), ...(key ? [foldedWordsMatch('p.name_key', key)] : [])])),
      );
    }
    const text = f.query?.trim();
    if (text) q = q.where(foldedWordsMatch('c.name_key', foldText(text)));
    return q;
  }

  /** One page of campaigns: the page and its total (two statements), then day sums, unit names and partners (one each). */
  async page(req: PageRequest<CampaignSort> & CampaignFilter): Promise<Page<CampaignListRow & { units: CampaignUnitRow[]; partners: CampaignPartnerRow[] }>> {
    const dir = req.desc ? 'desc' : 'asc';
    const page = await pageOf(this.filtered(this.select(), req), req, (q) => {
      if (req.sort === 'name') return q.orderBy('c.sort_key', dir).orderBy('c.id', dir);
      if (req.sort === 'kind') return q.orderBy(KIND_ORDER, dir).orderBy('c.starts_on', 'desc').orderBy('c.id', 'desc');
      if (req.sort === 'attendees') return q.orderBy(ATTENDEES, dir).orderBy('c.starts_on', 'desc').orderBy('c.id', 'desc');
      if (req.sort === 'signups') return q.orderBy(SIGNUPS, dir).orderBy('c.starts_on', 'desc').orderBy('c.id', 'desc');
      // Newest first unless asked otherwise: the list opens on what was done lately.
      const d = req.sort === 'startsOn' ? dir : 'desc';
      return q.orderBy('c.starts_on', d).orderBy('c.id', d);
    });
    const ids = page.items.map((r) => r.id);
    const [sums, units, partners] = await Promise.all([this.daySums(ids), this.unitsOf(ids), this.partnersOf(ids)]);
    return { ...page, items: page.items.map((r) => ({ ...toListRow(r, sums.get(r.id)), units: units.get(r.id) ?? [], partners: partners.get(r.id) ?? [] })) };
  }

  /** Campaigns with units and partners by id (a detail, a re-read after save): four queries. */
  async rows(ids: number[]): Promise<(CampaignListRow & { units: CampaignUnitRow[]; partners: CampaignPartnerRow[] })[]> {
    if (ids.length === 0) return [];
    const out: (CampaignListRow & { units: CampaignUnitRow[]; partners: CampaignPartnerRow[] })[] = [];
    for (const chunk of chunks(ids)) {
      const [rows, sums, units, partners] = await Promise.all([this.select().where('c.id', 'in', chunk).execute(), this.daySums(chunk), this.unitsOf(chunk), this.partnersOf(chunk)]);
      for (const r of rows) out.push({ ...toListRow(r, sums.get(r.id)), units: units.get(r.id) ?? [], partners: partners.get(r.id) ?? [] });
    }
    return out;
  }

  /**
   * Campaigns overlapping [from, to] (the calendar) or starting in it (totals), with their days
   * summed in the same statement; at most `limit` rows, in date order.
   */
  async listWithSums(f: CampaignFilter & { from: string; to: string; startsWithin?: boolean }, limit: number): Promise<CampaignListRow[]> {
    const sums = this.store.db
      .selectFrom('campaign_days')
      .select((eb) => [
        'campaign_id', eb.fn.countAll<number>().as('dayCount'), eb.fn.sum<number | null>('attendees').as('attendees'),
        eb.fn.sum<number | null>('signups_tn').as('tn'), eb.fn.sum<number | null>('signups_hgd').as('hgd'),
      ])
      .groupBy('campaign_id')
      .as('s');
    const base = f.startsWithin ? { ...f, from: undefined, to: undefined } : f;
    let query = this.filtered(this.select(), base).leftJoin(sums, 's.campaign_id', 'c.id').select(['s.dayCount', 's.attendees', 's.tn', 's.hgd']);
    if (f.startsWithin) query = query.where('c.starts_on', '>=', f.from).where('c.starts_on', '<=', f.to);
    const rows = await query.orderBy('c.starts_on').orderBy('c.id').limit(limit).execute();
    return rows.map((r) => toListRow(r, { dayCount: Number(r.dayCount ?? 0), attendees: num(r.attendees), tn: num(r.tn), hgd: num(r.hgd) }));
  }

  /** Unit ids of campaigns (an effect's scope). */
  async unitIdsOf(ids: number[]): Promise<Map<number, number[]>> {
    const out = new Map<number, number[]>();
    for (const chunk of chunks(ids)) {
      for (const r of await this.store.db.selectFrom('campaign_units').select(['campaign_id', 'unit_id']).where('campaign_id', 'in', chunk).execute()) {
        out.set(r.campaign_id, [...(out.get(r.campaign_id) ?? []), r.unit_id]);
      }
    }
    return out;
  }

  private async daySums(ids: number[]): Promise<Map<number, { dayCount: number; attendees: number | null; tn: number | null; hgd: number | null }>> {
    const out = new Map<number, { dayCount: number; attendees: number | null; tn: number | null; hgd: number | null }>();
    if (ids.length === 0) return out;
    const rows = await this.store.db
      .selectFrom('campaign_days')
      .select((eb) => [
        'campaign_id', eb.fn.countAll<number>().as('n'), eb.fn.sum<number | null>('attendees').as('attendees'),
        eb.fn.sum<number | null>('signups_tn').as('tn'), eb.fn.sum<number | null>('signups_hgd').as('hgd'),
      ])
      .where('campaign_id', 'in', ids)
      .groupBy('campaign_id')
      .execute();
    for (const r of rows) out.set(r.campaign_id, { dayCount: Number(r.n), attendees: num(r.attendees), tn: num(r.tn), hgd: num(r.hgd) });
    return out;
  }

  /** Units of campaigns, in Vietnamese order of their names. */
  private async unitsOf(ids: number[]): Promise<Map<number, CampaignUnitRow[]>> {
    const out = new Map<number, CampaignUnitRow[]>();
    if (ids.length === 0) return out;
    const rows = await this.store.db
      .selectFrom('campaign_units as cu')
      .innerJoin('units as u', 'u.id', 'cu.unit_id')
      .select(['cu.campaign_id', 'u.id', 'u.code', 'u.name'])
      .where('cu.campaign_id', 'in', ids)
      .execute();
    for (const r of rows) out.set(r.campaign_id, [...(out.get(r.campaign_id) ?? []), { id: r.id, code: r.code, name: r.name }]);
    for (const list of out.values()) list.sort((a, b) => viCollator.compare(a.name, b.name) || a.code.localeCompare(b.code));
    return out;
  }

  private async partnersOf(ids: number[]): Promise<Map<number, CampaignPartnerRow[]>> {
    const out = new Map<number, CampaignPartnerRow[]>();
    if (ids.length === 0) return out;
    const rows = await this.store.db
      .selectFrom('campaign_partners as p')
      .leftJoin('agents as a', 'a.id', 'p.agent_id')
      .select(['p.campaign_id', 'p.agent_id', 'a.code', 'p.name'])
      .where('p.campaign_id', 'in', ids)
      .orderBy('p.campaign_id')
      .orderBy('p.position')
      .execute();
    for (const r of rows) out.set(r.campaign_id, [...(out.get(r.campaign_id) ?? []), { agentId: r.agent_id, agentCode: r.code, name: r.name }]);
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

type SelectedCampaign = {
  id: number; name: string; kind: string; startsOn: string; endsOn: string; officeId: number | null; officeCode: string | null; officeName: string | null;
  place: string | null; sessions: number; audiences: string; cost: number | null; plan_tn: number | null; plan_hgd: number | null; isDemo: number;
};

function toListRow(r: SelectedCampaign, s: { dayCount: number; attendees: number | null; tn: number | null; hgd: number | null } | undefined): CampaignListRow {
  return {
    id: r.id, name: r.name, kind: r.kind as CampaignKind, startsOn: r.startsOn, endsOn: r.endsOn, officeId: r.officeId, officeCode: r.officeCode, officeName: r.officeName,
    place: r.place, sessions: Number(r.sessions), audiences: audiencesOfColumn(r.audiences), cost: num(r.cost), plan: { BHXH_TN: num(r.plan_tn), BHYT_HGD: num(r.plan_hgd) },
    isDemo: r.isDemo === 1, dayCount: s?.dayCount ?? 0, attendees: s?.attendees ?? null, signups: { BHXH_TN: s?.tn ?? null, BHYT_HGD: s?.hgd ?? null },
  };
}

function parseList(text: string): string[] {
  try {
    const v: unknown = JSON.parse(text);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}
