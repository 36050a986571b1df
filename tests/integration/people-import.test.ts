import { rmSync, symlinkSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { describe, expect, it, vi } from 'vitest';
import type { AppCore } from '../../electron/core/app/appCore';
import { call, callError, expectSafetyBackup, expectVietnamese, openTestCore, storeOf } from '../helpers/core';
import { cli } from '../helpers/cli';
import { rows, scalar } from '../helpers/dbHash';
import { tempDataDir } from '../helpers/fixtures';
import { byCell, errorRows, peopleCore, preview } from '../helpers/personImport';
import { cccdFor, seedGeneratedCommunes, writePeopleWorkbook } from '../helpers/peopleFiles';
import { PEOPLE_FIRST_ROW, person, personCells, writePeopleXlsx } from '../bench/peopleFile';

/** A COUNT(*) as a number on both engines (PostgreSQL returns bigint as text). */
const countOf = async (store: Parameters<typeof scalar>[0], query: Parameters<typeof scalar>[1]) => Number(await scalar(store, query));


/** The person tables as stored, for "exactly as before". */
async function peopleSnapshot(core: AppCore): Promise<string> {
  const store = storeOf(core);
  return JSON.stringify([
    await rows(store, sql`SELECT * FROM person_lists ORDER BY id`),
    await rows(store, sql`SELECT * FROM people ORDER BY id`),
    await rows(store, sql`SELECT * FROM person_staff ORDER BY person_id`),
    await rows(store, sql`SELECT * FROM person_contacts ORDER BY id`),
  ]);
}

const A = cccdFor(1985, 'F', 1);
const B = cccdFor(1990, 'M', 2);
const C = cccdFor(1978, 'F', 3);

/**
 * A list as offices send it: two title rows, a merged two-row header ("Thông tin cá nhân" over
 * "Họ và tên | Ngày sinh | Giới tính"; STT and the others merged down), a column-number row.
 */
function mergedHeaderList(dir: string, people: unknown[][], name = 'tiem-nang-vinh-loc.xlsx'): string {
  return writePeopleWorkbook(
    join(dir, name),
    [
      ['DANH SÁCH NGƯỜI CÓ KHẢ NĂNG THAM GIA BHXH TỰ NGUYỆN'],
      ['Xã Vĩnh Lộc, tháng 11 năm 2026'],
      ['STT', 'Thông tin cá nhân', null, null, 'Số CCCD/CMND', 'Mã số BHXH (nếu có)', 'Số thẻ BHYT', 'SĐT', 'Xã/phường', 'Ấp, khu phố', 'Mã NV thu', 'Tình trạng', 'Ghi chú'],
      [null, 'Họ và tên', 'Ngày, tháng, năm sinh', 'Nam/Nữ', null, null, null, null, null, null, null, null, null],
      [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13],
      ...people,
    ],
    { merges: ['B3:D3', 'A3:A4', 'E3:E4', 'F3:F4', 'G3:G4', 'H3:H4', 'I3:I4', 'J3:J4', 'K3:K4', 'L3:L4', 'M3:M4'] },
  );
}

describe('people import: preview', () => {
  it('finds a merged two-row header under title rows, skips the column-number row and maps every column by its words', async () => {
    const core = await peopleCore();
    const dir = tempDataDir();
    const path = mergedHeaderList(dir, [
      [1, 'Đặng Thị Hoa', '05/03/1985', 'Nữ', A, '9512345678', 'GD4959512345678', '0919123456', 'Xã Vĩnh Lộc', 'Ấp 3', 'NV001', 'Đã liên hệ', 'Hẹn thứ Bảy'],
      [2, 'Lê Văn Nam', '1990', 'Nam', B, null, null, null, 'Vĩnh Lộc', 'Ấp 1', null, null, null],
    ]);
    const p = await preview(core, path);
    expect(p.headerRow).toBe(3);
    expect(p.sheet).toBe('Danh sách');
    expect(p.columns.map((c) => [c.column, c.field, c.source])).toEqual([
      ['A', null, null],
      ['B', 'fullName', 'auto'],
      ['C', 'birthDate', 'auto'],
      ['D', 'sex', 'auto'],
      ['E', 'cccd', 'auto'],
      ['F', 'bhxhCode', 'auto'],
      ['G', 'bhytCard', 'auto'],
      ['H', 'phone', 'auto'],
      ['I', 'commune', 'auto'],
      ['J', 'hamlet', 'auto'],
      ['K', 'staff', 'auto'],
      ['L', 'status', 'auto'],
      ['M', 'note', 'auto'],
    ]);
    expect(p.columns[1]!.header).toBe('Thông tin cá nhân / Họ và tên');
    expect(p.counts).toEqual({ read: 2, ok: 2, error: 0, duplicate: 0, update: 0 });
    expect(p.missingFields).toEqual([]);
    expect(p.canCommit).toBe(true);
    expect(p.listName).toBe('tiem-nang-vinh-loc');
    const page = await call(core, 'people:importRows', { batchId: p.batchId });
    expect(page.total).toBe(2);
    // Identifiers travel masked, never as typed.
    expect(page.items[0]).toMatchObject({ rowNo: 6, status: 'ok', fullName: 'Đặng Thị Hoa', birthDate: '1985-03-05', cccd: '0951******01', bhxhCode: '95******78', phone: '0919***456', communeName: 'Xã Vĩnh Lộc', unitCode: '31001', raw: null });
    expect(page.items[1]).toMatchObject({ rowNo: 7, birthDate: '1990', unitCode: '31001' });
    expect(JSON.stringify(page)).not.toContain(A);
    // Nothing reaches the lists before commit.
    expect(await countOf(storeOf(core), sql`SELECT COUNT(*) FROM people`)).toBe(0);
    expect(await countOf(storeOf(core), sql`SELECT COUNT(*) FROM person_lists`)).toBe(0);
  });

  it('names each wrong cell with a Vietnamese message; a phone that lost its leading 0 in a number cell is accepted', async () => {
    const core = await peopleCore();
    const dir = tempDataDir();
    const path = writePeopleWorkbook(join(dir, 'loi.xlsx'), [
      ['Họ và tên', 'Năm sinh', 'Giới tính', 'Số CCCD', 'Mã số BHXH', 'Số thẻ BHYT', 'Số điện thoại', 'Xã', 'Nhân viên thu'],
      ['Nguyễn Văn A', 1990, 'Nam', '09509000001', null, null, 919123456, 'Xã Ninh Hòa', 'NV001'],
      ['Trần Thị B', 1985, 'Nữ', cccdFor(1986, 'F', 7), null, null, '0919000111', 'Xã Ninh Hòa', null],
      ['Lê Văn C', 1970, 'Nam', null, '9512345678', 'GD4959512345679', null, 'Ninh Hòa', null],
      ['Phạm Thị D', 1975, 'Nữ', null, null, 'XX12', null, 'Xã Vĩnh Hưng', 'NV099'],
      ['Võ Văn E', 1980, 'Nam', cccdFor(1980, 'M', 9), null, null, 919555666, 'Xã Lộc Ninh', null],
    ]);
    const p = await preview(core, path);
    expect(p.counts).toEqual({ read: 5, ok: 0, error: 5, duplicate: 0, update: 0 });
    const cells = byCell(await errorRows(core, p.batchId));
    expect(Object.keys(cells).sort()).toEqual(['D2', 'D3', 'E6', 'F4', 'F5', 'H5', 'H6', 'I5'].sort().filter((c) => c !== 'E6'));
    expect(cells.D2).toBe('Số CCCD phải có 12 chữ số (đang có 11).');
    expect(cells.D3).toBe('Số CCCD ghi năm sinh 1986 (chữ số thứ 4–6 là "186"), không khớp năm sinh 1985.');
    expect(cells.F4).toMatch(/^Số thẻ BHYT GD4\*+679 có 10 số cuối 95\*+79, khác mã số BHXH 95\*+78 ở ô E4\.$/);
    expect(cells.F5).toBe('Số thẻ BHYT "XX12" không đúng dạng: 2 chữ cái (mã đối tượng) và 13 chữ số, ví dụ GD4797912345678.');
    expect(cells.H5).toContain('"Xã Vĩnh Hưng"');
    expect(cells.H6).toContain('"Xã Lộc Ninh"'); // ended before today
    expect(cells.I5).toBe('Không có nhân viên thu mã "NV099" trong mạng lưới; hãy ghi mã nhân viên đã có.');
    for (const m of Object.values(cells)) expectVietnamese(m);
    // The phone typed as a number on row 2 lost its 0 and got it back: no issue on G2.
    expect(cells.G2).toBeUndefined();
    expect(p.errorsByField.map((e) => e.field).sort()).toEqual(['bhytCard', 'cccd', 'commune', 'staff']);
    expect(p.canCommit).toBe(false);
  });

  it('repeated identifiers in the file are errors naming the first row; people on another list are duplicates, imported and counted', async () => {
    const core = await peopleCore();
    const dir = tempDataDir();
    const first = writePeopleWorkbook(join(dir, 'a.xlsx'), [
      ['Họ và tên', 'Năm sinh', 'Giới tính', 'Số CCCD', 'Mã số BHXH'],
      ['Đặng Thị Hoa', 1985, 'Nữ', A, null],
      ['Lê Văn Nam', 1990, 'Nam', B, '9500000002'],
    ]);
    const p1 = await preview(core, first, { listName: 'Tiềm năng xã Vĩnh Lộc' });
    await call(core, 'people:commitImport', { batchId: p1.batchId });
    const second = writePeopleWorkbook(join(dir, 'b.xlsx'), [
      ['Họ tên', 'Năm sinh', 'Giới tính', 'CCCD', 'Mã BHXH'],
      ['Đặng Thị Hoa', 1985, 'Nữ', A, null],
      ['Nam Lê', 1990, 'Nam', null, '9500000002'],
      ['Trần Thị Cúc', 1978, 'Nữ', C, '9500000003'],
      ['Trần T. Cúc', 1978, 'Nữ', C, null],
      ['Cúc Trần', 1978, 'Nữ', C, null],
      ['Ngô Văn Tư', 1978, 'Nam', null, '9500000003'],
    ]);
    const p2 = await preview(core, second, { listName: 'Đến hạn tháng 12', listKind: 'PROSPECT' });
    expect(p2.counts).toEqual({ read: 6, ok: 1, error: 3, duplicate: 2, update: 0 });
    const cells = byCell(await errorRows(core, p2.batchId));
    expect(cells).toEqual({
      D5: 'Số CCCD trùng với dòng 4 trong tệp (mỗi người chỉ ghi một dòng).',
      D6: 'Số CCCD trùng với dòng 4 trong tệp (mỗi người chỉ ghi một dòng).',
      E7: 'Mã số BHXH trùng với dòng 4 trong tệp (mỗi người chỉ ghi một dòng).',
    });
    const dups = (await call(core, 'people:importRows', { batchId: p2.batchId, status: 'duplicate' })).items;
    expect(dups.map((d) => [d.rowNo, d.duplicateOf])).toEqual([[2, 'Tiềm năng xã Vĩnh Lộc'], [3, 'Tiềm năng xã Vĩnh Lộc']]);
    const outcome = await call(core, 'people:commitImport', { batchId: p2.batchId });
    expect(outcome).toMatchObject({ read: 6, imported: 3, updated: 0, rejected: 3, duplicates: 2 });
    expect(await countOf(storeOf(core), sql`SELECT COUNT(*) FROM people`)).toBe(5);

    // A person on two other lists: the row names both, in the order they were added.
    const third = writePeopleWorkbook(join(dir, 'c.xlsx'), [
      ['Họ và tên', 'Năm sinh', 'Giới tính', 'Số CCCD'],
      ['Đặng Thị Hoa', 1985, 'Nữ', A],
    ]);
    const p3 = await preview(core, third, { listName: 'Hội Phụ nữ xã' });
    expect(p3.counts).toMatchObject({ duplicate: 1 });
    const named = (await call(core, 'people:importRows', { batchId: p3.batchId, status: 'duplicate' })).items;
    expect(named.map((d) => d.duplicateOf)).toEqual(['Tiềm năng xã Vĩnh Lộc, Đến hạn tháng 12']);
    // Validated again after a correction, the row names the same lists.
    const corrected = await call(core, 'people:correctRow', { batchId: p3.batchId, rowNo: named[0]!.rowNo, values: { birthDate: '1985' } });
    expect([corrected.status, corrected.duplicateOf]).toEqual(['duplicate', 'Tiềm năng xã Vĩnh Lộc, Đến hạn tháng 12']);
  });

  it('"Năm sinh" over "Nam" | "Nữ": the year under a column gives the birth and the sex; both filled or a contradicting sex is an error at its cell', async () => {
    const core = await peopleCore();
    const dir = tempDataDir();
    const path = writePeopleWorkbook(join(dir, 'mau-nam-nu.xlsx'), [
      ['DANH SÁCH NGƯỜI THAM GIA BHXH TỰ NGUYỆN ĐẾN HẠN'],
      ['STT', 'Họ và tên', 'Năm sinh', null, 'Số CCCD', 'Giới tính'],
      [null, null, 'Nam', 'Nữ', null, null],
      [1, 'Lê Văn Nam', 1990, null, B, null],
      [2, 'Đặng Thị Hoa', null, '12/03/1985', A, null],
      [3, 'Trần Thị Cúc', 1978, 1978, C, null],
      [4, 'Ngô Thị Tư', null, 1978, null, 'Nam'],
    ], { merges: ['C2:D2', 'A2:A3', 'B2:B3', 'E2:E3', 'F2:F3'] });
    const p = await preview(core, path, { listName: 'Năm sinh theo giới' });
    expect(p.columns.filter((c) => c.field?.startsWith('birthDate')).map((c) => [c.column, c.field])).toEqual([['C', 'birthDateMale'], ['D', 'birthDateFemale']]);
    expect(p.counts).toMatchObject({ read: 4, ok: 2, error: 2 });
    const cells = byCell(await errorRows(core, p.batchId));
    expect(Object.keys(cells).sort()).toEqual(['D6', 'F7']);
    expect(cells.D6).toContain('cả cột Nam (ô C6) và cột Nữ');
    expect(cells.F7).toContain('khác cột ngày sinh (cột Nữ)');
    await call(core, 'people:commitImport', { batchId: p.batchId });
    const saved = await rows(storeOf(core), sql`SELECT full_name, birth_date, sex FROM people ORDER BY source_row`);
    expect(saved).toEqual([
      { full_name: 'Lê Văn Nam', birth_date: '1990', sex: 'M' },
      { full_name: 'Đặng Thị Hoa', birth_date: '1985-03-12', sex: 'F' },
    ]);
  });

  it('"Giới tính" over "Nam" | "Nữ" marked with x gives the sex; both marked is an error at its cell', async () => {
    const core = await peopleCore();
    const dir = tempDataDir();
    const path = writePeopleWorkbook(join(dir, 'gioi-tinh-x.xlsx'), [
      ['STT', 'Họ và tên', 'Ngày sinh', 'Giới tính', null, 'Số CCCD'],
      [null, null, null, 'Nam', 'Nữ', null],
      [1, 'Lê Văn Nam', '02/05/1990', 'x', null, B],
      [2, 'Đặng Thị Hoa', '1985', null, 'X', A],
      [3, 'Trần Thị Cúc', '1978', 'x', 'x', C],
    ], { merges: ['D1:E1', 'A1:A2', 'B1:B2', 'C1:C2', 'F1:F2'] });
    const p = await preview(core, path, { listName: 'Giới tính đánh dấu' });
    expect(p.columns.filter((c) => c.field?.startsWith('sex')).map((c) => [c.column, c.field])).toEqual([['D', 'sexMale'], ['E', 'sexFemale']]);
    expect(p.counts).toMatchObject({ read: 3, ok: 2, error: 1 });
    expect(Object.keys(byCell(await errorRows(core, p.batchId)))).toEqual(['E5']);
    await call(core, 'people:commitImport', { batchId: p.batchId });
    const saved = await rows(storeOf(core), sql`SELECT full_name, sex FROM people ORDER BY source_row`);
    expect(saved).toEqual([{ full_name: 'Lê Văn Nam', sex: 'M' }, { full_name: 'Đặng Thị Hoa', sex: 'F' }]);
  });

  it('one "Địa chỉ" column: the commune and hamlet are read from it; an unknown commune is an error at the address cell', async () => {
    const core = await peopleCore();
    const dir = tempDataDir();
    const path = writePeopleWorkbook(join(dir, 'dia-chi.xlsx'), [
      ['STT', 'Họ và tên', 'Năm sinh', 'Giới tính', 'Địa chỉ thường trú'],
      [1, 'Lê Văn Nam', 1990, 'Nam', 'Ấp 3, xã Vĩnh Lộc, huyện Hồng Dân, tỉnh Bạc Liêu'],
      [2, 'Đặng Thị Hoa', 1985, 'Nữ', 'Khóm 2 thị trấn Ngan Dừa'],
      [3, 'Trần Thị Cúc', 1978, 'Nữ', 'Ấp 1, xã Không Có, huyện Hồng Dân'],
      [4, 'Ngô Văn Tư', 1978, 'Nam', '123 Trần Hưng Đạo, thành phố Cần Thơ'],
    ]);
    const p = await preview(core, path, { listName: 'Địa chỉ một cột' });
    expect(p.columns.find((c) => c.column === 'E')?.field).toBe('address');
    expect(p.counts).toMatchObject({ read: 4, ok: 3, error: 1 });
    const cells = byCell(await errorRows(core, p.batchId));
    expect(Object.keys(cells)).toEqual(['E4']);
    expect(cells.E4).toContain('Địa chỉ "Ấp 1, xã Không Có, huyện Hồng Dân"');
    await call(core, 'people:commitImport', { batchId: p.batchId });
    const saved = await rows(storeOf(core), sql`SELECT full_name, unit_code, commune_name, hamlet FROM people ORDER BY source_row`);
    expect(saved).toEqual([
      { full_name: 'Lê Văn Nam', unit_code: '31001', commune_name: 'Xã Vĩnh Lộc', hamlet: 'Ấp 3' },
      { full_name: 'Đặng Thị Hoa', unit_code: '31002', commune_name: 'Thị trấn Ngan Dừa', hamlet: 'Khóm 2' },
      { full_name: 'Ngô Văn Tư', unit_code: null, commune_name: null, hamlet: null },
    ]);
  });

  it('a hostile file (not a spreadsheet, an empty sheet, no header) is refused with a message naming it; nothing changes', async () => {
    const core = await peopleCore();
    const dir = tempDataDir();
    const before = await peopleSnapshot(core);
    const junk = join(dir, 'danh-sach.xlsx');
    writeFileSync(junk, 'đây không phải bảng tính');
    const empty = writePeopleWorkbook(join(dir, 'trong.xlsx'), [[]]);
    const noHeader = writePeopleWorkbook(join(dir, 'khong-tieu-de.xlsx'), [['Báo cáo tháng'], ['a', 'b', 'c'], [1, 2, 3]]);
    for (const [path, name] of [[junk, 'danh-sach.xlsx'], [empty, 'trong.xlsx'], [noHeader, 'khong-tieu-de.xlsx']] as const) {
      const err = await callError(core, 'people:previewImport', { file: core.files.registerPath(path) });
      expect(err.message).toContain(`"${name}"`);
      expectVietnamese(err.message);
    }
    expect(await peopleSnapshot(core)).toBe(before);
    expect(await countOf(storeOf(core), sql`SELECT COUNT(*) FROM person_import_rows`)).toBe(0);
    expect((await rows<{ status: string }>(storeOf(core), sql`SELECT status FROM person_import_batches ORDER BY id`)).map((r) => r.status)).toEqual(['failed', 'failed']);
  });

  it('a cancel stops the preview: the batch is discarded, nothing stays staged', async () => {
    const core = await peopleCore();
    const path = mergedHeaderList(tempDataDir(), [[1, 'Đặng Thị Hoa', '05/03/1985', 'Nữ', A, null, null, null, 'Xã Vĩnh Lộc', null, null, null, null]]);
    const operationId = 'huy-nhap-nguoi-1';
    const off = core.events.subscribe((e) => {
      if (e.type === 'progress' && e.taskId === operationId && e.label.startsWith('Đang đối chiếu')) void core.dispatch('people:cancelImport', { operationId });
    });
    const err = await callError(core, 'people:previewImport', { file: core.files.registerPath(path), operationId });
    off();
    expect(err.code).toBe('CANCELLED');
    expectVietnamese(err.message);
    expect(await countOf(storeOf(core), sql`SELECT COUNT(*) FROM person_import_rows`)).toBe(0);
    expect(await scalar(storeOf(core), sql`SELECT status FROM person_import_batches`)).toBe('discarded');
  });
});

describe('people import: corrections, commit, undo', () => {
  it('correctRow fixes an error row without the file; commit writes exactly the stage; re-import updates; undo puts everything back', async () => {
    const core = await peopleCore();
    const dir = tempDataDir();
    const empty = await peopleSnapshot(core);
    const path = mergedHeaderList(dir, [
      [1, 'Đặng Thị Hoa', '05/03/1985', 'Nữ', A, null, null, '0919123456', 'Xã Vĩnh Lộc', 'Ấp 3', 'NV001', null, null],
      [2, 'Lê Văn Nam', '1990', 'Nam', B, null, null, '12345', 'Xã Vĩnh Lộc', 'Ấp 1', null, null, null],
    ]);
    const p = await preview(core, path, { listName: 'Tiềm năng Vĩnh Lộc' });
    expect(p.counts).toMatchObject({ ok: 1, error: 1 });
    const [bad] = await errorRows(core, p.batchId);
    expect(bad!.raw).toMatchObject({ fullName: 'Lê Văn Nam', phone: '12345' });
    const fixed = await call(core, 'people:correctRow', { batchId: p.batchId, rowNo: bad!.rowNo, values: { phone: '0988 777 666' } });
    expect(fixed).toMatchObject({ status: 'ok', phone: '0988***666', issues: [], raw: null });
    // A correction that is still wrong says so on its cell.
    const still = await call(core, 'people:correctRow', { batchId: p.batchId, rowNo: bad!.rowNo, values: { commune: 'Xã Không Có' } });
    expect(still.status).toBe('error');
    expect(still.issues.map((i) => i.cell)).toEqual(['I7']);
    await call(core, 'people:correctRow', { batchId: p.batchId, rowNo: bad!.rowNo, values: { commune: '31001' } });

    const outcome = await call(core, 'people:commitImport', { batchId: p.batchId });
    expect(outcome).toMatchObject({ listName: 'Tiềm năng Vĩnh Lộc', read: 2, imported: 2, updated: 0, rejected: 0, duplicates: 0 });
    expectSafetyBackup(outcome.backupFile, /pre-import/);
    const people = await rows<{ full_name: string; phone: string; staff_id: number | null; status: string; source_row: number }>(storeOf(core), sql`SELECT p.full_name, p.phone, ps.staff_id, p.status, p.source_row FROM people p LEFT JOIN person_staff ps ON ps.person_id = p.id ORDER BY p.source_row`);
    expect(people.map((r) => [r.full_name, r.phone, r.staff_id !== null, r.status, Number(r.source_row)])).toEqual([
      ['Đặng Thị Hoa', '0919123456', true, 'NEW', 6],
      ['Lê Văn Nam', '0988777666', false, 'NEW', 7],
    ]);
    const afterFirst = await peopleSnapshot(core);
    const audit = await rows<{ summary: string; details: string }>(storeOf(core), sql`SELECT summary, details FROM audit_log WHERE entity = 'person-import'`);
    expect(audit).toHaveLength(1);
    expect(audit[0]!.summary + audit[0]!.details).not.toContain(A);
    // The same list again, one person changed status, phone and staff member: updated, not duplicated.
    const again = mergedHeaderList(
      dir,
      [
        [1, 'Đặng Thị Hoa', '05/03/1985', 'Nữ', A, null, null, '0919000000', 'Xã Vĩnh Lộc', 'Ấp 3', 'NV002', 'Đồng ý', null],
        [2, 'Trần Văn Mới', '1991', 'Nam', cccdFor(1991, 'M', 5), null, null, null, 'Xã Vĩnh Lộc', null, null, null, null],
      ],
      'lan-2.xlsx',
    );
    const p2 = await preview(core, again, { listId: outcome.listId });
    expect(p2.existingListId).toBe(outcome.listId);
    expect(p2.counts).toMatchObject({ ok: 1, update: 1, duplicate: 0 });
    const o2 = await call(core, 'people:commitImport', { batchId: p2.batchId });
    expect(o2).toMatchObject({ imported: 1, updated: 1 });
    expect(await countOf(storeOf(core), sql`SELECT COUNT(*) FROM people`)).toBe(3);
    expect(await rows(storeOf(core), sql`SELECT phone, status FROM people WHERE full_name = 'Đặng Thị Hoa'`)).toEqual([{ phone: '0919000000', status: 'AGREED' }]);
    expect((await call(core, 'people:search', { query: 'Đặng Thị Hoa' })).items.map((r) => [r.staffCode, r.status])).toEqual([['NV002', 'AGREED']]);
    // The first batch cannot go while the second depends on it; the second can, then the first.
    const refused = await callError(core, 'people:undoBatch', { batchId: p.batchId });
    expect(refused.message).toBe(`Không thể hoàn tác lần nhập số ${p.batchId}: lần nhập số ${p2.batchId} sau đó đã cập nhật những người này. Hãy hoàn tác lần nhập số ${p2.batchId} trước.`);
    const undone = await call(core, 'people:undoBatch', { batchId: p2.batchId });
    expect(undone.status).toBe('undone');
    expect(await peopleSnapshot(core)).toBe(afterFirst);
    await call(core, 'people:undoBatch', { batchId: p.batchId });
    expect(await peopleSnapshot(core)).toBe(empty);
    const history = await call(core, 'people:batches', {});
    expect(history.map((b) => [b.id, b.status, b.imported, b.updated])).toEqual([
      [p2.batchId, 'undone', 1, 1],
      [p.batchId, 'undone', 2, 0],
    ]);
  });

  it('undo is refused once contacts are logged on the people of the batch', async () => {
    const core = await peopleCore();
    const path = mergedHeaderList(tempDataDir(), [[1, 'Đặng Thị Hoa', '05/03/1985', 'Nữ', A, null, null, null, 'Xã Vĩnh Lộc', null, null, null, null]]);
    const p = await preview(core, path);
    await call(core, 'people:commitImport', { batchId: p.batchId });
    const store = storeOf(core);
    const personId = Number(await scalar(store, sql`SELECT id FROM people`));
    await store.db.insertInto('person_contacts').values({ person_id: personId, contacted_on: '2026-11-22', channel: 'PHONE', outcome: 'CONTACTED', created_by: 'kiem-thu', created_at: '2026-11-22T03:00:00.000Z' }).execute();
    const err = await callError(core, 'people:undoBatch', { batchId: p.batchId });
    expect(err.message).toBe(`Không thể hoàn tác lần nhập số ${p.batchId}: đã ghi 1 lần liên hệ với những người của lần nhập này. Hoàn tác sẽ làm mất nhật ký liên hệ.`);
    expect(await countOf(store, sql`SELECT COUNT(*) FROM people`)).toBe(1);
  });

  it('the errors workbook holds the error rows as typed with the wrong cells marked, and is audited', async () => {
    const core = await peopleCore();
    const path = mergedHeaderList(tempDataDir(), [
      [1, 'Đặng Thị Hoa', '05/03/1985', 'Nữ', A, null, null, '12345', 'Xã Vĩnh Lộc', null, null, null, null],
      [2, 'Lê Văn Nam', '1990', 'Nam', B, null, null, null, 'Xã Vĩnh Lộc', null, null, null, null],
    ]);
    const p = await preview(core, path);
    const ref = await call(core, 'people:exportImportErrors', { batchId: p.batchId });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(core.downloads.take(ref.token).bytes as never);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).getCell(1).value).toBe('Dòng trong tệp');
    expect(ws.getRow(2).getCell(1).value).toBe(6);
    expect(ws.getRow(2).getCell(3).value).toBe('Đặng Thị Hoa');
    expect(ws.getRow(2).getCell(6).value).toBe(A); // the real value, as typed: the file goes back to the office
    const phone = ws.getRow(2).getCell(9);
    expect(phone.value).toBe('12345');
    expect((phone.fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFC7CE');
    expect(String(ws.getRow(2).getCell(15).value)).toContain('Ô H6: Số điện thoại');
    expect(ws.rowCount).toBe(2);
    expect(await countOf(storeOf(core), sql`SELECT COUNT(*) FROM audit_log WHERE entity = 'person-import' AND action = 'export'`)).toBe(1);
  });
});

describe('people import: mapping, CLI, size', () => {
  it('a column the user mapped is remembered for the next file of the same layout', async () => {
    const core = await peopleCore();
    const dir = tempDataDir();
    const layout = (name: string, who: string, cccd: string) =>
      writePeopleWorkbook(join(dir, name), [['Họ và tên', 'Năm sinh', 'Giấy tờ', 'Nơi ở'], [who, 1985, cccd, 'Xã Ninh Hòa']]);
    const p1 = await preview(core, layout('thang-10.xlsx', 'Đặng Thị Hoa', A), { mapping: { C: 'cccd', D: 'commune' } });
    expect(p1.columns.map((c) => [c.column, c.field, c.source])).toEqual([['A', 'fullName', 'auto'], ['B', 'birthDate', 'auto'], ['C', 'cccd', 'user'], ['D', 'commune', 'user']]);
    await call(core, 'people:commitImport', { batchId: p1.batchId });
    const p2 = await preview(core, layout('thang-11.xlsx', 'Lê Thị Lan', cccdFor(1985, 'F', 42)));
    expect(p2.columns.map((c) => [c.column, c.field, c.source])).toEqual([['A', 'fullName', 'remembered'], ['B', 'birthDate', 'remembered'], ['C', 'cccd', 'remembered'], ['D', 'commune', 'remembered']]);
    expect(p2.counts).toMatchObject({ ok: 1, error: 0 });
  });

  it('CLI: people import prints counts, the first errors with their cells and the time; --dry-run discards; --json has the fields scripts use', async () => {
    const dataDir = tempDataDir();
    const core = await peopleCore(dataDir);
    await core.close();
    const path = mergedHeaderList(tempDataDir(), [
      [1, 'Đặng Thị Hoa', '05/03/1985', 'Nữ', A, null, null, null, 'Xã Vĩnh Lộc', null, null, null, null],
      [2, 'Lê Văn Nam', '1990', 'Nam', B, null, null, '12345', 'Xã Vĩnh Lộc', null, null, null, null],
    ]);
    const dry = await cli('people', 'import', path, '--list', 'Tiềm năng Vĩnh Lộc', '--dry-run', '--data-dir', dataDir);
    expect(dry.code).toBe(0);
    expect(dry.out).toContain('Chạy thử "tiem-nang-vinh-loc.xlsx" (danh sách "Tiềm năng Vĩnh Lộc"): chưa ghi gì.');
    expect(dry.out).toContain('Đọc được 2 dòng; sẽ thêm 1, sẽ cập nhật 0, bị từ chối 1 dòng lỗi');
    expect(dry.out).toContain('- Dòng 7, ô H7: Số điện thoại');
    expect(dry.out).toMatch(/Thời gian: đọc tệp \d+,\d s, kiểm tra/);
    const json = await cli('people', 'import', path, '--list', 'Tiềm năng Vĩnh Lộc', '--json', '--data-dir', dataDir);
    expect(json.code).toBe(0);
    const out = JSON.parse(json.out);
    expect(Object.keys(out)).toEqual(['batchId', 'listId', 'listName', 'dryRun', 'read', 'imported', 'updated', 'rejected', 'duplicates', 'errors', 'sheet', 'notices', 'timings']);
    expect(out).toMatchObject({ listName: 'Tiềm năng Vĩnh Lộc', dryRun: false, read: 2, imported: 1, updated: 0, rejected: 1, duplicates: 0 });
    expect(out.errors).toEqual([{ row: 7, cell: 'H7', field: 'phone', message: 'Số điện thoại "12345" không hợp lệ (10 chữ số, bắt đầu bằng 0).' }]);
    expect(Object.keys(out.timings)).toEqual(['readMs', 'validateMs', 'stageMs', 'commitMs']);
    expect(typeof out.timings.commitMs).toBe('number');
    const reopened = await openTestCore({ dataDir });
    const batches = await call(reopened, 'people:batches', {});
    expect(batches.map((b) => b.status)).toEqual(['committed', 'discarded']);
  });

  it('a generated list of 100,000 rows goes through preview and commit with the right counts', async () => {
    const dataDir = tempDataDir();
    const core = await openTestCore({ dataDir });
    const rowsInFile = 100_000;
    await seedGeneratedCommunes(core, Array.from({ length: 5000 }, (_, i) => personCells(person(i))[7] as string));
    const path = join(tempDataDir(), 'danh-sach-100k.xlsx');
    await writePeopleXlsx(path, rowsInFile);
    const p = await preview(core, path, { listName: 'Danh sách lớn' });
    expect(p.headerRow).toBe(PEOPLE_FIRST_ROW - 1);
    expect(p.columns.filter((c) => c.field).map((c) => c.field)).toEqual(['fullName', 'birthDate', 'sex', 'cccd', 'bhxhCode', 'phone', 'commune', 'hamlet', 'bhytCard', 'paymentMode']);
    expect(p.counts).toEqual({ read: rowsInFile, ok: rowsInFile, error: 0, duplicate: 0, update: 0 });
    const page = await call(core, 'people:importRows', { batchId: p.batchId, offset: 50_000, limit: 50 });
    expect(page.items).toHaveLength(50);
    expect(page.items[0]!.rowNo).toBe(PEOPLE_FIRST_ROW + 50_000);
    expect(page.total).toBe(rowsInFile);
    if (storeOf(core).engine === 'sqlite') {
      // A big list's backup is copied beside the writing; one that cannot be written undoes the import.
      const backups = join(dataDir, 'backups');
      rmSync(backups, { recursive: true, force: true });
      symlinkSync('/proc/self', backups);
      const failed = await callError(core, 'people:commitImport', { batchId: p.batchId });
      expect(failed.code).toBe('BACKUP_FAILED');
      expectVietnamese(failed.message);
      expect(await countOf(storeOf(core), sql`SELECT COUNT(*) FROM people`)).toBe(0);
      expect(await countOf(storeOf(core), sql`SELECT COUNT(*) FROM person_lists`)).toBe(0);
      rmSync(backups);
    }
    const outcome = await call(core, 'people:commitImport', { batchId: p.batchId });
    expect(outcome).toMatchObject({ read: rowsInFile, imported: rowsInFile, rejected: 0 });
    expect(await countOf(storeOf(core), sql`SELECT COUNT(*) FROM people`)).toBe(rowsInFile);
    expectSafetyBackup(outcome.backupFile, /pre-import/);
    if (outcome.backupFile) {
      // Taken while the rows went in, it holds the database as it was before them.
      const copy = new Database(join(dataDir, 'backups', outcome.backupFile), { readonly: true });
      try {
        expect(copy.prepare('SELECT COUNT(*) AS n FROM people').get()).toEqual({ n: 0 });
        expect(copy.prepare('SELECT COUNT(*) AS n FROM person_lists').get()).toEqual({ n: 0 });
        expect(copy.prepare(`SELECT status FROM person_import_batches WHERE id = ?`).get(p.batchId)).toEqual({ status: 'staged' });
      } finally {
        copy.close();
      }
    }
    // What the big load set aside is back: the nine indexes and the staff trigger (enabled).
    const store = storeOf(core);
    const indexesSql =
      store.engine === 'sqlite'
        ? sql`SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND tbl_name = 'people' AND sql IS NOT NULL`
        : sql`SELECT COUNT(*) FROM pg_indexes WHERE schemaname = current_schema() AND tablename = 'people' AND indexname <> 'people_pkey'`;
    expect(await countOf(store, indexesSql)).toBe(9);
    const trigger =
      store.engine === 'sqlite'
        ? await countOf(store, sql`SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger' AND name = 'person_staff_insert'`)
        : await countOf(store, sql`SELECT COUNT(*) FROM pg_trigger WHERE tgname = 'person_staff_insert' AND tgenabled = 'O'`);
    expect(trigger).toBe(1);
    // The stage lets go of the rows now on the list, just after the answer.
    await vi.waitFor(async () => expect(await countOf(storeOf(core), sql`SELECT COUNT(*) FROM person_import_rows`)).toBe(0), { timeout: 20_000, interval: 100 });
    // Undone, the batch takes its people (and the list it created) away; the indexes and triggers set aside for it are back.
    const undone = await call(core, 'people:undoBatch', { batchId: p.batchId });
    expect(undone.status).toBe('undone');
    expect(await countOf(store, sql`SELECT COUNT(*) FROM people`)).toBe(0);
    expect(await countOf(store, sql`SELECT COUNT(*) FROM person_lists`)).toBe(0);
    expect(await countOf(store, indexesSql)).toBe(9);
    const staffTriggers =
      store.engine === 'sqlite'
        ? await countOf(store, sql`SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger' AND name IN ('person_staff_insert', 'person_staff_delete')`)
        : await countOf(store, sql`SELECT COUNT(DISTINCT tgname) FROM pg_trigger WHERE tgname IN ('person_staff_insert', 'person_staff_delete')`);
    expect(staffTriggers).toBe(2);
  }, 120_000);
});
