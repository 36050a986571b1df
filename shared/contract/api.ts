import type { Channel, RequestOf, ResponseOf } from './channels';
import type { AppEvent } from './events';
import type { Result } from './result';
import type { DownloadRef, FileRef } from './types';

export interface PickFileOptions {
  title?: string;
  /** Extensions without the dot, e.g. ['xlsx', 'xls']. */
  extensions?: string[];
}

/**
 * What the renderer sees as `window.api` in Electron and what the HTTP client implements
 * in browser mode.
 */
export interface Api {
  invoke<C extends Channel>(channel: C, request: RequestOf<C>): Promise<Result<ResponseOf<C>>>;
  pickFile(options?: PickFileOptions): Promise<FileRef | null>;
  onEvent(listener: (event: AppEvent) => void): () => void;
  /** Lets the user save a file core produced (Excel export): a save dialog in Electron, a download in the browser. */
  saveDownload(ref: DownloadRef): Promise<boolean>;
}

/** The IPC channel names the Electron adapter uses to carry contract calls. */
export const IPC = {
  invoke: 'bhxh:invoke',
  pickFile: 'bhxh:pick-file',
  event: 'bhxh:event',
  saveDownload: 'bhxh:save-download',
} as const;
