import { expect, type Locator, type Page } from '@playwright/test';

/** Sao lưu: backups table with restore, and the audit log. */
export class BackupsPage {
  readonly backupNow: Locator;
  readonly table: Locator;
  readonly audit: Locator;

  constructor(readonly page: Page) {
    this.backupNow = page.getByRole('button', { name: 'Sao lưu ngay' });
    this.table = page.getByTestId('backups-table');
    this.audit = page.getByTestId('audit-table');
  }

  rows(): Locator {
    return this.table.locator('tbody tr.ant-table-row');
  }

  row(fileName: string): Locator {
    return this.rows().filter({ hasText: fileName });
  }

  /** Restores a backup and confirms the dialog. */
  async restore(fileName: string): Promise<void> {
    await this.page.getByRole('button', { name: `Khôi phục ${fileName}` }).click();
    const confirm = this.page.getByRole('dialog').filter({ hasText: 'sẽ được' }).filter({ hasText: 'thay bằng bản sao lưu này' });
    await expect(confirm).toBeVisible();
    await confirm.getByRole('button', { name: 'Khôi phục', exact: true }).click();
    await expect(this.page.getByText('Đã khôi phục dữ liệu')).toBeVisible();
  }
}
