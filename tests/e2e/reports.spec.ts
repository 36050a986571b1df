import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, SCREENS, shot, test } from './fixtures';
import { AppShell } from './pages';
import { PrintReportPage, ReportsPage } from './pages/ReportsPage';

/** vi-VN thousands with the unit: "42.467 người". */
const VI_PEOPLE = /\d{1,3}(\.\d{3})+ người/;
/** vi-VN percentages: "94,04%". */
const VI_PERCENT = /\d{1,3},\d{2}%/;
const HEADER_LINES = ['BẢO HIỂM XÃ HỘI VIỆT NAM', 'BẢO HIỂM XÃ HỘI TỈNH PHÚ AN', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'BÁO CÁO'];
const ASSESSMENT = 'Kết quả phát triển người tham gia BHXH tự nguyện tăng khá so với cùng kỳ.\nCác xã còn chậm cần đẩy mạnh tuyên truyền trực tiếp tại thôn, khu phố.';

async function openReports(page: Page, url: string): Promise<ReportsPage> {
  const shell = new AppShell(page);
  await shell.open(url);
  await shell.navigate('Báo cáo');
  const reports = new ReportsPage(page);
  await reports.waitPreview();
  return reports;
}

test('Báo cáo: preview as printed, sections chosen and ordered, assessment written, saved, reopened and printed', { tag: '@dates' }, async ({ page, demoApp }) => {
  // A whole report is rebuilt after each step (six builds, a save, the print page and its PDF).
  test.setTimeout(120_000);
  const reports = await openReports(page, demoApp.url);
  const doc = reports.document;
  for (const line of HEADER_LINES) await expect(doc.locator('.report-heading')).toContainText(line);
  await expect(doc.getByTestId('report-demo-line')).toHaveText('DỮ LIỆU MẪU — không phải số liệu thật');
  await expect(reports.previewSection('headline')).toContainText(VI_PEOPLE);
  await expect(reports.previewSection('headline').getByTestId('report-table')).toContainText(VI_PERCENT);
  await expect(doc.getByTestId('report-chart').first().locator('canvas')).toBeVisible();
  // The wide table by unit is on its own landscape sheet.
  await expect(reports.previewSection('unitTable').locator('xpath=ancestor::*[@data-testid="report-sheet"]')).toHaveAttribute('data-orientation', 'landscape');
  await expect(doc.getByTestId('report-closing')).toContainText('Nơi nhận:');
  await expect(doc).not.toContainText(/NaN|undefined|Infinity/);
  await shot(page, '60-report-editor');

  // A section turned off leaves the preview; the others are renumbered.
  await expect(reports.previewSection('coverage')).toHaveCount(1);
  await reports.setSection('coverage', false);
  await expect(reports.previewSection('coverage')).toHaveCount(0);
  await expect(reports.previewSection('unitTable').locator('h2')).toHaveText(/^II\. KẾT QUẢ THEO ĐƠN VỊ/);

  // Moved up: the rankings now print before the table by unit.
  const before = await reports.previewOrder();
  expect(before.indexOf('rankings')).toBe(before.indexOf('unitTable') + 1);
  await reports.moveUp('rankings');
  const order = await reports.previewOrder();
  expect(order.indexOf('rankings')).toBe(order.indexOf('unitTable') - 1);
  await expect(reports.previewSection('rankings').locator('h2')).toHaveText(/^II\. /);

  // The user's own text, paragraphs kept.
  await reports.writeSection('assessment', ASSESSMENT);
  // Each line is its own paragraph.
  await expect(reports.previewSection('assessment').locator('.report-paragraph')).toHaveText(ASSESSMENT.split('\n'));
  await reports.previewSection('assessment').scrollIntoViewIfNeeded();
  await shot(page, '61-report-assessment');

  await reports.save();
  await reports.openSavedTab();
  await expect(reports.savedRows).toHaveCount(1);
  const row = reports.savedRow(/Báo cáo tháng/);
  await expect(row).toContainText('Tỉnh Phú An');
  await expect(row).toContainText(/Tháng \d{2}\/\d{4}/);
  const id = await reports.savedId(row);
  expect(id).toBeGreaterThan(0);

  // A new report brings the default sections back; reopening restores the saved choice.
  await reports.editorTab.click();
  await reports.actions.getByRole('button', { name: 'Báo cáo mới' }).click();
  await reports.waitPreview();
  await expect(reports.previewSection('coverage')).toHaveCount(1);
  await expect(reports.sectionText('assessment')).toHaveValue('');
  await reports.openSavedTab();
  await reports.open(row);
  await expect(reports.previewSection('coverage')).toHaveCount(0);
  await expect(reports.sectionText('assessment')).toHaveValue(ASSESSMENT);
  expect(await reports.previewOrder()).toEqual(order);
  await expect(reports.actions.getByRole('button', { name: 'Đã lưu' })).toBeVisible();
  await expect(reports.dataChanged).toHaveCount(0);

  // The print page: only the document, ready for the PDF renderer.
  const printTab = await page.context().newPage();
  await printTab.setViewportSize({ width: 1000, height: 1100 });
  const print = new PrintReportPage(printTab);
  await print.open(demoApp.url, id);
  for (const line of HEADER_LINES) await expect(print.document).toContainText(line);
  await expect(printTab.getByTestId('reports-page')).toHaveCount(0);
  await expect(print.document.getByTestId('report-section')).toHaveCount(order.length);
  await expect(print.document).toContainText(ASSESSMENT.split('\n')[0]!);
  await shot(printTab, '62-report-print');

  // Chromium's PDF of that page: A4 pages (kept beside the screenshots to be looked at).
  const pdf = await printTab.pdf({ preferCSSPageSize: true, printBackground: true });
  writeFileSync(join(SCREENS, '62-report-print.pdf'), pdf);
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(pdf.toString('latin1')).toMatch(/\/MediaBox \[0 0 59[45](\.\d+)? 841(\.\d+)?\]/);
  await printTab.close();
});

test('Báo cáo: a saved report whose figures changed says so, and "Cập nhật số liệu" rebuilds it', async ({ page, demoApp }) => {
  const reports = await openReports(page, demoApp.url);
  await reports.save();
  const figure = await reports.previewSection('headline').locator('.report-paragraph').nth(1).textContent();

  // Another user corrects a figure after the report was saved.
  await demoApp.invoke('results:set', { unitCode: '99500', indicatorCode: 'BHXH_BB', asOf: '2026-01-20', value: 1 });
  await reports.openSavedTab();
  await reports.open(reports.savedRows.first());
  await expect(reports.dataChanged).toContainText('Số liệu đã thay đổi sau khi lưu báo cáo này');
  // Until updated, the saved figures stay on screen.
  await expect(reports.previewSection('headline').locator('.report-paragraph').nth(1)).toHaveText(figure ?? '');
  await shot(page, '63-report-data-changed');

  await reports.dataChanged.getByRole('button', { name: 'Cập nhật số liệu' }).click();
  await reports.waitPreview();
  await expect(reports.dataChanged).toHaveCount(0);
  await expect(reports.actions.getByRole('button', { name: 'Lưu báo cáo' })).toBeVisible();
  await reports.save();
  await reports.openSavedTab();
  await reports.open(reports.savedRows.first());
  await expect(reports.dataChanged).toHaveCount(0);
});

test('Báo cáo: "In" in browser mode opens the print page, which prints itself once ready', async ({ page, demoApp }) => {
  const reports = await openReports(page, demoApp.url);
  const popupPromise = page.waitForEvent('popup');
  await reports.actions.getByRole('button', { name: 'In', exact: true }).click();
  const popup = await popupPromise;
  expect(popup.url()).toMatch(/\?print=report&id=\d+&autoprint=1/);
  await expect(popup.locator('html[data-report-ready="1"]')).toHaveCount(1, { timeout: 20_000 });
  await expect(popup.getByTestId('report-document')).toContainText('BẢO HIỂM XÃ HỘI VIỆT NAM');
  // Printing saved the report first.
  await reports.openSavedTab();
  await expect(reports.savedRows).toHaveCount(1);
});

test('Báo cáo: "Xem trang in" shows the printed PDF page by page, landscape pages wider', async ({ page, demoApp }) => {
  test.setTimeout(90_000);
  const reports = await openReports(page, demoApp.url);
  await reports.actions.getByRole('button', { name: 'Xem trang in' }).click();
  const preview = page.getByTestId('pdf-preview');
  await expect(preview).toBeVisible({ timeout: 30_000 });
  const total = Number(await preview.getAttribute('data-total'));
  expect(total).toBeGreaterThanOrEqual(5);
  await expect(preview).toHaveAttribute('data-rendered', String(total), { timeout: 30_000 });
  const pages = preview.getByTestId('pdf-page');
  await expect(pages).toHaveCount(total);
  await expect(pages.first()).toContainText(`Trang 1/${total}`);
  const widths = await pages.locator('canvas').evaluateAll((cs) => cs.map((c) => (c as HTMLCanvasElement).getBoundingClientRect().width));
  expect(new Set(widths.map(Math.round)).size).toBe(2);
  await expect(page.getByRole('dialog')).toContainText(`Xem trước bản in — ${total} trang A4`);
  await shot(page, '64-report-pdf-preview');
  // The preview saved the report first, as PDF and print do.
  // Esc closes it, as every dialog; its close button is labelled in Vietnamese.
  await expect(page.getByRole('dialog').getByRole('button', { name: 'Đóng' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();
  await reports.openSavedTab();
  await expect(reports.savedRows).toHaveCount(1);
});

test('Báo cáo: the print page of a report that does not exist says so and signals the error', async ({ page, demoApp }) => {
  const url = new URL(demoApp.url);
  await page.goto(`${url.origin}/?print=report&id=9999${url.hash}`);
  await expect(page.locator('html[data-report-error]')).toHaveCount(1, { timeout: 20_000 });
  await expect(page.getByTestId('report-print-error')).toContainText('Không tìm thấy báo cáo số 9999');
  await expect(page.locator('html[data-report-ready]')).toHaveCount(0);
});

test('after "Bảng theo: BHXH cơ sở" the on-screen charts are redrawn whole, at the new size', async ({ page, demoApp }) => {
  test.setTimeout(120_000);
  const reports = await openReports(page, demoApp.url);
  await page.locator('#report-group-by').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: 'BHXH cơ sở' }).click();
  await reports.waitPreview();
  const chart = reports.previewSection('progressChart').getByTestId('report-chart').first();
  await expect(chart.locator('canvas')).toHaveAttribute('aria-label', /^(?=.*BHXH cơ sở Phú An: )(?=.*BHXH cơ sở Long Điền: )(?=.*BHXH cơ sở Hòa Thuận - Vĩnh Phong: )/);
  // Every canvas holds a 2× bitmap of its box, and its box is the chart's: a canvas kept from the
  // 16-unit chart showed one bar, cut off and stretched.
  const sizes = await reports.document.locator('[data-testid="report-chart"]').evaluateAll((figures) =>
    figures.map((f) => {
      const box = f.querySelector('.report-chart-canvas') as HTMLElement;
      const canvas = f.querySelector('canvas')!;
      return { box: [box.style.width, box.style.height], css: [canvas.style.width, canvas.style.height], bitmap: [canvas.width, canvas.height] };
    }),
  );
  expect(sizes.length).toBeGreaterThan(0);
  for (const s of sizes) {
    expect(s.css).toEqual(s.box);
    expect(s.bitmap).toEqual(s.box.map((px) => 2 * parseInt(px, 10)));
  }
  await chart.scrollIntoViewIfNeeded();
  await shot(page, '64-report-chart-by-office');
});
