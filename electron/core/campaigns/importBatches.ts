import { AppError, type CampaignBatch } from '../../../shared/contract';
import type { Page, PageRequest } from '../../../shared/contract/paging';
import { formatDateTime } from '../../../shared/format/vi';
import { recordAudit } from '../audit/audit';
import { isoNow, type CoreContext } from '../app/context';
import type { Store } from '../db/store';
import { CampaignBatchRepository } from './batchRepository';
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
export function openCampaignBatch(ctx: CoreContext, fileName: string): Promise<number> {
  return new CampaignBatchRepository(ctx.store).open(fileName, isoNow(ctx), ctx.actor);
}

export function finishCampaignBatch(store: Store, id: number, summary: string, undo: CampaignUndo): Promise<void> {
  return new CampaignBatchRepository(store).finish(id, summary, JSON.stringify(undo));
}

export function campaignsFingerprint(store: Store): Promise<string> {
  return new CampaignBatchRepository(store).fingerprint();
}

export function pageCampaignBatches(store: Store, req: PageRequest<'at'>): Promise<Page<CampaignBatch>> {
  return new CampaignBatchRepository(store).page(req);
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
  const batches = new CampaignBatchRepository(store);
  const batch = await batches.get(batchId);
  if (!batch) throw new AppError('NOT_FOUND', `Không có lần nhập bảng tuyên truyền số ${batchId}.`);
  if (batch.undone_at) throw new AppError('CONFLICT', `Lần nhập số ${batchId} ("${batch.file_name}") đã được hoàn tác lúc ${formatDateTime(batch.undone_at)}.`);
  const undo = JSON.parse(batch.undo) as CampaignUndo;
  await store.transaction(async () => {
    const repo = new CampaignRepository(store);
    const ids = [...undo.added, ...undo.updated.map((c) => c.id)];
    const later = await batches.editedAfter(ids, batch.at);
    if (later) refuse(batchId, `hoạt động "${later.name}" đã được sửa lúc ${formatDateTime(later.updated_at)}, sau lần nhập này`);
    const present = await batches.existing(ids);
    const gone = undo.updated.find((c) => !present.has(c.id));
    if (gone) refuse(batchId, `hoạt động "${gone.name}" đã bị xoá sau lần nhập này`);
    for (const c of undo.updated) {
      const { id, createdAt: _createdAt, updatedAt, ...write } = c;
      // Written back with the time it had, so it reads as it did before the import.
      await repo.replace(id, { ...write, batchId: write.batchId ?? null, isDemo: write.isDemo ?? false }, updatedAt);
    }
    await repo.deleteMany(undo.added.filter((id) => present.has(id)));
    await batches.markUndone(batchId, isoNow(ctx));
    await recordAudit(store, ctx.actor, { action: 'undo', entity: 'campaign-import', entityKey: String(batchId), summary: `Hoàn tác lần nhập số ${batchId} ("${batch.file_name}"): ${batch.summary}` }, ctx.now());
  });
  ctx.events.emit({ type: 'data-changed', area: 'campaigns' });
  return { undone: batchId };
}
