// Steering-committee report: build, save and PDF through headless Chromium (issue 5: a 10-page PDF under 3 s).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ReportDefinition, SavedReport } from '../../shared/contract';
import { pdfPageCount } from '../../electron/core/reports/outputs';
import { attachChromiumPrinter } from '../../electron/web/chromiumPrinter';
import { startWebServer } from '../../electron/web/server';
import type { BenchEnv } from './env';

export async function benchReports(env: BenchEnv): Promise<void> {
  const { log, note } = env;
  const staticDir = fileURLToPath(new URL('../../out/renderer', import.meta.url));
  const core = await env.open('reports', { now: () => new Date('2026-11-26T09:00:00') });
  const demo = await core.dispatch('demo:load', {});
  if (!demo.ok) throw new Error(demo.error.message);
  const defaults = await core.dispatch('reports:defaults', {});
  if (!defaults.ok) throw new Error(defaults.error.message);
  // Four indicators in the table by unit: about ten A4 pages on the demo province.
  const definition: ReportDefinition = { ...(defaults.value as ReportDefinition), indicatorCodes: ['BHXH_TN', 'BHYT_HGD', 'BHXH_BB', 'BHYT'] };
  let t = performance.now();
  const built = await core.dispatch('reports:build', { definition });
  log('reports:build (8 sections, 4 indicators, 16 communes)', performance.now() - t);
  if (!built.ok) throw new Error(built.error.message);
  t = performance.now();
  const saved = await core.dispatch('reports:save', { definition });
  log('reports:save (build + store the document)', performance.now() - t);
  if (!saved.ok) throw new Error(saved.error.message);
  const id = (saved.value as SavedReport).id;
  t = performance.now();
  const excel = await core.dispatch('reports:excel', { id });
  log('reports:excel (workbook of every table)', performance.now() - t);
  if (!excel.ok) throw new Error(excel.error.message);

  if (!existsSync(staticDir)) {
    note('PDF: skipped — out/renderer is missing (npm run build:renderer).');
    await core.close();
    return;
  }
  const server = await startWebServer({ core, staticDir });
  const printer = attachChromiumPrinter(core, server);
  if (!printer) {
    note('PDF: skipped — no Chromium/Chrome/Edge found.');
  } else {
    const pdf = async () => {
      const r = await core.dispatch('reports:pdf', { id });
      if (!r.ok) throw new Error(r.error.message);
      return core.downloads.take((r.value as { token: string }).token).bytes;
    };
    t = performance.now();
    const first = await pdf();
    log('reports:pdf first (launches Chromium)', performance.now() - t);
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      t = performance.now();
      await pdf();
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    log(`reports:pdf warm, median of 5 (${pdfPageCount(first)} pages)`, times[2]!);
    log('reports:pdf warm, worst of 5', times[4]!);
    await printer.close?.();
  }
  await server.close();
  await core.close();
}
