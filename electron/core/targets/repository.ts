import type { Target, TargetSource } from '../../../shared/contract';
import { chunks } from '../db/batching';
import type { Store } from '../db/store';

export type { TargetSource };

export interface TargetRow {
  unitId: number;
  indicatorCode: string;
  year: number;
  period?: string;
  value: number;
  isRate: boolean;
  source: TargetSource;
  decisionNo: string | null;
  decisionDate: string | null;
  revision?: number;
  note?: string | null;
  isDemo?: boolean;
}

export type StoredTarget = Target & { unitId: number };

export type TargetFact = Pick<StoredTarget, 'unitId' | 'indicatorCode' | 'period' | 'value' | 'source' | 'revision'>;

export interface TargetKey {
  unitId: number;
  indicatorCode: string;
  year: number;
  period: string;
  source: TargetSource;
}

export class TargetRepository {
  constructor(private readonly store: Store) {}

  private selectTargets() {
    return this.store.db
      .selectFrom('targets as t')
      .innerJoin('units as u', 'u.id', 't.unit_id')
      .select([
        't.id', 'u.code as unitCode', 'u.name as unitName', 't.unit_id as unitId', 't.indicator_code as indicatorCode', 't.year', 't.period',
        't.value', 't.is_rate as isRate', 't.source', 't.decision_no as decisionNo', 't.decision_date as decisionDate', 't.revision', 't.note', 't.is_demo as isDemo',
      ]);
  }

  async insertMany(rows: TargetRow[], updatedAt: string): Promise<void> {
    for (const chunk of chunks(rows)) {
      await this.store.db
        .insertInto('targets')
        .values(
          chunk.map((row) => ({
            unit_id: row.unitId, indicator_code: row.indicatorCode, year: row.year, period: row.period ?? '', value: row.value, is_rate: row.isRate ? 1 : 0,
            source: row.source, decision_no: row.decisionNo, decision_date: row.decisionDate, revision: row.revision ?? 0, note: row.note ?? null,
            is_demo: row.isDemo ? 1 : 0, updated_at: updatedAt,
          })),
        )
        .execute();
    }
  }

  async forYear(year: number, filter: { unitId?: number; indicatorCode?: string } = {}): Promise<StoredTarget[]> {
    let query = this.selectTargets().where('t.year', '=', year);
    if (filter.unitId !== undefined) query = query.where('t.unit_id', '=', filter.unitId);
    if (filter.indicatorCode) query = query.where('t.indicator_code', '=', filter.indicatorCode);
    const rows = await query.orderBy('u.code').orderBy('t.indicator_code').orderBy('t.source').orderBy('t.period').orderBy('t.revision').execute();
    return rows.map(toTarget);
  }

  /** Just what target resolution reads, without the join and sort the screens need. */
  async forResolution(years: readonly number[]): Promise<Map<number, TargetFact[]>> {
    const out = new Map<number, TargetFact[]>(years.map((y) => [y, []]));
    if (years.length === 0) return out;
    const rows = await this.store.db
      .selectFrom('targets')
      .select(['year', 'unit_id as unitId', 'indicator_code as indicatorCode', 'period', 'value', 'source', 'revision'])
      .where('year', 'in', [...years])
      .execute();
    for (const { year, ...fact } of rows) out.get(year)!.push(fact as TargetFact);
    return out;
  }

  async byId(id: number): Promise<StoredTarget | null> {
    const row = await this.selectTargets().where('t.id', '=', id).executeTakeFirst();
    return row ? toTarget(row) : null;
  }

  async latest(key: TargetKey): Promise<StoredTarget | null> {
    const row = await this.selectTargets()
      .where('t.unit_id', '=', key.unitId)
      .where('t.indicator_code', '=', key.indicatorCode)
      .where('t.year', '=', key.year)
      .where('t.period', '=', key.period)
      .where('t.source', '=', key.source)
      .orderBy('t.revision', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row ? toTarget(row) : null;
  }

  /** The latest revision of each (unit, indicator) of some units for one year, period and source: one query for a whole import or breakdown. */
  async latestMany(unitIds: readonly number[], year: number, period: string, source: TargetSource): Promise<Map<string, StoredTarget>> {
    const out = new Map<string, StoredTarget>();
    for (const ids of chunks([...new Set(unitIds)])) {
      const rows = await this.selectTargets()
        .where('t.unit_id', 'in', ids)
        .where('t.year', '=', year)
        .where('t.period', '=', period)
        .where('t.source', '=', source)
        .orderBy('t.revision')
        .execute();
      for (const row of rows) out.set(`${row.unitId}|${row.indicatorCode}`, toTarget(row));
    }
    return out;
  }

  async updateValue(id: number, fields: { value: number; decisionNo: string | null; decisionDate: string | null; note: string | null }, updatedAt: string): Promise<void> {
    await this.store.db
      .updateTable('targets')
      .set({ value: fields.value, decision_no: fields.decisionNo, decision_date: fields.decisionDate, note: fields.note, updated_at: updatedAt })
      .where('id', '=', id)
      .execute();
  }

  async delete(id: number): Promise<void> {
    await this.store.db.deleteFrom('targets').where('id', '=', id).execute();
  }

  async count(): Promise<number> {
    const row = await this.store.db.selectFrom('targets').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  }
}

function toTarget(row: Record<string, unknown>): StoredTarget {
  return { ...(row as unknown as StoredTarget), isRate: row.isRate === 1, isDemo: row.isDemo === 1 };
}
