import { join } from 'node:path';
import { expect, FIXTURES, shot, test } from './fixtures';
import { AppShell, CatalogsPage } from './pages';

test('the 2025 reform: two-level list and merge table through the UI, the tree by date, a merge by hand', async ({ page, app }) => {
  await app.importUnits(join(FIXTURES, 'units-hong-dan-2020-09.xlsx'));
  const shell = new AppShell(page);
  await shell.open(app.url);
  await shell.navigate('Danh mục');
  const catalogs = new CatalogsPage(page);

  const twoLevel = await catalogs.openImport();
  await twoLevel.chooseFile(join(FIXTURES, 'units-2025-two-level-sample.xlsx'));
  await expect(twoLevel.shape).toHaveText('Danh mục 2 cấp (từ 01/07/2025)');
  await expect(twoLevel.validFrom).toHaveValue('01/07/2025');
  await twoLevel.commit();
  await twoLevel.close();

  const merges = await catalogs.openImport();
  await merges.chooseFile(join(FIXTURES, 'unit-merges-2025-sample.xlsx'));
  await expect(merges.shape).toHaveText('Bảng sáp nhập đơn vị');
  await expect(merges.counter('Liên kết sáp nhập')).toHaveText('9');
  await shot(page, '06-merge-import-preview');
  await merges.commit();
  await merges.close();

  // Today's tree: only the post-reform province and its communes.
  await catalogs.setAsOf('01/01/2026');
  await expect(catalogs.node('96')).toBeVisible();
  await expect(catalogs.node('32104')).toBeVisible();
  await expect(catalogs.node('31015')).toHaveCount(0);
  await catalogs.selectUnit('32104');
  await expect(catalogs.predecessors).toContainText('Thị trấn Ngan Dừa');
  await expect(catalogs.predecessors).toContainText('Xã Ninh Hòa');
  await expect(catalogs.predecessors).toContainText('Xã Lộc Ninh');
  await shot(page, '07-tree-after-reform');

  // The 2024 tree is still there.
  await catalogs.setAsOf('01/01/2024');
  await expect(catalogs.node('956')).toBeVisible();
  await expect(catalogs.node('32104')).toHaveCount(0);
  await catalogs.selectUnit('31015');
  await expect(catalogs.detailValue('Hiệu lực đến')).toHaveText('30/06/2025');
  await expect(catalogs.successors).toContainText('Xã Hồng Dân');

  // Record a merge by hand: two 2025 communes into a new one from 01/01/2026.
  await catalogs.setAsOf('01/12/2025');
  const dialog = await catalogs.openMerge();
  await catalogs.pickOption(dialog, 'Các đơn vị cũ', 'vinh loc', 'Xã Vĩnh Lộc (32107)');
  await catalogs.pickOption(dialog, 'Các đơn vị cũ', 'ninh thanh', 'Xã Ninh Thạnh Lợi (32110)');
  await page.keyboard.press('Escape');
  await dialog.getByText('Đơn vị mới', { exact: true }).click();
  await dialog.getByLabel('Mã đơn vị mới').fill('32113');
  await dialog.getByLabel('Tên đơn vị mới').fill('Xã Vĩnh Thạnh Lợi');
  await catalogs.pickOption(dialog, 'Thuộc tỉnh/thành phố', 'ca mau', 'Tỉnh Cà Mau');
  const date = dialog.getByLabel('Ngày sáp nhập có hiệu lực');
  await date.click();
  await date.fill('01/01/2026');
  await date.press('Enter');
  await shot(page, '08-merge-by-hand');
  await dialog.getByRole('button', { name: 'Ghi nhận', exact: true }).click();
  await expect(dialog).toBeHidden();

  const units = JSON.parse(app.cli('units', 'list', '--json')) as { code: string; validFrom: string | null; validTo: string | null }[];
  expect(units.find((u) => u.code === '32113')).toMatchObject({ validFrom: '2026-01-01', validTo: null });
  expect(units.find((u) => u.code === '32107')).toMatchObject({ validTo: '2025-12-31' });
  expect(units.find((u) => u.code === '32110')).toMatchObject({ validTo: '2025-12-31' });
});
