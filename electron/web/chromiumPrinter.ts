import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { AppError } from '../../shared/contract';
import type { AppCore } from '../core/app/appCore';
import { PRINT_TIMEOUT_MS, printPagePath, type ReportPrinter } from '../core/reports/printer';
import type { WebServer } from './server';

/**
 * Browser mode and the CLI print with a headless Chromium (Debian's chromium, or Edge/Chrome
 * on Windows) driven by playwright-core: the same print page Electron prints, so the PDF is
 * identical whichever way it was made.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  const fromEnv = env.BHXH_CHROMIUM ?? env.CHROME_PATH;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  const candidates =
    process.platform === 'win32'
      ? [
          join(env['ProgramFiles(x86)'] ?? 'C:\\Program Files (x86)', 'Microsoft', 'Edge', 'Application', 'msedge.exe'),
          join(env.ProgramFiles ?? 'C:\\Program Files', 'Microsoft', 'Edge', 'Application', 'msedge.exe'),
          join(env.ProgramFiles ?? 'C:\\Program Files', 'Google', 'Chrome', 'Application', 'chrome.exe'),
        ]
      : ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'];
  return candidates.find((c) => existsSync(c)) ?? null;
}

/**
 * Resolves with the page's error text (or null) the moment the print page signals. Written as
 * source text: bundlers rename or wrap functions, and this runs inside the page, not here.
 */
function waitForReadyScript(timeoutMs: number): string {
  return `new Promise((resolve, reject) => {
    const html = document.documentElement;
    const done = () => html.dataset.reportReady === '1' || html.dataset.reportError !== undefined;
    if (done()) return resolve(html.dataset.reportError ?? null);
    const observer = new MutationObserver(() => {
      if (!done()) return;
      observer.disconnect();
      resolve(html.dataset.reportError ?? null);
    });
    observer.observe(html, { attributes: true });
    setTimeout(() => reject(new Error('Trang in báo cáo không sẵn sàng sau ${timeoutMs / 1000} giây.')), ${timeoutMs});
  })`;
}

/** Pages kept open between prints (two prints at once each get their own). */
const IDLE_PAGES = 2;

export function createChromiumPrinter(options: { baseUrl: string; token: string; executablePath: string }): ReportPrinter {
  let browser: Promise<Browser> | null = null;
  const idle: Page[] = [];
  let prints = 0;
  const launch = async () => {
    const { chromium } = await import('playwright-core');
    return chromium.launch({ executablePath: options.executablePath, headless: true, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
  };
  return {
    async pdf(reportId) {
      browser ??= launch().catch((error: unknown) => {
        browser = null;
        // The browser's own words go to the log for whoever supports the machine, not to the screen.
        console.error(`In PDF: không mở được ${options.executablePath}:`, (error as Error).message);
        throw new AppError('UNAVAILABLE', `Không mở được trình duyệt để in PDF (${options.executablePath}). Hãy kiểm tra trình duyệt Edge/Chrome trên máy, hoặc đặt BHXH_CHROMIUM chỉ tới trình duyệt.`);
      });
      // A page kept from the last print saves the ~0,4 s a new tab costs; a unique query makes each
      // print a fresh document, never a same-document hop that would keep the last report's DOM.
      const page = idle.pop() ?? (await (await browser).newPage());
      let reusable = false;
      try {
        await page.goto(`${options.baseUrl}/${printPagePath(reportId)}&n=${++prints}#t=${options.token}`);
        // A MutationObserver answers the moment the page signals; Playwright's selector polling backs off to 1 s steps.
        const problem = (await page.evaluate(waitForReadyScript(PRINT_TIMEOUT_MS))) as string | null;
        if (problem) throw new AppError('INTERNAL', `Trang in báo cáo báo lỗi: ${problem}`);
        const bytes = await page.pdf({ preferCSSPageSize: true, printBackground: true });
        reusable = true;
        return bytes;
      } finally {
        if (reusable && idle.length < IDLE_PAGES) idle.push(page);
        else await page.close().catch(() => undefined);
      }
    },
    async close() {
      const open = browser;
      browser = null;
      idle.length = 0;
      if (open) await (await open).close().catch(() => undefined);
    },
  };
}

/** Gives a core served by `server` a printer, when a browser engine is on this machine. */
export function attachChromiumPrinter(core: AppCore, server: Pick<WebServer, 'port' | 'token'>): ReportPrinter | null {
  const executablePath = findChromium();
  if (!executablePath) return null;
  const printer = createChromiumPrinter({ baseUrl: `http://127.0.0.1:${server.port}`, token: server.token, executablePath });
  core.setReportPrinter(printer);
  return printer;
}
