import { expect, type Locator, type Page } from '@playwright/test';
import { UnitImportDialog } from './UnitImportDialog';

/** The welcome screen shown while the database has no units. */
export class FirstRunPage {
  readonly root: Locator;
  readonly importChoice: Locator;
  readonly demoChoice: Locator;
  readonly skipLink: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('first-run');
    this.importChoice = page.getByRole('button', { name: 'Nhập danh mục đơn vị hành chính' });
    this.demoChoice = page.getByRole('button', { name: 'Dùng dữ liệu mẫu' });
    this.skipLink = page.getByRole('button', { name: 'Bỏ qua, vào ứng dụng' });
  }

  async expectVisible(): Promise<void> {
    await expect(this.page.getByRole('heading', { name: 'Chào mừng đến với BHXH Desk' })).toBeVisible();
  }

  /** Loads the demo province; the app then opens Tổng quan. */
  async useDemo(): Promise<void> {
    await this.demoChoice.click();
    await expect(this.root).toBeHidden({ timeout: 30_000 });
  }

  async openImport(): Promise<UnitImportDialog> {
    await this.importChoice.click();
    const dialog = new UnitImportDialog(this.page);
    await expect(dialog.root).toBeVisible();
    return dialog;
  }

  async skip(): Promise<void> {
    await this.skipLink.click();
    await expect(this.root).toBeHidden();
  }
}
