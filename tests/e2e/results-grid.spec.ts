import { expect, shot, test } from './fixtures';
import { AppShell } from './pages';
import { ResultsPage } from './pages/ResultsPage';
import type { Page } from '@playwright/test';

/** December 2023: before the demo's first figures, on the old (district → commune) tree: an empty sheet. */
const EMPTY_MONTH = '12/2023';

async function openResults(page: Page, url: string): Promise<ResultsPage> {
  const shell = new AppShell(page);
  await shell.open(url);
  await shell.navigate('Chỉ tiêu & kết quả');
  const results = new ResultsPage(page);
  await results.waitForGrid();
  return results;
}

test('a month typed and pasted the Vietnamese way ("3.285", a block from Excel) is saved', { tag: '@dates' }, async ({ page, demoApp }) => {
  // Typing cell by cell into a 40-row sheet: past 60 s when several browsers share the machine.
  test.setTimeout(120_000);
  const results = await openResults(page, demoApp.url);
  await shot(page, '30-results-grid');

  await results.setMonth(EMPTY_MONTH);
  await expect(results.summary).toContainText('40 đơn vị');
  const [first, second, third] = (await results.rowCodes()) as [string, string, string];
  await expect(results.cellInput(first, 'BHXH_TN')).toHaveValue('');

  // Typing: "3.285" is three thousand two hundred eighty-five people.
  await results.typeInto(first, 'BHXH_TN', '3.285');
  await expect(results.cellInput(first, 'BHXH_TN')).toHaveValue('3.285');
  await expect(results.cell(first, 'BHXH_TN')).toHaveAttribute('data-state', 'changed');
  await expect(results.dirty).toHaveText('1 ô đã sửa, chưa lưu');

  // Tab moves right, like Excel.
  await results.typeInto(first, 'BHTN', '12 345', 'Tab');
  await expect(results.cellInput(first, 'BHTN')).toHaveValue('12.345');

  // Pasting a block copied from Excel (tab-separated, dots as thousand separators) at the next two rows.
  await results.pasteAt(second, 'BHXH_BB', '1.234\t567\n2.345\t678');
  await expect(results.cellInput(second, 'BHXH_BB')).toHaveValue('1.234');
  await expect(results.cellInput(second, 'BHXH_TN')).toHaveValue('567');
  await expect(results.cellInput(third, 'BHXH_BB')).toHaveValue('2.345');
  await expect(results.cellInput(third, 'BHXH_TN')).toHaveValue('678');
  await expect(results.dirty).toHaveText('6 ô đã sửa, chưa lưu');
  await shot(page, '31-results-typed-and-pasted');

  await results.save.click();
  await expect(page.locator('.ant-message').getByText('Đã lưu 6 số liệu tháng 12/2023')).toBeVisible();
  await expect(results.dirty).toHaveText('Không có thay đổi chưa lưu');

  // Persisted: a fresh page shows the figures again.
  await page.reload();
  const again = await openResults(page, demoApp.url);
  await again.setMonth(EMPTY_MONTH);
  await expect(again.cellInput(first, 'BHXH_TN')).toHaveValue('3.285');
  await expect(again.cellInput(first, 'BHTN')).toHaveValue('12.345');
  await expect(again.cellInput(second, 'BHXH_BB')).toHaveValue('1.234');
  await expect(again.cellInput(third, 'BHXH_TN')).toHaveValue('678');
  await expect(again.cell(first, 'BHXH_TN')).not.toHaveAttribute('data-state', /.+/);
});

test('negative and non-whole values are refused with a Vietnamese message; core refuses a part above its total', async ({ page, demoApp }) => {
  // Typing cell by cell into a 40-row sheet: past 60 s when several browsers share the machine.
  test.setTimeout(120_000);
  const results = await openResults(page, demoApp.url);
  await results.setMonth(EMPTY_MONTH);
  const unit = (await results.rowCodes())[0]!;

  await results.typeInto(unit, 'BHXH_BB', '-5');
  await expect(page.locator('.ant-message')).toContainText('số liệu không được âm');
  await expect(results.cell(unit, 'BHXH_BB')).toHaveAttribute('data-state', 'invalid');

  await results.typeInto(unit, 'BHXH_TN', '12,5');
  await expect(page.locator('.ant-message')).toContainText('không phải số nguyên');
  await expect(results.cell(unit, 'BHXH_TN')).toHaveAttribute('data-state', 'invalid');
  await expect(results.issues).toContainText('2 lỗi phải sửa');
  await expect(results.issues).toContainText('số người phải là số nguyên');

  await results.save.click();
  await expect(page.locator('.ant-message')).toContainText('Còn 2 ô nhập chưa đúng');
  await shot(page, '32-results-invalid');

  // Correct them; then a household BHYT figure above the BHYT total is refused by core on saving.
  await results.typeInto(unit, 'BHXH_BB', '1.200');
  await results.typeInto(unit, 'BHXH_TN', '300');
  await results.typeInto(unit, 'BHYT', '1.000');
  await results.typeInto(unit, 'BHYT_HGD', '2.000');
  await results.save.click();
  await expect(page.locator('.ant-message')).toContainText(/Chưa lưu: có \d+ lỗi phải sửa/);
  await expect(results.cell(unit, 'BHYT_HGD')).toHaveAttribute('data-state', 'blocking');
  await expect(results.issues).toContainText('BHYT hộ gia đình lớn hơn tổng số người tham gia BHYT');
  await shot(page, '33-results-blocked-by-core');

  await results.typeInto(unit, 'BHYT_HGD', '400');
  await results.save.click();
  await expect(page.locator('.ant-message').getByText('Đã lưu 4 số liệu tháng 12/2023')).toBeVisible();
  await expect(results.cellInput(unit, 'BHYT_HGD')).toHaveValue('400');
});

test('a large jump against last month asks for a note (Ghi chú giải trình) and saves with it', { tag: '@dates' }, async ({ page, demoApp, today }) => {
  const results = await openResults(page, demoApp.url);
  const first = (await results.rowCodes())[0]!;

  // The threshold is a setting: 30% here.
  await results.setThreshold(30);
  await expect(page.locator('.ant-message')).toContainText('Đã đặt ngưỡng cảnh báo biến động: 30%');

  const previous = await results.previousValue(first, 'BHXH_TN');
  expect(previous).not.toBeNull();
  const doubled = previous! * 2;
  await results.typeInto(first, 'BHXH_TN', String(doubled));
  await results.save.click();

  await expect(results.notesDialog).toBeVisible();
  await expect(results.notesDialog).toContainText('so với tháng trước');
  await expect(results.notesDialog).toContainText('vượt ngưỡng 30%');
  await expect(results.cell(first, 'BHXH_TN')).toHaveAttribute('data-state', 'flagged');
  await shot(page, '34-results-jump-note');
  // Esc goes back to the sheet (nothing saved); saving asks again.
  await page.keyboard.press('Escape');
  await expect(results.notesDialog).toBeHidden();
  await results.save.click();
  await expect(results.notesDialog).toBeVisible();

  // Saving without a note is not possible.
  await results.notesDialog.getByRole('button', { name: 'Lưu kèm ghi chú' }).click();
  await expect(results.notesDialog).toContainText('Cần nhập ghi chú giải trình');

  await results.notesDialog.getByRole('textbox', { name: /^Ghi chú giải trình/ }).fill('Tháng cao điểm: đại lý bưu điện phát triển thêm người tham gia');
  await results.notesDialog.getByRole('button', { name: 'Lưu kèm ghi chú' }).click();
  await expect(results.notesDialog).toBeHidden();
  await expect(page.locator('.ant-message').getByText(/Đã lưu 1 số liệu tháng/)).toBeVisible();

  // Saved with its note; the threshold was kept.
  await page.reload();
  const again = await openResults(page, demoApp.url);
  await expect(again.cellInput(first, 'BHXH_TN')).toHaveValue(new Intl.NumberFormat('vi-VN').format(doubled));
  await expect(again.cell(first, 'BHXH_TN')).toHaveAttribute('title', /Ghi chú: Tháng cao điểm/);
  await expect(again.threshold).toHaveValue('30');
  const month = JSON.parse(demoApp.cli('results', '--period', today.slice(0, 7), '--indicator', 'BHXH_TN', '--json')) as {
    rows: { code: string; actual: number | null }[];
  };
  expect(month.rows.find((r) => r.code === first)?.actual).toBe(doubled);
});

test('undo (Hoàn tác, Ctrl+Z) restores the previous values, a pasted block in one step', async ({ page, demoApp }) => {
  const results = await openResults(page, demoApp.url);
  const [first, second] = await results.rowCodes();
  const before = await results.cellInput(first!, 'BHYT').inputValue();
  const beforeSecond = await results.cellInput(second!, 'BHYT').inputValue();
  expect(before).not.toBe('');

  await results.typeInto(first!, 'BHYT', '1');
  await expect(results.cellInput(first!, 'BHYT')).toHaveValue('1');
  await results.pasteAt(first!, 'BHYT', '7\n8');
  await expect(results.cellInput(first!, 'BHYT')).toHaveValue('7');
  await expect(results.cellInput(second!, 'BHYT')).toHaveValue('8');
  await expect(results.dirty).toHaveText('2 ô đã sửa, chưa lưu');

  // Ctrl+Z undoes the paste (both cells) …
  await results.pressUndo();
  await expect(results.cellInput(first!, 'BHYT')).toHaveValue('1');
  await expect(results.cellInput(second!, 'BHYT')).toHaveValue(beforeSecond);

  // … and the button undoes the typing.
  await results.undo.click();
  await expect(results.cellInput(first!, 'BHYT')).toHaveValue(before);
  await expect(results.dirty).toHaveText('Không có thay đổi chưa lưu');
  await expect(results.undo).toBeDisabled();
});

test('the month shown exports to Excel with its units and a totals row', async ({ page, demoApp }) => {
  await openResults(page, demoApp.url);
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('.rg-toolbar').getByRole('button', { name: 'Xuất Excel' }).click()]);
  const { readFileSync } = await import('node:fs');
  const XLSX = await import('xlsx');
  const path = await download.path();
  const wb = XLSX.read(readFileSync(path));
  const cells = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[wb.SheetNames[0]!]!, { header: 1, blankrows: false }).flat().map((c) => String(c ?? ''));
  expect(cells.some((c) => c.startsWith('KẾT QUẢ THỰC HIỆN THÁNG'))).toBe(true);
  expect(cells).toContain('Phường Phú An');
  expect(cells).toContain('Tổng cộng');
  await expect(page.locator('.ant-message').getByText(/Đã xuất tệp ket-qua/)).toBeVisible();
});

test('at 1366×768: a one-line toolbar, a total row, a filter by BHXH cơ sở, unusual changes flagged while typing, Ctrl+S saves', { tag: '@dates' }, async ({ page, demoApp, today }) => {
  // Many steps over a 16-row sheet: ~35 s alone, past 60 s when two browsers share the machine.
  test.setTimeout(120_000);
  const results = await openResults(page, demoApp.url);
  await shot(page, '32-results-toolbar-1366');

  // The toolbar fits: every control on one line, none cut off at the right edge.
  const layout = await results.toolbar.evaluate((bar) => {
    const box = bar.getBoundingClientRect();
    const kids = [...bar.children].map((c) => c.getBoundingClientRect()).filter((r) => r.width > 0);
    return { lines: new Set(kids.map((r) => Math.round(r.top + r.height / 2))).size, overflow: bar.scrollWidth - bar.clientWidth, right: Math.max(...kids.map((r) => r.right)) - box.right };
  });
  expect(layout.lines).toBe(1);
  expect(layout.overflow).toBe(0);
  expect(layout.right).toBeLessThanOrEqual(0);

  // The total row sums the units shown, in vi-VN, and follows what is typed before any save.
  const month = today.slice(0, 7);
  const table = JSON.parse(demoApp.cli('results', '--period', month, '--indicator', 'BHXH_TN', '--json')) as { rows: { code: string; actual: number | null }[] };
  const sum = table.rows.reduce((s, r) => s + (r.actual ?? 0), 0);
  const vi = (n: number) => new Intl.NumberFormat('vi-VN').format(n);
  await expect(results.total('BHXH_TN')).toHaveText(vi(sum));
  await expect(results.totalLabel).toHaveText(`Tổng cộng (${table.rows.length} đơn vị)`);
  const [first, second] = (await results.rowCodes()) as [string, string];
  const prevFirst = await results.previousValue(first, 'BHXH_TN');
  const valueFirst = Number((await results.cellInput(first, 'BHXH_TN').inputValue()).replace(/\./g, ''));
  await results.typeInto(first, 'BHXH_TN', String(valueFirst + 10));
  await expect(results.total('BHXH_TN')).toHaveText(vi(sum + 10));
  await expect(results.cell(first, 'BHXH_TN')).toHaveAttribute('data-state', 'changed');

  // Filter by BHXH cơ sở: only its communes, their total; the edit of a hidden unit is kept.
  await results.pickOption(results.toolbar, 'Lọc theo BHXH cơ sở', '', 'BHXH cơ sở Long Điền');
  const officeRows = await results.rowCodes();
  expect(officeRows.length).toBeGreaterThan(0);
  expect(officeRows.length).toBeLessThan(table.rows.length);
  const officeSum = table.rows.filter((r) => officeRows.includes(r.code)).reduce((s, r) => s + (r.actual ?? 0), 0) + (officeRows.includes(first) ? 10 : 0);
  await expect(results.total('BHXH_TN')).toHaveText(vi(officeSum));
  await expect(results.totalLabel).toHaveText(`Tổng cộng (${officeRows.length} đơn vị)`);
  await expect(results.summary).toContainText(`${officeRows.length}/${table.rows.length} đơn vị`);
  if (!officeRows.includes(first)) await expect(page.getByTestId('results-hidden-dirty')).toHaveText('(1 ô đang ẩn)');
  await expect(results.dirty).toHaveText('1 ô đã sửa, chưa lưu');
  // The info line under the toolbar stays on one line too, filter and hidden edits included.
  const infoLines = await page.locator('.rg-infobar').evaluate((bar) => new Set([...bar.children].map((c) => c.getBoundingClientRect()).filter((r) => r.width > 0 && r.height > 0).map((r) => Math.round(r.top + r.height / 2))).size);
  expect(infoLines).toBe(1);
  await shot(page, '33-results-office-filter');
  await results.pickOption(results.toolbar, 'Lọc theo BHXH cơ sở', '', 'Tất cả đơn vị');
  await expect(results.cellInput(first, 'BHXH_TN')).toHaveValue(vi(valueFirst + 10));

  // Ctrl+S saves, the cell still being typed in included, and the browser's own "save page" is held back.
  await page.evaluate(() => {
    (window as unknown as { ctrlS: boolean[] }).ctrlS = [];
    window.addEventListener('keydown', (e) => {
      if (e.ctrlKey && e.key.toLowerCase() === 's') (window as unknown as { ctrlS: boolean[] }).ctrlS.push(e.defaultPrevented);
    });
  });
  const valueSecond = Number((await results.cellInput(second, 'BHXH_TN').inputValue()).replace(/\./g, ''));
  await results.cell(second, 'BHXH_TN').click();
  await page.keyboard.type(String(valueSecond + 1));
  await page.keyboard.press('Control+s');
  await expect(page.locator('.ant-message').getByText(/Đã lưu 2 số liệu tháng/)).toBeVisible();
  await expect(results.dirty).toHaveText('Không có thay đổi chưa lưu');
  expect(await page.evaluate(() => (window as unknown as { ctrlS: boolean[] }).ctrlS)).toEqual([true]);
  await expect(results.cellInput(second, 'BHXH_TN')).toHaveValue(vi(valueSecond + 1));

  // A change far from last month's figure is coloured while it is typed, and the cell says why.
  expect(prevFirst).not.toBeNull();
  const jumped = prevFirst! * 2;
  await results.cell(first, 'BHXH_TN').click();
  await page.keyboard.type(String(jumped));
  await expect(results.cell(first, 'BHXH_TN')).toHaveAttribute('data-state', 'jump');
  await page.keyboard.press('Enter');
  await expect(results.cell(first, 'BHXH_TN')).toHaveAttribute('data-state', 'jump');
  await expect(results.cell(first, 'BHXH_TN')).toHaveAttribute('title', new RegExp(`Biến động bất thường: thay đổi 100,0% so với tháng trước \\(${vi(prevFirst!).replace(/\./g, '\\.')} → ${vi(jumped).replace(/\./g, '\\.')}\\), vượt ngưỡng 20%`));
  await results.cell(first, 'BHXH_TN').hover();
  await shot(page, '34b-results-jump-while-typing');
  // A change within the threshold is only "changed".
  await results.typeInto(first, 'BHXH_TN', String(prevFirst! + 1));
  await expect(results.cell(first, 'BHXH_TN')).toHaveAttribute('data-state', 'changed');
});
