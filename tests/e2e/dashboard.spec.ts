import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import * as XLSX from 'xlsx';
import type { ComparisonTable } from '../../shared/contract';
import { lastClosedMonth } from '../../shared/domain/periods';
import { formatCount, formatPercent } from '../../shared/format/vi';
import { expect, shot, test } from './fixtures';
import { AppShell } from './pages';
import { DashboardPage } from './pages/DashboardPage';
import { ReportsPage } from './pages/ReportsPage';

/** vi-VN thousands: 23.484, 137.491 */
const VI_COUNT = /\d{1,3}(\.\d{3})+/;
/** vi-VN percentages: 94,07% */
const VI_PERCENT = /\d{1,3},\d{2}%/;

async function openDashboard(page: Page, url: string): Promise<DashboardPage> {
  const shell = new AppShell(page);
  await shell.open(url);
  await shell.navigate('Tổng quan');
  const dashboard = new DashboardPage(page);
  await dashboard.waitLoaded();
  return dashboard;
}

test('Tổng quan with demo data: KPI cards, charts, rankings and the comparison table in vi-VN', { tag: '@dates' }, async ({ page, demoApp, today }) => {
  const dashboard = await openDashboard(page, demoApp.url);
  // The last month whose data is cut off (25th; December only on 31/12), as the report opens on.
  const [yyyy, mm] = lastClosedMonth(today).split('-');
  await expect(dashboard.periodInput).toHaveValue(`${mm}/${yyyy}`);
  await expect(dashboard.subtitle).toContainText(`Tháng ${mm}/${yyyy}`);

  await expect(dashboard.kpiCards).toHaveCount(6);
  for (const code of ['BHXH_TN', 'BHYT_HGD', 'BHXH_BB', 'BHYT']) {
    await expect(dashboard.kpiValue(code)).toHaveText(VI_COUNT);
    await expect(dashboard.kpi(code).getByTestId('kpi-target')).toContainText(VI_COUNT);
  }
  await expect(dashboard.kpiValue('COV_BHYT')).toHaveText(VI_PERCENT);
  await expect(dashboard.kpi('BHXH_TN').getByTestId('kpi-progress')).toHaveText(/^\d{1,3},\d{2}% KH$/);
  await expect(dashboard.kpi('BHXH_TN').getByTestId('kpi-delta')).toContainText(/[+−]\d{1,3}(\.\d{3})* người \([+−]\d+,\d{2}%\)/);
  await expect(dashboard.kpi('BHXH_TN')).toContainText(/Còn thiếu \d{1,3}(\.\d{3})* người, cần \d{1,3}(\.\d{3})* người(\/tháng| trong tháng 12)|Đã đạt kế hoạch/);
  await expect(dashboard.kpi('COV_BHYT').getByTestId('kpi-delta')).toContainText('điểm %');
  // Bao phủ BHXH has no target in the demo: no invented zero.
  await expect(dashboard.kpi('COV_BHXH')).toContainText('Chưa giao kế hoạch');

  await expect(dashboard.unitChart.locator('canvas')).toBeVisible();
  await expect(dashboard.trendChart.locator('canvas')).toBeVisible();
  // Leaders reached 80% of the plan, the units needing a push did not: how many depends on the month.
  const rows = (JSON.parse(demoApp.cli('results', '--period', `${yyyy}-${mm}`, '--indicator', 'BHXH_TN', '--json')) as ComparisonTable).rows;
  const below = rows.filter((r) => r.planProgress! < 0.8).length;
  await expect(dashboard.best.locator('li')).toHaveCount(Math.min(5, rows.length - below));
  await expect(dashboard.worst.locator('li')).toHaveCount(Math.min(5, below));
  if (below === 0) await expect(dashboard.worst).toContainText('Không có đơn vị nào dưới 80% kế hoạch');
  else if (below < 5) await expect(dashboard.page.getByTestId('worst-units-notes')).toHaveText(`Chỉ có ${below} đơn vị dưới 80% kế hoạch.`);
  await expect(dashboard.coverage.locator('tbody tr.ant-table-row')).toHaveCount(16);
  await expect(dashboard.coverage.locator('tbody tr.ant-table-row').first()).toContainText(VI_PERCENT);

  await expect(dashboard.tableRows).toHaveCount(16);
  await expect(dashboard.row('Phường Phú An')).toContainText(VI_COUNT);
  await expect(dashboard.total).toContainText('Tổng cộng');
  await expect(dashboard.total).toContainText(VI_COUNT);
  await expect(dashboard.page.getByText(/NaN|undefined|Infinity/)).toHaveCount(0);
  await shot(page, '20-dashboard');

  await page.mouse.wheel(0, 900);
  await shot(page, '21-dashboard-table');
});

test('changing the period changes the figures (Tháng 06/2025, Năm 2024, a quarter)', { tag: '@dates' }, async ({ page, demoApp }) => {
  const dashboard = await openDashboard(page, demoApp.url);
  const current = await dashboard.kpiValue('BHXH_TN').textContent();
  const currentTotal = await dashboard.total.textContent();

  await dashboard.setMonth('06/2025');
  await expect(dashboard.kpiValue('BHXH_TN')).not.toHaveText(current!);
  await expect(dashboard.kpiValue('BHXH_TN')).toHaveText(VI_COUNT);
  const june = await dashboard.kpiValue('BHXH_TN').textContent();
  expect(await dashboard.total.textContent()).not.toBe(currentTotal);

  await dashboard.setYear('2024');
  await expect(dashboard.kpiValue('BHXH_TN')).not.toHaveText(june!);
  await expect(dashboard.kpiValue('BHXH_TN')).toHaveText(VI_COUNT);
  await shot(page, '22-dashboard-year-2024');

  await dashboard.setQuarter();
  await expect(dashboard.periodInput).toHaveValue('Quý IV/2024');
  await expect(dashboard.subtitle).toContainText('Quý IV/2024');

  const before = await dashboard.total.textContent();
  await dashboard.setIndicator('BHYT hộ gia đình');
  await expect(page.getByText('Tiến độ thực hiện theo đơn vị — Người tham gia BHYT hộ gia đình')).toBeVisible();
  expect(await dashboard.total.textContent()).not.toBe(before);
});

test('drill down from the province to the communes of a district and back with the breadcrumb', async ({ page, demoApp }) => {
  const dashboard = await openDashboard(page, demoApp.url);
  await expect(dashboard.breadcrumb).toContainText('Tỉnh Phú An (dữ liệu mẫu)');

  // Before 01/07/2025 the province had districts; look at June 2025 on the tree of that time.
  await dashboard.setMonth('06/2025');
  await dashboard.setTree('Tại kỳ báo cáo');
  await expect(dashboard.tableRows).toHaveCount(4);
  await expect(dashboard.row('Huyện Long Điền')).toBeVisible();

  await dashboard.drillInTable('Huyện Long Điền');
  await expect(dashboard.tableRows).toHaveCount(10);
  await expect(dashboard.row('Xã Long Hòa')).toContainText(VI_PERCENT);
  await expect(dashboard.total).toContainText('Tổng cộng');
  await expect(dashboard.breadcrumb).toContainText('Tỉnh Phú An (dữ liệu mẫu)');
  await expect(dashboard.breadcrumb).toContainText('Huyện Long Điền');
  await expect(dashboard.subtitle).toContainText('Huyện Long Điền');
  await shot(page, '23-dashboard-drill-district');

  await dashboard.goUpTo('Tỉnh Phú An (dữ liệu mẫu)');
  await expect(dashboard.tableRows).toHaveCount(4);
  await expect(dashboard.breadcrumb).not.toContainText('Huyện Long Điền');

  // The chart drills too: its top row is a district with communes below it.
  await dashboard.clickChartRow(0.2);
  await expect(dashboard.breadcrumb).toContainText(/Huyện|Thành phố/);
  await expect(dashboard.tableRows).not.toHaveCount(4);

  // A district does not exist on today's tree: the view goes back to the province and says so.
  await dashboard.setTree('Hiện hành');
  await expect(dashboard.notice).toContainText('không có trên cây đơn vị');
  await expect(dashboard.tableRows).toHaveCount(16);
});

test('Xuất Excel downloads the comparison workbook with its title, units and total', async ({ page, demoApp }) => {
  const dashboard = await openDashboard(page, demoApp.url);
  const download = await dashboard.exportExcel();
  const dir = mkdtempSync(join(tmpdir(), 'bhxh-dash-'));
  try {
    const file = join(dir, download.suggestedFilename());
    await download.saveAs(file);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    await expect(page.locator('.ant-message').getByText(`Đã xuất tệp ${download.suggestedFilename()}`)).toBeVisible();

    const wb = XLSX.read(readFileSync(file));
    const sheet = wb.Sheets[wb.SheetNames[0]!]!;
    const rows = XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, blankrows: false });
    const cells = rows.flat().map((c) => String(c ?? ''));
    expect(cells.some((c) => /^TIẾN ĐỘ THỰC HIỆN CHỈ TIÊU/.test(c))).toBe(true);
    expect(cells).toContain('Phường Phú An');
    expect(cells).toContain('Tổng cộng');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the coverage table exports its own workbook', async ({ page, demoApp }) => {
  const dashboard = await openDashboard(page, demoApp.url);
  const [download] = await Promise.all([page.waitForEvent('download'), dashboard.coverageExportButton.click()]);
  const dir = mkdtempSync(join(tmpdir(), 'bhxh-cov-'));
  try {
    const file = join(dir, download.suggestedFilename());
    await download.saveAs(file);
    const wb = XLSX.read(readFileSync(file));
    const cells = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[wb.SheetNames[0]!]!, { header: 1, blankrows: false }).flat().map((c) => String(c ?? ''));
    expect(cells).toContain('TỶ LỆ BAO PHỦ BHXH, BHYT, BHTN');
    expect(cells).toContain('Xã Long Điền');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the dashboard reloads by itself when core reports changed data', async ({ page, demoApp }) => {
  await openDashboard(page, demoApp.url);
  const reloaded = page.waitForRequest((req) => req.url().endsWith('/api/invoke/dashboard:get'), { timeout: 30_000 });
  // Reloading the demo from another part of the app emits data-changed ('all').
  await page.evaluate(async () => {
    const token = sessionStorage.getItem('bhxh-token') ?? '';
    await fetch('/api/invoke/demo:load', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-BHXH-Token': token }, body: '{}' });
  });
  await reloaded;
  await new DashboardPage(page).waitLoaded();
  await expect(page.getByTestId('kpi-card')).toHaveCount(6);
});

test('in a December the KPI card still says what is needed: the whole remainder in that month', { tag: '@dates' }, async ({ page, demoApp, today }) => {
  // The last December on or before today: this year's in the December run, last year's mid-year.
  const year = today.slice(5, 7) === '12' ? Number(today.slice(0, 4)) : Number(today.slice(0, 4)) - 1;
  await demoApp.invoke('targets:set', { unitCode: '99', indicatorCode: 'BHXH_TN', year, value: 9_999_999, source: 'BHXH_VN', revise: true });
  const dashboard = await openDashboard(page, demoApp.url);
  await dashboard.setMonth(`12/${year}`);
  await expect(dashboard.kpi('BHXH_TN').getByTestId('kpi-remaining')).toContainText(/Còn thiếu \d{1,3}(\.\d{3})* người, cần \d{1,3}(\.\d{3})* người trong tháng 12/);
  await shot(page, "23-dashboard-december");
});

test('after a kế hoạch điều chỉnh a commune has the same % of plan on the dashboard and in the report preview', { tag: '@dates' }, async ({ page, demoApp, today }) => {
  test.setTimeout(90_000);
  const month = lastClosedMonth(today);
  const commune = 'Xã Thuận An';
  const table = JSON.parse(demoApp.cli('results', '--period', month, '--indicator', 'BHXH_TN', '--json')) as ComparisonTable;
  const before = table.rows.find((r) => r.name === commune)!;
  // At 80% of its plan or more, so a leader, until its plan is raised to 3,3 times the original.
  expect(before.progress).toBeGreaterThanOrEqual(0.8);
  const revised = Math.round(before.target! * 3.3);
  await demoApp.invoke('targets:set', { unitCode: before.code, indicatorCode: 'BHXH_TN', year: Number(month.slice(0, 4)), value: revised, source: before.targetSource!, revise: true });
  // The province's own plan is revised too: its KPI card measures against the new one.
  const province = table.total;
  const provinceRevised = Math.round(province.target! * 1.1);
  await demoApp.invoke('targets:set', { unitCode: '99', indicatorCode: 'BHXH_TN', year: Number(month.slice(0, 4)), value: provinceRevised, source: province.targetSource!, revise: true });
  const pct = formatPercent(before.actual! / revised);
  const original = formatPercent(before.progress);

  const dashboard = await openDashboard(page, demoApp.url);
  const card = dashboard.kpi('BHXH_TN');
  await expect(card.getByTestId('kpi-target')).toHaveText(`KH điều chỉnh${formatCount(provinceRevised)}`);
  await expect(card.getByTestId('kpi-progress')).toHaveText(`${formatPercent(province.actual! / provinceRevised)} KH`);
  await expect(card.getByTestId('kpi-original')).toHaveText(`Kế hoạch ban đầu: ${formatCount(province.target)} · đạt ${formatPercent(province.progress)}`);
  await expect(card.getByTestId('kpi-remaining')).toContainText(`Còn thiếu ${formatCount(provinceRevised - province.actual!)} người`);
  await shot(page, '24-dashboard-revised-plan');
  await page.mouse.wheel(0, 420);
  await shot(page, '24-dashboard-revised-chart');
  const row = dashboard.row(commune);
  // Both plans stay in the table; the revised one's % is the one in force.
  await expect(row).toContainText(formatCount(before.target));
  await expect(row).toContainText(original);
  await expect(row).toContainText(formatCount(revised));
  await expect(row).toContainText(pct);
  // No longer a leader: first among the units that need a push, at the revised %.
  await expect(dashboard.best).not.toContainText(commune);
  await expect(dashboard.worst.locator('li').first()).toContainText(commune);
  await expect(dashboard.worst.locator('li').first().getByTestId('ranking-progress')).toHaveText(pct);
  await expect(dashboard.worst.locator('li').first()).toContainText(`KH điều chỉnh (ban đầu ${formatCount(before.target)} người)`);
  await expect(dashboard.best.locator('li')).toHaveCount(5);
  await dashboard.worst.scrollIntoViewIfNeeded();
  await shot(page, '25-dashboard-revised-rankings');
  await row.scrollIntoViewIfNeeded();
  await shot(page, '26-dashboard-revised-table');

  const shell = new AppShell(page);
  await shell.navigate('Báo cáo');
  const reports = new ReportsPage(page);
  await reports.waitPreview();
  const unitRow = reports.previewSection('unitTable').getByTestId('report-table').first().locator('tr', { hasText: commune });
  await expect(unitRow).toContainText(pct);
  await expect(unitRow).toContainText(formatCount(revised));
  await expect(reports.previewSection('unitTable')).toContainText(`${commune} (ban đầu ${formatCount(before.target)} người)`);
  const rankings = reports.previewSection('rankings');
  await expect(rankings).toContainText(`${commune} (${pct})`);
  await expect(rankings.getByTestId('report-table').last().locator('tr', { hasText: commune })).toContainText(pct);
  await rankings.scrollIntoViewIfNeeded();
  await shot(page, '62-report-revised-plan');
  await reports.previewSection('unitTable').scrollIntoViewIfNeeded();
  await shot(page, '63-report-revised-plan-table');
});
