import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '../../../shared/contract';
import { RPC_INTERNAL_MESSAGE, RpcPeer, type Wire } from '../../../electron/core-host/rpc';

type AMethods = { add: [{ a: number; b: number }, number]; fail: [null, never]; crash: [null, never] };
type BMethods = { print: [{ id: number }, Uint8Array] };
type ANotices = { ping: { n: number } };

/** Two peers wired back to back through structuredClone, as the real channels copy messages. */
function pair() {
  const wireLog: Wire[] = [];
  const peers: {
    a?: RpcPeer<AMethods, BMethods, Record<string, never>, ANotices>;
    b?: RpcPeer<BMethods, AMethods, ANotices, Record<string, never>>;
  } = {};
  const a = new RpcPeer<AMethods, BMethods, Record<string, never>, ANotices>((m) => {
    wireLog.push(m);
    queueMicrotask(() => peers.b!.receive(structuredClone(m)));
  });
  const b = new RpcPeer<BMethods, AMethods, ANotices, Record<string, never>>((m) => {
    wireLog.push(m);
    queueMicrotask(() => peers.a!.receive(structuredClone(m)));
  });
  Object.assign(peers, { a, b });
  return { a, b, wireLog };
}

describe('RpcPeer', () => {
  afterEach(() => vi.restoreAllMocks());

  it('answers calls in both directions', async () => {
    const { a, b } = pair();
    a.handle('add', ({ a: x, b: y }) => x + y);
    b.handle('print', async ({ id }) => new Uint8Array([37, 80, 68, 70, id]));
    expect(await b.call('add', { a: 2, b: 3 })).toBe(5);
    expect([...(await a.call('print', { id: 7 }))]).toEqual([37, 80, 68, 70, 7]);
    expect(a.waiting).toBe(0);
    expect(b.waiting).toBe(0);
  });

  it('carries an AppError across with its code, message and details', async () => {
    const { a, b } = pair();
    a.handle('fail', () => {
      throw new AppError('NOT_FOUND', 'Không tìm thấy báo cáo số 9.', { id: 9 });
    });
    const error = await b.call('fail', null).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).toShape()).toEqual({ code: 'NOT_FOUND', message: 'Không tìm thấy báo cáo số 9.', details: { id: 9 } });
  });

  it('never lets an engine message through: other errors cross as a Vietnamese INTERNAL error', async () => {
    const { a, b } = pair();
    a.handle('crash', () => {
      throw new TypeError("Cannot read properties of undefined (reading 'x')");
    });
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const error = (await b.call('crash', null).catch((e: unknown) => e)) as AppError;
    expect(error.toShape()).toEqual({ code: 'INTERNAL', message: RPC_INTERNAL_MESSAGE });
    expect(error.message).not.toMatch(/Cannot|undefined/);
    // The original is kept for whoever reads the log.
    expect(log).toHaveBeenCalledWith('[BHXH Desk] rpc:', expect.any(TypeError));
  });

  it('refuses a method the other side does not have', async () => {
    const { b } = pair();
    const error = (await b.call('add', { a: 1, b: 1 }).catch((e: unknown) => e)) as AppError;
    expect(error.code).toBe('UNKNOWN_CHANNEL');
  });

  it('delivers notices to their listeners until unsubscribed', async () => {
    const { a, b } = pair();
    const seen: number[] = [];
    const off = b.on('ping', ({ n }) => seen.push(n));
    a.notify('ping', { n: 1 });
    await new Promise((r) => setTimeout(r, 0));
    off();
    a.notify('ping', { n: 2 });
    await new Promise((r) => setTimeout(r, 0));
    expect(seen).toEqual([1]);
  });

  it('fails every waiting call when the other side is gone', async () => {
    const sent: Wire[] = [];
    const peer = new RpcPeer<Record<string, never>, AMethods, Record<string, never>, Record<string, never>>((m) => sent.push(m));
    const first = peer.call('add', { a: 1, b: 2 });
    const second = peer.call('fail', null);
    expect(peer.waiting).toBe(2);
    peer.failAll(new AppError('UNAVAILABLE', 'Bộ xử lý dữ liệu dừng đột ngột.'));
    await expect(first).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    await expect(second).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    expect(peer.waiting).toBe(0);
    expect(sent.map((m) => m.kind)).toEqual(['call', 'call']);
  });

  it('ignores what is not one of its messages, and replies nobody waits for', () => {
    const peer = new RpcPeer<AMethods, Record<string, never>, Record<string, never>, Record<string, never>>(() => {
      throw new Error('nothing should be sent');
    });
    for (const junk of [null, 42, 'x', {}, { kind: 'call' }, { kind: 'reply', id: 99, ok: true, value: 1 }, { kind: 'notice' }]) {
      expect(() => peer.receive(junk)).not.toThrow();
    }
  });

  it('a call that cannot be posted fails at once', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const peer = new RpcPeer<Record<string, never>, AMethods, Record<string, never>, Record<string, never>>(() => {
      throw new Error('channel closed');
    });
    await expect(peer.call('add', { a: 1, b: 2 })).rejects.toMatchObject({ code: 'INTERNAL', message: RPC_INTERNAL_MESSAGE });
    expect(peer.waiting).toBe(0);
  });
});
