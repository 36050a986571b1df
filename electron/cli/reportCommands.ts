import { existsSync, writeFileSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ReportDefinition, ReportSort } from '../../shared/contract';
import { formatBytes } from '../../shared/format/vi';
import type { AppCore } from '../core/app/appCore';
import { pdfPageCount } from '../core/reports/outputs';
import { attachChromiumPrinter } from '../web/chromiumPrinter';
import { startWebServer } from '../web/server';
import type { CliIo } from './commands';
import { CliFailure } from './output';

const SORTS: ReportSort[] = ['progress-desc', 'progress-asc', 'actual-desc', 'name', 'code'];

export interface ReportFlags {
  /** YYYY-MM, checked by the command line. */
  period: string;
  scope?: string;
  out: string;
  sections?: string;
  sort?: string;
  groupBy?: string;
}

/**
 * `report --period YYYY-MM [--scope MÃ] --out tệp.pdf|tệp.xlsx`: builds the report with the
 * default sections (or --sections), saves it like the app does, and writes the file.
 */
export async function report(core: AppCore, io: CliIo, flags: ReportFlags): Promise<number> {
  const format = extname(flags.out).toLowerCase();
  if (format !== '.pdf' && format !== '.xlsx') throw new CliFailure(`Tệp --out phải có đuôi .pdf hoặc .xlsx (đang là "${flags.out}").`, 2);
  if (flags.sort && !SORTS.includes(flags.sort as ReportSort)) throw new CliFailure(`--sort "${flags.sort}" không hợp lệ (${SORTS.join(', ')}).`, 2);
  if (flags.groupBy && flags.groupBy !== 'unit' && flags.groupBy !== 'office') throw new CliFailure('--group-by chỉ nhận unit hoặc office.', 2);

  const defaults = await core.invoke('reports:defaults', { period: flags.period, scopeCode: flags.scope ?? null });
  const definition: ReportDefinition = {
    ...defaults,
    sort: (flags.sort as ReportSort | undefined) ?? defaults.sort,
    groupBy: (flags.groupBy as ReportDefinition['groupBy'] | undefined) ?? defaults.groupBy,
    sections: flags.sections ? flags.sections.split(',').map((id) => ({ id: id.trim() })).filter((s) => s.id) : defaults.sections,
  };
  const saved = await core.invoke('reports:save', { definition });
  const bytes = format === '.pdf' ? await printPdf(core, saved.id) : await excel(core, saved.id);
  const file = resolve(flags.out);
  writeFileSync(file, bytes);
  const pages = format === '.pdf' ? pdfPageCount(bytes) : null;
  if (io.json) {
    io.out(JSON.stringify({ status: 'written', reportId: saved.id, file, format: format.slice(1), bytes: bytes.length, pages, period: saved.document.month, scope: saved.document.scopeName, isDemo: saved.document.isDemo }, null, 2));
  } else {
    io.out(`Đã lưu báo cáo số ${saved.id}: ${saved.document.header.subtitle}.`);
    io.out(`Đã ghi ${file} (${pages !== null ? `${pages} trang, ` : ''}${formatBytes(bytes.length)}).`);
  }
  return 0;
}

async function excel(core: AppCore, id: number): Promise<Buffer> {
  const ref = await core.invoke('reports:excel', { id });
  return core.downloads.take(ref.token).bytes;
}

/** The print page needs the renderer build and a loopback server, exactly as browser mode. */
async function printPdf(core: AppCore, id: number): Promise<Buffer> {
  const staticDir = fileURLToPath(new URL('../../out/renderer', import.meta.url));
  if (!existsSync(staticDir)) throw new CliFailure('Chưa có bản dựng giao diện để in PDF: hãy chạy "npm run build:renderer" trước.', 1);
  const server = await startWebServer({ core, staticDir });
  const printer = attachChromiumPrinter(core, server);
  try {
    if (!printer) throw new CliFailure('Không tìm thấy Chromium, Google Chrome hoặc Microsoft Edge để in PDF (đặt biến BHXH_CHROMIUM trỏ tới tệp chạy của trình duyệt).', 1);
    const ref = await core.invoke('reports:pdf', { id });
    return core.downloads.take(ref.token).bytes;
  } finally {
    await printer?.close?.();
    core.setReportPrinter(null);
    await server.close();
  }
}
