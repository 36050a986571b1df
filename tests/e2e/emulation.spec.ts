import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, SCREENS, shot, test } from './fixtures';
import { AppShell } from './pages';

// Today is 22/11/2026: the ranking opens on quarter IV (running); quarter III is closed.

test('score a quarter, read the ranking and its printed form, record an award', async ({ page, demoApp }) => {
  const shell = new AppShell(page);
  await shell.open(demoApp.url);
  await shell.navigate('Thi đua, khen thưởng');
  const table = page.getByTestId('emulation-table');

  await page.getByTestId('emulation-quarter').getByText('Quý III', { exact: true }).click();
  await expect(page.getByTestId('emulation-summary')).toContainText('Quý III/2026');
  await expect(page.getByTestId('emulation-summary')).toContainText('Bộ tiêu chí mặc định — BHXH cơ sở');
  const first = table.locator('tbody tr.ant-table-row').first();
  await expect(first).toContainText('BHXH cơ sở');
  // Rank 1, its office, then each criterion's result and points and the total, vi-VN.
  const cells = await first.locator('td').allInnerTexts();
  const expected = await demoApp.invoke<{ rows: { rank: number; name: string; score: number }[] }>('emulation:score', { period: '2026-Q3', level: 'unit' });
  expect(cells[0]).toBe('1');
  expect(cells[1]).toContain(expected.rows[0]!.name);
  expect(cells.at(-1)).toBe(expected.rows[0]!.score.toFixed(2).replace('.', ','));
  expect(cells.join(' ')).toMatch(/\d+,\d\d%/);
  await shot(page, 'emulation-01-ranking-units-q3');

  await page.getByTestId('emulation-level').click();
  await page.locator('.ant-select-dropdown:visible').getByText('Nhân viên thu', { exact: true }).click();
  await expect(table).toContainText('% CT BHXH TN tăng mới');
  await shot(page, 'emulation-02-ranking-staff-q3');

  // The printed ranking: drawn beside the app for print media; the PDF is checked for its words.
  await page.evaluate(() => {
    window.print = () => undefined;
  });
  await page.getByTestId('emulation-print').click();
  await expect(page.getByTestId('emulation-print-root')).toContainText('BẢNG XẾP HẠNG THI ĐUA');
  await expect(page.locator('html.emulation-printing')).toHaveCount(1);
  mkdirSync(SCREENS, { recursive: true });
  const pdfPath = join(SCREENS, 'emulation-ranking.pdf');
  writeFileSync(pdfPath, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
  expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
  expect(text).toContain('BẢNG XẾP HẠNG THI ĐUA');
  expect(text).toContain('Các nhân viên thu — Quý III/2026');
  expect(text).toContain('HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG');

  // The dated criteria sets, and the form of a new one (copied from the set in force).
  await page.getByRole('tab', { name: 'Bộ tiêu chí' }).click();
  await expect(page.getByTestId('criteria-table')).toContainText('Đang áp dụng');
  await shot(page, 'emulation-03-criteria-sets');
  await page.getByTestId('criteria-create').click();
  const setForm = page.getByRole('dialog', { name: 'Lập bộ tiêu chí mới — Nhân viên thu' });
  await expect(setForm.getByLabel('Tên bộ tiêu chí')).toHaveValue('Bộ tiêu chí mặc định — nhân viên thu (bản mới)');
  await expect(setForm.getByLabel('Hiệu lực từ ngày')).toHaveValue('01/01/2027');
  await page.waitForTimeout(400); // the dialog's zoom-in
  await shot(page, 'emulation-04-new-criteria-set');
  await setForm.getByRole('button', { name: 'Hủy' }).click();

  // An award, entered on the form.
  await page.getByRole('tab', { name: 'Khen thưởng' }).click();
  await expect(page.getByTestId('awards-table')).toContainText('(mẫu)');
  await page.getByTestId('award-create').click();
  const form = page.getByRole('dialog', { name: 'Ghi khen thưởng' });
  await form.getByLabel('BHXH cơ sở được khen').click();
  await page.locator('.ant-select-dropdown:visible').getByText('BHXH cơ sở Long Điền', { exact: true }).click();
  await expect(form.getByLabel('Tên tập thể, cá nhân được khen')).toHaveValue('BHXH cơ sở Long Điền');
  await form.getByLabel('Danh hiệu, nội dung khen thưởng').fill('Tập thể dẫn đầu thi đua quý III năm 2026');
  await form.getByLabel('Số quyết định').fill('321/QĐ-BHXH');
  await form.getByLabel('Số tiền thưởng').fill('2500000');
  await form.getByLabel('Kỳ thi đua').fill('2026-Q3');
  await form.getByRole('button', { name: 'Lưu' }).click();
  await expect(form).toBeHidden();
  const row = page.getByTestId('awards-table').locator('tbody tr', { hasText: '321/QĐ-BHXH' });
  await expect(row).toContainText('2.500.000 đ');
  await expect(row).toContainText('Quý III/2026');
  await shot(page, 'emulation-05-awards');
});
