import { basename } from 'node:path';
import { AppError } from '../../shared/contract/result';
import type { AppCore } from '../core/app/appCore';
import { toAppError } from '../core/app/errors';
import type { ReportPrinter } from '../core/reports/printer';
import { asBuffer, exactBytes, type CoreMethods, type CoreNotices, type MainMethods, type MainNotices } from './protocol';
import { RpcPeer } from './rpc';
import type { HostTransport } from './transport';

export type HostPeer = RpcPeer<CoreMethods, MainMethods, MainNotices, CoreNotices>;
export type HostedCore = Pick<AppCore, 'dispatch' | 'files' | 'downloads' | 'events' | 'setReportPrinter' | 'close'>;

/**
 * Serves an open AppCore to main over `transport`: contract calls, picked files, export bytes
 * and events one way; print requests the other way (only main has windows to print with).
 * `exit` runs once the database is closed after main said shutdown.
 */
export function serveCore(core: HostedCore, transport: HostTransport, exit: (code: number) => void): HostPeer {
  const peer: HostPeer = new RpcPeer(transport.post, (error) => toAppError(error, { location: 'đang dùng' }));

  peer.handle('dispatch', ({ channel, request }) => core.dispatch(channel, request));
  peer.handle('registerPath', ({ path }) => {
    try {
      return core.files.registerPath(path);
    } catch {
      throw new AppError(
        'NOT_FOUND',
        `Không mở được tệp "${basename(path)}": tệp không còn ở đó hoặc không có quyền đọc. Hãy chọn lại tệp.`,
      );
    }
  });
  peer.handle('takeDownload', ({ token }) => {
    const { fileName, bytes } = core.downloads.take(token);
    return { fileName, bytes: exactBytes(bytes) };
  });

  const unsubscribe = core.events.subscribe((event) => peer.notify('event', event));
  core.setReportPrinter(mainPrinter(peer));

  let closing: Promise<void> | null = null;
  const shutdown = () => {
    closing ??= (async () => {
      unsubscribe();
      core.setReportPrinter(null);
      try {
        await core.close();
      } finally {
        exit(0);
      }
    })();
    return closing;
  };
  peer.on('shutdown', () => void shutdown());
  // Without a parent nobody can reach this core: close the database cleanly rather than linger.
  transport.onClose(() => void shutdown());
  // Last: what main sent while the database was opening (a shutdown, say) is delivered now, to the handlers above.
  transport.onMessage((message) => peer.receive(message));
  return peer;
}

/** The ReportPrinter core uses in Electron: each page is rendered by main in a hidden window. */
export function mainPrinter(peer: HostPeer): ReportPrinter {
  return {
    pdf: async (reportId) => asBuffer(await peer.call('printPdf', { reportId })),
    print: (reportId) => peer.call('printDialog', { reportId }),
  };
}
