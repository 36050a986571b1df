import { expect, test } from './fixtures';
import { AppShell, CatalogsPage } from './pages';
import { ResultsPage } from './pages/ResultsPage';
import type { Locator, Page } from '@playwright/test';

async function escCloses(page: Page, dialog: Locator): Promise<void> {
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
}

test('Esc closes the dialogs of Chỉ tiêu & kết quả, one after another', async ({ page, demoApp }) => {
  // Many dialogs opened and closed one after another: past 60 s when the machine is busy.
  test.setTimeout(120_000);
  const shell = new AppShell(page);
  await shell.open(demoApp.url);
  await shell.navigate('Chỉ tiêu & kết quả');
  const results = new ResultsPage(page);
  await results.openTab('Chỉ tiêu kế hoạch');
  await expect(results.targetsTable.locator('tr.ant-table-row').first()).toBeVisible();

  // Twice each: a dialog closed once must not keep a later one from closing.
  for (let i = 0; i < 2; i++) {
    await page.getByRole('button', { name: 'Giao chỉ tiêu' }).click();
    await escCloses(page, results.targetDialog);
    await page.getByRole('button', { name: 'Phân bổ xuống đơn vị cấp dưới' }).click();
    await escCloses(page, results.breakdownDialog);
  }
});

test('Esc closes the unit dialogs of Danh mục and the discard question of the entry grid', async ({ page, demoApp }) => {
  // Many dialogs opened and closed one after another: past 60 s when the machine is busy.
  test.setTimeout(120_000);
  const shell = new AppShell(page);
  await shell.open(demoApp.url);
  await shell.navigate('Danh mục');
  const catalogs = new CatalogsPage(page);
  await catalogs.selectUnit('99509');
  for (let i = 0; i < 2; i++) {
    await escCloses(page, await catalogs.openEdit());
    await escCloses(page, await catalogs.openMerge());
  }
  await escCloses(page, (await catalogs.openImport()).root);

  await shell.navigate('Chỉ tiêu & kết quả');
  const results = new ResultsPage(page);
  await results.waitForGrid();
  const [first] = (await results.rowCodes()) as [string];
  await results.typeInto(first, 'BHXH_TN', '1.000');
  await results.typeMonth('10/2026');
  const question = page.getByRole('dialog', { name: 'Bỏ các số liệu chưa lưu?' });
  await escCloses(page, question);
  // Esc is "Ở lại": the edit is still there.
  await expect(results.dirty).toHaveText('1 ô đã sửa, chưa lưu');
});
