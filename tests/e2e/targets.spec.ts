import { DEFAULT_TODAY, expect, shot, test } from './fixtures';
import { AppShell } from './pages';
import { ResultsPage } from './pages/ResultsPage';
import type { Page } from '@playwright/test';

async function openTargets(page: Page, url: string): Promise<ResultsPage> {
  const shell = new AppShell(page);
  await shell.open(url);
  await shell.navigate('Chỉ tiêu & kết quả');
  const results = new ResultsPage(page);
  await results.openTab('Chỉ tiêu kế hoạch');
  await expect(results.targetsTable.locator('tr.ant-table-row').first()).toBeVisible();
  return results;
}

test('a target is given, then revised: the original plan is kept and shown with the revision', async ({ page, demoApp }) => {
  // Three targets through the dialog over a ~90-row table: 35 s on a quiet CI machine, past 60 s under load.
  test.setTimeout(120_000);
  const results = await openTargets(page, demoApp.url);
  const year = Number(DEFAULT_TODAY.slice(0, 4));
  await shot(page, '35-targets');

  await page.getByRole('button', { name: 'Giao chỉ tiêu' }).click();
  const dialog = results.targetDialog;
  await expect(dialog).toBeVisible();
  await results.pickOption(dialog, 'Đơn vị', 'long dien', 'Xã Long Điền (99509)');
  await results.pickOption(dialog, 'Chỉ tiêu', '', 'Người tham gia BHXH tự nguyện');
  await dialog.getByLabel('Giá trị (người)').fill('12.585');
  await results.pickOption(dialog, 'Nguồn giao', '', 'Nội bộ');
  await dialog.getByLabel('Số quyết định').fill('15/QĐ-BHXH');
  await dialog.getByLabel('Ngày quyết định').fill(`15/01/${year}`);
  await dialog.getByLabel('Ngày quyết định').press('Enter');
  await shot(page, '36-target-form');
  await dialog.getByRole('button', { name: 'Giao chỉ tiêu' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.locator('.ant-message')).toContainText('Đã giao chỉ tiêu: Xã Long Điền — 12.585');

  const row = results.targetRow('Xã Long Điền', 'Nội bộ');
  await expect(row).toHaveCount(1);
  await expect(row.getByTestId('target-value')).toHaveText('12.585');
  await expect(row).toContainText('15/QĐ-BHXH');
  await expect(row).toContainText(`15/01/${year}`);

  // Kế hoạch điều chỉnh: keeps the original.
  await row.getByRole('button', { name: 'Điều chỉnh' }).click();
  await expect(results.targetDialog).toBeVisible();
  await expect(results.targetDialog.getByRole('checkbox', { name: 'Kế hoạch điều chỉnh (giữ kế hoạch gốc)' })).toBeChecked();
  await expect(results.targetDialog).toContainText('Đã có chỉ tiêu');
  await results.targetDialog.getByLabel('Giá trị (người)').fill('13.000');
  await results.targetDialog.getByLabel('Số quyết định').fill('102/QĐ-BHXH');
  await results.targetDialog.getByRole('button', { name: 'Giao chỉ tiêu' }).click();
  await expect(results.targetDialog).toBeHidden();
  await expect(page.locator('.ant-message')).toContainText('Đã giao kế hoạch điều chỉnh lần 1');

  await expect(row.getByTestId('target-value')).toHaveText('13.000');
  await expect(row.getByTestId('target-revision')).toHaveText('KH gốc 12.585 → điều chỉnh 13.000');
  await row.getByTestId('target-revision').hover();
  await expect(page.locator('.ant-tooltip')).toContainText('KH gốc: 12.585 — QĐ 15/QĐ-BHXH');
  await shot(page, '37-target-revised');

  // Rates are typed in percent and shown as percent.
  await page.getByRole('button', { name: 'Giao chỉ tiêu' }).click();
  await results.pickOption(results.targetDialog, 'Đơn vị', 'long dien', 'Xã Long Điền (99509)');
  await results.pickOption(results.targetDialog, 'Chỉ tiêu', '', 'Tỷ lệ bao phủ BHYT');
  await results.targetDialog.getByLabel('Giá trị (%)').fill('92,25');
  await results.pickOption(results.targetDialog, 'Nguồn giao', '', 'Nội bộ');
  await results.targetDialog.getByRole('button', { name: 'Giao chỉ tiêu' }).click();
  await expect(results.targetDialog).toBeHidden();
  await expect(results.targetsTable.locator('tr.ant-table-row', { hasText: 'Bao phủ BHYT' }).filter({ hasText: 'Xã Long Điền' })).toContainText('92,25%');
});

test('breakdown by population: the proposal adds up to the parent target; an edit shows the difference; commit', async ({ page, demoApp }) => {
  const results = await openTargets(page, demoApp.url);
  await page.getByRole('button', { name: 'Phân bổ xuống đơn vị cấp dưới' }).click();
  const dialog = results.breakdownDialog;
  await expect(dialog).toBeVisible();
  await results.pickOption(dialog, 'Chỉ tiêu phân bổ', '', 'BHXH tự nguyện');
  await expect(dialog.getByLabel('Phương pháp phân bổ')).toBeVisible();
  await expect(dialog.getByText('Theo dân số')).toBeVisible();

  const table = dialog.getByTestId('breakdown-table');
  await expect(table.locator('tr.ant-table-row')).toHaveCount(16);
  await expect(table).toContainText('Dân số');
  await expect(dialog.getByTestId('breakdown-balanced')).toContainText('Tổng chỉ tiêu các đơn vị bằng chỉ tiêu của Tỉnh Phú An');
  await shot(page, '38-breakdown-population');

  // Change one unit's value: the sum no longer matches and the dialog says by how much.
  const firstInput = table.getByRole('textbox').first();
  const proposed = Number((await firstInput.inputValue()).replace(/\./g, ''));
  await firstInput.fill(String(proposed + 100));
  await firstInput.press('Enter');
  await expect(dialog.getByTestId('breakdown-difference')).toContainText('chưa bằng chỉ tiêu của Tỉnh Phú An');
  await expect(dialog.getByTestId('breakdown-difference')).toContainText('chênh lệch 100 (vượt)');
  await expect(dialog.getByText('Nhập tay')).toBeVisible();
  await shot(page, '39-breakdown-difference');

  await dialog.getByLabel('Số quyết định giao').fill('30/QĐ-BHXH');
  await dialog.getByRole('button', { name: 'Giao chỉ tiêu' }).click();
  // Sixteen plans written with their audit rows, then the list reloaded: seconds on a busy machine.
  await expect(page.locator('.ant-message')).toContainText('Đã giao chỉ tiêu cho 16 đơn vị trực thuộc Tỉnh Phú An', { timeout: 30_000 });
  await expect(dialog).toBeHidden();

  await results.pickOption(page.locator('[data-testid="targets-tab"]'), 'Lọc theo nguồn giao', '', 'BHXH Việt Nam');
  await expect(results.targetsTable.locator('tr.ant-table-row', { hasText: '30/QĐ-BHXH' })).toHaveCount(16);
});

test('breakdown: the source follows the parent’s target; the children’s plans it would overwrite are shown and confirmed first', async ({ page, demoApp }) => {
  test.setTimeout(120_000);
  const year = Number(DEFAULT_TODAY.slice(0, 4));
  // The province now also has a plan from BHXH tỉnh for voluntary BHXH: the authority its communes' plans come from.
  await demoApp.invoke('targets:set', { unitCode: '99', indicatorCode: 'BHXH_TN', year, value: 30_000, source: 'BHXH_TINH' });
  const results = await openTargets(page, demoApp.url);
  await results.pickOption(page.locator('[data-testid="targets-tab"]'), 'Lọc theo nguồn giao', '', 'BHXH tỉnh');
  const longDienRow = results.targetRow('Xã Long Điền', 'BHXH tỉnh').filter({ hasText: 'BHXH tự nguyện' }).getByTestId('target-value');
  await page.getByRole('button', { name: 'Phân bổ xuống đơn vị cấp dưới' }).click();
  const dialog = results.breakdownDialog;
  const sourceField = dialog.locator('.ant-form-item').filter({ hasText: /^Nguồn giao/ });
  const table = dialog.getByTestId('breakdown-table');

  await results.pickOption(dialog, 'Chỉ tiêu phân bổ', '', 'BHXH tự nguyện');
  await expect(sourceField).toContainText('BHXH tỉnh');
  await expect(dialog.getByTestId('breakdown-balanced')).toContainText('(30.000)');
  await expect(dialog.getByTestId('breakdown-overwrites')).toContainText(`16/16 đơn vị đã có chỉ tiêu năm ${year} do BHXH tỉnh giao`);
  await expect(table.getByTestId('breakdown-existing')).toHaveCount(16);
  await shot(page, '39b-breakdown-overwrites');

  // Household BHYT: the province's plan is from BHXH Việt Nam only, which the communes have no plan from.
  await results.pickOption(dialog, 'Chỉ tiêu phân bổ', '', 'BHYT hộ gia đình');
  await expect(sourceField).toContainText('BHXH Việt Nam');
  await expect(dialog.getByTestId('breakdown-balanced')).toBeVisible();
  await expect(dialog.getByTestId('breakdown-overwrites')).toHaveCount(0);
  await expect(table).toContainText('chưa giao');
  await results.pickOption(dialog, 'Chỉ tiêu phân bổ', '', 'BHXH tự nguyện');
  await expect(sourceField).toContainText('BHXH tỉnh');
  await expect(dialog.getByTestId('breakdown-overwrites')).toBeVisible();

  const longDien = table.locator('tr.ant-table-row', { hasText: 'Xã Long Điền' });
  const oldValue = (await longDien.getByTestId('breakdown-existing').textContent())!.trim();
  const newValue = await longDien.getByRole('textbox').inputValue();

  // Asked first, with old → new per unit; "Xem lại" writes nothing.
  await dialog.getByRole('button', { name: 'Giao chỉ tiêu' }).click();
  const confirm = page.getByRole('dialog', { name: 'Ghi đè chỉ tiêu đã giao của 16 đơn vị?' });
  await expect(confirm).toBeVisible();
  const listed = confirm.getByTestId('breakdown-overwrite-list').locator('tr', { hasText: 'Xã Long Điền' });
  await expect(listed).toContainText(oldValue);
  await expect(listed).toContainText(newValue === oldValue ? 'không đổi' : `→ ${newValue}`);
  await shot(page, '39c-breakdown-confirm-overwrite');
  await confirm.getByRole('button', { name: 'Xem lại' }).click();
  await expect(confirm).toBeHidden();
  await expect(dialog).toBeVisible();
  await expect(longDienRow).toHaveText(oldValue);

  await dialog.getByRole('button', { name: 'Giao chỉ tiêu' }).click();
  await confirm.getByRole('button', { name: 'Ghi đè và giao chỉ tiêu' }).click();
  // Sixteen plans written with their audit rows: seconds on a busy machine.
  await expect(page.locator('.ant-message')).toContainText('Đã giao chỉ tiêu cho 16 đơn vị trực thuộc Tỉnh Phú An', { timeout: 30_000 });
  await expect(dialog).toBeHidden();
  await expect(longDienRow).toHaveText(newValue);

  // A source picked by hand stays when the indicator changes.
  await page.getByRole('button', { name: 'Phân bổ xuống đơn vị cấp dưới' }).click();
  await results.pickOption(dialog, 'Chỉ tiêu phân bổ', '', 'BHXH tự nguyện');
  await expect(sourceField).toContainText('BHXH tỉnh');
  await results.pickOption(dialog, 'Nguồn giao phân bổ', '', 'UBND tỉnh');
  await results.pickOption(dialog, 'Chỉ tiêu phân bổ', '', 'BHYT hộ gia đình');
  await expect(sourceField).toContainText('UBND tỉnh');
});
