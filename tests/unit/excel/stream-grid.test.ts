import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { readWorkbook, type SheetGrid } from '../../../electron/core/excel/readWorkbook';
import { readWorkbookStreamed } from '../../../electron/core/excel/stream/grid';
import { AppError } from '../../../shared/contract/result';
import { fixturePath, tempDataDir } from '../../helpers/fixtures';
import { handXlsx, sheetXml } from './zipWriter';

/** A SheetJS grid moved to A1 (the streamed grids' origin), dates as the reader gives them. */
function fromA1(sheet: SheetGrid): { cells: Map<string, unknown>; merges: string[] } {
  const cells = new Map<string, unknown>();
  sheet.rows.forEach((row, i) =>
    (row ?? []).forEach((v, j) => {
      if (v === null || v === undefined || v === '') return;
      const value = v instanceof Date ? new Date(v.getTime() + 12 * 3_600_000).toISOString().slice(0, 10) : v;
      cells.set(`${sheet.firstRow + i},${sheet.firstCol + j}`, value);
    }),
  );
  const merges = sheet.merges.map((m) => `${m.top + sheet.firstRow},${m.left + sheet.firstCol}:${m.bottom + sheet.firstRow},${m.right + sheet.firstCol}`);
  return { cells, merges: merges.sort() };
}

describe('workbooks read as grids by the streaming reader', () => {
  const xlsxFixtures = readdirSync(fixturePath('.')).filter((f) => f.endsWith('.xlsx'));

  it.each(xlsxFixtures)('%s: the same sheets, cells and merged ranges as SheetJS', async (name) => {
    const whole = readWorkbook(readFileSync(fixturePath(name)), name);
    const streamed = await readWorkbookStreamed(fixturePath(name), name);
    expect(streamed.sheets.map((s) => s.name)).toEqual(whole.sheets.map((s) => s.name));
    expect(streamed.fonts).toEqual(whole.fonts);
    for (const [k, sheet] of streamed.sheets.entries()) {
      expect(sheet.firstRow).toBe(0);
      expect(sheet.firstCol).toBe(0);
      expect(fromA1(sheet)).toEqual(fromA1(whole.sheets[k]!));
      // Every row as wide as the widest: the report code reads row[j] and expects null, never undefined.
      for (const row of sheet.rows) expect(row.every((v) => v !== undefined)).toBe(true);
    }
  });

  it('a report sheet past the row limit keeps the rows up to it and says how long the sheet is', async () => {
    const rows: unknown[][] = [['BÁO CÁO KẾT QUẢ THÁNG 9/2020'], ['STT', 'Đơn vị', 'Số người']];
    for (let i = 1; i <= 300; i++) rows.push([i, `Xã ${i}`, i * 3]);
    const sheet = XLSX.utils.aoa_to_sheet(rows);
    sheet['!merges'] = [XLSX.utils.decode_range('A1:C1')];
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, sheet, 'T9');
    const path = join(tempDataDir('bhxh-grid-'), 'dai.xlsx');
    writeFileSync(path, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
    process.env.BHXH_MAX_SHEET_ROWS = '40';
    try {
      const grid = (await readWorkbookStreamed(path, 'dai.xlsx')).sheets[0]!;
      expect(grid.rows).toHaveLength(40);
      expect(grid.totalRows).toBe(302);
      expect(grid.rows[39]).toEqual([38, 'Xã 38', 114]);
      expect(grid.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 2 }]);
    } finally {
      delete process.env.BHXH_MAX_SHEET_ROWS;
    }
  });

  it('a legacy .xls report is read whole by SheetJS, as before (merges and all)', async () => {
    const name = 'district-report-hong-dan-2020-09-legacy.xls';
    const streamed = await readWorkbookStreamed(fixturePath(name), name);
    expect(streamed).toEqual(readWorkbook(readFileSync(fixturePath(name)), name));
  });

  it('a sheet wider than the column limit is refused naming the sheet', async () => {
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([Array.from({ length: 401 }, (_, j) => j)]), 'Rộng');
    const path = join(tempDataDir('bhxh-grid-'), 'rong.xlsx');
    writeFileSync(path, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
    const err = await readWorkbookStreamed(path, 'rong.xlsx').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).message).toBe('Tệp "rong.xlsx" có trang tính "Rộng" rộng 401 cột, vượt giới hạn 400 cột.');
  });

  it('a sheet with a stray cell far from its table is refused before its grid is built', async () => {
    // Written by hand: SheetJS takes most of a minute to write this sparse sheet.
    const rows = '<row r="1"><c r="A1" t="inlineStr"><is><t>STT</t></is></c><c r="B1" t="inlineStr"><is><t>Đơn vị</t></is></c></row><row r="2"><c r="A2"><v>1</v></c></row><row r="150000"><c r="JZ150000"><v>7</v></c></row>';
    const path = join(tempDataDir('bhxh-grid-'), 'o-thua.xlsx');
    writeFileSync(path, handXlsx({ sheets: [{ name: 'BC', xml: sheetXml(rows) }] }));
    const err = await readWorkbookStreamed(path, 'o-thua.xlsx').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('FILE_INVALID');
    expect((err as AppError).message).toBe(
      'Tệp "o-thua.xlsx" có trang tính "BC" trải 150.000 dòng × 286 cột, quá lớn cho một bảng (tối đa 5.000.000 ô). Hãy xóa các ô thừa ở xa bảng (Ctrl+End cho biết ô cuối) hoặc chép bảng sang tệp mới rồi chọn lại.',
    );
  });

  it('grids are budgeted over the whole workbook: a second big sheet is refused, saying the budget is the file\'s', async () => {
    // Each sheet spans 150.000 rows × 20 columns (3.000.000 cells) with two cells.
    const sparse = '<row r="1"><c r="A1"><v>1</v></c></row><row r="150000"><c r="T150000"><v>2</v></c></row>';
    const path = join(tempDataDir('bhxh-grid-'), 'hai-trang.xlsx');
    writeFileSync(path, handXlsx({ sheets: [{ name: 'T1', xml: sheetXml(sparse) }, { name: 'T2', xml: sheetXml(sparse) }] }));
    const err = await readWorkbookStreamed(path, 'hai-trang.xlsx').catch((e: unknown) => e);
    expect((err as AppError).message).toContain('trang tính "T2" trải 150.000 dòng × 20 cột, quá lớn cho một bảng (cùng các trang trước, tối đa 5.000.000 ô cho cả tệp)');
    // One such sheet alone is read.
    const one = join(tempDataDir('bhxh-grid-'), 'mot-trang.xlsx');
    writeFileSync(one, handXlsx({ sheets: [{ name: 'T1', xml: sheetXml(sparse) }] }));
    const grid = (await readWorkbookStreamed(one, 'mot-trang.xlsx')).sheets[0]!;
    expect(grid.rows).toHaveLength(150_000);
    expect(grid.rows[149_999]![19]).toBe(2);
  });
});
