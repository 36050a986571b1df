import { AppError } from '../../../../shared/contract';
import { isoNow, type CoreContext } from '../../app/context';
import { commitFailure } from '../../app/errors';
import { safetyBackup } from '../../backups/backups';
import { cancelledError } from '../../excel/readInWorker';
import { startOperation, type ImportOperation } from '../operations';
import { cleanStale, createSession, dropSession, eachStagedChunk, loadSession, markCommitted, markStaged, newSessionId, stagedSession, STAGE_CHUNK, writeRows } from './stage';
import type { ImportKind, Located, RawRow, SessionRecord, StageRow } from './types';

/** Rows of the first page, sent inline with a preview; the rest come by page from the stage. */
export const PREVIEW_PAGE_ROWS = 500;

/** What every pipeline preview request carries besides the kind's own fields. */
export interface RunRequest {
  /** Chosen by the caller so it can cancel this job ('imports:cancel') and follow its progress. */
  operationId?: string;
  /** A staged session to correct: its rows are validated again from the stage, not from the file. */
  sessionId?: string;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyKind = ImportKind<any, any, any, any, any, any>;

function stopIfCancelled(op: ImportOperation, fileName: string): void {
  if (op.signal.aborted) throw cancelledError(fileName);
}

/**
 * The operation with its last ratio remembered, so the runner's own stages (staging) carry on
 * from where the kind's progress stopped: the bar never goes back.
 */
function tracked(op: ImportOperation): ImportOperation & { after(label: string, part: number): void } {
  let last = 0;
  return {
    ...op,
    progress(label, done, total) {
      last = Math.max(last, total > 0 ? done / total : 0);
      op.progress(label, done, total);
    },
    after(label, part) {
      const ratio = last + (1 - last) * Math.min(1, Math.max(0, part)) * 0.99;
      const done = Math.min(999, Math.ceil(Math.max(ratio, last) * 1000));
      last = done / 1000;
      op.progress(label, done, 1000);
    },
  };
}

async function collect(rows: Located<unknown>['rows'], op: ImportOperation, fileName: string): Promise<RawRow[]> {
  if (Array.isArray(rows)) return rows;
  const out: RawRow[] = [];
  for await (const chunk of rows as AsyncIterable<RawRow[]>) {
    stopIfCancelled(op, fileName);
    out.push(...chunk);
  }
  return out;
}

/** The raw rows of a staged session, read back a chunk at a time (the file is not opened). */
async function stagedRaw(ctx: CoreContext, session: SessionRecord, op: ImportOperation): Promise<RawRow[]> {
  const out: RawRow[] = [];
  for await (const chunk of eachStagedChunk(ctx.store, session.id)) {
    stopIfCancelled(op, session.fileName);
    for (const r of chunk) out.push({ rowNo: r.rowNo, cells: r.raw ?? [] });
  }
  return out;
}

/**
 * A preview as a job: read → locate (or, for a correction of a staged session, its staged rows)
 * → map → validate → stage in chunks → counts → the kind's preview with the first page. Progress
 * at every stage and cancel between any two (the reader's worker is terminated, a half-written
 * stage is dropped). A correction makes a new session and drops the one it corrects once the new
 * one is staged, so a cancelled correction leaves the previous preview usable.
 */
export async function runPreview<Req extends RunRequest, Preview>(ctx: CoreContext, kind: AnyKind, req: Req): Promise<Preview> {
  const op = tracked(startOperation(ctx, req.operationId));
  let sessionId: string | null = null;
  try {
    await cleanStale(ctx.store, ctx.now());
    const previous = req.sessionId ? await loadSession(ctx.store, req.sessionId) : null;
    const reuse = previous !== null && previous.kind === kind.name && previous.status === 'staged' && kind.canReuse(previous, req);
    let located: Omit<Located<unknown>, 'rows'>;
    let rows: RawRow[];
    let fileName: string;
    if (reuse) {
      fileName = previous.fileName;
      op.progress('Đang đọc lại các dòng đã đọc…', 0, 3);
      rows = await stagedRaw(ctx, previous, op);
      located = { fileName, sheet: previous.sheet, headerRow: previous.headerRow, columns: previous.columns, meta: previous.options.meta };
    } else {
      const read = await kind.read(ctx, req, op);
      fileName = read.fileName;
      rows = await collect(read.rows, op, fileName);
      located = read;
    }
    stopIfCancelled(op, fileName);
    sessionId = newSessionId();
    await createSession(ctx.store, { id: sessionId, kind: kind.name, fileName, actor: ctx.actor, createdAt: isoNow(ctx) });
    const { rows: staged, summary } = (await kind.validate(ctx, { fileName, meta: located.meta, rows }, req, op)) as { rows: StageRow[]; summary: unknown };
    stopIfCancelled(op, fileName);
    const total = Math.max(1, Math.ceil(staged.length / STAGE_CHUNK));
    for (let i = 0; i < staged.length; i += STAGE_CHUNK) {
      op.after('Đang lưu bản xem trước…', i / STAGE_CHUNK / total);
      stopIfCancelled(op, fileName);
      await writeRows(ctx.store, sessionId, staged.slice(i, i + STAGE_CHUNK));
    }
    stopIfCancelled(op, fileName);
    const counts: Record<string, number> = { total: staged.length };
    for (const r of staged) counts[r.status] = (counts[r.status] ?? 0) + 1;
    const options = { meta: located.meta, summary };
    await markStaged(ctx.store, sessionId, { sheet: located.sheet, headerRow: located.headerRow, columns: located.columns, options, counts });
    // The preview this one corrects (from its stage, or from the file for another sheet) is replaced.
    if (previous && previous.kind === kind.name && previous.status === 'staged') await dropSession(ctx.store, previous.id, 'discarded');
    const record: SessionRecord = {
      id: sessionId, kind: kind.name, fileName, sheet: located.sheet, status: 'staged', headerRow: located.headerRow, columns: located.columns,
      options: options as SessionRecord['options'], counts, actor: ctx.actor, createdAt: isoNow(ctx), committedAt: null, batchId: null,
    };
    return kind.preview(record, staged.slice(0, PREVIEW_PAGE_ROWS)) as Preview;
  } catch (error) {
    // Nothing half-staged stays: a cancel discards the session, any other failure marks it failed.
    if (sessionId) await dropSession(ctx.store, sessionId, error instanceof AppError && error.code === 'CANCELLED' ? 'discarded' : 'failed');
    throw error;
  } finally {
    op.end();
  }
}

/** Sessions whose commit is running in this process: a second click must not write the batch twice. */
const committing = new Set<string>();

/**
 * Commits a staged session: the kind's checks, a safety backup, then ONE transaction in which the
 * kind reads the staged rows (through a reader created inside it) and writes them with its audit
 * row, and the session is marked committed (its staged rows dropped). A failure rolls everything
 * back and leaves the session staged, to be committed again.
 */
export async function runCommit<Outcome>(ctx: CoreContext, kind: AnyKind, sessionId: string, options: Record<string, unknown> = {}): Promise<{ batchId: number | null; outcome: Outcome; backupFile: string | null }> {
  const session = await stagedSession(ctx.store, sessionId, kind.name);
  await kind.checkCommit(ctx, session, options);
  if (committing.has(sessionId)) throw new AppError('CONFLICT', `Tệp "${session.fileName}" đang được nhập; hãy chờ lần nhập này xong.`);
  committing.add(sessionId);
  try {
    const backupFile = !kind.needsBackup || (await kind.needsBackup(ctx, session)) ? await safetyBackup(ctx, 'pre-import') : null;
    const done = await ctx.store.transaction(async () => {
      // The reader is made here, inside the transaction: on SQLite one opened outside would wait on the single connection.
      const reader = (statuses?: readonly string[]) => eachStagedChunk(ctx.store, sessionId, statuses);
      const written = (await kind.commit(ctx, session, reader, { ...options, backupFile })) as { batchId: number | null; outcome: Outcome };
      if (!(await markCommitted(ctx.store, sessionId, written.batchId, isoNow(ctx)))) {
        throw new AppError('CONFLICT', `Bản xem trước của tệp "${session.fileName}" đã được nhập; hãy mở lại tệp.`);
      }
      return written;
    });
    return { ...done, backupFile };
  } catch (error) {
    throw commitFailure(error, session.fileName);
  } finally {
    committing.delete(sessionId);
  }
}

/** One page of a staged session's rows (statuses: a filter; none = all). */
export { pageRows } from './stage';
