import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import * as XLSX from 'xlsx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/contract/result';
import { CsvParser } from '../../../electron/core/excel/stream/csvStream';
import { listSheets, streamSheetRows, streamSheetRowsInWorker, type RowBatch, type StreamCell } from '../../../electron/core/excel/stream/index';
import { SharedStringsBuilder } from '../../../electron/core/excel/stream/sharedStrings';
import { SheetScanner } from '../../../electron/core/excel/stream/sheetScanner';
import { DateStyles, isDateFormat, serialToIso } from '../../../electron/core/excel/stream/styles';
import { PEOPLE_FIRST_ROW, person, personCells, writePeopleXlsx } from '../../bench/peopleFile';
import { handXlsx, sheetXml, sstXml, zipSync } from './zipWriter';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'xlsx-stream-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let fileCount = 0;
function file(bytes: Buffer | string, ext = 'xlsx'): string {
  const path = join(dir, `f${fileCount++}.${ext}`);
  writeFileSync(path, bytes);
  return path;
}

async function collect(batches: AsyncGenerator<RowBatch>): Promise<{ numbers: number[]; rows: StreamCell[][]; batches: number }> {
  const numbers: number[] = [];
  const rows: StreamCell[][] = [];
  let count = 0;
  for await (const batch of batches) {
    count++;
    numbers.push(...batch.rowNumbers);
    rows.push(...batch.rows);
  }
  return { numbers, rows, batches: count };
}

async function failure(run: () => Promise<unknown>): Promise<AppError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

/** SheetJS's reading of the same file, as rows keyed by Excel row number, dates as ISO days. */
function sheetJsRows(path: string, bytes: Buffer): Map<number, StreamCell[]> {
  const workbook = XLSX.read(bytes, { type: 'buffer', cellDates: true, dense: true });
  const sheet = workbook.Sheets[workbook.SheetNames[0]!]!;
  const range = XLSX.utils.decode_range(sheet['!ref']!);
  const data = XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, raw: true, blankrows: true, defval: null });
  const out = new Map<number, StreamCell[]>();
  data.forEach((row, i) => {
    const cells = [...new Array<StreamCell>(range.s.c).fill(null), ...row.map((v) => (v instanceof Date ? iso(v) : v === '' ? null : (v as StreamCell)))];
    while (cells.length && cells.at(-1) === null) cells.pop();
    if (cells.length) out.set(range.s.r + i + 1, cells);
  });
  void path;
  return out;
}

function iso(date: Date): string {
  const noon = new Date(date.getTime() + 12 * 3_600_000);
  return `${noon.getFullYear()}-${String(noon.getMonth() + 1).padStart(2, '0')}-${String(noon.getDate()).padStart(2, '0')}`;
}

describe('xlsx streaming reader', () => {
  it('reads a generated person list like SheetJS does, in exact batches', async () => {
    const path = join(dir, 'people.xlsx');
    await writePeopleXlsx(path, 1000);
    const { numbers, rows, batches } = await collect(streamSheetRows(path, 'danh-sach.xlsx', { batchRows: 300 }));
    expect(batches).toBe(Math.ceil(1003 / 300));
    expect(numbers.slice(0, 4)).toEqual([1, 2, 4, PEOPLE_FIRST_ROW]);
    expect(rows[3]).toEqual(personCells(person(0)));
    expect(rows.at(-1)).toEqual(personCells(person(999)));
    const reference = sheetJsRows(path, (await import('node:fs')).readFileSync(path));
    expect(new Map(numbers.map((n, i) => [n, rows[i]!]))).toEqual(reference);
    expect(await listSheets(path, 'danh-sach.xlsx')).toEqual([{ name: 'Danh sách', index: 0 }]);
  });

  it('matches SheetJS on a SheetJS-written workbook (numbers, text, booleans, dates, gaps), second sheet by name', async () => {
    const first = XLSX.utils.aoa_to_sheet([['only sheet one']]);
    const data: unknown[][] = [
      ['Họ tên', 'Số', 'Ngày', 'Đúng'],
      ['Trần Thị Bé', 1.5, new Date(Date.UTC(1985, 4, 17)), true],
      [],
      [null, -42, new Date(Date.UTC(2001, 0, 1)), false, 'x & <y> "z"'],
      ['0912345678', 1e21, null, null, null, 'xa'],
    ];
    const second = XLSX.utils.aoa_to_sheet(data, { cellDates: true });
    const workbook = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(workbook, first, 'Một');
    XLSX.utils.book_append_sheet(workbook, second, 'Hai & Ba');
    const bytes = XLSX.write(workbook, { type: 'buffer', bookType: 'xlsx', cellDates: false }) as Buffer;
    const path = file(bytes);
    expect(await listSheets(path, 'a.xlsx')).toEqual([
      { name: 'Một', index: 0 },
      { name: 'Hai & Ba', index: 1 },
    ]);
    const { numbers, rows } = await collect(streamSheetRows(path, 'a.xlsx', { sheet: 'Hai & Ba' }));
    expect(numbers).toEqual([1, 2, 4, 5]);
    expect(rows).toEqual([
      ['Họ tên', 'Số', 'Ngày', 'Đúng'],
      ['Trần Thị Bé', 1.5, '1985-05-17', true],
      [null, -42, '2001-01-01', false, 'x & <y> "z"'],
      ['0912345678', 1e21, null, null, null, 'xa'],
    ]);
    const fail = await failure(() => collect(streamSheetRows(path, 'a.xlsx', { sheet: 'Bốn' })));
    expect(fail.code).toBe('FILE_INVALID');
    expect(fail.message).toContain('không có trang tính "Bốn"');
  });

  it('reads an ExcelJS workbook: cached formula results, rich text, dates', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('DS');
    sheet.getCell('A1').value = 'Tổng';
    sheet.getCell('B1').value = { formula: 'SUM(B2:B3)', result: 7 };
    sheet.getCell('C1').value = { formula: 'CONCAT("a","b")', result: 'ab' };
    sheet.getCell('B2').value = 3;
    sheet.getCell('B3').value = 4;
    sheet.getCell('A2').value = { richText: [{ text: 'Nguyễn ' }, { font: { bold: true }, text: 'Văn A' }] };
    sheet.getCell('A3').value = new Date(Date.UTC(1990, 11, 31));
    sheet.getCell('A3').numFmt = 'dd/mm/yyyy';
    sheet.getCell('C3').value = 0.25;
    sheet.getCell('C3').numFmt = '0%';
    const path = file(Buffer.from(await workbook.xlsx.writeBuffer()));
    const { rows } = await collect(streamSheetRows(path, 'e.xlsx'));
    expect(rows).toEqual([
      ['Tổng', 7, 'ab'],
      ['Nguyễn Văn A', 3],
      ['1990-12-31', 4, 0.25],
    ]);
  });

  it('handles hand-written parts: inline strings, rich text, entities, escapes, implicit positions, prefixes', async () => {
    const strings = sstXml([
      '<si><t>Bình thường</t></si>',
      '<si><r><rPr><b/></rPr><t xml:space="preserve">Đầu </t></r><r><t>cuối</t></r><rPh sb="0" eb="1"><t>PHONETIC</t></rPh></si>',
      '<si><t>A &amp; B &lt;C&gt; &quot;D&quot; &apos;E&apos; &#7899; &#x1EA1;</t></si>',
      '<si><t>tab_x0009_here _x005F_x0041_</t></si>',
      '<si/>',
      '<si><t xml:space="preserve">  giữ khoảng trắng  </t></si>',
    ]);
    const styles = '<styleSheet><numFmts count="1"><numFmt numFmtId="165" formatCode="[$-42A]d mmmm yyyy;@"/></numFmts><cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="165"/><xf numFmtId="14"/></cellXfs></styleSheet>';
    const rows =
      '<row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2" t="s"><v>1</v></c><c r="C2" t="s"><v>2</v></c><c r="D2" t="s"><v>3</v></c><c r="E2" t="s"><v>4</v></c><c r="F2" t="s"><v>5</v></c></row>' +
      '<row><c t="inlineStr"><is><t>Nội</t></is></c><c/><c t="inlineStr"><is><r><t>tuyến </t></r><r><t>&amp; giàu</t></r></is></c><c r="F3" t="b"><v>1</v></c></row>' +
      '<row r="5"><c r="A5" s="1"><v>44927</v></c><c s="2"><v>60</v></c><c s="2"><v>61.75</v></c><c t="e"><v>#N/A</v></c><c t="str"><f>A1&amp;"x"</f><v>kết &lt;quả&gt;</v></c><c t="d"><v>2024-02-29T00:00:00</v></c></row>' +
      '<row r="6"><c r="A6"/><c r="B6" t="s"><v>4</v></c></row>' +
      '<row r="7" spans="1:3"><c r="C7"><v>1.25E-3</v></c><c r="D7"><f>C7*2</f><v>2.5E-3</v></c></row>';
    const path = file(handXlsx({ sheets: [{ name: 'S', xml: sheetXml(rows), target: '/xl/worksheets/sheet1.xml' }], sharedStrings: strings, styles }));
    const { numbers, rows: out } = await collect(streamSheetRows(path, 'tay.xlsx'));
    expect(numbers).toEqual([2, 3, 5, 7]);
    expect(out[0]).toEqual(['Bình thường', 'Đầu cuối', 'A & B <C> "D" \'E\' ớ ạ', 'tab\there _x0041_', null, '  giữ khoảng trắng  ']);
    expect(out[1]).toEqual(['Nội', null, 'tuyến & giàu', null, null, true]);
    expect(out[2]).toEqual(['2023-01-01', '1900-02-29', '1900-03-01', '#N/A', 'kết <quả>', '2024-02-29']);
    expect(out[3]).toEqual([null, null, 0.00125, 0.0025]);

    const prefixed = sheetXml('<x:row r="1"><x:c r="B1" t="inlineStr"><x:is><x:t>có tiền tố</x:t></x:is></x:c></x:row>');
    const prefixedPath = file(handXlsx({ sheets: [{ name: 'P', xml: prefixed }], zip64: true }));
    expect((await collect(streamSheetRows(prefixedPath, 'p.xlsx'))).rows).toEqual([[null, 'có tiền tố']]);
  });

  it('honours the 1904 date system', async () => {
    const styles = '<styleSheet><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>';
    const path = file(handXlsx({ sheets: [{ name: 'S', xml: sheetXml('<row r="1"><c r="A1" s="1"><v>0</v></c><c r="B1" s="1"><v>43465</v></c><c r="C1"><v>43465</v></c></row>') }], styles, date1904: true }));
    expect((await collect(streamSheetRows(path, 'mac.xlsx'))).rows).toEqual([['1904-01-01', '2023-01-01', 43465]]);
  });
});

describe('scanner fed in small chunks', () => {
  const strings = '<sst><si><t>Ư</t></si><si><r><t>ạ</t></r><r><t xml:space="preserve"> ố &amp; </t></r></si><si><t>一二三</t></si></sst>';
  const sheet = sheetXml(
    '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>' +
      '<!-- a comment with > and <c> inside --><row r="3"><c r="AA3" t="inlineStr"><is><t>Việt Nam ồ</t></is></c><c r="AB3"><v>123456789012345</v></c><c r="AC3" s="1"><v>32874</v></c></row>',
  );

  function readWith(size: number): { rows: StreamCell[][]; numbers: number[] } {
    const builder = new SharedStringsBuilder();
    const sst = Buffer.from(strings);
    for (let i = 0; i < sst.length; i += size) builder.feed(sst.subarray(i, i + size));
    const rows: StreamCell[][] = [];
    const numbers: number[] = [];
    const scanner = new SheetScanner(builder.finish(), DateStyles.parse('<cellXfs><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs>'), false, (n, cells) => (numbers.push(n), rows.push(cells)), 'x.xlsx', 'S');
    const bytes = Buffer.from(sheet);
    for (let i = 0; i < bytes.length; i += size) scanner.feed(Buffer.from(bytes.subarray(i, i + size)));
    scanner.finish();
    return { rows, numbers };
  }

  it('gives the same rows for 1-byte, 7-byte and whole feeds (UTF-8 and tags split anywhere)', () => {
    const whole = readWith(1 << 20);
    expect(whole.numbers).toEqual([1, 3]);
    expect(whole.rows[0]).toEqual(['Ư', 'ạ ố & ', '一二三']);
    expect(whole.rows[1]!.slice(26)).toEqual(['Việt Nam ồ', 123456789012345, '1990-01-01']);
    expect(readWith(1)).toEqual(whole);
    expect(readWith(7)).toEqual(whole);
  });
});

describe('shared strings past one block of text', () => {
  it('keeps every string whole across the 8 MB blocks (rich-text runs and empty strings included)', () => {
    const builder = new SharedStringsBuilder();
    const expected: string[] = [];
    let xml = '<sst>';
    // ~13 MB of text: strings cross the first block's end, one of them in two rich-text runs.
    for (let i = 0; i < 420_000; i++) {
      const text = i % 1000 === 0 ? '' : `Nguyễn Thị Hòa ${i} ${'x'.repeat(i % 7)}`;
      expected.push(i % 997 === 0 ? `${text}ạ` : text);
      xml += i % 997 === 0 ? `<si><r><t>${text}</t></r><r><t>ạ</t></r></si>` : `<si><t>${text}</t></si>`;
      if (xml.length > 1 << 20) {
        builder.feed(Buffer.from(xml));
        xml = '';
      }
    }
    builder.feed(Buffer.from(`${xml}</sst>`));
    const table = builder.finish();
    expect(table.count).toBe(expected.length);
    expect(table.byteSize()).toBeGreaterThan(8 << 20);
    for (let i = 0; i < expected.length; i++) if (table.get(i) !== expected[i]) expect([i, table.get(i)]).toEqual([i, expected[i]]);
    expect(table.get(expected.length)).toBeNull();
  });
});

describe('dates and styles', () => {
  it('recognises date formats, not times or numbers', () => {
    for (const code of ['dd/mm/yyyy', 'd-mmm-yy', '[$-42A]dd mmmm yyyy', 'mmm yyyy', 'yyyy', 'm/d/yy h:mm']) expect(isDateFormat(code)).toBe(true);
    for (const code of ['0.00', '#,##0 "đồng"', 'h:mm', '[h]:mm:ss', 'General', '0.00E+00', '"ngày"@', '[Red]0']) expect(isDateFormat(code)).toBe(false);
  });

  it('keeps the 1900 leap-year bug', () => {
    expect(serialToIso(1, false)).toBe('1900-01-01');
    expect(serialToIso(59, false)).toBe('1900-02-28');
    expect(serialToIso(60, false)).toBe('1900-02-29');
    expect(serialToIso(61, false)).toBe('1900-03-01');
    expect(serialToIso(45000.9, false)).toBe('2023-03-15');
    expect(serialToIso(1, true)).toBe('1904-01-02');
    expect(serialToIso(-1, false)).toBeNull();
  });
});

describe('csv', () => {
  it('detects ; and parses quotes, "" and newlines inside quotes, with a BOM and CRLF', async () => {
    const text = '\uFEFFHọ tên;Ghi chú;Số\r\n"Lê; Văn";"nói ""chào""\r\nxuống dòng";3.000\r\n\r\n;;\r\nCuối;;x';
    const path = file(text, 'csv');
    const { numbers, rows } = await collect(streamSheetRows(path, 'ds.csv'));
    expect(numbers).toEqual([1, 2, 5]);
    expect(rows).toEqual([
      ['Họ tên', 'Ghi chú', 'Số'],
      ['Lê; Văn', 'nói "chào"\r\nxuống dòng', '3.000'],
      ['Cuối', null, 'x'],
    ]);
    expect(await listSheets(path, 'ds.csv')).toEqual([{ name: 'ds', index: 0 }]);
  });

  it('reads UTF-16LE with its BOM, tab-separated, and the same when fed one character at a time', async () => {
    const text = 'a\tb\tc\n"x\ty"\tĐ\t\n';
    const path = file(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]), 'txt');
    const expected = [['a', 'b', 'c'], ['x\ty', 'Đ']];
    expect((await collect(streamSheetRows(path, 'tab.txt'))).rows).toEqual(expected);
    const rows: StreamCell[][] = [];
    const parser = new CsvParser(0x09, (_n, cells) => rows.push(cells));
    for (const ch of text) parser.feed(ch);
    parser.finish();
    expect(rows).toEqual(expected);
  });
});

describe('refusals', () => {
  const sheet = sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>');
  const parts = (extra: Partial<{ method: number; flags: number; declaredSize: number }>) =>
    zipSync([
      { name: '[Content_Types].xml', data: '<Types/>' },
      { name: 'xl/workbook.xml', data: '<workbook><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>' },
      { name: 'xl/_rels/workbook.xml.rels', data: '<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>' },
      { name: 'xl/worksheets/sheet1.xml', data: sheet, ...extra },
    ], { zip64: (extra.declaredSize ?? 0) > 0xffffffff });

  it('reads the control file', async () => {
    expect((await collect(streamSheetRows(file(parts({})), 'ok.xlsx'))).rows).toEqual([[1]]);
  });

  it.each([
    ['a declared zip bomb', { declaredSize: 5 * 1024 ** 3 }, 'giải nén quá lớn'],
    ['a directory that lies about sizes', { declaredSize: 20 }, 'nhiều hơn kích thước khai báo'],
    ['an encrypted entry', { flags: 1 }, 'mật khẩu'],
    ['an unsupported method', { method: 12 }, 'kiểu nén không hỗ trợ'],
  ])('refuses %s with FILE_INVALID', async (_label, extra, words) => {
    const error = await failure(() => collect(streamSheetRows(file(parts(extra)), 'xau.xlsx')));
    expect(error.code).toBe('FILE_INVALID');
    expect(error.message).toContain('Tệp "xau.xlsx"');
    expect(error.message).toContain(words);
  });

  it('refuses truncated, corrupt, renamed and non-spreadsheet files', async () => {
    const good = parts({});
    const truncated = await failure(() => collect(streamSheetRows(file(good.subarray(0, good.length - 30)), 'cut.xlsx')));
    expect(truncated.code).toBe('FILE_INVALID');
    const corrupt = Buffer.from(good);
    corrupt.fill(0x55, 300, 420);
    expect((await failure(() => collect(streamSheetRows(file(corrupt), 'hong.xlsx')))).code).toBe('FILE_INVALID');
    const pdf = await failure(() => collect(streamSheetRows(file('%PDF-1.7 xyz'), 'a.xlsx')));
    expect(pdf.message).toContain('PDF');
    const word = await failure(() => listSheets(file(zipSync([{ name: 'word/document.xml', data: '<w/>' }])), 'b.xlsx'));
    expect(word.message).toContain('Word');
    const empty = await failure(() => listSheets(file(''), 'rong.xlsx'));
    expect(empty.message).toContain('rỗng');
  });

  it('refuses a big legacy file and asks for .xlsx', async () => {
    const path = file(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), 'xls');
    truncateSync(path, 31 * 1024 * 1024);
    const error = await failure(() => collect(streamSheetRows(path, 'cu.xls')));
    expect(error.code).toBe('FILE_TOO_LARGE');
    expect(error.message).toContain('.xlsx');
  });

  it('reads a small .xls through SheetJS as the same batches', async () => {
    const workbook = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(workbook, XLSX.utils.aoa_to_sheet([['Tên', 'Số'], ['Ánh', 5]]), 'Cũ');
    const path = file(XLSX.write(workbook, { type: 'buffer', bookType: 'biff8' }) as Buffer, 'xls');
    expect(await listSheets(path, 'cu.xls')).toEqual([{ name: 'Cũ', index: 0 }]);
    expect((await collect(streamSheetRows(path, 'cu.xls'))).rows).toEqual([['Tên', 'Số'], ['Ánh', 5]]);
  });
});

describe('cancel and the worker', () => {
  let path: string;
  beforeAll(async () => {
    path = join(dir, 'people-3000.xlsx');
    await writePeopleXlsx(path, 3000);
  });

  it('stops with CANCELLED when the signal is aborted mid-read', async () => {
    const controller = new AbortController();
    const error = await failure(async () => {
      for await (const _batch of streamSheetRows(path, 'p.xlsx', { signal: controller.signal, batchRows: 100 })) controller.abort();
    });
    expect(error.code).toBe('CANCELLED');
    expect(error.message).toContain('Đã hủy việc đọc tệp "p.xlsx"');
  });

  it('gives the same rows from the worker, with progress, and cancels it', async () => {
    const stages = new Set<string>();
    const inThread = await collect(streamSheetRows(path, 'p.xlsx', { batchRows: 250 }));
    const inWorker = await collect(streamSheetRowsInWorker(path, 'p.xlsx', { batchRows: 250, onProgress: (p) => stages.add(p.stage) }));
    expect(inWorker).toEqual(inThread);
    expect(stages).toEqual(new Set(['inflate-strings', 'scan']));
    const controller = new AbortController();
    const error = await failure(async () => {
      for await (const _batch of streamSheetRowsInWorker(path, 'p.xlsx', { signal: controller.signal, batchRows: 100 })) controller.abort();
    });
    expect(error.code).toBe('CANCELLED');
  });
});
