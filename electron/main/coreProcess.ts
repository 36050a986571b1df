// No 'electron' import: main hands in utilityProcess.fork, tests a child_process.fork.
import { AppError, type AppErrorShape, type Result } from '../../shared/contract/result';
import type { AppEvent, ProgressEvent } from '../../shared/contract/events';
import { asBuffer, exactBytes, type CoreMethods, type CoreNotices, type MainMethods, type MainNotices } from '../core-host/protocol';
import { RpcPeer } from '../core-host/rpc';
import type { IpcCore } from './ipc';

/** The slice of Electron's UtilityProcess used here. */
export interface CoreChild {
  readonly pid?: number | undefined;
  postMessage(message: unknown): void;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  kill(): boolean;
}

/** What main prints with (a hidden BrowserWindow), for the core process to ask for. */
export interface MainPrinter {
  pdf(reportId: number): Promise<Uint8Array>;
  print?(reportId: number): Promise<boolean>;
}

export interface CoreProcessOptions {
  fork(): CoreChild;
  printer: MainPrinter;
  /** A core that was serving died; it is being restarted (for the log). */
  onCrash?(code: number): void;
  /** Automatic restarts are used up; main asks the user (see `restart`). */
  onGiveUp?(detail: string): void;
  /** Automatic restarts stop at this many crashes within `crashWindowMs`. */
  maxCrashes?: number;
  crashWindowMs?: number;
  /** How long a clean shutdown may take before the process is killed. */
  stopTimeoutMs?: number;
  now?(): number;
}

type State = 'idle' | 'starting' | 'running' | 'failed' | 'stopping' | 'stopped';
type MainPeer = RpcPeer<MainMethods, CoreMethods, CoreNotices, MainNotices>;

export const CORE_CRASHED_MESSAGE =
  'Bộ xử lý dữ liệu của BHXH Desk dừng đột ngột nên thao tác này chưa hoàn tất; phần đang ghi dở không được lưu. Ứng dụng đang khởi động lại bộ xử lý; hãy thử lại sau giây lát.';
export const CORE_FAILED_MESSAGE =
  'Bộ xử lý dữ liệu của BHXH Desk đã dừng đột ngột nhiều lần và chưa chạy lại. Hãy chọn "Khởi động lại" trong hộp thoại, hoặc đóng rồi mở lại ứng dụng.';
export const CORE_STOPPING_MESSAGE = 'BHXH Desk đang đóng; thao tác này không được thực hiện.';

function exitedError(code: number): AppError {
  return new AppError('UNAVAILABLE', `Bộ xử lý dữ liệu của BHXH Desk dừng ngay khi khởi động (mã thoát ${code}).`, { exitCode: code });
}

function positiveId(reportId: unknown): number {
  if (typeof reportId !== 'number' || !Number.isInteger(reportId) || reportId <= 0)
    throw new AppError('VALIDATION', 'Mã báo cáo cần in không hợp lệ.');
  return reportId;
}

/**
 * Main's handle on the core process: the IpcCore the IPC bridge forwards to, and the process's
 * life. A core that dies is restarted (calls waiting on it fail with a Vietnamese message, and the
 * window is told to reload its data); after `maxCrashes` in `crashWindowMs` main asks the user.
 */
export class CoreProcess implements IpcCore {
  private state: State = 'idle';
  private child: CoreChild | null = null;
  private peer: MainPeer | null = null;
  private starting: Promise<void> | null = null;
  private crashes: number[] = [];
  private lastExitCode = 0;
  private readonly listeners = new Set<(event: AppEvent) => void>();
  /** Progress the window is showing: cleared if the core dies mid-task. */
  private readonly openTasks = new Map<string, ProgressEvent>();
  private readonly now: () => number;

  readonly events = {
    subscribe: (listener: (event: AppEvent) => void) => {
      this.listeners.add(listener);
      return () => void this.listeners.delete(listener);
    },
  };
  readonly files = { registerPath: (path: string) => this.call('registerPath', { path }) };
  readonly downloads = {
    take: async (token: string) => {
      const { fileName, bytes } = await this.call('takeDownload', { token });
      return { fileName, bytes: asBuffer(bytes) };
    },
  };

  constructor(private readonly options: CoreProcessOptions) {
    this.now = options.now ?? (() => performance.now());
  }

  /** The running core's process id (null while none runs). */
  get pid(): number | null {
    return this.state === 'running' ? (this.child?.pid ?? null) : null;
  }

  get status(): State {
    return this.state;
  }

  /** The first start: resolves once the database is open; rejects (no restart) if it cannot be. */
  async start(): Promise<void> {
    this.state = 'starting';
    this.starting = this.launch();
    try {
      await this.starting;
    } catch (error) {
      if (this.state === 'starting') this.state = 'failed';
      throw error;
    }
  }

  /** A fresh start after the automatic ones were used up (the user chose "Khởi động lại"). */
  restart(): Promise<void> {
    this.crashes = [];
    return this.relaunch();
  }

  async dispatch(channel: string, request: unknown): Promise<Result<unknown>> {
    try {
      return await this.call('dispatch', { channel, request });
    } catch (error) {
      return { ok: false, error: shapeOf(error) };
    }
  }

  /** Asks the core to close its database (releasing the data-folder lock) and waits for it to exit. */
  async stop(): Promise<void> {
    if (this.state === 'stopped') return;
    this.state = 'stopping';
    const child = this.child;
    const peer = this.peer;
    if (!child || !peer) {
      this.state = 'stopped';
      return;
    }
    const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
    peer.notify('shutdown', null);
    if (!(await settlesWithin(exited, this.options.stopTimeoutMs ?? 15_000))) {
      child.kill();
      await settlesWithin(exited, 5_000);
    }
    this.state = 'stopped';
  }

  private async call<M extends keyof CoreMethods & string>(method: M, params: CoreMethods[M][0]): Promise<CoreMethods[M][1]> {
    if (this.state === 'starting') await this.starting?.catch(() => undefined);
    const peer = this.peer;
    if (this.state !== 'running' || !peer) throw this.unavailable();
    return peer.call(method, params);
  }

  private unavailable(): AppError {
    if (this.state === 'stopping' || this.state === 'stopped') return new AppError('UNAVAILABLE', CORE_STOPPING_MESSAGE);
    return new AppError('UNAVAILABLE', CORE_FAILED_MESSAGE);
  }

  private launch(): Promise<void> {
    const child = this.options.fork();
    const peer: MainPeer = new RpcPeer((message) => child.postMessage(message));
    const printer = this.options.printer;
    peer.handle('printPdf', async ({ reportId }) => exactBytes(await printer.pdf(positiveId(reportId))));
    peer.handle('printDialog', ({ reportId }) => {
      if (!printer.print) throw new AppError('UNAVAILABLE', 'Máy này không in trực tiếp được.');
      return printer.print(positiveId(reportId));
    });
    peer.on('event', (event) => this.emit(event));
    this.child = child;
    this.peer = peer;
    return new Promise<void>((resolve, reject) => {
      let settled = false;
      // Reported once the process is gone: until then it may still hold the data-folder lock.
      let failure: AppError | null = null;
      peer.on('ready', () => {
        settled = true;
        if (this.state === 'starting') this.state = 'running';
        resolve();
      });
      peer.on('startFailed', (error) => (failure = new AppError(error.code, error.message, error.details)));
      child.on('message', (message) => peer.receive(message));
      child.on('exit', (code) => {
        this.exited(child, peer, code);
        if (!settled) reject(failure ?? exitedError(code));
        settled = true;
      });
    });
  }

  private exited(child: CoreChild, peer: MainPeer, code: number): void {
    if (this.child !== child) return;
    this.child = null;
    this.peer = null;
    this.lastExitCode = code;
    peer.failAll(new AppError('UNAVAILABLE', this.state === 'stopping' ? CORE_STOPPING_MESSAGE : CORE_CRASHED_MESSAGE, { exitCode: code }));
    this.clearTasks();
    if (this.state === 'stopping' || this.state === 'stopped') {
      this.state = 'stopped';
      return;
    }
    // A core that was serving died; one that dies while starting fails its own launch.
    if (this.state !== 'running') return;
    this.state = 'starting';
    this.options.onCrash?.(code);
    if (this.noteCrash()) void this.relaunch();
    else this.giveUp();
  }

  private relaunch(): Promise<void> {
    this.state = 'starting';
    const attempt = async (): Promise<void> => {
      for (;;) {
        try {
          await this.launch();
          // Whatever the window shows may predate the crash.
          this.emit({ type: 'data-changed', area: 'all' });
          return;
        } catch (error) {
          if (this.state !== 'starting') throw error;
          if (!this.noteCrash()) {
            this.giveUp();
            throw this.unavailable();
          }
        }
      }
    };
    this.starting = attempt();
    this.starting.catch(() => undefined);
    return this.starting;
  }

  /** Records a crash; whether another automatic start is allowed. */
  private noteCrash(): boolean {
    const t = this.now();
    const window = this.options.crashWindowMs ?? 60_000;
    this.crashes = [...this.crashes.filter((c) => t - c < window), t];
    return this.crashes.length < (this.options.maxCrashes ?? 3);
  }

  private giveUp(): void {
    this.state = 'failed';
    const minutes = Math.round((this.options.crashWindowMs ?? 60_000) / 60_000);
    this.options.onGiveUp?.(
      `Bộ xử lý dữ liệu đã dừng đột ngột ${this.crashes.length} lần trong ${minutes} phút (lần cuối: mã thoát ${this.lastExitCode}). ` +
        'Dữ liệu đã lưu không bị ảnh hưởng; phần đang ghi dở không được lưu. Hãy khởi động lại; nếu vẫn lỗi, hãy thoát và báo cho bộ phận hỗ trợ.',
    );
  }

  private emit(event: AppEvent): void {
    if (event.type === 'progress') {
      if (event.total > 0 && event.done >= event.total) this.openTasks.delete(event.taskId);
      else this.openTasks.set(event.taskId, event);
    }
    for (const listener of this.listeners) listener(event);
  }

  /** Tells the window that tasks of a dead core are over (the failed call says why). */
  private clearTasks(): void {
    const tasks = [...this.openTasks.values()];
    for (const task of tasks) this.emit({ ...task, done: Math.max(task.total, 1), total: Math.max(task.total, 1) });
  }
}

function shapeOf(error: unknown): AppErrorShape {
  if (error instanceof AppError) return error.toShape();
  console.error('[BHXH Desk] core process:', error);
  return { code: 'INTERNAL', message: 'Lỗi không mong đợi khi chuyển yêu cầu tới bộ xử lý dữ liệu; thao tác chưa hoàn tất. Hãy thử lại.' };
}

async function settlesWithin(promise: Promise<void>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  try {
    return await Promise.race([promise.then(() => true), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
