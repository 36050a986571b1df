import { AppError, type AppErrorShape } from '../../shared/contract/result';

/**
 * One side of the conversation between Electron's main process and the core process. Both sides
 * call each other (main asks core to dispatch; core asks main to print) and send one-way notices
 * (events, ready). Messages are plain structured-clone data, so the same peer runs over
 * Electron's parentPort and over a child_process IPC channel.
 */
export type Wire =
  | { kind: 'call'; id: number; method: string; params: unknown }
  | { kind: 'reply'; id: number; ok: true; value: unknown }
  | { kind: 'reply'; id: number; ok: false; error: AppErrorShape }
  | { kind: 'notice'; topic: string; payload: unknown };

/** method name → [params, result] */
export type MethodMap = Record<string, [unknown, unknown]>;
/** topic → payload */
export type NoticeMap = Record<string, unknown>;

type Handler = (params: unknown) => unknown;
interface Pending {
  resolve(value: unknown): void;
  reject(error: AppError): void;
}

export const RPC_INTERNAL_MESSAGE =
  'Lỗi không mong đợi khi chuyển yêu cầu giữa cửa sổ và bộ xử lý dữ liệu; thao tác chưa hoàn tất. Hãy thử lại.';

/** Anything that is not already an AppError crosses as a Vietnamese INTERNAL error; the original goes to the log. */
function defaultToError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  console.error('[BHXH Desk] rpc:', error);
  return new AppError('INTERNAL', RPC_INTERNAL_MESSAGE);
}

export function isWire(message: unknown): message is Wire {
  if (typeof message !== 'object' || message === null) return false;
  const m = message as Record<string, unknown>;
  if (m.kind === 'call') return typeof m.id === 'number' && typeof m.method === 'string';
  if (m.kind === 'reply') return typeof m.id === 'number' && typeof m.ok === 'boolean';
  if (m.kind === 'notice') return typeof m.topic === 'string';
  return false;
}

/**
 * `Local`: the methods this side answers; `Remote`: the methods it may call on the other side.
 * Notices are typed the same way, in each direction.
 */
export class RpcPeer<Local extends MethodMap, Remote extends MethodMap, InNotices extends NoticeMap, OutNotices extends NoticeMap> {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly handlers = new Map<string, Handler>();
  private readonly listeners = new Map<string, Set<(payload: unknown) => void>>();

  constructor(
    private readonly post: (message: Wire) => void,
    private readonly toError: (error: unknown) => AppError = defaultToError,
  ) {}

  handle<M extends keyof Local & string>(method: M, handler: (params: Local[M][0]) => Local[M][1] | Promise<Local[M][1]>): void {
    this.handlers.set(method, handler as Handler);
  }

  on<T extends keyof InNotices & string>(topic: T, listener: (payload: InNotices[T]) => void): () => void {
    const set = this.listeners.get(topic) ?? new Set();
    this.listeners.set(topic, set);
    const l = listener as (payload: unknown) => void;
    set.add(l);
    return () => set.delete(l);
  }

  call<M extends keyof Remote & string>(method: M, params: Remote[M][0]): Promise<Remote[M][1]> {
    const id = this.nextId++;
    return new Promise<Remote[M][1]>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      try {
        this.post({ kind: 'call', id, method, params });
      } catch (error) {
        this.pending.delete(id);
        reject(this.toError(error));
      }
    });
  }

  notify<T extends keyof OutNotices & string>(topic: T, payload: OutNotices[T]): void {
    this.post({ kind: 'notice', topic, payload });
  }

  /** Calls still waiting for their answer. */
  get waiting(): number {
    return this.pending.size;
  }

  /** The other side is gone: every call still waiting fails with `error`. */
  failAll(error: AppError): void {
    const pending = [...this.pending.values()];
    this.pending.clear();
    for (const p of pending) p.reject(error);
  }

  /** Feed every message that arrives from the other side here; anything that is not ours is ignored. */
  receive(message: unknown): void {
    if (!isWire(message)) return;
    if (message.kind === 'reply') {
      const p = this.pending.get(message.id);
      if (!p) return;
      this.pending.delete(message.id);
      if (message.ok) p.resolve(message.value);
      else p.reject(new AppError(message.error.code, message.error.message, message.error.details));
    } else if (message.kind === 'notice') {
      for (const l of this.listeners.get(message.topic) ?? []) l(message.payload);
    } else {
      void this.answer(message.id, message.method, message.params);
    }
  }

  private async answer(id: number, method: string, params: unknown): Promise<void> {
    const handler = this.handlers.get(method);
    let reply: Wire;
    try {
      if (!handler) throw new AppError('UNKNOWN_CHANNEL', 'Chức năng được yêu cầu không tồn tại.', { method: method.slice(0, 100) });
      reply = { kind: 'reply', id, ok: true, value: await handler(params) };
    } catch (error) {
      reply = { kind: 'reply', id, ok: false, error: this.toError(error).toShape() };
    }
    try {
      this.post(reply);
    } catch (error) {
      // The other side went away while we worked; its exit is handled where the process is watched.
      console.error('[BHXH Desk] rpc: could not post a reply', error);
    }
  }
}
