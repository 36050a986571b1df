import type { AppErrorShape } from '../../../../shared/contract/result';

export type StreamCell = string | number | boolean | null; // dates already 'YYYY-MM-DD' strings

/** 1-based Excel row numbers; rows[i][0] is column A; trailing empty cells may be omitted; fully empty rows are skipped. */
export interface RowBatch {
  rowNumbers: number[];
  rows: StreamCell[][];
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
}

/** What the streaming worker is started with (a path: the worker reads the file itself). */
export interface StreamWorkerRequest {
  path: string;
  fileName: string;
  sheet: string | null;
  batchRows: number;
}

/** The caller acknowledges each batch it has taken, so the worker never runs far ahead. */
export type StreamWorkerAck = { type: 'ack' };

export type StreamWorkerReply =
  | { type: 'batch'; batch: RowBatch }
  | { type: 'progress'; progress: StreamProgress }
  | { type: 'done'; timings: StreamTimings | null }
  | { type: 'error'; error: AppErrorShape };
