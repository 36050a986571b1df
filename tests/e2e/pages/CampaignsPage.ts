import { expect, type Locator, type Page } from '@playwright/test';

export type CampaignTab = 'Danh sách' | 'Lịch' | 'Tổng hợp' | 'Lịch sử nhập';

/** Tuyên truyền: its tabs, the campaign form with its days, the drawer of one campaign. */
export class CampaignsPage {
  readonly table: Locator;
  readonly detail: Locator;
  readonly form: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByTestId('campaigns-table');
    this.detail = page.getByTestId('campaign-detail');
    this.form = page.getByRole('dialog', { name: /hoạt động tuyên truyền/ });
  }

  async openTab(tab: CampaignTab): Promise<void> {
    await this.page.getByRole('tab', { name: tab, exact: true }).click();
    await expect(this.page.getByRole('tab', { name: tab, exact: true })).toHaveAttribute('aria-selected', 'true');
  }

  okButton(): Locator {
    return this.form.locator('.ant-modal-footer .ant-btn-primary');
  }

  /** Picks an option of a select in the form, checking the select shows it before going on. */
  async pick(label: string, option: string): Promise<void> {
    const field = this.form.getByLabel(label, { exact: true });
    await field.click();
    const choice = this.page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).last();
    const select = field.locator('xpath=ancestor::div[contains(concat(" ", normalize-space(@class), " "), " ant-select ")][1]');
    await expect(async () => {
      if (await choice.isVisible()) await choice.click({ timeout: 2_000 });
      await expect(select).toContainText(option, { timeout: 1_000 });
    }).toPass({ timeout: 10_000 });
  }

  /** The range picker's two days, typed dd/mm/yyyy. */
  async typeRange(from: string, to: string): Promise<void> {
    const start = this.form.getByPlaceholder('Từ ngày', { exact: true });
    const end = this.form.getByPlaceholder('Đến ngày', { exact: true });
    await start.click();
    await start.fill(from);
    await start.press('Enter');
    await end.fill(to);
    await end.press('Enter');
    await expect(end).toHaveValue(to);
  }

  /** Adds a day row and types its figures; the day is typed over the one proposed. */
  async addDay(n: number, day: string, figures: { attendees?: string; tn?: string; hgd?: string }): Promise<void> {
    await this.form.getByTestId('campaign-add-day').click();
    const date = this.form.getByLabel(`Ngày thứ ${n}`, { exact: true });
    await date.click();
    await date.fill(day);
    await date.press('Enter');
    if (figures.attendees) await this.form.getByLabel(`Người dự ngày thứ ${n}`, { exact: true }).fill(figures.attendees);
    if (figures.tn) await this.form.getByLabel(`Đăng ký BHXH tự nguyện ngày thứ ${n}`, { exact: true }).fill(figures.tn);
    if (figures.hgd) await this.form.getByLabel(`Đăng ký BHYT hộ gia đình ngày thứ ${n}`, { exact: true }).fill(figures.hgd);
  }

  row(text: string): Locator {
    return this.table.locator('tbody tr.ant-table-row', { hasText: text });
  }
}
