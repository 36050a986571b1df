import { closeSync, openSync, readFileSync, writeFileSync, ftruncateSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import type { AppCore } from '../../electron/core/app/appCore';
import { detectFormat, zipDeclaredSize } from '../../electron/core/excel/detectFormat';
import { readUnitList } from '../../electron/core/units/importRead';
import { call, callError, storeOf, expectVietnamese, importFile, openTestCore, previewFile } from '../helpers/core';
import { hashDatabase } from '../helpers/dbHash';
import { FIXTURE, fixturePath, tempDataDir } from '../helpers/fixtures';
import { readRows, toCsv, writeWorkbook } from '../helpers/workbooks';

const PNG_HEADER = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);

/** Tries a file through preview and (when a plan came back) commit; returns the error that stopped it. */
async function rejectImport(core: AppCore, path: string): Promise<{ code: string; message: string }> {
  const file = core.files.registerPath(path);
  const preview = await core.dispatch('units:previewImport', { file });
  if (!preview.ok) return preview.error;
  const value = preview.value as { planId: string; errors: unknown[] };
  expect(value.errors.length, 'a wrong file must not give a clean plan').toBeGreaterThan(0);
  return callError(core, 'units:commitImport', { planId: value.planId });
}

describe('files that are not unit lists', () => {
  let core: AppCore;
  let dir: string;
  let before: string;

  beforeEach(async () => {
    core = await openTestCore();
    dir = tempDataDir();
    await importFile(core, fixturePath(FIXTURE.unitsHongDan));
    before = (await hashDatabase(storeOf(core)));
  });

  async function expectRejected(path: string, fileName: string, codes: string[] = ['FILE_INVALID', 'IMPORT_REJECTED']) {
    const err = await rejectImport(core, path);
    expect(codes).toContain(err.code);
    expect(err.message).toContain(fileName);
    expectVietnamese(err.message);
    expect((await hashDatabase(storeOf(core)))).toBe(before);
    return err;
  }

  it('the district report fixture', async () => {
    const err = await expectRejected(fixturePath(FIXTURE.districtReport), FIXTURE.districtReport);
    expect(err.code).toBe('FILE_INVALID');
    expect(err.message).toContain('Mã xã');
  });

  it('the legacy .xls district report', async () => {
    await expectRejected(fixturePath(FIXTURE.districtReportLegacyXls), FIXTURE.districtReportLegacyXls);
  });

  it('a PDF renamed .xlsx', async () => {
    const path = join(dir, 'danh-muc.xlsx');
    writeFileSync(path, Buffer.concat([Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog >>\nendobj\n'), Buffer.alloc(200, 0x20)]));
    const err = await expectRejected(path, 'danh-muc.xlsx', ['FILE_INVALID']);
    expect(err.message).toContain('PDF');
  });

  it('a PNG renamed .xlsx', async () => {
    const path = join(dir, 'anh-chup.xlsx');
    writeFileSync(path, Buffer.concat([PNG_HEADER, Buffer.alloc(500, 7)]));
    const err = await expectRejected(path, 'anh-chup.xlsx', ['FILE_INVALID']);
    expect(err.message).toContain('hình ảnh');
  });

  it('an empty (0-byte) file', async () => {
    const path = join(dir, 'rong.xlsx');
    writeFileSync(path, Buffer.alloc(0));
    const err = await expectRejected(path, 'rong.xlsx', ['FILE_INVALID']);
    expect(err.message).toContain('rỗng');
  });

  it('a truncated download (first half of a real xlsx)', async () => {
    const bytes = readFileSync(fixturePath(FIXTURE.unitsHongDan));
    const path = join(dir, 'tai-do-dang.xlsx');
    writeFileSync(path, bytes.subarray(0, Math.floor(bytes.length / 2)));
    await expectRejected(path, 'tai-do-dang.xlsx', ['FILE_INVALID']);
  });

  it('a workbook with one empty sheet', async () => {
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([]), 'Sheet1');
    const path = join(dir, 'trang-trong.xlsx');
    writeFileSync(path, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
    const err = await expectRejected(path, 'trang-trong.xlsx', ['FILE_INVALID']);
    expect(err.message).toContain('Sheet1');
  });

  it('a unit list with headers and no rows', async () => {
    const path = writeWorkbook(join(dir, 'chi-tieu-de.xlsx'), [
      { name: 'DanhMuc', rows: [['Mã tỉnh', 'Tên tỉnh', 'Mã huyện', 'Tên huyện', 'Mã xã', 'Tên xã', 'Cấp']] },
    ]);
    await expectRejected(path, 'chi-tieu-de.xlsx', ['FILE_INVALID']);
  });

  it('a text file of random words', async () => {
    const path = join(dir, 'ghi-chu.csv');
    writeFileSync(path, 'Họp giao ban tuần\nNội dung: phát triển BHXH tự nguyện\n');
    await expectRejected(path, 'ghi-chu.csv', ['FILE_INVALID']);
  });

  it('a binary file of unknown kind', async () => {
    const path = join(dir, 'du-lieu.xlsx');
    writeFileSync(path, Buffer.from([1, 2, 3, 4, 0, 0, 0, 5, 6, 7, 8, 0, 1, 2]));
    await expectRejected(path, 'du-lieu.xlsx', ['FILE_INVALID']);
  });

  it('a file over the size limit is refused before reading', async () => {
    const path = join(dir, 'qua-lon.xlsx');
    const fd = openSync(path, 'w');
    ftruncateSync(fd, 51 * 1024 * 1024);
    closeSync(fd);
    const err = await rejectImport(core, path);
    expect(err.code).toBe('FILE_TOO_LARGE');
    expect(err.message).toContain('qua-lon.xlsx');
    expect((await hashDatabase(storeOf(core)))).toBe(before);
  });

  it('an unknown file token is NOT_FOUND', async () => {
    const err = await callError(core, 'units:previewImport', { file: { token: 'khong-co-token-nay', name: 'x.xlsx', size: 1 } });
    expect(err.code).toBe('NOT_FOUND');
    expectVietnamese(err.message);
  });
});

describe('row errors in a unit list', () => {
  it('a bad commune code is reported at its cell and the commit is refused', async () => {
    const core = await openTestCore();
    const dir = tempDataDir();
    const rows = readRows(fixturePath(FIXTURE.unitsHongDan));
    rows[2]![4] = 'X1009'; // row 3, column E (Mã xã)
    const path = writeWorkbook(join(dir, 'ma-xa-sai.xlsx'), [{ name: 'DanhMuc', rows }]);
    const before = (await hashDatabase(storeOf(core)));
    const preview = await previewFile(core, path);
    expect(preview.errors).toHaveLength(1);
    expect(preview.errors[0]).toMatchObject({ sheet: 'DanhMuc', row: 3, column: 'E', cell: 'E3' });
    expect(preview.errors[0]!.message).toContain('Mã xã');
    expect(preview.errors[0]!.message).toContain('X1009');
    expectVietnamese(preview.errors[0]!.message);
    const err = await callError(core, 'units:commitImport', { planId: preview.planId });
    expect(err.code).toBe('IMPORT_REJECTED');
    expect(err.message).toContain('ma-xa-sai.xlsx');
    expect((await hashDatabase(storeOf(core)))).toBe(before);
  });

  it('errors are addressed on the real columns when the list has extra columns (STT first)', async () => {
    const core = await openTestCore();
    const dir = tempDataDir();
    const path = writeWorkbook(join(dir, 'co-stt.xlsx'), [
      {
        name: 'DanhMuc',
        rows: [
          ['STT', 'Mã tỉnh', 'Tên tỉnh', 'Mã huyện', 'Tên huyện', 'Mã xã', 'Tên xã', 'Cấp'],
          [1, '95', 'Tỉnh Bạc Liêu', '956', 'Huyện Hồng Dân', '31006', 'Thị trấn Ngan Dừa', 'Thị trấn'],
          [2, '95', 'Tỉnh Bạc Liêu', '956', 'Huyện Hồng Dân', '31006', 'Xã Ninh Quới', 'Xã'],
          [3, '95', 'Tỉnh Bạc Liêu', '956', 'Huyện Hồng Dân', '3101X', 'Xã Ninh Quới A', 'Xã'],
        ],
      },
    ]);
    const preview = await previewFile(core, path);
    const bad = preview.errors.find((e) => e.row === 4);
    expect(bad?.cell).toBe('F4');
    const duplicate = preview.errors.find((e) => e.row === 3);
    expect(duplicate?.message).toContain('31006');
    // The duplicated code sits in column F (Mã xã), not E.
    expect(duplicate?.cell).toBe('F3');
  });

  it('a missing commune name is reported at the name cell', async () => {
    const core = await openTestCore();
    const rows = readRows(fixturePath(FIXTURE.unitsHongDan));
    rows[5]![5] = null; // F6
    const path = writeWorkbook(join(tempDataDir(), 'thieu-ten.xlsx'), [{ name: 'DanhMuc', rows }]);
    const preview = await previewFile(core, path);
    expect(preview.errors.map((e) => e.cell)).toEqual(['F6']);
    expect(preview.errors[0]!.message).toMatch(/tên xã/i);
  });

  it('a merge row with an impossible date is reported at the date cell', async () => {
    const core = await openTestCore();
    await importFile(core, fixturePath(FIXTURE.unitsHongDan));
    await importFile(core, fixturePath(FIXTURE.unitsTwoLevel));
    const rows = readRows(fixturePath(FIXTURE.merges));
    rows[1]![4] = '31/02/2025';
    const path = writeWorkbook(join(tempDataDir(), 'ngay-sai.xlsx'), [{ name: 'SapNhap', rows }]);
    const before = (await hashDatabase(storeOf(core)));
    const preview = await previewFile(core, path);
    expect(preview.errors).toHaveLength(1);
    expect(preview.errors[0]).toMatchObject({ cell: 'E2', row: 2 });
    expect(preview.errors[0]!.message).toContain('31/02/2025');
    expect((await callError(core, 'units:commitImport', { planId: preview.planId })).code).toBe('IMPORT_REJECTED');
    expect((await hashDatabase(storeOf(core)))).toBe(before);
  });
});

describe('CSV unit lists', () => {
  async function unitsOf(path: string) {
    const core = await openTestCore();
    const { preview } = await importFile(core, path);
    const units = await call(core, 'units:list', { includeEnded: true });
    return {
      preview,
      units: units.map(({ code, name, level, kind, parentCode, validFrom, validTo }) => ({
        code,
        name,
        level,
        kind,
        parentCode,
        validFrom,
        validTo,
      })),
    };
  }

  it('UTF-8 with BOM imports the same units as the xlsx', async () => {
    const rows = readRows(fixturePath(FIXTURE.unitsHongDan));
    const path = join(tempDataDir(), 'danh-muc.csv');
    writeFileSync(path, '\uFEFF' + toCsv(rows), 'utf8');
    const fromCsv = await unitsOf(path);
    const fromXlsx = await unitsOf(fixturePath(FIXTURE.unitsHongDan));
    expect(fromCsv.preview).toMatchObject({ shape: 'list-3-level', added: 11, errors: [] });
    expect(fromCsv.units).toEqual(fromXlsx.units);
  });

  it('UTF-8 without BOM imports the same units as the xlsx', async () => {
    const rows = readRows(fixturePath(FIXTURE.unitsHongDan));
    const path = join(tempDataDir(), 'danh-muc-khong-bom.csv');
    writeFileSync(path, toCsv(rows), 'utf8');
    const fromCsv = await unitsOf(path);
    const fromXlsx = await unitsOf(fixturePath(FIXTURE.unitsHongDan));
    expect(fromCsv.units).toEqual(fromXlsx.units);
  });

  it('codes written with leading zeros survive a CSV (province 01, district 001, commune 00004)', async () => {
    const path = join(tempDataDir(), 'ha-noi.csv');
    writeFileSync(
      path,
      '\uFEFF' +
        toCsv([
          ['Mã tỉnh', 'Tên tỉnh', 'Mã huyện', 'Tên huyện', 'Mã xã', 'Tên xã', 'Cấp'],
          ['01', 'Thành phố Hà Nội', '001', 'Quận Ba Đình', '00004', 'Phường Trúc Bạch', 'Phường'],
        ]),
      'utf8',
    );
    const { units } = await unitsOf(path);
    expect(units.map((u) => [u.code, u.parentCode])).toEqual([
      ['01', null],
      ['001', '01'],
      ['00004', '001'],
    ]);
  });
});

describe('format detection (lower level)', () => {
  it('knows files by their first bytes', () => {
    expect(detectFormat(readFileSync(fixturePath(FIXTURE.unitsHongDan)))).toBe('zip');
    expect(detectFormat(readFileSync(fixturePath(FIXTURE.districtReportLegacyXls)))).toBe('cfb');
    expect(detectFormat(Buffer.from('%PDF-1.7'))).toBe('pdf');
    expect(detectFormat(PNG_HEADER)).toBe('image');
    expect(detectFormat(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('image');
    expect(detectFormat(Buffer.alloc(0))).toBe('empty');
    expect(detectFormat(Buffer.from('\uFEFFMã tỉnh,Tên tỉnh\n95,Tỉnh Bạc Liêu\n'))).toBe('text');
    expect(detectFormat(Buffer.from([0, 1, 2, 3]))).toBe('binary');
  });

  it('reads the declared size of a real xlsx and refuses a truncated one', () => {
    const bytes = readFileSync(fixturePath(FIXTURE.unitsHongDan));
    const declared = zipDeclaredSize(bytes);
    expect(declared?.entries).toBeGreaterThan(3);
    expect(declared?.uncompressed).toBeGreaterThan(0);
    expect(zipDeclaredSize(bytes.subarray(0, bytes.length >> 1))).toBeNull();
  });

  it('the district report is not taken for a unit list', async () => {
    const read = await readUnitList(fixturePath(FIXTURE.districtReport), FIXTURE.districtReport);
    expect(read).toEqual({ found: false, sheets: ['T9-2020'], empty: false });
  });

  it('readUnitList streams the fixture rows with padded codes', async () => {
    const read = await readUnitList(fixturePath(FIXTURE.unitsHongDan), FIXTURE.unitsHongDan);
    if (!read.found) throw new Error('the unit list was not found');
    const { parsed } = read;
    expect(read.totalRows).toBeNull();
    expect(parsed.shape).toBe('list-3-level');
    expect(parsed.rowCount).toBe(9);
    expect(parsed.rows[0]).toMatchObject({
      row: 2,
      provinceCode: '95',
      districtCode: '956',
      communeCode: '31006',
      communeName: 'Thị trấn Ngan Dừa',
      kind: 'Thị trấn',
    });
  });

  it('readUnitList finds a merge table under title lines on the second sheet, rows and cells by their Excel numbers', async () => {
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['Hướng dẫn điền bảng'], ['Mỗi dòng một xã cũ']]), 'Hướng dẫn');
    const merge = XLSX.utils.aoa_to_sheet([
      ['BẢNG SẮP XẾP ĐƠN VỊ HÀNH CHÍNH CẤP XÃ'],
      [],
      ['(Kèm theo Nghị quyết của UBTVQH)'],
      [],
      ['STT', 'Mã xã cũ', 'Tên xã cũ', 'Mã xã mới', 'Tên xã mới', 'Ngày hiệu lực'],
      [1, '31006', 'Thị trấn Ngan Dừa', '31007', 'Xã Hồng Dân', '01/07/2025'],
      [],
      [2, '310061', 'Xã Lộc Ninh', '31007', 'Xã Hồng Dân', '31/06/2025'],
    ]);
    XLSX.utils.book_append_sheet(wb, merge, 'Sắp xếp');
    const path = join(tempDataDir('bhxh-units-merge-'), 'sap-xep.xlsx');
    writeFileSync(path, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
    const read = await readUnitList(path, 'sap-xep.xlsx');
    if (!read.found) throw new Error('the merge table was not found');
    expect(read.parsed.shape).toBe('merges');
    expect(read.parsed.sheet).toBe('Sắp xếp');
    expect(read.parsed.rowCount).toBe(2);
    expect(read.parsed.rows).toEqual([{ row: 6, oldCode: '31006', oldName: 'Thị trấn Ngan Dừa', newCode: '31007', newName: 'Xã Hồng Dân', effectiveDate: '2025-07-01', share: null }]);
    expect(read.parsed.errors.map((e) => e.cell)).toEqual(['B8', 'F8']);
  });
});
