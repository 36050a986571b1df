import { sql, type ExpressionBuilder } from 'kysely';
import type { AgentSummary, NamedUnit } from '../../../shared/contract';
import type { Page, PageRequest } from '../../../shared/contract/paging';
import { expiryFlag } from '../../../shared/calc/network';
import type { AgentKind, AgentProduct, AgentStatus } from '../../../shared/domain/network';
import { addDays } from '../../../shared/format/vi';
import { foldText } from '../../../shared/text/fold';
import { viSortKey as viSortKeyOf } from '../../../shared/text/viSortKey';
import { chunks } from '../db/batching';
import { foldedWordsMatch, pageOf } from '../db/paging';
import type { Schema } from '../db/schema';
import type { Store } from '../db/store';

export interface AgentFields {
  name: string;
  kind: AgentKind;
  product: AgentProduct;
  contractNo: string | null;
  signedOn: string | null;
  expiresOn: string | null;
  officeId: number | null;
  status: AgentStatus;
  allCommunes: boolean;
  address: string | null;
  phone: string | null;
  representative: string | null;
  note: string | null;
}

export interface AgentRow extends AgentFields {
  id: number;
  code: string;
  officeCode: string | null;
  officeName: string | null;
  isDemo: boolean;
}

export interface AgentFilter {
  officeCode?: string;
  unitId?: number;
  kind?: AgentKind;
  status?: AgentStatus;
  expiringWithin?: number;
}

/** An office serves a commune on `day` (memberships are dated). */
export function servesOn(eb: ExpressionBuilder<Schema, 'office_units'>, day: string) {
  return eb.and([eb.or([eb('office_units.valid_from', 'is', null), eb('office_units.valid_from', '<=', day)]), eb.or([eb('office_units.valid_to', 'is', null), eb('office_units.valid_to', '>=', day)])]);
}

export class AgentRepository {
  constructor(private readonly store: Store) {}

  select() {
    return this.store.db
      .selectFrom('agents as a')
      .leftJoin('offices as o', 'o.id', 'a.office_id')
      .select([
        'a.id', 'a.code', 'a.name', 'a.kind', 'a.product', 'a.contract_no as contractNo', 'a.signed_on as signedOn', 'a.expires_on as expiresOn', 'a.office_id as officeId',
        'o.code as officeCode', 'o.name as officeName', 'a.status', 'a.all_communes as allCommunes', 'a.address', 'a.phone', 'a.representative', 'a.note', 'a.is_demo as isDemo',
      ]);
  }

  /**
   * Agents serving a commune on `day`: named for it, serving every commune of an office that
   * has it, or running a collection point in it.
   */
  private servingCommune(unitId: number, day: string) {
    return (eb: ExpressionBuilder<Schema & { a: Schema['agents'] }, 'a'>) =>
      eb.or([
        eb('a.id', 'in', eb.selectFrom('agent_communes').select('agent_id').where('unit_id', '=', unitId)),
        eb('a.id', 'in', eb.selectFrom('collection_points').select('agent_id').where('unit_id', '=', unitId)),
        eb.and([
          eb('a.all_communes', '=', 1),
          eb('a.office_id', 'in', eb.selectFrom('office_units').select('office_units.office_id').where('office_units.unit_id', '=', unitId).where((e) => servesOn(e, day))),
        ]),
      ]);
  }

  async page(req: PageRequest<'code' | 'name' | 'kind' | 'expiresOn'> & AgentFilter, today: string): Promise<Page<AgentSummary>> {
    let query = this.select();
    const text = req.query?.trim();
    if (text) {
      const key = foldText(text);
      query = query.where((eb) => eb.or([eb('a.code', 'like', `${text}%`), foldedWordsMatch('a.name_key', key)]));
    }
    if (req.officeCode) query = query.where('o.code', '=', req.officeCode);
    if (req.kind) query = query.where('a.kind', '=', req.kind);
    if (req.status) query = query.where('a.status', '=', req.status);
    if (req.unitId !== undefined) query = query.where(this.servingCommune(req.unitId, today) as never);
    if (req.expiringWithin) {
      query = query.where('a.expires_on', 'is not', null).where('a.expires_on', '<=', addDays(today, req.expiringWithin)).where('a.status', '!=', 'ended');
    }
    const dir = req.desc ? 'desc' : 'asc';
    const page = await pageOf(query, req, (q) => {
      if (req.sort === 'name') return q.orderBy('a.sort_key', dir).orderBy('a.code');
      if (req.sort === 'kind') return q.orderBy('a.kind', dir).orderBy('a.sort_key').orderBy('a.code');
      if (req.sort === 'expiresOn') return q.orderBy(sql`COALESCE(a.expires_on, '9999-12-31')`, dir).orderBy('a.code');
      return q.orderBy('a.code', dir);
    });
    const counts = await this.counts(page.items.map((a) => ({ id: a.id, officeId: a.officeId, allCommunes: a.allCommunes === 1 })), today);
    return { ...page, items: page.items.map((a) => toSummary(toRow(a), counts.get(a.id), today)) };
  }

  /** Communes, open points and working staff of each agent: three grouped queries whatever the page. */
  async counts(agents: { id: number; officeId: number | null; allCommunes: boolean }[], today: string): Promise<Map<number, { communes: number; points: number; staff: number }>> {
    const out = new Map<number, { communes: number; points: number; staff: number }>();
    if (agents.length === 0) return out;
    for (const a of agents) out.set(a.id, { communes: 0, points: 0, staff: 0 });
    for (const ids of chunks(agents.map((a) => a.id))) {
      const [communes, points, staff] = await Promise.all([
        this.store.db.selectFrom('agent_communes').select(['agent_id as id', (eb) => eb.fn.countAll<number>().as('n')]).where('agent_id', 'in', ids).groupBy('agent_id').execute(),
        this.store.db
          .selectFrom('collection_points')
          .select(['agent_id as id', (eb) => eb.fn.countAll<number>().as('n')])
          .where('agent_id', 'in', ids)
          .where((eb) => eb.or([eb('closed_on', 'is', null), eb('closed_on', '>=', today)]))
          .groupBy('agent_id')
          .execute(),
        this.store.db.selectFrom('agent_staff').select(['agent_id as id', (eb) => eb.fn.countAll<number>().as('n')]).where('agent_id', 'in', ids).where('status', '!=', 'left').groupBy('agent_id').execute(),
      ]);
      for (const r of communes) out.get(r.id)!.communes = Number(r.n);
      for (const r of points) out.get(r.id)!.points = Number(r.n);
      for (const r of staff) out.get(r.id)!.staff = Number(r.n);
    }
    const officeIds = [...new Set(agents.filter((a) => a.allCommunes && a.officeId !== null).map((a) => a.officeId!))];
    if (officeIds.length > 0) {
      const rows = await this.store.db
        .selectFrom('office_units')
        .select(['office_units.office_id as id', (eb) => eb.fn.countAll<number>().as('n')])
        .where('office_units.office_id', 'in', officeIds)
        .where((eb) => servesOn(eb, today))
        .groupBy('office_units.office_id')
        .execute();
      const byOffice = new Map(rows.map((r) => [r.id, Number(r.n)]));
      for (const a of agents) if (a.allCommunes && a.officeId !== null) out.get(a.id)!.communes = byOffice.get(a.officeId) ?? 0;
    }
    return out;
  }

  async byCode(code: string): Promise<AgentRow | null> {
    const row = await this.select().where('a.code', '=', code).executeTakeFirst();
    return row ? toRow(row) : null;
  }

  async byCodes(codes: string[]): Promise<Map<string, AgentRow>> {
    const out = new Map<string, AgentRow>();
    for (const chunk of chunks([...new Set(codes)])) {
      for (const row of await this.select().where('a.code', 'in', chunk).execute()) out.set(row.code, toRow(row));
    }
    return out;
  }

  /** Offices that have signed at least one agent, by code. */
  officesWithAgents(): Promise<{ id: number; code: string; name: string }[]> {
    return this.store.db.selectFrom('offices').select(['id', 'code', 'name']).where('id', 'in', (eb) => eb.selectFrom('agents').select('office_id').where('office_id', 'is not', null)).orderBy('code').execute();
  }

  /** Every agent of some offices (for their sum check). */
  async ofOffices(officeIds: number[]): Promise<{ id: number; officeId: number | null }[]> {
    const out: { id: number; officeId: number | null }[] = [];
    for (const ids of chunks(officeIds)) out.push(...(await this.store.db.selectFrom('agents').select(['id', 'office_id as officeId']).where('office_id', 'in', ids).execute()));
    return out;
  }

  /** The communes an agent names (not those it serves through "every commune of the office"). */
  async communes(agentId: number): Promise<NamedUnit[]> {
    return this.store.db
      .selectFrom('agent_communes as ac')
      .innerJoin('units as u', 'u.id', 'ac.unit_id')
      .select(['u.code', 'u.name'])
      .where('ac.agent_id', '=', agentId)
      .orderBy('u.name_key')
      .execute();
  }

  /** The communes of an office on `day`, for agents serving all of them. */
  async officeCommunes(officeId: number, day: string): Promise<NamedUnit[]> {
    return this.store.db
      .selectFrom('office_units')
      .innerJoin('units as u', 'u.id', 'office_units.unit_id')
      .select(['u.code', 'u.name'])
      .where('office_units.office_id', '=', officeId)
      .where((eb) => servesOn(eb, day))
      .orderBy('u.name_key')
      .execute();
  }

  async insert(code: string, f: AgentFields, now: string, extra: { batchId?: number | null; isDemo?: boolean } = {}): Promise<number> {
    const row = await this.store.db
      .insertInto('agents')
      .values({ code, ...columns(f), batch_id: extra.batchId ?? null, is_demo: extra.isDemo ? 1 : 0, created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async update(id: number, f: AgentFields, now: string): Promise<void> {
    await this.store.db.updateTable('agents').set({ ...columns(f), updated_at: now }).where('id', '=', id).execute();
  }

  async setCommunes(agentId: number, unitIds: number[]): Promise<void> {
    await this.store.db.deleteFrom('agent_communes').where('agent_id', '=', agentId).execute();
    for (const chunk of chunks([...new Set(unitIds)])) {
      await this.store.db.insertInto('agent_communes').values(chunk.map((unit_id) => ({ agent_id: agentId, unit_id }))).execute();
    }
  }
}

function columns(f: AgentFields) {
  return {
    name: f.name, name_key: foldText(f.name), sort_key: viSortKeyOf(f.name), kind: f.kind, product: f.product, contract_no: f.contractNo, signed_on: f.signedOn,
    expires_on: f.expiresOn, office_id: f.officeId, status: f.status, all_communes: f.allCommunes ? 1 : 0, address: f.address, phone: f.phone,
    representative: f.representative, note: f.note,
  };
}


type SelectedAgent = Awaited<ReturnType<ReturnType<AgentRepository['select']>['executeTakeFirstOrThrow']>>;

function toRow(r: SelectedAgent): AgentRow {
  return {
    id: r.id, code: r.code, name: r.name, kind: r.kind as AgentKind, product: r.product as AgentProduct, contractNo: r.contractNo, signedOn: r.signedOn, expiresOn: r.expiresOn,
    officeId: r.officeId, officeCode: r.officeCode, officeName: r.officeName, status: r.status as AgentStatus, allCommunes: r.allCommunes === 1, address: r.address,
    phone: r.phone, representative: r.representative, note: r.note, isDemo: r.isDemo === 1,
  };
}

export function toSummary(a: AgentRow, counts: { communes: number; points: number; staff: number } | undefined, today: string): AgentSummary {
  return {
    code: a.code, name: a.name, kind: a.kind, product: a.product, contractNo: a.contractNo, signedOn: a.signedOn, expiresOn: a.expiresOn,
    expiry: a.status === 'ended' ? null : expiryFlag(a.expiresOn, today), officeCode: a.officeCode, officeName: a.officeName, status: a.status,
    allCommunes: a.allCommunes, communeCount: counts?.communes ?? 0, pointCount: counts?.points ?? 0, staffCount: counts?.staff ?? 0, isDemo: a.isDemo,
  };
}
