import type { Db } from '../db/open';

export type TargetSource = 'GOV' | 'BHXH_VN' | 'UBND_TINH' | 'BHXH_TINH' | 'INTERNAL';

export interface TargetRow {
  unitId: number;
  indicatorCode: string;
  year: number;
  value: number;
  isRate: boolean;
  source: TargetSource;
  decisionNo: string | null;
  decisionDate: string | null;
  revision?: number;
  isDemo?: boolean;
}

export class TargetRepository {
  constructor(private readonly db: Db) {}

  insertMany(rows: TargetRow[]): void {
    const insert = this.db.prepare(
      `INSERT INTO targets (unit_id, indicator_code, year, value, is_rate, source, decision_no, decision_date, revision, is_demo)
       VALUES (@unitId, @indicatorCode, @year, @value, @isRate, @source, @decisionNo, @decisionDate, @revision, @isDemo)`,
    );
    for (const row of rows) insert.run({ ...row, isRate: row.isRate ? 1 : 0, revision: row.revision ?? 0, isDemo: row.isDemo ? 1 : 0 });
  }

  count(): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM targets').get() as { n: number }).n;
  }

  deleteDemo(): void {
    this.db.prepare('DELETE FROM targets WHERE is_demo = 1').run();
  }
}
