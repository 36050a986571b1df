import type { NamedUnit, StaffSummary } from '../../../shared/contract';
import type { Page, PageRequest } from '../../../shared/contract/paging';
import { maskCccd, maskPhone } from '../../../shared/calc/cccd';
import type { AgentKind, StaffRole, StaffStatus } from '../../../shared/domain/network';
import { foldText } from '../../../shared/text/fold';
import { personSortKey } from '../../../shared/text/viSortKey';
import { chunks } from '../db/batching';
import { foldedWordsMatch, pageOf } from '../db/paging';
import type { Store } from '../db/store';

export interface StaffFields {
  fullName: string;
  role: StaffRole;
  birthYear: number | null;
  birthDate: string | null;
  sex: 'M' | 'F' | null;
  cccd: string | null;
  phone: string | null;
  agentId: number;
  trainingDate: string | null;
  cardNo: string | null;
  cardDate: string | null;
  status: StaffStatus;
  joinedOn: string | null;
  leftOn: string | null;
  note: string | null;
}

export interface StaffRow extends StaffFields {
  id: number;
  code: string;
  agentCode: string;
  agentName: string;
  agentKind: AgentKind;
  officeId: number | null;
  isDemo: boolean;
}

export interface StaffFilter {
  agentCode?: string;
  officeCode?: string;
  unitId?: number;
  kind?: AgentKind;
  status?: StaffStatus;
  role?: StaffRole;
}

export class StaffRepository {
  constructor(private readonly store: Store) {}

  select() {
    return this.store.db
      .selectFrom('agent_staff as s')
      .innerJoin('agents as a', 'a.id', 's.agent_id')
      .leftJoin('offices as o', 'o.id', 'a.office_id')
      .select([
        's.id', 's.code', 's.full_name as fullName', 's.role', 's.birth_year as birthYear', 's.birth_date as birthDate', 's.sex', 's.cccd', 's.phone', 's.agent_id as agentId',
        'a.code as agentCode', 'a.name as agentName', 'a.kind as agentKind', 'a.office_id as officeId', 's.training_date as trainingDate', 's.card_no as cardNo',
        's.card_date as cardDate', 's.status', 's.joined_on as joinedOn', 's.left_on as leftOn', 's.note', 's.is_demo as isDemo',
      ]);
  }

  filtered(req: StaffFilter & { query?: string }) {
    let query = this.select();
    const text = req.query?.trim();
    if (text) {
      const digits = text.replace(/[\s.-]/g, '');
      // Digits are a code, a phone or a CCCD; words are a name.
      if (/^\d{4,12}$/.test(digits)) query = query.where((eb) => eb.or([eb('s.code', 'like', `${digits}%`), eb('s.phone', 'like', `%${digits}%`), eb('s.cccd', 'like', `%${digits}%`)]));
      else query = query.where((eb) => eb.or([eb('s.code', 'like', `${text}%`), foldedWordsMatch('s.name_key', foldText(text))]));
    }
    if (req.agentCode) query = query.where('a.code', '=', req.agentCode);
    if (req.officeCode) query = query.where('o.code', '=', req.officeCode);
    if (req.kind) query = query.where('a.kind', '=', req.kind);
    if (req.status) query = query.where('s.status', '=', req.status);
    if (req.role) query = query.where('s.role', '=', req.role);
    if (req.unitId !== undefined) query = query.where('s.id', 'in', (eb) => eb.selectFrom('staff_communes').select('staff_id').where('unit_id', '=', req.unitId!));
    return query;
  }

  async page(req: PageRequest<'name' | 'code' | 'agent'> & StaffFilter): Promise<Page<StaffSummary>> {
    const dir = req.desc ? 'desc' : 'asc';
    const page = await pageOf(this.filtered(req), req, (q) => {
      if (req.sort === 'code') return q.orderBy('s.code', dir);
      if (req.sort === 'agent') return q.orderBy('a.sort_key', dir).orderBy('s.sort_key').orderBy('s.code');
      return q.orderBy('s.sort_key', dir).orderBy('s.code');
    });
    const communes = await this.communesOf(page.items.map((s) => s.id));
    return { ...page, items: page.items.map((s) => toSummary(toRow(s), communes.get(s.id) ?? [])) };
  }

  async communesOf(staffIds: number[]): Promise<Map<number, NamedUnit[]>> {
    const out = new Map<number, NamedUnit[]>();
    for (const ids of chunks(staffIds)) {
      const rows = await this.store.db
        .selectFrom('staff_communes as sc')
        .innerJoin('units as u', 'u.id', 'sc.unit_id')
        .select(['sc.staff_id as id', 'u.code', 'u.name'])
        .where('sc.staff_id', 'in', ids)
        .orderBy('u.name_key')
        .execute();
      for (const r of rows) (out.get(r.id) ?? out.set(r.id, []).get(r.id)!).push({ code: r.code, name: r.name });
    }
    return out;
  }

  async byCode(code: string): Promise<StaffRow | null> {
    const row = await this.select().where('s.code', '=', code).executeTakeFirst();
    return row ? toRow(row) : null;
  }

  async byCodes(codes: string[]): Promise<Map<string, StaffRow>> {
    const out = new Map<string, StaffRow>();
    for (const chunk of chunks([...new Set(codes)])) for (const row of await this.select().where('s.code', 'in', chunk).execute()) out.set(row.code, toRow(row));
    return out;
  }

  /** Who already holds these CCCD numbers (a number belongs to one person). */
  async byCccds(cccds: string[]): Promise<Map<string, { code: string; fullName: string }>> {
    const out = new Map<string, { code: string; fullName: string }>();
    for (const chunk of chunks([...new Set(cccds)])) {
      const rows = await this.store.db.selectFrom('agent_staff').select(['code', 'full_name', 'cccd']).where('cccd', 'in', chunk).execute();
      for (const r of rows) out.set(r.cccd!, { code: r.code, fullName: r.full_name });
    }
    return out;
  }

  async staffOfAgents(agentIds: number[]): Promise<StaffRow[]> {
    const out: StaffRow[] = [];
    for (const ids of chunks(agentIds)) out.push(...(await this.select().where('s.agent_id', 'in', ids).orderBy('s.sort_key').execute()).map(toRow));
    return out;
  }

  async insert(code: string, f: StaffFields, now: string, extra: { batchId?: number | null; isDemo?: boolean } = {}): Promise<number> {
    const row = await this.store.db
      .insertInto('agent_staff')
      .values({ code, ...columns(f), batch_id: extra.batchId ?? null, is_demo: extra.isDemo ? 1 : 0, created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async update(id: number, f: StaffFields, now: string): Promise<void> {
    await this.store.db.updateTable('agent_staff').set({ ...columns(f), updated_at: now }).where('id', '=', id).execute();
  }

  async setCommunes(staffId: number, unitIds: number[]): Promise<void> {
    await this.store.db.deleteFrom('staff_communes').where('staff_id', '=', staffId).execute();
    for (const chunk of chunks([...new Set(unitIds)])) await this.store.db.insertInto('staff_communes').values(chunk.map((unit_id) => ({ staff_id: staffId, unit_id }))).execute();
  }
}

function columns(f: StaffFields) {
  return {
    full_name: f.fullName, name_key: foldText(f.fullName), sort_key: personSortKey(f.fullName), role: f.role, birth_year: f.birthYear, birth_date: f.birthDate, sex: f.sex,
    cccd: f.cccd, phone: f.phone, agent_id: f.agentId, training_date: f.trainingDate, card_no: f.cardNo, card_date: f.cardDate, status: f.status, joined_on: f.joinedOn,
    left_on: f.leftOn, note: f.note,
  };
}

type SelectedStaff = Awaited<ReturnType<ReturnType<StaffRepository['select']>['executeTakeFirstOrThrow']>>;

function toRow(r: SelectedStaff): StaffRow {
  return {
    id: r.id, code: r.code, fullName: r.fullName, role: r.role as StaffRole, birthYear: r.birthYear, birthDate: r.birthDate, sex: r.sex as 'M' | 'F' | null, cccd: r.cccd,
    phone: r.phone, agentId: r.agentId, agentCode: r.agentCode, agentName: r.agentName, agentKind: r.agentKind as AgentKind, officeId: r.officeId, trainingDate: r.trainingDate,
    cardNo: r.cardNo, cardDate: r.cardDate, status: r.status as StaffStatus, joinedOn: r.joinedOn, leftOn: r.leftOn, note: r.note, isDemo: r.isDemo === 1,
  };
}

export function toSummary(s: StaffRow, communes: NamedUnit[]): StaffSummary {
  return {
    code: s.code, fullName: s.fullName, role: s.role, birthYear: s.birthYear, birthDate: s.birthDate, sex: s.sex, cccdMasked: maskCccd(s.cccd), phoneMasked: maskPhone(s.phone),
    agentCode: s.agentCode, agentName: s.agentName, agentKind: s.agentKind, communes, trainingDate: s.trainingDate, cardNo: s.cardNo, cardDate: s.cardDate, status: s.status,
    joinedOn: s.joinedOn, leftOn: s.leftOn, isDemo: s.isDemo,
  };
}
