import { join } from 'node:path';
import { writeWorkbook } from '../helpers/workbooks';
import { expect, shot, test } from './fixtures';
import { AppShell } from './pages';
import { NetworkPage } from './pages/NetworkPage';

test('month results of demo staff imported from Excel, found in Lịch sử nhập and undone there', async ({ page, demoApp }) => {
  const file = writeWorkbook(join(demoApp.dataDir, 'ket-qua-thang-10.xlsx'), [
    {
      name: 'KetQua',
      rows: [['KẾT QUẢ PHÁT TRIỂN NGƯỜI THAM GIA THÁNG 10/2026'], [], ['STT', 'Mã NV', 'Họ tên', 'BHXH TN tăng mới', 'BHYT HGĐ tăng mới'], [1, 'NV0001', '', 9, 11], [2, 'NV0002', '', 4, '12']],
    },
  ]);
  await page.goto(demoApp.url);
  await new AppShell(page).navigate('Đại lý thu');
  const network = new NetworkPage(page);
  await page.getByRole('button', { name: 'Nhập kết quả tháng' }).click();
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('network-import-pick').click()]);
  await chooser.setFiles(file);
  const preview = page.getByTestId('network-import-preview');
  await expect(preview).toContainText('ket-qua-thang-10.xlsx');
  await expect(preview).toContainText('10/2026');
  await shot(page, 'network-10-results-preview');
  await page.getByRole('button', { name: 'Nhập vào cơ sở dữ liệu' }).click();
  const dialog = page.getByRole('dialog', { name: 'Nhập kết quả tháng của nhân viên thu' });
  await expect(dialog).toContainText('đã ghi 4 số liệu kết quả tháng 10/2026');
  await dialog.getByRole('button', { name: 'Đóng' }).last().click();

  await network.openTab('Lịch sử nhập');
  const batches = page.getByTestId('network-batches-tab');
  const row = batches.locator('tr', { hasText: 'ket-qua-thang-10.xlsx' });
  await expect(row).toContainText('Kết quả tháng');
  await row.getByRole('button', { name: 'Hoàn tác' }).click();
  await page.getByRole('button', { name: 'Hoàn tác', exact: true }).last().click();
  await expect(row).toContainText('Đã hoàn tác');
  await shot(page, 'network-11-import-history');
});
