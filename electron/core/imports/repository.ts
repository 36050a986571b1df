import type { ImportBatch } from '../../../shared/contract';
import type { Db } from '../db/open';

export interface BatchItem {
  kind: 'result' | 'target';
  unitId: number;
  indicatorCode: string;
  asOf: string | null;
  year: number | null;
  /** JSON of what was replaced: result rows of the month, or the previous target. */
  oldRows: string | null;
  newValue: number;
}

export class ImportRepository {
  constructor(private readonly db: Db) {}

  insertBatch(batch: { fileName: string; sheet: string; period: string; officeName: string | null; sourceKey: string; at: string; actor: string; written: number; replaced: number }): number {
    return Number(
      this.db
        .prepare(
          `INSERT INTO import_batches (file_name, sheet, period, office_name, source_key, at, actor, written, replaced)
           VALUES (@fileName, @sheet, @period, @officeName, @sourceKey, @at, @actor, @written, @replaced)`,
        )
        .run(batch).lastInsertRowid,
    );
  }

  insertItems(batchId: number, items: BatchItem[]): void {
    const insert = this.db.prepare(
      `INSERT INTO import_batch_items (batch_id, kind, unit_id, indicator_code, as_of, year, old_rows, new_value)
       VALUES (@batchId, @kind, @unitId, @indicatorCode, @asOf, @year, @oldRows, @newValue)`,
    );
    for (const item of items) insert.run({ batchId, ...item });
  }

  items(batchId: number): BatchItem[] {
    return this.db
      .prepare('SELECT kind, unit_id AS unitId, indicator_code AS indicatorCode, as_of AS asOf, year, old_rows AS oldRows, new_value AS newValue FROM import_batch_items WHERE batch_id = ?')
      .all(batchId) as BatchItem[];
  }

  list(): ImportBatch[] {
    return this.db
      .prepare(
        `SELECT id, file_name AS fileName, sheet, period, office_name AS officeName, at, actor, written, replaced, undone_at AS undoneAt
         FROM import_batches ORDER BY id DESC`,
      )
      .all() as ImportBatch[];
  }

  byId(id: number): ImportBatch | null {
    return (this.list().find((b) => b.id === id) ?? null) as ImportBatch | null;
  }

  markUndone(id: number, at: string): void {
    this.db.prepare('UPDATE import_batches SET undone_at = ? WHERE id = ?').run(at, id);
  }

  alias(scopeKey: string, typedKey: string): number | null {
    const row = this.db.prepare('SELECT unit_id AS unitId FROM import_aliases WHERE scope_key = ? AND typed_key = ?').get(scopeKey, typedKey) as { unitId: number } | undefined;
    return row?.unitId ?? null;
  }

  saveAlias(scopeKey: string, typedKey: string, unitId: number): void {
    this.db
      .prepare('INSERT INTO import_aliases (scope_key, typed_key, unit_id) VALUES (?, ?, ?) ON CONFLICT (scope_key, typed_key) DO UPDATE SET unit_id = excluded.unit_id')
      .run(scopeKey, typedKey, unitId);
  }

  mapping(sourceKey: string, signature: string): string | null {
    const row = this.db.prepare('SELECT columns FROM import_mappings WHERE source_key = ? AND header_signature = ?').get(sourceKey, signature) as { columns: string } | undefined;
    return row?.columns ?? null;
  }

  saveMapping(sourceKey: string, signature: string, columns: string): void {
    this.db
      .prepare('INSERT INTO import_mappings (source_key, header_signature, columns) VALUES (?, ?, ?) ON CONFLICT (source_key, header_signature) DO UPDATE SET columns = excluded.columns')
      .run(sourceKey, signature, columns);
  }
}
