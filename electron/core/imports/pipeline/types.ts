import type { CoreContext } from '../../app/context';
import type { ImportOperation } from '../operations';

/** One staged row: its Excel row number, what validation made of it, and the cells as read. */
export interface StageRow<P = unknown> {
  rowNo: number;
  /** 'ok' | 'error' | … : each kind names its own ('unmatched', 'skip', 'change' …); 'ok' rows are what a commit writes. */
  status: string;
  payload: P | null;
  /** Issues by cell (each kind's own shape, always with the cell or row it is about). */
  issues: unknown[] | null;
  /** The row's cells as read from the file (after any legacy-font conversion): what re-validation starts from. */
  raw: unknown[] | null;
}

/** A row read from the file, before validation. */
export interface RawRow {
  rowNo: number;
  cells: unknown[];
}

/** What `read` found in the file: where the table is, and everything re-validating needs besides the rows. */
export interface Located<M> {
  fileName: string;
  sheet: string | null;
  /** Excel row number of the (last) header row. */
  headerRow: number | null;
  /** The columns as found (each kind's own shape), kept on the session for display and history. */
  columns: unknown[];
  /** Everything else the kind needs to validate again without the file (title lines, merges, totals …). */
  meta: M;
  /** The data rows under the header, in order. */
  rows: RawRow[] | AsyncIterable<RawRow[]>;
}

/** A session as the runner keeps it: the row of import_sessions with its JSON read back. */
export interface SessionRecord<M = unknown, S = unknown> {
  id: string;
  kind: string;
  fileName: string;
  sheet: string | null;
  status: 'reading' | 'staged' | 'committed' | 'failed' | 'discarded';
  headerRow: number | null;
  columns: unknown[];
  options: { meta: M; summary: S };
  counts: Record<string, number>;
  actor: string;
  createdAt: string;
  committedAt: string | null;
  batchId: number | null;
}

/** Reads a session's staged rows a chunk at a time, in row order (optionally only some statuses). */
export type StageReader<P> = (statuses?: readonly string[]) => AsyncIterable<StageRow<P>[]>;

/**
 * One kind of list the pipeline imports (district reports, unit lists …). The runner owns the
 * job (progress, cancel, the session row, the stage, stale sessions, the commit's transaction and
 * its guard); the kind owns what its file means.
 *
 *   read → locate:  `read` opens the file (streaming where the format allows), finds the table
 *                   and hands back its raw rows plus the `meta` re-validation needs.
 *   map → validate: `validate` turns raw rows (from the file, or from the stage on a correction)
 *                   into staged rows with issues by cell, and a session-level `summary` (file
 *                   errors, totals, the planned changes …) that the preview is built from.
 *   preview:        `preview` builds the response from the summary, the counts and the first page.
 *   commit:         `commit` runs INSIDE the runner's transaction and reads the staged rows through
 *                   the reader it is given (created inside that transaction: on SQLite a reader
 *                   opened outside would wait on better-sqlite3's single connection).
 *   undo:           by the batch id the commit returned.
 */
export interface ImportKind<Req, M, S, Payload, Preview, Outcome> {
  /** Stored in import_sessions.kind. */
  readonly name: string;
  read(ctx: CoreContext, req: Req, op: ImportOperation): Promise<Located<M>>;
  /** True when a correction can be validated from this session's staged rows (same sheet …); else the file is read again. */
  canReuse(session: SessionRecord<M, S>, req: Req): boolean;
  validate(ctx: CoreContext, source: { fileName: string; meta: M; rows: RawRow[] }, req: Req, op: ImportOperation): Promise<{ rows: StageRow<Payload>[]; summary: S }>;
  preview(session: SessionRecord<M, S>, firstPage: StageRow<Payload>[]): Preview;
  /** Checks before anything is written (rejected previews, data changed since); throws an AppError. */
  checkCommit(ctx: CoreContext, session: SessionRecord<M, S>, options: Record<string, unknown>): void | Promise<void>;
  /** Whether the commit takes a safety backup first (default: yes). */
  needsBackup?(ctx: CoreContext, session: SessionRecord<M, S>): Promise<boolean>;
  /**
   * Writes the staged rows; inside the runner's transaction. Returns the batch id (null for a
   * kind without batches, or when there was nothing to write) and the outcome.
   */
  commit(ctx: CoreContext, session: SessionRecord<M, S>, staged: StageReader<Payload>, options: Record<string, unknown>): Promise<{ batchId: number | null; outcome: Outcome }>;
  /** Undo by the batch id the commit returned (kinds without batches have none). */
  undo?(ctx: CoreContext, batchId: number): Promise<unknown>;
}
