import { lastClosedMonth } from '../../shared/domain/periods';
import { expect, shot, test } from './fixtures';
import { AppShell, AREA_LABELS, BackupsPage, CatalogsPage, FirstRunPage } from './pages';
import { DashboardPage } from './pages/DashboardPage';

test('demo data from the first-run screen: opens on Tổng quan, labelled, every area reachable, catalogues filled', { tag: '@dates' }, async ({ page, app, today }) => {
  const shell = new AppShell(page);
  await shell.open(app.url);
  await new FirstRunPage(page).useDemo();
  await expect(shell.demoTag).toHaveText('DỮ LIỆU MẪU');
  // The demo lands on its figures, for the last month whose data is cut off; the report opens on the same month.
  await expect(page.getByRole('heading', { level: 3, name: 'Tổng quan', exact: true })).toBeVisible();
  await expect(page).toHaveURL(/#\/tong-quan$/);
  const dashboard = new DashboardPage(page);
  await dashboard.waitLoaded();
  const [yyyy, mm] = lastClosedMonth(today).split('-');
  await expect(dashboard.periodInput).toHaveValue(`${mm}/${yyyy}`);
  await shot(page, '08-demo-lands-on-overview');
  await shell.navigate('Báo cáo');
  await expect(page.locator('#report-period')).toHaveValue(`${mm}/${yyyy}`);
  await shot(page, '08b-report-same-month');
  // Every area is built: none shows the "being built" placeholder any more.
  for (const label of AREA_LABELS) {
    await shell.navigate(label);
    await expect(shell.placeholder()).toHaveCount(0);
  }
  await shell.navigate('Nợ đọng');
  await expect(page.getByText('đơn vị còn nợ')).toBeVisible();
  await shot(page, '09-demo-arrears');

  await shell.navigate('Danh mục');
  const catalogs = new CatalogsPage(page);
  await expect(catalogs.nodeByName('Tỉnh Phú An (dữ liệu mẫu)')).toBeVisible();
  await catalogs.selectUnit('99509');
  await expect(catalogs.predecessors).toContainText('Thị trấn Long Điền');
  await shot(page, '10-demo-catalogs');
  await catalogs.openTab('Chỉ tiêu thống kê');
  await expect(catalogs.indicatorsTable).toContainText('Tỷ lệ bao phủ BHYT');
  await shot(page, '11-indicators');
  await catalogs.openTab('Cơ quan BHXH cơ sở');
  await expect(catalogs.officesTable).toContainText('BHXH cơ sở Hòa Thuận - Vĩnh Phong');
  await shot(page, '12-offices');
});

test('backup, change a unit, restore the backup from the UI: the change is undone', async ({ page, demoApp }) => {
  const shell = new AppShell(page);
  await shell.open(demoApp.url);
  await shell.navigate('Sao lưu');
  const backups = new BackupsPage(page);
  await backups.backupNow.click();
  await expect(shell.feedback(/Đã sao lưu/)).toBeVisible();
  const fileName = (await backups.rows().first().locator('.file-name').textContent())!.trim();
  expect(fileName).toMatch(/manual\.sqlite$/);

  await shell.navigate('Danh mục');
  const catalogs = new CatalogsPage(page);
  await catalogs.selectUnit('99509');
  const edit = await catalogs.openEdit();
  await edit.getByLabel('Tên').fill('Xã Long Điền Mới');
  await edit.getByRole('button', { name: 'Lưu' }).click();
  await expect(edit).toBeHidden();
  await expect(catalogs.detailValue('Tên đơn vị')).toHaveText('Xã Long Điền Mới');

  await shell.navigate('Sao lưu');
  await expect(backups.audit).toContainText('Xã Long Điền Mới');
  await shot(page, '13-backups-and-audit');
  await backups.restore(fileName);

  await shell.navigate('Danh mục');
  await catalogs.selectUnit('99509');
  await expect(catalogs.detailValue('Tên đơn vị')).toHaveText('Xã Long Điền');
  const names = JSON.parse(demoApp.cli('units', 'list', '--json')) as { code: string; name: string }[];
  expect(names.find((u) => u.code === '99509')?.name).toBe('Xã Long Điền');
});
