import type { ReportDefinition, ReportDocument, SavedReportSummary } from '../../../shared/contract';
import type { Db } from '../db/open';

interface ReportRow {
  id: number;
  title: string;
  period: string;
  scopeCode: string | null;
  scopeName: string;
  definition: string;
  document: string;
  dataStamp: string;
  isDemo: number;
  createdAt: string;
  updatedAt: string;
}

export interface StoredReport {
  id: number;
  definition: ReportDefinition;
  document: ReportDocument;
  dataStamp: string;
  createdAt: string;
  updatedAt: string;
}

const COLUMNS = `id, title, period, scope_code AS scopeCode, scope_name AS scopeName, definition, document,
  data_stamp AS dataStamp, is_demo AS isDemo, created_at AS createdAt, updated_at AS updatedAt`;

export class ReportRepository {
  constructor(private readonly db: Db) {}

  list(): SavedReportSummary[] {
    const rows = this.db.prepare(`SELECT ${COLUMNS} FROM reports ORDER BY updated_at DESC, id DESC`).all() as ReportRow[];
    return rows.map((r) => ({ id: r.id, title: r.title, period: r.period, scopeCode: r.scopeCode, scopeName: r.scopeName, createdAt: r.createdAt, updatedAt: r.updatedAt, isDemo: r.isDemo === 1 }));
  }

  get(id: number): StoredReport | null {
    const r = this.db.prepare(`SELECT ${COLUMNS} FROM reports WHERE id = ?`).get(id) as ReportRow | undefined;
    if (!r) return null;
    return { id: r.id, definition: JSON.parse(r.definition) as ReportDefinition, document: JSON.parse(r.document) as ReportDocument, dataStamp: r.dataStamp, createdAt: r.createdAt, updatedAt: r.updatedAt };
  }

  insert(doc: ReportDocument, title: string, at: string): number {
    const info = this.db
      .prepare(
        `INSERT INTO reports (title, period, scope_code, scope_name, definition, document, data_stamp, is_demo, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(title, doc.definition.period, doc.definition.scopeCode, doc.scopeName, JSON.stringify(doc.definition), JSON.stringify(doc), doc.dataStamp, doc.isDemo ? 1 : 0, at, at);
    return Number(info.lastInsertRowid);
  }

  update(id: number, doc: ReportDocument, title: string, at: string): boolean {
    const info = this.db
      .prepare(
        `UPDATE reports SET title = ?, period = ?, scope_code = ?, scope_name = ?, definition = ?, document = ?, data_stamp = ?, is_demo = ?, updated_at = ?
         WHERE id = ?`,
      )
      .run(title, doc.definition.period, doc.definition.scopeCode, doc.scopeName, JSON.stringify(doc.definition), JSON.stringify(doc), doc.dataStamp, doc.isDemo ? 1 : 0, at, id);
    return info.changes === 1;
  }

  delete(id: number): number {
    return this.db.prepare('DELETE FROM reports WHERE id = ?').run(id).changes;
  }

}
