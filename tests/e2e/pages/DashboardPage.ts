import { expect, type Download, type Locator, type Page } from '@playwright/test';

/** Tổng quan: period and indicator, KPI cards, charts, rankings and the comparison table with drill-down. */
export class DashboardPage {
  readonly root: Locator;
  readonly subtitle: Locator;
  readonly body: Locator;
  readonly kpiCards: Locator;
  readonly periodInput: Locator;
  readonly indicator: Locator;
  readonly breadcrumb: Locator;
  readonly table: Locator;
  readonly tableRows: Locator;
  readonly total: Locator;
  readonly unitChart: Locator;
  readonly trendChart: Locator;
  readonly coverage: Locator;
  readonly best: Locator;
  readonly worst: Locator;
  readonly notice: Locator;
  readonly exportButton: Locator;
  readonly coverageExportButton: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('dashboard-page');
    this.subtitle = this.root.locator('.page-title .ant-typography-secondary');
    this.body = page.getByTestId('dashboard-body');
    this.kpiCards = page.getByTestId('kpi-card');
    this.periodInput = page.getByRole('textbox', { name: 'Kỳ báo cáo' });
    this.indicator = page.getByTestId('dashboard-indicator');
    this.breadcrumb = page.getByTestId('dashboard-breadcrumb');
    this.table = page.getByTestId('comparison-table');
    this.tableRows = this.table.locator('tbody tr.ant-table-row');
    this.total = page.getByTestId('comparison-total');
    this.unitChart = page.getByTestId('unit-progress-chart');
    this.trendChart = page.getByTestId('trend-chart');
    this.coverage = page.getByTestId('coverage-table');
    this.best = page.getByTestId('best-units');
    this.worst = page.getByTestId('worst-units');
    this.notice = page.getByTestId('dashboard-notice');
    this.exportButton = page.getByRole('toolbar', { name: 'Điều kiện xem' }).getByRole('button', { name: 'Xuất Excel' });
    this.coverageExportButton = page.locator('.dash-card-coverage').getByRole('button', { name: 'Xuất Excel' });
  }

  /** Waits until figures are on screen and no request is running. */
  async waitLoaded(): Promise<void> {
    await expect(this.body).toBeVisible({ timeout: 20_000 });
    await expect(this.root.locator('.ant-spin-spinning')).toHaveCount(0, { timeout: 20_000 });
  }

  kpi(indicatorCode: string): Locator {
    return this.page.locator(`[data-testid="kpi-card"][data-code="${indicatorCode}"]`);
  }

  kpiValue(indicatorCode: string): Locator {
    return this.kpi(indicatorCode).getByTestId('kpi-value');
  }

  private async pickKind(label: 'Tháng' | 'Quý' | 'Năm'): Promise<void> {
    await this.page.getByTestId('dashboard-period').locator('.ant-segmented-item', { hasText: label }).click();
    await this.waitLoaded();
  }

  /** Types the period into the picker as a user would: "06/2025" for a month, "2024" for a year. */
  private async typePeriod(text: string): Promise<void> {
    await this.periodInput.click();
    await this.periodInput.fill(text);
    await this.periodInput.press('Enter');
    await expect(this.periodInput).toHaveValue(text);
    await this.waitLoaded();
  }

  async setMonth(mmYyyy: string): Promise<void> {
    await this.pickKind('Tháng');
    await this.typePeriod(mmYyyy);
    await expect(this.subtitle).toContainText(`Tháng ${mmYyyy}`);
  }

  async setYear(yyyy: string): Promise<void> {
    await this.pickKind('Năm');
    await this.typePeriod(yyyy);
    await expect(this.subtitle).toContainText(`Năm ${yyyy}`);
  }

  async setQuarter(): Promise<void> {
    await this.pickKind('Quý');
  }

  async setIndicator(label: string): Promise<void> {
    await this.indicator.click();
    await this.page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: label }).first().click();
    await this.waitLoaded();
  }

  /** Hiện hành (today's tree) or Tại kỳ báo cáo (the tree at the period's end). */
  async setTree(label: 'Hiện hành' | 'Tại kỳ báo cáo'): Promise<void> {
    await this.page.locator('.dash-tree-mode .ant-segmented-item', { hasText: label }).click();
    await this.waitLoaded();
  }

  row(name: string): Locator {
    return this.tableRows.filter({ has: this.page.locator('td').first().getByText(name, { exact: true }) });
  }

  /** Clicks a unit's name in the table to see its children. */
  async drillInTable(name: string): Promise<void> {
    await this.table.getByTestId('drill-link').filter({ hasText: name }).click();
    await this.waitLoaded();
    await expect(this.breadcrumb).toContainText(name);
  }

  async goUpTo(name: string): Promise<void> {
    await this.breadcrumb.getByText(name, { exact: true }).click();
    await this.waitLoaded();
  }

  /** Clicks the chart row at `fraction` of the plot's height (rows are sorted by progress, best on top). */
  async clickChartRow(fraction: number): Promise<void> {
    await this.unitChart.scrollIntoViewIfNeeded();
    const box = (await this.unitChart.boundingBox())!;
    await this.page.mouse.click(box.x + box.width * 0.6, box.y + box.height * fraction);
    await this.waitLoaded();
  }

  async exportExcel(): Promise<Download> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.exportButton.click()]);
    return download;
  }
}
