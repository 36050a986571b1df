import { readFileSync, writeFileSync } from 'node:fs';
import * as XLSX from 'xlsx';

/** Rows of the first sheet of a workbook file, as SheetJS reads them (header row included). */
export function readRows(path: string, bytes?: Buffer): unknown[][] {
  const wb = XLSX.read(bytes ?? readFileSync(path), { type: 'buffer' });
  const sheet = wb.Sheets[wb.SheetNames[0]!]!;
  return XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, raw: true, defval: null });
}

/** Writes an .xlsx with the given sheets (array-of-arrays rows); returns the path. */
export function writeWorkbook(path: string, sheets: { name: string; rows: unknown[][] }[]): string {
  const wb = XLSX.utils.book_new();
  for (const s of sheets) XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(s.rows), s.name);
  writeFileSync(path, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
  return path;
}

/** RFC 4180 CSV text. */
export function toCsv(rows: unknown[][]): string {
  const cell = (v: unknown) => {
    const s = v === null || v === undefined ? '' : String(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}
