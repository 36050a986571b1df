// CoreProcess (main's handle on the core process) against scripted children: the restart policy,
// what waiting calls are told, shutdown. The real process is driven in core-host-fork.test.ts and
// bundle.test.ts.
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { AppError, type AppEvent } from '../../../shared/contract';
import type { Wire } from '../../../electron/core-host/rpc';
import {
  CORE_CRASHED_MESSAGE,
  CORE_FAILED_MESSAGE,
  CORE_STOPPING_MESSAGE,
  CoreProcess,
  type CoreChild,
  type CoreProcessOptions,
} from '../../../electron/main/coreProcess';

/** A child that answers dispatch with the channel name, unless told to hang. */
class ScriptedChild extends EventEmitter implements CoreChild {
  static nextPid = 1000;
  readonly pid = ScriptedChild.nextPid++;
  readonly received: Wire[] = [];
  hang = false;
  killed = false;
  exitOnShutdown = true;

  postMessage(message: unknown): void {
    const m = structuredClone(message) as Wire;
    this.received.push(m);
    if (m.kind === 'notice' && m.topic === 'shutdown' && this.exitOnShutdown) setImmediate(() => this.exit(0));
    if (m.kind === 'call' && !this.hang) {
      const { channel } = m.params as { channel: string };
      setImmediate(() => this.send({ kind: 'reply', id: m.id, ok: true, value: { ok: true, value: { channel, pid: this.pid } } }));
    }
  }
  kill(): boolean {
    this.killed = true;
    setImmediate(() => this.exit(143));
    return true;
  }
  send(message: Wire): void {
    this.emit('message', structuredClone(message));
  }
  ready(): void {
    this.send({ kind: 'notice', topic: 'ready', payload: { pid: this.pid } });
  }
  event(event: AppEvent): void {
    this.send({ kind: 'notice', topic: 'event', payload: event });
  }
  exit(code: number): void {
    this.emit('exit', code);
  }
}

const tick = () => new Promise((r) => setImmediate(r));

function setup(options: Partial<CoreProcessOptions> & { autoReady?: boolean } = {}) {
  const children: ScriptedChild[] = [];
  const givenUp: string[] = [];
  const crashes: number[] = [];
  let clock = 0;
  const autoReady = options.autoReady ?? true;
  const core = new CoreProcess({
    fork: () => {
      const child = new ScriptedChild();
      children.push(child);
      if (autoReady) setImmediate(() => child.ready());
      return child;
    },
    printer: { pdf: async () => new Uint8Array([1]) },
    onGiveUp: (detail) => givenUp.push(detail),
    onCrash: (code) => crashes.push(code),
    now: () => clock,
    ...options,
  });
  const events: AppEvent[] = [];
  core.events.subscribe((e) => events.push(e));
  return { core, children, givenUp, crashes, events, advance: (ms: number) => (clock += ms) };
}

describe('CoreProcess', () => {
  it('starts, forwards calls and events, and reports the running pid', async () => {
    const { core, children, events } = setup();
    await core.start();
    expect(core.status).toBe('running');
    expect(core.pid).toBe(children[0]!.pid);
    expect(await core.dispatch('app:info', {})).toEqual({ ok: true, value: { channel: 'app:info', pid: children[0]!.pid } });
    children[0]!.event({ type: 'data-changed', area: 'units' });
    await tick();
    expect(events).toEqual([{ type: 'data-changed', area: 'units' }]);
  });

  it('a core that cannot open reports why, once its process is gone (it may still hold the folder lock)', async () => {
    const { core, children } = setup({ autoReady: false });
    let settled = false;
    const started = core.start().finally(() => (settled = true));
    await tick();
    children[0]!.send({
      kind: 'notice',
      topic: 'startFailed',
      payload: { code: 'DB_NETWORK_PATH', message: 'Thư mục dữ liệu nằm trên ổ mạng.' },
    });
    await tick();
    expect(settled).toBe(false);
    children[0]!.exit(1);
    await expect(started).rejects.toMatchObject({ code: 'DB_NETWORK_PATH', message: 'Thư mục dữ liệu nằm trên ổ mạng.' });
    expect(core.status).toBe('failed');
  });

  it('a crash fails the waiting call in Vietnamese, restarts the core and tells the window to reload', async () => {
    const { core, children, crashes, events } = setup();
    await core.start();
    children[0]!.hang = true;
    const pending = core.dispatch('imports:commit', {});
    await tick();
    children[0]!.exit(137);
    expect(await pending).toEqual({ ok: false, error: { code: 'UNAVAILABLE', message: CORE_CRASHED_MESSAGE, details: { exitCode: 137 } } });
    expect(crashes).toEqual([137]);
    // A call made while the new core starts waits for it.
    expect(await core.dispatch('app:info', {})).toMatchObject({ ok: true, value: { pid: children[1]!.pid } });
    expect(events).toContainEqual({ type: 'data-changed', area: 'all' });
  });

  it('clears the progress the window shows for a task of the core that died', async () => {
    const { core, children, events } = setup();
    await core.start();
    children[0]!.event({ type: 'progress', taskId: 'nhap-1', label: 'Đang đọc tệp…', done: 3, total: 10 });
    children[0]!.event({ type: 'progress', taskId: 'xong', label: 'Xong', done: 1, total: 1 });
    await tick();
    children[0]!.exit(137);
    await tick();
    expect(events.filter((e) => e.type === 'progress' && e.taskId === 'nhap-1').at(-1)).toMatchObject({ done: 10, total: 10 });
    expect(events.filter((e) => e.type === 'progress' && e.taskId === 'xong')).toHaveLength(1);
  });

  it('stops restarting after three crashes within a minute, says so, and starts again when asked', async () => {
    const { core, children, givenUp, advance } = setup();
    await core.start();
    for (let i = 0; i < 2; i++) {
      children.at(-1)!.exit(137);
      await core.dispatch('app:info', {});
      advance(10_000);
    }
    expect(children).toHaveLength(3);
    expect(givenUp).toEqual([]);
    children.at(-1)!.exit(139);
    await tick();
    expect(children).toHaveLength(3);
    expect(core.status).toBe('failed');
    expect(givenUp).toEqual([expect.stringContaining('3 lần trong 1 phút (lần cuối: mã thoát 139)')]);
    expect(await core.dispatch('app:info', {})).toEqual({ ok: false, error: { code: 'UNAVAILABLE', message: CORE_FAILED_MESSAGE } });
    await expect(core.files.registerPath('/tmp/x.xlsx')).rejects.toMatchObject({ code: 'UNAVAILABLE' });

    await core.restart();
    expect(core.status).toBe('running');
    expect(await core.dispatch('app:info', {})).toMatchObject({ ok: true, value: { pid: children[3]!.pid } });
  });

  it('crashes far apart never use up the restarts', async () => {
    const { core, children, givenUp, advance } = setup();
    await core.start();
    for (let i = 0; i < 5; i++) {
      advance(61_000);
      children.at(-1)!.exit(137);
      expect(await core.dispatch('app:info', {})).toMatchObject({ ok: true });
    }
    expect(givenUp).toEqual([]);
    expect(children).toHaveLength(6);
  });

  it('counts a core that dies while restarting, and gives up when none will start', async () => {
    const { core, children, givenUp } = setup({ autoReady: false });
    const started = core.start();
    await tick();
    children[0]!.ready();
    await started;
    children[0]!.exit(137);
    await tick();
    children[1]!.exit(70);
    await tick();
    children[2]!.exit(70);
    await tick();
    expect(children).toHaveLength(3);
    expect(givenUp).toHaveLength(1);
    expect(await core.dispatch('app:info', {})).toMatchObject({ ok: false, error: { message: CORE_FAILED_MESSAGE } });
  });

  it('stop asks the core to close and waits for it; nothing is restarted and later calls are refused', async () => {
    const { core, children, crashes } = setup();
    await core.start();
    await core.stop();
    expect(children[0]!.received.at(-1)).toEqual({ kind: 'notice', topic: 'shutdown', payload: null });
    expect(children[0]!.killed).toBe(false);
    expect(core.status).toBe('stopped');
    expect(children).toHaveLength(1);
    expect(crashes).toEqual([]);
    expect(await core.dispatch('app:info', {})).toEqual({ ok: false, error: { code: 'UNAVAILABLE', message: CORE_STOPPING_MESSAGE } });
  });

  it('kills a core that does not close in time', async () => {
    const { core, children } = setup({ stopTimeoutMs: 50 });
    await core.start();
    children[0]!.exitOnShutdown = false;
    children[0]!.hang = true;
    const pending = core.dispatch('imports:commit', {});
    await core.stop();
    expect(children[0]!.killed).toBe(true);
    expect(await pending).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE', message: CORE_STOPPING_MESSAGE } });
  });

  it('hands main the bytes of an export as a Buffer, and passes errors through', async () => {
    const { core, children } = setup();
    await core.start();
    const child = children[0]!;
    child.hang = true;
    const taken = core.downloads.take('abc');
    await tick();
    const call = child.received.find((m) => m.kind === 'call' && m.method === 'takeDownload') as Extract<Wire, { kind: 'call' }>;
    child.send({ kind: 'reply', id: call.id, ok: true, value: { fileName: 'bao-cao.xlsx', bytes: new Uint8Array([80, 75, 3, 4]) } });
    const download = await taken;
    expect(Buffer.isBuffer(download.bytes)).toBe(true);
    expect(download).toEqual({ fileName: 'bao-cao.xlsx', bytes: Buffer.from([80, 75, 3, 4]) });

    const expired = core.downloads.take('old');
    await tick();
    const second = child.received.filter((m) => m.kind === 'call').at(-1) as Extract<Wire, { kind: 'call' }>;
    child.send({ kind: 'reply', id: second.id, ok: false, error: { code: 'NOT_FOUND', message: 'Tệp xuất đã hết hạn; hãy xuất lại.' } });
    await expect(expired).rejects.toEqual(new AppError('NOT_FOUND', 'Tệp xuất đã hết hạn; hãy xuất lại.'));
  });

  it("answers the core's print requests with main's printer, refusing a bad report id", async () => {
    const printed: number[] = [];
    const { core, children } = setup({
      printer: {
        pdf: async (id) => {
          printed.push(id);
          return Buffer.from(`%PDF ${id}`);
        },
      },
    });
    await core.start();
    const child = children[0]!;
    const replies: Wire[] = [];
    child.postMessage = (m: unknown) => void replies.push(structuredClone(m) as Wire);
    child.send({ kind: 'call', id: 1, method: 'printPdf', params: { reportId: 4 } });
    child.send({ kind: 'call', id: 2, method: 'printPdf', params: { reportId: -1 } });
    child.send({ kind: 'call', id: 3, method: 'printDialog', params: { reportId: 4 } });
    await tick();
    await tick();
    expect(printed).toEqual([4]);
    const byId = new Map(replies.map((r) => [(r as { id: number }).id, r]));
    const first = byId.get(1) as Extract<Wire, { kind: 'reply'; ok: true }>;
    expect(Buffer.from(first.value as Uint8Array).toString()).toBe('%PDF 4');
    expect(byId.get(2)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(byId.get(3)).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
  });
});
