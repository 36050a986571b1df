import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { formatCount, formatPercent } from '../../shared/format/vi';
import { expect, SCREENS, test } from './fixtures';

/**
 * The printed report end to end: the CLI saves a demo-data report and prints it through
 * headless Chromium, exactly as browser mode does; poppler reads the PDF back.
 */
test('the CLI prints the steering-committee report to an A4 PDF with the figures in vi-VN format', async ({ demoFolder }) => {
  test.setTimeout(120_000);
  const pdf = join(demoFolder.dataDir, 'bao-cao.pdf');
  const written = JSON.parse(demoFolder.cli('report', '--period', '2026-10', '--out', pdf, '--json')) as { status: string; pages: number; reportId: number };
  expect(written.status).toBe('written');

  // Every page is A4; the table by unit is on landscape pages, the rest portrait.
  const info = execFileSync('pdfinfo', ['-f', '1', '-l', String(written.pages), pdf], { encoding: 'utf8' });
  const sizes = [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/g)].map((m) => [Math.round(Number(m[1])), Math.round(Number(m[2]))]);
  expect(sizes).toHaveLength(written.pages);
  for (const [w, h] of sizes) expect([`${w}x${h}`]).toEqual([expect.stringMatching(/^(595x842|842x595)$/)]);
  expect(sizes.filter(([w]) => w === 842).length).toBeGreaterThan(0);
  expect(sizes[0]).toEqual([595, 842]);

  // Fonts are embedded (the bundled Tinos stands in where Times New Roman is absent).
  const fonts = execFileSync('pdffonts', [pdf], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
  expect(fonts.length).toBeGreaterThan(0);
  for (const line of fonts) expect(line).toMatch(/\byes\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/);

  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  for (const line of ['BẢO HIỂM XÃ HỘI VIỆT NAM', 'BẢO HIỂM XÃ HỘI TỈNH PHÚ AN', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'BÁO CÁO', '(Số liệu tính đến ngày 25/10/2026)', 'Nơi nhận:', 'KT. GIÁM ĐỐC', 'DỮ LIỆU MẪU']) {
    expect(text).toContain(line);
  }
  // The figures the comparison table gives, as vi-VN prints them.
  const compare = JSON.parse(demoFolder.cli('results', '--period', '2026-10', '--indicator', 'BHXH_TN', '--source', 'BHXH_VN', '--json')) as { total: { actual: number; target: number; progress: number; revisedTarget: number | null; revisedProgress: number | null } };
  expect(text).toContain(formatCount(compare.total.actual));
  expect(text).toContain(formatCount(compare.total.revisedTarget ?? compare.total.target));
  expect(text).toContain(formatPercent(compare.total.revisedProgress ?? compare.total.progress));
  expect(formatCount(compare.total.actual)).toMatch(/^\d{1,3}(\.\d{3})+$/);
  // Page numbers from the second page on, at the top (Decree 30).
  const pages = text.split('\f');
  expect(pages[1]!.trim().split('\n')[0]!.trim()).toBe('2');

  // Kept for a person to look at.
  const out = join(SCREENS, 'report-pdf');
  // Pages of an earlier run must not be counted with this one's.
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  execFileSync('pdftoppm', ['-png', '-r', '60', pdf, join(out, 'page')]);
  expect(readdirSync(out).filter((f) => f.endsWith('.png')).length).toBe(written.pages);
});
