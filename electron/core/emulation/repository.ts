import { sql } from 'kysely';
import type { Award, Page, PageRequest } from '../../../shared/contract';
import type { AwardKind, EmulationLevel, EmulationMeasure } from '../../../shared/domain/emulation';
import { foldText } from '../../../shared/text/fold';
import { viSortKey } from '../../../shared/text/viSortKey';
import { foldedWordsMatch, pageOf } from '../db/paging';
import type { Store } from '../db/store';

export interface StoredCriterion {
  position: number;
  measure: EmulationMeasure;
  weight: number;
  benchmark: number;
  cap: number;
}

export interface StoredSet {
  id: number;
  name: string;
  level: EmulationLevel;
  validFrom: string;
  validTo: string | null;
  decisionNo: string | null;
  note: string | null;
  createdBy: string;
  createdAt: string;
  criteria: StoredCriterion[];
}

/** An agent or a staff member who can be ranked in a period, with the office and agent above. */
export interface Contender {
  id: number;
  code: string;
  name: string;
  parentName: string | null;
}

/** Sums of some flow measures per owner over a span of months. */
export type FlowSums = Map<number, Partial<Record<string, number>>>;

export interface AwardFields {
  recipientLevel: EmulationLevel;
  recipientCode: string | null;
  recipientName: string;
  kind: AwardKind;
  title: string;
  decisionNo: string;
  decisionDate: string;
  amount: number;
  period: string | null;
  note: string | null;
  isDemo?: boolean;
}

export interface AwardFilter {
  level?: EmulationLevel;
  kind?: AwardKind;
  year?: number;
}

/** All SQL of emulation: criteria sets, the figures a ranking reads besides the unit tree's, awards. */
export class EmulationRepository {
  constructor(private readonly store: Store) {}

  /** Whether an office (unit level), agent or staff member has this code. */
  async recipientExists(level: 'unit' | 'agent' | 'staff', code: string): Promise<boolean> {
    const table = level === 'unit' ? 'offices' : level === 'agent' ? 'agents' : 'agent_staff';
    const row = await this.store.db.selectFrom(table).select('id').where('code', '=', code).executeTakeFirst();
    return row !== undefined;
  }

  /** Every set of a level (or all), with its criteria: two statements. */
  async sets(level?: EmulationLevel): Promise<StoredSet[]> {
    let query = this.store.db.selectFrom('emulation_criteria_sets').selectAll();
    if (level) query = query.where('level', '=', level);
    const sets = await query.orderBy('valid_from', 'desc').orderBy('id', 'desc').execute();
    if (sets.length === 0) return [];
    const criteria = await this.store.db
      .selectFrom('emulation_criteria')
      .selectAll()
      .where('set_id', 'in', sets.map((s) => s.id))
      .orderBy('set_id')
      .orderBy('position')
      .execute();
    const bySet = new Map<number, StoredCriterion[]>();
    for (const c of criteria) {
      const list = bySet.get(c.set_id) ?? bySet.set(c.set_id, []).get(c.set_id)!;
      list.push({ position: c.position, measure: c.measure as EmulationMeasure, weight: Number(c.weight), benchmark: Number(c.benchmark), cap: Number(c.cap) });
    }
    return sets.map((s) => ({
      id: s.id, name: s.name, level: s.level as EmulationLevel, validFrom: s.valid_from, validTo: s.valid_to, decisionNo: s.decision_no, note: s.note,
      createdBy: s.created_by, createdAt: s.created_at, criteria: bySet.get(s.id) ?? [],
    }));
  }

  async insertSet(set: Omit<StoredSet, 'id' | 'criteria'>, criteria: Omit<StoredCriterion, 'position'>[]): Promise<number> {
    const { id } = await this.store.db
      .insertInto('emulation_criteria_sets')
      .values({
        name: set.name, level: set.level, valid_from: set.validFrom, valid_to: set.validTo, decision_no: set.decisionNo, note: set.note, created_by: set.createdBy, created_at: set.createdAt,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await this.store.db
      .insertInto('emulation_criteria')
      .values(criteria.map((c, position) => ({ set_id: id, position, measure: c.measure, weight: c.weight, benchmark: c.benchmark, cap: c.cap })))
      .execute();
    return id;
  }

  /** Campaign sessions that started in [from, to], per office (campaigns held by the office). */
  async sessionsByOffice(from: string, to: string): Promise<Map<number, number>> {
    const rows = await this.store.db
      .selectFrom('campaigns')
      .select(['office_id as officeId', (eb) => eb.fn.sum<number>('sessions').as('n')])
      .where('office_id', 'is not', null)
      .where('starts_on', '>=', from)
      .where('starts_on', '<=', to)
      .groupBy('office_id')
      .execute();
    return new Map(rows.map((r) => [r.officeId!, Number(r.n)]));
  }

  /** Campaign sessions that started in [from, to] with the agent among the partners, per agent. */
  async sessionsByAgent(from: string, to: string): Promise<Map<number, number>> {
    const { rows } = await sql<{ agent_id: number; n: number | string }>`
      SELECT x.agent_id, SUM(x.sessions) AS n FROM (
        SELECT DISTINCT p.agent_id, c.id, c.sessions FROM campaign_partners p JOIN campaigns c ON c.id = p.campaign_id
        WHERE p.agent_id IS NOT NULL AND c.starts_on >= ${from} AND c.starts_on <= ${to}
      ) x GROUP BY x.agent_id`.execute(this.store.db);
    return new Map(rows.map((r) => [r.agent_id, Number(r.n)]));
  }

  /** Units with a collection point open on `day` (opened by then, not closed before it). */
  async unitsWithOpenPoint(day: string): Promise<number[]> {
    const rows = await this.store.db
      .selectFrom('collection_points')
      .select('unit_id')
      .distinct()
      .where('unit_id', 'is not', null)
      .where((eb) => eb.or([eb('opened_on', 'is', null), eb('opened_on', '<=', day)]))
      .where((eb) => eb.or([eb('closed_on', 'is', null), eb('closed_on', '>=', day)]))
      .execute();
    return rows.map((r) => r.unit_id!);
  }

  /**
   * Agents or staff in the network during [from, to]: agents signed by then and not ended
   * before it, staff joined by then and not gone before it; optionally of one office.
   */
  async contenders(level: 'agent' | 'staff', from: string, to: string, officeCode?: string): Promise<Contender[]> {
    const db = this.store.db;
    if (level === 'agent') {
      let query = db
        .selectFrom('agents as a')
        .leftJoin('offices as o', 'o.id', 'a.office_id')
        .select(['a.id', 'a.code', 'a.name', 'o.name as parentName'])
        .where((eb) => eb.or([eb('a.signed_on', 'is', null), eb('a.signed_on', '<=', to)]))
        .where((eb) => eb.or([eb('a.status', '<>', 'ended'), eb('a.expires_on', '>=', from)]));
      if (officeCode) query = query.where('o.code', '=', officeCode);
      return (await query.orderBy('a.sort_key').orderBy('a.id').execute()).map((r) => ({ id: r.id, code: r.code, name: r.name, parentName: r.parentName }));
    }
    let query = db
      .selectFrom('agent_staff as s')
      .innerJoin('agents as a', 'a.id', 's.agent_id')
      .leftJoin('offices as o', 'o.id', 'a.office_id')
      .select(['s.id', 's.code', 's.full_name as name', 'a.name as parentName'])
      .where((eb) => eb.or([eb('s.joined_on', 'is', null), eb('s.joined_on', '<=', to)]))
      .where((eb) => eb.or([eb('s.left_on', '>=', from), eb.and([eb('s.left_on', 'is', null), eb('s.status', '<>', 'left')])]));
    if (officeCode) query = query.where('o.code', '=', officeCode);
    return (await query.orderBy('s.sort_key').orderBy('s.id').execute()).map((r) => ({ id: r.id, code: r.code, name: r.name, parentName: r.parentName }));
  }

  /**
   * Results of some measures summed per owner over months [fromMonth, toMonth] (YYYY-MM), one
   * statement for the whole level; an agent's sums include its staff's (a staff member's
   * sign-ups are also the agent's), as the network's rankings count them.
   */
  async resultSums(level: 'agent' | 'staff', measures: readonly string[], fromMonth: string, toMonth: string): Promise<FlowSums> {
    const own = sql`SELECT owner_id, measure, value FROM network_flows WHERE kind = 'result' AND level = ${level}
      AND measure IN (${sql.join(measures)}) AND period >= ${fromMonth} AND period <= ${toMonth}`;
    const source =
      level === 'staff'
        ? own
        : sql`${own} UNION ALL SELECT s.agent_id AS owner_id, f.measure, f.value FROM network_flows f JOIN agent_staff s ON s.id = f.owner_id
            WHERE f.kind = 'result' AND f.level = 'staff' AND f.measure IN (${sql.join(measures)}) AND f.period >= ${fromMonth} AND f.period <= ${toMonth}`;
    const { rows } = await sql<{ owner_id: number; measure: string; total: number | string }>`
      SELECT owner_id, measure, SUM(value) AS total FROM (${source}) x GROUP BY owner_id, measure`.execute(this.store.db);
    return toSums(rows.map((r) => ({ ownerId: r.owner_id, measure: r.measure, value: Number(r.total) })));
  }

  /** Year targets of some measures per owner of a level. */
  async yearTargets(level: 'agent' | 'staff', measures: readonly string[], year: number): Promise<FlowSums> {
    const rows = await this.store.db
      .selectFrom('network_flows')
      .select(['owner_id as ownerId', 'measure', 'value'])
      .where('kind', '=', 'target')
      .where('level', '=', level)
      .where('measure', 'in', [...measures])
      .where('period', '=', String(year))
      .execute();
    return toSums(rows.map((r) => ({ ...r, value: Number(r.value) })));
  }

  private selectAwards() {
    return this.store.db
      .selectFrom('awards')
      .select([
        'id', 'recipient_level as recipientLevel', 'recipient_code as recipientCode', 'recipient_name as recipientName', 'kind', 'title', 'decision_no as decisionNo',
        'decision_date as decisionDate', 'amount', 'period', 'note', 'is_demo as isDemo', 'updated_at as updatedAt',
      ]);
  }

  async awardPage(req: PageRequest<'decisionDate' | 'name' | 'amount'> & AwardFilter): Promise<Page<Award>> {
    let query = this.selectAwards();
    const text = req.query?.trim();
    if (text) query = query.where((eb) => eb.or([foldedWordsMatch('name_key', foldText(text)), eb('decision_no', 'like', `%${text}%`), eb('recipient_code', '=', text)]));
    if (req.level) query = query.where('recipient_level', '=', req.level);
    if (req.kind) query = query.where('kind', '=', req.kind);
    if (req.year) query = query.where('decision_date', '>=', `${req.year}-01-01`).where('decision_date', '<=', `${req.year}-12-31`);
    const dir = req.desc === false ? 'asc' : req.desc ? 'desc' : req.sort === 'name' ? 'asc' : 'desc';
    const page = await pageOf(query, req, (q) => {
      if (req.sort === 'name') return q.orderBy('sort_key', dir).orderBy('id');
      if (req.sort === 'amount') return q.orderBy('amount', dir).orderBy('id', 'desc');
      return q.orderBy('decision_date', dir).orderBy('id', 'desc');
    });
    return { ...page, items: page.items.map(toAward) };
  }

  async award(id: number): Promise<Award | null> {
    const row = await this.selectAwards().where('id', '=', id).executeTakeFirst();
    return row ? toAward(row) : null;
  }

  async insertAward(fields: AwardFields, now: string): Promise<number> {
    const { id } = await this.store.db
      .insertInto('awards')
      .values({ ...awardColumns(fields), is_demo: fields.isDemo ? 1 : 0, created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    return id;
  }

  async insertAwards(list: AwardFields[], now: string): Promise<void> {
    if (list.length === 0) return;
    await this.store.db
      .insertInto('awards')
      .values(list.map((fields) => ({ ...awardColumns(fields), is_demo: fields.isDemo ? 1 : 0, created_at: now, updated_at: now })))
      .execute();
  }

  async updateAward(id: number, fields: AwardFields, now: string): Promise<void> {
    await this.store.db.updateTable('awards').set({ ...awardColumns(fields), updated_at: now }).where('id', '=', id).execute();
  }

  async deleteAward(id: number): Promise<number> {
    const res = await this.store.db.deleteFrom('awards').where('id', '=', id).executeTakeFirst();
    return Number(res.numDeletedRows);
  }

  async deleteDemoAwards(): Promise<void> {
    await this.store.db.deleteFrom('awards').where('is_demo', '=', 1).execute();
  }
}

function toSums(rows: { ownerId: number; measure: string; value: number }[]): FlowSums {
  const out: FlowSums = new Map();
  for (const r of rows) {
    const slot = out.get(r.ownerId) ?? out.set(r.ownerId, {}).get(r.ownerId)!;
    slot[r.measure] = (slot[r.measure] ?? 0) + r.value;
  }
  return out;
}

function awardColumns(f: AwardFields) {
  return {
    recipient_level: f.recipientLevel, recipient_code: f.recipientCode, recipient_name: f.recipientName, name_key: foldText(f.recipientName), sort_key: viSortKey(f.recipientName),
    kind: f.kind, title: f.title, decision_no: f.decisionNo, decision_date: f.decisionDate, amount: f.amount, period: f.period, note: f.note,
  };
}

function toAward(r: {
  id: number; recipientLevel: string; recipientCode: string | null; recipientName: string; kind: string; title: string; decisionNo: string; decisionDate: string;
  amount: number; period: string | null; note: string | null; isDemo: number; updatedAt: string;
}): Award {
  return { ...r, recipientLevel: r.recipientLevel as EmulationLevel, kind: r.kind as AwardKind, amount: Number(r.amount), isDemo: r.isDemo === 1 };
}
