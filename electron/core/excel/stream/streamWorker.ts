// Worker thread entry of streamSheetRowsInWorker: reads one sheet with the in-thread reader and
// posts its batches back, at most MAX_IN_FLIGHT ahead of what the caller has taken.
import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../../../../shared/contract/result';
import { lastTimings, streamSheetRows } from './index';
import type { RowBatch, StreamWorkerAck, StreamWorkerReply, StreamWorkerRequest, WorkerTransformName } from './types';

export const MAX_IN_FLIGHT = 4;

type Transform = (batch: RowBatch) => unknown;

/** The transforms a caller can ask for (bundled with the worker: static import paths). */
const TRANSFORMS: Record<WorkerTransformName, () => Promise<(data: unknown) => Transform>> = {
  'people-stage': async () => {
    const m = await import('../../people/import/stageRows');
    return (data) => m.createStageTransform(data as Parameters<typeof m.createStageTransform>[0]);
  },
};

const port = parentPort;
if (port) {
  const { path, fileName, sheet, batchRows, transform: transformName } = workerData as StreamWorkerRequest;
  const reply = (message: StreamWorkerReply) => port.postMessage(message);
  let credits = MAX_IN_FLIGHT;
  let wake: (() => void) | null = null;
  let configuration: unknown = undefined;
  port.on('message', (message: StreamWorkerAck) => {
    if (message.type === 'configure') {
      configuration = message.data;
      return;
    }
    if (message.type !== 'ack') return;
    credits++;
    wake?.();
  });
  const run = async () => {
    try {
      const create = transformName ? await TRANSFORMS[transformName]() : null;
      let transform: Transform | null = null;
      let transformMs = 0;
      for await (const batch of streamSheetRows(path, fileName, { sheet, batchRows, onProgress: (progress) => reply({ type: 'progress', progress }) })) {
        while (credits === 0) await new Promise<void>((resolve) => (wake = resolve));
        wake = null;
        credits--;
        if (!transform && create && configuration !== undefined) transform = create(configuration);
        let transformed: unknown = undefined;
        if (transform) {
          const t = performance.now();
          transformed = transform(batch);
          transformMs += performance.now() - t;
        }
        reply({ type: 'batch', batch: transform ? { rowNumbers: [], rows: [], transformed } : batch });
      }
      const read = lastTimings();
      reply({ type: 'done', timings: read ? { ...read, transformMs } : null });
    } catch (error) {
      const shape = error instanceof AppError ? error.toShape() : { code: 'INTERNAL' as const, message: `Lỗi không mong đợi khi đọc tệp "${fileName}": ${(error as Error)?.message ?? String(error)}` };
      reply({ type: 'error', error: shape });
    }
    // The caller terminates the thread once it has the last message.
  };
  void run();
}
