import type { Db } from '../db/open';

export interface ResultRow {
  unitId: number;
  indicatorCode: string;
  asOf: string;
  value: number;
  note?: string | null;
  isDemo?: boolean;
}

export interface StoredResult {
  unitId: number;
  indicatorCode: string;
  asOf: string;
  value: number;
  note: string | null;
}

export class ResultRepository {
  constructor(private readonly db: Db) {}

  insertMany(rows: ResultRow[]): void {
    const insert = this.db.prepare(
      `INSERT INTO results (unit_id, indicator_code, as_of, value, note, is_demo, updated_at) VALUES (@unitId, @indicatorCode, @asOf, @value, @note, @isDemo, @updatedAt)
       ON CONFLICT (unit_id, indicator_code, as_of) DO UPDATE SET value = excluded.value, note = excluded.note, updated_at = excluded.updated_at`,
    );
    const updatedAt = new Date().toISOString();
    for (const row of rows) insert.run({ ...row, note: row.note ?? null, isDemo: row.isDemo ? 1 : 0, updatedAt });
  }

  /** The figure of each unit × indicator in [from, to]: the row with the last as-of date. */
  lastInRange(unitIds: number[], from: string, to: string): StoredResult[] {
    if (unitIds.length === 0) return [];
    const rows: StoredResult[] = [];
    const statement = this.db.prepare(
      `SELECT r.unit_id AS unitId, r.indicator_code AS indicatorCode, r.as_of AS asOf, r.value, r.note
       FROM results r
       WHERE r.unit_id = ? AND r.as_of BETWEEN ? AND ?
         AND r.as_of = (SELECT MAX(as_of) FROM results x WHERE x.unit_id = r.unit_id AND x.indicator_code = r.indicator_code AND x.as_of BETWEEN ? AND ?)`,
    );
    for (const id of unitIds) rows.push(...(statement.all(id, from, to, from, to) as StoredResult[]));
    return rows;
  }

  delete(unitId: number, indicatorCode: string, asOf: string): number {
    return this.db.prepare('DELETE FROM results WHERE unit_id = ? AND indicator_code = ? AND as_of = ?').run(unitId, indicatorCode, asOf).changes;
  }

  /** Removes every figure of a unit × indicator dated in [from, to] (a whole month when a grid cell is emptied). */
  /**
   * One indicator's rows in [from, to] as [unit id, value], in as-of order: a later row of a
   * unit overwrites an earlier one when read into a map, leaving the period's last figure.
   * The (indicator_code, as_of, value) index covers this scan.
   */
  valuesInRange(indicatorCode: string, from: string, to: string): [number, number][] {
    return this.db
      .prepare('SELECT unit_id, value FROM results WHERE indicator_code = ? AND as_of BETWEEN ? AND ? ORDER BY as_of')
      .raw()
      .all(indicatorCode, from, to) as [number, number][];
  }

  /** Every row of one unit and indicator in [from, to], as an import replaces them. */
  rowsInRange(unitId: number, indicatorCode: string, from: string, to: string): Pick<StoredResult, 'asOf' | 'value' | 'note'>[] {
    return this.db
      .prepare('SELECT as_of AS asOf, value, note FROM results WHERE unit_id = ? AND indicator_code = ? AND as_of BETWEEN ? AND ? ORDER BY as_of')
      .all(unitId, indicatorCode, from, to) as Pick<StoredResult, 'asOf' | 'value' | 'note'>[];
  }

  deleteInRange(unitId: number, indicatorCode: string, from: string, to: string): number {
    return this.db.prepare('DELETE FROM results WHERE unit_id = ? AND indicator_code = ? AND as_of BETWEEN ? AND ?').run(unitId, indicatorCode, from, to).changes;
  }

  count(): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM results').get() as { n: number }).n;
  }
}
