import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import { normalisePhone } from '../../../shared/calc/cccd';
import { hamletKeyOf, PERSON_STATUSES, type PersonProduct, type PersonStatus } from '../../../shared/domain/people';
import { foldText } from '../../../shared/text/fold';
import type { Schema } from '../db/schema';
import type { Store } from '../db/store';

/**
 * Every SQL statement of person lists except the import pipeline's. Searches are index range
 * scans on both engines: a prefix is `col >= p AND col < next(p)` (LIKE uses no index on
 * PostgreSQL's non-C collations nor, case-insensitive, on SQLite), folded name keys are ASCII and
 * compared bytewise (COLLATE "C" on PostgreSQL), identifiers are digits.
 */

/** The key a hamlet is matched on (the import writes the same into people.hamlet_key). */
export { hamletKeyOf } from '../../../shared/domain/people';

/** The filter of a search, an assignment and an export, codes already resolved to ids. */
export interface PeopleQueryFilter {
  listId?: number;
  unitCode?: string;
  hamlet?: string;
  /** A staff member's id (resolved from the code). */
  staffId?: number;
  unassigned?: boolean;
  status?: readonly PersonStatus[];
  product?: PersonProduct;
  dueMonth?: string;
  /** Name words, or digits of a CCCD / mã số BHXH / phone, or a BHYT card number. */
  query?: string;
}

export type PeopleSort = 'name' | 'commune' | 'status' | 'due';

type P = Schema & { p: Schema['people'] };
type EB = ExpressionBuilder<P, 'p'>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type SelectLike = { orderBy: (...args: any[]) => SelectLike };

/** The smallest string above every string starting with `prefix` (keys are ASCII, compared bytewise). */
export function nextKey(prefix: string): string {
  return prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
}

/**
 * The same for a string of digits, staying within digits ("0959" → "096"), so the bound holds
 * under any collation; null when every digit is 9 (no upper bound).
 */
export function nextDigits(prefix: string): string | null {
  let i = prefix.length - 1;
  while (i >= 0 && prefix[i] === '9') i--;
  if (i < 0) return null;
  return prefix.slice(0, i) + String(Number(prefix[i]) + 1);
}

function keyPrefix(eb: EB, column: 'p.name_key' | 'p.given_key', q: string): Expression<SqlBool> {
  return eb.and([eb(column, '>=', q), eb(column, '<', nextKey(q))]);
}

function digitPrefix(eb: EB, column: 'p.cccd' | 'p.bhxh_code' | 'p.phone', d: string): Expression<SqlBool> {
  const upper = nextDigits(d);
  return upper === null ? eb(column, '>=', d) : eb.and([eb(column, '>=', d), eb(column, '<', upper)]);
}

/**
 * What the typed text matches: a whole CCCD (12 digits) exactly, 10 digits a mã số BHXH or a
 * phone exactly, 11 a phone; fewer digits the start of any of them; a BHYT card its mã số BHXH;
 * words the start of the folded full name or of the name given-name-first.
 */
export function textMatch(eb: EB, text: string): Expression<SqlBool> {
  const compact = text.replace(/[\s.\-()]/g, '');
  const card = /^[A-Za-z]{2}\d{13}$/.test(compact) ? compact.slice(5) : null;
  if (card) return eb('p.bhxh_code', '=', card);
  if (/^\+?\d{3,}$/.test(compact)) {
    const digits = normalisePhone(compact);
    if (digits.length === 12) return eb('p.cccd', '=', digits);
    if (digits.length === 10) return eb.or([eb('p.bhxh_code', '=', digits), eb('p.phone', '=', digits)]);
    if (digits.length === 11) return eb.or([eb('p.phone', '=', digits), digitPrefix(eb, 'p.cccd', digits)]);
    if (digits.length > 12) return sql<SqlBool>`1 = 0`;
    return eb.or([digitPrefix(eb, 'p.cccd', digits), digitPrefix(eb, 'p.bhxh_code', digits), digitPrefix(eb, 'p.phone', digits)]);
  }
  const q = foldText(text);
  if (!q) return sql<SqlBool>`1 = 0`;
  return eb.or([keyPrefix(eb, 'p.name_key', q), keyPrefix(eb, 'p.given_key', q)]);
}

/**
 * The WHERE of a filter. `statusByScan`: test the status row by row (`status || ''`), for a page
 * in name order of a list, so SQLite walks the list's name index in order instead of sorting
 * every person of a common status found through the status index.
 */
export function filterWhere(eb: EB, f: PeopleQueryFilter, options: { statusByScan?: boolean } = {}): Expression<SqlBool> {
  const parts: Expression<SqlBool>[] = [];
  // A commune or a staff member is narrower than a list: `list_id + 0` keeps SQLite (planning
  // without statistics) on their index instead of walking the whole list's.
  if (f.listId !== undefined) parts.push(f.unitCode || f.staffId !== undefined ? sql<SqlBool>`p.list_id + 0 = ${f.listId}` : eb('p.list_id', '=', f.listId));
  if (f.unitCode) parts.push(eb('p.unit_code', '=', f.unitCode));
  const hamlet = hamletKeyOf(f.hamlet);
  if (hamlet) parts.push(eb('p.hamlet_key', '=', hamlet));
  // A person's staff is in person_staff (migration 18), with the status carried along: a staff
  // member's people (in a status) are one range of its index, looked up in people by id.
  if (f.staffId !== undefined) {
    const statuses = f.status?.length ? [...f.status] : null;
    parts.push(eb('p.id', 'in', eb.selectFrom('person_staff as ps').select('ps.person_id').where('ps.staff_id', '=', f.staffId).$if(statuses !== null, (q) => q.where('ps.status', 'in', statuses!))));
  }
  if (f.unassigned) parts.push(eb.not(eb.exists(eb.selectFrom('person_staff as ps').select('ps.person_id').whereRef('ps.person_id', '=', 'p.id'))));
  if (f.status && f.status.length > 0) {
    const status = options.statusByScan ? sql<string>`p.status || ''` : sql<string>`p.status`;
    parts.push(f.status.length === 1 ? eb(status, '=', f.status[0]!) : eb(status, 'in', [...f.status]));
  }
  if (f.product) parts.push(eb('p.product', '=', f.product));
  if (f.dueMonth) parts.push(eb('p.due_month', '=', f.dueMonth));
  if (f.query?.trim()) parts.push(textMatch(eb, f.query.trim()));
  return parts.length ? eb.and(parts) : sql<SqlBool>`1 = 1`;
}

const STATUS_ORDER = sql.raw(`CASE p.status ${PERSON_STATUSES.map((s, i) => `WHEN '${s}' THEN ${i}`).join(' ')} ELSE 99 END`);

/** A person's staff member's id (person_staff; null when unassigned), for a query over `people as p`. */
export const STAFF_OF_P = sql<number | null>`(SELECT ps.staff_id FROM person_staff ps WHERE ps.person_id = p.id)`;

/** The columns a list row is built from. */
const ROW_COLUMNS = [
  'p.id', 'p.list_id', 'p.full_name', 'p.birth_date', 'p.sex', 'p.cccd', 'p.bhxh_code', 'p.bhyt_card', 'p.phone', 'p.unit_code', 'p.commune_name',
  'p.hamlet', 'p.product', 'p.due_month', 'p.payment_mode', STAFF_OF_P.as('staff_id'), 'p.status', 'p.status_on', 'p.last_contact_on',
] as const;

export interface PersonRecord {
  id: number;
  list_id: number;
  full_name: string;
  birth_date: string | null;
  sex: 'M' | 'F' | null;
  cccd: string | null;
  bhxh_code: string | null;
  bhyt_card: string | null;
  phone: string | null;
  unit_code: string | null;
  commune_name: string | null;
  hamlet: string | null;
  product: PersonProduct | null;
  due_month: string | null;
  payment_mode: number | null;
  staff_id: number | null;
  status: string;
  status_on: string | null;
  last_contact_on: string | null;
}

/** What the page's third query adds to its rows: list name, staff, how many other lists hold the person. */
export interface PersonExtras {
  listName: string;
  staffCode: string | null;
  staffName: string | null;
  otherLists: number;
}

export interface StaffRef {
  id: number;
  code: string;
  fullName: string;
  status: string;
  agentName: string | null;
}

/** Counts stop here when the filter can only be counted row by row: the total is then "more than". */
export const COUNT_CAP = 10_000;

/** Which of the two name ranges a part of a name search reads (see searchPeople). */
export type NamePart = 'given' | 'nameOnly';

/**
 * Filters whose count an index answers alone (list with status, staff or unassigned; commune
 * and hamlet; staff and status; unassigned and status; a long run of digits): counted exactly whatever the size. Others are
 * counted up to COUNT_CAP.
 */
export function countIsCheap(f: PeopleQueryFilter, part?: NamePart): boolean {
  const keys = (Object.keys(f) as (keyof PeopleQueryFilter)[]).filter((k) => f[k] !== undefined && f[k] !== false && k !== 'query' && !(k === 'status' && f.status!.length === 0));
  const only = (...allowed: (keyof PeopleQueryFilter)[]) => keys.every((k) => allowed.includes(k));
  if (part === 'given') return only('listId');
  if (part === 'nameOnly') return keys.length === 0;
  const text = f.query?.trim();
  if (text) return /^\+?[\d\s.\-()]{6,}$/.test(text) || /^[A-Za-z]{2}\d{13}$/.test(text.replace(/[\s.-]/g, ''));
  return only('listId', 'status', 'staffId', 'unassigned') || only('unitCode', 'hamlet') || only('staffId', 'status') || only('unassigned', 'status');
}

export class PeopleRepository {
  constructor(private readonly store: Store) {}

  private filtered(f: PeopleQueryFilter, part?: NamePart, statusByScan = false) {
    const q = part ? { ...f, query: undefined } : f;
    let query = this.store.db.selectFrom('people as p').where((eb) => filterWhere(eb as unknown as EB, q, { statusByScan }));
    if (part) {
      const key = foldText(f.query ?? '');
      query = query.where((eb) => {
        const e = eb as unknown as EB;
        return part === 'given' ? keyPrefix(e, 'p.given_key', key) : e.and([keyPrefix(e, 'p.name_key', key), e.not(keyPrefix(e, 'p.given_key', key))]);
      });
    }
    return query;
  }

  /** Exact count of the filter (no cap). */
  async count(f: PeopleQueryFilter): Promise<number> {
    const row = await this.filtered(f).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  /**
   * Counts of staff filters from person_staff's indexes alone: a staff member's people (in a
   * list, in statuses); the unassigned as the people of the list (statuses) less the assigned
   * ones. Null for any other filter.
   */
  private async staffCount(f: PeopleQueryFilter): Promise<number | null> {
    const keys = (Object.keys(f) as (keyof PeopleQueryFilter)[]).filter((k) => f[k] !== undefined && f[k] !== false && !(k === 'status' && f.status!.length === 0) && !(k === 'query' && !f.query?.trim()));
    if (!keys.every((k) => k === 'listId' || k === 'status' || k === 'staffId' || k === 'unassigned')) return null;
    if ((f.staffId === undefined) === !f.unassigned) return null;
    const assigned = await this.store.db
      .selectFrom('person_staff as ps')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .$if(f.staffId !== undefined, (q) => q.where('ps.staff_id', '=', f.staffId!))
      .$if(f.listId !== undefined, (q) => q.where('ps.list_id', '=', f.listId!))
      .$if(!!f.status?.length, (q) => q.where('ps.status', 'in', [...f.status!]))
      .executeTakeFirst();
    const n = Number(assigned?.n ?? 0);
    if (f.staffId !== undefined) return n;
    return (await this.count({ listId: f.listId, status: f.status })) - n;
  }

  /** The total of a page: exact when an index answers it, else counted up to COUNT_CAP (estimate: "more than"). One statement. */
  async pageTotal(f: PeopleQueryFilter, part?: NamePart): Promise<{ total: number; estimate: boolean }> {
    if (!part) {
      const n = await this.staffCount(f);
      if (n !== null) return { total: n, estimate: false };
    }
    if (countIsCheap(f, part)) {
      const row = await this.filtered(f, part).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
      return { total: Number(row?.n ?? 0), estimate: false };
    }
    const capped = this.filtered(f, part).select(sql<number>`1`.as('one')).limit(COUNT_CAP + 1).as('x');
    const row = await this.store.db.selectFrom(capped).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
    const n = Number(row?.n ?? 0);
    return n > COUNT_CAP ? { total: COUNT_CAP, estimate: true } : { total: n, estimate: false };
  }

  /** The exact number of people the filter (and name part) selects, however many: for the rare page past COUNT_CAP. */
  async exactTotal(f: PeopleQueryFilter, part?: NamePart): Promise<number> {
    const row = await this.filtered(f, part).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  /**
   * One page of rows in the asked order, ties broken by id so pages never overlap. The page's
   * ids are chosen first (from an index alone when it covers the filter and order: a deep page
   * skips index entries, not rows), then only those rows are read.
   */
  async page(f: PeopleQueryFilter, sort: PeopleSort, desc: boolean, offset: number, limit: number, part?: NamePart): Promise<PersonRecord[]> {
    const dir = desc ? 'desc' : 'asc';
    // Typed text outside the name parts selects a few index ranges: sort what they found rather
    // than walk the whole name index in order (what SQLite, planning without statistics, would do).
    const given = !part && f.query?.trim() ? sql`p.given_key || ''` : sql`p.given_key`;
    const order = <Q extends { orderBy: (...a: never[]) => Q }>(q0: Q): Q => {
      const q = q0 as unknown as SelectLike;
      let r: SelectLike;
      if (part === 'nameOnly') r = q.orderBy('p.name_key', dir).orderBy('p.given_key', dir);
      else if (sort === 'commune') r = q.orderBy('p.unit_code', dir).orderBy('p.hamlet_key', dir).orderBy(given, dir).orderBy('p.name_key', dir);
      else if (sort === 'status') r = q.orderBy(STATUS_ORDER, dir).orderBy(given, dir).orderBy('p.name_key', dir);
      else if (sort === 'due') r = q.orderBy('p.due_month', dir).orderBy(given, dir).orderBy('p.name_key', dir);
      else r = q.orderBy(given, dir).orderBy('p.name_key', dir);
      return r.orderBy('p.id', dir) as unknown as Q;
    };
    const byScan = !part && !f.query?.trim() && sort === 'name' && f.listId !== undefined && !f.unitCode && f.staffId === undefined;
    const ids = order(this.filtered(f, part, byScan).select('p.id')).offset(offset).limit(limit);
    const rows = await order(this.store.db.selectFrom('people as p').select([...ROW_COLUMNS]).where('p.id', 'in', ids)).execute();
    return rows as PersonRecord[];
  }

  /** Every row the filter matches in call-sheet order (commune, hamlet, name) with list and staff names, for exports and sheets. */
  async all(f: PeopleQueryFilter): Promise<(PersonRecord & { list_name: string; staff_code: string | null; staff_name: string | null })[]> {
    return (await this.filtered(f)
      .innerJoin('person_lists as l', 'l.id', 'p.list_id')
      .leftJoin('person_staff as ps', 'ps.person_id', 'p.id')
      .leftJoin('agent_staff as s', 's.id', 'ps.staff_id')
      .select([...ROW_COLUMNS, 'l.name as list_name', 's.code as staff_code', 's.full_name as staff_name'])
      .orderBy('p.commune_name').orderBy('p.unit_code').orderBy('p.hamlet_key').orderBy('p.given_key').orderBy('p.id')
      .execute()) as (PersonRecord & { list_name: string; staff_code: string | null; staff_name: string | null })[];
  }

  /** List name, staff and the number of other lists holding the same person (same CCCD or mã số BHXH), for the given rows in one query. */
  async extras(ids: number[]): Promise<Map<number, PersonExtras>> {
    const out = new Map<number, PersonExtras>();
    if (ids.length === 0) return out;
    const rows = await this.store.db
      .selectFrom('people as p')
      .innerJoin('person_lists as l', 'l.id', 'p.list_id')
      .leftJoin('person_staff as ps', 'ps.person_id', 'p.id')
      .leftJoin('agent_staff as s', 's.id', 'ps.staff_id')
      .select([
        'p.id', 'l.name as listName', 's.code as staffCode', 's.full_name as staffName',
        sql<number>`(SELECT COUNT(DISTINCT o.list_id) FROM people o WHERE o.list_id <> p.list_id AND (o.cccd = p.cccd OR o.bhxh_code = p.bhxh_code))`.as('otherLists'),
      ])
      .where('p.id', 'in', ids)
      .execute();
    for (const r of rows) out.set(r.id, { listName: r.listName, staffCode: r.staffCode, staffName: r.staffName, otherLists: Number(r.otherLists) });
    return out;
  }

  async byId(id: number) {
    return this.store.db
      .selectFrom('people as p')
      .leftJoin('campaigns as c', 'c.id', 'p.campaign_id')
      .select([...ROW_COLUMNS, 'p.note', 'p.campaign_id', 'c.name as campaign_name', 'p.source_row', 'p.batch_id', 'p.hamlet_key'])
      .where('p.id', '=', id)
      .executeTakeFirst();
  }

  async contactsOf(personId: number) {
    return this.store.db
      .selectFrom('person_contacts as k')
      .leftJoin('agent_staff as s', 's.id', 'k.staff_id')
      .leftJoin('campaigns as c', 'c.id', 'k.campaign_id')
      .select([
        'k.id', 'k.contacted_on', 's.code as staff_code', 's.full_name as staff_name', 'k.channel', 'k.outcome', 'k.note', 'k.campaign_id', 'c.name as campaign_name',
        'k.created_by', 'k.created_at',
      ])
      .where('k.person_id', '=', personId)
      .orderBy('k.contacted_on', 'desc')
      .orderBy('k.id', 'desc')
      .execute();
  }

  /** The same person on other lists: same CCCD or mã số BHXH. */
  async alsoOn(person: { id: number; list_id: number; cccd: string | null; bhxh_code: string | null }) {
    if (!person.cccd && !person.bhxh_code) return [];
    return this.store.db
      .selectFrom('people as p')
      .innerJoin('person_lists as l', 'l.id', 'p.list_id')
      .select(['p.list_id as listId', 'l.name as listName', 'p.id as personId', 'p.status'])
      .where('p.id', '<>', person.id)
      .where((eb) => eb.or([...(person.cccd ? [eb('p.cccd', '=', person.cccd)] : []), ...(person.bhxh_code ? [eb('p.bhxh_code', '=', person.bhxh_code)] : [])]))
      .orderBy('l.name')
      .execute();
  }

  /** Gives one person to a staff member (null: nobody), in person_staff (migration 18), with the person's list and current status. */
  async setStaff(personId: number, staffId: number | null): Promise<void> {
    const db = this.store.db;
    if (staffId === null) {
      await db.deleteFrom('person_staff').where('person_id', '=', personId).execute();
      return;
    }
    await db
      .insertInto('person_staff')
      .columns(['person_id', 'list_id', 'staff_id', 'status'])
      .expression(db.selectFrom('people as p').select(['p.id', 'p.list_id', sql<number>`${staffId}`.as('staff_id'), 'p.status']).where('p.id', '=', personId))
      .onConflict((oc) => oc.column('person_id').doUpdateSet((eb) => ({ staff_id: eb.ref('excluded.staff_id') })))
      .execute();
  }

  async staffByCodes(codes: string[]): Promise<Map<string, StaffRef>> {
    const out = new Map<string, StaffRef>();
    if (codes.length === 0) return out;
    const rows = await this.store.db
      .selectFrom('agent_staff as s')
      .leftJoin('agents as a', 'a.id', 's.agent_id')
      .select(['s.id', 's.code', 's.full_name as fullName', 's.status', 'a.name as agentName'])
      .where('s.code', 'in', [...new Set(codes)])
      .execute();
    for (const r of rows) out.set(r.code, r);
    return out;
  }

  // ---- lists ----

  /** Every list with its counts: one query, the counts grouped over people once. */
  async listSummaries() {
    const counts = this.store.db
      .selectFrom('people as p')
      .select([
        'p.list_id',
        (eb) => eb.fn.countAll<number>().as('rows'),
        sql<number>`SUM(CASE WHEN p.status <> 'NEW' THEN 1 ELSE 0 END)`.as('contacted'),
        sql<number>`SUM(CASE WHEN p.status = 'JOINED' THEN 1 ELSE 0 END)`.as('joined'),
        sql<number>`SUM(CASE WHEN p.status = 'REFUSED' THEN 1 ELSE 0 END)`.as('refused'),
      ])
      .groupBy('p.list_id')
      .as('n');
    const assigned = this.store.db
      .selectFrom('person_staff as ps')
      .select(['ps.list_id', (eb) => eb.fn.countAll<number>().as('assigned')])
      .groupBy('ps.list_id')
      .as('a');
    return this.store.db
      .selectFrom('person_lists as l')
      .leftJoin(counts, 'n.list_id', 'l.id')
      .leftJoin(assigned, 'a.list_id', 'l.id')
      .leftJoin('offices as o', 'o.id', 'l.office_id')
      .select([
        'l.id', 'l.name', 'l.kind', 'l.source', 'o.code as officeCode', 'l.retain_until', 'l.is_demo', 'l.created_at', 'l.created_by', 'l.note',
        'n.rows', (eb) => eb.fn.coalesce('a.assigned', sql<number>`0`).as('assigned'), 'n.contacted', 'n.joined', 'n.refused',
      ])
      .orderBy('l.created_at', 'desc')
      .orderBy('l.id', 'desc')
      .execute();
  }

  async listById(id: number) {
    return this.store.db.selectFrom('person_lists').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async listByKey(nameKey: string) {
    return this.store.db.selectFrom('person_lists').selectAll().where('name_key', '=', nameKey).executeTakeFirst();
  }

  /** Rows and contacts of a list (what a deletion takes away). */
  async listSize(listId: number): Promise<{ rows: number; contacts: number }> {
    const [rows, contacts] = await Promise.all([
      this.count({ listId }),
      this.store.db
        .selectFrom('person_contacts')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('person_id', 'in', (eb) => eb.selectFrom('people').select('id').where('list_id', '=', listId))
        .executeTakeFirst(),
    ]);
    return { rows, contacts: Number(contacts?.n ?? 0) };
  }

  /**
   * The list, its people and their contacts, and the staged import rows of its batches (they
   * hold the same personal data), for good; the batches' history stays without the list.
   */
  async deleteList(listId: number): Promise<void> {
    const db = this.store.db;
    await db.deleteFrom('person_contacts').where('person_id', 'in', (eb) => eb.selectFrom('people').select('id').where('list_id', '=', listId)).execute();
    await db.deleteFrom('person_import_rows').where('batch_id', 'in', (eb) => eb.selectFrom('person_import_batches').select('id').where('list_id', '=', listId)).execute();
    await db.deleteFrom('person_staff').where('list_id', '=', listId).execute();
    await db.deleteFrom('people').where('list_id', '=', listId).execute();
    await db.deleteFrom('person_lists').where('id', '=', listId).execute();
  }
}
