import type { Page } from '@playwright/test';
import { expect, shot, test } from './fixtures';
import { AppShell } from './pages';
import { NetworkPage } from './pages/NetworkPage';

// Today is 22/11/2026 (fixtures' DEFAULT_TODAY): contracts ending 15/12/2026 are within 30 days,
// and the network screens open on the last month closed, 10/2026, whose results are entered. The demo has its own network; ours sits in a new office
// (created through the running app) so the demo's agents and staff stay out of its figures.

const AGENT = 'Bưu điện xã Long Điền Đông';
const OFFICE = 'BHXH cơ sở Đông Hải';

async function openNetwork(page: Page, url: string): Promise<{ shell: AppShell; net: NetworkPage }> {
  const shell = new AppShell(page);
  await shell.open(url);
  await shell.navigate('Đại lý thu');
  const net = new NetworkPage(page);
  await expect(net.overview).toBeVisible();
  return { shell, net };
}

test('an agent, its collection point and two staff entered on the screens; CCCD masked and revealed on request', async ({ page, demoApp }) => {
  // Four forms filled on screen: 84 s on a loaded 2-core CI runner, up to 2 min, the config's limit.
  test.slow();
  await demoApp.invoke('offices:create', { code: '9904', name: OFFICE });
  const { shell, net } = await openNetwork(page, demoApp.url);

  // The agent: the server's date check lands on its field; corrected, the agent is added.
  await net.openTab('Tổ chức dịch vụ thu');
  await page.getByTestId('agent-create').click();
  const agentForm = net.dialog('Thêm tổ chức dịch vụ thu');
  await agentForm.getByLabel('Mã đại lý', { exact: true }).fill('BD-LD01');
  await net.pick(agentForm, 'Loại tổ chức', '', 'Bưu điện');
  await agentForm.getByLabel('Tên tổ chức dịch vụ thu', { exact: true }).fill(AGENT);
  await agentForm.getByLabel('Số hợp đồng', { exact: true }).fill('15/2026/HĐ-BHXH');
  await net.typeDate(agentForm.getByLabel('Ngày ký', { exact: true }), '16/12/2026');
  await net.typeDate(agentForm.getByLabel('Ngày hết hạn', { exact: true }), '15/12/2026');
  await net.pick(agentForm, 'BHXH cơ sở ký hợp đồng', 'dong hai', OFFICE);
  await expect(net.okButton(agentForm)).toHaveText('Thêm');
  await net.okButton(agentForm).click();
  await expect(agentForm.locator('.ant-form-item-explain-error')).toContainText('phải sau ngày ký hợp đồng');
  await shot(page, 'network-01-agent-form-server-check');
  await net.typeDate(agentForm.getByLabel('Ngày ký', { exact: true }), '15/12/2025');
  await net.okButton(agentForm).click();
  await expect(agentForm).toBeHidden();
  const detail = page.getByTestId('agent-detail');
  await expect(detail).toContainText('15/2026/HĐ-BHXH');
  await expect(detail).toContainText(OFFICE);
  await page.waitForTimeout(400); // the drawer's slide-in
  await shot(page, 'network-02-agent-detail');
  await page.keyboard.press('Escape');
  await expect(detail).toBeHidden();
  await page.getByTestId('agent-search').fill('buu dien long dien dong');
  await expect(net.agentsTable.locator('tbody tr.ant-table-row')).toHaveCount(1);
  const agentRow = net.row(net.agentsTable, AGENT);
  await expect(agentRow).toContainText('15/12/2026');
  await expect(agentRow.getByTestId('expiry-tag')).toHaveText('Còn ≤30 ngày');

  // Its collection point.
  await net.openTab('Điểm thu');
  await page.getByTestId('point-create').click();
  const pointForm = net.dialog('Thêm điểm thu');
  await net.pick(pointForm, 'Tổ chức dịch vụ thu', 'long dien dong', AGENT);
  await pointForm.getByLabel('Tên điểm thu', { exact: true }).fill('Điểm thu chợ Long Điền Đông');
  await pointForm.getByLabel('Địa chỉ điểm thu', { exact: true }).fill('Ấp Chợ, xã Long Điền Đông');
  await pointForm.getByRole('button', { name: 'Thêm', exact: true }).click();
  await expect(pointForm).toBeHidden();
  await page.getByLabel('Tìm điểm thu', { exact: true }).fill('cho long dien dong');
  await expect(net.row(net.pointsTable, 'Điểm thu chợ Long Điền Đông')).toContainText(AGENT);

  // Two staff: a collaborator added through the running app, and one with a valid CCCD (born 1986) on the screen.
  await demoApp.invoke('staff:create', { code: 'NV-LD02', fullName: 'Lê Văn Hai', agentCode: 'BD-LD01', role: 'collaborator', birthYear: 1990 });
  await net.openTab('Nhân viên thu');
  await page.getByTestId('staff-create').click();
  const form = net.dialog('Thêm nhân viên thu');
  await form.getByLabel('Mã nhân viên', { exact: true }).fill('NV-LD01');
  await form.getByLabel('Họ và tên', { exact: true }).fill('Trần Thị Bé Tư');
  await net.pick(form, 'Thuộc tổ chức dịch vụ thu', 'long dien dong', AGENT);
  await form.getByLabel('Năm sinh', { exact: true }).fill('1986');
  await form.getByLabel('Số CCCD', { exact: true }).fill('095186001234');
  await form.getByLabel('Điện thoại', { exact: true }).fill('0919123456');
  await shot(page, 'network-03-staff-form');
  await form.getByRole('button', { name: 'Thêm', exact: true }).click();
  await expect(form).toBeHidden();
  // The new person's details open, the CCCD masked; Escape closes them (the toast sits over the close button).
  await expect(page.getByTestId('staff-detail')).toContainText('0951******34');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('staff-detail')).toBeHidden();
  await net.pick(page.getByRole('toolbar', { name: 'Lọc nhân viên thu' }), 'Tổ chức dịch vụ thu', 'long dien dong', AGENT);
  await expect(net.staffTable.locator('tbody tr.ant-table-row')).toHaveCount(2);
  const tu = net.row(net.staffTable, 'Trần Thị Bé Tư');
  await expect(tu).toContainText('0951******34');
  await expect(tu).not.toContainText('095186001234');
  await expect(net.row(net.staffTable, 'Lê Văn Hai')).toContainText('Cộng tác viên');
  await tu.getByRole('button', { name: 'Hiện số CCCD của Trần Thị Bé Tư' }).click();
  await expect(tu.getByTestId('revealed-cccd')).toHaveText('095186001234');
  await expect(shell.feedback(/ghi vào nhật ký/)).toBeVisible();
  await shot(page, 'network-04-staff-list');
});

test('year targets shared over the staff, one month of results (10/2026): commission, ranking and the inactive flag', async ({ page, demoApp }) => {
  // The network itself through the running app's API (the screens that enter it are the test above).
  await demoApp.invoke('offices:create', { code: '9904', name: OFFICE });
  await demoApp.invoke('agents:create', { code: 'BD-LD01', name: AGENT, kind: 'POST', officeCode: '9904', signedOn: '2025-12-15', expiresOn: '2026-12-15' });
  await demoApp.invoke('points:save', { agentCode: 'BD-LD01', name: 'Điểm thu chợ Long Điền Đông' });
  await demoApp.invoke('staff:create', { code: 'NV-LD01', fullName: 'Trần Thị Bé Tư', agentCode: 'BD-LD01', birthYear: 1986, cccd: '095186001234' });
  await demoApp.invoke('staff:create', { code: 'NV-LD02', fullName: 'Lê Văn Hai', agentCode: 'BD-LD01', role: 'collaborator', birthYear: 1990 });
  const { shell, net } = await openNetwork(page, demoApp.url);
  // The demo province's network as a whole.
  await expect(page.getByTestId('overview-summary')).toContainText('Toàn tỉnh');
  await expect(page.getByTestId('network-kind-chart')).toBeVisible();
  await shot(page, 'network-00-overview-province');

  // Thù lao: 50.000 đ per new voluntary participant from 01/01/2026; inactive after 2 months without one.
  await net.openTab('Thù lao');
  const commission = page.getByTestId('commission-form');
  await net.pick(commission, 'Cách tính', '', 'đồng/người tăng mới');
  await commission.getByLabel('Mức thù lao', { exact: true }).fill('50.000');
  await net.typeDate(commission.getByLabel('Áp dụng từ ngày', { exact: true }), '01/01/2026');
  await page.getByTestId('commission-add').click();
  await expect(page.getByTestId('commission-rates')).toContainText('50.000 đ/người tăng mới');
  await expect(page.getByTestId('commission-rates')).toContainText('01/01/2026');
  await page.getByTestId('inactive-months').fill('2');
  await page.getByTestId('inactive-months-save').click();
  await expect(page.getByTestId('inactive-months-save')).toBeDisabled();

  // Year targets: 100 for the agent, shared evenly over its two staff; results of 10/2026 for Bé Tư only.
  await net.openTab('Chỉ tiêu & kết quả');
  await net.chooseOffice(OFFICE, 'dong hai');
  await expect(net.row(net.flowsTable, AGENT)).toBeVisible();
  await page.getByTestId('flow-target-BD-LD01').first().fill('100');
  await net.row(net.flowsTable, AGENT).getByRole('button', { name: AGENT }).click();
  await expect(net.staffFlowsTable).toContainText('Lê Văn Hai');
  await page.getByTestId('flow-share-staff').click();
  await expect(page.getByTestId('flow-target-NV-LD01')).toHaveValue('50');
  await expect(page.getByTestId('flow-target-NV-LD02')).toHaveValue('50');
  await page.getByTestId('flow-result-NV-LD01').fill('7');
  await page.getByTestId('flow-save').click();
  await expect(page.getByTestId('flow-save')).toBeDisabled();
  const tuRow = net.row(net.staffFlowsTable, 'Trần Thị Bé Tư');
  await expect(tuRow).toContainText('14,00%');
  await expect(tuRow).toContainText('350.000 đ');
  await expect(net.row(net.staffFlowsTable, 'Lê Văn Hai').getByTestId('inactive-tag')).toBeVisible();
  await expect(net.row(net.flowsTable, AGENT)).toContainText('7,00%');
  await shot(page, 'network-05-flows');

  // An over-allocation is saved with a warning and shown in red.
  await page.getByTestId('flow-target-NV-LD02').fill('60');
  await page.getByTestId('flow-save').click();
  await expect(page.getByTestId('flow-warnings')).toContainText('nhiều hơn chỉ tiêu');
  await expect(net.row(net.staffFlowsTable, AGENT).getByTestId('flow-over')).toContainText('-10');

  // Ranking of staff by new voluntary participants: Bé Tư first; Hai flagged inactive.
  await net.openTab('Xếp hạng');
  const rows = net.rankingTable.locator('tbody tr.ant-table-row');
  await expect(rows.nth(0)).toContainText('Trần Thị Bé Tư');
  await expect(rows.nth(0)).toContainText('350.000 đ');
  await expect(rows.nth(0).getByTestId('inactive-tag')).toHaveCount(0);
  await expect(rows.nth(1)).toContainText('Lê Văn Hai');
  await expect(rows.nth(1).getByTestId('inactive-tag')).toContainText('Không hoạt động');
  await expect(rows.nth(1)).toContainText('chưa có lần nào');
  await shot(page, 'network-06-ranking');
  await page.getByTestId('rank-inactive-only').click();
  await expect(rows).toHaveCount(1);
  await expect(rows.nth(0)).toContainText('Lê Văn Hai');

  // The overview counts the new network.
  await net.openTab('Tổng quan mạng lưới');
  await expect(page.getByTestId('overview-summary')).toContainText('1 đại lý, 1 điểm thu, 2 nhân viên');
  await expect(page.getByTestId('overview-inactive')).toContainText('1 nhân viên thu');
  await expect(page.getByTestId('overview-expiring')).toContainText('1 hết hạn trong 30 ngày');
  await shot(page, 'network-07-overview');
  await expect(shell.menuItem('Đại lý thu')).toBeVisible();
});
