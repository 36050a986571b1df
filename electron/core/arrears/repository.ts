import { sql } from 'kysely';
import type { ArrearsAction, ArrearsMonthRow, ArrearsPromise, ArrearsTarget, Employer } from '../../../shared/contract';
import type { ArrearsActionKind, EmployerKind, EmployerStatus, PromiseStatus } from '../../../shared/domain/arrears';
import { promiseOverdue } from '../../../shared/calc/arrears';
import type { Store } from '../db/store';

/** An employer row as stored (the undo of an import keeps these). */
export interface StoredEmployer {
  id: number;
  code: string;
  name: string;
  name_key: string;
  sort_key: string;
  tax_code: string | null;
  kind: string;
  address: string | null;
  unit_code: string | null;
  office_id: number | null;
  workers: number | null;
  status: string;
  is_demo: number;
  created_at: string;
  updated_at: string;
}

export interface StoredArrearsRow {
  id: number;
  employer_id: number;
  period: string;
  amount_owed: number;
  months_owed: number;
  interest: number;
  amount_due_year: number | null;
  is_late: number;
  is_evasion: number;
  note: string | null;
  batch_id: number | null;
  is_demo: number;
  created_at: string;
}

const num = (v: unknown): number => Number(v ?? 0);
const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

export function toMonthRow(r: StoredArrearsRow): ArrearsMonthRow {
  return {
    period: r.period, amountOwed: num(r.amount_owed), monthsOwed: num(r.months_owed), interest: num(r.interest), amountDueYear: numOrNull(r.amount_due_year),
    late: Number(r.is_late) === 1, evasion: Number(r.is_evasion) === 1, batchId: r.batch_id,
  };
}

/** The arrears tables' reads and writes; services own the rules and transactions. */
export class ArrearsRepository {
  constructor(private readonly store: Store) {}

  private get db() {
    return this.store.db;
  }

  async employer(id: number): Promise<Employer | null> {
    const r = await this.db
      .selectFrom('employers as e')
      .leftJoin('offices as o', 'o.id', 'e.office_id')
      .leftJoin('units as u', 'u.code', 'e.unit_code')
      .selectAll('e')
      .select(['o.code as office_code', 'o.name as office_name', 'u.name as unit_name'])
      .where('e.id', '=', id)
      .executeTakeFirst();
    if (!r) return null;
    return {
      id: r.id, code: r.code, name: r.name, taxCode: r.tax_code, kind: r.kind as EmployerKind, address: r.address, unitCode: r.unit_code, unitName: r.unit_name ?? null,
      officeCode: r.office_code ?? null, officeName: r.office_name ?? null, workers: numOrNull(r.workers), status: r.status as EmployerStatus, isDemo: Number(r.is_demo) === 1,
      createdAt: r.created_at, updatedAt: r.updated_at,
    };
  }

  async storedEmployer(id: number): Promise<StoredEmployer | null> {
    return ((await this.db.selectFrom('employers').selectAll().where('id', '=', id).executeTakeFirst()) as StoredEmployer | undefined) ?? null;
  }

  async employersByCode(codes: string[]): Promise<Map<string, StoredEmployer>> {
    const out = new Map<string, StoredEmployer>();
    for (let i = 0; i < codes.length; i += 500) {
      const rows = (await this.db.selectFrom('employers').selectAll().where('code', 'in', codes.slice(i, i + 500)).execute()) as StoredEmployer[];
      for (const r of rows) out.set(r.code, r);
    }
    return out;
  }

  async monthRows(employerId: number): Promise<StoredArrearsRow[]> {
    return (await this.db.selectFrom('arrears_rows').selectAll().where('employer_id', '=', employerId).orderBy('period', 'desc').execute()) as StoredArrearsRow[];
  }

  /** Every row of one period (optionally one office) with its employer's kind, status and office. */
  async periodRows(period: string, officeId: number | null) {
    let q = this.db
      .selectFrom('arrears_rows as r')
      .innerJoin('employers as e', 'e.id', 'r.employer_id')
      .leftJoin('offices as o', 'o.id', 'e.office_id')
      .select(['e.id', 'e.code', 'e.name', 'e.kind', 'e.status', 'e.office_id', 'o.code as office_code', 'o.name as office_name', 'r.amount_owed', 'r.months_owed', 'r.interest', 'r.amount_due_year', 'r.is_demo'])
      .where('r.period', '=', period);
    if (officeId !== null) q = q.where('e.office_id', '=', officeId);
    return (await q.execute()).map((r) => ({ ...r, amount_owed: num(r.amount_owed), months_owed: num(r.months_owed), interest: num(r.interest), amount_due_year: numOrNull(r.amount_due_year) }));
  }

  /** Totals per month between two periods (inclusive). */
  async trend(from: string, to: string, officeId: number | null) {
    let q = this.db
      .selectFrom('arrears_rows as r')
      .innerJoin('employers as e', 'e.id', 'r.employer_id')
      .select((eb) => [
        'r.period',
        eb.fn.sum<number>('r.amount_owed').as('amount'),
        eb.fn.sum<number>(sql<number>`CASE WHEN r.amount_owed > 0 THEN 1 ELSE 0 END`).as('employers'),
        eb.fn.sum<number>('r.amount_due_year').as('due'),
        // The ratio's numerator: only what is owed on rows that say what was due (see overview).
        eb.fn.sum<number>(sql<number>`CASE WHEN r.amount_due_year IS NOT NULL THEN r.amount_owed ELSE 0 END`).as('owedWithDue'),
      ])
      .where('r.period', '>=', from)
      .where('r.period', '<=', to)
      .groupBy('r.period')
      .orderBy('r.period');
    if (officeId !== null) q = q.where('e.office_id', '=', officeId);
    return (await q.execute()).map((r) => ({ period: r.period, amount: num(r.amount), employers: num(r.employers), due: numOrNull(r.due), owedWithDue: num(r.owedWithDue) }));
  }

  async latestPeriod(): Promise<string | null> {
    const r = await this.db.selectFrom('arrears_rows').select((eb) => eb.fn.max('period').as('p')).executeTakeFirst();
    return (r?.p as string | null | undefined) ?? null;
  }

  private actionQuery() {
    return this.db
      .selectFrom('arrears_actions as a')
      .innerJoin('employers as e', 'e.id', 'a.employer_id')
      .leftJoin('offices as o', 'o.id', 'e.office_id')
      .select(['a.id', 'a.employer_id', 'e.code as employer_code', 'e.name as employer_name', 'e.sort_key', 'o.code as office_code', 'a.acted_on', 'a.kind', 'a.doc_number', 'a.officer', 'a.note', 'a.amount_recovered', 'a.created_at']);
  }

  static toAction(r: { id: number; employer_id: number; employer_code: string; employer_name: string; office_code: string | null; acted_on: string; kind: string; doc_number: string | null; officer: string | null; note: string | null; amount_recovered: unknown; created_at: string }, overdue = 0): ArrearsAction {
    return {
      id: r.id, employerId: r.employer_id, employerCode: r.employer_code, employerName: r.employer_name, officeCode: r.office_code ?? null, actedOn: r.acted_on, kind: r.kind as ArrearsActionKind,
      docNumber: r.doc_number, officer: r.officer, note: r.note, amountRecovered: numOrNull(r.amount_recovered), createdAt: r.created_at, employerOverduePromises: overdue,
    };
  }

  actions() {
    return this.actionQuery();
  }

  private promiseQuery() {
    return this.db
      .selectFrom('arrears_promises as p')
      .innerJoin('employers as e', 'e.id', 'p.employer_id')
      .leftJoin('offices as o', 'o.id', 'e.office_id')
      .select(['p.id', 'p.employer_id', 'e.code as employer_code', 'e.name as employer_name', 'e.sort_key', 'o.code as office_code', 'p.promised_on', 'p.amount', 'p.status', 'p.settled_on', 'p.settled_amount', 'p.note']);
  }

  promises() {
    return this.promiseQuery();
  }

  static toPromise(r: { id: number; employer_id: number; employer_code: string; employer_name: string; office_code: string | null; promised_on: string; amount: unknown; status: string; settled_on: string | null; settled_amount: unknown; note: string | null }, today: string): ArrearsPromise {
    const status = r.status as PromiseStatus;
    return {
      id: r.id, employerId: r.employer_id, employerCode: r.employer_code, employerName: r.employer_name, officeCode: r.office_code ?? null, promisedOn: r.promised_on,
      amount: num(r.amount), status, settledOn: r.settled_on, settledAmount: numOrNull(r.settled_amount), note: r.note, overdue: promiseOverdue({ status, promisedOn: r.promised_on }, today),
    };
  }

  /** Pending promises past their date, per employer. */
  async overdueByEmployer(employerIds: number[], today: string): Promise<Map<number, number>> {
    const out = new Map<number, number>();
    if (employerIds.length === 0) return out;
    const rows = await this.db
      .selectFrom('arrears_promises')
      .select((eb) => ['employer_id', eb.fn.countAll<number>().as('n')])
      .where('employer_id', 'in', employerIds)
      .where(overduePromise(today, 'arrears_promises'))
      .groupBy('employer_id')
      .execute();
    for (const r of rows) out.set(r.employer_id, num(r.n));
    return out;
  }

  async targets(): Promise<ArrearsTarget[]> {
    const rows = await this.db
      .selectFrom('arrears_targets as t')
      .leftJoin('offices as o', 'o.id', 't.office_id')
      .select(['t.id', 'o.code as office_code', 'o.name as office_name', 't.valid_from', 't.ratio', 't.source', 't.note'])
      .orderBy('t.valid_from', 'desc')
      .orderBy('t.id', 'desc')
      .execute();
    return rows.map((r) => ({ id: r.id, officeCode: r.office_code ?? null, officeName: r.office_name ?? null, validFrom: r.valid_from, ratio: Number(r.ratio), source: r.source, note: r.note }));
  }
}

/** `promiseOverdue` (shared/calc/arrears.ts) in SQL, over arrears_promises under `alias`: pending, and its day has passed. */
export function overduePromise(today: string, alias = 'p') {
  return sql<boolean>`(${sql.ref(`${alias}.status`)} = 'PENDING' AND ${sql.ref(`${alias}.promised_on`)} < ${today})`;
}
