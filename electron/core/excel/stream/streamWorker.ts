// Worker thread entry of streamSheetRowsInWorker: reads one sheet with the in-thread reader and
// posts its batches back, at most MAX_IN_FLIGHT ahead of what the caller has taken.
import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../../../../shared/contract/result';
import { lastTimings, streamSheetRows } from './index';
import type { StreamWorkerAck, StreamWorkerReply, StreamWorkerRequest } from './types';

export const MAX_IN_FLIGHT = 4;

const port = parentPort;
if (port) {
  const { path, fileName, sheet, batchRows } = workerData as StreamWorkerRequest;
  const reply = (message: StreamWorkerReply) => port.postMessage(message);
  let credits = MAX_IN_FLIGHT;
  let wake: (() => void) | null = null;
  port.on('message', (message: StreamWorkerAck) => {
    if (message.type !== 'ack') return;
    credits++;
    wake?.();
  });
  const run = async () => {
    try {
      for await (const batch of streamSheetRows(path, fileName, { sheet, batchRows, onProgress: (progress) => reply({ type: 'progress', progress }) })) {
        while (credits === 0) await new Promise<void>((resolve) => (wake = resolve));
        wake = null;
        credits--;
        reply({ type: 'batch', batch });
      }
      reply({ type: 'done', timings: lastTimings() });
    } catch (error) {
      const shape = error instanceof AppError ? error.toShape() : { code: 'INTERNAL' as const, message: `Lỗi không mong đợi khi đọc tệp "${fileName}": ${(error as Error)?.message ?? String(error)}` };
      reply({ type: 'error', error: shape });
    }
    // The caller terminates the thread once it has the last message.
  };
  void run();
}
