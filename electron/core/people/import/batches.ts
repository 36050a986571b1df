import { AppError, type PersonImportBatch, type PersonImportColumn, type PersonImportCounts, type PersonImportTimings } from '../../../../shared/contract';
import type { Store } from '../../db/store';

/** A batch row as the import reads it. */
export type BatchRow = Awaited<ReturnType<typeof loadBatch>>;

export async function loadBatch(store: Store, batchId: number) {
  const row = await store.db.selectFrom('person_import_batches').selectAll().where('id', '=', batchId).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', `Không tìm thấy lần nhập số ${batchId}.`);
  return row;
}

/** A staged batch (preview done, not committed yet), else a message saying what became of it. */
export async function stagedBatch(store: Store, batchId: number): Promise<BatchRow> {
  const batch = await loadBatch(store, batchId);
  if (batch.status === 'staged') return batch;
  const what = { reading: 'đang được đọc', committed: 'đã được ghi', undone: 'đã được hoàn tác', discarded: 'đã bị bỏ', failed: 'đã thất bại', staged: '' }[batch.status];
  throw new AppError('CONFLICT', `Lần nhập số ${batchId} (tệp "${batch.file_name}") ${what}; hãy chọn lại tệp để xem trước.`);
}

/** The staged rows of a batch counted by status (one query). */
export async function countStaged(store: Store, batchId: number): Promise<PersonImportCounts> {
  const rows = await store.db
    .selectFrom('person_import_rows')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('batch_id', '=', batchId)
    .groupBy('status')
    .execute();
  const n = (s: string) => Number(rows.find((r) => r.status === s)?.n ?? 0);
  const counts = { ok: n('ok'), error: n('error'), duplicate: n('duplicate'), update: n('update') };
  return { read: counts.ok + counts.error + counts.duplicate + counts.update, ...counts };
}

export async function saveCounts(store: Store, batchId: number, counts: PersonImportCounts): Promise<void> {
  await store.db
    .updateTable('person_import_batches')
    .set({ rows_read: counts.read, rows_ok: counts.ok, rows_error: counts.error, rows_duplicate: counts.duplicate, rows_update: counts.update })
    .where('id', '=', batchId)
    .execute();
}

export interface StoredColumn extends PersonImportColumn {
  index: number;
}

export function columnsOf(batch: Pick<BatchRow, 'columns'>): StoredColumn[] {
  return JSON.parse(batch.columns) as StoredColumn[];
}

/** Where a preview's time went, kept until its commit (lost on restart: then zeros). */
const timings = new Map<number, PersonImportTimings>();
export function rememberTimings(batchId: number, t: PersonImportTimings): void {
  timings.set(batchId, t);
  if (timings.size > 100) timings.delete(timings.keys().next().value!);
}
export function timingsOf(batchId: number): PersonImportTimings {
  return timings.get(batchId) ?? { readMs: 0, validateMs: 0, stageMs: 0, commitMs: null };
}

/** Drops a batch's staged rows and marks it; the rows of a committed batch that undo needs stay. */
export async function dropStaged(store: Store, batchId: number, status: 'discarded' | 'failed'): Promise<void> {
  await store.transaction(async () => {
    await store.db.deleteFrom('person_import_rows').where('batch_id', '=', batchId).execute();
    await store.db.updateTable('person_import_batches').set({ status }).where('id', '=', batchId).execute();
  });
}

/**
 * Staged batches nobody committed: those older than a day, those of the same file previewed
 * again, and any left 'reading' by a process that ended mid-preview. Their rows go.
 */
export async function cleanStale(store: Store, fileName: string, now: Date): Promise<void> {
  const dayAgo = new Date(now.getTime() - 24 * 3600 * 1000).toISOString();
  const stale = await store.db
    .selectFrom('person_import_batches')
    .select('id')
    .where((eb) =>
      eb.and([
        eb('status', 'in', ['staged', 'reading']),
        eb.or([eb('created_at', '<', dayAgo), eb('file_name', '=', fileName)]),
      ]),
    )
    .execute();
  for (const { id } of stale) await dropStaged(store, id, 'discarded');
  const committed = await store.db
    .selectFrom('person_import_rows as r')
    .innerJoin('person_import_batches as b', 'b.id', 'r.batch_id')
    .select('r.batch_id')
    .distinct()
    .where('b.status', 'in', ['committed', 'undone'])
    .where('r.status', 'in', ['ok', 'duplicate'])
    .execute();
  for (const { batch_id } of committed) await purgeCommitted(store, batch_id);
}

/** The stage rows a committed batch no longer needs (those now on the list). */
export async function purgeCommitted(store: Store, batchId: number): Promise<void> {
  await store.db.deleteFrom('person_import_rows').where('batch_id', '=', batchId).where('status', 'in', ['ok', 'duplicate']).execute();
}

export async function listBatches(store: Store, listId: number | undefined): Promise<PersonImportBatch[]> {
  let q = store.db.selectFrom('person_import_batches').selectAll().orderBy('id', 'desc').limit(200);
  if (listId !== undefined) q = q.where('list_id', '=', listId);
  return (await q.execute()).map(toBatch);
}

export function toBatch(b: BatchRow): PersonImportBatch {
  return {
    id: b.id, listId: b.list_id, listName: b.list_name, fileName: b.file_name, status: b.status,
    read: Number(b.rows_read), imported: Number(b.imported), updated: Number(b.updated), rejected: Number(b.rows_error), duplicates: Number(b.rows_duplicate),
    actor: b.actor, createdAt: b.created_at, committedAt: b.committed_at, undoneAt: b.undone_at,
  };
}
