// The core process of the desktop app: Electron's main starts this file with utilityProcess.fork
// (bundled as out/electron/core-host.cjs), so SQLite work, imports and exports never hold up the
// window. Plain Node: it never imports 'electron', and runs just as well under child_process.fork.
import { parseArgs } from 'node:util';
import { AppError } from '../../shared/contract/result';
import { openAppCore } from '../core/app/appCore';
import { toAppError } from '../core/app/errors';
import { serveCore } from './host';
import type { CoreNotices } from './protocol';
import { detectTransport } from './transport';

async function main(): Promise<void> {
  const transport = detectTransport();
  const { values } = parseArgs({ options: { 'data-dir': { type: 'string' }, database: { type: 'string' } }, strict: false });
  const dataDir = values['data-dir'];
  const notice = <T extends keyof CoreNotices>(topic: T, payload: CoreNotices[T]) => transport.post({ kind: 'notice', topic, payload });
  try {
    if (typeof dataDir !== 'string' || dataDir === '')
      throw new AppError('INTERNAL', 'Bộ xử lý dữ liệu được khởi động mà không có thư mục dữ liệu.');
    const databaseUrl = typeof values.database === 'string' ? values.database : null;
    const core = await openAppCore({ dataDir, mode: 'electron', databaseUrl, databaseEnv: process.env.BHXH_DATABASE_URL });
    serveCore(core, transport, (code) => process.exit(code));
    notice('ready', { pid: process.pid });
  } catch (error) {
    notice('startFailed', toAppError(error, { location: 'đang dùng' }).toShape());
    // Give the message time to leave before the process goes.
    setTimeout(() => process.exit(1), 200);
  }
}

void main();
