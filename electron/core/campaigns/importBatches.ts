import { AppError, type CampaignBatch } from '../../../shared/contract';
import type { Page, PageRequest } from '../../../shared/contract/paging';
import { formatDateTime } from '../../../shared/format/vi';
import { recordAudit } from '../audit/audit';
import { isoNow, type CoreContext } from '../app/context';
import { chunks } from '../db/batching';
import { pageOf } from '../db/paging';
import type { Store } from '../db/store';
import { CampaignRepository, type StoredCampaign } from './campaignRepository';

/**
 * Campaign import batches: what each import added, and every campaign it changed as it was
 * before (the repository's stored shape, updated_at included), so the batch can be undone
 * exactly, unless a campaign was edited after it.
 */
export interface CampaignUndo {
  added: number[];
  updated: StoredCampaign[];
}

/** Opens a batch row inside the import's transaction; its undo is filled in by finishCampaignBatch. */
export async function openCampaignBatch(ctx: CoreContext, fileName: string): Promise<number> {
  const row = await ctx.store.db
    .insertInto('campaign_batches')
    .values({ file_name: fileName, at: isoNow(ctx), actor: ctx.actor, summary: '', undo: '{}', undone_at: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function finishCampaignBatch(store: Store, id: number, summary: string, undo: CampaignUndo): Promise<void> {
  await store.db.updateTable('campaign_batches').set({ summary, undo: JSON.stringify(undo) }).where('id', '=', id).execute();
}

/** What campaigns, units and agents look like now: a preview is committed only onto the same state. */
export async function campaignsFingerprint(store: Store): Promise<string> {
  const c = await store.db.selectFrom('campaigns').select([(eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.max('updated_at').as('at'), (eb) => eb.fn.max('id').as('last')]).executeTakeFirst();
  const parts = [`campaigns:${Number(c?.n ?? 0)}:${String(c?.at ?? '')}:${String(c?.last ?? '')}`];
  for (const table of ['units', 'agents', 'offices'] as const) {
    const r = await store.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
    parts.push(`${table}:${Number(r?.n ?? 0)}`);
  }
  return parts.join('|');
}

/** Import batches a page at a time, newest first (oldest first with desc: false). */
export async function pageCampaignBatches(store: Store, req: PageRequest<'at'>): Promise<Page<CampaignBatch>> {
  const query = store.db.selectFrom('campaign_batches').select(['id', 'file_name as fileName', 'at', 'actor', 'summary', 'undone_at as undoneAt']);
  const oldestFirst = req.sort === 'at' && req.desc === false;
  return pageOf(query, req, (q) => q.orderBy('id', oldestFirst ? 'asc' : 'desc'));
}

function refuse(batchId: number, why: string): never {
  throw new AppError('CONFLICT', `Không hoàn tác được lần nhập số ${batchId}: ${why}. Chưa có gì thay đổi.`);
}

/**
 * Undoes a batch: the campaigns it added go, the ones it changed get back exactly what they were.
 * Refused, with the campaign named, when one of them was edited (or deleted) after the import.
 */
export async function undoCampaignBatch(ctx: CoreContext, batchId: number): Promise<{ undone: number }> {
  const store = ctx.store;
  const batch = await store.db.selectFrom('campaign_batches').selectAll().where('id', '=', batchId).executeTakeFirst();
  if (!batch) throw new AppError('NOT_FOUND', `Không có lần nhập bảng tuyên truyền số ${batchId}.`);
  if (batch.undone_at) throw new AppError('CONFLICT', `Lần nhập số ${batchId} ("${batch.file_name}") đã được hoàn tác lúc ${formatDateTime(batch.undone_at)}.`);
  const undo = JSON.parse(batch.undo) as CampaignUndo;
  await store.transaction(async () => {
    const repo = new CampaignRepository(store);
    const ids = [...undo.added, ...undo.updated.map((c) => c.id)];
    for (const chunk of chunks(ids)) {
      const later = await store.db.selectFrom('campaigns').select(['name', 'updated_at']).where('id', 'in', chunk).where('updated_at', '>', batch.at).orderBy('id').executeTakeFirst();
      if (later) refuse(batchId, `hoạt động "${later.name}" đã được sửa lúc ${formatDateTime(later.updated_at)}, sau lần nhập này`);
    }
    const present = new Set<number>();
    for (const chunk of chunks(ids)) for (const r of await store.db.selectFrom('campaigns').select('id').where('id', 'in', chunk).execute()) present.add(r.id);
    const gone = undo.updated.find((c) => !present.has(c.id));
    if (gone) refuse(batchId, `hoạt động "${gone.name}" đã bị xoá sau lần nhập này`);
    for (const c of undo.updated) {
      const { id, createdAt: _createdAt, updatedAt, ...write } = c;
      // Written back with the time it had, so it reads as it did before the import.
      await repo.replace(id, { ...write, batchId: write.batchId ?? null, isDemo: write.isDemo ?? false }, updatedAt);
    }
    await repo.deleteMany(undo.added.filter((id) => present.has(id)));
    await store.db.updateTable('campaign_batches').set({ undone_at: isoNow(ctx) }).where('id', '=', batchId).execute();
    await recordAudit(store, ctx.actor, { action: 'undo', entity: 'campaign-import', entityKey: String(batchId), summary: `Hoàn tác lần nhập số ${batchId} ("${batch.file_name}"): ${batch.summary}` }, ctx.now());
  });
  ctx.events.emit({ type: 'data-changed', area: 'campaigns' });
  return { undone: batchId };
}
