import type { ReportDefinition, ReportDocument, SavedReportSummary } from '../../../shared/contract';
import type { Store } from '../db/store';

export interface StoredReport {
  id: number;
  definition: ReportDefinition;
  document: ReportDocument;
  dataStamp: string;
  createdAt: string;
  updatedAt: string;
}

export class ReportRepository {
  constructor(private readonly store: Store) {}

  async list(): Promise<SavedReportSummary[]> {
    const rows = await this.store.db
      .selectFrom('reports')
      .select(['id', 'title', 'period', 'scope_code as scopeCode', 'scope_name as scopeName', 'created_at as createdAt', 'updated_at as updatedAt', 'is_demo as isDemo'])
      .orderBy('updated_at', 'desc')
      .orderBy('id', 'desc')
      .execute();
    return rows.map((r) => ({ ...r, isDemo: r.isDemo === 1 }));
  }

  async get(id: number): Promise<StoredReport | null> {
    const r = await this.store.db
      .selectFrom('reports')
      .select(['id', 'definition', 'document', 'data_stamp as dataStamp', 'created_at as createdAt', 'updated_at as updatedAt'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!r) return null;
    return { id: r.id, definition: JSON.parse(r.definition) as ReportDefinition, document: JSON.parse(r.document) as ReportDocument, dataStamp: r.dataStamp, createdAt: r.createdAt, updatedAt: r.updatedAt };
  }

  private columns(doc: ReportDocument, title: string) {
    return {
      title, period: doc.definition.period, scope_code: doc.definition.scopeCode, scope_name: doc.scopeName, definition: JSON.stringify(doc.definition),
      document: JSON.stringify(doc), data_stamp: doc.dataStamp, is_demo: doc.isDemo ? 1 : 0,
    };
  }

  async insert(doc: ReportDocument, title: string, at: string): Promise<number> {
    const row = await this.store.db
      .insertInto('reports')
      .values({ ...this.columns(doc, title), created_at: at, updated_at: at })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async update(id: number, doc: ReportDocument, title: string, at: string): Promise<boolean> {
    const result = await this.store.db.updateTable('reports').set({ ...this.columns(doc, title), updated_at: at }).where('id', '=', id).executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async delete(id: number): Promise<number> {
    const result = await this.store.db.deleteFrom('reports').where('id', '=', id).executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
