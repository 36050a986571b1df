import { randomBytes } from 'node:crypto';
import { AppError } from '../../../../shared/contract';
import { chunks } from '../../db/batching';
import type { Store } from '../../db/store';
import type { SessionRecord, StageRow } from './types';

/**
 * The pipeline's tables (migration 19): a session row per preview and its staged rows. Writes go
 * a chunk per statement; reads go by keyset (row number) so a long stage never sits in memory
 * whole and never holds a cursor open between statements.
 */

/** Staged rows per read or write statement. */
export const STAGE_CHUNK = 500;

type SessionRow = Awaited<ReturnType<typeof selectSession>>;

function selectSession(store: Store, id: string) {
  return store.db.selectFrom('import_sessions').selectAll().where('id', '=', id).executeTakeFirst();
}

function toRecord<M, S>(row: NonNullable<SessionRow>): SessionRecord<M, S> {
  return {
    id: row.id, kind: row.kind, fileName: row.file_name, sheet: row.sheet, status: row.status, headerRow: row.header_row,
    columns: JSON.parse(row.columns) as unknown[], options: JSON.parse(row.options) as SessionRecord<M, S>['options'],
    counts: JSON.parse(row.counts) as Record<string, number>, actor: row.actor, createdAt: row.created_at, committedAt: row.committed_at,
    batchId: row.batch_id,
  };
}

export function newSessionId(): string {
  return randomBytes(12).toString('hex');
}

export async function createSession(store: Store, s: { id: string; kind: string; fileName: string; actor: string; createdAt: string }): Promise<void> {
  await store.db
    .insertInto('import_sessions')
    .values({ id: s.id, kind: s.kind, file_name: s.fileName, status: 'reading', actor: s.actor, created_at: s.createdAt })
    .execute();
}

export async function loadSession<M, S>(store: Store, id: string): Promise<SessionRecord<M, S> | null> {
  const row = await selectSession(store, id);
  return row ? toRecord<M, S>(row) : null;
}

/** A staged session of this kind, else the Vietnamese reason the preview cannot be used. */
export async function stagedSession<M, S>(store: Store, id: string, kind: string): Promise<SessionRecord<M, S>> {
  const session = await loadSession<M, S>(store, id);
  if (!session || session.kind !== kind || session.status === 'discarded' || session.status === 'failed' || session.status === 'reading') {
    throw new AppError('NOT_FOUND', 'Bản xem trước đã hết hạn hoặc đã được nhập; hãy mở lại tệp.');
  }
  if (session.status === 'committed') throw new AppError('NOT_FOUND', `Bản xem trước của tệp "${session.fileName}" đã được nhập (lần nhập số ${session.batchId}); hãy mở lại tệp.`);
  return session;
}

/** Marks a session staged with what the preview found (one statement). */
export async function markStaged(store: Store, id: string, s: { sheet: string | null; headerRow: number | null; columns: unknown[]; options: unknown; counts: Record<string, number> }): Promise<void> {
  await store.db
    .updateTable('import_sessions')
    .set({ status: 'staged', sheet: s.sheet, header_row: s.headerRow, columns: JSON.stringify(s.columns), options: JSON.stringify(s.options), counts: JSON.stringify(s.counts) })
    .where('id', '=', id)
    .execute();
}

/** Writes one chunk of staged rows (a statement per STAGE_CHUNK rows). */
export async function writeRows(store: Store, sessionId: string, rows: readonly StageRow[]): Promise<void> {
  for (const chunk of chunks(rows, STAGE_CHUNK)) {
    await store.db
      .insertInto('import_stage_rows')
      .values(
        chunk.map((r) => ({
          session_id: sessionId, row_no: r.rowNo, status: r.status,
          payload: r.payload === null ? null : JSON.stringify(r.payload),
          issues: r.issues?.length ? JSON.stringify(r.issues) : null,
          raw: r.raw ? JSON.stringify(r.raw) : null,
        })),
      )
      .execute();
  }
}

function toStageRow<P>(r: { row_no: number; status: string; payload: string | null; issues: string | null; raw: string | null }): StageRow<P> {
  return {
    rowNo: Number(r.row_no), status: r.status,
    payload: r.payload ? (JSON.parse(r.payload) as P) : null,
    issues: r.issues ? (JSON.parse(r.issues) as unknown[]) : null,
    raw: r.raw ? (JSON.parse(r.raw) as unknown[]) : null,
  };
}

/**
 * The staged rows of a session in row order, a chunk per query (keyset on row_no). Create it
 * where it is used: inside a transaction when it is read by a commit.
 */
export async function* eachStagedChunk<P>(store: Store, sessionId: string, statuses?: readonly string[], size = STAGE_CHUNK): AsyncGenerator<StageRow<P>[]> {
  let after = -1;
  for (;;) {
    let q = store.db.selectFrom('import_stage_rows').select(['row_no', 'status', 'payload', 'issues', 'raw']).where('session_id', '=', sessionId).where('row_no', '>', after);
    if (statuses?.length) q = q.where('status', 'in', statuses);
    const rows = await q.orderBy('row_no').limit(size).execute();
    if (rows.length === 0) return;
    yield rows.map((r) => toStageRow<P>(r));
    after = Number(rows[rows.length - 1]!.row_no);
    if (rows.length < size) return;
  }
}

/** One page of the staged rows (statuses: a filter; none = all), and how many match. */
export async function pageRows<P>(store: Store, sessionId: string, req: { offset: number; limit: number; statuses?: readonly string[] }): Promise<{ items: StageRow<P>[]; total: number }> {
  const base = () => {
    let q = store.db.selectFrom('import_stage_rows').where('session_id', '=', sessionId);
    if (req.statuses?.length) q = q.where('status', 'in', req.statuses);
    return q;
  };
  const [rows, count] = await Promise.all([
    base().select(['row_no', 'status', 'payload', 'issues', 'raw']).orderBy('row_no').offset(req.offset).limit(req.limit).execute(),
    base().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map((r) => toStageRow<P>(r)), total: Number(count.n) };
}

/** The staged rows counted by status (one query). */
export async function countRows(store: Store, sessionId: string): Promise<Record<string, number>> {
  const rows = await store.db
    .selectFrom('import_stage_rows')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('session_id', '=', sessionId)
    .groupBy('status')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}

/** Drops a session's staged rows and marks it (cancelled or superseded: discarded; an error: failed). */
export async function dropSession(store: Store, id: string, status: 'discarded' | 'failed'): Promise<void> {
  await store.transaction(async () => {
    await store.db.deleteFrom('import_stage_rows').where('session_id', '=', id).execute();
    await store.db.updateTable('import_sessions').set({ status }).where('id', '=', id).where('status', 'in', ['reading', 'staged']).execute();
  });
}

/** After a commit: the session says which batch it wrote; its staged rows go (inside the commit's transaction). */
export async function markCommitted(store: Store, id: string, batchId: number | null, at: string): Promise<boolean> {
  const done = await store.db
    .updateTable('import_sessions')
    .set({ status: 'committed', committed_at: at, batch_id: batchId })
    .where('id', '=', id)
    .where('status', '=', 'staged')
    .executeTakeFirst();
  await store.db.deleteFrom('import_stage_rows').where('session_id', '=', id).execute();
  return Number(done.numUpdatedRows) === 1;
}

const DAY_MS = 24 * 3600 * 1000;

/**
 * Sessions nobody will commit, as people's cleanStale: staged ones older than a day, any left
 * 'reading' for an hour (a process that ended mid-preview), and the rows of every failed or
 * discarded one. Session rows older than a month go too, committed ones included (the batch
 * tables keep the history). Runs before each new preview.
 */
export async function cleanStale(store: Store, now: Date): Promise<void> {
  const dayAgo = new Date(now.getTime() - DAY_MS).toISOString();
  const hourAgo = new Date(now.getTime() - 3600 * 1000).toISOString();
  const monthAgo = new Date(now.getTime() - 30 * DAY_MS).toISOString();
  const stale = await store.db
    .selectFrom('import_sessions')
    .select('id')
    .where((eb) =>
      eb.or([
        eb.and([eb('status', '=', 'staged'), eb('created_at', '<', dayAgo)]),
        eb.and([eb('status', '=', 'reading'), eb('created_at', '<', hourAgo)]),
      ]),
    )
    .execute();
  for (const { id } of stale) await dropSession(store, id, 'discarded');
  await store.transaction(async () => {
    await store.db
      .deleteFrom('import_stage_rows')
      .where('session_id', 'in', (eb) => eb.selectFrom('import_sessions').select('id').where('status', 'in', ['failed', 'discarded', 'committed']))
      .execute();
    await store.db.deleteFrom('import_sessions').where('created_at', '<', monthAgo).where('status', '!=', 'staged').execute();
  });
}
