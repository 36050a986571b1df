import { expect, type Locator, type Page } from '@playwright/test';

export type ImportCounter = 'Thêm mới' | 'Cập nhật' | 'Không đổi' | 'Liên kết sáp nhập' | 'Lỗi';

/** "Nhập danh mục đơn vị hành chính từ Excel": choose → preview → commit → outcome. */
export class UnitImportDialog {
  readonly root: Locator;
  readonly preview: Locator;
  readonly shape: Locator;
  readonly error: Locator;
  readonly outcome: Locator;
  readonly commitButton: Locator;
  readonly validFrom: Locator;
  readonly changes: Locator;
  readonly errors: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByRole('dialog', { name: 'Nhập danh mục đơn vị hành chính từ Excel' });
    this.preview = this.root.getByTestId('import-preview');
    this.shape = this.root.getByTestId('import-shape');
    this.error = this.root.getByTestId('import-error');
    this.outcome = this.root.getByTestId('import-outcome');
    this.commitButton = this.root.getByRole('button', { name: 'Nhập vào cơ sở dữ liệu' });
    this.validFrom = this.root.getByLabel('Ngày hiệu lực của danh mục');
    this.changes = this.root.getByTestId('import-changes');
    this.errors = this.root.getByTestId('import-errors');
  }

  /** Clicks "Chọn tệp Excel" (or "Chọn tệp khác") and answers the file dialog. */
  async chooseFile(path: string): Promise<void> {
    const button = this.root.getByRole('button', { name: /^Chọn tệp (Excel|khác)$/ });
    const [chooser] = await Promise.all([this.page.waitForEvent('filechooser'), button.click()]);
    await chooser.setFiles(path);
    await expect(this.preview.or(this.error)).toBeVisible();
  }

  /** The number under a counter of the preview (vi-VN formatted text, e.g. "1.052"). */
  counter(name: ImportCounter): Locator {
    return this.root
      .getByTestId('import-stats')
      .locator('.ant-statistic')
      .filter({ hasText: name })
      .locator('.ant-statistic-content-value');
  }

  /** Types a dd/mm/yyyy validity date for a two-level list; the preview is recomputed. */
  async setValidFrom(ddmmyyyy: string): Promise<void> {
    await this.validFrom.click();
    await this.validFrom.fill(ddmmyyyy);
    await this.validFrom.press('Enter');
  }

  async commit(): Promise<void> {
    await this.commitButton.click();
    await expect(this.outcome).toBeVisible();
  }

  async close(): Promise<void> {
    const footer = this.root.locator('.ant-modal-footer');
    const done = footer.getByRole('button', { name: 'Đóng', exact: true });
    if (await done.isVisible()) await done.click();
    else await footer.getByRole('button', { name: 'Hủy', exact: true }).click();
    await expect(this.root).toBeHidden();
  }
}
