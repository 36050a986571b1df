import { expect, type Locator, type Page } from '@playwright/test';

export type NetworkTab = 'Tổng quan mạng lưới' | 'Tổ chức dịch vụ thu' | 'Điểm thu' | 'Nhân viên thu' | 'Chỉ tiêu & kết quả' | 'Xếp hạng' | 'Kiểm tra' | 'Thù lao' | 'Lịch sử nhập';

/** Đại lý thu: the network's tabs, their tables and the dialogs they open. */
export class NetworkPage {
  readonly overview: Locator;
  readonly agentsTable: Locator;
  readonly pointsTable: Locator;
  readonly staffTable: Locator;
  readonly flowsTable: Locator;
  readonly staffFlowsTable: Locator;
  readonly rankingTable: Locator;

  constructor(readonly page: Page) {
    this.overview = page.getByTestId('network-overview');
    this.agentsTable = page.getByTestId('agents-table');
    this.pointsTable = page.getByTestId('points-table');
    this.staffTable = page.getByTestId('staff-table');
    this.flowsTable = page.getByTestId('flows-table');
    this.staffFlowsTable = page.getByTestId('flows-staff-table');
    this.rankingTable = page.getByTestId('ranking-table');
  }

  async openTab(tab: NetworkTab): Promise<void> {
    await this.page.getByRole('tab', { name: tab, exact: true }).click();
    await expect(this.page.getByRole('tab', { name: tab, exact: true })).toHaveAttribute('aria-selected', 'true');
  }

  dialog(name: string | RegExp): Locator {
    return this.page.getByRole('dialog', { name });
  }

  /**
   * A dialog's OK button ("Thêm", "Lưu"). Found by its place, not its accessible name: after a
   * save the server refused, antd can leave the spent loading icon in the button, whose name then
   * reads "loading Thêm" and an exact-name locator waits forever.
   */
  okButton(dialog: Locator): Locator {
    return dialog.locator('.ant-modal-footer .ant-btn-primary');
  }

  /** Picks an option of a searchable select by typing part of it (no diacritics needed). */
  async pick(scope: Locator | Page, label: string, typed: string, option: string | RegExp): Promise<void> {
    const field = scope.getByLabel(label, { exact: true });
    await field.click();
    if (typed) await field.fill(typed);
    // The newest dropdown: one of a dialog closed a moment ago may still be fading out.
    const choice = this.page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).last();
    const select = field.locator('xpath=ancestor::div[contains(concat(" ", normalize-space(@class), " "), " ant-select ")][1]');
    // A click landing while the dropdown still opens can be lost (seen on a loaded runner): the
    // select must show the choice before the form goes on, else the option is clicked again.
    await expect(async () => {
      if (await choice.isVisible()) await choice.click({ timeout: 2_000 });
      await expect(select).toContainText(option, { timeout: 1_000 });
    }).toPass({ timeout: 10_000 });
  }

  /** Types a dd/mm/yyyy day into an antd date picker. */
  async typeDate(field: Locator, ddmmyyyy: string): Promise<void> {
    await field.click();
    await field.fill(ddmmyyyy);
    await field.press('Enter');
  }

  /** The scope bar's office (overview, targets, ranking share it). */
  async chooseOffice(name: string, typed: string): Promise<void> {
    const field = this.page.getByTestId('network-office').getByRole('combobox');
    await field.click();
    await field.fill(typed);
    const choice = this.page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: name }).last();
    await expect(choice).toBeVisible();
    await choice.click();
  }

  row(table: Locator, text: string): Locator {
    return table.locator('tbody tr.ant-table-row', { hasText: text });
  }
}
