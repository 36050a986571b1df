import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { buildComparisonWorkbook, COMPARISON_SHEET_NAME, DEMO_WARNING } from '../../electron/core/exports/comparisonWorkbook';
import { NUM_FMT } from '../../electron/core/exports/excelStyles';
import { exportFileName } from '../../electron/core/exports/fileNames';
import { columnLetter, textRowHeight } from '../../electron/core/exports/sheetLayout';
import type { Comparison, ComparisonTable } from '../../shared/contract/resultsTypes';
import { tempDataDir } from '../helpers/fixtures';

const EMPTY: Comparison = {
  code: '',
  name: '',
  level: 'commune',
  hasChildren: false,
  actual: null,
  missingUnits: 0,
  target: null,
  targetSource: null,
  progress: null,
  revisedTarget: null,
  revisedProgress: null,
  plan: null,
  planProgress: null,
  sameLastYear: null,
  deltaSameLastYear: null,
  deltaSameLastYearRatio: null,
  endLastYear: null,
  deltaEndLastYear: null,
  remaining: null,
  monthlyPace: null,
  rate: null,
};

function unit(
  code: string,
  name: string,
  actual: number,
  target: number,
  revised: number,
  sameLastYear: number,
  endLastYear: number,
): Comparison {
  const left = Math.max(0, revised - actual);
  return {
    ...EMPTY,
    code,
    name,
    actual,
    target,
    targetSource: 'BHXH_TINH',
    progress: actual / target,
    revisedTarget: revised,
    revisedProgress: actual / revised,
    plan: revised,
    planProgress: actual / revised,
    sameLastYear,
    deltaSameLastYear: actual - sameLastYear,
    deltaSameLastYearRatio: (actual - sameLastYear) / sameLastYear,
    endLastYear,
    deltaEndLastYear: actual - endLastYear,
    remaining: left,
    monthlyPace: left / 2,
  };
}

const NGAN_DUA = unit('94001', 'Thị trấn Ngan Dừa', 8463, 12585, 13000, 7900, 8100);
const NINH_QUOI = unit('94002', 'Xã Ninh Quới A', 3285, 3000, 3000, 3400, 3300);
const VINH_LOC: Comparison = { ...EMPTY, code: '94003', name: 'Xã Vĩnh Lộc' };
const TOTAL: Comparison = {
  ...unit('94', 'Huyện Hồng Dân', 11748, 15585, 16000, 11300, 11400),
  level: 'district',
  hasChildren: true,
  missingUnits: 1,
};

function sampleTable(over: Partial<ComparisonTable> = {}): ComparisonTable {
  return {
    period: { kind: 'month', year: 2026, index: 10 },
    periodLabel: 'Tháng 10/2026',
    month: '2026-10',
    indicatorCode: 'BHXH_TN',
    indicatorName: 'Người tham gia BHXH tự nguyện',
    unitCode: '94',
    unitName: 'Huyện Hồng Dân',
    viewDate: '2026-10-31',
    rows: [NGAN_DUA, NINH_QUOI, VINH_LOC],
    total: TOTAL,
    ...over,
  };
}

const GENERATED_AT = new Date(2026, 10, 3, 9, 5);
const ISSUER = 'BẢO HIỂM XÃ HỘI TỈNH BẠC LIÊU';
const WIDTH = 14;
const LAST_COL = columnLetter(WIDTH);

interface Exported {
  path: string;
  exceljs: ExcelJS.Worksheet;
  sheetjs: XLSX.WorkSheet;
  book: XLSX.WorkBook;
  /** Row of "STT" (the first header row). */
  headerRow: number;
  /** Rows of the three units and the totals. */
  dataRows: number[];
  totalRow: number;
}

async function exportAndRead(table: ComparisonTable, isDemo: boolean): Promise<Exported> {
  const buffer = await buildComparisonWorkbook(table, { issuer: ISSUER, generatedAt: GENERATED_AT, isDemo });
  expect(Buffer.isBuffer(buffer)).toBe(true);
  const path = join(tempDataDir('bhxh-export-'), exportFileName('progress', [table.indicatorCode, table.month]));
  writeFileSync(path, buffer);

  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const ws = wb.getWorksheet(COMPARISON_SHEET_NAME);
  expect(ws).toBeDefined();

  const book = XLSX.read(readFileSync(path), { cellNF: true, cellStyles: true });
  expect(book.SheetNames).toEqual([COMPARISON_SHEET_NAME]);
  const sheet = book.Sheets[COMPARISON_SHEET_NAME]!;

  let headerRow = 0;
  ws!.eachRow((row, n) => {
    if (!headerRow && row.getCell(1).value === 'STT') headerRow = n;
  });
  expect(headerRow).toBeGreaterThan(0);
  const first = headerRow + 3;
  const dataRows = table.rows.map((_, i) => first + i);
  return { path, exceljs: ws!, sheetjs: sheet, book, headerRow, dataRows, totalRow: first + table.rows.length };
}

/** Every merged range of the sheet, as SheetJS reads it, "A1:C1" style. */
function merges(sheet: XLSX.WorkSheet): string[] {
  return (sheet['!merges'] ?? []).map((m) => XLSX.utils.encode_range(m));
}

function textOf(ws: ExcelJS.Worksheet): string[] {
  const lines: string[] = [];
  ws.eachRow((row) => row.eachCell((cell) => typeof cell.value === 'string' && lines.push(cell.value)));
  return lines;
}

describe('comparison workbook (Excel export of the progress table)', () => {
  it('writes the title block: issuer, merged title, subtitle, export date', async () => {
    const { exceljs: ws, sheetjs, headerRow, totalRow } = await exportAndRead(sampleTable(), false);
    expect(ws.getCell('A1').value).toBe(ISSUER);
    expect(ws.getCell('A1').font?.bold).toBe(true);

    const title = ws.getCell('A3');
    expect(title.value).toBe('TIẾN ĐỘ THỰC HIỆN CHỈ TIÊU NGƯỜI THAM GIA BHXH TỰ NGUYỆN');
    expect(title.font).toMatchObject({ name: 'Times New Roman', size: 14, bold: true });
    expect(title.alignment?.horizontal).toBe('center');
    expect(merges(sheetjs)).toContain(`A3:${LAST_COL}3`);

    const subtitle = ws.getCell('A4');
    expect(subtitle.value).toBe('Tháng 10/2026 — số liệu đến tháng 10/2026; đơn vị: Huyện Hồng Dân');
    expect(subtitle.font?.italic).toBe(true);
    expect(merges(sheetjs)).toContain(`A4:${LAST_COL}4`);
    expect(headerRow).toBe(6);

    // Ngan Dừa's plan was revised: the sheet says what "còn phải thực hiện" is measured against.
    expect(textOf(ws)).toContain('Còn phải thực hiện (11) và bình quân cần/tháng (12) tính theo kế hoạch điều chỉnh (4) nơi có, nơi khác theo kế hoạch giao (2).');
    const footer = textOf(ws).find((t) => t.startsWith('Ngày xuất:'));
    expect(footer).toBe('Ngày xuất: 03/11/2026 09:05');
    const footerRow = ws.getColumn(1).values.findIndex((v) => v === footer);
    expect(footerRow).toBeGreaterThan(totalRow);
  });

  it('shows the red demo line only for demo data', async () => {
    const demo = await exportAndRead(sampleTable(), true);
    const line = demo.exceljs.getCell('A5');
    expect(line.value).toBe(DEMO_WARNING);
    expect(line.value).toBe('DỮ LIỆU MẪU — không phải số liệu thật');
    expect(line.font?.color?.argb).toBe('FFC00000');
    expect(demo.headerRow).toBe(7);

    const real = await exportAndRead(sampleTable(), false);
    expect(textOf(real.exceljs).some((t) => t.includes('DỮ LIỆU MẪU'))).toBe(false);
    expect(XLSX.utils.sheet_to_csv(real.sheetjs)).not.toContain('DỮ LIỆU MẪU');
  });

  it('has a merged two-row header with groups and a column-number row', async () => {
    const { exceljs: ws, sheetjs, headerRow: h } = await exportAndRead(sampleTable(), false);
    const all = merges(sheetjs);
    const sub = h + 1;
    // Ungrouped headers span both header rows.
    expect(all).toContain(`A${h}:A${sub}`);
    expect(all).toContain(`B${h}:B${sub}`);
    expect(all).toContain(`C${h}:C${sub}`);
    expect(all).toContain(`M${h}:M${sub}`);
    expect(all).toContain(`N${h}:N${sub}`);
    // Groups span their sub-columns.
    expect(all).toContain(`D${h}:E${h}`);
    expect(all).toContain(`F${h}:G${h}`);
    expect(all).toContain(`H${h}:J${h}`);
    expect(all).toContain(`K${h}:L${h}`);

    const row = (r: number) => Array.from({ length: WIDTH }, (_, i) => ws.getCell(r, i + 1).value);
    expect(row(h)).toEqual([
      'STT',
      'Đơn vị',
      'Thực hiện',
      'Kế hoạch giao',
      'Kế hoạch giao',
      'Kế hoạch điều chỉnh',
      'Kế hoạch điều chỉnh',
      'So với cùng kỳ năm trước',
      'So với cùng kỳ năm trước',
      'So với cùng kỳ năm trước',
      'So với 31/12 năm trước',
      'So với 31/12 năm trước',
      'Còn phải thực hiện',
      'Bình quân cần/tháng',
    ]);
    expect(row(sub).slice(3, 12)).toEqual([
      'Kế hoạch',
      '% KH',
      'Kế hoạch',
      '% KH',
      'Cùng kỳ',
      'Tăng/giảm (người)',
      'Tăng/giảm (%)',
      '31/12',
      'Tăng/giảm',
    ]);
    expect(row(h + 2)).toEqual(['A', 'B', '1', '2', '3=1/2', '4', '5=1/4', '6', '7=1-6', '8=7/6', '9', '10=1-9', '11', '12']);

    // SheetJS sees the captions on the master cells only.
    expect(sheetjs[`D${h}`]?.v).toBe('Kế hoạch giao');
    expect(sheetjs[`A${h}`]?.v).toBe('STT');

    const headerCell = ws.getCell(`D${h}`);
    expect(headerCell.font).toMatchObject({ name: 'Times New Roman', size: 11, bold: true });
    expect(headerCell.alignment).toMatchObject({ horizontal: 'center', vertical: 'middle', wrapText: true });
    expect(ws.getColumn(2).width).toBe(28);
  });

  it('borders every cell of the table, inside merged ranges too', async () => {
    const { exceljs: ws, headerRow, totalRow } = await exportAndRead(sampleTable(), true);
    const unbordered: string[] = [];
    for (let r = headerRow; r <= totalRow; r++) {
      for (let c = 1; c <= WIDTH; c++) {
        const border = ws.getCell(r, c).border;
        for (const side of ['top', 'left', 'bottom', 'right'] as const) {
          if (border?.[side]?.style !== 'thin') unbordered.push(`${columnLetter(c)}${r}.${side}`);
        }
      }
    }
    expect(unbordered).toEqual([]);
    // Nothing outside the table is bordered (title and footer lines stay plain).
    expect(ws.getCell(headerRow - 2, 1).border?.top).toBeUndefined();
    expect(ws.getCell(totalRow + 2, 1).border?.top).toBeUndefined();
  });

  it('writes figures as numbers with count and ratio formats', async () => {
    const { exceljs: ws, sheetjs, dataRows } = await exportAndRead(sampleTable(), false);
    const r = dataRows[0]!;
    const expected: [string, number, string][] = [
      ['C', 8463, NUM_FMT.count],
      ['D', 12585, NUM_FMT.count],
      ['E', 8463 / 12585, NUM_FMT.ratio],
      ['F', 13000, NUM_FMT.count],
      ['G', 8463 / 13000, NUM_FMT.ratio],
      ['H', 7900, NUM_FMT.count],
      ['I', 563, NUM_FMT.signedCount],
      ['J', 563 / 7900, NUM_FMT.signedRatio],
      ['K', 8100, NUM_FMT.count],
      ['L', 363, NUM_FMT.signedCount],
      ['M', 4537, NUM_FMT.count],
      ['N', 2269, NUM_FMT.count], // 4537 / 2 = 2268.5 people a month, rounded up
    ];
    for (const [col, value, format] of expected) {
      const cell = sheetjs[`${col}${r}`];
      expect(cell?.t, `${col}${r}`).toBe('n');
      expect(cell?.v as number).toBeCloseTo(value, 10);
      expect(cell?.z, `${col}${r}`).toBe(format);
      expect(ws.getCell(`${col}${r}`).numFmt).toBe(format);
      expect(ws.getCell(`${col}${r}`).font).toMatchObject({ name: 'Times New Roman', size: 11 });
    }
    expect(NUM_FMT.count).toBe('#,##0');
    expect(NUM_FMT.ratio).toBe('0.00%');
    // Excel shows 67.25% for the progress of 8,463 of 12,585 (DOMAIN.md).
    expect(XLSX.SSF.format(NUM_FMT.ratio, sheetjs[`E${r}`]!.v as number)).toBe('67.25%');
    // A decrease keeps its sign.
    expect(sheetjs[`I${dataRows[1]}`]?.v).toBe(-115);
    expect(XLSX.SSF.format(NUM_FMT.signedCount, -115)).toBe('-115');
    // STT numbers and names.
    expect(dataRows.map((n) => sheetjs[`A${n}`]?.v)).toEqual([1, 2, 3]);
    expect(dataRows.map((n) => sheetjs[`B${n}`]?.v)).toEqual(['Thị trấn Ngan Dừa', 'Xã Ninh Quới A', 'Xã Vĩnh Lộc']);
  });

  it('shows a missing figure as a centred "—", never 0', async () => {
    const { exceljs: ws, sheetjs, dataRows } = await exportAndRead(sampleTable(), false);
    const r = dataRows[2]!;
    for (let c = 3; c <= WIDTH; c++) {
      const address = `${columnLetter(c)}${r}`;
      expect(sheetjs[address]?.t, address).toBe('s');
      expect(sheetjs[address]?.v, address).toBe('—');
      expect(ws.getCell(address).alignment?.horizontal).toBe('center');
    }
    // Ninh Quới A is above its target: nothing remains, which is a real 0, not a missing figure.
    expect(sheetjs[`M${dataRows[1]}`]).toMatchObject({ t: 'n', v: 0 });
    const csv = XLSX.utils.sheet_to_csv(sheetjs).split('\n');
    expect(csv[r - 1]).toBe('3,Xã Vĩnh Lộc' + ',—'.repeat(WIDTH - 2));
  });

  it('ends with a bold "Tổng cộng" row and a note when units are missing', async () => {
    const { exceljs: ws, sheetjs, totalRow } = await exportAndRead(sampleTable(), false);
    const label = ws.getCell(`A${totalRow}`);
    expect(label.value).toBe('Tổng cộng (*)');
    expect(String(label.value).startsWith('Tổng cộng')).toBe(true);
    expect(label.font?.bold).toBe(true);
    expect(merges(sheetjs)).toContain(`A${totalRow}:B${totalRow}`);
    for (let c = 3; c <= WIDTH; c++) expect(ws.getCell(totalRow, c).font?.bold).toBe(true);
    expect(sheetjs[`C${totalRow}`]).toMatchObject({ t: 'n', v: 11748, z: '#,##0' });
    expect(textOf(ws).some((t) => t.startsWith('(*)'))).toBe(true);

    const complete = await exportAndRead(sampleTable({ total: { ...TOTAL, missingUnits: 0 } }), false);
    expect(complete.exceljs.getCell(`A${complete.totalRow}`).value).toBe('Tổng cộng');
    expect(textOf(complete.exceljs).some((t) => t.startsWith('(*)'))).toBe(false);
  });

  it('prints on A4 landscape, one page wide, repeating the header, with panes frozen below it', async () => {
    const { exceljs: ws, book, headerRow } = await exportAndRead(sampleTable(), true);
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    expect(ws.pageSetup.margins?.left).toBeCloseTo(0.4);
    expect(ws.pageSetup.margins?.right).toBeCloseTo(0.4);
    expect(ws.pageSetup.printTitlesRow).toBe(`${headerRow}:${headerRow + 2}`);

    const names = book.Workbook?.Names ?? [];
    const titles = names.find((n) => n.Name === '_xlnm.Print_Titles');
    expect(titles?.Ref).toBe(`'${COMPARISON_SHEET_NAME}'!$${headerRow}:$${headerRow + 2}`);
    expect(names.some((n) => n.Name === '_xlnm.Print_Area')).toBe(true);

    const view = ws.views[0] as { state?: string; xSplit?: number; ySplit?: number } | undefined;
    expect(view).toMatchObject({ state: 'frozen', xSplit: 2, ySplit: headerRow + 2 });
  });

  it('formats levels of a rate indicator as percentages', async () => {
    const cov: Comparison = {
      ...EMPTY,
      code: '94001',
      name: 'Thị trấn Ngan Dừa',
      actual: 0.9312,
      target: 0.9225,
      progress: 0.9312 / 0.9225,
      sameLastYear: 0.91,
      deltaSameLastYear: 0.0212,
      remaining: 0,
      rate: 0.9312,
    };
    const table = sampleTable({
      indicatorCode: 'COV_BHYT',
      indicatorName: 'Tỷ lệ bao phủ BHYT',
      rows: [cov],
      total: { ...cov, code: '94' },
    });
    const { exceljs: ws, sheetjs, dataRows, headerRow } = await exportAndRead(table, false);
    const r = dataRows[0]!;
    expect(ws.getCell('A3').value).toBe('TIẾN ĐỘ THỰC HIỆN CHỈ TIÊU TỶ LỆ BAO PHỦ BHYT');
    expect(sheetjs[`C${r}`]).toMatchObject({ t: 'n', v: 0.9312, z: NUM_FMT.ratio });
    expect(sheetjs[`D${r}`]).toMatchObject({ t: 'n', v: 0.9225, z: NUM_FMT.ratio });
    expect(sheetjs[`I${r}`]).toMatchObject({ t: 'n', z: NUM_FMT.signedRatio });
    expect(sheetjs[`M${r}`]).toMatchObject({ t: 'n', v: 0, z: NUM_FMT.count });
    expect(ws.getCell(headerRow + 1, 9).value).toBe('Tăng/giảm (điểm %)');
  });

  it('keeps a table with no rows printable: header and totals only', async () => {
    const {
      exceljs: ws,
      totalRow,
      headerRow,
    } = await exportAndRead(sampleTable({ rows: [], total: { ...EMPTY, name: 'Huyện Hồng Dân' } }), false);
    expect(totalRow).toBe(headerRow + 3);
    expect(ws.getCell(`A${totalRow}`).value).toBe('Tổng cộng');
    expect(ws.getCell(`C${totalRow}`).value).toBe('—');
  });
});

describe('textRowHeight', () => {
  it('grows with the lines a name wraps to', () => {
    expect(textRowHeight('Xã Vĩnh Lộc', 28)).toBe(16);
    expect(textRowHeight('Xã Mẫu số 4 có tên khá dài để thử xuống dòng', 28)).toBe(31);
  });
});

describe('exportFileName', () => {
  it('builds safe ASCII names: indicators by their Vietnamese names, unit codes and abbreviations kept, Vietnamese folded', () => {
    expect(exportFileName('progress', ['BHXH_TN', '2026-11'])).toBe('tien-do-BHXH-tu-nguyen-2026-11.xlsx');
    expect(exportFileName('progress', ['COV_BHYT', '94', '2026-11'])).toBe('tien-do-bao-phu-BHYT-94-2026-11.xlsx');
    expect(exportFileName('progress', ['LABOUR'])).toBe('tien-do-llld-trong-do-tuoi.xlsx');
    expect(exportFileName('progress', ['BHYT', 'Bạc Liêu', 'Quý III/2026'])).toBe('tien-do-BHYT-bac-lieu-quy-III-2026.xlsx');
    expect(exportFileName('Danh sách đến hạn đóng', ['Xã Đông Hải', null, 2026], 'csv')).toBe(
      'danh-sach-den-han-dong-xa-dong-hai-2026.csv',
    );
    expect(exportFileName('progress', ['a:b*c?"d<e>f|g\\h'])).toBe('tien-do-a-b-c-d-e-f-g-h.xlsx');
    expect(exportFileName('', [])).toBe('bhxh-desk.xlsx');
  });

  it('never yields characters a file system refuses, and stays short', () => {
    const name = exportFileName('progress', ['Thị trấn Ngan Dừa '.repeat(20), 'BHXH_TN']);
    expect(name).toMatch(/^[A-Za-z0-9_.-]+$/);
    expect(name.length).toBeLessThanOrEqual(125);
    expect(name.endsWith('.xlsx')).toBe(true);
    expect(name).not.toMatch(/-\.xlsx$/);
  });
});

describe('app exports over the contract (demo data)', () => {
  it('coverage, grid and targets tables come back as bordered workbooks with the demo line', async () => {
    const { openTestCore, call } = await import('../helpers/core');
    const XLSXmod = await import('xlsx');
    const core = await openTestCore();
    await call(core, 'demo:load', {});
    const read = (token: string) => {
      const { bytes } = core.downloads.take(token);
      const wb = XLSXmod.read(bytes, { type: 'buffer' });
      return XLSXmod.utils.sheet_to_json<unknown[]>(wb.Sheets[wb.SheetNames[0]!]!, { header: 1, defval: null }).map((r) => r.join('|')).join('\n');
    };
    const coverage = await call(core, 'exports:coverage', { period: { kind: 'month', year: 2026, index: 10 } });
    expect(coverage.fileName).toMatch(/\.xlsx$/);
    const coverageText = read(coverage.token);
    expect(coverageText).toContain('TỶ LỆ BAO PHỦ BHXH, BHYT, BHTN');
    expect(coverageText).toContain('DỮ LIỆU MẪU');
    expect(coverageText).toContain('Phường Phú An');
    const grid = await call(core, 'exports:grid', { month: '2026-10' });
    const gridText = read(grid.token);
    expect(gridText).toContain('KẾT QUẢ THỰC HIỆN THÁNG 10/2026');
    expect(gridText).toContain('Tổng cộng');
    const targets = await call(core, 'exports:targets', { year: 2026, indicatorCode: 'BHXH_TN' });
    const targetsText = read(targets.token);
    expect(targetsText).toContain('CHỈ TIÊU KẾ HOẠCH NĂM 2026');
    expect(targetsText).toContain('BHXH Việt Nam');
    expect(() => core.downloads.take(targets.token)).toThrow();
  });
});
