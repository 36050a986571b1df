import { join } from 'node:path';
import { expect, FIXTURES, shot, test } from './fixtures';
import { AppShell } from './pages';
import { CampaignsPage } from './pages/CampaignsPage';

// Today is 22/11/2026 (fixtures' DEFAULT_TODAY). The launch day's figures are Trà Vinh's (DOMAIN.md):
// 925 of a plan of 700 on the first day (132,14%), 40 more the next (965: 137,86%), 1.186 of 1.300
// household BHYT (91,23%).
const NAME = 'Lễ ra quân tháng vận động BHXH tự nguyện xã Long Điền';

test('a two-day launch day recorded with plan and results: % of plan and conversion, found in the calendar and the year totals', async ({ page, demoApp }) => {
  test.slow();
  const shell = new AppShell(page);
  await shell.open(demoApp.url);
  await shell.navigate('Tuyên truyền');
  const campaigns = new CampaignsPage(page);
  await expect(campaigns.table).toBeVisible();
  await shot(page, 'campaigns-01-list-demo');

  await page.getByTestId('campaign-create').click();
  await expect(campaigns.form).toBeVisible();
  await campaigns.form.getByLabel('Tên hoạt động', { exact: true }).fill(NAME);
  await campaigns.pick('Loại hình', 'Lễ ra quân');
  await campaigns.typeRange('11/07/2026', '12/07/2026');
  await campaigns.form.getByLabel('Kế hoạch BHXH tự nguyện', { exact: true }).fill('700');
  await campaigns.form.getByLabel('Kế hoạch BHYT hộ gia đình', { exact: true }).fill('1300');
  await campaigns.form.getByLabel('Chi phí', { exact: true }).fill('21110000');
  await campaigns.addDay(1, '11/07/2026', { attendees: '1500', tn: '925', hgd: '1186' });
  await campaigns.addDay(2, '12/07/2026', { attendees: '300', tn: '40' });
  await expect(campaigns.form.getByLabel('Chi phí', { exact: true })).toHaveValue('21.110.000');
  await shot(page, 'campaigns-02-form-two-days');
  await campaigns.okButton().click();
  await expect(campaigns.form).toBeHidden();

  const detail = campaigns.detail;
  await expect(detail.getByTestId('campaign-pct-tn')).toContainText('137,86%');
  await expect(detail.getByTestId('campaign-pct-hgd')).toContainText('91,23%');
  await expect(detail.getByTestId('campaign-conversion')).toContainText('119,50%');
  await expect(detail.getByTestId('campaign-cost')).toContainText('9.814 đ');
  const days = detail.getByTestId('campaign-days');
  await expect(days.locator('tbody tr').nth(0)).toContainText('132,14%');
  await expect(days.locator('tbody tr').nth(1)).toContainText('137,86%');
  await expect(detail.getByTestId('campaign-effect')).toBeVisible();
  await page.waitForTimeout(400); // the drawer's slide-in
  await shot(page, 'campaigns-03-detail');
  await page.keyboard.press('Escape');
  await expect(detail).toBeHidden();

  await page.getByTestId('campaign-search').fill('le ra quan thang van dong xa long dien');
  await expect(campaigns.row(NAME)).toContainText('11/07 – 12/07/2026');
  await expect(campaigns.row(NAME)).toContainText('137,86%');

  await campaigns.openTab('Lịch');
  const month = page.getByTestId('campaign-calendar-month');
  await month.click();
  await month.fill('07/2026');
  await month.press('Enter');
  await month.press('Escape');
  const cell = page.locator('td[title="2026-07-12"]');
  await expect(cell.getByRole('button', { name: NAME })).toBeVisible();
  await shot(page, 'campaigns-04-calendar');
  await cell.getByRole('button', { name: NAME }).click();
  await expect(detail).toContainText(NAME);
  await page.keyboard.press('Escape');

  await campaigns.openTab('Tổng hợp');
  const byKind = page.getByTestId('campaign-totals-by-kind');
  await expect(byKind.locator('tbody tr', { hasText: 'Lễ ra quân' })).toBeVisible();
  await expect(page.getByTestId('campaign-month-chart')).toBeVisible();
  await shot(page, 'campaigns-05-totals');
  await page.getByTestId('campaign-effect-by-kind').scrollIntoViewIfNeeded();
  await shot(page, 'campaigns-06-totals-effect');
});

test('the campaign list an office keeps imported from Excel (one row per day), previewed, committed and undone', async ({ page, demoApp }) => {
  const shell = new AppShell(page);
  await shell.open(demoApp.url);
  await shell.navigate('Tuyên truyền');
  const campaigns = new CampaignsPage(page);
  await page.getByTestId('campaign-import').click();
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('campaign-import-pick').click()]);
  await chooser.setFiles(join(FIXTURES, 'campaigns-hong-dan-2020.xlsx'));
  const preview = page.getByTestId('campaign-import-preview');
  await expect(preview).toContainText('campaigns-hong-dan-2020.xlsx');
  await expect(preview).toContainText('mỗi dòng một ngày');
  await expect(preview.locator('tbody tr', { hasText: 'Ra quân tháng vận động' })).toContainText('69 / 60');
  await shot(page, 'campaigns-07-import-preview');
  await page.getByTestId('campaign-import-commit').click();
  await expect(page.getByTestId('campaign-import-outcome')).toContainText('thêm 3');
  await page.getByRole('dialog', { name: 'Nhập danh sách hoạt động tuyên truyền từ Excel' }).getByRole('button', { name: 'Đóng' }).last().click();

  await page.getByTestId('campaign-search').fill('ra quan thang van dong bhxh tu nguyen');
  const row = campaigns.row('Ra quân tháng vận động BHXH tự nguyện');
  await expect(row).toContainText('16/05 – 17/05/2020');
  await expect(row).toContainText('115,00%');
  await expect(row).toContainText('117,00%');

  await campaigns.openTab('Lịch sử nhập');
  const batch = page.getByTestId('campaign-batches-tab').locator('tr', { hasText: 'campaigns-hong-dan-2020.xlsx' });
  await batch.getByRole('button', { name: 'Hoàn tác' }).click();
  await page.getByRole('button', { name: 'Hoàn tác', exact: true }).last().click();
  await expect(batch).toContainText('Đã hoàn tác');
  await shot(page, 'campaigns-08-import-history');
  await campaigns.openTab('Danh sách');
  await page.getByTestId('campaign-search').fill('ra quan thang van dong bhxh tu nguyen');
  await expect(campaigns.table.locator('tbody tr.ant-table-row').first()).toBeVisible();
  await expect(campaigns.row('16/05 – 17/05/2020')).toHaveCount(0);
});
