// Worker thread entry: parses one spreadsheet so a slow or hostile file never blocks the thread
// that answers the UI, and can be stopped (terminate) or starved (resourceLimits) safely.
import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../../../shared/contract/result';
import { parseWorkbook } from './readWorkbook';
import type { WorkerReply, WorkerRequest } from './workerProtocol';

const port = parentPort;
if (port) {
  const { bytes, fileName } = workerData as WorkerRequest;
  const reply = (message: WorkerReply) => port.postMessage(message);
  try {
    const workbook = parseWorkbook(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), fileName, (stage) => reply({ type: 'progress', ...stage }));
    reply({ type: 'done', workbook });
  } catch (error) {
    const shape = error instanceof AppError ? error.toShape() : { code: 'INTERNAL' as const, message: `Lỗi không mong đợi khi đọc tệp "${fileName}": ${(error as Error)?.message ?? String(error)}` };
    reply({ type: 'error', error: shape });
  }
}
