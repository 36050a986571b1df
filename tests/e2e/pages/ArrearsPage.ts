import { expect, type Locator, type Page } from '@playwright/test';

export type ArrearsTab = 'Tổng quan nợ' | 'Đơn vị nợ' | 'Nhật ký đôn đốc' | 'Chỉ tiêu tỷ lệ nợ' | 'Mẫu công văn' | 'Lịch sử nhập';

/** Nợ đọng: the tabs, the employer drawer and the dialogs they open. */
export class ArrearsPage {
  readonly overview: Locator;
  readonly total: Locator;
  readonly employersTable: Locator;
  readonly drawer: Locator;
  readonly importDialog: Locator;

  constructor(readonly page: Page) {
    this.overview = page.getByTestId('arrears-overview');
    this.total = page.getByTestId('arrears-total');
    this.employersTable = page.getByTestId('employers-table');
    this.drawer = page.getByTestId('employer-drawer');
    this.importDialog = page.getByRole('dialog', { name: 'Nhập danh sách nợ từ Excel' });
  }

  async openTab(tab: ArrearsTab): Promise<void> {
    await this.page.getByRole('tab', { name: tab, exact: true }).click();
    await expect(this.page.getByRole('tab', { name: tab, exact: true })).toHaveAttribute('aria-selected', 'true');
  }

  dialog(name: string | RegExp): Locator {
    return this.page.getByRole('dialog', { name });
  }

  /** A dialog's OK button, found by its place (its name may carry a spent loading icon). */
  okButton(dialog: Locator): Locator {
    return dialog.locator('.ant-modal-footer .ant-btn-primary');
  }

  /** "Nhập danh sách nợ": the file picked, its preview shown. */
  async previewImport(file: string): Promise<Locator> {
    await this.page.getByTestId('arrears-import').click();
    const [chooser] = await Promise.all([this.page.waitForEvent('filechooser'), this.page.getByTestId('arrears-import-pick').click()]);
    await chooser.setFiles(file);
    const preview = this.page.getByTestId('arrears-import-preview');
    await expect(preview).toBeVisible();
    return preview;
  }

  /** Types a day into an antd date picker of a dialog (dd/mm/yyyy) and confirms it. */
  async typeDate(scope: Locator, label: string, ddmmyyyy: string): Promise<void> {
    const input = scope.getByLabel(label, { exact: true });
    await input.click();
    await input.fill(ddmmyyyy);
    await input.press('Enter');
  }
}
