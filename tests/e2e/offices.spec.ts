import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { writeWorkbook } from '../helpers/workbooks';
import { expect, shot, test } from './fixtures';
import { AppShell, BackupsPage, CatalogsPage } from './pages';
import { ReportsPage } from './pages/ReportsPage';

/** Types a dd/mm/yyyy day into an antd date picker. */
async function typeDate(field: Locator, ddmmyyyy: string): Promise<void> {
  await field.click();
  await field.fill(ddmmyyyy);
  await field.press('Enter');
}

async function openOffices(page: Page, url: string): Promise<CatalogsPage> {
  const shell = new AppShell(page);
  await shell.open(url);
  await shell.navigate('Danh mục');
  const catalogs = new CatalogsPage(page);
  await catalogs.openTab('Cơ quan BHXH cơ sở');
  await expect(catalogs.officesTable).toContainText('BHXH cơ sở Long Điền');
  return catalogs;
}

test('an office created in Danh mục, given a commune from a date, has its own row in the report by BHXH cơ sở', async ({ page, demoApp }) => {
  test.setTimeout(240_000);
  const catalogs = await openOffices(page, demoApp.url);
  const table = catalogs.officesTable;
  await expect(table.locator('tbody tr.ant-table-row')).toHaveCount(3);
  await expect(table).toContainText('Số xã, phường ngày 22/11/2026');
  await shot(page, '90-offices-list');

  // Search without diacritics.
  await page.getByTestId('office-search').fill('long dien');
  await expect(table.locator('tbody tr.ant-table-row')).toHaveCount(1);
  await page.getByTestId('office-search').fill('');
  await expect(table.locator('tbody tr.ant-table-row')).toHaveCount(3);

  // Long Điền lets one of its merged communes go after 31/08/2026.
  await table.getByText('BHXH cơ sở Long Điền').click();
  const drawer = page.getByTestId('office-detail');
  await expect(drawer).toBeVisible();
  const current = drawer.getByTestId('office-members').locator('tbody tr', { hasText: '01/07/2025' }).first();
  const commune = (await current.locator('td').first().innerText()).trim();
  await page.waitForTimeout(500); // the drawer's slide-in
  await shot(page, '91-office-detail');
  await current.getByRole('button', { name: 'Thôi trực thuộc' }).click();
  const end = page.getByRole('dialog', { name: new RegExp(`^${commune} thôi trực thuộc`) });
  await typeDate(end.getByLabel('Trực thuộc đến hết ngày'), '31/08/2026');
  await end.getByRole('button', { name: 'Lưu' }).click();
  await expect(end).toBeHidden();
  await expect(drawer.getByTestId('office-members').locator('tbody tr', { hasText: commune })).toContainText('31/08/2026');
  await drawer.locator('.ant-drawer-close').click();

  // A new office, with its details.
  await page.getByTestId('office-create').click();
  const form = page.getByRole('dialog', { name: 'Thêm cơ quan BHXH cơ sở' });
  await form.getByLabel('Mã cơ quan').fill('9904');
  await form.getByLabel('Tên cơ quan').fill('BHXH cơ sở Đông Hải');
  await form.getByLabel('Địa chỉ trụ sở').fill('Số 12 đường Trần Phú, phường An Phú');
  await form.getByLabel('Giám đốc').fill('Nguyễn Thị Lan');
  await form.getByLabel('Điện thoại').fill('0291 3 800 123');
  await shot(page, '92-office-create');
  await form.getByRole('button', { name: 'Thêm' }).click();
  await expect(form).toBeHidden();
  await expect(table).toContainText('BHXH cơ sở Đông Hải');

  // The new office opens; it takes the commune from 01/09/2026.
  await expect(drawer).toContainText('BHXH cơ sở Đông Hải');
  await drawer.getByTestId('office-assign-open').click();
  const assign = page.getByRole('dialog', { name: 'Giao xã, phường cho BHXH cơ sở Đông Hải' });
  await typeDate(assign.getByLabel('Từ ngày'), '01/09/2026');
  await assign.getByLabel('Xã, phường').click();
  await page.keyboard.type(commune.replace(/^(Xã|Phường) /, ''));
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: commune }).first().click();
  await page.keyboard.press('Escape');
  await shot(page, '93-office-assign');
  await assign.getByRole('button', { name: 'Giao', exact: true }).click();
  await expect(assign).toBeHidden();
  const row = drawer.getByTestId('office-members').locator('tbody tr', { hasText: commune });
  await expect(row).toContainText('01/09/2026');
  await expect(drawer).toContainText('hôm nay 1');
  await shot(page, '94-office-with-commune');

  // A commune cannot be in two offices on one day: said in Vietnamese, nothing written.
  await drawer.getByTestId('office-assign-open').click();
  await typeDate(assign.getByLabel('Từ ngày'), '01/10/2026');
  await assign.getByLabel('Xã, phường').click();
  await page.keyboard.type(commune.replace(/^(Xã|Phường) /, ''));
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: commune }).first().click();
  await page.keyboard.press('Escape');
  await assign.getByRole('button', { name: 'Giao', exact: true }).click();
  await expect(assign.getByRole('alert')).toContainText('một xã, phường chỉ thuộc một cơ quan BHXH cơ sở vào mỗi ngày');
  await shot(page, '95-office-assign-overlap');
  await assign.getByRole('button', { name: 'Hủy' }).click();
  await expect(assign).toBeHidden();
  await drawer.locator('.ant-drawer-close').click();
  await expect(drawer).toBeHidden();

  // The report for October 2026, by BHXH cơ sở, has the new office's row.
  await new AppShell(page).navigate('Báo cáo');
  const reports = new ReportsPage(page);
  await reports.waitPreview();
  await page.locator('#report-group-by').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: 'BHXH cơ sở' }).click();
  await reports.waitPreview();
  const unitTable = reports.previewSection('unitTable');
  await expect(unitTable).toContainText('BHXH cơ sở Đông Hải');
  await expect(unitTable).toContainText('BHXH cơ sở Long Điền');
  await unitTable.getByText('BHXH cơ sở Đông Hải').first().scrollIntoViewIfNeeded();
  await shot(page, '96-report-by-office-with-new-office');

  // Every step is in the audit log, in Vietnamese.
  await new AppShell(page).navigate('Sao lưu');
  const audit = new BackupsPage(page).audit;
  for (const action of ['Thêm cơ quan BHXH cơ sở', 'Giao xã, phường cho cơ quan', 'Xã, phường thôi trực thuộc']) await expect(audit).toContainText(action);
  await expect(audit).toContainText('BHXH cơ sở Đông Hải');
  await shot(page, '99-audit-offices');
});

test('importing offices from Excel: errors shown by sheet, row and cell; nothing written until the file is right', async ({ page, demoApp }) => {
  const catalogs = await openOffices(page, demoApp.url);
  const dir = mkdtempSync(join(tmpdir(), 'bhxh-e2e-offices-'));
  const bad = writeWorkbook(join(dir, 'co-quan-bhxh.xlsx'), [
    { name: 'Cơ quan', rows: [['Mã cơ quan', 'Tên cơ quan', 'Địa chỉ'], ['9904', 'BHXH cơ sở Đông Hải', 'Số 1'], ['9904', 'BHXH cơ sở Trùng', '']] },
    { name: 'Xã phường', rows: [['Mã cơ quan', 'Mã xã', 'Từ ngày'], ['9904', '12345', '01/01/2026'], ['9904', '99500', '31/02/2026']] },
  ]);
  await page.getByTestId('office-import').click();
  const dialog = page.getByRole('dialog', { name: 'Nhập cơ quan BHXH cơ sở từ Excel' });
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), dialog.getByRole('button', { name: 'Chọn tệp Excel' }).click()]);
  await chooser.setFiles(bad);
  await expect(dialog.getByTestId('office-import-blocked')).toBeVisible();
  const errors = dialog.getByTestId('office-import-errors');
  await expect(errors).toContainText('trùng với dòng 2');
  await expect(errors).toContainText('12345');
  await expect(errors).toContainText('dd/mm/yyyy');
  await expect(dialog.getByRole('button', { name: 'Nhập vào cơ sở dữ liệu' })).toBeDisabled();
  await shot(page, '97-office-import-errors');

  const good = writeWorkbook(join(dir, 'co-quan-bhxh-dung.xlsx'), [{ name: 'Cơ quan', rows: [['Mã cơ quan', 'Tên cơ quan', 'Địa chỉ', 'Giám đốc'], ['9904', 'BHXH cơ sở Đông Hải', 'Số 1 Trần Phú', 'Lê Văn Minh']] }]);
  const [again] = await Promise.all([page.waitForEvent('filechooser'), dialog.getByRole('button', { name: 'Chọn tệp khác' }).click()]);
  await again.setFiles(good);
  await expect(dialog.getByTestId('office-import-preview')).toContainText('Thêm cơ quan');
  await dialog.getByRole('button', { name: 'Nhập vào cơ sở dữ liệu' }).click();
  await expect(dialog.getByTestId('office-import-outcome')).toContainText('thêm 1 cơ quan');
  await shot(page, '98-office-import-done');
  await dialog.locator('.ant-modal-footer').getByRole('button', { name: 'Đóng' }).click();
  await expect(catalogs.officesTable).toContainText('BHXH cơ sở Đông Hải');
  await expect(catalogs.officesTable).toContainText('Lê Văn Minh');
});
