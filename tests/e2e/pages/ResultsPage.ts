import { expect, type Locator, type Page } from '@playwright/test';

export type ResultsTab = 'Nhập kết quả tháng' | 'Chỉ tiêu kế hoạch';

/** Chỉ tiêu & kết quả: the monthly entry sheet (react-datasheet-grid) and the targets tab. */
export class ResultsPage {
  readonly grid: Locator;
  readonly month: Locator;
  readonly parent: Locator;
  readonly save: Locator;
  readonly undo: Locator;
  readonly dirty: Locator;
  readonly summary: Locator;
  readonly issues: Locator;
  readonly threshold: Locator;
  readonly notesDialog: Locator;
  readonly targetsTable: Locator;
  readonly targetDialog: Locator;
  readonly breakdownDialog: Locator;
  readonly toolbar: Locator;
  readonly totalLabel: Locator;

  constructor(readonly page: Page) {
    this.grid = page.getByTestId('results-grid');
    this.month = page.getByLabel('Tháng báo cáo');
    this.parent = page.getByLabel('Đơn vị cấp trên');
    this.save = page.getByRole('button', { name: 'Lưu', exact: true });
    this.undo = page.getByRole('button', { name: 'Hoàn tác' });
    this.dirty = page.getByTestId('results-dirty');
    this.summary = page.getByTestId('results-summary');
    this.issues = page.getByTestId('results-issues');
    this.threshold = page.getByLabel('Ngưỡng cảnh báo biến động so với tháng trước');
    this.notesDialog = page.getByRole('dialog', { name: 'Ghi chú giải trình cho số liệu bất thường' });
    this.targetsTable = page.getByTestId('targets-table');
    this.targetDialog = page.getByRole('dialog', { name: /^Giao (chỉ tiêu|kế hoạch điều chỉnh)$/ });
    this.breakdownDialog = page.getByRole('dialog', { name: 'Phân bổ chỉ tiêu xuống đơn vị cấp dưới' });
    this.toolbar = page.getByTestId('results-toolbar');
    this.totalLabel = page.getByTestId('rg-total-label');
  }

  async openTab(tab: ResultsTab): Promise<void> {
    await this.page.getByRole('tab', { name: tab, exact: true }).click();
  }

  /** Waits for the sheet to show its rows. */
  async waitForGrid(): Promise<void> {
    await expect(this.grid.locator('[data-unit-row]').first()).toBeVisible();
  }

  /** Picks the reporting month by typing it (MM/YYYY) into the month picker. */
  async setMonth(mmYyyy: string): Promise<void> {
    await this.typeMonth(mmYyyy);
    await expect(this.month).toHaveValue(mmYyyy);
  }

  /**
   * Picks a month: types it (the panel moves to its year) and clicks its cell. A click, not Enter:
   * after an edit the entry grid listens to the keyboard, and an Enter typed into the picker was
   * seen to be lost (the picker went back to the old month). Unsaved edits make the grid ask first.
   */
  async typeMonth(mmYyyy: string): Promise<void> {
    const [mm, yyyy] = mmYyyy.split('/') as [string, string];
    await this.month.click();
    await this.month.fill(mmYyyy);
    const cell = this.page.locator(`.ant-picker-dropdown:not(.ant-picker-dropdown-hidden) td[title="${yyyy}-${mm}"]`);
    await cell.click();
  }

  cell(unitCode: string, indicatorCode: string): Locator {
    return this.grid.locator(`[data-unit="${unitCode}"][data-indicator="${indicatorCode}"]`);
  }

  /** The total row's figure for an indicator (the units shown, unsaved edits included). */
  total(indicatorCode: string): Locator {
    return this.grid.locator(`[data-testid="rg-total"][data-indicator="${indicatorCode}"]`);
  }

  cellInput(unitCode: string, indicatorCode: string): Locator {
    return this.cell(unitCode, indicatorCode).locator('input');
  }

  /** Unit codes of the rows, top to bottom (the rows on screen). */
  async rowCodes(): Promise<string[]> {
    return this.grid.locator('[data-unit-row]').evaluateAll((els) => els.map((e) => e.getAttribute('data-unit-row') ?? ''));
  }

  /** Last month's value shown under a cell ("T.trước: 1.555"), as a number (null when there is none). */
  async previousValue(unitCode: string, indicatorCode: string): Promise<number | null> {
    const text = (await this.cell(unitCode, indicatorCode).locator('.rg-prev').textContent()) ?? '';
    const digits = /T\.trước: ([\d.]+)/.exec(text)?.[1];
    return digits ? Number(digits.replace(/\./g, '')) : null;
  }

  /** Clicks a cell, types like a user and leaves the cell with Enter (or Tab). */
  async typeInto(unitCode: string, indicatorCode: string, text: string, leaveWith: 'Enter' | 'Tab' = 'Enter'): Promise<void> {
    await this.cell(unitCode, indicatorCode).click();
    await this.page.keyboard.type(text);
    await this.page.keyboard.press(leaveWith);
  }

  /**
   * Pastes tab-separated text (as Excel puts on the clipboard) at a cell. The grid listens to
   * `paste` on the document, so a synthetic ClipboardEvent carrying the text stands in for Ctrl+V.
   */
  async pasteAt(unitCode: string, indicatorCode: string, text: string): Promise<void> {
    await this.cell(unitCode, indicatorCode).click();
    await this.page.evaluate((plain) => {
      const data = new DataTransfer();
      data.setData('text/plain', plain);
      document.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, text);
  }

  /** Ctrl+Z outside any text field (the sheet not being edited). */
  async pressUndo(): Promise<void> {
    await this.page.keyboard.press('Control+z');
  }

  async setThreshold(percent: number): Promise<void> {
    await this.threshold.fill(String(percent));
    await this.threshold.press('Enter');
  }

  /** A row of the targets table by unit name and source label. */
  targetRow(unitName: string, sourceLabel: string): Locator {
    return this.targetsTable.locator('tr.ant-table-row', { hasText: unitName }).filter({ hasText: sourceLabel });
  }

  /** Picks an option of a select inside a dialog by typing (no diacritics needed). */
  async pickOption(scope: Locator, label: string, typed: string, optionText: string | RegExp): Promise<void> {
    const field = scope.getByLabel(label, { exact: true });
    const dropdown = this.page.locator('.ant-select-dropdown:visible');
    const option = dropdown.locator('.ant-select-item-option', { hasText: optionText }).first();
    // Under load a click can land while the dropdown is still sliding in and select nothing
    // (seen on CI: the option highlighted, the field still empty), or the list closes slowly
    // after a good click: click until the list closes, opening it again when it has gone.
    await expect(async () => {
      if ((await dropdown.count()) === 0) {
        await field.click();
        if (typed) await this.page.keyboard.type(typed);
      }
      await option.click({ timeout: 3_000 });
      await expect(dropdown).toHaveCount(0, { timeout: 3_000 });
    }).toPass({ timeout: 20_000 });
  }
}
