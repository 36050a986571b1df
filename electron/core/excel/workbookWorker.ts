// Worker thread entry: parses one spreadsheet so a slow or hostile file never blocks the thread
// that answers the UI, and can be stopped (terminate) or starved (resourceLimits) safely.
import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../../../shared/contract/result';
import { parseUnitWorkbook, UnitSheetNotFound } from '../units/importParse';
import { parseWorkbook } from './readWorkbook';
import type { UnitListRead, WorkerReply, WorkerRequest } from './workerProtocol';

const port = parentPort;
if (port) {
  const { bytes, fileName, task = 'workbook' } = workerData as WorkerRequest;
  const reply = (message: WorkerReply) => port.postMessage(message);
  try {
    const workbook = parseWorkbook(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), fileName, (stage) => reply({ type: 'progress', ...stage }));
    if (task === 'unitList') reply({ type: 'unitList', read: unitList(workbook) });
    else reply({ type: 'done', workbook });
  } catch (error) {
    const shape = error instanceof AppError ? error.toShape() : { code: 'INTERNAL' as const, message: `Lỗi không mong đợi khi đọc tệp "${fileName}": ${(error as Error)?.message ?? String(error)}` };
    reply({ type: 'error', error: shape });
  }
}

function unitList(workbook: ReturnType<typeof parseWorkbook>): UnitListRead {
  try {
    const parsed = parseUnitWorkbook(workbook);
    const sheet = workbook.sheets.find((s) => s.name === parsed.sheet);
    return { found: true, parsed, totalRows: sheet?.totalRows ?? null };
  } catch (error) {
    if (!(error instanceof UnitSheetNotFound)) throw error;
    return { found: false, sheets: workbook.sheets.map((s) => s.name), empty: workbook.sheets.every((s) => s.rows.length === 0) };
  }
}
