import type { AppErrorShape } from '../../../shared/contract/result';
import type { WorkbookData } from './readWorkbook';

/** What the parsing worker is started with (the bytes are transferred, not copied); it sends every sheet back. */
export interface WorkerRequest {
  bytes: Uint8Array;
  fileName: string;
}

export type WorkerReply =
  | { type: 'progress'; label: string; done: number; total: number }
  | { type: 'done'; workbook: WorkbookData }
  | { type: 'error'; error: AppErrorShape };
