import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, SCREENS, shot, test } from './fixtures';
import { AppShell } from './pages';

interface Found {
  items: { id: number; fullName: string; birthDate: string | null; sex: 'M' | 'F' | null; communeName: string | null; unitCode: string | null }[];
}

/**
 * A commune's canvassing list as a union sends it: a title row, the header, one row with a
 * mistyped CCCD (11 digits) and one person the demo's due-payment list already holds.
 */
async function writeList(path: string, commune: string, known: { fullName: string; birthDate: string | null; sex: 'M' | 'F' | null; cccd: string }): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('DS vận động');
  ws.addRow([`DANH SÁCH NGƯỜI CÓ KHẢ NĂNG THAM GIA BHXH TỰ NGUYỆN – ${commune.toLocaleUpperCase('vi')}`]);
  ws.addRow(['STT', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Số CCCD', 'Số điện thoại', 'Xã/phường', 'Ấp']);
  const rows: (string | number)[][] = [
    ['Đặng Thị Hòa', '12/03/1985', 'Nữ', '084185001234', '0919123456', commune, 'Ấp Mới'],
    ['Nguyễn Văn Bảy', '1979', 'Nam', '084079004321', '0987654321', commune, 'Ấp Mới'],
    ['Trần Thị Út', '05/11/1990', 'Nữ', '08419000777', '0912000111', commune, 'Ấp Mới'],
    ['Lê Hoàng Nam', '20/01/1982', 'Nam', '084082005555', '0909111222', commune, 'Ấp Chợ'],
    [known.fullName, (known.birthDate ?? '').slice(0, 4), known.sex === 'M' ? 'Nam' : 'Nữ', known.cccd, '0933444555', commune, 'Ấp Chợ'],
  ];
  rows.forEach((r, i) => ws.addRow([i + 1, ...r]));
  await wb.xlsx.writeFile(path);
}

test('a commune list imported (a row corrected on screen), assigned to a staff member, a contact logged, the call sheet exported and the walk list printed', async ({ page, demoApp }) => {
  test.slow();
  const demo = await demoApp.invoke<Found>('people:search', { query: 'hoa', limit: 1 });
  const commune = demo.items[0]!.communeName!;
  const known = await demoApp.invoke<{ cccd: string }>('people:reveal', { id: demo.items[0]!.id, fields: ['cccd'] });
  const staff = await demoApp.invoke<{ items: { code: string; fullName: string }[] }>('staff:search', { status: 'active', limit: 1, sort: 'name' });
  const member = staff.items[0]!;
  const file = join(mkdtempSync(join(tmpdir(), 'bhxh-people-')), 'ds-van-dong-ap-moi.xlsx');
  await writeList(file, commune, { ...demo.items[0]!, cccd: known.cccd });

  const shell = new AppShell(page);
  await shell.open(demoApp.url);
  await shell.navigate('Danh sách vận động');
  await expect(page.getByTestId('people-total')).toContainText('2.400 người');
  await expect(page.getByTestId('person-row').first()).toBeVisible();
  await shot(page, 'people-01-search-demo');

  // Import: the list is staged and previewed; the mistyped CCCD is corrected on screen.
  await page.getByTestId('people-import').click();
  await page.getByTestId('people-import-list-name').fill('Tiềm năng ấp Mới, ấp Chợ');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('people-import-pick').click()]);
  await chooser.setFiles(file);
  const preview = page.getByTestId('people-import-preview');
  await expect(preview).toBeVisible();
  await expect(page.getByTestId('count-read')).toHaveText('5');
  await expect(page.getByTestId('count-error')).toHaveText('1');
  await expect(page.getByTestId('count-duplicate')).toHaveText('1');
  await expect(page.getByTestId('staged-rows')).toContainText('E5');
  await shot(page, 'people-02-import-preview-errors');
  await page.getByTestId('staged-rows').getByRole('button', { name: 'Sửa' }).click();
  const fix = page.getByRole('dialog', { name: 'Sửa dòng 5' });
  await fix.getByLabel('Số CCCD').fill('084190000777');
  await fix.getByRole('button', { name: 'Kiểm tra lại' }).click();
  await expect(fix).toBeHidden();
  await expect(page.getByTestId('count-error')).toHaveText('0');
  await page.getByTestId('people-import-commit').click();
  await expect(page.getByTestId('people-import-outcome')).toContainText('nhập mới 5');
  await expect(page.getByTestId('people-import-outcome')).toContainText('trùng với danh sách khác 1');
  await shot(page, 'people-03-import-done');
  await page.getByRole('dialog', { name: 'Nhập danh sách người vận động' }).getByRole('button', { name: 'Đóng' }).last().click();

  // Search without diacritics finds her; the list's rows go to one staff member.
  await page.getByTestId('people-query').locator('input').fill('dang thi hoa');
  await expect(page.getByTestId('person-row').filter({ hasText: 'Đặng Thị Hòa' })).toBeVisible();
  await page.getByTestId('people-query').locator('input').fill('');
  await page.getByTestId('people-list-filter').click();
  await page.locator('.ant-select-dropdown:visible').getByText('Tiềm năng ấp Mới, ấp Chợ', { exact: true }).click();
  await expect(page.getByTestId('people-total')).toContainText('5 người');
  await page.getByTestId('people-assign').click();
  await page.getByTestId('assign-staff').click();
  await page.keyboard.type(member.code);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: member.code }).first().click();
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Giao 5 người' }).click();
  await expect(page.getByTestId('assign-outcome')).toContainText('Đã giao 5 người');
  await shot(page, 'people-04-assigned');
  await page.getByRole('dialog', { name: 'Phân công vận động' }).getByRole('button', { name: 'Đóng' }).last().click();
  await expect(page.getByTestId('person-row').first()).toContainText(member.fullName);

  // One person: numbers masked until revealed (logged), a visit recorded.
  await page.getByTestId('person-row').filter({ hasText: 'Đặng Thị Hòa' }).click();
  const drawer = page.getByTestId('person-drawer');
  await expect(drawer.getByTestId('person-cccd')).toHaveText('0841******34');
  await drawer.getByTestId('person-reveal').click();
  await expect(drawer.getByTestId('person-cccd')).toHaveText('084185001234');
  await drawer.getByTestId('contact-outcome').click();
  await page.locator('.ant-select-dropdown:visible').getByText('Hẹn lại', { exact: true }).click();
  await drawer.getByLabel('Ghi chú').fill('Hẹn cuối tháng, chờ bán lúa');
  await drawer.getByTestId('contact-save').click();
  await expect(drawer.getByTestId('contact-log')).toContainText('Hẹn cuối tháng, chờ bán lúa');
  await page.waitForTimeout(300);
  await shot(page, 'people-05-person-contact');
  await page.keyboard.press('Escape');
  const audit = await demoApp.invoke<{ items: { action: string; entity: string }[] }>('audit:list', { limit: 50 });
  expect(audit.items.filter((a) => a.action === 'reveal' && a.entity === 'person').length).toBeGreaterThanOrEqual(2);

  // The call sheet (Excel) and the walk list (printed).
  await page.getByRole('tab', { name: 'Phiếu gọi, đi từng nhà' }).click();
  await page.getByTestId('sheet-staff').click();
  await page.keyboard.type(member.code);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: member.code }).first().click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-call-sheet').click()]);
  const saved = join(mkdtempSync(join(tmpdir(), 'bhxh-call-')), download.suggestedFilename());
  await download.saveAs(saved);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(saved);
  const text = book.worksheets.map((ws) => ws.getSheetValues().flat().map(String).join(' ')).join(' ');
  expect(text).toContain('PHIẾU GỌI');
  expect(text).toContain('Đặng Thị Hòa');
  expect(text).toContain('0919123456');
  expect(text).toMatch(/dữ liệu cá nhân/i);
  await shot(page, 'people-06-sheets');
  await page.evaluate(() => {
    window.print = () => undefined;
  });
  await page.getByTestId('print-walk-list').click();
  await expect(page.getByTestId('walk-list-print-root')).toContainText('DANH SÁCH ĐI TỪNG NHÀ');
  await expect(page.locator('html.walk-list-printing')).toHaveCount(1);
  mkdirSync(SCREENS, { recursive: true });
  const pdfPath = join(SCREENS, 'people-walk-list.pdf');
  writeFileSync(pdfPath, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  const pdf = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
  expect(pdf).toContain('DANH SÁCH ĐI TỪNG NHÀ');
  expect(pdf).toContain('Đặng Thị Hòa');
  expect(pdf).toContain('Ấp Mới');

  await page.getByRole('tab', { name: 'Các danh sách' }).click();
  await expect(page.getByTestId('person-lists')).toContainText('Tiềm năng ấp Mới, ấp Chợ');
  await shot(page, 'people-07-lists');
  await page.getByRole('tab', { name: 'Kết quả vận động' }).click();
  await expect(page.getByTestId('conversion-table')).toContainText(commune);
  await shot(page, 'people-08-conversion');
});

test('a list in the form with "Năm sinh" over Nam | Nữ and one "Địa chỉ" column: read as such, shown in the column list, saved with sex and commune', async ({ page, demoApp }) => {
  const demo = await demoApp.invoke<Found>('people:search', { query: 'hoa', limit: 1 });
  const commune = demo.items[0]!.communeName!;
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Mẫu Nam Nữ');
  ws.addRow(['DANH SÁCH NGƯỜI CÓ KHẢ NĂNG THAM GIA']);
  ws.addRow(['STT', 'Họ và tên', 'Năm sinh', null, 'Địa chỉ']);
  ws.addRow([null, null, 'Nam', 'Nữ', null]);
  ws.addRow([1, 'Phạm Văn Khải', 1981, null, `Ấp Tân Lập, ${commune}, tỉnh Cà Mau`]);
  ws.addRow([2, 'Võ Thị Kiều', null, 1992, `Khóm 3 ${commune}`]);
  ws.mergeCells('C2:D2');
  for (const col of ['A', 'B', 'E']) ws.mergeCells(`${col}2:${col}3`);
  const file = join(mkdtempSync(join(tmpdir(), 'bhxh-people-')), 'mau-nam-nu-dia-chi.xlsx');
  await wb.xlsx.writeFile(file);

  const shell = new AppShell(page);
  await shell.open(demoApp.url);
  await shell.navigate('Danh sách vận động');
  await page.getByTestId('people-import').click();
  await page.getByTestId('people-import-list-name').fill('Mẫu Nam Nữ, địa chỉ một cột');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('people-import-pick').click()]);
  await chooser.setFiles(file);
  await expect(page.getByTestId('people-import-preview')).toBeVisible();
  await expect(page.getByTestId('count-read')).toHaveText('2');
  await expect(page.getByTestId('count-error')).toHaveText('0');
  await page.getByText('Cột trong tệp và thông tin được nhập').click();
  const preview = page.getByTestId('people-import-preview');
  await expect(preview).toContainText('Năm sinh / Nam');
  await expect(preview.getByText('Ngày sinh (cột Nữ)').first()).toBeVisible();
  await expect(preview.getByText('Địa chỉ (thôn, xã)', { exact: true }).first()).toBeVisible();
  await shot(page, 'people-09-import-nam-nu-address');
  await page.getByTestId('people-import-commit').click();
  await expect(page.getByTestId('people-import-outcome')).toContainText('nhập mới 2');
  const saved = await demoApp.invoke<Found>('people:search', { query: 'vo thi kieu', limit: 5 });
  expect(saved.items.map((p) => [p.fullName, p.birthDate, p.sex, p.communeName])).toEqual([['Võ Thị Kiều', '1992', 'F', commune]]);
});

test('a workbook from a commune: an instructions sheet first, the list in VNI-Times, "Ngày | Tháng | Năm" columns: the list sheet is read and converted, and the screen says so', async ({ page, demoApp }) => {
  // VNI-Times text as typed on old machines: a base letter followed by its mark byte.
  const vni: Record<string, string> = { 'Họ và tên': 'Hoï vaø teân', 'Ngày sinh': 'Ngaøy sinh', 'Ngày': 'Ngaøy', 'Tháng': 'Thaùng', 'Năm': 'Naêm', 'Phạm Văn Khải': 'Phaïm Vaên Khaûi', 'Võ Thị Kiều': 'Voõ Thò Kieàu' };
  const wb = new ExcelJS.Workbook();
  const guide = wb.addWorksheet('Hướng dẫn');
  guide.addRow(['HƯỚNG DẪN LẬP DANH SÁCH']);
  guide.addRow(['Mỗi ấp một trang; ghi đủ ngày, tháng, năm sinh.']);
  const ws = wb.addWorksheet('Ấp Tân Lập');
  ws.addRow(['STT', vni['Họ và tên'], vni['Ngày sinh'], null, null]);
  ws.addRow([null, null, vni['Ngày'], vni['Tháng'], vni['Năm']]);
  ws.addRow([1, vni['Phạm Văn Khải'], 12, 3, 1981]);
  ws.addRow([2, vni['Võ Thị Kiều'], null, null, 1992]);
  ws.mergeCells('C1:E1');
  for (const col of ['A', 'B']) ws.mergeCells(`${col}1:${col}2`);
  ws.eachRow((row) => row.eachCell((cell) => (cell.font = { name: 'VNI-Times', size: 13 })));
  const file = join(mkdtempSync(join(tmpdir(), 'bhxh-people-')), 'ds-xa-nhieu-trang.xlsx');
  await wb.xlsx.writeFile(file);

  const shell = new AppShell(page);
  await shell.open(demoApp.url);
  await shell.navigate('Danh sách vận động');
  await page.getByTestId('people-import').click();
  await page.getByTestId('people-import-list-name').fill('Ấp Tân Lập (nhiều trang)');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('people-import-pick').click()]);
  await chooser.setFiles(file);
  await expect(page.getByTestId('people-import-preview')).toBeVisible();
  await expect(page.getByTestId('count-read')).toHaveText('2');
  await expect(page.getByTestId('count-error')).toHaveText('0');
  const notices = page.getByTestId('people-import-notice');
  await expect(notices.first()).toContainText('Trang "Hướng dẫn" không có dòng tiêu đề danh sách người; đã đọc trang "Ấp Tân Lập".');
  await expect(notices.nth(1)).toContainText('Tệp dùng phông chữ cũ VNI (VNI-Times); nội dung đã được chuyển sang Unicode.');
  await shot(page, 'people-10-import-cover-sheet-vni');
  await page.getByTestId('people-import-commit').click();
  await expect(page.getByTestId('people-import-outcome')).toContainText('nhập mới 2');
  const saved = await demoApp.invoke<Found>('people:search', { query: 'pham van khai', limit: 5 });
  expect(saved.items.map((p) => [p.fullName, p.birthDate])).toEqual([['Phạm Văn Khải', '1981-03-12']]);
});
