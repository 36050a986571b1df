import { expect, type Locator, type Page } from '@playwright/test';

/** Area labels of the left menu, in order. */
export const AREA_LABELS = [
  'Tổng quan',
  'Chỉ tiêu & kết quả',
  'Nhập Excel',
  'Đại lý thu',
  'Tuyên truyền',
  'Thi đua, khen thưởng',
  'Danh sách vận động',
  'Tính mức đóng',
  'Nợ đọng',
  'Báo cáo',
  'Danh mục',
  'Sao lưu',
] as const;

export type AreaLabel = (typeof AREA_LABELS)[number];

/** The app frame: header (demo tag, data folder) and the left menu. */
export class AppShell {
  readonly menu: Locator;
  readonly demoTag: Locator;
  readonly dataDir: Locator;

  constructor(readonly page: Page) {
    this.menu = page.getByRole('navigation', { name: 'Chức năng' });
    this.demoTag = page.getByTestId('demo-tag');
    this.dataDir = page.getByTestId('data-dir');
  }

  /** Opens the browser-mode URL (with its #t=TOKEN) and waits for the app to decide what to show. */
  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await expect(this.page.getByText('Đang mở cơ sở dữ liệu…')).toHaveCount(0);
  }

  menuItem(label: AreaLabel): Locator {
    return this.menu.getByRole('menuitem', { name: label, exact: true });
  }

  async navigate(label: AreaLabel): Promise<void> {
    await this.menuItem(label).click();
    await expect(this.page.getByRole('heading', { level: 3, name: label, exact: true })).toBeVisible();
  }

  /** Shown on areas not built yet. */
  placeholder(): Locator {
    return this.page.getByTestId('placeholder-result');
  }

  /** Last antd message/notification text (success or error feedback). */
  feedback(text: string | RegExp): Locator {
    return this.page.locator('.ant-message, .ant-notification').getByText(text);
  }
}
