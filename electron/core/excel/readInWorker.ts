import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { AppError } from '../../../shared/contract/result';
import { checkBeforeParse, type ReadProgress, type WorkbookData } from './readWorkbook';
import type { WorkerReply, WorkerRequest } from './workerProtocol';

/**
 * Heap ceiling of one parse. The zip checks refuse declared bombs; this catches what slips past
 * them (a lying directory, a huge shared-strings table) without taking the app down with it.
 */
export const WORKER_LIMITS = { maxOldGenerationSizeMb: 768, maxYoungGenerationSizeMb: 64, stackSizeMb: 8 };

/**
 * Where the worker's code is. Under tsx/vitest this module is TypeScript source beside
 * workbookWorker.ts, which the worker loads through tsx; in the esbuild bundle (core-host.cjs, the core process) the
 * worker is its own entry, workbookWorker.cjs, in the same folder.
 */
export function workerEntry(): { file: string; execArgv: string[] } {
  const bundled = typeof __filename === 'string' && __filename.endsWith('.cjs') ? join(dirname(__filename), 'workbookWorker.cjs') : null;
  if (bundled && existsSync(bundled)) return { file: bundled, execArgv: [] };
  const source = join(dirname(fileURLToPath(import.meta.url)), 'workbookWorker.ts');
  return { file: source, execArgv: ['--import', 'tsx'] };
}

export interface ReadOptions {
  onProgress?: ReadProgress;
  signal?: AbortSignal;
  /** Heap limits; tests starve the worker with tiny ones. */
  limits?: typeof WORKER_LIMITS;
}

/** The error a cancelled read ends with; nothing has been written when it is thrown. */
export function cancelledError(fileName: string): AppError {
  return new AppError('CANCELLED', `Đã hủy việc đọc tệp "${fileName}". Chưa có gì thay đổi trong cơ sở dữ liệu.`, { file: fileName });
}

/**
 * Checks the file, then parses it in a worker thread with a bounded heap. Aborting the signal
 * terminates the worker and rejects with CANCELLED.
 */
export function readWorkbookInWorker(bytes: Uint8Array, fileName: string, options: ReadOptions = {}): Promise<WorkbookData> {
  return runWorker(bytes, fileName, options, (message) => (message.type === 'done' ? message.workbook : undefined));
}

function runWorker<T>(bytes: Uint8Array, fileName: string, options: ReadOptions, result: (message: WorkerReply) => T | undefined): Promise<T> {
  const { signal, onProgress, limits = WORKER_LIMITS } = options;
  if (signal?.aborted) return Promise.reject(cancelledError(fileName));
  checkBeforeParse(bytes, fileName);
  // A private copy can be transferred; the caller's buffer may be a slice of Node's pool.
  const copy = new Uint8Array(bytes);
  const { file, execArgv } = workerEntry();
  const request: WorkerRequest = { bytes: copy, fileName };
  const worker = new Worker(file, { workerData: request, transferList: [copy.buffer], execArgv, resourceLimits: limits, stdout: false, stderr: false });
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      void worker.terminate();
      outcome();
    };
    const onAbort = () => finish(() => reject(cancelledError(fileName)));
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.on('message', (message: WorkerReply) => {
      if (settled) return;
      if (message.type === 'progress') return onProgress?.(message);
      if (message.type === 'error') return finish(() => reject(new AppError(message.error.code, message.error.message, message.error.details)));
      const value = result(message);
      if (value !== undefined) finish(() => resolve(value));
    });
    worker.on('error', (error: Error & { code?: string }) => {
      const tooBig = error.code === 'ERR_WORKER_OUT_OF_MEMORY';
      finish(() =>
        reject(
          tooBig
            ? new AppError('FILE_INVALID', `Tệp "${fileName}" cần quá nhiều bộ nhớ để đọc; không mở để bảo vệ máy.`, { file: fileName })
            : new AppError('INTERNAL', `Lỗi không mong đợi khi đọc tệp "${fileName}": ${error.message}`, { file: fileName }),
        ),
      );
    });
    worker.on('exit', (code) => finish(() => reject(new AppError('INTERNAL', `Tiến trình đọc tệp "${fileName}" dừng bất thường (mã ${code}).`, { file: fileName }))));
  });
}
