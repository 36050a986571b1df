import type { Target, TargetSource } from '../../../shared/contract';
import type { Db } from '../db/open';

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

const SELECT = `
  SELECT t.id, u.code AS unitCode, u.name AS unitName, t.unit_id AS unitId, t.indicator_code AS indicatorCode, t.year, t.period,
         t.value, t.is_rate AS isRate, t.source, t.decision_no AS decisionNo, t.decision_date AS decisionDate,
         t.revision, t.note, t.is_demo AS isDemo
  FROM targets t JOIN units u ON u.id = t.unit_id`;

export type StoredTarget = Target & { unitId: number };

export type TargetFact = Pick<StoredTarget, 'unitId' | 'indicatorCode' | 'period' | 'value' | 'source' | 'revision'>;

function toTarget(row: Record<string, unknown>): StoredTarget {
  return { ...(row as unknown as StoredTarget), isRate: row.isRate === 1, isDemo: row.isDemo === 1 };
}

export class TargetRepository {
  constructor(private readonly db: Db) {}

  insertMany(rows: TargetRow[]): void {
    const insert = this.db.prepare(
      `INSERT INTO targets (unit_id, indicator_code, year, period, value, is_rate, source, decision_no, decision_date, revision, note, is_demo, updated_at)
       VALUES (@unitId, @indicatorCode, @year, @period, @value, @isRate, @source, @decisionNo, @decisionDate, @revision, @note, @isDemo, @updatedAt)`,
    );
    const updatedAt = new Date().toISOString();
    for (const row of rows) {
      insert.run({ ...row, period: row.period ?? '', isRate: row.isRate ? 1 : 0, revision: row.revision ?? 0, note: row.note ?? null, isDemo: row.isDemo ? 1 : 0, updatedAt });
    }
  }

  forYear(year: number, filter: { unitId?: number; indicatorCode?: string } = {}): StoredTarget[] {
    const where = ['t.year = @year'];
    if (filter.unitId !== undefined) where.push('t.unit_id = @unitId');
    if (filter.indicatorCode) where.push('t.indicator_code = @indicatorCode');
    return (this.db.prepare(`${SELECT} WHERE ${where.join(' AND ')} ORDER BY u.code, t.indicator_code, t.source, t.period, t.revision`).all({ year, ...filter }) as Record<string, unknown>[]).map(toTarget);
  }

  /** Just what target resolution reads, without the join and sort the screens need. */
  forResolution(year: number): TargetFact[] {
    return this.db
      .prepare('SELECT unit_id AS unitId, indicator_code AS indicatorCode, period, value, source, revision FROM targets WHERE year = ?')
      .all(year) as TargetFact[];
  }

  byId(id: number): StoredTarget | null {
    const row = this.db.prepare(`${SELECT} WHERE t.id = ?`).get(id) as Record<string, unknown> | undefined;
    return row ? toTarget(row) : null;
  }

  latest(key: { unitId: number; indicatorCode: string; year: number; period: string; source: TargetSource }): StoredTarget | null {
    const row = this.db
      .prepare(`${SELECT} WHERE t.unit_id = @unitId AND t.indicator_code = @indicatorCode AND t.year = @year AND t.period = @period AND t.source = @source ORDER BY t.revision DESC LIMIT 1`)
      .get(key) as Record<string, unknown> | undefined;
    return row ? toTarget(row) : null;
  }

  updateValue(id: number, fields: { value: number; decisionNo: string | null; decisionDate: string | null; note: string | null }): void {
    this.db
      .prepare('UPDATE targets SET value = @value, decision_no = @decisionNo, decision_date = @decisionDate, note = @note, updated_at = @updatedAt WHERE id = @id')
      .run({ ...fields, id, updatedAt: new Date().toISOString() });
  }

  delete(id: number): void {
    this.db.prepare('DELETE FROM targets WHERE id = ?').run(id);
  }

  count(): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM targets').get() as { n: number }).n;
  }
}
