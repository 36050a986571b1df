// Only type imports from 'electron': handlers take their collaborators as arguments so the
// authorization and dialog rules are tested in plain Node with fakes.
import type { IpcMain, IpcMainInvokeEvent, OpenDialogOptions } from 'electron';
import { IPC, fail, isChannel, type AppEvent, type FileRef, type Result } from '../../shared/contract';
import { isTrustedUrl } from './security';

/** What the IPC bridge forwards to: the core process (CoreProcess), answering asynchronously. */
export interface IpcCore {
  dispatch(channel: string, request: unknown): Promise<Result<unknown>>;
  files: { registerPath(path: string): Promise<FileRef> };
  downloads: { take(token: string): Promise<{ fileName: string; bytes: Buffer }> };
  events: { subscribe(listener: (event: AppEvent) => void): () => void };
}

/** The slice of IpcMainInvokeEvent we read: senderFrame is null once the frame is gone. */
export interface SenderEvent {
  senderFrame: { url: string } | null;
}

export interface OpenDialogResult {
  canceled: boolean;
  filePaths: string[];
}

export interface IpcDeps<E extends SenderEvent> {
  core: IpcCore;
  /** Shows the native dialog parented to the window that asked. */
  showOpenDialog(event: E, options: OpenDialogOptions): Promise<OpenDialogResult>;
  /** Native save dialog; resolves the chosen path or null when cancelled. */
  showSaveDialog(event: E, defaultName: string): Promise<string | null>;
  writeFile(path: string, bytes: Buffer): void;
}

export const DEFAULT_PICK_TITLE = 'Chọn tệp';
const MAX_EXTENSIONS = 20;

function isTrustedSender(event: SenderEvent): boolean {
  return isTrustedUrl(event.senderFrame?.url);
}

/** Options arrive from the renderer, so only a short title and plain extensions get through. */
export function buildOpenDialogOptions(options: unknown): OpenDialogOptions {
  const raw = typeof options === 'object' && options !== null ? (options as Record<string, unknown>) : {};
  const title =
    typeof raw.title === 'string' && raw.title.trim() !== '' ? raw.title.trim().slice(0, 200) : DEFAULT_PICK_TITLE;
  const extensions = Array.isArray(raw.extensions)
    ? [
        ...new Set(
          raw.extensions
            .filter((e): e is string => typeof e === 'string')
            .map((e) => e.trim().replace(/^\./, '').toLowerCase())
            .filter((e) => /^[a-z0-9]{1,10}$/.test(e)),
        ),
      ].slice(0, MAX_EXTENSIONS)
    : [];
  const dialogOptions: OpenDialogOptions = { title, properties: ['openFile', 'dontAddToRecent'] };
  if (extensions.length > 0) {
    dialogOptions.filters = [
      { name: `Tệp được hỗ trợ (${extensions.map((e) => `*.${e}`).join(', ')})`, extensions },
    ];
  }
  return dialogOptions;
}

export function createIpcHandlers<E extends SenderEvent>(deps: IpcDeps<E>) {
  return {
    async invoke(event: E, channel: unknown, request: unknown): Promise<Result<unknown>> {
      if (!isTrustedSender(event)) {
        return fail('UNAUTHORIZED', 'Yêu cầu bị từ chối: nguồn gọi không phải giao diện của ứng dụng.');
      }
      if (!isChannel(channel)) {
        return fail('UNKNOWN_CHANNEL', 'Chức năng được yêu cầu không tồn tại.', {
          channel: String(channel).slice(0, 100),
        });
      }
      try {
        return await deps.core.dispatch(channel, request);
      } catch {
        // dispatch promises never to throw; if it does, the renderer still gets an envelope.
        return fail('INTERNAL', 'Đã xảy ra lỗi không mong muốn. Vui lòng thử lại.');
      }
    },

    async saveDownload(event: E, ref: unknown): Promise<boolean> {
      if (!isTrustedSender(event)) return false;
      const token = typeof ref === 'object' && ref !== null ? String((ref as { token?: unknown }).token ?? '') : '';
      const download = await deps.core.downloads.take(token);
      const path = await deps.showSaveDialog(event, download.fileName);
      if (!path) return false;
      deps.writeFile(path, download.bytes);
      return true;
    },

    async pickFile(event: E, options: unknown): Promise<FileRef | null> {
      if (!isTrustedSender(event)) return null;
      const result = await deps.showOpenDialog(event, buildOpenDialogOptions(options));
      const path = result.filePaths[0];
      if (result.canceled || !path) return null;
      return await deps.core.files.registerPath(path);
    },
  };
}

export type IpcHandlers<E extends SenderEvent> = ReturnType<typeof createIpcHandlers<E>>;

/** Returns a function that removes the handlers again. */
export function registerIpc(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  handlers: IpcHandlers<IpcMainInvokeEvent>,
): () => void {
  ipcMain.handle(IPC.invoke, (event, channel: unknown, request: unknown) => handlers.invoke(event, channel, request));
  ipcMain.handle(IPC.pickFile, (event, options: unknown) => handlers.pickFile(event, options));
  ipcMain.handle(IPC.saveDownload, (event, ref: unknown) => handlers.saveDownload(event, ref));
  return () => {
    ipcMain.removeHandler(IPC.saveDownload);
    ipcMain.removeHandler(IPC.invoke);
    ipcMain.removeHandler(IPC.pickFile);
  };
}

export interface EventSink {
  isDestroyed(): boolean;
  send(channel: string, ...args: unknown[]): void;
}

/** Pushes core events to whichever window is current; returns the unsubscribe. */
export function forwardEvents(events: IpcCore['events'], getTarget: () => EventSink | null): () => void {
  return events.subscribe((event) => {
    const target = getTarget();
    if (target && !target.isDestroyed()) target.send(IPC.event, event);
  });
}
