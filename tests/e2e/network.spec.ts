import { expect, shot, test } from './fixtures';
import { AppShell } from './pages';
import { NetworkPage } from './pages/NetworkPage';

// Today is 22/11/2026 (fixtures' DEFAULT_TODAY): results are entered for 11/2026.

test('an agent with a collection point and two staff: targets, one month of results, the ranking and the inactive flag', async ({ page, demoApp }) => {
  test.setTimeout(90_000);
  const shell = new AppShell(page);
  await shell.open(demoApp.url);
  await shell.navigate('Đại lý thu');
  const net = new NetworkPage(page);
  await expect(net.overview).toBeVisible();

  // Thù lao: 50.000 đ per new voluntary participant; inactive after 2 months without one.
  await net.openTab('Thù lao');
  const commission = page.getByTestId('commission-form');
  await commission.getByLabel('Cách tính', { exact: true }).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: 'đồng/người tăng mới' }).click();
  await commission.getByLabel('Mức thù lao', { exact: true }).fill('50.000');
  await net.typeDate(commission.getByLabel('Áp dụng từ ngày', { exact: true }), '01/01/2026');
  await page.getByTestId('commission-add').click();
  await expect(page.getByTestId('commission-rates')).toContainText('50.000 đ/người tăng mới');
  await expect(page.getByTestId('commission-rates')).toContainText('01/01/2026');
  await page.getByTestId('inactive-months').fill('2');
  await page.getByTestId('inactive-months-save').click();
  await expect(shell.feedback(/trong 2 tháng/)).toBeVisible();

  // A post office agent of Long Điền whose contract ends within 30 days.
  await net.openTab('Tổ chức dịch vụ thu');
  await page.getByTestId('agent-create').click();
  const agentForm = net.dialog('Thêm tổ chức dịch vụ thu');
  await agentForm.getByLabel('Mã đại lý', { exact: true }).fill('BD-LD01');
  await net.pick(agentForm, 'Loại tổ chức', '', 'Bưu điện');
  await agentForm.getByLabel('Tên tổ chức dịch vụ thu', { exact: true }).fill('Bưu điện xã Long Điền Đông');
  await agentForm.getByLabel('Số hợp đồng', { exact: true }).fill('15/2026/HĐ-BHXH');
  await net.typeDate(agentForm.getByLabel('Ngày ký', { exact: true }), '15/12/2025');
  await net.typeDate(agentForm.getByLabel('Ngày hết hạn', { exact: true }), '15/12/2026');
  await net.pick(agentForm, 'BHXH cơ sở ký hợp đồng', 'long dien', 'BHXH cơ sở Long Điền');
  await shot(page, 'network-01-agent-form');
  await agentForm.getByRole('button', { name: 'Thêm', exact: true }).click();
  await expect(agentForm).toBeHidden();
  const agentRow = net.row(net.agentsTable, 'Bưu điện xã Long Điền Đông');
  await expect(agentRow).toContainText('Bưu điện');
  await expect(agentRow).toContainText('15/12/2026');
  await expect(agentRow.getByTestId('expiry-tag')).toHaveText('Còn ≤30 ngày');
  await expect(page.getByTestId('agent-detail')).toContainText('15/2026/HĐ-BHXH');
  await page.waitForTimeout(400); // the drawer's slide-in
  await shot(page, 'network-02-agent-detail');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('agent-detail')).toBeHidden();

  // Its collection point.
  await net.openTab('Điểm thu');
  await page.getByTestId('point-create').click();
  const pointForm = net.dialog('Thêm điểm thu');
  await net.pick(pointForm, 'Tổ chức dịch vụ thu', 'long dien dong', 'Bưu điện xã Long Điền Đông');
  await pointForm.getByLabel('Tên điểm thu', { exact: true }).fill('Điểm thu chợ Long Điền Đông');
  await pointForm.getByLabel('Địa chỉ điểm thu', { exact: true }).fill('Ấp Chợ, xã Long Điền Đông');
  await pointForm.getByRole('button', { name: 'Thêm', exact: true }).click();
  await expect(pointForm).toBeHidden();
  await expect(net.row(net.pointsTable, 'Điểm thu chợ Long Điền Đông')).toContainText('Bưu điện xã Long Điền Đông');

  // Two staff: one with a valid CCCD (born 1986), one collaborator.
  await net.openTab('Nhân viên thu');
  for (const person of [
    { code: 'NV-LD01', name: 'Trần Thị Bé Tư', year: '1986', cccd: '095186001234', phone: '0919123456' },
    { code: 'NV-LD02', name: 'Lê Văn Hai', year: '1990', cccd: '', phone: '' },
  ]) {
    await page.getByTestId('staff-create').click();
    const form = net.dialog('Thêm nhân viên thu');
    if (!person.cccd) {
      await net.pick(form, 'Vai trò', '', 'Cộng tác viên');
      await expect(form.locator('.ant-select', { has: page.getByLabel('Vai trò', { exact: true }) })).toContainText('Cộng tác viên');
    }
    await form.getByLabel('Mã nhân viên', { exact: true }).fill(person.code);
    await form.getByLabel('Họ và tên', { exact: true }).fill(person.name);
    await net.pick(form, 'Thuộc tổ chức dịch vụ thu', 'long dien dong', 'Bưu điện xã Long Điền Đông');
    await form.getByLabel('Năm sinh', { exact: true }).fill(person.year);
    if (person.cccd) await form.getByLabel('Số CCCD', { exact: true }).fill(person.cccd);
    if (person.phone) await form.getByLabel('Điện thoại', { exact: true }).fill(person.phone);
    if (person.cccd) await shot(page, 'network-03-staff-form');
    await form.getByRole('button', { name: 'Thêm', exact: true }).click();
    await expect(form).toBeHidden();
    // The new person's details open; Escape closes them (the toast sits over the close button).
    await expect(page.getByTestId('staff-detail')).toContainText(person.name);
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('staff-detail')).toBeHidden();
  }
  const tu = net.row(net.staffTable, 'Trần Thị Bé Tư');
  await expect(tu).toContainText('0951******34');
  await expect(net.row(net.staffTable, 'Lê Văn Hai')).toContainText('Cộng tác viên');
  await tu.getByRole('button', { name: 'Hiện số CCCD của Trần Thị Bé Tư' }).click();
  await expect(tu.getByTestId('revealed-cccd')).toHaveText('095186001234');
  await expect(shell.feedback(/ghi vào nhật ký/)).toBeVisible();
  await shot(page, 'network-04-staff-list');

  // Year targets: 100 for the agent, shared evenly over its two staff; results of 11/2026 for Bé Tư only.
  await net.openTab('Chỉ tiêu & kết quả');
  await net.chooseOffice('BHXH cơ sở Long Điền', 'long dien');
  await page.getByTestId('flow-target-BD-LD01').first().fill('100');
  await net.row(net.flowsTable, 'Bưu điện xã Long Điền Đông').getByRole('button', { name: 'Bưu điện xã Long Điền Đông' }).click();
  await expect(net.staffFlowsTable).toContainText('Lê Văn Hai');
  await page.getByTestId('flow-share-staff').click();
  await expect(page.getByTestId('flow-target-NV-LD02')).toHaveValue('50');
  await page.getByTestId('flow-result-NV-LD01').fill('7');
  await page.getByTestId('flow-save').click();
  await expect(shell.feedback(/Đã lưu \d+ số liệu/)).toBeVisible();
  await expect(net.row(net.staffFlowsTable, 'Trần Thị Bé Tư')).toContainText('350.000 đ');
  await expect(net.row(net.flowsTable, 'Bưu điện xã Long Điền Đông')).toContainText('7');
  await shot(page, 'network-05-flows');

  // Ranking of staff by new voluntary participants: Bé Tư first; Hai flagged inactive.
  await net.openTab('Xếp hạng');
  const first = net.rankingTable.locator('tbody tr.ant-table-row').nth(0);
  const second = net.rankingTable.locator('tbody tr.ant-table-row').nth(1);
  await expect(first).toContainText('Trần Thị Bé Tư');
  await expect(first).toContainText('14,00%');
  await expect(first).toContainText('350.000 đ');
  await expect(second).toContainText('Lê Văn Hai');
  await expect(second.getByTestId('inactive-tag')).toContainText('Không hoạt động');
  await expect(first.getByTestId('inactive-tag')).toHaveCount(0);
  await shot(page, 'network-06-ranking');

  // The overview counts the new network.
  await net.openTab('Tổng quan mạng lưới');
  await expect(page.getByTestId('overview-summary')).toContainText('1 đại lý, 1 điểm thu, 2 nhân viên');
  await expect(page.getByTestId('overview-inactive')).toContainText('1 nhân viên thu');
  await shot(page, 'network-07-overview');
});
