import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, FIXTURES, shot, test } from './fixtures';
import { AppShell, CatalogsPage, FirstRunPage } from './pages';

test('first run: import the unit list through the preview, see the tree, search without diacritics', async ({ page, app }) => {
  const shell = new AppShell(page);
  await shell.open(app.url);
  const firstRun = new FirstRunPage(page);
  await firstRun.expectVisible();
  await shot(page, '01-first-run');

  const dialog = await firstRun.openImport();
  await dialog.chooseFile(join(FIXTURES, 'units-hong-dan-2020-09.xlsx'));
  await expect(dialog.shape).toHaveText('Danh mục 3 cấp (trước 01/07/2025)');
  await expect(dialog.counter('Thêm mới')).toHaveText('11');
  await expect(dialog.changes).toContainText('Thị trấn Ngan Dừa');
  await shot(page, '02-unit-import-preview');
  await dialog.commit();
  await expect(dialog.outcome).toContainText('11');
  await dialog.close();

  const catalogs = new CatalogsPage(page);
  await catalogs.setAsOf('01/01/2024');
  await expect(catalogs.node('95')).toBeVisible();
  await expect(catalogs.node('31030')).toBeVisible();
  await catalogs.selectUnit('31006');
  await expect(catalogs.detailValue('Tên đơn vị')).toHaveText('Thị trấn Ngan Dừa');
  await expect(catalogs.detailValue('Loại')).toHaveText('Thị trấn');
  await expect(catalogs.detailValue('Đơn vị cấp trên')).toContainText('Huyện Hồng Dân');
  await shot(page, '03-unit-tree');

  await catalogs.searchFor('ninh hoa');
  await expect(catalogs.node('31015')).toBeVisible();
  await expect(catalogs.node('31015')).toContainText('Xã Ninh Hòa');
  await expect(catalogs.node('31009')).toHaveCount(0);
  await shot(page, '04-unit-search-folded');
});

test('a file that is not a unit list is refused with a Vietnamese message and changes nothing', async ({ page, app }) => {
  const shell = new AppShell(page);
  await shell.open(app.url);
  const firstRun = new FirstRunPage(page);
  const dialog = await firstRun.openImport();
  await dialog.chooseFile(join(FIXTURES, 'district-report-hong-dan-2020-09.xlsx'));
  await expect(dialog.error).toContainText('district-report-hong-dan-2020-09.xlsx');
  await expect(dialog.error).toContainText('không phải danh mục đơn vị hành chính');

  const pdf = join(app.dataDir, 'danh-muc.xlsx');
  writeFileSync(pdf, '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');
  await dialog.chooseFile(pdf);
  await expect(dialog.error).toContainText('danh-muc.xlsx');
  await expect(dialog.error).toContainText('tệp PDF');
  await shot(page, '05-unit-import-wrong-file');
  await dialog.close();

  const listed = JSON.parse(app.cli('units', 'list', '--json')) as unknown[];
  expect(listed).toHaveLength(0);
});
