import { expect, type Locator, type Page } from '@playwright/test';

/** Báo cáo: the form (sections, order, free text), the A4 preview, saving and the saved list. */
export class ReportsPage {
  readonly root: Locator;
  readonly form: Locator;
  readonly preview: Locator;
  readonly document: Locator;
  readonly building: Locator;
  readonly buildError: Locator;
  readonly dataChanged: Locator;
  readonly actions: Locator;
  readonly saveButton: Locator;
  readonly editorTab: Locator;
  readonly savedTab: Locator;
  readonly savedTable: Locator;
  readonly savedRows: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('reports-page');
    this.form = page.getByTestId('report-form');
    this.preview = page.getByTestId('report-preview');
    this.document = this.preview.getByTestId('report-document');
    this.building = page.getByTestId('report-preview-building');
    this.buildError = page.getByTestId('report-build-error');
    this.dataChanged = page.getByTestId('report-data-changed');
    this.actions = page.getByRole('toolbar', { name: 'Thao tác với báo cáo' });
    this.saveButton = this.actions.getByRole('button', { name: /Lưu báo cáo|Đã lưu/ });
    this.editorTab = this.root.getByRole('tab', { name: 'Soạn báo cáo' });
    this.savedTab = this.root.getByRole('tab', { name: /Báo cáo đã lưu/ });
    this.savedTable = page.getByTestId('saved-reports');
    this.savedRows = this.savedTable.locator('tbody tr.ant-table-row');
  }

  /** Waits until the preview shows a document and no rebuild is pending (debounce included). */
  async waitPreview(): Promise<void> {
    await expect(this.document).toBeVisible({ timeout: 20_000 });
    // The rebuild starts 400 ms after the last change: let it start before waiting for its end.
    await this.page.waitForTimeout(500);
    await expect(this.building).toHaveCount(0, { timeout: 20_000 });
  }

  /** A section of the checklist by its catalogue id. */
  sectionItem(id: string): Locator {
    return this.form.locator(`[data-testid="report-section-item"][data-section-id="${id}"]`);
  }

  /** The printed section in the preview. */
  previewSection(id: string): Locator {
    return this.document.locator(`[data-testid="report-section"][data-section-id="${id}"]`);
  }

  /** Section ids in print order, as the preview shows them. */
  async previewOrder(): Promise<string[]> {
    return this.document.locator('[data-testid="report-section"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-section-id') ?? ''));
  }

  async setSection(id: string, on: boolean): Promise<void> {
    const box = this.sectionItem(id).getByRole('checkbox');
    if (on) await box.check();
    else await box.uncheck();
    await this.waitPreview();
  }

  async moveUp(id: string): Promise<void> {
    await this.sectionItem(id).getByRole('button', { name: /lên trên/ }).click();
    await this.waitPreview();
  }

  sectionText(id: string): Locator {
    return this.sectionItem(id).getByRole('textbox');
  }

  async writeSection(id: string, text: string): Promise<void> {
    await this.sectionText(id).fill(text);
    await this.waitPreview();
  }

  async save(): Promise<void> {
    await this.actions.getByRole('button', { name: 'Lưu báo cáo' }).click();
    await expect(this.page.locator('.ant-message').getByText('Đã lưu báo cáo.')).toBeVisible();
    await expect(this.actions.getByRole('button', { name: 'Đã lưu' })).toBeVisible();
  }

  async openSavedTab(): Promise<void> {
    await this.savedTab.click();
    await expect(this.savedTable).toBeVisible();
  }

  savedRow(text: string | RegExp): Locator {
    return this.savedRows.filter({ hasText: text });
  }

  /** The saved report's id, from its row in the saved list. */
  async savedId(row: Locator): Promise<number> {
    return Number(await row.getAttribute('data-row-key'));
  }

  async open(row: Locator): Promise<void> {
    await row.getByRole('button', { name: /^Mở báo cáo/ }).click();
    await expect(this.editorTab).toHaveAttribute('aria-selected', 'true');
    await expect(this.document).toBeVisible();
  }
}

/** The print page (?print=report&id=N): only the document, with the ready signal core's PDF renderer waits for. */
export class PrintReportPage {
  readonly document: Locator;

  constructor(readonly page: Page) {
    this.document = page.getByTestId('report-document');
  }

  /** `appUrl` is the browser-mode address with its #t=TOKEN. */
  async open(appUrl: string, id: number): Promise<void> {
    const url = new URL(appUrl);
    await this.page.goto(`${url.origin}/?print=report&id=${id}${url.hash}`);
    await expect(this.page.locator('html[data-report-ready="1"]')).toHaveCount(1, { timeout: 20_000 });
  }
}
