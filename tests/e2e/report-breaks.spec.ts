import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReportDefinition } from '../../shared/contract';
import { expect, SCREENS, test } from './fixtures';
import { AppShell } from './pages';
import type { Page } from '@playwright/test';

/** Calls the app's API from inside the page, as its own client does (same origin, the session's token). */
async function invoke<T>(page: Page, channel: string, request: unknown): Promise<T> {
  return page.evaluate(
    async ({ channel, request }) => {
      const res = await fetch(`/api/invoke/${channel}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-BHXH-Token': sessionStorage.getItem('bhxh-token') ?? '' },
        body: JSON.stringify(request),
      });
      const body = (await res.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
      if (!body.ok) throw new Error(`${channel}: ${body.error?.message}`);
      return body.value;
    },
    { channel, request },
  ) as Promise<T>;
}

const CAPTION = 'Kết quả so với kế hoạch được giao';

/**
 * Rows of the first table printed on the page its caption is on: each row of that table has one
 * "% kế hoạch" figure.
 */
function tableStart(pdfText: string): { page: number; rows: number } {
  const pages = pdfText.split('\f');
  const index = pages.findIndex((p) => p.includes(CAPTION));
  const page = pages[index]!;
  const after = page.slice(page.indexOf(CAPTION));
  // The table ends at the next section's heading ("II. …") if that is on the same page.
  const table = after.split(/^\s*[IVX]+\.\s/m)[0]!;
  return { page: index + 1, rows: table.split('\n').filter((line) => /\d{1,3},\d{2}%/.test(line)).length };
}

test('a table never starts at the foot of a page with one or two rows, wherever the text before it ends', async ({ page, demoApp }) => {
  test.setTimeout(240_000);
  const shell = new AppShell(page);
  await shell.open(demoApp.url);
  const defaults = await invoke<ReportDefinition>(page, 'reports:defaults', { period: '2026-10' });
  const out = join(SCREENS, 'report-breaks');
  mkdirSync(out, { recursive: true });

  // A longer title pushes the first table's start down the first page, half a line at a time,
  // across the foot of the page (the default title leaves room for its caption and three rows).
  const seen: { words: number; page: number; rows: number }[] = [];
  for (let words = 0; words <= 8; words += 1) {
    const subject = `Kết quả thực hiện công tác phát triển người tham gia BHXH, BHYT${' và các nhiệm vụ trọng tâm'.repeat(words)}`;
    const definition: ReportDefinition = { ...defaults, subject };
    const saved = await invoke<{ id: number }>(page, 'reports:save', { definition });
    const preview = await invoke<{ base64: string }>(page, 'reports:pdfPreview', { id: saved.id });
    const pdf = join(out, `tieu-de-${words}.pdf`);
    writeFileSync(pdf, Buffer.from(preview.base64, 'base64'));
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    seen.push({ words, ...tableStart(text) });
  }
  // The sweep crossed the foot of a page (the table started on two different pages), and the
  // table never started with one or two rows.
  expect(new Set(seen.map((s) => s.page)).size, JSON.stringify(seen)).toBeGreaterThan(1);
  expect(seen.filter((s) => s.rows < 3), JSON.stringify(seen)).toEqual([]);
});
