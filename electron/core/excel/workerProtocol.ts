import type { AppErrorShape } from '../../../shared/contract/result';
import type { ParsedUnitSheet } from '../units/importParse';
import type { WorkbookData } from './readWorkbook';

/**
 * What the parsing worker is started with (the bytes are transferred, not copied). `workbook`
 * sends every sheet back; `unitList` finds the unit list in the worker and sends back only its
 * rows, so a huge sheet's strings never cross to the thread that answers the UI.
 */
export interface WorkerRequest {
  bytes: Uint8Array;
  fileName: string;
  task?: 'workbook' | 'unitList';
}

/** A unit list as read in the worker: its rows, or why no sheet holds one. */
export type UnitListRead =
  | { found: true; parsed: ParsedUnitSheet; totalRows: number | null }
  | { found: false; sheets: string[]; empty: boolean };

export type WorkerReply =
  | { type: 'progress'; label: string; done: number; total: number }
  | { type: 'done'; workbook: WorkbookData }
  | { type: 'unitList'; read: UnitListRead }
  | { type: 'error'; error: AppErrorShape };
