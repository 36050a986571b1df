import { AppError, type NetworkBatch } from '../../../shared/contract';
import type { Page, PageRequest } from '../../../shared/contract/paging';
import type { FlowMeasure } from '../../../shared/domain/network';
import { formatDateTime } from '../../../shared/format/vi';
import { recordAudit } from '../audit/audit';
import { isoNow, type CoreContext } from '../app/context';
import { chunks } from '../db/batching';
import { pageOf } from '../db/paging';
import type { Store } from '../db/store';
import type { FlowValueWithLevel } from './flowRepository';

/**
 * Import batches of the network: what each import added, and what every record it changed was
 * before (the raw rows), so the batch can be undone exactly.
 */
export interface ListsUndo {
  kind: 'lists';
  added: { agents: number[]; points: number[]; staff: number[] };
  updated: {
    agents: { row: Record<string, unknown>; communes: number[] }[];
    points: { row: Record<string, unknown> }[];
    staff: { row: Record<string, unknown>; communes: number[] }[];
  };
}

export interface ResultsUndo {
  kind: 'results';
  period: string;
  written: { ownerId: number; measure: FlowMeasure }[];
  /** The figures replaced, as FlowRepository.write returned them, with the batch and time they had. */
  replaced: (FlowValueWithLevel & { batchId: number | null; isDemo: number; updatedAt: string })[];
}

export type BatchUndo = ListsUndo | ResultsUndo;

/** Opens a batch row inside the import's transaction; its undo is filled in by finishBatch. */
export async function openBatch(ctx: CoreContext, kind: 'lists' | 'results', fileName: string): Promise<number> {
  const row = await ctx.store.db
    .insertInto('network_batches')
    .values({ kind, file_name: fileName, at: isoNow(ctx), actor: ctx.actor, summary: '', undo: '{}', undone_at: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function finishBatch(store: Store, id: number, summary: string, undo: BatchUndo): Promise<void> {
  await store.db.updateTable('network_batches').set({ summary, undo: JSON.stringify(undo) }).where('id', '=', id).execute();
}

/** Raw rows of a table by id: the before-images an undo writes back. */
export async function rowsById(store: Store, table: 'agents' | 'collection_points' | 'agent_staff', ids: number[]): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = [];
  for (const chunk of chunks([...new Set(ids)])) out.push(...((await store.db.selectFrom(table).selectAll().where('id', 'in', chunk).execute()) as Record<string, unknown>[]));
  return out;
}

export async function pageBatches(store: Store, req: PageRequest<'at'>): Promise<Page<NetworkBatch>> {
  const query = store.db.selectFrom('network_batches').select(['id', 'kind', 'file_name as fileName', 'at', 'actor', 'summary', 'undone_at as undoneAt']);
  const oldestFirst = req.sort === 'at' && req.desc === false;
  return pageOf(query, req, (q) => q.orderBy('id', oldestFirst ? 'asc' : 'desc'));
}

/**
 * Undoes a batch: lists get their changed records back as they were and lose the records the
 * batch added; results get back the figures they replaced. Refused, with the reason, when later
 * work stands on what the batch wrote.
 */
export async function undoBatch(ctx: CoreContext, batchId: number): Promise<{ undone: number }> {
  const store = ctx.store;
  const batch = await store.db.selectFrom('network_batches').selectAll().where('id', '=', batchId).executeTakeFirst();
  if (!batch) throw new AppError('NOT_FOUND', `Không có lần nhập số ${batchId}.`);
  if (batch.undone_at) throw new AppError('CONFLICT', `Lần nhập số ${batchId} ("${batch.file_name}") đã được hoàn tác lúc ${formatDateTime(batch.undone_at)}.`);
  const undo = JSON.parse(batch.undo) as BatchUndo;
  await store.transaction(async () => {
    if (undo.kind === 'lists') await undoLists(ctx, batchId, batch.at, undo);
    else await undoResults(ctx, batchId, undo);
    await store.db.updateTable('network_batches').set({ undone_at: isoNow(ctx) }).where('id', '=', batchId).execute();
    await recordAudit(store, ctx.actor, { action: 'undo', entity: 'network-import', entityKey: String(batchId), summary: `Hoàn tác lần nhập số ${batchId} ("${batch.file_name}"): ${batch.summary}` }, ctx.now());
  });
  ctx.events.emit({ type: 'data-changed', area: 'network' });
  return { undone: batchId };
}

function refuse(batchId: number, why: string): never {
  throw new AppError('CONFLICT', `Không hoàn tác được lần nhập số ${batchId}: ${why}. Chưa có gì thay đổi.`);
}

async function undoLists(ctx: CoreContext, batchId: number, at: string, undo: ListsUndo): Promise<void> {
  const db = ctx.store.db;
  const { agents, points, staff } = undo.added;
  // Records changed again after the batch would lose that later change.
  const changedLater = async (table: 'agents' | 'collection_points' | 'agent_staff', ids: number[]) => {
    for (const chunk of chunks(ids)) {
      const row = await db.selectFrom(table).select('id').where('id', 'in', chunk).where('updated_at', '>', at).executeTakeFirst();
      if (row) return true;
    }
    return false;
  };
  if (
    (await changedLater('agents', [...agents, ...undo.updated.agents.map((u) => Number(u.row.id))])) ||
    (await changedLater('collection_points', [...points, ...undo.updated.points.map((u) => Number(u.row.id))])) ||
    (await changedLater('agent_staff', [...staff, ...undo.updated.staff.map((u) => Number(u.row.id))]))
  ) {
    refuse(batchId, 'có bản ghi đã được sửa sau lần nhập này');
  }
  // The records it changed, back as they were (staff moved to an agent it added go back first).
  for (const u of undo.updated.agents) {
    const { id, ...row } = u.row;
    await db.updateTable('agents').set(row as never).where('id', '=', Number(id)).execute();
    await db.deleteFrom('agent_communes').where('agent_id', '=', Number(id)).execute();
    if (u.communes.length > 0) await db.insertInto('agent_communes').values(u.communes.map((unit_id) => ({ agent_id: Number(id), unit_id }))).execute();
  }
  for (const u of undo.updated.points) {
    const { id, ...row } = u.row;
    await db.updateTable('collection_points').set(row as never).where('id', '=', Number(id)).execute();
  }
  for (const u of undo.updated.staff) {
    const { id, ...row } = u.row;
    await db.updateTable('agent_staff').set(row as never).where('id', '=', Number(id)).execute();
    await db.deleteFrom('staff_communes').where('staff_id', '=', Number(id)).execute();
    if (u.communes.length > 0) await db.insertInto('staff_communes').values(u.communes.map((unit_id) => ({ staff_id: Number(id), unit_id }))).execute();
  }
  // What was built on the records this batch added after it.
  for (const ids of chunks(agents)) {
    const laterPoint = await db.selectFrom('collection_points as p').innerJoin('agents as a', 'a.id', 'p.agent_id').select(['p.name', 'a.name as agent']).where('p.agent_id', 'in', ids).where((eb) => eb.or([eb('p.batch_id', 'is', null), eb('p.batch_id', '!=', batchId)])).executeTakeFirst();
    if (laterPoint) refuse(batchId, `điểm thu "${laterPoint.name}" được thêm sau vào ${laterPoint.agent}`);
    const laterStaff = await db.selectFrom('agent_staff as s').innerJoin('agents as a', 'a.id', 's.agent_id').select(['s.full_name', 'a.name as agent']).where('s.agent_id', 'in', ids).where((eb) => eb.or([eb('s.batch_id', 'is', null), eb('s.batch_id', '!=', batchId)])).executeTakeFirst();
    if (laterStaff) refuse(batchId, `nhân viên ${laterStaff.full_name} được thêm sau vào ${laterStaff.agent}`);
    const flows = await db.selectFrom('network_flows as f').innerJoin('agents as a', 'a.id', 'f.owner_id').select('a.name').where('f.level', '=', 'agent').where('f.owner_id', 'in', ids).executeTakeFirst();
    if (flows) refuse(batchId, `${flows.name} đã có chỉ tiêu hoặc kết quả`);
    const inspections = await db.selectFrom('agent_inspections as i').innerJoin('agents as a', 'a.id', 'i.agent_id').select('a.name').where('i.agent_id', 'in', ids).executeTakeFirst();
    if (inspections) refuse(batchId, `${inspections.name} đã có kết quả kiểm tra`);
  }
  for (const ids of chunks(staff)) {
    const flows = await db.selectFrom('network_flows as f').innerJoin('agent_staff as s', 's.id', 'f.owner_id').select('s.full_name').where('f.level', '=', 'staff').where('f.owner_id', 'in', ids).executeTakeFirst();
    if (flows) refuse(batchId, `nhân viên ${flows.full_name} đã có chỉ tiêu hoặc kết quả`);
  }
  for (const ids of chunks(staff)) {
    await db.deleteFrom('staff_communes').where('staff_id', 'in', ids).execute();
    await db.deleteFrom('agent_staff').where('id', 'in', ids).execute();
  }
  for (const ids of chunks(points)) await db.deleteFrom('collection_points').where('id', 'in', ids).execute();
  for (const ids of chunks(agents)) {
    await db.deleteFrom('agent_communes').where('agent_id', 'in', ids).execute();
    await db.deleteFrom('agents').where('id', 'in', ids).execute();
  }
}

async function undoResults(ctx: CoreContext, batchId: number, undo: ResultsUndo): Promise<void> {
  const db = ctx.store.db;
  const still = await db.selectFrom('network_flows').select((eb) => eb.fn.countAll<number>().as('n')).where('batch_id', '=', batchId).executeTakeFirst();
  if (Number(still?.n ?? 0) !== undo.written.length) refuse(batchId, 'một số số liệu của lần nhập này đã được sửa hoặc nhập lại sau đó');
  await db.deleteFrom('network_flows').where('batch_id', '=', batchId).execute();
  for (const chunk of chunks(undo.replaced, 200)) {
    await db
      .insertInto('network_flows')
      .values(chunk.map((r) => ({ kind: 'result' as const, period: r.period, level: r.level, owner_id: r.ownerId, measure: r.measure, value: r.value, batch_id: r.batchId, is_demo: r.isDemo, updated_at: r.updatedAt })))
      .execute();
  }
}
