import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { AppError } from '../../shared/contract';
import { openAppCore } from '../core/app/appCore';
import { defaultDataDir } from '../core/app/dataDir';
import { attachChromiumPrinter } from './chromiumPrinter';
import { startWebServer } from './server';

/** Browser mode entry: `npm run dev:web -- [--data-dir DIR] [--port N] [--open] [--database URL]`. */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { 'data-dir': { type: 'string' }, port: { type: 'string' }, open: { type: 'boolean' }, database: { type: 'string' } },
  });
  const dataDir = values['data-dir'] ?? defaultDataDir();
  const core = await openAppCore({ dataDir, mode: 'browser', databaseUrl: values.database, databaseEnv: process.env.BHXH_DATABASE_URL });
  const staticDir = fileURLToPath(new URL('../../out/renderer', import.meta.url));
  const server = await startWebServer({ core, staticDir, port: values.port ? Number(values.port) : 0 });
  const printer = attachChromiumPrinter(core, server);
  console.log(`BHXH Desk: ${server.url}`);
  console.log(core.engine === 'postgres' ? `Cơ sở dữ liệu: máy chủ PostgreSQL (${(await core.invoke('app:info', {})).dbFile})` : `Thư mục dữ liệu: ${dataDir}`);
  if (values.open) openBrowser(server.url);
  const stop = async () => {
    await printer?.close?.();
    await server.close();
    await core.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

function openBrowser(url: string): void {
  const command = process.platform === 'win32' ? 'cmd' : process.platform === 'darwin' ? 'open' : 'xdg-open';
  const args = process.platform === 'win32' ? ['/c', 'start', '""', url] : [url];
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return;
  try {
    spawn(command, args, { detached: true, stdio: 'ignore' }).on('error', () => undefined).unref();
  } catch {
    // No default browser: the URL is printed above.
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof AppError ? error.message : `Lỗi: ${(error as Error).message}`);
  process.exit(1);
});
