import { expect, type Locator, type Page } from '@playwright/test';
import { join } from 'node:path';
import { FIXTURES, type RunningApp } from '../fixtures';
import { AppShell } from './AppShell';

export type ImportsTab = 'Nhập báo cáo' | 'Lịch sử nhập';

/** Nhập Excel: a district report through choose → preview (corrections) → commit, and the history with undo. */
export class ImportsPage {
  /** The Hồng Dân unit list imported, then Nhập Excel opened on its first step. */
  static async open(page: Page, app: RunningApp): Promise<ImportsPage> {
    await app.importUnits(join(FIXTURES, 'units-hong-dan-2020-09.xlsx'));
    const shell = new AppShell(page);
    await shell.open(app.url);
    await shell.navigate('Nhập Excel');
    const imports = new ImportsPage(page);
    await expect(imports.intro).toBeVisible();
    return imports;
  }

  readonly intro: Locator;
  readonly preview: Locator;
  readonly pickError: Locator;
  readonly fileName: Locator;
  readonly sheet: Locator;
  readonly period: Locator;
  readonly periodSource: Locator;
  readonly office: Locator;
  readonly legacyNotice: Locator;
  readonly mapping: Locator;
  readonly totals: Locator;
  readonly totalsOk: Locator;
  readonly totalsWarning: Locator;
  readonly matched: Locator;
  readonly rows: Locator;
  readonly changes: Locator;
  readonly commitHint: Locator;
  readonly commitButton: Locator;
  readonly exportErrorsButton: Locator;
  readonly outcome: Locator;
  readonly backup: Locator;
  readonly history: Locator;
  readonly progress: Locator;
  readonly progressStage: Locator;
  readonly cancelled: Locator;

  constructor(readonly page: Page) {
    this.intro = page.getByTestId('imports-intro');
    this.preview = page.getByTestId('imports-preview');
    this.pickError = page.getByTestId('imports-pick-error');
    this.fileName = page.getByTestId('imports-file-name');
    this.sheet = this.preview.getByTestId('imports-sheet').or(this.preview.getByLabel('Trang tính'));
    this.period = page.getByLabel('Kỳ báo cáo');
    this.periodSource = page.getByTestId('imports-period-source');
    this.office = page.getByTestId('imports-office');
    this.legacyNotice = page.getByTestId('imports-legacy');
    this.mapping = page.getByTestId('imports-mapping');
    this.totals = page.getByTestId('imports-totals');
    this.totalsOk = page.getByTestId('imports-totals-ok');
    this.totalsWarning = page.getByTestId('imports-totals-warning');
    this.matched = page.getByTestId('imports-matched');
    this.rows = page.getByTestId('imports-rows');
    this.changes = page.getByTestId('imports-changes');
    this.commitHint = page.getByTestId('imports-commit-hint');
    this.commitButton = page.getByRole('button', { name: 'Nhập vào cơ sở dữ liệu' });
    this.exportErrorsButton = page.getByRole('button', { name: 'Xuất các dòng lỗi' });
    this.outcome = page.getByTestId('imports-outcome');
    this.backup = page.getByTestId('imports-backup');
    this.history = page.getByTestId('imports-history');
    this.progress = page.getByTestId('imports-progress');
    this.progressStage = page.getByTestId('imports-progress-stage');
    this.cancelled = page.getByTestId('imports-cancelled');
  }

  async openTab(tab: ImportsTab): Promise<void> {
    await this.page.getByRole('tab', { name: tab, exact: true }).click();
  }

  /** Clicks "Chọn tệp Excel" (or "Chọn tệp khác"), answers the file dialog and waits for the preview. */
  async chooseFile(path: string): Promise<void> {
    const button = this.page.getByRole('button', { name: /^Chọn tệp (Excel|khác)$/ });
    const [chooser] = await Promise.all([this.page.waitForEvent('filechooser'), button.click()]);
    await chooser.setFiles(path);
    // Reading runs in a worker: a few seconds on a busy machine.
    await expect(this.preview.or(this.pickError)).toBeVisible({ timeout: 30_000 });
    await this.waitIdle();
  }

  /** Answers the file dialog and returns at once, while the preview is still being read. */
  async startChoosing(path: string): Promise<void> {
    const button = this.page.getByRole('button', { name: /^Chọn tệp (Excel|khác)$/ });
    const [chooser] = await Promise.all([this.page.waitForEvent('filechooser'), button.click()]);
    await chooser.setFiles(path);
  }

  /** Waits until no re-preview or commit is running. */
  async waitIdle(): Promise<void> {
    await expect(this.page.locator('.imports-tab .ant-spin-spinning')).toHaveCount(0, { timeout: 30_000 });
  }

  /** Runs a correction and waits for the new preview it causes (every preview has its own session). */
  async repreviewing(action: () => Promise<void>): Promise<void> {
    const before = await this.preview.getAttribute('data-session');
    await action();
    await expect(this.preview).not.toHaveAttribute('data-session', before ?? '');
    await this.waitIdle();
  }

  /** A row of the preview by its sheet row number. */
  row(sheetRow: number): Locator {
    return this.rows.locator(`tr[data-row="${sheetRow}"]`);
  }

  /** The figure shown for a row and a "result:BHXH_TN" / "target:BHYT_HGD" key. */
  value(sheetRow: number, key: string): Locator {
    return this.row(sheetRow).locator(`td[data-key="${key}"]`);
  }

  /** Row numbers of the preview with a given status (ok, error, unmatched). */
  rowsWithStatus(status: 'ok' | 'error' | 'unmatched'): Locator {
    return this.rows.locator(`tr[data-status="${status}"]`);
  }

  /** The issues listed under a row. */
  rowIssues(sheetRow: number): Locator {
    return this.rows.locator(`[data-testid="imports-row-issues"][data-row="${sheetRow}"]`);
  }

  /** Picks a unit for an unmatched row: opens its picker, optionally types to search, clicks the option. */
  async chooseUnit(sheetRow: number, option: string | RegExp, search?: string): Promise<void> {
    const chooser = this.row(sheetRow).getByTestId('imports-unit-chooser');
    await chooser.click();
    if (search) await this.page.keyboard.type(search);
    const item = this.page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: option }).first();
    await this.repreviewing(() => item.click());
  }

  /** Types a MM/YYYY period into the month picker; the preview is recomputed. */
  async setPeriod(mmYyyy: string): Promise<void> {
    await this.period.click();
    await this.period.fill(mmYyyy);
    await this.repreviewing(() => this.period.press('Enter'));
    await expect(this.period).toHaveValue(mmYyyy);
  }

  /** Changes what a column is read as ("Bỏ qua", "Thực hiện — BHXH tự nguyện"…). */
  async setColumnRole(column: string, label: string): Promise<void> {
    await this.mapping.getByLabel(`Nội dung cột ${column}`).click();
    const item = this.page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: new RegExp(`^${label}$`) });
    await this.repreviewing(() => item.click());
  }

  async commit(): Promise<void> {
    await expect(this.commitButton).toBeEnabled();
    await this.commitButton.click();
    await expect(this.outcome).toBeVisible();
  }

  /** A batch of the history by its file name (the newest first). */
  batch(fileName: string): Locator {
    return this.history.locator('tbody tr.ant-table-row').filter({ hasText: fileName });
  }

  async undo(fileName: string): Promise<void> {
    await this.batch(fileName)
      .first()
      .getByRole('button', { name: /^Hoàn tác lần nhập/ })
      .click();
    await this.page.locator('.ant-popconfirm').getByRole('button', { name: 'Hoàn tác', exact: true }).click();
  }
}
