import { readFileSync, writeFileSync } from 'node:fs';
import * as XLSX from 'xlsx';
import { join } from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { AppCore } from '../../electron/core/app/appCore';
import type { NetworkImportPreview, ResultsImportPreview } from '../../shared/contract';
import { call, callError, expectVietnamese, importFile, openTestCore, storeOf } from '../helpers/core';
import { hashDatabase, rows, scalar } from '../helpers/dbHash';
import { FIXTURE, fixturePath, tempDataDir } from '../helpers/fixtures';
import { writeWorkbook } from '../helpers/workbooks';
import { cli } from '../helpers/cli';

const AGENTS_FIXTURE = 'agents-hong-dan-2020.xlsx';
const expected = JSON.parse(readFileSync(fixturePath('expected-samples-2020.json'), 'utf8')) as { agents: { agents: number; points: number; staff: number } };

/** Hồng Dân's communes (units fixture) and the office "BHXH huyện Hồng Dân" serving all nine. */
async function hongDanCore(dataDir?: string): Promise<AppCore> {
  const core = await openTestCore(dataDir ? { dataDir } : {});
  await importFile(core, fixturePath(FIXTURE.unitsHongDan));
  const communes = (await call(core, 'units:list', { includeEnded: true })).filter((u) => u.level === 'commune').map((u) => u.code);
  await call(core, 'offices:create', { code: 'HD', name: 'BHXH huyện Hồng Dân', provinceCode: '95' });
  await call(core, 'offices:assign', { code: 'HD', unitCodes: communes, validFrom: null });
  return core;
}

async function previewLists(core: AppCore, path: string): Promise<NetworkImportPreview> {
  return call(core, 'network:previewImport', { file: core.files.registerPath(path) });
}

async function previewResults(core: AppCore, path: string, month?: string): Promise<ResultsImportPreview> {
  return call(core, 'network:previewResults', { file: core.files.registerPath(path), ...(month ? { month } : {}) });
}

const byCell = (p: { errors: { sheet: string; cell: string | null; message: string }[] }) => Object.fromEntries(p.errors.map((e) => [`${e.sheet}!${e.cell}`, e.message]));

async function importFixture(core: AppCore) {
  const preview = await previewLists(core, fixturePath(AGENTS_FIXTURE));
  expect(preview.errors).toEqual([]);
  const outcome = await call(core, 'network:commitImport', { planId: preview.planId });
  return { preview, outcome };
}

/** The network's lists as stored, for "exactly as before" after an undo. */
async function networkSnapshot(core: AppCore): Promise<string> {
  const store = storeOf(core);
  return JSON.stringify([
    await rows(store, sql`SELECT * FROM agents ORDER BY id`),
    await rows(store, sql`SELECT * FROM collection_points ORDER BY id`),
    await rows(store, sql`SELECT * FROM agent_staff ORDER BY id`),
    await rows(store, sql`SELECT * FROM agent_communes ORDER BY agent_id, unit_id`),
    await rows(store, sql`SELECT * FROM staff_communes ORDER BY staff_id, unit_id`),
  ]);
}

/** One sheet with merged cells (two-row headers), as offices draw them. */
function writeMerged(path: string, name: string, rows: unknown[][], merges: string[]): string {
  const wb = XLSX.utils.book_new();
  const ws = XLSX.utils.aoa_to_sheet(rows);
  ws['!merges'] = merges.map((m) => XLSX.utils.decode_range(m));
  XLSX.utils.book_append_sheet(wb, ws, name);
  writeFileSync(path, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
  return path;
}

/** A staff list of n valid people of HD01 (CCCD 0951 90 serial: born 1990). */
function staffList(dir: string, n: number): string {
  // The first CCCD typed as a number, as Excel keeps it when the cell is not text: the leading 0 is lost.
  const people = Array.from({ length: n }, (_, i) => [i + 1, `Người Thứ ${i + 1}`, 1990, i === 0 ? 95190000001 : `095190${String(i + 1).padStart(6, '0')}`, `0911${String(i + 1).padStart(6, '0')}`, `Q${String(i + 1).padStart(4, '0')}`, 'HD01', 'Ninh Quới', 'Nhân viên']);
  return writeWorkbook(join(dir, `nhan-vien-${n}.xlsx`), [{ name: 'NV', rows: [STAFF_HEADER, ...people] }]);
}

const STAFF_HEADER = ['STT', 'Họ và tên', 'Năm sinh', 'Số CCCD', 'Điện thoại', 'Mã nhân viên', 'Thuộc đại lý', 'Xã phụ trách', 'Chức danh'];

describe('network lists import', () => {
  it('imports the Hồng Dân fixture: 3 agents, 4 points, 4 staff; HD01 serves every commune; loose commune names match', async () => {
    const core = await hongDanCore();
    const hash = await hashDatabase(storeOf(core));
    const preview = await previewLists(core, fixturePath(AGENTS_FIXTURE));
    expect(preview.errors).toEqual([]);
    expect(preview.sheets).toEqual([
      { sheet: 'DL', list: 'agents', rows: 3 },
      { sheet: 'DiemThu', list: 'points', rows: 4 },
      { sheet: 'NhanVien', list: 'staff', rows: 4 },
    ]);
    expect(preview.counts).toEqual({
      agents: { added: expected.agents.agents, updated: 0, unchanged: 0 },
      points: { added: expected.agents.points, updated: 0, unchanged: 0 },
      staff: { added: expected.agents.staff, updated: 0, unchanged: 0 },
    });
    expect(preview.canCommit).toBe(true);
    // A preview writes nothing.
    expect(await hashDatabase(storeOf(core))).toBe(hash);

    const outcome = await call(core, 'network:commitImport', { planId: preview.planId });
    expect(outcome.counts).toEqual({ agents: { added: 3, updated: 0 }, points: { added: 4, updated: 0 }, staff: { added: 4, updated: 0 } });
    const hd01 = await call(core, 'agents:get', { code: 'HD01' });
    expect(hd01).toMatchObject({ kind: 'POST', allCommunes: true, communeCount: 9, officeCode: 'HD', contractNo: '05/HĐ-BHXH', signedOn: '2020-01-06', expiresOn: '2021-12-31' });
    const hd02 = await call(core, 'agents:get', { code: 'HD02' });
    expect(hd02).toMatchObject({ kind: 'COMMUNE', allCommunes: false });
    expect(hd02.communes.map((c) => c.name)).toEqual(['Thị trấn Ngan Dừa']);
    const hd03 = await call(core, 'agents:get', { code: 'HD03' });
    expect(hd03.kind).toBe('FARMERS');
    expect(hd03.communes.map((c) => c.code).sort()).toEqual(['31009', '31012', '31015']);
    const points = await call(core, 'points:search', { limit: 100 });
    const commune = Object.fromEntries(points.items.map((p) => [p.code, p.unitName]));
    expect(commune).toEqual({ P01: 'Thị trấn Ngan Dừa', P02: 'Xã Ninh Quới', P03: 'Thị trấn Ngan Dừa', P04: 'Xã Vĩnh Lộc' });
    const staff = await call(core, 'staff:search', { limit: 100, sort: 'code' });
    expect(staff.items.map((s) => [s.code, s.agentCode, s.cardNo, s.cardDate, s.birthYear])).toEqual([
      ['NV01', 'HD01', 'BL-0451', '2020-01-15', 1986],
      ['NV02', 'HD01', 'BL-0452', '2020-01-15', 1979],
      ['NV03', 'HD02', 'BL-0453', '2020-02-20', 1993],
      ['NV04', 'HD03', 'BL-0454', '2020-02-20', 2000],
    ]);
    expect(staff.items[0]!.communes.map((c) => c.code)).toEqual(['31006']);
    expect((await call(core, 'staff:reveal', { code: 'NV01', field: 'cccd' })).value).toBe('095186001234');
    // One batch, audit rows per record.
    const batches = await call(core, 'network:batches', {});
    expect(batches.items).toEqual([expect.objectContaining({ id: outcome.batchId, kind: 'lists', fileName: AGENTS_FIXTURE, undoneAt: null })]);
    expect(Number(await scalar(storeOf(core), sql`SELECT COUNT(*) FROM audit_log WHERE details LIKE ${`%"batchId":${outcome.batchId}%`}`))).toBe(3 + 4 + 4 + 1);
  });

  it('re-importing updates instead of duplicating, shows the changes, and undo restores the records', async () => {
    const core = await hongDanCore();
    await importFixture(core);
    const again = await previewLists(core, fixturePath(AGENTS_FIXTURE));
    expect(again.counts).toEqual({ agents: { added: 0, updated: 0, unchanged: 3 }, points: { added: 0, updated: 0, unchanged: 4 }, staff: { added: 0, updated: 0, unchanged: 4 } });
    expect(again.canCommit).toBe(false);

    const dir = tempDataDir('bhxh-netimp-');
    const path = writeWorkbook(join(dir, 'sua.xlsx'), [
      {
        name: 'Đại lý',
        rows: [
          ['Mã đại lý', 'Tên đại lý', 'Loại hình', 'Số hợp đồng', 'Ngày ký', 'Ngày hết hạn', 'Địa bàn hoạt động'],
          ['HD02', 'UBND thị trấn Ngan Dừa', 'UBND xã', '06/HĐ-BHXH', '06/01/2020', '31/12/2022', 'TT Ngan Dừa, X. Vĩnh Lộc'],
          ['HD09', 'Hội Phụ nữ xã Lộc Ninh', 'Hội LHPN', '09/HĐ-BHXH', '01/03/2021', '', 'Lộc Ninh'],
        ],
      },
      {
        name: 'Nhân viên',
        rows: [STAFF_HEADER, [1, 'Lâm Văn Út', 1979, '095079002345', '0945111999', 'NV02', 'HD09', 'Lộc Ninh', 'Cộng tác viên']],
      },
    ]);
    const preview = await previewLists(core, path);
    expect(preview.errors).toEqual([]);
    expect(preview.counts.agents).toEqual({ added: 1, updated: 1, unchanged: 0 });
    expect(preview.counts.staff).toEqual({ added: 0, updated: 1, unchanged: 0 });
    const hd02Change = preview.changes.find((c) => c.code === 'HD02')!;
    expect(hd02Change.description).toContain('31/12/2022');
    expect(hd02Change.description).toContain('Xã Vĩnh Lộc');
    expect(preview.changes.find((c) => c.code === 'NV02')!.description).toMatch(/Cộng tác viên.*số điện thoại đã thay đổi|số điện thoại đã thay đổi/);
    const before = await networkSnapshot(core);
    const outcome = await call(core, 'network:commitImport', { planId: preview.planId });
    expect((await call(core, 'agents:search', { limit: 100 })).total).toBe(4);
    expect(await call(core, 'staff:get', { code: 'NV02' })).toMatchObject({ agentCode: 'HD09', role: 'collaborator' });
    expect((await call(core, 'agents:get', { code: 'HD02' })).expiresOn).toBe('2022-12-31');

    const undone = await call(core, 'network:undo', { batchId: outcome.batchId });
    expect(undone).toEqual({ undone: outcome.batchId });
    expect(await call(core, 'staff:get', { code: 'NV02' })).toMatchObject({ agentCode: 'HD01', role: 'staff' });
    const hd02 = await call(core, 'agents:get', { code: 'HD02' });
    expect(hd02.expiresOn).toBe('2021-12-31');
    expect(hd02.communes.map((c) => c.code)).toEqual(['31006']);
    expect((await call(core, 'agents:search', { query: 'HD09' })).total).toBe(0);
    const batches = await call(core, 'network:batches', {});
    expect(batches.items[0]).toMatchObject({ id: outcome.batchId });
    expect(batches.items[0]!.undoneAt).not.toBeNull();
    // Agents, points, staff and their communes are exactly as before the import.
    expect(await networkSnapshot(core)).toBe(before);
    const undoAgain = await callError(core, 'network:undo', { batchId: outcome.batchId });
    expectVietnamese(undoAgain.message);
  });

  it('gives people listed without a staff code a code made from their agent\'s, and finds them again by CCCD or by name', async () => {
    const core = await hongDanCore();
    await importFixture(core);
    const dir = tempDataDir('bhxh-netimp-');
    const rowsOf = (phone: string) => [
      ['Họ và tên', 'Năm sinh', 'Số CCCD', 'Thuộc ĐL', 'Điện thoại'],
      ['Phan Văn Tài', 1990, '095190001111', 'HD01', phone],
      ['Đỗ Thị Hạnh', 1991, '', 'HD01', '0911000222'],
    ];
    const path = writeWorkbook(join(dir, 'ctv.xlsx'), [{ name: 'CTV', rows: rowsOf('0911000111') }]);
    const preview = await previewLists(core, path);
    expect(preview.errors).toEqual([]);
    expect(preview.changes.map((c) => c.code)).toEqual(['HD01-NV01', 'HD01-NV02']);
    expect(preview.warnings.map((w) => w.message).join(' ')).toContain('đặt mã HD01-NV01');
    await call(core, 'network:commitImport', { planId: preview.planId });
    const again = await previewLists(core, writeWorkbook(join(dir, 'ctv-2.xlsx'), [{ name: 'CTV', rows: rowsOf('0911000999') }]));
    expect(again.errors).toEqual([]);
    expect(again.counts.staff).toEqual({ added: 0, updated: 1, unchanged: 1 });
    expect(again.changes).toEqual([expect.objectContaining({ code: 'HD01-NV01', action: 'update', description: 'số điện thoại đã thay đổi' })]);
  });

  it('refuses to undo a batch whose added agent now has staff added later', async () => {
    const core = await hongDanCore();
    const { outcome } = await importFixture(core);
    await call(core, 'staff:create', { code: 'NV10', fullName: 'Võ Thị Mai', agentCode: 'HD03' });
    const hash = await hashDatabase(storeOf(core));
    const error = await callError(core, 'network:undo', { batchId: outcome.batchId });
    expect(error.code).toBe('CONFLICT');
    expectVietnamese(error.message);
    expect(error.message).toContain('Võ Thị Mai');
    expect(await hashDatabase(storeOf(core))).toBe(hash);
  });

  it('refuses to undo a batch whose added staff now has results, and a results batch whose figures were imported again', async () => {
    const core = await hongDanCore();
    const { outcome } = await importFixture(core);
    const dir = tempDataDir('bhxh-netimp-');
    const path = writeWorkbook(join(dir, 'kq.xlsx'), [{ name: 'KQ', rows: [['Kết quả tháng 10/2026'], ['Mã NV', 'Họ tên', 'BHXH TN tăng mới'], ['NV02', 'Lâm Văn Út', 3]] }]);
    const first = await call(core, 'network:commitResults', { planId: (await previewResults(core, path)).planId });
    const error = await callError(core, 'network:undo', { batchId: outcome.batchId });
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toContain('Lâm Văn Út');
    expectVietnamese(error.message);

    const second = await call(core, 'network:commitResults', { planId: (await previewResults(core, path)).planId });
    const hash = await hashDatabase(storeOf(core));
    const stale = await callError(core, 'network:undo', { batchId: first.batchId });
    expect(stale.code).toBe('CONFLICT');
    expectVietnamese(stale.message);
    expect(await hashDatabase(storeOf(core))).toBe(hash);
    // Newest first; the later batch undoes, then the earlier one.
    expect((await call(core, 'network:batches', { limit: 2 })).items.map((b) => b.id)).toEqual([second.batchId, first.batchId]);
    await call(core, 'network:undo', { batchId: second.batchId });
    await call(core, 'network:undo', { batchId: first.batchId });
    expect(Number(await scalar(storeOf(core), sql`SELECT COUNT(*) FROM network_flows`))).toBe(0);
    await call(core, 'network:undo', { batchId: outcome.batchId });
    expect((await call(core, 'agents:search', {})).total).toBe(0);
  });

  it('puts a bad CCCD and a repeated CCCD on their cells, with unknown agent, commune, date and role errors, and changes nothing', async () => {
    const core = await hongDanCore();
    await importFixture(core);
    const dir = tempDataDir('bhxh-netimp-');
    const path = writeWorkbook(join(dir, 'nhan-vien.xlsx'), [
      {
        name: 'NV',
        rows: [
          ['BHXH HUYỆN HỒNG DÂN'],
          ['DANH SÁCH CỘNG TÁC VIÊN'],
          STAFF_HEADER.concat(['Ngày tập huấn']),
          ['(1)', '(2)', '(3)', '(4)', '(5)', '(6)', '(7)', '(8)', '(9)', '(10)'],
          [1, 'Phan Văn Tài', 1990, '095190001111', '0911000111', 'NV11', 'HD01', 'Ninh Quới', 'Cộng tác viên', '01/03/2021'],
          [2, 'Đỗ Thị Hạnh', 1991, '095186009999', '0911000222', 'NV12', 'HD01', 'Ninh Quới', 'Nhân viên', ''],
          [3, 'Lý Văn Hùng', 1990, '095190001111', '0911000333', 'NV13', 'HD02', 'Ngan Dừa', 'Nhân viên', ''],
          [4, 'Trương Thị Lan', 1985, '095185002222', '0911000444', 'NV14', 'HD77', 'Ngan Dừa', 'Nhân viên', ''],
          [5, 'Ngô Văn Bình', 1988, '095188003333', '0911000555', 'NV15', 'HD02', 'Xã Không Có', 'Nhân viên', '31/02/2021'],
          [6, 'Mai Thị Thu', 1992, '095186001234', '0911000666', 'NV16', 'HD02', 'Ngan Dừa', 'Trưởng nhóm', ''],
          [],
          ['', 'Người lập biểu', '', '', 'GIÁM ĐỐC'],
        ],
      },
    ]);
    const hash = await hashDatabase(storeOf(core));
    const preview = await previewLists(core, path);
    expect(preview.sheets).toEqual([{ sheet: 'NV', list: 'staff', rows: 6 }]);
    const cells = byCell(preview);
    expect(Object.keys(cells).sort()).toEqual(['NV!D10', 'NV!D6', 'NV!D7', 'NV!G8', 'NV!H9', 'NV!I10', 'NV!J9'].sort());
    expect(cells['NV!D6']).toMatch(/năm sinh 1986.*1991/);
    expect(cells['NV!D7']).toMatch(/trùng với dòng 5 \(Phan Văn Tài\)/);
    expect(cells['NV!G8']).toContain('HD77');
    expect(cells['NV!H9']).toContain('Xã Không Có');
    expect(cells['NV!J9']).toContain('31/02/2021');
    expect(cells['NV!D10']).toContain('Trần Thị Bé Tư');
    expect(cells['NV!I10']).toContain('Trưởng nhóm');
    for (const e of preview.errors) {
      expectVietnamese(e.message);
      expect(e).toMatchObject({ sheet: 'NV' });
      expect(e.column).not.toBeNull();
    }
    expect(preview.canCommit).toBe(false);
    const refused = await callError(core, 'network:commitImport', { planId: preview.planId });
    expect(refused.code).toBe('IMPORT_REJECTED');
    expect(await hashDatabase(storeOf(core))).toBe(hash);
  });

  it('reads other wordings: an agents-only workbook with an office column, Excel date serials, agents named by name; errors on their cells', async () => {
    const core = await hongDanCore();
    await importFixture(core);
    const dir = tempDataDir('bhxh-netimp-');
    const path = writeWorkbook(join(dir, 'dai-ly-2021.xlsx'), [
      {
        name: 'Danh sách',
        rows: [
          ['BẢO HIỂM XÃ HỘI TỈNH BẠC LIÊU'],
          ['DANH SÁCH ĐẠI LÝ THU NĂM 2021'],
          ['STT', 'Mã đại lý', 'Tên đại lý thu', 'Loại hình tổ chức', 'Cơ quan BHXH ký', 'Số HĐ', 'Ngày ký HĐ', 'Hiệu lực đến ngày', 'Xã hoạt động'],
          [1, 'HD11', 'Hội Cựu chiến binh huyện Hồng Dân', 'Hội CCB', 'Hồng Dân', '11/HĐ', 43836, '31/12/2022', 'Lộc Ninh; Vĩnh Lộc A'],
          [2, 'HD12', 'Đoàn Thanh niên xã Ninh Thạnh Lợi', 'Câu lạc bộ', 'HD', '12/HĐ', '06/01/2021', '30/02/2022', 'Ninh Thạnh Lợi'],
          [3, 'HD13', 'Tổ thu BHXH huyện', 'Tổ thu', 'BHXH huyện Phước Long', '13/HĐ', '06/01/2021', '31/12/2022', 'Phường 9'],
          ['', 'Tổng cộng: 3 đại lý'],
        ],
      },
      {
        name: 'Điểm thu',
        rows: [
          ['Tên điểm thu', 'Đại lý', 'Địa chỉ', 'Xã'],
          ['Điểm thu ấp Vĩnh Lộc A', 'Hội Cựu chiến binh huyện Hồng Dân', 'Ấp 1', 'Vĩnh Lộc A'],
          ['Điểm thu Ninh Hòa', 'Bưu điện huyện Hồng Dân', '', 'Xã Ninh Hòa'],
          ['Điểm thu Lộc Ninh', 'Hội Chữ thập đỏ', '', 'Lộc Ninh'],
        ],
      },
    ]);
    const hash = await hashDatabase(storeOf(core));
    const preview = await previewLists(core, path);
    expect(preview.sheets.map((x) => [x.sheet, x.list])).toEqual([['Danh sách', 'agents'], ['Điểm thu', 'points']]);
    const cells = byCell(preview);
    expect(Object.keys(cells).sort()).toEqual(['Danh sách!D5', 'Danh sách!H5', 'Danh sách!E6', 'Danh sách!I6', 'Điểm thu!B4'].sort());
    expect(cells['Danh sách!D5']).toContain('Câu lạc bộ');
    expect(cells['Danh sách!H5']).toContain('30/02/2022');
    expect(cells['Danh sách!E6']).toContain('Phước Long');
    expect(cells['Danh sách!I6']).toContain('Phường 9');
    expect(cells['Điểm thu!B4']).toContain('Hội Chữ thập đỏ');
    expect(preview.counts.agents.added).toBe(1);
    expect(preview.counts.points.added).toBe(2);
    const hd11 = preview.changes.find((c) => c.code === 'HD11')!;
    expect(hd11.description).toContain('Hội Cựu chiến binh');
    expect(hd11.description).toContain('Xã Lộc Ninh, Xã Vĩnh Lộc A');
    expect(preview.canCommit).toBe(false);
    expect(await hashDatabase(storeOf(core))).toBe(hash);

    // The good rows alone go in; the serial 43836 is 06/01/2020, a date cell its day.
    const good = writeWorkbook(join(dir, 'dai-ly-dung.xlsx'), [
      {
        name: 'Danh sách',
        rows: [
          ['Mã đại lý', 'Tên đại lý thu', 'Loại hình tổ chức', 'Cơ quan BHXH ký', 'Ngày ký HĐ', 'Hiệu lực đến ngày', 'Xã hoạt động'],
          ['HD11', 'Hội Cựu chiến binh huyện Hồng Dân', 'Hội CCB', 'Hồng Dân', 43836, new Date(2022, 11, 31), 'Lộc Ninh; Vĩnh Lộc A'],
        ],
      },
      { name: 'Điểm thu', rows: [['Tên điểm thu', 'Đại lý', 'Xã'], ['Điểm thu ấp Vĩnh Lộc A', 'Hội Cựu chiến binh huyện Hồng Dân', 'Vĩnh Lộc A'], ['Điểm thu Ninh Hòa', 'Bưu điện huyện Hồng Dân', 'Xã Ninh Hòa']] },
    ]);
    const ok = await previewLists(core, good);
    expect(ok.errors).toEqual([]);
    await call(core, 'network:commitImport', { planId: ok.planId });
    expect(await call(core, 'agents:get', { code: 'HD11' })).toMatchObject({ kind: 'VETERANS', officeCode: 'HD', signedOn: '2020-01-06', expiresOn: '2022-12-31', communeCount: 2 });
    const points = (await call(core, 'points:search', { limit: 100 })).items;
    expect(points.find((p) => p.name === 'Điểm thu Ninh Hòa')).toMatchObject({ agentCode: 'HD01', unitCode: '31015' });
    expect(points.find((p) => p.name === 'Điểm thu ấp Vĩnh Lộc A')).toMatchObject({ agentCode: 'HD11', unitCode: '31024' });
  });

  it('reads an agents list with a merged "Hợp đồng" group over "Số", "Ngày ký", "Hiệu lực đến"', async () => {
    const core = await hongDanCore();
    const dir = tempDataDir('bhxh-netimp-');
    const path = writeMerged(
      join(dir, 'dai-ly-gop.xlsx'),
      'ĐL',
      [
        ['BHXH HUYỆN HỒNG DÂN'],
        ['STT', 'Tên tổ chức dịch vụ thu', 'Mã ĐL', 'Loại', 'Hợp đồng', null, null, 'Địa bàn hoạt động'],
        [null, null, null, null, 'Số', 'Ngày ký', 'Hiệu lực đến', null],
        [1, 'Bưu điện huyện Hồng Dân', 'HD01', 'Bưu điện', '05/HĐ-BHXH', '06/01/2020', '31/12/2021', 'Tất cả các xã, thị trấn'],
      ],
      ['A2:A3', 'B2:B3', 'C2:C3', 'D2:D3', 'E2:G2', 'H2:H3'],
    );
    const preview = await previewLists(core, path);
    expect(preview.errors).toEqual([]);
    await call(core, 'network:commitImport', { planId: preview.planId });
    expect(await call(core, 'agents:get', { code: 'HD01' })).toMatchObject({ contractNo: '05/HĐ-BHXH', signedOn: '2020-01-06', expiresOn: '2021-12-31', allCommunes: true, officeCode: 'HD', communeCount: 9 });
  });

  it('looks codes, CCCDs and communes up in bulk: 300 rows take the queries 5 rows take; a sheet past the row limit is refused', async () => {
    const core = await hongDanCore();
    await importFixture(core);
    const dir = tempDataDir('bhxh-netimp-');
    const store = storeOf(core);
    const small = staffList(dir, 5);
    const big = staffList(dir, 300);
    let start = store.queryCount;
    const p5 = await previewLists(core, small);
    const q5 = store.queryCount - start;
    start = store.queryCount;
    const p300 = await previewLists(core, big);
    const q300 = store.queryCount - start;
    expect(p5.errors).toEqual([]);
    expect(p300.errors).toEqual([]);
    expect(p300.counts.staff.added).toBe(300);
    expect(q300).toBe(q5);
    await call(core, 'network:commitImport', { planId: p5.planId });
    expect((await call(core, 'staff:reveal', { code: 'Q0001', field: 'cccd' })).value).toBe('095190000001');

    process.env.BHXH_MAX_SHEET_ROWS = '100';
    try {
      const error = await callError(core, 'network:previewImport', { file: core.files.registerPath(big) });
      expect(error.code).toBe('FILE_INVALID');
      expect(error.message).toContain('vượt giới hạn');
      expectVietnamese(error.message);
    } finally {
      delete process.env.BHXH_MAX_SHEET_ROWS;
    }
  });

  it('refuses a workbook that holds no list, and sends a results sheet to the results import', async () => {
    const core = await hongDanCore();
    const dir = tempDataDir('bhxh-netimp-');
    const other = writeWorkbook(join(dir, 'khac.xlsx'), [{ name: 'Sheet1', rows: [['Mã xã', 'Tên xã', 'Dân số'], ['31006', 'Ngan Dừa', 12000]] }]);
    const refused = await callError(core, 'network:previewImport', { file: core.files.registerPath(other) });
    expect(refused.code).toBe('FILE_INVALID');
    expect(refused.message).toContain('Tên tổ chức dịch vụ thu');
    expectVietnamese(refused.message);
    const results = writeWorkbook(join(dir, 'kq.xlsx'), [{ name: 'KQ', rows: [['Mã NV', 'Họ tên', 'BHXH TN tăng mới'], ['NV01', 'Trần Thị Bé Tư', 1]] }]);
    const wrongDoor = await callError(core, 'network:previewImport', { file: core.files.registerPath(results) });
    expect(wrongDoor.message).toContain('Nhập kết quả tháng');
    const noMonth = await callError(core, 'network:previewResults', { file: core.files.registerPath(results) });
    expect(noMonth.code).toBe('VALIDATION');
    expect(noMonth.message).toContain('tháng');
  });

  it('a failed commit leaves the database exactly as it was', async () => {
    const core = await hongDanCore();
    const preview = await previewLists(core, fixturePath(AGENTS_FIXTURE));
    // Someone takes a code the plan adds, between preview and commit: the plan no longer holds.
    await call(core, 'agents:create', { code: 'HD03', name: 'Hội Nông dân huyện Hồng Dân', kind: 'FARMERS' });
    const hash = await hashDatabase(storeOf(core));
    const error = await callError(core, 'network:commitImport', { planId: preview.planId });
    expect(error.code).toBe('CONFLICT');
    expectVietnamese(error.message);
    expect(await hashDatabase(storeOf(core))).toBe(hash);

  });

  it('a write that fails inside the transaction rolls the whole import back', async () => {
    const core = await hongDanCore();
    const dir = tempDataDir('bhxh-netimp-');
    const first = writeWorkbook(join(dir, 'mot-dai-ly.xlsx'), [{ name: 'DL', rows: [['Mã ĐL', 'Tên tổ chức dịch vụ thu', 'Loại'], ['HD01', 'Bưu điện huyện Hồng Dân', 'Bưu điện']] }]);
    const p1 = await previewLists(core, first);
    await call(core, 'network:commitImport', { planId: p1.planId });
    const preview = await previewLists(core, fixturePath(AGENTS_FIXTURE));
    expect(preview.errors).toEqual([]);
    // Behind the plan's back (same counts, same times): HD01 now holds the code the plan adds last.
    await storeOf(core).db.updateTable('agents').set({ code: 'HD03' }).where('code', '=', 'HD01').execute();
    const hash = await hashDatabase(storeOf(core));
    const failed = await core.dispatch('network:commitImport', { planId: preview.planId });
    expect(failed.ok).toBe(false);
    expect(await hashDatabase(storeOf(core))).toBe(hash);
  });
});

describe('monthly results import', () => {
  const RESULT_HEADER = ['STT', 'Mã NV', 'Họ tên', 'BHXH TN tăng mới', 'BHYT HGĐ tăng mới', 'Tái tục', 'Giảm', 'Số tiền thu BHXH TN', 'Số tiền thu BHYT HGĐ', 'Số CCCD'];

  it('reads the month from the title, writes the figures, counts the replaced ones and undoes them', async () => {
    const core = await hongDanCore();
    await importFixture(core);
    const dir = tempDataDir('bhxh-netres-');
    const path = writeWorkbook(join(dir, 'ket-qua.xlsx'), [
      {
        name: 'KQ',
        rows: [
          ['BHXH HUYỆN HỒNG DÂN'],
          ['KẾT QUẢ PHÁT TRIỂN NGƯỜI THAM GIA THÁNG 10/2026'],
          RESULT_HEADER,
          [1, 'NV01', 'Trần Thị Bé Tư', 3, '2', 5, 1, '3.285.000', 1_200_000],
          [2, 'NV02', 'Lâm Văn Út', 0, 1, '', '', '', 900_000],
          [3, '', 'Thạch Thị Sa Rên', 1, 0, 0, 0, '1.095.000', 0],
          [4, '', '', 2, '', '', '', '', '', '095200004567'],
          ['', 'Tổng cộng', '', 4, 3, 5, 1, '4.380.000', 2_100_000],
        ],
      },
    ]);
    await call(core, 'network:setFlows', { kind: 'result', month: '2026-10', entries: [{ level: 'staff', code: 'NV01', measure: 'NEW_TN', value: 7 }, { level: 'staff', code: 'NV04', measure: 'NEW_TN', value: 2 }] });
    const stored = Number(await scalar(storeOf(core), sql`SELECT COUNT(*) FROM network_flows`));
    expect(stored).toBe(2);
    const preview = await previewResults(core, path);
    expect(preview.errors).toEqual([]);
    expect(preview).toMatchObject({ sheet: 'KQ', month: '2026-10', rows: 4, values: 16, canCommit: true });
    // NV01's NEW_TN is replaced; NV04 (found by CCCD) gets a new NEW_TN over the stored 2.
    expect(preview.replaced).toBe(2);
    const outcome = await call(core, 'network:commitResults', { planId: preview.planId });
    expect(outcome).toMatchObject({ values: 16, month: '2026-10' });
    const flows = await call(core, 'network:flows', { month: '2026-10', agentCode: 'HD01' });
    const nv01 = flows.rows.find((r) => r.code === 'NV01')!;
    expect(nv01.result).toMatchObject({ NEW_TN: 3, NEW_HGD: 2, RENEW: 5, LAPSE: 1, AMOUNT_TN: 3_285_000, AMOUNT_HGD: 1_200_000 });
    expect(Number(await scalar(storeOf(core), sql`SELECT COUNT(*) FROM network_flows WHERE batch_id = ${outcome.batchId}`))).toBe(16);

    await call(core, 'network:undo', { batchId: outcome.batchId });
    expect(Number(await scalar(storeOf(core), sql`SELECT COUNT(*) FROM network_flows`))).toBe(stored);
    expect((await call(core, 'network:flows', { month: '2026-10', agentCode: 'HD01' })).rows.find((r) => r.code === 'NV01')!.result.NEW_TN).toBe(7);
  });

  it('reads two-row merged headers: "Số người tăng mới" over "BHXH TN", "BHYT HGĐ"; the month typed "tháng 10 năm 2026"', async () => {
    const core = await hongDanCore();
    await importFixture(core);
    const dir = tempDataDir('bhxh-netres-');
    const path = writeMerged(
      join(dir, 'ket-qua-gop.xlsx'),
      'Tháng 10',
      [
        ['BÁO CÁO KẾT QUẢ THU THEO NHÂN VIÊN'],
        ['tháng 10 năm 2026'],
        ['TT', 'Họ và tên', 'Thuộc ĐL', 'Số người tăng mới', null, 'Số tiền thu (đồng)', null],
        [null, null, null, 'BHXH TN', 'BHYT HGĐ', 'BHXH TN', 'BHYT HGĐ'],
        ['(1)', '(2)', '(3)', '(4)', '(5)', '(6)', '(7)'],
        [1, 'Lâm Văn Út', 'HD01', 4, 1, '4.380.000', '1.200.000'],
        [2, 'Nguyễn Hoàng Phúc', 'Hội Nông dân huyện Hồng Dân', 1, 2, '1.095.000', '2.400.000'],
        [],
        ['', 'Người lập biểu', '', '', 'GIÁM ĐỐC'],
      ],
      ['A3:A4', 'B3:B4', 'C3:C4', 'D3:E3', 'F3:G3'],
    );
    const preview = await previewResults(core, path);
    expect(preview.errors).toEqual([]);
    expect(preview).toMatchObject({ sheet: 'Tháng 10', month: '2026-10', rows: 2, values: 8 });
    await call(core, 'network:commitResults', { planId: preview.planId });
    const flows = await call(core, 'network:flows', { month: '2026-10', agentCode: 'HD03' });
    expect(flows.rows.find((r) => r.code === 'NV04')!.result).toMatchObject({ NEW_TN: 1, NEW_HGD: 2, AMOUNT_TN: 1_095_000, AMOUNT_HGD: 2_400_000 });
  });

  it('puts unknown people, bad figures and a future month on their cells and writes nothing', async () => {
    const core = await hongDanCore();
    await importFixture(core);
    const dir = tempDataDir('bhxh-netres-');
    const path = writeWorkbook(join(dir, 'ket-qua-loi.xlsx'), [
      {
        name: 'KQ',
        rows: [
          ['Kết quả tháng 9 năm 2026'],
          RESULT_HEADER,
          [1, 'NV01', 'Trần Thị Bé Tư', 2.5, 1, 0, 0, '1.000.000', 0],
          [2, 'NV99', 'Không Có', 1, 1, 0, 0, 0, 0],
          [3, 'NV02', 'Lâm Văn Út', -1, 'ba', 0, 0, '3.28', 0],
          [4, 'NV01', 'Trần Thị Bé Tư', 1, 1, 0, 0, 0, 0],
        ],
      },
    ]);
    const hash = await hashDatabase(storeOf(core));
    const preview = await previewResults(core, path);
    expect(preview.month).toBe('2026-09');
    const cells = byCell(preview);
    expect(Object.keys(cells).sort()).toEqual(['KQ!B4', 'KQ!B6', 'KQ!D3', 'KQ!D5', 'KQ!E5', 'KQ!H5'].sort());
    expect(cells['KQ!B4']).toContain('NV99');
    expect(cells['KQ!B6']).toContain('dòng 3');
    for (const e of preview.errors) expectVietnamese(e.message);
    expect(preview.canCommit).toBe(false);
    expect((await callError(core, 'network:commitResults', { planId: preview.planId })).code).toBe('IMPORT_REJECTED');

    const future = await previewResults(core, path, '2027-01');
    expect(future.errors.some((e) => /chưa đến/.test(e.message))).toBe(true);
    expect(await hashDatabase(storeOf(core))).toBe(hash);
  });
});

describe('CLI agents import', () => {
  it('`agents import --dry-run --json` prints the counts and writes nothing; errors exit 2 with sheet/row/cell', async () => {
    const dataDir = tempDataDir('bhxh-netcli-');
    const core = await hongDanCore(dataDir);
    const hash = await hashDatabase(storeOf(core));
    await core.close();
    const run = await cli('agents', 'import', fixturePath(AGENTS_FIXTURE), '--dry-run', '--json', '--data-dir', dataDir);
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    const out = JSON.parse(run.out) as { status: string; counts: NetworkImportPreview['counts']; errors: unknown[] };
    expect(out.status).toBe('dry-run');
    expect(out.counts.agents.added).toBe(3);
    expect(out.counts.points.added).toBe(4);
    expect(out.counts.staff.added).toBe(4);
    expect(out.errors).toEqual([]);

    const bad = writeWorkbook(join(dataDir, 'loi.xlsx'), [{ name: 'NV', rows: [STAFF_HEADER, [1, 'Phan Văn Tài', 1990, '09519000111', '0911000111', 'NV11', 'HD01', 'Ninh Quới', 'Nhân viên']] }]);
    const rejected = await cli('agents', 'import', bad, '--data-dir', dataDir);
    expect(rejected.code).toBe(2);
    expect(rejected.out).toContain('trang "NV", dòng 2, ô D2');
    const reopened = await openTestCore({ dataDir });
    expect(await hashDatabase(storeOf(reopened))).toBe(hash);
  });

  it('`staff results-import` previews with --dry-run, writes without it, and exits 2 on a month not yet come', async () => {
    const dataDir = tempDataDir('bhxh-netcli-');
    const core = await hongDanCore(dataDir);
    await importFixture(core);
    await core.close();
    const path = writeWorkbook(join(dataDir, 'kq.xlsx'), [{ name: 'KQ', rows: [['Mã NV', 'Họ tên', 'BHXH TN tăng mới', 'Số tiền thu BHXH TN'], ['NV01', 'Trần Thị Bé Tư', 2, '2.190.000']] }]);
    const dry = await cli('staff', 'results-import', path, '--period', '2026-10', '--dry-run', '--json', '--data-dir', dataDir);
    expect(dry.err).toBe('');
    expect(dry.code).toBe(0);
    expect(JSON.parse(dry.out)).toMatchObject({ status: 'dry-run', month: '2026-10', rows: 1, values: 2, replaced: 0, errors: [] });
    const done = await cli('staff', 'results-import', path, '--period', '2026-10', '--data-dir', dataDir);
    expect(done.code).toBe(0);
    expect(done.out).toContain('Đã nhập');
    const future = await cli('staff', 'results-import', path, '--period', '2027-01', '--data-dir', dataDir);
    expect(future.code).toBe(2);
    expect(future.out).toContain('chưa đến');
  });
});
