import { DEFAULT_TODAY, expect, shot, test } from './fixtures';
import { AppShell, BackupsPage } from './pages';
import { DashboardPage } from './pages/DashboardPage';
import { ReportsPage } from './pages/ReportsPage';
import { ResultsPage } from './pages/ResultsPage';
import type { Page } from '@playwright/test';

/** Program names of indicators (BHXH_TN, POP, COV_BHYT …) and audit codes ("target (target)"). */
const CODE_NAME = /\b(POP|LABOUR)\b|\b[A-Z]+_[A-Z_]+\b|\btarget\b|\bresult\b/;

async function codeNamesOnScreen(page: Page): Promise<string[]> {
  const text = await page.locator('body').innerText();
  return text.split('\n').filter((line) => CODE_NAME.test(line));
}

test('no code names on the screens users touch every day, the audit log included', async ({ page, demoApp }) => {
  test.setTimeout(120_000);
  const year = DEFAULT_TODAY.slice(0, 4);
  // Something for the audit log: a target and a month's figure set through the running app.
  await demoApp.invoke('targets:set', { unitCode: '99509', indicatorCode: 'BHXH_TN', year: Number(year), value: 2500, source: 'INTERNAL' });
  await demoApp.invoke('results:set', { unitCode: '99509', indicatorCode: 'POP', asOf: `${year}-10-25`, value: 46000 });

  const shell = new AppShell(page);
  await shell.open(demoApp.url);
  await shell.navigate('Tổng quan');
  await new DashboardPage(page).waitLoaded();
  expect(await codeNamesOnScreen(page)).toEqual([]);

  await shell.navigate('Chỉ tiêu & kết quả');
  const results = new ResultsPage(page);
  await results.waitForGrid();
  expect(await codeNamesOnScreen(page)).toEqual([]);
  await results.openTab('Chỉ tiêu kế hoạch');
  await expect(results.targetsTable.locator('tr.ant-table-row').first()).toBeVisible();
  expect(await codeNamesOnScreen(page)).toEqual([]);
  await page.getByRole('button', { name: 'Phân bổ xuống đơn vị cấp dưới' }).click();
  await results.pickOption(results.breakdownDialog, 'Chỉ tiêu phân bổ', '', 'BHXH tự nguyện');
  await expect(results.breakdownDialog.getByTestId('breakdown-table')).toBeVisible();
  expect(await codeNamesOnScreen(page)).toEqual([]);
  await page.keyboard.press('Escape');

  await shell.navigate('Báo cáo');
  const reports = new ReportsPage(page);
  await reports.waitPreview();
  expect(await codeNamesOnScreen(page)).toEqual([]);

  await shell.navigate('Sao lưu');
  const backups = new BackupsPage(page);
  await expect(backups.audit).toContainText('Giao chỉ tiêu');
  await expect(backups.audit).toContainText('Nhập kết quả tháng');
  expect(await codeNamesOnScreen(page)).toEqual([]);
  await backups.audit.scrollIntoViewIfNeeded();
  await shot(page, '60-audit-log-vietnamese');
});
