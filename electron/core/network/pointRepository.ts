import type { CollectionPoint, Inspection } from '../../../shared/contract';
import type { Page, PageRequest } from '../../../shared/contract/paging';
import type { AgentKind } from '../../../shared/domain/network';
import { foldText } from '../../../shared/text/fold';
import { viSortKey } from '../../../shared/text/viSortKey';
import { foldedWordsMatch, pageOf } from '../db/paging';
import type { Store } from '../db/store';

export interface PointFields {
  agentId: number;
  code: string | null;
  name: string;
  address: string | null;
  unitId: number | null;
  openedOn: string | null;
  closedOn: string | null;
  signage: boolean;
  note: string | null;
}

export interface PointFilter {
  agentCode?: string;
  officeCode?: string;
  unitId?: number;
  kind?: AgentKind;
  open?: boolean;
}

export class PointRepository {
  constructor(private readonly store: Store) {}

  private select() {
    return this.store.db
      .selectFrom('collection_points as p')
      .innerJoin('agents as a', 'a.id', 'p.agent_id')
      .leftJoin('offices as o', 'o.id', 'a.office_id')
      .leftJoin('units as u', 'u.id', 'p.unit_id')
      .select([
        'p.id', 'p.code', 'p.name', 'a.code as agentCode', 'a.name as agentName', 'a.kind as agentKind', 'p.address', 'u.code as unitCode', 'u.name as unitName',
        'p.opened_on as openedOn', 'p.closed_on as closedOn', 'p.signage', 'p.note',
      ]);
  }

  async page(req: PageRequest<'name' | 'agent' | 'commune'> & PointFilter, today: string): Promise<Page<CollectionPoint>> {
    let query = this.select();
    const text = req.query?.trim();
    if (text) query = query.where((eb) => eb.or([eb('p.code', 'like', `${text}%`), foldedWordsMatch('p.name_key', foldText(text)), foldedWordsMatch('u.name_key', foldText(text))]));
    if (req.agentCode) query = query.where('a.code', '=', req.agentCode);
    if (req.officeCode) query = query.where('o.code', '=', req.officeCode);
    if (req.kind) query = query.where('a.kind', '=', req.kind);
    if (req.unitId !== undefined) query = query.where('p.unit_id', '=', req.unitId);
    if (req.open === true) query = query.where((eb) => eb.or([eb('p.closed_on', 'is', null), eb('p.closed_on', '>=', today)]));
    if (req.open === false) query = query.where('p.closed_on', '<', today);
    const dir = req.desc ? 'desc' : 'asc';
    const page = await pageOf(query, req, (q) => {
      if (req.sort === 'agent') return q.orderBy('a.sort_key', dir).orderBy('p.sort_key').orderBy('p.id');
      if (req.sort === 'commune') return q.orderBy('u.name_key', dir).orderBy('p.sort_key').orderBy('p.id');
      return q.orderBy('p.sort_key', dir).orderBy('p.id');
    });
    return { ...page, items: page.items.map(toPoint) };
  }

  async ofAgent(agentId: number): Promise<CollectionPoint[]> {
    return (await this.select().where('p.agent_id', '=', agentId).orderBy('p.sort_key').execute()).map(toPoint);
  }

  async byId(id: number): Promise<(CollectionPoint & { agentId: number; unitId: number | null }) | null> {
    const row = await this.select().select(['p.agent_id as agentId', 'p.unit_id as unitId']).where('p.id', '=', id).executeTakeFirst();
    return row ? { ...toPoint(row), agentId: row.agentId, unitId: row.unitId } : null;
  }

  async byCode(code: string): Promise<{ id: number } | null> {
    return (await this.store.db.selectFrom('collection_points').select('id').where('code', '=', code).executeTakeFirst()) ?? null;
  }

  async insert(f: PointFields, now: string, extra: { batchId?: number | null; isDemo?: boolean } = {}): Promise<number> {
    const row = await this.store.db
      .insertInto('collection_points')
      .values({ ...columns(f), batch_id: extra.batchId ?? null, is_demo: extra.isDemo ? 1 : 0, created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async update(id: number, f: PointFields, now: string): Promise<void> {
    await this.store.db.updateTable('collection_points').set({ ...columns(f), updated_at: now }).where('id', '=', id).execute();
  }
}

function columns(f: PointFields) {
  return {
    agent_id: f.agentId, code: f.code, name: f.name, name_key: foldText(f.name), sort_key: viSortKey(f.name), address: f.address, unit_id: f.unitId,
    opened_on: f.openedOn, closed_on: f.closedOn, signage: f.signage ? 1 : 0, note: f.note,
  };
}

function toPoint(r: { id: number; code: string | null; name: string; agentCode: string; agentName: string; agentKind: string; address: string | null; unitCode: string | null; unitName: string | null; openedOn: string | null; closedOn: string | null; signage: number; note: string | null }): CollectionPoint {
  return { ...r, agentKind: r.agentKind as AgentKind, signage: r.signage === 1 };
}

export interface InspectionFields {
  agentId: number;
  inspectedOn: string;
  inspector: string;
  findings: string;
  followUp: string | null;
  followUpDone: boolean;
}

export class InspectionRepository {
  constructor(private readonly store: Store) {}

  private select() {
    return this.store.db
      .selectFrom('agent_inspections as i')
      .innerJoin('agents as a', 'a.id', 'i.agent_id')
      .leftJoin('offices as o', 'o.id', 'a.office_id')
      .select(['i.id', 'a.code as agentCode', 'a.name as agentName', 'i.inspected_on as inspectedOn', 'i.inspector', 'i.findings', 'i.follow_up as followUp', 'i.follow_up_done as followUpDone']);
  }

  async page(req: PageRequest<'date'> & { agentCode?: string; officeCode?: string; year?: number }): Promise<Page<Inspection>> {
    let query = this.select();
    if (req.agentCode) query = query.where('a.code', '=', req.agentCode);
    if (req.officeCode) query = query.where('o.code', '=', req.officeCode);
    if (req.year) query = query.where('i.inspected_on', '>=', `${req.year}-01-01`).where('i.inspected_on', '<=', `${req.year}-12-31`);
    const text = req.query?.trim();
    if (text) query = query.where((eb) => eb.or([eb('a.code', 'like', `${text}%`), foldedWordsMatch('a.name_key', foldText(text))]));
    const page = await pageOf(query, req, (q) => q.orderBy('i.inspected_on', req.desc === false ? 'asc' : 'desc').orderBy('i.id', 'desc'));
    return { ...page, items: page.items.map(toInspection) };
  }

  async ofAgent(agentId: number): Promise<Inspection[]> {
    return (await this.select().where('i.agent_id', '=', agentId).orderBy('i.inspected_on', 'desc').execute()).map(toInspection);
  }

  async byId(id: number): Promise<Inspection | null> {
    const row = await this.select().where('i.id', '=', id).executeTakeFirst();
    return row ? toInspection(row) : null;
  }

  async save(id: number | undefined, f: InspectionFields, now: string, isDemo = false): Promise<number> {
    const values = { agent_id: f.agentId, inspected_on: f.inspectedOn, inspector: f.inspector, findings: f.findings, follow_up: f.followUp, follow_up_done: f.followUpDone ? 1 : 0, updated_at: now };
    if (id !== undefined) {
      await this.store.db.updateTable('agent_inspections').set(values).where('id', '=', id).execute();
      return id;
    }
    const row = await this.store.db.insertInto('agent_inspections').values({ ...values, is_demo: isDemo ? 1 : 0, created_at: now }).returning('id').executeTakeFirstOrThrow();
    return row.id;
  }
}

function toInspection(r: { id: number; agentCode: string; agentName: string; inspectedOn: string; inspector: string; findings: string; followUp: string | null; followUpDone: number }): Inspection {
  return { ...r, followUpDone: r.followUpDone === 1 };
}
