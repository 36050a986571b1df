// serveCore (the core process's side) with a real AppCore on a real SQLite file, talking to a
// main-side RpcPeer through an in-memory transport that copies messages as the real ones do.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError, type AppEvent } from '../../../shared/contract';
import { serveCore, type HostedCore } from '../../../electron/core-host/host';
import type { CoreMethods, CoreNotices, MainMethods, MainNotices } from '../../../electron/core-host/protocol';
import { RpcPeer } from '../../../electron/core-host/rpc';
import { buffered, type HostTransport } from '../../../electron/core-host/transport';
import type { ReportPrinter } from '../../../electron/core/reports/printer';
import { openTestCore } from '../../helpers/core';
import { tempDataDir } from '../../helpers/fixtures';

type MainSide = RpcPeer<MainMethods, CoreMethods, CoreNotices, MainNotices>;

/** The wire between the two processes: structured clone both ways, delivered asynchronously. */
function wire() {
  const toHost: ((m: unknown) => void)[] = [];
  const backlog: unknown[] = [];
  const main: MainSide = new RpcPeer((m) => {
    const copy = structuredClone(m);
    setImmediate(() => (toHost.length ? toHost.forEach((l) => l(copy)) : backlog.push(copy)));
  });
  let closeListener: (() => void) | null = null;
  const raw: HostTransport = {
    post: (m) => {
      const copy = structuredClone(m);
      setImmediate(() => main.receive(copy));
    },
    onMessage: (l) => {
      toHost.push(l);
      for (const m of backlog.splice(0)) l(m);
    },
    onClose: (l) => (closeListener = l),
  };
  return { main, transport: buffered(raw), close: () => closeListener?.() };
}

async function hosted(dataDir = tempDataDir('bhxh-host-')) {
  const core = await openTestCore({ dataDir, mode: 'electron' });
  const printers: (ReportPrinter | null)[] = [];
  const target: HostedCore = {
    dispatch: (c, r) => core.dispatch(c, r),
    files: core.files,
    downloads: core.downloads,
    events: core.events,
    close: () => core.close(),
    setReportPrinter: (p) => {
      printers.push(p);
      core.setReportPrinter(p);
    },
  };
  return { core, target, printers, dataDir };
}

function exits() {
  const codes: number[] = [];
  let done: () => void;
  const exited = new Promise<void>((r) => (done = r));
  return { codes, exited, exit: (code: number) => (codes.push(code), done()) };
}

describe('serveCore', () => {
  it('answers contract calls, picked paths and export bytes for main', async () => {
    const { core, target, dataDir } = await hosted();
    const { main, transport } = wire();
    serveCore(target, transport, () => undefined);

    expect(await main.call('dispatch', { channel: 'app:info', request: {} })).toMatchObject({
      ok: true,
      value: { mode: 'electron', dataDir },
    });
    expect(await main.call('dispatch', { channel: 'nope:nope', request: {} })).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_CHANNEL' },
    });

    const picked = join(dataDir, 'Báo cáo tháng 10.xlsx');
    writeFileSync(picked, 'PK');
    expect(await main.call('registerPath', { path: picked })).toEqual({
      token: expect.any(String),
      name: 'Báo cáo tháng 10.xlsx',
      size: 2,
    });
    await expect(main.call('registerPath', { path: join(dataDir, 'không có.xlsx') })).rejects.toEqual(
      new AppError('NOT_FOUND', 'Không mở được tệp "không có.xlsx": tệp không còn ở đó hoặc không có quyền đọc. Hãy chọn lại tệp.'),
    );

    // A small Buffer sits in Node's shared pool: exactly its bytes cross, not the pool.
    const ref = core.downloads.put(Buffer.from('PK\u0003\u0004 tiến độ'), 'tien-do.xlsx');
    const taken = await main.call('takeDownload', { token: ref.token });
    expect(taken.fileName).toBe('tien-do.xlsx');
    expect(taken.bytes.byteLength).toBe(ref.size);
    expect(Buffer.from(taken.bytes).toString()).toBe('PK\u0003\u0004 tiến độ');
    await expect(main.call('takeDownload', { token: ref.token })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'Tệp xuất đã hết hạn; hãy xuất lại.',
    });
  });

  it('sends core events to main and prints by asking main', async () => {
    const { core, target, printers } = await hosted();
    const { main, transport } = wire();
    const events: AppEvent[] = [];
    main.on('event', (e) => events.push(e));
    const asked: number[] = [];
    main.handle('printPdf', ({ reportId }) => {
      asked.push(reportId);
      if (reportId === 13) throw new AppError('INTERNAL', 'Trang in báo cáo báo lỗi: thiếu số liệu.');
      return new Uint8Array(Buffer.from(`%PDF-1.7 báo cáo ${reportId}`));
    });
    main.handle('printDialog', ({ reportId }) => reportId === 4);
    serveCore(target, transport, () => undefined);

    core.events.emit({ type: 'data-changed', area: 'results' });
    await new Promise((r) => setImmediate(r));
    expect(events).toEqual([{ type: 'data-changed', area: 'results' }]);

    const printer = printers.at(-1)!;
    const pdf = await printer.pdf(4);
    expect(Buffer.isBuffer(pdf)).toBe(true);
    expect(pdf.toString()).toBe('%PDF-1.7 báo cáo 4');
    expect(await printer.print!(4)).toBe(true);
    await expect(printer.pdf(13)).rejects.toEqual(new AppError('INTERNAL', 'Trang in báo cáo báo lỗi: thiếu số liệu.'));
    expect(asked).toEqual([4, 13]);
  });

  it('a shutdown main sent while the database was opening is obeyed once serving starts', async () => {
    const { core, target, printers, dataDir } = await hosted();
    const { main, transport } = wire();
    expect(existsSync(join(dataDir, 'bhxh-desk.lock'))).toBe(true);
    main.notify('shutdown', null);
    await new Promise((r) => setImmediate(r));
    const { codes, exited, exit } = exits();
    serveCore(target, transport, exit);
    await exited;
    expect(codes).toEqual([0]);
    expect(core.store()).toBeNull();
    expect(existsSync(join(dataDir, 'bhxh-desk.lock'))).toBe(false);
    expect(printers.at(-1)).toBeNull();
  });

  it('closes the database when the parent goes away, once however often it is told', async () => {
    const { core, target, dataDir } = await hosted();
    const { main, transport, close } = wire();
    const { codes, exited, exit } = exits();
    serveCore(target, transport, exit);
    close();
    main.notify('shutdown', null);
    await exited;
    await new Promise((r) => setTimeout(r, 20));
    expect(codes).toEqual([0]);
    expect(core.store()).toBeNull();
    expect(existsSync(join(dataDir, 'bhxh-desk.lock'))).toBe(false);
  });
});
