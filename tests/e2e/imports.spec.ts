import type { Page } from '@playwright/test';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as XLSX from 'xlsx';
import { expect, FIXTURES, shot, test, type RunningApp } from './fixtures';
import { AppShell } from './pages';
import { DashboardPage } from './pages/DashboardPage';
import { ImportsPage } from './pages/ImportsPage';

const REPORT = join(FIXTURES, 'district-report-hong-dan-2020-09.xlsx');
const BAD_TOTAL = join(FIXTURES, 'district-report-hong-dan-2020-09-bad-total.xlsx');
const TCVN3 = join(FIXTURES, 'district-report-hong-dan-2020-09-tcvn3.xlsx');
const EXPECTED = JSON.parse(readFileSync(join(FIXTURES, 'expected-hong-dan-2020-09.json'), 'utf8')) as {
  totals: { actTN: number; planTN: number; actHGD: number };
  units: { code: string; name: string; typed: string; actTN: number }[];
};
/** Hồng Dân district in the sample unit list. */
const DISTRICT = '956';

interface CompareJson {
  total: { actual: number | null; target: number | null };
  rows: { code: string; actual: number | null }[];
}

function results(app: RunningApp, indicator = 'BHXH_TN'): CompareJson {
  return JSON.parse(app.cli('results', '--period', '2020-09', '--indicator', indicator, '--unit', DISTRICT, '--json')) as CompareJson;
}

/** A copy of the report with some cells retyped, in a temp folder the caller removes. */
function copyWith(dir: string, name: string, cells: Record<string, string | number>, extraSheet?: string): string {
  const wb = XLSX.read(readFileSync(REPORT));
  const ws = wb.Sheets[wb.SheetNames[0]!]!;
  for (const [address, value] of Object.entries(cells))
    ws[address] = typeof value === 'number' ? { t: 'n', v: value } : { t: 's', v: value };
  if (extraSheet)
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['Ghi chú'], ['Số liệu đã đối chiếu với phần mềm thu']]), extraSheet);
  const file = join(dir, name);
  writeFileSync(file, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
  return file;
}

const openImports = (page: Page, app: RunningApp) => ImportsPage.open(page, app);

test('a district report is previewed (period from the title, rows matched, totals checked, changes listed), committed and shown on Tổng quan', async ({
  page,
  app,
}) => {
  const imports = await openImports(page, app);
  await shot(page, '40-import-intro');

  await imports.chooseFile(REPORT);
  await expect(imports.fileName).toHaveText('district-report-hong-dan-2020-09.xlsx');
  await expect(imports.period).toHaveValue('09/2020');
  await expect(imports.periodSource).toHaveText('lấy từ tiêu đề');
  await expect(imports.office).toHaveText('BẢO HIỂM XÃ HỘI HUYỆN HỒNG DÂN');

  // The mapping read from the merged two-row header.
  await expect(imports.mapping.getByLabel('Nội dung cột B')).toBeVisible();
  await expect(imports.mapping.locator('tr', { hasText: 'BHXH tự nguyện — Thực hiện' })).toContainText('Thực hiện — BHXH tự nguyện');
  await expect(imports.mapping.locator('tr', { hasText: 'BHYT hộ gia đình — Kế hoạch giao' })).toContainText('Kế hoạch — BHYT hộ gia đình');

  // Nine rows, every loosely typed name matched ("TT Ngan Dừa", "X. Lộc Ninh", "Xã Ninh Hoà").
  await expect(imports.matched).toHaveText('9/9 dòng khớp đơn vị');
  await expect(imports.rowsWithStatus('ok')).toHaveCount(9);
  await expect(imports.rowsWithStatus('unmatched')).toHaveCount(0);
  for (const u of EXPECTED.units) {
    const row = imports.rows.locator('tr[data-row]', { hasText: u.typed }).first();
    await expect(row.locator('[data-unit-code]')).toHaveAttribute('data-unit-code', u.code);
  }
  // "3.285" typed as text in the file is three thousand two hundred eighty-five, shown vi-VN.
  await expect(imports.value(11, 'target:BHYT_HGD')).toHaveText('3.285');
  await expect(imports.value(10, 'result:BHXH_TN')).toHaveText('148');

  // The totals row agrees with the rows.
  await expect(imports.totalsOk).toBeVisible();
  await expect(imports.totals.locator('[data-matches="false"]')).toHaveCount(0);
  await expect(imports.totals.locator('[data-matches="true"]', { hasText: 'BHXH tự nguyện — Thực hiện' })).toContainText('2.428');
  await expect(imports.totalsWarning).toHaveCount(0);

  // What will change: every figure is new.
  await expect(imports.changes.locator('tbody tr.ant-table-row').first()).toContainText('mới');
  await expect(page.getByText(/Những gì sẽ thay đổi/)).toContainText('54 số liệu, 54 mới, 0 thay số cũ');
  await expect(imports.commitHint).toHaveText(/Sẽ ghi 54 số liệu kỳ 09\/2020/);
  await expect(imports.exportErrorsButton).toHaveCount(0);
  await shot(page, '40-import-preview');
  await imports.rows.scrollIntoViewIfNeeded();
  await shot(page, '41-import-preview-rows');

  expect(results(app).total.actual).toBeNull();
  await imports.commit();
  await expect(imports.outcome).toHaveText('Đã ghi 54 số liệu kỳ 09/2020 của BẢO HIỂM XÃ HỘI HUYỆN HỒNG DÂN, tất cả là số liệu mới.');
  await expect(imports.backup).toContainText('pre-import');
  await shot(page, '42-import-done');

  const tn = results(app);
  expect(tn.total.actual).toBe(EXPECTED.totals.actTN);
  expect(tn.total.target).toBe(EXPECTED.totals.planTN);
  expect(tn.rows.find((r) => r.code === '31018')?.actual).toBe(430);
  expect(results(app, 'BHYT_HGD').total.actual).toBe(EXPECTED.totals.actHGD);

  // Tổng quan opens on September 2020.
  await page.getByRole('button', { name: 'Xem trên Tổng quan' }).click();
  const dashboard = new DashboardPage(page);
  await expect(page.getByRole('heading', { level: 3, name: 'Tổng quan' })).toBeVisible();
  await expect(dashboard.periodInput).toHaveValue('09/2020');
  await dashboard.waitLoaded();
  await expect(dashboard.kpiValue('BHXH_TN')).toContainText('2.428');
  await shot(page, '43-import-on-dashboard');

  // The same file again: nothing new, every figure unchanged, so nothing to write.
  await new AppShell(page).navigate('Nhập Excel');
  await page.getByRole('button', { name: 'Nhập tệp khác' }).click();
  await imports.chooseFile(REPORT);
  await expect(page.getByText(/Những gì sẽ thay đổi/)).toContainText('(0 số liệu');
  await expect(imports.commitHint).toContainText('Không có gì để nhập');
  await expect(imports.commitButton).toBeDisabled();
});

test('a totals row that disagrees with its rows is a warning naming both figures; the rows can still be imported', async ({
  page,
  app,
}) => {
  const imports = await openImports(page, app);
  await imports.chooseFile(BAD_TOTAL);

  await expect(imports.totalsWarning).toBeVisible();
  await expect(imports.totalsWarning).toContainText('Dòng tổng trong tệp (ô D19): 2.445; tổng các dòng: 2.428');
  await expect(imports.totalsWarning).toContainText('BHXH tự nguyện — Thực hiện');
  await expect(imports.totals.locator('[data-matches="false"]')).toContainText('2.445 ≠ 2.428');
  await expect(imports.totalsOk).toHaveCount(0);
  await expect(imports.rowsWithStatus('ok')).toHaveCount(9);
  await shot(page, '44-import-bad-total');

  await imports.commit();
  // The figures are those of the rows, not of the wrong total.
  expect(results(app).total.actual).toBe(2428);
});

test('a name that matches no unit: the row waits for a choice among the suggestions, the choice is remembered, then it commits', async ({
  page,
  app,
}) => {
  const dir = mkdtempSync(join(tmpdir(), 'bhxh-import-'));
  try {
    // A copy of the report where Vĩnh Lộc (row 15) is typed in a way no rule can match.
    const file = copyWith(dir, 'bao-cao-hong-dan-t9-ten-la.xlsx', { B15: 'Vinh Loc (cu)' });

    const imports = await openImports(page, app);
    await imports.chooseFile(file);

    await expect(imports.matched).toHaveText('8/9 dòng khớp đơn vị');
    await expect(imports.rowsWithStatus('unmatched')).toHaveCount(1);
    await expect(imports.row(15)).toHaveAttribute('data-status', 'unmatched');
    await expect(imports.rowIssues(15)).toContainText('Vinh Loc (cu)');
    await expect(imports.commitButton).toBeDisabled();
    await expect(imports.commitHint).toContainText('chọn đơn vị cho 1 dòng chưa khớp');
    await expect(imports.exportErrorsButton).toBeVisible();

    // The row's picker: suggestions first; typing searches every unit.
    await imports.row(15).getByTestId('imports-unit-chooser').click();
    const dropdown = page.locator('.ant-select-dropdown:visible');
    await expect(dropdown).toContainText('Gợi ý');
    await expect(dropdown).toContainText('Xã Vĩnh Lộc (31021)');
    await shot(page, '45-import-unmatched');
    // Typing without diacritics searches the whole unit list.
    await page.keyboard.type('ninh hoa');
    await expect(dropdown).toContainText('Tìm trong danh mục');
    await expect(dropdown).toContainText('Xã Ninh Hòa (31015)');
    await page.keyboard.press('Escape');

    await imports.chooseUnit(15, /^Xã Vĩnh Lộc \(31021\)$/);
    await expect(imports.row(15)).toHaveAttribute('data-status', 'ok');
    await expect(imports.row(15).locator('[data-unit-code]')).toHaveAttribute('data-unit-code', '31021');
    await expect(imports.row(15)).toContainText('bạn chọn');
    await expect(imports.matched).toHaveText('9/9 dòng khớp đơn vị');
    await expect(imports.commitButton).toBeEnabled();
    await shot(page, '46-import-unmatched-chosen');

    await imports.commit();
    const tn = results(app);
    expect(tn.total.actual).toBe(2428);
    expect(tn.rows.find((r) => r.code === '31021')?.actual).toBe(67);

    // Remembered as an alias: the same file matches on its own next time.
    await page.getByRole('button', { name: 'Nhập tệp khác' }).click();
    await imports.chooseFile(file);
    await expect(imports.matched).toHaveText('9/9 dòng khớp đơn vị');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the period can be chosen by hand; a TCVN3 file is shown converted to Unicode', async ({ page, app }) => {
  const imports = await openImports(page, app);
  await imports.chooseFile(TCVN3);
  await expect(imports.legacyNotice).toHaveText('Tệp dùng phông TCVN3 (.VnTime); nội dung đã được chuyển sang Unicode để xem trước');
  await expect(imports.rows).toContainText('TT Ngan Dừa');
  await expect(imports.rows).toContainText('Xã Ninh Hoà');
  await expect(imports.rowsWithStatus('ok')).toHaveCount(9);
  await shot(page, '47-import-tcvn3');

  await imports.setPeriod('08/2020');
  await expect(imports.periodSource).toHaveText('do bạn chọn');
  await expect(imports.commitHint).toContainText('kỳ 08/2020');
  await imports.commit();
  await expect(imports.outcome).toContainText('kỳ 08/2020');
  const august = JSON.parse(
    app.cli('results', '--period', '2020-08', '--indicator', 'BHXH_TN', '--unit', DISTRICT, '--json'),
  ) as CompareJson;
  expect(august.total.actual).toBe(2428);
});

test('Lịch sử nhập lists each import; Hoàn tác puts back the figures each one replaced', async ({ page, app }) => {
  const dir = mkdtempSync(join(tmpdir(), 'bhxh-import-'));
  try {
    const imports = await openImports(page, app);
    await imports.chooseFile(REPORT);
    await imports.commit();
    expect(results(app).total.actual).toBe(2428);

    // A corrected report for the same month: Ngan Dừa 148 → 150 (and its total row).
    const corrected = copyWith(dir, 'bao-cao-hong-dan-t9-sua.xlsx', { D10: 150, D19: 2430 });
    await page.getByRole('button', { name: 'Nhập tệp khác' }).click();
    await imports.chooseFile(corrected);
    await expect(imports.totalsOk).toBeVisible();
    const change = imports.changes.locator('tr[data-unit="31006"][data-key="result:BHXH_TN"]');
    await expect(change).toContainText('148');
    await expect(change).toContainText('150');
    await expect(change).not.toContainText('mới');
    await expect(page.getByText(/Những gì sẽ thay đổi/)).toContainText('(1 số liệu, 0 mới, 1 thay số cũ)');
    await imports.commit();
    await expect(imports.outcome).toContainText('trong đó 1 số liệu thay cho số cũ');
    expect(results(app).total.actual).toBe(2430);

    await page.getByRole('button', { name: 'Xem lịch sử nhập' }).click();
    const first = imports.batch('district-report-hong-dan-2020-09.xlsx');
    const second = imports.batch('bao-cao-hong-dan-t9-sua.xlsx');
    await expect(first).toHaveCount(1);
    await expect(second).toHaveCount(1);
    await expect(imports.history.locator('tbody tr.ant-table-row').first()).toContainText('bao-cao-hong-dan-t9-sua.xlsx');
    await expect(first).toContainText('09/2020');
    await expect(first).toContainText('BẢO HIỂM XÃ HỘI HUYỆN HỒNG DÂN');
    await expect(first).toContainText('54');
    await expect(first).toContainText(/\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
    await shot(page, '48-import-history');

    // Undoing the correction gives back 148, not an empty cell.
    await imports.undo('bao-cao-hong-dan-t9-sua.xlsx');
    await expect(page.locator('.ant-message')).toContainText('Đã hoàn tác lần nhập tệp bao-cao-hong-dan-t9-sua.xlsx');
    await expect(second).toContainText(/Đã hoàn tác \d{2}\/\d{2}\/\d{4}/);
    await expect(second.getByRole('button', { name: /^Hoàn tác/ })).toHaveCount(0);
    const back = results(app);
    expect(back.total.actual).toBe(2428);
    expect(back.rows.find((r) => r.code === '31006')?.actual).toBe(148);

    // Undoing the first import leaves the month empty again.
    await imports.undo('district-report-hong-dan-2020-09.xlsx');
    await expect(first).toContainText(/Đã hoàn tác \d{2}\/\d{2}\/\d{4}/);
    await shot(page, '49-import-undone');
    const after = results(app);
    expect(after.total.actual).toBeNull();
    expect(after.rows.every((r) => r.actual === null)).toBe(true);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('no period in the title, a cell that is not a number, a column read wrongly: each is shown and corrected on screen', async ({
  page,
  app,
}) => {
  const dir = mkdtempSync(join(tmpdir(), 'bhxh-import-'));
  try {
    const file = copyWith(dir, 'bao-cao-khong-ky.xlsx', { A5: 'Báo cáo tháng', D12: '44o' }, 'Ghi chu');
    const imports = await openImports(page, app);
    await imports.chooseFile(file);

    // The notes sheet has no report table: said so, and the report sheet stays on screen.
    await imports.sheet.click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: 'Ghi chu' }).click();
    await expect(page.getByTestId('imports-repreview-error')).toContainText('trang tính "Ghi chu"');
    await expect(imports.rowsWithStatus('ok')).toHaveCount(8);

    // No period: it must be chosen before anything can be written.
    await expect(imports.period).toHaveValue('');
    await expect(page.getByTestId('imports-period-missing')).toBeVisible();
    await expect(imports.commitButton).toBeDisabled();
    await expect(imports.commitHint).toContainText('chọn kỳ báo cáo');

    // "44o" in D12 is refused, in red under its row, with the cell address.
    await expect(imports.row(12)).toHaveAttribute('data-status', 'error');
    await expect(imports.rowIssues(12)).toContainText('Ô D12');
    await expect(imports.rowIssues(12)).toContainText('44o');
    await expect(imports.value(12, 'result:BHXH_TN')).toHaveClass(/imports-cell-error/);
    await expect(imports.value(12, 'result:BHXH_TN')).toHaveText('—');
    await expect(imports.commitHint).toContainText('sửa 1 dòng có lỗi trong tệp');
    await imports.rows.scrollIntoViewIfNeeded();
    await shot(page, '50-import-row-error');

    // The rows with errors as a workbook to send back to the district.
    const [download] = await Promise.all([page.waitForEvent('download'), imports.exportErrorsButton.click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const saved = join(dir, download.suggestedFilename());
    await download.saveAs(saved);
    const errorsBook = XLSX.read(readFileSync(saved));
    const text = errorsBook.SheetNames.map((n) => XLSX.utils.sheet_to_csv(errorsBook.Sheets[n]!)).join('\n');
    expect(text).toContain('Ninh Quới A');
    expect(text).toContain('44o');
    await expect(page.locator('.ant-message')).toContainText('Đã xuất các dòng lỗi');

    // The period chosen by hand.
    await imports.setPeriod('09/2020');
    await expect(imports.periodSource).toHaveText('do bạn chọn');
    await expect(page.getByTestId('imports-period-missing')).toHaveCount(0);
    await expect(imports.commitHint).not.toContainText('chọn kỳ báo cáo');
    await expect(page.getByText(/Những gì sẽ thay đổi/)).toContainText('(48 số liệu');

    // Population (column I) is not to be imported from this file: "Bỏ qua".
    await imports.setColumnRole('I', 'Bỏ qua');
    await expect(imports.mapping.getByLabel('Nội dung cột I')).toBeVisible();
    await expect(imports.mapping.locator('tr', { hasText: 'Dân số' })).toContainText('Bỏ qua');
    await expect(imports.rows.locator('thead')).not.toContainText('Dân số');
    await expect(page.getByText(/Những gì sẽ thay đổi/)).toContainText('(40 số liệu');
    await expect(imports.period).toHaveValue('09/2020');
    await shot(page, '51-import-corrected');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the valid rows are imported on their own when the user chooses so; the rows with errors stay out and are said', async ({ page, app }) => {
  const dir = mkdtempSync(join(tmpdir(), 'bhxh-import-'));
  try {
    const file = copyWith(dir, 'bao-cao-mot-dong-loi.xlsx', { D12: '44o' });
    const imports = await openImports(page, app);
    await imports.chooseFile(file);
    await expect(imports.row(12)).toHaveAttribute('data-status', 'error');
    await expect(imports.commitButton).toBeDisabled();
    await expect(imports.commitHint).toContainText('hoặc chỉ nhập các dòng hợp lệ');
    const valid = page.getByTestId('imports-commit-valid');
    await expect(valid).toHaveText(/Chỉ nhập 8 dòng hợp lệ/);
    await valid.click();
    await expect(page.locator('.ant-popconfirm')).toContainText('1 dòng có lỗi sẽ không được nhập');
    await shot(page, '52-import-valid-rows-confirm');
    await page.locator('.ant-popconfirm').getByRole('button', { name: 'Nhập các dòng hợp lệ' }).click();
    await expect(imports.outcome).toContainText('1 dòng có lỗi chưa được nhập');
    await shot(page, '53-import-valid-rows-done');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a 600-row report: the rows page from the staged preview, and a correction keeps every row without reading the file again', async ({ page, app }) => {
  const dir = mkdtempSync(join(tmpdir(), 'bhxh-e2e-long-'));
  try {
    // The nine communes, then 591 hamlets nobody knows (unmatched), then the totals row.
    const wb = XLSX.read(readFileSync(REPORT));
    const rows = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[wb.SheetNames[0]!]!, { header: 1, defval: null });
    rows.splice(18, 0, ...Array.from({ length: 591 }, (_, i) => [10 + i, `Ấp thử nghiệm số ${i + 1}`, 10, 5, null, 20, 10, null, 100, 90, null, null]));
    const file = join(dir, 'bao-cao-600-dong.xlsx');
    const long = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(long, XLSX.utils.aoa_to_sheet(rows), 'T9-2020');
    writeFileSync(file, XLSX.write(long, { type: 'buffer', bookType: 'xlsx' }) as Buffer);

    const imports = await openImports(page, app);
    await imports.chooseFile(file);
    await expect(page.getByText('(600 dòng, 591 chưa khớp đơn vị)')).toBeVisible();
    await expect(imports.rowsWithStatus('ok')).toHaveCount(9);
    await shot(page, '56-import-long-first-page');

    // The last page (rows 560–609) is past the first 500 the preview carried: fetched from the stage.
    await page.locator('.section-card', { hasText: 'Các dòng trong tệp' }).locator('li.ant-pagination-item-12').click();
    await expect(imports.row(609)).toContainText('Ấp thử nghiệm số 591');
    await expect(imports.rowsWithStatus('unmatched')).toHaveCount(50);
    await expect(imports.rowIssues(609)).toContainText('Ô B609');
    await shot(page, '57-import-long-last-page');

    // The file is gone; a column read otherwise is still corrected, from the staged rows.
    rmSync(file);
    await imports.setColumnRole('I', 'Bỏ qua');
    await expect(imports.mapping.locator('tr', { hasText: 'Dân số' })).toContainText('Bỏ qua');
    await expect(imports.rows.locator('thead')).not.toContainText('Dân số');
    await expect(page.getByText('(600 dòng, 591 chưa khớp đơn vị)')).toBeVisible();
    await shot(page, '58-import-long-corrected');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
