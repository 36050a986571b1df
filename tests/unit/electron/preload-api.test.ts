import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { CHANNEL_NAMES, IPC, type Api, type AppEvent, type Channel } from '../../../shared/contract';
import { createApi, type IpcRendererLike } from '../../../electron/preload/api';

function fakeIpc() {
  const emitter = new EventEmitter();
  const ipc = {
    invoke: vi.fn(async (..._args: unknown[]): Promise<unknown> => ({ ok: true, value: 'pong' })),
    on: vi.fn((channel: string, listener: Parameters<EventEmitter['on']>[1]) => emitter.on(channel, listener)),
    removeListener: vi.fn((channel: string, listener: Parameters<EventEmitter['on']>[1]) => emitter.removeListener(channel, listener)),
  } satisfies IpcRendererLike;
  return { ipc, emitter };
}

describe('createApi (what the preload exposes as window.api)', () => {
  it('has exactly the Api members and is frozen', () => {
    const api = createApi(fakeIpc().ipc, CHANNEL_NAMES);
    expect(Object.keys(api).sort()).toEqual(['invoke', 'onEvent', 'pickFile', 'saveDownload']);
    expect(Object.isFrozen(api)).toBe(true);
    // Compile-time check: the object satisfies the contract interface.
    const typed: Api = api;
    expect(typed).toBe(api);
  });

  it('forwards known channels over IPC.invoke', async () => {
    const { ipc } = fakeIpc();
    const api = createApi(ipc, CHANNEL_NAMES);
    await expect(api.invoke('units:list', { query: 'x' })).resolves.toEqual({ ok: true, value: 'pong' });
    expect(ipc.invoke).toHaveBeenCalledWith(IPC.invoke, 'units:list', { query: 'x' });
  });

  it('refuses names outside the contract without touching IPC', async () => {
    const { ipc } = fakeIpc();
    const api = createApi(ipc, CHANNEL_NAMES);
    for (const name of ['shell:exec', 'constructor', '__proto__', 'bhxh:invoke']) {
      const result = await api.invoke(name as Channel, {} as never);
      expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    }
    const nonString = await api.invoke(42 as unknown as Channel, {} as never);
    expect(nonString.ok).toBe(false);
    expect(ipc.invoke).not.toHaveBeenCalled();
  });

  it('pickFile sends only title and extensions', async () => {
    const { ipc } = fakeIpc();
    const api = createApi(ipc, CHANNEL_NAMES);
    await api.pickFile({ title: 'Chọn tệp Excel', extensions: ['xlsx'], evil: () => 1 } as never);
    expect(ipc.invoke).toHaveBeenLastCalledWith(IPC.pickFile, { title: 'Chọn tệp Excel', extensions: ['xlsx'] });
    await api.pickFile();
    expect(ipc.invoke).toHaveBeenLastCalledWith(IPC.pickFile, {});
  });

  it('onEvent delivers only the payload, never the IpcRendererEvent, and unsubscribes', () => {
    const { ipc, emitter } = fakeIpc();
    const api = createApi(ipc, CHANNEL_NAMES);
    const listener = vi.fn();
    const off = api.onEvent(listener);
    const event: AppEvent = { type: 'data-changed', area: 'units' };
    emitter.emit(IPC.event, { sender: 'ipcRenderer would leak here' }, event);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener.mock.calls[0]).toEqual([event]);
    off();
    emitter.emit(IPC.event, {}, event);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(emitter.listenerCount(IPC.event)).toBe(0);
  });

  it('onEvent rejects a non-function listener', () => {
    const api = createApi(fakeIpc().ipc, CHANNEL_NAMES);
    expect(() => api.onEvent('x' as never)).toThrow(TypeError);
  });
});
