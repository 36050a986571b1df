import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, SCREENS, shot, test } from './fixtures';
import { AppShell } from './pages';

// Today is 22/11/2026; the seeded rules (migration 17) give the worked cases of DOMAIN.md.

async function pickDate(page: Page, text: string): Promise<void> {
  const input = page.getByLabel('Ngày áp dụng');
  await input.click();
  await input.fill(text);
  await input.press('Enter');
  await expect(input).toHaveValue(text);
}

async function choose(page: Page, testId: string, option: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.locator('.ant-select-dropdown:visible').getByText(option, { exact: true }).click();
}

async function printedText(page: Page, button: string, file: string): Promise<string> {
  await page.getByTestId(button).click();
  await expect(page.getByTestId('calc-quote-print-root')).toContainText('BẢNG TÍNH MỨC ĐÓNG');
  await expect(page.locator('html.calc-quote-printing')).toHaveCount(1);
  mkdirSync(SCREENS, { recursive: true });
  const pdfPath = join(SCREENS, file);
  writeFileSync(pdfPath, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  return execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
}

test('both calculators on the seeded rules, the printed quote, a new rule, and the way in from a person', async ({ page, demoApp }) => {
  const shell = new AppShell(page);
  await shell.open(demoApp.url);
  await page.evaluate(() => {
    window.print = () => undefined;
  });
  await shell.navigate('Tính mức đóng');

  // Voluntary BHXH: 1.500.000 đ, poor, August 2025, paid for 12 months.
  await pickDate(page, '01/08/2025');
  await page.getByTestId('calc-person').fill('Nguyễn Văn An');
  await choose(page, 'tn-mode', '12 tháng một lần');
  await expect(page.getByTestId('tn-contribution')).toHaveText('330.000 đ');
  await expect(page.getByTestId('tn-state')).toHaveText('165.000 đ');
  await expect(page.getByTestId('tn-pays')).toHaveText('165.000 đ');
  await expect(page.getByTestId('tn-total')).toHaveText('1.980.000 đ');
  await expect(page.getByTestId('calc-basis')).toContainText('Nghị định 159/2025/NĐ-CP');
  await shot(page, 'calculators-01-bhxh-tn');

  const text = await printedText(page, 'tn-print', 'calculators-quote-bhxh-tn.pdf');
  expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
  expect(text).toContain('BẢNG TÍNH MỨC ĐÓNG BẢO HIỂM XÃ HỘI TỰ NGUYỆN');
  expect(text).toContain('Người tham gia: Nguyễn Văn An');
  expect(text).toMatch(/Người tham gia đóng một tháng\s+165\.000/);
  expect(text).toContain('1.980.000');
  expect(text).toContain('NGƯỜI LẬP');

  // An income under the floor, and paying years ahead before a discount rate is published, are refused.
  await page.getByLabel('Mức thu nhập tháng').fill('1.000.000');
  await expect(page.getByTestId('calc-problem')).toContainText('Mức thu nhập 1.000.000 đ thấp hơn mức thấp nhất 1.500.000 đ');
  await page.getByLabel('Mức thu nhập tháng').fill('1.500.000');
  await choose(page, 'tn-mode', 'Một lần cho nhiều năm về sau');
  await expect(page.getByTestId('calc-problem')).toContainText('Chưa có lãi suất chiết khấu do BHXH Việt Nam công bố');
  await shot(page, 'calculators-02-years-ahead-refused');

  // Household BHYT: five members from 07/2024, then a farming household member with the province's 50%.
  await page.getByRole('tab', { name: 'BHYT hộ gia đình' }).click();
  await pickDate(page, '01/07/2024');
  for (let i = 0; i < 4; i++) await page.getByTestId('hgd-add').click();
  await expect(page.getByTestId('hgd-total')).toHaveText('336.960 đ');
  await expect(page.getByTestId('hgd-period')).toHaveText('4.043.520 đ');
  await expect(page.getByTestId('hgd-result')).toContainText('42.120 đ');
  await choose(page, 'hgd-member-1', 'Hộ nông, lâm, ngư, diêm nghiệp có mức sống trung bình');
  await page.getByLabel('Mức hỗ trợ của tỉnh').fill('50');
  await expect(page.getByTestId('hgd-pays')).toHaveText('284.310 đ');
  await shot(page, 'calculators-03-bhyt-hgd');
  const hgd = await printedText(page, 'hgd-print', 'calculators-quote-bhyt-hgd.pdf');
  expect(hgd).toContain('BẢNG TÍNH MỨC ĐÓNG BẢO HIỂM Y TẾ HỘ GIA ĐÌNH');
  expect(hgd).toContain('336.960');
  expect(hgd).toContain('Nghị định 73/2024/NĐ-CP');

  // The rules: a discount rate added on the form lets the several-years payment through.
  await page.getByRole('tab', { name: 'Bảng mức đóng' }).click();
  await expect(page.getByTestId('rules-table')).toContainText('Nghị định 351/2025/NĐ-CP');
  await shot(page, 'calculators-04-rules');
  await page.getByTestId('rule-create').click();
  const form = page.getByRole('dialog', { name: 'Thêm mức mới' });
  await choose(page, 'rule-kind', 'Lãi suất chiết khấu khi đóng một lần cho nhiều năm về sau');
  await form.getByLabel('Mức', { exact: true }).fill('4,8');
  const from = form.getByLabel('Hiệu lực từ ngày');
  await from.click();
  await from.fill('01/01/2025');
  await from.press('Enter');
  await form.getByLabel('Văn bản quy định').fill('Văn bản công bố lãi suất (thử)');
  await page.waitForTimeout(300); // the dialog's zoom-in
  await shot(page, 'calculators-05-new-rule');
  await form.getByRole('button', { name: 'Lưu' }).click();
  await expect(form).toBeHidden();
  await expect(page.getByTestId('rules-table')).toContainText('Văn bản công bố lãi suất (thử)');
  await page.getByRole('tab', { name: 'BHXH tự nguyện' }).click();
  await pickDate(page, '01/08/2025');
  await choose(page, 'tn-mode', 'Một lần cho nhiều năm về sau');
  await expect(page.getByTestId('calc-problem')).toHaveCount(0);
  await expect(page.getByTestId('tn-result')).toContainText('đã chiết khấu 4,8%/năm');

  // From a person's drawer: the calculator opens with their name.
  await shell.navigate('Danh sách vận động');
  const row = page.getByTestId('person-row').first();
  await row.click();
  const drawer = page.getByTestId('person-drawer');
  const name = (await drawer.locator('.ant-drawer-title').innerText()).trim();
  await drawer.getByTestId('person-calc').click();
  await expect(page.getByRole('heading', { level: 3, name: 'Tính mức đóng' })).toBeVisible();
  await expect(page.getByTestId('calc-person')).toHaveValue(name);
  await shot(page, 'calculators-06-from-person');
});
