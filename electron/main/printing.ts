import { BrowserWindow } from 'electron';
import { AppError } from '../../shared/contract';
import { PRINT_TIMEOUT_MS, printPagePath, type ReportPrinter } from '../core/reports/printer';
import { APP_ORIGIN, buildWindowOptions } from './security';

const POLL_MS = 100;

/**
 * Electron prints the same print page browser mode prints, in a hidden window with the
 * hardened preferences of the main one: printToPDF for files, print() for the system dialog.
 */
export function createElectronPrinter(preloadPath: string): ReportPrinter {
  async function open(reportId: number): Promise<BrowserWindow> {
    const win = new BrowserWindow({ ...buildWindowOptions({ preloadPath, state: { width: 1100, height: 1400, maximized: false } }), show: false });
    await win.loadURL(`${APP_ORIGIN}/${printPagePath(reportId)}`);
    const started = Date.now();
    for (;;) {
      const state = (await win.webContents.executeJavaScript(
        'JSON.stringify({ ready: document.documentElement.dataset.reportReady ?? null, error: document.documentElement.dataset.reportError ?? null })',
      )) as string;
      const { ready, error } = JSON.parse(state) as { ready: string | null; error: string | null };
      if (error) {
        win.destroy();
        throw new AppError('INTERNAL', `Trang in báo cáo báo lỗi: ${error}`);
      }
      if (ready === '1') return win;
      if (Date.now() - started > PRINT_TIMEOUT_MS) {
        win.destroy();
        throw new AppError('INTERNAL', 'Trang in báo cáo không sẵn sàng sau 60 giây.');
      }
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
  }
  return {
    async pdf(reportId) {
      const win = await open(reportId);
      try {
        return await win.webContents.printToPDF({ preferCSSPageSize: true, printBackground: true });
      } finally {
        win.destroy();
      }
    },
    async print(reportId) {
      const win = await open(reportId);
      return new Promise<boolean>((resolve) => {
        win.webContents.print({ silent: false, printBackground: true }, (success) => {
          win.destroy();
          resolve(success);
        });
      });
    },
  };
}
