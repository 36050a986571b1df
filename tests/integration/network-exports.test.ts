import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { AppCore } from '../../electron/core/app/appCore';
import type { DownloadRef, RequestOf } from '../../shared/contract';
import { call, FIXED_NOW, openTestCore } from '../helpers/core';
import { demoWithoutNetwork } from '../helpers/network';

/** The demo province on the fixed clock (22/11/2026): agent T01 of office 9901 with a point, two staff, an inspection and results. */
async function networkCore(): Promise<AppCore> {
  const core = await openTestCore({ now: () => FIXED_NOW });
  await demoWithoutNetwork(core);
  const office = await call(core, 'offices:get', { code: '9901' });
  const communes = office.members.filter((m) => m.validTo === null).map((m) => m.unitCode);
  await call(core, 'agents:create', {
    code: 'T01', name: 'Bưu điện Hòa Bình', kind: 'POST', officeCode: '9901', contractNo: '05/HĐ-BHXH', signedOn: '2026-01-06', expiresOn: '2026-12-15', communeCodes: communes.slice(0, 2),
  });
  await call(core, 'points:save', { agentCode: 'T01', code: 'TP01', name: 'Bưu cục trung tâm', unitCode: communes[0], openedOn: '2026-01-10', signage: true });
  await call(core, 'staff:create', { code: 'TNV01', fullName: 'Trần Thị Bé Tư', birthYear: 1986, cccd: '095186001234', phone: '0919123456', agentCode: 'T01', communeCodes: [communes[0]!], trainingDate: '2026-01-15', joinedOn: '2026-01-15' });
  await call(core, 'staff:create', { code: 'TNV02', fullName: 'Lâm Văn Út', birthYear: 1979, cccd: '095079002345', phone: '0945111222', agentCode: 'T01', communeCodes: [communes[1]!], trainingDate: '2026-01-15', joinedOn: '2026-01-15' });
  await call(core, 'inspections:save', { agentCode: 'T01', inspectedOn: '2026-09-30', inspector: 'Nguyễn Văn Kiểm', findings: 'Sổ sách đầy đủ', followUp: 'Treo biển hiệu mới' });
  await call(core, 'network:setFlows', { kind: 'target', year: 2026, entries: [{ level: 'staff', code: 'TNV01', measure: 'NEW_TN', value: 100 }, { level: 'staff', code: 'TNV02', measure: 'NEW_TN', value: 100 }] });
  await call(core, 'network:setFlows', { kind: 'result', month: '2026-09', entries: [{ level: 'staff', code: 'TNV01', measure: 'NEW_TN', value: 7 }] });
  await call(core, 'network:setFlows', { kind: 'result', month: '2026-10', entries: [{ level: 'staff', code: 'TNV01', measure: 'NEW_TN', value: 12 }] });
  return core;
}

interface Sheet {
  ws: ExcelJS.Worksheet;
  headerRow: number;
  headers: string[];
  texts: string[];
  /** Data rows as cell values, from the row under the column numbers. */
  rows: unknown[][];
}

async function open(core: AppCore, ref: DownloadRef): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(core.downloads.take(ref.token).bytes as unknown as ArrayBuffer);
  return wb;
}

function sheet(ws: ExcelJS.Worksheet): Sheet {
  let headerRow = 0;
  ws.eachRow((row, n) => {
    if (!headerRow && row.getCell(1).value === 'STT') headerRow = n;
  });
  const width = ws.columnCount;
  const headers: string[] = [];
  for (let c = 1; c <= width; c++) {
    const top = ws.getCell(headerRow, c);
    const sub = ws.getCell(headerRow + 1, c);
    // Grouped columns: the group above, the header below; others: one merged header.
    headers.push(sub.isMerged && sub.master.address === top.master.address ? String(top.master.value) : String(sub.value));
  }
  const texts: string[] = [];
  const rows: unknown[][] = [];
  ws.eachRow((row, n) => {
    const values: unknown[] = [];
    for (let c = 1; c <= width; c++) values.push(row.getCell(c).value);
    for (const v of values) if (typeof v === 'string') texts.push(v);
    if (n > headerRow + 2 && typeof values[0] === 'number') rows.push(values);
  });
  return { ws, headerRow, headers, texts, rows };
}

async function exportAudits(core: AppCore): Promise<{ summary: string }[]> {
  return (await call(core, 'audit:list', { entity: 'export', limit: 1000 })).items;
}

/** Runs one export, checks it wrote exactly one audit row, and returns the workbook and that row. */
async function exported(core: AppCore, req: RequestOf<'exports:network'>): Promise<{ wb: ExcelJS.Workbook; ref: DownloadRef; audit: string }> {
  const before = await exportAudits(core);
  const ref = await call(core, 'exports:network', req);
  const after = await exportAudits(core);
  expect(after.length, req.list).toBe(before.length + 1);
  expect(ref.fileName).toMatch(/^[a-z0-9A-Z._-]+\.xlsx$/);
  return { wb: await open(core, ref), ref, audit: after[0]!.summary };
}

const rowOf = (s: Sheet, code: string) => s.rows.find((r) => r.includes(code))!;

describe('exports:network', () => {
  it('staff: masked identifiers by default; withPersonal puts them in, says so on the sheet and in the audit log', async () => {
    const core = await networkCore();
    const masked = await exported(core, { list: 'staff', officeCode: '9901' });
    const s = sheet(masked.wb.worksheets[0]!);
    expect(s.headers).toEqual(['STT', 'Mã', 'Họ và tên', 'Vai trò', 'Năm sinh', 'Số CCCD', 'Điện thoại', 'Tổ chức dịch vụ thu', 'Loại tổ chức', 'Địa bàn phụ trách', 'Ngày tập huấn', 'Số thẻ', 'Trạng thái']);
    const tu = rowOf(s, 'TNV01');
    expect(tu.slice(1, 10)).toEqual(['TNV01', 'Trần Thị Bé Tư', 'Nhân viên thu', 1986, '0951******34', '0919***456', 'Bưu điện Hòa Bình', 'Bưu điện', expect.any(String)]);
    expect(tu[10]).toBe('15/01/2026');
    expect(s.texts.join('\n')).not.toContain('095186001234');
    expect(s.texts.join('\n')).not.toContain('dữ liệu cá nhân');
    expect(masked.audit).toMatch(/^Xuất danh sách nhân viên thu \(2 dòng/);
    expect(masked.audit).not.toContain('cá nhân');
    // The formatted look: bold header, borders, A4 landscape, header repeated and frozen.
    const ws = s.ws;
    expect(ws.getCell(s.headerRow, 2).font?.bold).toBe(true);
    expect(ws.getCell(s.headerRow + 3, 2).border?.top?.style).toBe('thin');
    expect(ws.pageSetup.orientation).toBe('landscape');
    expect(ws.pageSetup.paperSize).toBe(9);
    expect(ws.pageSetup.printTitlesRow).toBe(`${s.headerRow}:${s.headerRow + 2}`);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: s.headerRow + 2 });

    const full = await exported(core, { list: 'staff', officeCode: '9901', withPersonal: true });
    const p = sheet(full.wb.worksheets[0]!);
    expect(rowOf(p, 'TNV01').slice(5, 7)).toEqual(['095186001234', '0919123456']);
    expect(rowOf(p, 'TNV02').slice(5, 7)).toEqual(['095079002345', '0945111222']);
    expect(p.texts).toContain('Tài liệu có dữ liệu cá nhân — không chia sẻ ngoài cơ quan');
    expect(full.audit).toContain('có dữ liệu cá nhân: CCCD, số điện thoại');
    expect(full.ref.fileName).toContain('co-du-lieu-ca-nhan');
  });

  it('agents, points and inspections lists', async () => {
    const core = await networkCore();
    const agents = sheet((await exported(core, { list: 'agents', officeCode: '9901' })).wb.worksheets[0]!);
    expect(agents.headers).toEqual(['STT', 'Mã', 'Tên tổ chức dịch vụ thu', 'Loại tổ chức', 'Cơ quan BHXH ký hợp đồng', 'Số hợp đồng', 'Ngày ký', 'Hiệu lực đến', 'Trạng thái', 'Số xã, phường', 'Điểm thu', 'Nhân viên thu']);
    expect(rowOf(agents, 'T01').slice(1)).toEqual(['T01', 'Bưu điện Hòa Bình', 'Bưu điện', 'BHXH cơ sở Phú An', '05/HĐ-BHXH', '06/01/2026', '15/12/2026', 'Đang hoạt động', 2, 1, 2]);
    expect(agents.texts.some((t) => t.startsWith('DANH SÁCH TỔ CHỨC DỊCH VỤ THU'))).toBe(true);

    const points = sheet((await exported(core, { list: 'points', agentCode: 'T01' })).wb.worksheets[0]!);
    expect(points.headers.slice(0, 4)).toEqual(['STT', 'Mã', 'Tên điểm thu', 'Tổ chức dịch vụ thu']);
    expect(rowOf(points, 'TP01').slice(1, 5)).toEqual(['TP01', 'Bưu cục trung tâm', 'Bưu điện Hòa Bình', 'Bưu điện']);
    expect(rowOf(points, 'TP01').at(-1)).toBe('Có');

    const inspections = sheet((await exported(core, { list: 'inspections', agentCode: 'T01' })).wb.worksheets[0]!);
    expect(inspections.headers).toEqual(['STT', 'Ngày kiểm tra', 'Mã đại lý', 'Tổ chức dịch vụ thu', 'Người kiểm tra', 'Kết quả kiểm tra', 'Yêu cầu khắc phục', 'Tình trạng']);
    expect(inspections.rows[0]!.slice(1)).toEqual(['30/09/2026', 'T01', 'Bưu điện Hòa Bình', 'Nguyễn Văn Kiểm', 'Sổ sách đầy đủ', 'Treo biển hiệu mới', 'Chưa khắc phục']);
  });

  it('ranking: rank, name, agent, kind, month, cumulative, year target, % of target, commission, activity', async () => {
    const core = await networkCore();
    const { wb, ref } = await exported(core, { list: 'ranking', period: '2026-10', level: 'staff', measure: 'NEW_TN', officeCode: '9901' });
    expect(ref.fileName).toBe('xep-hang-nhan-vien-thu-BHXH-TN-tang-moi-9901-2026-10.xlsx');
    const s = sheet(wb.worksheets[0]!);
    expect(s.headers).toEqual(['STT', 'Hạng', 'Mã', 'Họ và tên', 'Tổ chức dịch vụ thu', 'Loại tổ chức', 'Tháng', 'Lũy kế từ đầu năm', 'Chỉ tiêu năm', '% chỉ tiêu', 'Thù lao tháng (đồng)', 'Hoạt động']);
    const tu = rowOf(s, 'TNV01');
    expect(tu.slice(1, 9)).toEqual([1, 'TNV01', 'Trần Thị Bé Tư', 'Bưu điện Hòa Bình', 'Bưu điện', 12, 19, 100]);
    expect(tu[9]).toBeCloseTo(0.19);
    expect(tu[11]).toBe('Đang hoạt động');
    expect(s.ws.getCell(s.rows.indexOf(tu) + s.headerRow + 3, 10).numFmt).toBe('0.00%');
    expect(rowOf(s, 'TNV02').slice(1, 3)).toEqual([2, 'TNV02']);
    expect(rowOf(s, 'TNV02')[11]).toBe('Không hoạt động');
    expect(s.texts.some((t) => /^XẾP HẠNG NHÂN VIÊN THU THEO BHXH TN TĂNG MỚI$/.test(t))).toBe(true);

    // Agents: their staff's figures rolled up, no agent column.
    const agents = sheet((await exported(core, { list: 'ranking', period: '2026-10', level: 'agent' })).wb.worksheets[0]!);
    expect(agents.headers.slice(1, 6)).toEqual(['Hạng', 'Mã', 'Tên tổ chức dịch vụ thu', 'Loại tổ chức', 'Tháng']);
    expect(rowOf(agents, 'T01').slice(1, 8)).toEqual([1, 'T01', 'Bưu điện Hòa Bình', 'Bưu điện', 12, 19, '—']);
  });

  it('coverage: the by-kind table and the commune table of the overview', async () => {
    const core = await networkCore();
    const { wb } = await exported(core, { list: 'coverage', period: '2026-10', officeCode: '9901' });
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Theo loại tổ chức', 'Theo xã, phường']);
    const byKind = sheet(wb.worksheets[0]!);
    expect(byKind.headers.slice(0, 6)).toEqual(['STT', 'Loại tổ chức', 'Tổ chức', 'Điểm thu', 'Nhân viên thu', 'Đã tập huấn']);
    expect(byKind.rows[0]!.slice(1, 7)).toEqual(['Bưu điện', 1, 1, 2, 2, 12]);
    const communes = sheet(wb.worksheets[1]!);
    expect(communes.headers.slice(0, 4)).toEqual(['STT', 'Mã', 'Xã, phường', 'Cơ quan BHXH cơ sở']);
    const overview = await call(core, 'network:overview', { period: '2026-10', officeCode: '9901' });
    expect(communes.rows).toHaveLength(overview.communes.length);
    const withPoint = overview.communes.find((c) => c.points > 0)!;
    const row = rowOf(communes, withPoint.code);
    expect(row.slice(2, 7)).toEqual([withPoint.name, 'BHXH cơ sở Phú An', 1, 1, 'Bưu điện']);
    expect(row.at(-1)).toBe('Dưới 3 loại tổ chức');
    expect(communes.texts).toContain('Chưa có điểm thu; Dưới 3 loại tổ chức');

    // The whole province: every commune of the tree that day.
    const all = await exported(core, { list: 'coverage', period: '2026-10' });
    expect(sheet(all.wb.worksheets[1]!).rows.length).toBeGreaterThan(overview.communes.length);
    expect(all.ref.fileName).toBe('do-phu-mang-luoi-dai-ly-thu-2026-10.xlsx');
  });
});
