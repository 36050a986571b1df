// Types and tiny helpers only: main imports this file, and must not pull core (SQLite, SheetJS) in.
import type { AppErrorShape, Result } from '../../shared/contract/result';
import type { AppEvent } from '../../shared/contract/events';
import type { FileRef } from '../../shared/contract/types';

/** What main asks of the core process. */
export type CoreMethods = {
  dispatch: [{ channel: string; request: unknown }, Result<unknown>];
  /** A path the user picked in main's open dialog becomes a FileRef (files enter core as tokens). */
  registerPath: [{ path: string }, FileRef];
  /** The bytes of an export, for main to write where the save dialog says. */
  takeDownload: [{ token: string }, { fileName: string; bytes: Uint8Array }];
};

/** What only main can do, asked by the core process: render the print page in a hidden window. */
export type MainMethods = {
  printPdf: [{ reportId: number }, Uint8Array];
  printDialog: [{ reportId: number }, boolean];
};

/** Core → main. */
export type CoreNotices = {
  ready: { pid: number };
  /** The core could not open (e.g. a data folder on a network drive); it exits after saying why. */
  startFailed: AppErrorShape;
  event: AppEvent;
};

/** Main → core. */
export type MainNotices = {
  /** Close the database (releasing the data-folder lock) and exit. */
  shutdown: null;
};

/** The core process's command line: `core-host.cjs --data-dir DIR [--database URL]`. */
export function coreHostArgs(dataDir: string, databaseUrl?: string | null): string[] {
  return databaseUrl ? ['--data-dir', dataDir, '--database', databaseUrl] : ['--data-dir', dataDir];
}

/** The name Electron shows for the process (Task Manager, app.getAppMetrics). */
export const CORE_SERVICE_NAME = 'BHXH Desk core';

/**
 * Structured clone turns a Buffer into a Uint8Array (and copies the whole pooled ArrayBuffer
 * behind a small one); this sends exactly the bytes and reads them back as a Buffer.
 */
export function exactBytes(bytes: Uint8Array): Uint8Array {
  return new Uint8Array(bytes);
}

export function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
