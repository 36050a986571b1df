import type { AppErrorShape } from '../../../../shared/contract/result';

export type StreamCell = string | number | boolean | null; // dates already 'YYYY-MM-DD' strings

/** 1-based Excel row numbers; rows[i][0] is column A; trailing empty cells may be omitted; fully empty rows are skipped. */
export interface RowBatch {
  rowNumbers: number[];
  rows: StreamCell[][];
  /** Only with a worker transform, once configured: what the transform made of the batch (rowNumbers and rows then empty). */
  transformed?: unknown;
}

export interface StreamProgress {
  stage: 'inflate-strings' | 'scan';
  readBytes: number;
  totalBytes: number;
}

export interface SheetStreamOptions {
  sheet?: string | null;
  signal?: AbortSignal;
  onProgress?: (p: StreamProgress) => void;
  /** Rows per batch; default 5000. */
  batchRows?: number;
  /** Called once the sheet is read to its end, with its merged ranges ("A1:K1"; none for CSV). */
  onSheetEnd?: (end: { merges: string[] }) => void;
}

/** Transforms the streaming worker can run on its batches (streamWorker.ts), by name. */
export type WorkerTransformName = 'people-stage';

/**
 * A transform run in the reader's worker once the caller configures it (it may need what the
 * first rows say, a header): batches read after that arrive as `transformed`, so the work is done
 * on the worker's core. `configure` is filled in by streamSheetRowsInWorker.
 */
export interface WorkerTransform {
  name: WorkerTransformName;
  configure: ((data: unknown) => void) | null;
}

export interface WorkerStreamOptions extends SheetStreamOptions {
  transform?: WorkerTransform;
}

export interface SheetInfo {
  name: string;
  index: number;
}

/** Filled by the in-thread reader, for benchmarks. */
export interface StreamTimings {
  inflateMs: number;
  scanMs: number;
  rows: number;
  cells: number;
  /** In the worker: time spent in the caller's transform (validation), beside reading. */
  transformMs?: number;
}

/** What the streaming worker is started with (a path: the worker reads the file itself). */
export interface StreamWorkerRequest {
  path: string;
  fileName: string;
  sheet: string | null;
  batchRows: number;
  transform: WorkerTransformName | null;
}

/** The caller acknowledges each batch it has taken, so the worker never runs far ahead. */
export type StreamWorkerAck = { type: 'ack' } | { type: 'configure'; data: unknown };

export type StreamWorkerReply =
  | { type: 'batch'; batch: RowBatch }
  | { type: 'progress'; progress: StreamProgress }
  | { type: 'done'; timings: StreamTimings | null }
  | { type: 'error'; error: AppErrorShape };
