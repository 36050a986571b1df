import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import type { AppCore } from '../../electron/core/app/appCore';
import type { ImportPreview } from '../../shared/contract';
import { call, callError, storeOf, importFile, openTestCore, tickingClock } from '../helpers/core';
import { sql } from 'kysely';
import { hashDatabase, rows as queryRows, scalar } from '../helpers/dbHash';
import { FIXTURE, fixturePath, tempDataDir } from '../helpers/fixtures';
import { rawZip, writeWorkbook } from '../helpers/workbooks';

interface Expected {
  period: string;
  totals: Record<'planTN' | 'actTN' | 'planHGD' | 'actHGD' | 'pop' | 'bhyt', number>;
  units: ({ code: string; typed: string } & Record<'planTN' | 'actTN' | 'planHGD' | 'actHGD' | 'pop' | 'bhyt', number>)[];
}
const expected = JSON.parse(readFileSync(fixturePath('expected-hong-dan-2020-09.json'), 'utf8')) as Expected;

async function hongDan(): Promise<AppCore> {
  const core = await openTestCore({ now: tickingClock() });
  await importFile(core, fixturePath(FIXTURE.unitsHongDan));
  return core;
}

async function preview(core: AppCore, path: string, extra: Record<string, unknown> = {}) {
  return call(core, 'imports:preview', { file: core.files.registerPath(path), ...extra });
}

async function compare(core: AppCore, indicatorCode: string) {
  return call(core, 'results:compare', { period: { kind: 'month', year: 2020, index: 9 }, indicatorCode, unitCode: '956', viewDate: '2020-09-25' });
}

const REPORTS = [
  'district-report-hong-dan-2020-09.xlsx',
  'district-report-hong-dan-2020-09-tcvn3.xlsx',
  'district-report-hong-dan-2020-09-legacy.xls',
  'district-report-hong-dan-2020-09-bad-total.xlsx',
];

describe('district reports import to exactly their true figures', () => {
  it.each(REPORTS)('%s', async (file) => {
    const core = await hongDan();
    const p = await preview(core, fixturePath(file));
    expect(p.period).toBe(expected.period);
    expect(p.asOf).toBe('2020-09-25');
    expect(p.rows.map((r) => r.unitCode)).toEqual(expected.units.map((u) => u.code));
    expect(p.rows.every((r) => r.status === 'ok')).toBe(true);
    expect(p.canCommit).toBe(true);
    if (file.includes('tcvn3')) {
      expect(p.legacyEncoding).toBe('tcvn3');
      expect(p.officeName).toBe('BẢO HIỂM XÃ HỘI HUYỆN HỒNG DÂN');
      expect(p.columns[0]!.header).toBe('STT');
    }
    await call(core, 'imports:commit', { sessionId: p.sessionId });

    const tn = await compare(core, 'BHXH_TN');
    const hgd = await compare(core, 'BHYT_HGD');
    for (const u of expected.units) {
      const rowTn = tn.rows.find((r) => r.code === u.code)!;
      const rowHgd = hgd.rows.find((r) => r.code === u.code)!;
      expect([rowTn.actual, rowTn.target, rowHgd.actual, rowHgd.target]).toEqual([u.actTN, u.planTN, u.actHGD, u.planHGD]);
    }
    expect([tn.total.actual, tn.total.target, hgd.total.actual, hgd.total.target]).toEqual([expected.totals.actTN, expected.totals.planTN, expected.totals.actHGD, expected.totals.planHGD]);
    if (!file.includes('legacy')) {
      const bhyt = await compare(core, 'BHYT');
      const pop = await compare(core, 'POP');
      expect([bhyt.total.actual, pop.total.actual]).toEqual([expected.totals.bhyt, expected.totals.pop]);
    }
  });

  it('the bad-total copy commits with a warning naming both totals', async () => {
    const core = await hongDan();
    const p = await preview(core, fixturePath('district-report-hong-dan-2020-09-bad-total.xlsx'));
    const bad = p.totals.filter((t) => !t.matches);
    expect(bad).toHaveLength(1);
    expect(bad[0]).toMatchObject({ fileTotal: 2445, sumOfRows: 2428, cell: 'D19' });
    expect(p.warnings.join(' ')).toContain('2.445');
    expect(p.warnings.join(' ')).toContain('2.428');
    expect(p.canCommit).toBe(true);
  });
});

describe('re-import, undo and history', () => {
  it('re-importing the same office and month replaces (no duplicates), shows the diff, and every batch undoes exactly', async () => {
    const core = await hongDan();
    const first = await preview(core, fixturePath('district-report-hong-dan-2020-09.xlsx'));
    expect(first.changes.every((c) => c.oldValue === null)).toBe(true);
    const b1 = await call(core, 'imports:commit', { sessionId: first.sessionId });
    expect(b1.written).toBe(54);
    // Same figures again: nothing to change.
    const same = await preview(core, fixturePath('district-report-hong-dan-2020-09-legacy.xls'));
    expect(same.changes).toHaveLength(0);
    expect(same.canCommit).toBe(false);
    // A corrected file: one figure changes, old → new.
    const dir = tempDataDir('bhxh-import-');
    const rows = XLSX.utils.sheet_to_json<unknown[]>(XLSX.read(readFileSync(fixturePath('district-report-hong-dan-2020-09.xlsx'))).Sheets['T9-2020']!, { header: 1, defval: null });
    rows[9]![3] = 150;
    const corrected = writeWorkbook(join(dir, 'bao-cao-sua.xlsx'), [{ name: 'T9-2020', rows }]);
    const second = await preview(core, corrected);
    expect(second.changes).toEqual([{ unitCode: '31006', unitName: 'Thị trấn Ngan Dừa', kind: 'result', indicatorCode: 'BHXH_TN', year: null, oldValue: 148, newValue: 150 }]);
    const b2 = await call(core, 'imports:commit', { sessionId: second.sessionId });
    expect(b2.replaced).toBe(1);
    const count = await scalar(storeOf(core), sql`SELECT COUNT(*) FROM results r JOIN units u ON u.id = r.unit_id WHERE u.code = '31006' AND r.indicator_code = 'BHXH_TN'`);
    expect(Number(count)).toBe(1);
    expect((await compare(core, 'BHXH_TN')).rows.find((r) => r.code === '31006')!.actual).toBe(150);

    // The older batch cannot be undone under the newer one that overwrote its figure.
    const conflict = await callError(core, 'imports:undo', { batchId: b1.batchId });
    expect(conflict.code).toBe('CONFLICT');
    expect(conflict.message).toContain(`số ${b2.batchId}`);
    await call(core, 'imports:undo', { batchId: b2.batchId });
    expect((await compare(core, 'BHXH_TN')).rows.find((r) => r.code === '31006')!.actual).toBe(148);
    await call(core, 'imports:undo', { batchId: b1.batchId });
    expect((await compare(core, 'BHXH_TN')).total.actual).toBeNull();
    const history = (await call(core, 'imports:list', {})).items;
    expect(history.map((h) => h.id)).toEqual([b2.batchId, b1.batchId]);
    expect(history.every((h) => h.undoneAt !== null)).toBe(true);
    expect((await callError(core, 'imports:undo', { batchId: b1.batchId })).code).toBe('CONFLICT');
    // Results and targets are back to what they were (batches and audit entries remain as history).
    const data = async (h: AppCore) =>
      JSON.stringify(await queryRows(storeOf(h), sql`SELECT * FROM results ORDER BY 1, 2, 3`)) + JSON.stringify(await queryRows(storeOf(h), sql`SELECT unit_id, indicator_code, year, value FROM targets ORDER BY 1, 2, 3`));
    expect(await data(core)).toBe('[][]');
  });

  it('an unmatched name is a row error with suggestions; the user choice commits and is remembered as an alias', async () => {
    const core = await hongDan();
    const dir = tempDataDir('bhxh-import-');
    const rows = XLSX.utils.sheet_to_json<unknown[]>(XLSX.read(readFileSync(fixturePath('district-report-hong-dan-2020-09.xlsx'))).Sheets['T9-2020']!, { header: 1, defval: null });
    rows[12]![1] = 'Ninh Hoà cũ';
    const file = writeWorkbook(join(dir, 'bao-cao.xlsx'), [{ name: 'T9-2020', rows }]);
    const p = await preview(core, file);
    const row = p.rows.find((r) => r.typedName === 'Ninh Hoà cũ')!;
    expect(row.status).toBe('unmatched');
    expect(row.issues[0]).toMatchObject({ sheet: 'T9-2020', cell: 'B13' });
    expect(row.suggestions[0]).toEqual({ code: '31015', name: 'Xã Ninh Hòa' });
    expect(p.canCommit).toBe(false);
    expect((await callError(core, 'imports:commit', { sessionId: p.sessionId })).code).toBe('IMPORT_REJECTED');
    const fixed = await preview(core, file, { unitChoices: [{ typedName: 'Ninh Hoà cũ', unitCode: '31015' }] });
    expect(fixed.canCommit).toBe(true);
    await call(core, 'imports:commit', { sessionId: fixed.sessionId });
    const again = await preview(core, file);
    expect(again.rows.find((r) => r.typedName === 'Ninh Hoà cũ')!.unitCode).toBe('31015');
  });

  it('numbers typed as text and empty cells: "1.234" is a number, an empty cell is missing, "12,5" is an error with its cell', async () => {
    const core = await hongDan();
    const dir = tempDataDir('bhxh-import-');
    const rows = XLSX.utils.sheet_to_json<unknown[]>(XLSX.read(readFileSync(fixturePath('district-report-hong-dan-2020-09.xlsx'))).Sheets['T9-2020']!, { header: 1, defval: null });
    rows[9]![6] = '2 991';
    rows[10]![6] = null;
    rows[11]![3] = '12,5';
    const file = writeWorkbook(join(dir, 'so-lieu.xlsx'), [{ name: 'T9-2020', rows }]);
    const p = await preview(core, file);
    expect(p.rows[0]!.values['result:BHYT_HGD']).toBe(2991);
    expect(p.rows[1]!.values['result:BHYT_HGD']).toBeNull();
    expect(p.rows[2]!.status).toBe('error');
    expect(p.rows[2]!.issues[0]).toMatchObject({ cell: 'D12' });
    expect(p.rows[2]!.issues[0]!.message).toContain('không phải số nguyên');
  });
});

describe('hostile and broken files are refused with the database unchanged', () => {
  const cases: [string, (path: string) => void][] = [
    ['a PDF renamed .xlsx', (p) => writeFileSync(p, '%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF')],
    ['a PNG renamed .xlsx', (p) => writeFileSync(p, Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'))],
    ['an empty file', (p) => writeFileSync(p, '')],
    ['a truncated zip', (p) => writeFileSync(p, readFileSync(fixturePath('district-report-hong-dan-2020-09.xlsx')).subarray(0, 3000))],
    ['an empty workbook', (p) => writeWorkbook(p, [{ name: 'Trống', rows: [] }])],
    ['a unit list instead of a report', (p) => writeFileSync(p, readFileSync(fixturePath(FIXTURE.unitsHongDan)))],
    ['headers named __proto__ and constructor', (p) => writeWorkbook(p, [{ name: 'S', rows: [['__proto__', 'constructor', 'Đơn vị'], [1, 2, 3]] }])],
    ['a sheet claiming 1,000,000 columns', (p) => {
      const ws = XLSX.utils.aoa_to_sheet([['Đơn vị', 'Thực hiện BHXH TN']]);
      ws['!ref'] = 'A1:ALLL2';
      const wb = XLSX.utils.book_new();
      XLSX.utils.book_append_sheet(wb, ws, 'Rộng');
      writeFileSync(p, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }));
    }],
    ['a zip bomb (declares gigabytes when inflated)', (p) => {
      const bytes = Buffer.from(readFileSync(fixturePath('district-report-hong-dan-2020-09.xlsx')));
      // Patch every central-directory entry to claim 1 GB uncompressed: refused before inflating.
      for (let i = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])); i >= 0; i = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), i + 4)) bytes.writeUInt32LE(1_000_000_000, i + 24);
      writeFileSync(p, bytes);
    }],
    ['5,000 sheets', (p) => {
      // A zip with 5,000 worksheet parts, refused from its directory before anything is parsed.
      const parts = Array.from({ length: 5000 }, (_, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, data: Buffer.from('<worksheet/>') }));
      writeFileSync(p, rawZip([{ name: '[Content_Types].xml', data: Buffer.from('<Types/>') }, ...parts]));
    }],
    ['a password-protected workbook', (p) => {
      const CFB = (XLSX as unknown as { CFB: { utils: { cfb_new(): unknown; cfb_add(c: unknown, n: string, b: Buffer): void }; write(c: unknown, o: object): Buffer } }).CFB;
      const container = CFB.utils.cfb_new();
      CFB.utils.cfb_add(container, '/EncryptionInfo', Buffer.from([4, 0, 4, 0, 0x40, 0, 0, 0]));
      CFB.utils.cfb_add(container, '/EncryptedPackage', Buffer.alloc(64, 1));
      writeFileSync(p, CFB.write(container, { type: 'buffer' }));
    }],
  ];
  it.each(cases)('%s', async (_label, make) => {
    const core = await hongDan();
    const path = join(tempDataDir('bhxh-hostile-'), 'bao-cao.xlsx');
    make(path);
    const before = (await hashDatabase(storeOf(core)));
    const result = await core.dispatch('imports:preview', { file: core.files.registerPath(path) });
    if (result.ok) {
      const value = result.value as ImportPreview;
      expect(value.canCommit).toBe(false);
      expect((await callError(core, 'imports:commit', { sessionId: value.sessionId })).code).toBe('IMPORT_REJECTED');
    } else {
      expect(['FILE_INVALID', 'FILE_TOO_LARGE']).toContain(result.error.code);
      expect(result.error.message).toContain('bao-cao.xlsx');
    }
    expect((await hashDatabase(storeOf(core)))).toBe(before);
  });
});

describe('formula cells and external links', () => {
  it('formula cells use their cached values, even when they point into another workbook', async () => {
    const core = await hongDan();
    const dir = tempDataDir('bhxh-import-');
    const rows = XLSX.utils.sheet_to_json<unknown[]>(XLSX.read(readFileSync(fixturePath('district-report-hong-dan-2020-09.xlsx'))).Sheets['T9-2020']!, { header: 1, defval: null });
    const ws = XLSX.utils.aoa_to_sheet(rows);
    ws['D10'] = { t: 'n', v: 148, f: "'[1]Tổng hợp'!D10" };
    ws['G10'] = { t: 'n', v: 2991, f: 'SUM(G11:G11)-130' };
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, 'T9-2020');
    const file = join(dir, 'cong-thuc.xlsx');
    writeFileSync(file, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }));
    const p = await preview(core, file);
    expect(p.rows[0]!.values['result:BHXH_TN']).toBe(148);
    expect(p.rows[0]!.values['result:BHYT_HGD']).toBe(2991);
  });
});
