import { describe, expect, it, vi } from 'vitest';
import { AppError, CHANNEL_NAMES, IPC, ok, type AppEvent, type Result } from '../../../shared/contract';
import {
  DEFAULT_PICK_TITLE,
  buildOpenDialogOptions,
  createIpcHandlers,
  forwardEvents,
  registerIpc,
  type IpcCore,
  type SenderEvent,
} from '../../../electron/main/ipc';

const trusted: SenderEvent = { senderFrame: { url: 'app://bhxh/catalogs' } };

function fakeCore() {
  const listeners = new Set<(event: AppEvent) => void>();
  const core = {
    dispatch: vi.fn(async (channel: string): Promise<Result<unknown>> => ok({ channel })),
    files: { registerPath: vi.fn(async (path: string) => ({ token: `tok-${path.length}-xxxxxxxx`, name: 'a.xlsx', size: 3 })) },
    downloads: { take: vi.fn(async (token: string) => ({ fileName: `tien-do-${token}.xlsx`, bytes: Buffer.from('PK') })) },
    events: {
      subscribe: vi.fn((listener: (event: AppEvent) => void) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      }),
    },
  } satisfies IpcCore;
  return { core, emit: (event: AppEvent) => listeners.forEach((l) => l(event)), listeners };
}

function setup(dialogResult = { canceled: false, filePaths: ['C:\\Users\\cb\\Downloads\\danh sách.xlsx'] }) {
  const { core, emit, listeners } = fakeCore();
  const showOpenDialog = vi.fn(async () => dialogResult);
  const showSaveDialog = vi.fn(async (_event: SenderEvent, name: string): Promise<string | null> => `C:\\Users\\cb\\Documents\\${name}`);
  const writeFile = vi.fn();
  const handlers = createIpcHandlers<SenderEvent>({ core, showOpenDialog, showSaveDialog, writeFile });
  return { core, emit, listeners, showOpenDialog, showSaveDialog, writeFile, handlers };
}

describe('invoke handler', () => {
  it('dispatches a known channel from the app origin', async () => {
    const { core, handlers } = setup();
    const result = await handlers.invoke(trusted, 'units:list', { query: 'Ba Đình' });
    expect(result).toEqual({ ok: true, value: { channel: 'units:list' } });
    expect(core.dispatch).toHaveBeenCalledWith('units:list', { query: 'Ba Đình' });
  });

  it.each([
    { senderFrame: null },
    { senderFrame: { url: 'https://evil.example/' } },
    { senderFrame: { url: 'file:///C:/x.html' } },
    { senderFrame: { url: 'app://evil/' } },
    { senderFrame: { url: 'about:blank' } },
  ])('refuses untrusted sender %j with UNAUTHORIZED', async (event) => {
    const { core, handlers } = setup();
    const result = await handlers.invoke(event, 'app:info', {});
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('UNAUTHORIZED');
      expect(result.error.message).toMatch(/từ chối/);
    }
    expect(core.dispatch).not.toHaveBeenCalled();
  });

  it.each(['nope:nothing', 'constructor', '__proto__', 'toString', 42, null, undefined, { a: 1 }])(
    'refuses unknown channel %j',
    async (channel) => {
      const { core, handlers } = setup();
      const result = await handlers.invoke(trusted, channel, {});
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('UNKNOWN_CHANNEL');
      expect(core.dispatch).not.toHaveBeenCalled();
    },
  );

  it('accepts every contract channel', async () => {
    const { core, handlers } = setup();
    for (const channel of CHANNEL_NAMES) {
      expect((await handlers.invoke(trusted, channel, {})).ok).toBe(true);
    }
    expect(core.dispatch).toHaveBeenCalledTimes(CHANNEL_NAMES.length);
  });

  it('still answers with an envelope if dispatch throws', async () => {
    const { core, handlers } = setup();
    core.dispatch.mockRejectedValueOnce(new Error('boom'));
    const result = await handlers.invoke(trusted, 'app:info', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });
});

describe('pickFile handler', () => {
  it('shows a Vietnamese dialog filtered by the requested extensions and registers the pick', async () => {
    const { core, handlers, showOpenDialog } = setup();
    const ref = await handlers.pickFile(trusted, { title: 'Chọn danh sách đơn vị', extensions: ['xlsx', '.XLS', 'csv'] });
    expect(showOpenDialog).toHaveBeenCalledWith(trusted, {
      title: 'Chọn danh sách đơn vị',
      properties: ['openFile', 'dontAddToRecent'],
      filters: [{ name: 'Tệp được hỗ trợ (*.xlsx, *.xls, *.csv)', extensions: ['xlsx', 'xls', 'csv'] }],
    });
    expect(core.files.registerPath).toHaveBeenCalledWith('C:\\Users\\cb\\Downloads\\danh sách.xlsx');
    expect(ref).toEqual({ token: expect.any(String), name: 'a.xlsx', size: 3 });
  });

  it('returns null when the user cancels', async () => {
    const { core, handlers } = setup({ canceled: true, filePaths: [] });
    expect(await handlers.pickFile(trusted, {})).toBeNull();
    expect(core.files.registerPath).not.toHaveBeenCalled();
  });

  it('never opens a dialog for an untrusted sender', async () => {
    const { handlers, showOpenDialog } = setup();
    expect(await handlers.pickFile({ senderFrame: { url: 'https://evil.example/' } }, {})).toBeNull();
    expect(showOpenDialog).not.toHaveBeenCalled();
  });
});

describe('buildOpenDialogOptions', () => {
  it('uses a Vietnamese default title and no filter when none is asked for', () => {
    expect(DEFAULT_PICK_TITLE).toBe('Chọn tệp');
    expect(buildOpenDialogOptions(undefined)).toEqual({ title: 'Chọn tệp', properties: ['openFile', 'dontAddToRecent'] });
    expect(buildOpenDialogOptions('junk')).toEqual({ title: 'Chọn tệp', properties: ['openFile', 'dontAddToRecent'] });
    expect(buildOpenDialogOptions({ title: '   ' }).title).toBe('Chọn tệp');
  });

  it('drops extensions that are not plain alphanumerics and de-duplicates', () => {
    const options = buildOpenDialogOptions({ extensions: ['xlsx', 'XLSX', '*', '../exe', 'x y', 7, 'verylongextension', 'ods'] });
    expect(options.filters).toEqual([{ name: 'Tệp được hỗ trợ (*.xlsx, *.ods)', extensions: ['xlsx', 'ods'] }]);
  });

  it('caps the title length and the number of extensions', () => {
    const options = buildOpenDialogOptions({ title: 'x'.repeat(1000), extensions: Array.from({ length: 50 }, (_, i) => `e${i}`) });
    expect(options.title).toHaveLength(200);
    expect(options.filters?.[0]?.extensions).toHaveLength(20);
  });
});

describe('registerIpc', () => {
  it('binds the contract IPC names and can unbind them', async () => {
    const { handlers, core } = setup();
    const registered = new Map<string, (...args: unknown[]) => unknown>();
    const ipcMain = {
      handle: vi.fn((name: string, fn: (...args: unknown[]) => unknown) => registered.set(name, fn)),
      removeHandler: vi.fn((name: string) => registered.delete(name)),
    };
    const dispose = registerIpc(ipcMain as never, handlers as never);
    expect([...registered.keys()].sort()).toEqual([IPC.pickFile, IPC.invoke, IPC.saveDownload].sort());
    const result = await registered.get(IPC.invoke)!(trusted, 'app:info', {});
    expect(result).toEqual({ ok: true, value: { channel: 'app:info' } });
    expect(core.dispatch).toHaveBeenCalledWith('app:info', {});
    dispose();
    expect(registered.size).toBe(0);
  });
});

describe('forwardEvents', () => {
  it('sends core events to the current window and stops after unsubscribe', () => {
    const { core, emit, listeners } = setup();
    const send = vi.fn();
    let destroyed = false;
    const target = { isDestroyed: () => destroyed, send };
    const stop = forwardEvents(core.events, () => target);
    const event: AppEvent = { type: 'progress', taskId: 't1', label: 'Đang nhập', done: 1, total: 10 };
    emit(event);
    expect(send).toHaveBeenCalledWith(IPC.event, event);
    destroyed = true;
    emit(event);
    expect(send).toHaveBeenCalledTimes(1);
    stop();
    expect(listeners.size).toBe(0);
  });

  it('does nothing when there is no window', () => {
    const { core, emit } = setup();
    forwardEvents(core.events, () => null);
    expect(() => emit({ type: 'data-changed', area: 'units' })).not.toThrow();
  });
});

describe('saveDownload handler', () => {
  it('asks where to save and writes the export there', async () => {
    const { core, handlers, showSaveDialog, writeFile } = setup();
    expect(await handlers.saveDownload(trusted, { token: 'abc', fileName: 'x', size: 2 })).toBe(true);
    expect(core.downloads.take).toHaveBeenCalledWith('abc');
    expect(showSaveDialog).toHaveBeenCalledWith(trusted, 'tien-do-abc.xlsx');
    expect(writeFile).toHaveBeenCalledWith('C:\\Users\\cb\\Documents\\tien-do-abc.xlsx', Buffer.from('PK'));
  });

  it('opens no dialog for an export that has expired in the core process', async () => {
    const { core, handlers, showSaveDialog, writeFile } = setup();
    core.downloads.take.mockRejectedValueOnce(new AppError('NOT_FOUND', 'Tệp xuất đã hết hạn; hãy xuất lại.'));
    await expect(handlers.saveDownload(trusted, { token: 'old' })).rejects.toMatchObject({ code: 'NOT_FOUND', message: 'Tệp xuất đã hết hạn; hãy xuất lại.' });
    expect(showSaveDialog).not.toHaveBeenCalled();
    expect(writeFile).not.toHaveBeenCalled();
  });

  it('writes nothing when the user cancels, and refuses an untrusted sender', async () => {
    const { core, handlers, showSaveDialog, writeFile } = setup();
    showSaveDialog.mockResolvedValueOnce(null);
    expect(await handlers.saveDownload(trusted, { token: 'abc' })).toBe(false);
    expect(writeFile).not.toHaveBeenCalled();
    expect(await handlers.saveDownload({ senderFrame: { url: 'https://evil.example/' } }, { token: 'abc' })).toBe(false);
    expect(core.downloads.take).toHaveBeenCalledTimes(1);
  });
});
