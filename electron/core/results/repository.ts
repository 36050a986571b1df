import type { Db } from '../db/open';

export interface ResultRow {
  unitId: number;
  indicatorCode: string;
  asOf: string;
  value: number;
  isDemo?: boolean;
}

export class ResultRepository {
  constructor(private readonly db: Db) {}

  insertMany(rows: ResultRow[]): void {
    const insert = this.db.prepare(
      `INSERT INTO results (unit_id, indicator_code, as_of, value, is_demo) VALUES (@unitId, @indicatorCode, @asOf, @value, @isDemo)
       ON CONFLICT (unit_id, indicator_code, as_of) DO UPDATE SET value = excluded.value`,
    );
    for (const row of rows) insert.run({ ...row, isDemo: row.isDemo ? 1 : 0 });
  }

  count(): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM results').get() as { n: number }).n;
  }

  deleteDemo(): void {
    this.db.prepare('DELETE FROM results WHERE is_demo = 1').run();
  }
}
