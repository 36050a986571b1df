import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as XLSX from 'xlsx';
import { expect, FIXTURES, shot, test } from './fixtures';
import { AppShell, FirstRunPage } from './pages';
import { ImportsPage } from './pages/ImportsPage';
import { writeRowsXlsx } from '../bench/peopleFile';

/** The Hồng Dân report with `edit` applied to its rows (A1 = rows[0][0]), written into `dir`. */
function report(dir: string, name: string, edit: (rows: unknown[][]) => void): string {
  const wb = XLSX.read(readFileSync(join(FIXTURES, 'district-report-hong-dan-2020-09.xlsx')));
  const rows = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets['T9-2020']!, { header: 1, defval: null });
  edit(rows);
  const out = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(out, XLSX.utils.aoa_to_sheet(rows), 'T9-2020');
  const path = join(dir, name);
  writeFileSync(path, XLSX.write(out, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
  return path;
}

test('the preview refuses a negative count, a future month and another office’s report, saying where in Vietnamese', async ({ page, app }) => {
  const dir = mkdtempSync(join(tmpdir(), 'bhxh-e2e-refusals-'));
  try {
    const imports = await ImportsPage.open(page, app);

    await imports.chooseFile(report(dir, 'so-am.xlsx', (rows) => (rows[10]![3] = -5)));
    await expect(imports.rowIssues(11)).toContainText('số liệu không được âm');
    await expect(imports.commitButton).toBeDisabled();
    await imports.rowIssues(11).scrollIntoViewIfNeeded();
    await shot(page, '80-import-refused-negative');

    await imports.chooseFile(report(dir, 'thang-12-2026.xlsx', (rows) => (rows[4]![0] = 'Tháng 12 năm 2026 (số liệu tính đến ngày 25/12/2026)')));
    const errors = page.getByTestId('imports-errors');
    await expect(errors).toContainText('Tệp "thang-12-2026.xlsx", trang tính "T9-2020", ô A5: Tháng 12/2026 chưa đến (hôm nay là 22/11/2026)');
    await expect(imports.commitButton).toBeDisabled();
    await shot(page, '81-import-refused-future-month');

    await imports.chooseFile(report(dir, 'huyen-khac.xlsx', (rows) => (rows[1]![0] = 'BẢO HIỂM XÃ HỘI HUYỆN PHƯỚC LONG')));
    await expect(errors).toContainText('tiêu đề ghi "BẢO HIỂM XÃ HỘI HUYỆN PHƯỚC LONG" nhưng các đơn vị khớp trong bảng thuộc Huyện Hồng Dân');
    await expect(imports.commitButton).toBeDisabled();
    await shot(page, '82-import-refused-other-office');

    await imports.chooseFile(report(dir, 'qua-dan-so.xlsx', (rows) => (rows[11]![3] = 9000)));
    await expect(page.getByTestId('imports-warnings')).toContainText('ô D12 — Xã Ninh Quới A, BHXH tự nguyện — Thực hiện: 9.000 lớn hơn dân số của đơn vị (8.910).');
    await shot(page, '83-import-warned-above-population');

    expect(app.cli('imports', 'list')).not.toMatch(/so-am|thang-12-2026|huyen-khac/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a text file renamed .xlsx says what it is', async ({ page, app }) => {
  const dir = mkdtempSync(join(tmpdir(), 'bhxh-e2e-refusals-'));
  try {
    const imports = await ImportsPage.open(page, app);
    const path = join(dir, 'ghi-chu.xlsx');
    writeFileSync(path, 'Họp giao ban tuần\nNội dung: phát triển BHXH tự nguyện\n');
    await imports.chooseFile(path);
    await expect(imports.pickError).toContainText('không phải bảng tính Excel: nội dung là văn bản thuần (chữ) được đặt đuôi .xlsx');
    await shot(page, '84-import-not-a-workbook');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a totals row that disagrees is kept with the batch and shown in the history', async ({ page, app }) => {
  const imports = await ImportsPage.open(page, app);
  await imports.chooseFile(join(FIXTURES, 'district-report-hong-dan-2020-09-bad-total.xlsx'));
  await expect(imports.totalsWarning).toBeVisible();
  await imports.commit();
  await imports.openTab('Lịch sử nhập');
  const batch = imports.batch('district-report-hong-dan-2020-09-bad-total.xlsx');
  const warnings = batch.getByTestId('imports-batch-warnings');
  await expect(warnings).toContainText('Dòng tổng cộng');
  await expect(warnings.locator('li')).not.toHaveCount(0);
  expect(await warnings.locator('li').count()).toBeLessThanOrEqual(4);
  await shot(page, '85-import-history-warnings');
});

test('a batch with many warnings lists three in the history, then how many more', async ({ page, app }) => {
  const dir = mkdtempSync(join(tmpdir(), 'bhxh-e2e-refusals-'));
  try {
    const imports = await ImportsPage.open(page, app);
    // Five communes above their population, and so a totals row that no longer adds up: six warnings.
    await imports.chooseFile(report(dir, 'nhieu-luu-y.xlsx', (rows) => {
      for (let r = 9; r <= 13; r++) rows[r]![3] = 40_000;
    }));
    await expect(page.getByTestId('imports-warnings')).toContainText('40.000 lớn hơn dân số của đơn vị');
    await imports.commit();
    await imports.openTab('Lịch sử nhập');
    const warnings = imports.batch('nhieu-luu-y.xlsx').getByTestId('imports-batch-warnings');
    await expect(warnings.locator('li')).toHaveCount(4);
    await expect(warnings.locator('li').last()).toHaveText('và 3 lưu ý khác');
    await shot(page, '88-import-history-many-warnings');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('reading a large unit list shows its stage and stops with "Dừng đọc tệp"', async ({ page, app }) => {
  const dir = mkdtempSync(join(tmpdir(), 'bhxh-e2e-units-'));
  try {
    // A million rows (past the row limit, read to its end): seconds of streaming, long enough to stop.
    const path = join(dir, 'danh-muc-lon.xlsx');
    await writeRowsXlsx(path, 'DM', ['Mã tỉnh', 'Tên tỉnh', 'Mã xã', 'Tên xã', 'Cấp'], 1_000_000, (r) => ['95', 'Tỉnh Bạc Liêu', String(40000 + r), `Xã ${r} dài dài`, 'Xã']);

    const shell = new AppShell(page);
    await shell.open(app.url);
    const firstRun = new FirstRunPage(page);
    await firstRun.expectVisible();
    const dialog = await firstRun.openImport();
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), dialog.root.getByRole('button', { name: /^Chọn tệp (Excel|khác)$/ }).click()]);
    await chooser.setFiles(path);
    const progress = dialog.root.getByTestId('import-progress');
    await expect(progress).toBeVisible();
    await expect(dialog.root.getByTestId('import-progress-stage')).toHaveText(/^Đang (đọc tệp|phân tích trang tính 1\/1)…$/);
    await shot(page, '86-unit-import-progress');
    await progress.getByRole('button', { name: 'Dừng đọc tệp' }).click();
    await expect(dialog.root.getByTestId('import-cancelled')).toContainText('Đã hủy việc đọc tệp "danh-muc-lon.xlsx"');
    await expect(progress).toHaveCount(0);
    await shot(page, '87-unit-import-stopped');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
