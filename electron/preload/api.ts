// Only type imports from 'electron': the bridge object is built and tested with a fake ipcRenderer.
// Imports name contract files directly (not the index) so the sandboxed bundle stays free of zod.
import type { IpcRendererEvent } from 'electron';
import { IPC, type Api, type PickFileOptions } from '../../shared/contract/api';
import type { AppEvent } from '../../shared/contract/events';
import { fail } from '../../shared/contract/result';

export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: IpcRendererEvent, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: IpcRendererEvent, ...args: unknown[]) => void): unknown;
}

function plainPickOptions(options: PickFileOptions | undefined): PickFileOptions {
  const out: PickFileOptions = {};
  if (typeof options?.title === 'string') out.title = options.title;
  if (Array.isArray(options?.extensions)) out.extensions = options.extensions.filter((e) => typeof e === 'string');
  return out;
}

/** Exactly the contract's Api, nothing more: no raw ipcRenderer, no Node. */
export function createApi(ipc: IpcRendererLike, channelNames: readonly string[]): Api {
  const known = new Set(channelNames);
  const api: Api = {
    invoke(channel, request) {
      if (typeof channel !== 'string' || !known.has(channel)) {
        return Promise.resolve(fail('UNKNOWN_CHANNEL', 'Chức năng được yêu cầu không tồn tại.', { channel: String(channel).slice(0, 100) }));
      }
      return ipc.invoke(IPC.invoke, channel, request) as ReturnType<Api['invoke']>;
    },
    pickFile(options) {
      return ipc.invoke(IPC.pickFile, plainPickOptions(options)) as ReturnType<Api['pickFile']>;
    },
    saveDownload(ref) {
      const plain = { token: String(ref?.token ?? ''), fileName: String(ref?.fileName ?? ''), size: Number(ref?.size ?? 0) };
      return ipc.invoke(IPC.saveDownload, plain) as ReturnType<Api['saveDownload']>;
    },
    onEvent(listener) {
      if (typeof listener !== 'function') throw new TypeError('onEvent cần một hàm lắng nghe.');
      // The IpcRendererEvent stays here: handing it over would leak event.sender (ipcRenderer).
      const relay = (_event: IpcRendererEvent, payload: unknown) => listener(payload as AppEvent);
      ipc.on(IPC.event, relay);
      return () => {
        ipc.removeListener(IPC.event, relay);
      };
    },
  };
  return Object.freeze(api);
}
