import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { attachChromiumPrinter, findChromium } from '../../electron/web/chromiumPrinter';
import { startWebServer } from '../../electron/web/server';
import { call, openTestCore, TEST_ENGINE } from '../helpers/core';

const staticDir = fileURLToPath(new URL('../../out/renderer', import.meta.url));

function pdfText(base64: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'bhxh-pdf-')), 'r.pdf');
  writeFileSync(file, Buffer.from(base64, 'base64'));
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

/**
 * The printer keeps its pages between prints (a new tab costs ~0,4 s): each print must still be
 * a fresh document of the report asked for, even when the same page printed another just before.
 */
describe(`the headless report printer (${TEST_ENGINE})`, () => {
  it('prints each report as itself when pages are reused, alternating between two reports', { timeout: 120_000 }, async () => {
    expect(findChromium(), 'Chromium (/usr/bin/chromium) is needed to print').not.toBeNull();
    const core = await openTestCore({ now: () => new Date('2026-11-26T09:00:00') });
    await call(core, 'demo:load', {});
    const server = await startWebServer({ core, staticDir });
    const printer = attachChromiumPrinter(core, server)!;
    try {
      const ids: Record<string, number> = {};
      for (const period of ['2026-09', '2026-10']) {
        const definition = await call(core, 'reports:defaults', { period });
        ids[period] = (await call(core, 'reports:save', { definition })).id;
      }
      for (const period of ['2026-09', '2026-10', '2026-09', '2026-10']) {
        const preview = await call(core, 'reports:pdfPreview', { id: ids[period]! });
        const text = pdfText(preview.base64);
        const other = period === '2026-09' ? '10' : '09';
        expect(text).toContain(`Số liệu tính đến ngày 25/${period.slice(5)}/2026`);
        expect(text).not.toContain(`25/${other}/2026`);
      }
    } finally {
      await printer.close?.();
      await server.close();
      await core.close();
    }
  });
});
