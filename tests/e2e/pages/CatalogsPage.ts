import { expect, type Locator, type Page } from '@playwright/test';
import { UnitImportDialog } from './UnitImportDialog';

export type CatalogTab = 'Đơn vị hành chính' | 'Chỉ tiêu thống kê' | 'Cơ quan BHXH cơ sở';

/** Danh mục: the dated unit tree with its detail card, the indicator and office tables. */
export class CatalogsPage {
  readonly search: Locator;
  readonly asOf: Locator;
  readonly includeEnded: Locator;
  readonly tree: Locator;
  readonly treeCount: Locator;
  readonly detail: Locator;
  readonly detailCode: Locator;
  readonly predecessors: Locator;
  readonly successors: Locator;
  readonly indicatorsTable: Locator;
  readonly officesTable: Locator;

  constructor(readonly page: Page) {
    this.search = page.getByTestId('unit-search');
    this.asOf = page.getByLabel('Xem theo ngày');
    this.includeEnded = page.getByRole('switch', { name: 'Hiện đơn vị đã giải thể/sáp nhập' });
    this.tree = page.getByTestId('unit-tree');
    this.treeCount = page.getByTestId('unit-count');
    this.detail = page.getByTestId('unit-detail');
    this.detailCode = page.getByTestId('unit-detail-code');
    this.predecessors = page.getByTestId('unit-predecessors');
    this.successors = page.getByTestId('unit-successors');
    this.indicatorsTable = page.getByTestId('indicators-table');
    this.officesTable = page.getByTestId('offices-table');
  }

  async openTab(tab: CatalogTab): Promise<void> {
    await this.page.getByRole('tab', { name: tab, exact: true }).click();
  }

  /** A node of the tree by its unit code (the title carries data-code). */
  node(code: string): Locator {
    return this.tree.locator(`[data-code="${code}"]`);
  }

  nodeByName(name: string): Locator {
    return this.tree.locator('.unit-name', { hasText: name }).first();
  }

  async selectUnit(code: string): Promise<void> {
    await this.node(code).click();
    await expect(this.detailCode).toHaveText(code);
  }

  async searchFor(text: string): Promise<void> {
    await this.search.fill(text);
    await expect(this.treeCount).toContainText('kết quả');
  }

  async setAsOf(ddmmyyyy: string): Promise<void> {
    await this.asOf.click();
    await this.asOf.fill(ddmmyyyy);
    await this.asOf.press('Enter');
  }

  /** A row of the detail card (Mã đơn vị, Cấp, Hiệu lực từ …). */
  detailValue(label: string): Locator {
    const exact = new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
    return this.detail
      .locator('tr', { has: this.page.locator('.ant-descriptions-item-label', { hasText: exact }) })
      .locator('.ant-descriptions-item-content');
  }

  async openImport(): Promise<UnitImportDialog> {
    await this.page.getByRole('button', { name: 'Nhập từ Excel' }).click();
    const dialog = new UnitImportDialog(this.page);
    await expect(dialog.root).toBeVisible();
    return dialog;
  }

  editDialog(): Locator {
    return this.page.getByRole('dialog', { name: /^Sửa đơn vị/ });
  }

  async openEdit(): Promise<Locator> {
    await this.page.getByTestId('unit-edit').click();
    const dialog = this.editDialog();
    await expect(dialog).toBeVisible();
    return dialog;
  }

  mergeDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Ghi nhận sáp nhập đơn vị' });
  }

  async openMerge(): Promise<Locator> {
    await this.page.getByRole('button', { name: 'Ghi nhận sáp nhập' }).click();
    const dialog = this.mergeDialog();
    await expect(dialog).toBeVisible();
    return dialog;
  }

  /** Picks an option in one of the searchable selects of a dialog by typing (no diacritics needed). */
  async pickOption(dialog: Locator, label: string, typed: string, optionText: string | RegExp): Promise<void> {
    await dialog.getByLabel(label).click();
    await this.page.keyboard.type(typed);
    await this.page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: optionText }).first().click();
  }
}
