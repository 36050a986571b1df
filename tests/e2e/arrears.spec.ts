import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, FIXTURES, SCREENS, shot, test } from './fixtures';
import { AppShell } from './pages';
import { ArrearsPage } from './pages/ArrearsPage';
import type { Page } from '@playwright/test';

/** Program codes (FROM_12, REMINDER_LETTER, ACTIVE …) never reach the screen. */
async function codeNames(page: Page): Promise<string[]> {
  const text = await page.locator('body').innerText();
  return text.split('\n').filter((line) => /\b[A-Z]+_[A-Z0-9_]+\b|\b(ACTIVE|PENDING|KEPT|BROKEN|CLOSED|ENTERPRISE)\b/.test(line));
}

const money = (n: number) => `${new Intl.NumberFormat('vi-VN').format(n).replace(/,/g, '.')} đ`;

test('an office arrears list imported, its total shown, a reminder and a promise logged, the reminder letter printed on A4', async ({ page, demoApp }) => {
  const expected = (JSON.parse(readFileSync(join(FIXTURES, 'expected-samples-2020.json'), 'utf8')) as { arrears: { total: number } }).arrears;
  const shell = new AppShell(page);
  await shell.open(demoApp.url);
  await shell.navigate('Nợ đọng');
  const arrears = new ArrearsPage(page);
  await expect(arrears.overview).toBeVisible();
  // The demo's last closed month: its ratio against the province's target in force.
  await expect(page.getByTestId('arrears-period')).toHaveValue('10/2026');
  await expect(arrears.overview.getByTestId('ratio-vs-target').first()).toContainText('/ chỉ tiêu');
  await shot(page, 'arrears-00-overview-demo');
  expect(await codeNames(page)).toEqual([]);
  await page.getByTestId('arrears-trend-chart').scrollIntoViewIfNeeded();
  await shot(page, 'arrears-00b-overview-trend');

  // The list of Hồng Dân to the end of 09/2020: four employers, 612.570.000 đ.
  const preview = await arrears.previewImport(join(FIXTURES, 'arrears-hong-dan-2020-09.xlsx'));
  await expect(page.getByTestId('arrears-count-read')).toHaveText('4');
  await expect(page.getByTestId('arrears-count-error')).toHaveText('0');
  await expect(page.getByTestId('arrears-import-total')).toHaveText(money(expected.total));
  await expect(preview).toContainText('09/2020');
  await expect(page.getByTestId('arrears-import-rows')).toContainText('Công ty CP Xây lắp Hồng Dân');
  await shot(page, 'arrears-02-import-preview');
  await page.getByTestId('arrears-import-commit').click();
  await expect(page.getByTestId('arrears-import-outcome')).toContainText('đã nhập 4 đơn vị');
  await arrears.importDialog.getByRole('button', { name: 'Đóng' }).last().click();

  // The overview turns to 09/2020: the total is the file's.
  await expect(page.getByTestId('arrears-period')).toHaveValue('09/2020');
  await expect(arrears.total).toHaveText(money(expected.total));
  await expect(page.getByTestId('arrears-bands')).toContainText('Từ 12 tháng trở lên');
  await expect(page.getByTestId('arrears-bands')).toContainText(money(402_000_000));
  await expect(page.getByTestId('arrears-largest').locator('tbody tr').first()).toContainText('Công ty CP Xây lắp Hồng Dân');
  await shot(page, 'arrears-01-overview');

  // The office's own wording of the reminder letter: a field that does not exist is caught, then saved.
  await arrears.openTab('Mẫu công văn');
  const wording = page.getByTestId('reminder-template-text');
  const original = await wording.inputValue();
  await wording.fill(`${original}\nĐề nghị {ten_cong_ty} liên hệ trước ngày 30.`);
  await expect(page.getByTestId('reminder-template-problems')).toContainText('{ten_cong_ty}');
  await expect(page.getByTestId('reminder-template-save')).toBeDisabled();
  await wording.fill(`${original}\nĐề nghị {ten_don_vi} cử người làm việc với cơ quan BHXH trước ngày 30.`);
  await page.getByTestId('reminder-template-save').click();
  await expect(page.getByTestId('reminder-template-tab')).toContainText('Đang dùng mẫu của cơ quan.');
  await shot(page, 'arrears-06b-template');

  // The employers, found without diacritics.
  await arrears.openTab('Đơn vị nợ');
  await page.getByTestId('employer-search').fill('xay lap hong dan');
  await expect(arrears.employersTable.locator('tbody tr.ant-table-row')).toHaveCount(1);
  await page.getByTestId('employer-search').fill('');
  await expect(arrears.employersTable.locator('tbody tr.ant-table-row')).toHaveCount(4);
  await shot(page, 'arrears-03-employers');
  expect(await codeNames(page)).toEqual([]);

  // One employer: a reminder letter logged, a promise (already overdue on 22/11/2026), the letter printed.
  await arrears.employersTable.locator('tbody tr', { hasText: 'Công ty CP Xây lắp Hồng Dân' }).click();
  const drawer = arrears.drawer;
  await expect(drawer.getByTestId('employer-owed')).toHaveText(money(402_000_000));
  await drawer.getByTestId('log-action').click();
  const action = arrears.dialog(/Ghi nhận đôn đốc/);
  await action.getByLabel('Số văn bản').fill('125/BHXH-QLT');
  await action.getByLabel('Cán bộ thực hiện').fill('Trần Văn Thu');
  await action.getByLabel('Số tiền thu hồi được').fill('20000000');
  await action.getByLabel('Ghi chú', { exact: true }).fill('Gửi công văn lần 3, đơn vị hứa trả dần');
  await arrears.okButton(action).click();
  await expect(action).toBeHidden();
  await expect(drawer.getByTestId('employer-actions')).toContainText('125/BHXH-QLT');
  await expect(drawer.getByTestId('employer-actions')).toContainText(money(20_000_000));

  await drawer.getByTestId('add-promise').click();
  const promise = arrears.dialog(/Hẹn trả nợ/);
  await arrears.typeDate(promise, 'Ngày hẹn trả', '15/11/2026');
  await promise.getByLabel('Số tiền cam kết').fill('100000000');
  await arrears.okButton(promise).click();
  await expect(promise).toBeHidden();
  await expect(drawer.getByTestId('employer-promises')).toContainText('15/11/2026');
  await expect(drawer.getByTestId('employer-promises').getByTestId('promise-overdue')).toBeVisible();

  // "Sửa": the address and workers the list did not carry.
  await drawer.getByTestId('edit-employer').click();
  const edit = arrears.dialog(/Sửa đơn vị/);
  await edit.getByLabel('Địa chỉ').fill('Ấp Nhà Thờ, xã Ninh Quới, huyện Hồng Dân');
  await edit.getByLabel('Số lao động').fill('45');
  await arrears.okButton(edit).click();
  await expect(edit).toBeHidden();
  await expect(drawer.getByTestId('employer-identity')).toContainText('Ấp Nhà Thờ, xã Ninh Quới');
  await expect(page.locator('.ant-message-notice')).toHaveCount(0);
  await shot(page, 'arrears-04-employer');

  await page.evaluate(() => {
    window.print = () => undefined;
  });
  await drawer.getByTestId('print-reminder').click();
  const reminder = arrears.dialog(/In công văn đôn đốc/);
  await reminder.getByTestId('reminder-doc-number').fill('126/BHXH-QLT');
  await arrears.okButton(reminder).click();
  await expect(page.getByTestId('arrears-reminder-print-root')).toContainText('Công ty CP Xây lắp Hồng Dân');
  await expect(page.locator('html.arrears-reminder-printing')).toHaveCount(1);
  mkdirSync(SCREENS, { recursive: true });
  const pdfPath = join(SCREENS, 'arrears-reminder.pdf');
  writeFileSync(pdfPath, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  const pdf = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
  expect(pdf).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
  expect(pdf).toContain('Công ty CP Xây lắp Hồng Dân');
  expect(pdf).toContain('402.000.000');
  expect(pdf).toContain('Số: 126/BHXH-QLT');
  expect(pdf).toContain('V/v đôn đốc thu nộp BHXH, BHYT, BHTN');
  // The office's wording, filled with the employer's name (pdftotext may break the line anywhere).
  expect(pdf.replace(/\s+/g, ' ')).toContain('Đề nghị Công ty CP Xây lắp Hồng Dân cử người làm việc');
  execFileSync('pdftoppm', ['-png', '-r', '60', pdfPath, join(SCREENS, 'arrears-reminder-page')]);
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await page.keyboard.press('Escape');

  // The collection log and promises; the overdue promise in red.
  await arrears.openTab('Nhật ký đôn đốc');
  await expect(page.getByTestId('actions-table')).toContainText('125/BHXH-QLT');
  await shot(page, 'arrears-05-log');
  expect(await codeNames(page)).toEqual([]);
  await page.getByTestId('promises-overdue-only').click();
  await expect(page.getByTestId('promises-table').getByTestId('promise-overdue').first()).toBeVisible();
  await page.getByTestId('promises-table').scrollIntoViewIfNeeded();
  await shot(page, 'arrears-05b-promises');

  // A ratio target for the province.
  await arrears.openTab('Chỉ tiêu tỷ lệ nợ');
  await page.getByTestId('target-create').click();
  const target = arrears.dialog('Giao chỉ tiêu tỷ lệ nợ');
  await arrears.typeDate(target, 'Áp dụng từ ngày', '01/01/2020');
  await target.getByLabel('Tỷ lệ nợ tối đa').fill('4');
  await target.getByLabel('Căn cứ').fill('Quyết định số 15/QĐ-BHXH ngày 05/01/2020');
  await arrears.okButton(target).click();
  await expect(target).toBeHidden();
  await expect(page.getByTestId('targets-table')).toContainText('4,00%');
  await shot(page, 'arrears-06-targets');
  expect(await codeNames(page)).toEqual([]);

  // The import in its history; its undo refused: an employer it added has a reminder and a promise since.
  await arrears.openTab('Lịch sử nhập');
  const row = page.getByTestId('arrears-batches-tab').locator('tr', { hasText: 'arrears-hong-dan-2020-09.xlsx' });
  await expect(row).toContainText('09/2020');
  await expect(row).toContainText(money(expected.total));
  await shot(page, 'arrears-07-batches');
  await row.getByRole('button', { name: 'Hoàn tác' }).click();
  await page.getByRole('button', { name: 'Hoàn tác', exact: true }).last().click();
  await expect(shell.feedback(/Không hoàn tác được lần nhập số \d+: đơn vị TA0104B/)).toBeVisible();
  await expect(row).not.toContainText('Đã hoàn tác');
});
