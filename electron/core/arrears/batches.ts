import { sql } from 'kysely';
import { AppError, type ArrearsBatch, type Page, type PageRequest } from '../../../shared/contract';
import { formatDateTime } from '../../../shared/format/vi';
import { recordAudit } from '../audit/audit';
import { isoNow, type CoreContext } from '../app/context';
import { pageOf } from '../db/paging';
import type { Store } from '../db/store';
import type { StoredArrearsRow, StoredEmployer } from './repository';

/** What an arrears import changed, kept with its batch so it can be undone exactly. */
export interface ArrearsUndo {
  addedEmployers: number[];
  /** Employers the import changed, as they were before. */
  updatedEmployers: StoredEmployer[];
  /** Rows of the same month the import replaced. */
  replacedRows: StoredArrearsRow[];
}

/** Changes when any arrears row, employer or batch is written: a preview is committed only on the data it was made on. */
export async function arrearsFingerprint(store: Store): Promise<string> {
  const r = await sql<{ a: unknown; b: unknown; c: unknown; d: unknown; e: unknown }>`
    SELECT (SELECT COUNT(*) FROM arrears_rows) AS a, (SELECT MAX(id) FROM arrears_rows) AS b, (SELECT COUNT(*) FROM employers) AS c,
      (SELECT MAX(updated_at) FROM employers) AS d, (SELECT COUNT(*) FROM arrears_batches WHERE undone_at IS NULL) AS e`.execute(store.db);
  const x = r.rows[0]!;
  return [x.a, x.b, x.c, x.d, x.e].map((v) => String(v ?? '')).join('|');
}

function batchQuery(store: Store) {
  return store.db
    .selectFrom('arrears_batches as b')
    .leftJoin('offices as o', 'o.id', 'b.office_id')
    .select(['b.id', 'b.file_name', 'b.period', 'o.code as office_code', 'b.at', 'b.actor', 'b.rows', 'b.summary', 'b.undone_at']);
}

type BatchRow = { id: number; file_name: string; period: string; office_code: string | null; at: string; actor: string; rows: unknown; summary: string; undone_at: string | null };
const toBatch = (b: BatchRow): ArrearsBatch => ({
  id: b.id, fileName: b.file_name, period: b.period, officeCode: b.office_code ?? null, at: b.at, actor: b.actor, rows: Number(b.rows), summary: b.summary, undoneAt: b.undone_at,
});

export async function pageArrearsBatches(store: Store, req: PageRequest<'at'>): Promise<Page<ArrearsBatch>> {
  const page = await pageOf(batchQuery(store), req, (q) => q.orderBy('b.id', req.desc === false ? 'asc' : 'desc'));
  return { ...page, items: page.items.map(toBatch) };
}

function refuse(batchId: number, why: string): never {
  throw new AppError('CONFLICT', `Không hoàn tác được lần nhập số ${batchId}: ${why}. Chưa có gì thay đổi.`);
}

/**
 * Undoes an import: its rows go, the rows of that month it replaced come back, employers it
 * changed get back what they had, employers it added go. Refused when a later import of the
 * same month is still in force, or when an added employer has had actions or promises since.
 */
export async function undoArrearsBatch(ctx: CoreContext, batchId: number): Promise<ArrearsBatch> {
  const store = ctx.store;
  const batch = await store.db.selectFrom('arrears_batches').selectAll().where('id', '=', batchId).executeTakeFirst();
  if (!batch) throw new AppError('NOT_FOUND', `Không có lần nhập danh sách nợ số ${batchId}.`);
  if (batch.undone_at) throw new AppError('CONFLICT', `Lần nhập số ${batchId} ("${batch.file_name}") đã được hoàn tác lúc ${formatDateTime(batch.undone_at)}.`);
  const undo = JSON.parse(batch.undo) as ArrearsUndo;
  await store.transaction(async () => {
    const db = store.db;
    const later = await db.selectFrom('arrears_batches').select(['id', 'file_name']).where('id', '>', batchId).where('period', '=', batch.period).where('undone_at', 'is', null).orderBy('id').executeTakeFirst();
    if (later) refuse(batchId, `lần nhập số ${later.id} ("${later.file_name}") của cùng tháng đến sau; hãy hoàn tác lần đó trước`);
    if (undo.addedEmployers.length > 0) {
      const busy = await db
        .selectFrom('employers as e')
        .select(['e.code', 'e.name'])
        .where('e.id', 'in', undo.addedEmployers)
        .where((eb) =>
          eb.or([
            eb.exists(eb.selectFrom('arrears_actions as a').select('a.id').whereRef('a.employer_id', '=', 'e.id')),
            eb.exists(eb.selectFrom('arrears_promises as p').select('p.id').whereRef('p.employer_id', '=', 'e.id')),
            eb.exists(eb.selectFrom('arrears_rows as r').select('r.id').whereRef('r.employer_id', '=', 'e.id').where((x) => x.or([x('r.batch_id', 'is', null), x('r.batch_id', '<>', batchId)]))),
          ]),
        )
        .executeTakeFirst();
      if (busy) refuse(batchId, `đơn vị ${busy.code} — ${busy.name} do lần nhập này thêm đã có số liệu, biện pháp đôn đốc hoặc cam kết ghi sau đó`);
    }
    await db.deleteFrom('arrears_rows').where('batch_id', '=', batchId).execute();
    for (let i = 0; i < undo.replacedRows.length; i += 200) await db.insertInto('arrears_rows').values(undo.replacedRows.slice(i, i + 200)).execute();
    for (const e of undo.updatedEmployers) {
      const { id, ...rest } = e;
      await db.updateTable('employers').set(rest).where('id', '=', id).execute();
    }
    for (let i = 0; i < undo.addedEmployers.length; i += 500) await db.deleteFrom('employers').where('id', 'in', undo.addedEmployers.slice(i, i + 500)).execute();
    await db.updateTable('arrears_batches').set({ undone_at: isoNow(ctx) }).where('id', '=', batchId).execute();
    await recordAudit(store, ctx.actor, { action: 'undo', entity: 'arrears-import', entityKey: String(batchId), summary: `Hoàn tác lần nhập danh sách nợ số ${batchId} ("${batch.file_name}"): ${batch.summary}` }, ctx.now());
  });
  ctx.events.emit({ type: 'data-changed', area: 'arrears' });
  return toBatch((await batchQuery(store).where('b.id', '=', batchId).executeTakeFirstOrThrow()) as BatchRow);
}
