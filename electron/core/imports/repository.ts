import type { ImportBatch, ImportWarning, Page, PageRequest } from '../../../shared/contract';
import { pageOf } from '../db/paging';
import { chunks } from '../db/batching';
import type { Store } from '../db/store';

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

function toBatch({ warnings, ...row }: Omit<ImportBatch, 'warnings'> & { warnings: string | null }): ImportBatch {
  return { ...row, warnings: warnings ? (JSON.parse(warnings) as ImportWarning[]) : [] };
}

export class ImportRepository {
  constructor(private readonly store: Store) {}

  private selectBatches() {
    return this.store.db
      .selectFrom('import_batches')
      .select(['id', 'file_name as fileName', 'sheet', 'period', 'office_name as officeName', 'office_code as officeCode', 'at', 'actor', 'written', 'replaced', 'undone_at as undoneAt', 'warnings']);
  }

  async insertBatch(batch: { fileName: string; sheet: string; period: string; officeName: string | null; officeCode?: string | null; sourceKey: string; at: string; actor: string; written: number; replaced: number; warnings: ImportWarning[] }): Promise<number> {
    const row = await this.store.db
      .insertInto('import_batches')
      .values({
        file_name: batch.fileName, sheet: batch.sheet, period: batch.period, office_name: batch.officeName, office_code: batch.officeCode ?? null, source_key: batch.sourceKey,
        at: batch.at, actor: batch.actor, written: batch.written, replaced: batch.replaced,
        warnings: batch.warnings.length ? JSON.stringify(batch.warnings) : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async insertItems(batchId: number, items: BatchItem[]): Promise<void> {
    for (const chunk of chunks(items)) {
      await this.store.db
        .insertInto('import_batch_items')
        .values(chunk.map((i) => ({ batch_id: batchId, kind: i.kind, unit_id: i.unitId, indicator_code: i.indicatorCode, as_of: i.asOf, year: i.year, old_rows: i.oldRows, new_value: i.newValue })))
        .execute();
    }
  }

  async items(batchIds: readonly number[]): Promise<Map<number, BatchItem[]>> {
    const out = new Map<number, BatchItem[]>(batchIds.map((id) => [id, []]));
    for (const ids of chunks(batchIds)) {
      const rows = await this.store.db
        .selectFrom('import_batch_items')
        .select(['batch_id as batchId', 'kind', 'unit_id as unitId', 'indicator_code as indicatorCode', 'as_of as asOf', 'year', 'old_rows as oldRows', 'new_value as newValue'])
        .where('batch_id', 'in', ids)
        .execute();
      for (const { batchId, ...item } of rows) out.get(batchId)!.push(item);
    }
    return out;
  }

  /** Newest first, a page at a time. */
  async page(req: PageRequest<'at'>): Promise<Page<ImportBatch>> {
    const oldestFirst = req.sort === 'at' && req.desc === false;
    const page = await pageOf(this.selectBatches(), req, (q) => q.orderBy('id', oldestFirst ? 'asc' : 'desc'));
    return { ...page, items: page.items.map(toBatch) };
  }

  async byId(id: number): Promise<ImportBatch | null> {
    const row = await this.selectBatches().where('id', '=', id).executeTakeFirst();
    return row ? toBatch(row) : null;
  }

  /** Batches after `id` not undone, of the same year: the ones that may have overwritten it. */
  async laterBatches(id: number, year: string): Promise<ImportBatch[]> {
    return (await this.selectBatches().where('id', '>', id).where('undone_at', 'is', null).where('period', 'like', `${year}-%`).orderBy('id').execute()).map(toBatch);
  }

  async markUndone(id: number, at: string): Promise<void> {
    await this.store.db.updateTable('import_batches').set({ undone_at: at }).where('id', '=', id).execute();
  }

  async aliases(scopeKey: string): Promise<Map<string, number>> {
    const rows = await this.store.db.selectFrom('import_aliases').select(['typed_key', 'unit_id']).where('scope_key', '=', scopeKey).execute();
    return new Map(rows.map((r) => [r.typed_key, r.unit_id]));
  }

  async saveAlias(scopeKey: string, typedKey: string, unitId: number): Promise<void> {
    await this.store.db
      .insertInto('import_aliases')
      .values({ scope_key: scopeKey, typed_key: typedKey, unit_id: unitId })
      .onConflict((oc) => oc.columns(['scope_key', 'typed_key']).doUpdateSet((eb) => ({ unit_id: eb.ref('excluded.unit_id') })))
      .execute();
  }

  async mapping(sourceKey: string, signature: string): Promise<string | null> {
    const row = await this.store.db.selectFrom('import_mappings').select('columns').where('source_key', '=', sourceKey).where('header_signature', '=', signature).executeTakeFirst();
    return row?.columns ?? null;
  }

  async saveMapping(sourceKey: string, signature: string, columns: string): Promise<void> {
    await this.store.db
      .insertInto('import_mappings')
      .values({ source_key: sourceKey, header_signature: signature, columns })
      .onConflict((oc) => oc.columns(['source_key', 'header_signature']).doUpdateSet((eb) => ({ columns: eb.ref('excluded.columns') })))
      .execute();
  }
}
