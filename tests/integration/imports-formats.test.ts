import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../electron/core/excel/detectFormat';
import { formatCount } from '../../shared/format/vi';
import { FIXTURE, fixturePath, tempDataDir } from '../helpers/fixtures';
import { expected, expectTrueFigures, hongDan, previewPath } from './importExpected';

const source = () => XLSX.read(readFileSync(fixturePath(FIXTURE.districtReport)));
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** The Hồng Dân report saved the ways offices' software saves it, under names that may lie. */
const FORMATS: { label: string; name: string; bytes: () => Buffer }[] = [
  { label: 'OpenDocument (.ods)', name: 'bao-cao.ods', bytes: () => XLSX.write(source(), { type: 'buffer', bookType: 'ods' }) as Buffer },
  { label: 'OpenDocument renamed .xlsx', name: 'bao-cao-that-ra-la-ods.xlsx', bytes: () => XLSX.write(source(), { type: 'buffer', bookType: 'ods' }) as Buffer },
  { label: 'CSV, UTF-8 with BOM, commas', name: 'bao-cao-bom.csv', bytes: () => Buffer.concat([BOM, Buffer.from(XLSX.write(source(), { type: 'string', bookType: 'csv' }) as string)]) },
  { label: 'CSV, UTF-8 without BOM, commas', name: 'bao-cao.csv', bytes: () => Buffer.from(XLSX.write(source(), { type: 'string', bookType: 'csv' }) as string) },
  {
    label: 'CSV, UTF-8 with BOM, semicolons (Excel in a Vietnamese locale)',
    name: 'bao-cao-cham-phay.csv',
    bytes: () => Buffer.concat([BOM, Buffer.from(XLSX.write(source(), { type: 'string', bookType: 'csv', FS: ';' }) as string)]),
  },
  { label: 'CSV, semicolons, without BOM', name: 'bao-cao-cham-phay-khong-bom.csv', bytes: () => Buffer.from(XLSX.write(source(), { type: 'string', bookType: 'csv', FS: ';' }) as string) },
  { label: 'HTML saved as .xls', name: 'bao-cao-html.xls', bytes: () => Buffer.from(XLSX.write(source(), { type: 'string', bookType: 'html' }) as string) },
  { label: 'SpreadsheetML 2003 XML saved as .xls', name: 'bao-cao-xml.xls', bytes: () => Buffer.from(XLSX.write(source(), { type: 'string', bookType: 'xlml' }) as string) },
];

describe('the same district report in other formats imports to exactly its true figures', () => {
  it.each(FORMATS)('$label', async ({ name, bytes }) => {
    const path = join(tempDataDir('bhxh-formats-'), name);
    writeFileSync(path, bytes());
    const core = await hongDan();
    const p = await previewPath(core, path);
    expect(p.legacyEncoding).toBeNull();
    expect(p.officeName).toBe('BẢO HIỂM XÃ HỘI HUYỆN HỒNG DÂN');
    await expectTrueFigures(core, p);
  });

  it('tells the formats apart by their bytes', () => {
    const kinds = FORMATS.map((f) => detectFormat(f.bytes()));
    expect(kinds).toEqual(['zip', 'zip', 'text', 'text', 'text', 'text', 'text', 'text']);
  });
});

/**
 * The report as office software saves "Excel" files that are really HTML: every figure is the
 * text the user saw, vi-VN formatted ("3.285"), and no type attribute says it is a number.
 */
function htmlAsOtherSoftwareWrites(edit: (rows: unknown[][]) => void = () => {}): Buffer {
  const book = source();
  const sheet = book.Sheets[book.SheetNames[0]!]!;
  const rows = XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, raw: true, defval: null });
  const shown = rows.map((r) => r.map((v) => (typeof v === 'number' ? (Number.isInteger(v) ? formatCount(v) : v.toLocaleString('vi-VN')) : v)));
  edit(shown);
  const out = XLSX.utils.aoa_to_sheet(shown);
  out['!merges'] = sheet['!merges'];
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, out, 'Bao cao');
  const html = XLSX.write(wb, { type: 'string', bookType: 'html' }) as string;
  return Buffer.from(html.replace(/ data-[tv]="[^"]*"/g, ''));
}

describe('HTML saved as .xls with figures typed the Vietnamese way', () => {
  it('"3.285", "15.683" … import as thousands: exactly the true figures', async () => {
    const bytes = htmlAsOtherSoftwareWrites();
    expect(bytes.toString()).toContain('>3.285<');
    expect(bytes.toString()).not.toContain('data-t=');
    const path = join(tempDataDir('bhxh-html-'), 'bao-cao-phan-mem.xls');
    writeFileSync(path, bytes);
    const core = await hongDan();
    await expectTrueFigures(core, await previewPath(core, path));
  });

  it('"3.000" is three thousand, not 3; "3.121,5" is refused naming its cell', async () => {
    const ninhQuoi = expected.units.findIndex((u) => u.typed === 'Ninh Quới');
    let dataRow = -1;
    const bytes = htmlAsOtherSoftwareWrites((rows) => {
      dataRow = rows.findIndex((r) => r[1] === 'Ninh Quới');
      rows[dataRow]![6] = '3.000';
      rows[dataRow + 1]![6] = '3.121,5';
    });
    const path = join(tempDataDir('bhxh-html-'), 'bao-cao-3000.xls');
    writeFileSync(path, bytes);
    const core = await hongDan();
    const p = await previewPath(core, path);
    const row = p.rows[ninhQuoi]!;
    expect(row.typedName).toBe('Ninh Quới');
    expect(row.values['result:BHYT_HGD']).toBe(3000);
    expect(row.status).toBe('ok');
    const next = p.rows[ninhQuoi + 1]!;
    expect(next.status).toBe('error');
    // The next data row sits one below Ninh Quới's; Excel rows count from 1.
    expect(next.issues.map((i) => [i.cell, i.message])).toEqual([[`G${dataRow + 2}`, 'BHYT hộ gia đình — Thực hiện: «3.121,5» không phải số nguyên: số người phải là số nguyên (dấu phẩy là dấu thập phân; hàng nghìn viết 3.285 hoặc 3285).']]);
    expect(p.canCommit).toBe(false);
  });
});
