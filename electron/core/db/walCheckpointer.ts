import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

export type CheckpointRequest = { type: 'checkpoint'; id: number } | { type: 'backup'; id: number; file: string } | { type: 'close' };
export type CheckpointReply = { type: 'done'; id: number; log: number; checkpointed: number } | { type: 'failed'; id: number; message: string; code?: string };

/** A backup the side connection could not write: the system's error code (ENOSPC…) kept for the message. */
export class SideBackupError extends Error {
  constructor(message: string, readonly code: string | undefined) {
    super(message);
  }
}

/** checkpointWorker.cjs: beside the bundle (core-host.cjs) in the build, beside this file otherwise. */
function checkpointWorkerFile(): string {
  const bundled = typeof __filename === 'string' && __filename.endsWith('.cjs') ? join(dirname(__filename), 'checkpointWorker.cjs') : null;
  if (bundled && existsSync(bundled)) return bundled;
  return join(dirname(fileURLToPath(import.meta.url)), 'checkpointWorker.cjs');
}

/**
 * A worker thread with its own connection that checkpoints the WAL on request. A commit of a
 * million people leaves ~450 MB in the log; SQLite's automatic checkpoint would copy it into the
 * file on the committing (the core's) thread before the commit returns (~1–1,5 s). Started on the
 * first request only: most sessions never write that much at once. It also takes a backup while
 * the core's connection writes (see backup).
 */
export class WalCheckpointer {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, (reply: CheckpointReply | null) => void>();
  private last: Promise<void> = Promise.resolve();
  private exited: Promise<void> | null = null;

  constructor(private readonly file: string) {}

  /** Asks for a checkpoint; resolves when it has run (a failure is left for the next checkpoint to catch up). */
  request(): Promise<void> {
    this.last = this.ask((id) => ({ type: 'checkpoint', id })).then(() => undefined);
    return this.last;
  }

  /**
   * Copies the database, as last committed, into `file` on this thread's connection (SQLite's
   * backup API). A writer on the core's connection may go on meanwhile: what it has not
   * committed is not in the copy, so a commit that waits for this before it ends has a backup
   * of the state before it, taken while it wrote. Rejects with SideBackupError.
   */
  async backup(file: string): Promise<void> {
    const reply = await this.ask((id) => ({ type: 'backup', id, file }));
    if (!reply) throw new SideBackupError('the side connection ended before the backup was written', undefined);
    if (reply.type === 'failed') throw new SideBackupError(reply.message, reply.code);
  }

  private ask(request: (id: number) => CheckpointRequest): Promise<CheckpointReply | null> {
    const worker = this.start();
    const id = this.nextId++;
    // Kept alive while a request runs (a CLI run waits for it before exiting), let go when none does.
    worker.ref();
    return new Promise<CheckpointReply | null>((resolve) => {
      this.pending.set(id, resolve);
      worker.postMessage(request(id));
    });
  }

  /** Resolves once every checkpoint asked for so far has run (the worker runs them in order). */
  idle(): Promise<void> {
    return this.last;
  }

  /** Closes the worker's connection (before the file is closed, replaced or deleted). */
  async close(): Promise<void> {
    const worker = this.worker;
    if (!worker) return;
    this.worker = null;
    worker.ref();
    worker.postMessage({ type: 'close' } satisfies CheckpointRequest);
    await this.exited;
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    // A connection and a pragma: a small heap is plenty (the peak memory of a big import counts it).
    const worker = new Worker(checkpointWorkerFile(), { workerData: { file: this.file }, stdout: false, stderr: false, resourceLimits: { maxYoungGenerationSizeMb: 4, maxOldGenerationSizeMb: 64 } });
    worker.on('message', (reply: CheckpointReply) => {
      const resolve = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      if (this.pending.size === 0) worker.unref();
      resolve?.(reply);
    });
    // A worker that fails to start, dies or ends must not hold anyone waiting; the app's own
    // checkpoints go on, and the next request starts a new one.
    const letGo = () => {
      for (const resolve of this.pending.values()) resolve(null);
      this.pending.clear();
      if (this.worker === worker) this.worker = null;
    };
    this.exited = new Promise<void>((resolve) =>
      worker.once('exit', () => {
        letGo();
        resolve();
      }),
    );
    worker.on('error', letGo);
    worker.unref();
    this.worker = worker;
    return worker;
  }
}
