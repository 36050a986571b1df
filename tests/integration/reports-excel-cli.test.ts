import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { AppCore } from '../../electron/core/app/appCore';
import type { ReportBlock, ReportDefinition, ReportDocument, ReportRow } from '../../shared/contract';
import { cli } from '../helpers/cli';
import { call, callError, expectVietnamese, FIXED_NOW, openTestCore } from '../helpers/core';
import { tempDataDir } from '../helpers/fixtures';

const DEMO_WARNING = 'DỮ LIỆU MẪU — không phải số liệu thật';

type Table = Extract<ReportBlock, { kind: 'table' }>;

async function demoCore(): Promise<AppCore> {
  const core = await openTestCore({ now: () => FIXED_NOW });
  await call(core, 'demo:load', {});
  return core;
}

async function definition(core: AppCore, patch: Partial<ReportDefinition> = {}): Promise<ReportDefinition> {
  return { ...(await call(core, 'reports:defaults', { period: '2026-10' })), ...patch };
}

async function readWorkbook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

/** Every table of the document in print order. */
function documentTables(doc: ReportDocument): { heading: string; table: Table }[] {
  return doc.sections.flatMap((s) => s.blocks.filter((b): b is Table => b.kind === 'table').map((table) => ({ heading: s.heading, table })));
}

function cellText(ws: ExcelJS.Worksheet, row: number, col: number): string {
  const v = ws.getCell(row, col).value;
  if (v === null || v === undefined) return '';
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((t) => t.text).join('');
  return String(v);
}

/** All text of a sheet, row by row. */
function sheetText(ws: ExcelJS.Worksheet): string[] {
  const lines: string[] = [];
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    const parts: string[] = [];
    for (let c = 1; c <= ws.columnCount; c++) parts.push(cellText(ws, r, c));
    lines.push(parts.join('|'));
  });
  return lines;
}

/** The sheet row whose column B holds `name` (column A is the sheet's own STT). */
function rowNamed(ws: ExcelJS.Worksheet, name: string): number {
  for (let r = 1; r <= ws.rowCount; r++) if (cellText(ws, r, 2) === name) return r;
  throw new Error(`no row "${name}" in sheet ${ws.name}`);
}

function rowWithFirstCell(ws: ExcelJS.Worksheet, text: string): number {
  for (let r = 1; r <= ws.rowCount; r++) if (cellText(ws, r, 1) === text) return r;
  throw new Error(`no row starting "${text}" in sheet ${ws.name}`);
}

const UNIT_KEYS = ['name', 'target', 'actual', 'progress', 'sameLastYear', 'deltaSame', 'endLastYear', 'deltaEnd', 'remaining', 'pace'];

describe("reports:excel", () => {
  it('writes one sheet per table in print order; the unit table sheet holds the document’s numbers as numbers, a total row and the demo line', async () => {
    const core = await demoCore();
    const saved = await call(core, 'reports:save', { definition: await definition(core) });
    const ref = await call(core, 'reports:excel', { id: saved.id });
    expect(ref.fileName).toMatch(/\.xlsx$/);
    expect(ref.fileName).toContain('2026-10');
    const { bytes } = core.downloads.take(ref.token);
    expect(bytes.length).toBe(ref.size);
    const wb = await readWorkbook(bytes);

    const tables = documentTables(saved.document);
    // headline, coverage, two unit tables (BHXH_TN, BHYT_HGD), two ranking tables; charts and free text have none.
    expect(tables).toHaveLength(6);
    expect(wb.worksheets).toHaveLength(tables.length);
    const romans = tables.map((t) => t.heading.split('.')[0]);
    expect(wb.worksheets.map((ws) => ws.name.split(/[ .]/)[0])).toEqual(romans);
    expect(new Set(wb.worksheets.map((ws) => ws.name)).size).toBe(tables.length);
    for (const ws of wb.worksheets) expect(ws.name.length).toBeLessThanOrEqual(31);
    // Cut at a word and at the natural break of the caption, never inside a word.
    expect(wb.worksheets.map((ws) => ws.name)).toEqual([
      'I Kết quả so với kế hoạch',
      'II Tỷ lệ bao phủ theo đơn vị',
      'III.1 BHXH tự nguyện',
      'III.2 BHYT hộ gia đình',
      'IV.1 5 đơn vị dẫn đầu',
      'IV.2 1 đơn vị đạt thấp nhất',
    ]);

    for (const ws of wb.worksheets) {
      const text = sheetText(ws).join('\n');
      expect(text, ws.name).toContain(DEMO_WARNING);
      expect(text, ws.name).toContain('BẢO HIỂM XÃ HỘI TỈNH PHÚ AN');
      expect(text, ws.name).toContain('(Số liệu tính đến ngày 25/10/2026)');
    }

    // The first unit table (BHXH tự nguyện) is the third sheet.
    const unitIndex = tables.findIndex((t) => t.table.caption?.startsWith('Biểu 1'));
    expect(unitIndex).toBe(2);
    const ws = wb.worksheets[unitIndex]!;
    const table = tables[unitIndex]!.table;
    const body = table.rows.filter((r) => r.emphasis !== 'total');
    expect(body).toHaveLength(16);
    const first = rowNamed(ws, String(body[0]!.cells.name));
    body.forEach((row: ReportRow, i) => {
      const r = first + i;
      expect(ws.getCell(r, 1).value, `STT of row ${i + 1}`).toEqual(i + 1);
      UNIT_KEYS.forEach((key, k) => {
        const expected = row.cells[key] ?? null;
        const value = ws.getCell(r, k + 2).value;
        if (typeof expected === 'number') {
          expect(typeof value, `${row.cells.name} ${key}`).toBe('number');
          expect(value as number, `${row.cells.name} ${key}`).toBeCloseTo(expected, 12);
        } else if (expected === null) expect(value ?? null, `${row.cells.name} ${key}`).toBeNull();
        else expect(cellText(ws, r, k + 2), `${row.cells.name} ${key}`).toBe(expected);
      });
    });
    const totalAt = rowWithFirstCell(ws, 'Tổng cộng');
    expect(totalAt).toBe(first + body.length);
    const total = table.rows.find((r) => r.emphasis === 'total')!;
    const actualCol = UNIT_KEYS.indexOf('actual') + 2;
    expect(ws.getCell(totalAt, actualCol).value).toBe(total.cells.actual);
    const sheetSum = body.reduce((s, _, i) => s + (ws.getCell(first + i, actualCol).value as number), 0);
    expect(ws.getCell(totalAt, actualCol).value).toBe(sheetSum);
    expect(ws.getCell(totalAt, actualCol).font?.bold).toBe(true);

    // The download is taken once.
    expect(() => core.downloads.take(ref.token)).toThrow();
  });

  it('the workbook shows the saved figures, not today’s, and refuses a report without tables', async () => {
    const core = await demoCore();
    const def = await definition(core, { sections: [{ id: 'unitTable' }], indicatorCodes: ['BHXH_TN'] });
    const saved = await call(core, 'reports:save', { definition: def });
    const cmp = await call(core, 'results:compare', { period: { kind: 'month', year: 2026, index: 10 }, indicatorCode: 'BHXH_TN' });
    const commune = cmp.rows[0]!;
    await call(core, 'results:set', { unitCode: commune.code, indicatorCode: 'BHXH_TN', asOf: '2026-10-25', value: commune.actual! + 500 });
    const ref = await call(core, 'reports:excel', { id: saved.id });
    const wb = await readWorkbook(core.downloads.take(ref.token).bytes);
    expect(wb.worksheets).toHaveLength(1);
    const ws = wb.worksheets[0]!;
    const actualCol = UNIT_KEYS.indexOf('actual') + 2;
    expect(ws.getCell(rowNamed(ws, commune.name), actualCol).value).toBe(commune.actual);
    expect(ws.getCell(rowWithFirstCell(ws, 'Tổng cộng'), actualCol).value).toBe(cmp.total.actual);

    const textOnly = await call(core, 'reports:save', { definition: await definition(core, { sections: [{ id: 'assessment', text: 'Chỉ có lời.' }, { id: 'trendChart' }] }) });
    const err = await callError(core, 'reports:excel', { id: textOnly.id });
    expect(err.code).toBe('VALIDATION');
    expectVietnamese(err.message);
  });
});


// The CLI runs on the real clock: the demo holds months up to today, and 2026-10 is in the past.
async function demoDir(): Promise<string> {
  const dir = tempDataDir();
  const run = await cli('demo', '--data-dir', dir);
  expect(run.code, run.err).toBe(0);
  return dir;
}

describe('CLI report', () => {
  it('report --period --out x.xlsx exits 0 and writes a readable workbook', async () => {
    const dir = await demoDir();
    const file = join(tempDataDir(), 'bao-cao.xlsx');
    const run = await cli('report', '--period', '2026-10', '--out', file, '--data-dir', dir);
    expect(run.code, run.err).toBe(0);
    expect(run.out).toContain('Đã lưu báo cáo số');
    expect(run.out).toContain(file);
    expect(existsSync(file)).toBe(true);
    const wb = await readWorkbook(readFileSync(file));
    expect(wb.worksheets).toHaveLength(6);
    expect(sheetText(wb.worksheets[0]!).join('\n')).toContain(DEMO_WARNING);
    // The unit table sheet: 16 communes and a total.
    const ws = wb.worksheets[2]!;
    const totalAt = rowWithFirstCell(ws, 'Tổng cộng');
    expect(typeof ws.getCell(totalAt, 4).value).toBe('number');
  });

  it('--json prints status written with the report id, file and format; the report is saved', async () => {
    const dir = await demoDir();
    const file = join(tempDataDir(), 'bao-cao-9901.xlsx');
    const run = await cli('report', '--period', '2026-10', '--scope', '9901', '--sections', 'headline,unitTable', '--sort', 'name', '--out', file, '--json', '--data-dir', dir);
    expect(run.code, run.err).toBe(0);
    const payload = JSON.parse(run.out) as Record<string, unknown>;
    expect(payload).toMatchObject({ status: 'written', file, format: 'xlsx', period: '2026-10', scope: 'BHXH cơ sở Phú An', isDemo: true, pages: null });
    expect(typeof payload.reportId).toBe('number');
    expect(payload.bytes).toBe(readFileSync(file).length);

    const core = await openTestCore({ dataDir: dir });
    const saved = await call(core, 'reports:get', { id: payload.reportId as number });
    expect(saved.definition).toMatchObject({ period: '2026-10', scopeCode: '9901', sort: 'name' });
    expect(saved.document.sections.map((s) => s.id)).toEqual(['headline', 'unitTable']);
    // Headline plus one unit table per default indicator (BHXH_TN, BHYT_HGD).
    const wb = await readWorkbook(readFileSync(file));
    expect(wb.worksheets.map((ws) => ws.name.split(/[ .]/)[0])).toEqual(['I', 'II', 'II']);
  });

  it('wrong extension or missing --period exits 2 with a Vietnamese message, writing nothing', async () => {
    const dir = await demoDir();
    const out = tempDataDir();
    let run = await cli('report', '--period', '2026-10', '--out', join(out, 'bao-cao.docx'), '--data-dir', dir);
    expect(run.code).toBe(2);
    expectVietnamese(run.err);
    expect(run.err).toContain('.xlsx');
    expect(existsSync(join(out, 'bao-cao.docx'))).toBe(false);

    run = await cli('report', '--out', join(out, 'bao-cao.xlsx'), '--data-dir', dir);
    expect(run.code).toBe(2);
    expectVietnamese(run.err);
    expect(run.err).toContain('--period');
    expect(existsSync(join(out, 'bao-cao.xlsx'))).toBe(false);

    run = await cli('report', '--period', '10/2026', '--out', join(out, 'bao-cao.xlsx'), '--data-dir', dir);
    expect(run.code).toBe(2);
    expect(run.err).toContain('--period');

    run = await cli('report', '--period', '2026-10', '--sort', 'random', '--out', join(out, 'bao-cao.xlsx'), '--data-dir', dir);
    expect(run.code).toBe(2);
    expectVietnamese(run.err);

    const core = await openTestCore({ dataDir: dir });
    expect(await call(core, 'reports:list', {})).toEqual([]);
  });

  it('an unknown scope exits non-zero with a message naming the code', async () => {
    const dir = await demoDir();
    const file = join(tempDataDir(), 'bao-cao.xlsx');
    const run = await cli('report', '--period', '2026-10', '--scope', '98765', '--out', file, '--data-dir', dir);
    expect(run.code).not.toBe(0);
    expect(run.err).toContain('98765');
    expectVietnamese(run.err);
    expect(existsSync(file)).toBe(false);

    const section = await cli('report', '--period', '2026-10', '--sections', 'headline,khongCo', '--out', file, '--data-dir', dir);
    expect(section.code).not.toBe(0);
    expect(section.err).toContain('khongCo');
    expect(existsSync(file)).toBe(false);
  });
});
