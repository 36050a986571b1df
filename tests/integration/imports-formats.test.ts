import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../electron/core/excel/detectFormat';
import { FIXTURE, fixturePath, tempDataDir } from '../helpers/fixtures';
import { expectTrueFigures, hongDan, previewPath } from './importExpected';

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
