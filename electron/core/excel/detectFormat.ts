/** What the first bytes say a file is, whatever its name claims. */
export type DetectedFormat = 'zip' | 'cfb' | 'text' | 'pdf' | 'image' | 'empty' | 'binary';

export function detectFormat(bytes: Uint8Array): DetectedFormat {
  if (bytes.length === 0) return 'empty';
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts(0x50, 0x4b, 0x03, 0x04) || starts(0x50, 0x4b, 0x05, 0x06)) return 'zip';
  if (starts(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) return 'cfb';
  if (starts(0x25, 0x50, 0x44, 0x46)) return 'pdf';
  if (starts(0x89, 0x50, 0x4e, 0x47) || starts(0xff, 0xd8, 0xff) || starts(0x47, 0x49, 0x46, 0x38) || starts(0x42, 0x4d)) return 'image';
  const sample = bytes.subarray(0, 4096);
  let control = 0;
  for (const b of sample) if (b === 0 || (b < 9 && b !== 0)) control++;
  return control === 0 ? 'text' : 'binary';
}

export const FORMAT_LABELS: Record<DetectedFormat, string> = {
  zip: 'tệp nén (xlsx/ods)',
  cfb: 'tệp Excel 97-2003',
  text: 'tệp văn bản (csv/html)',
  pdf: 'tệp PDF',
  image: 'tệp hình ảnh',
  empty: 'tệp rỗng',
  binary: 'tệp nhị phân không rõ định dạng',
};

/**
 * Sums the uncompressed sizes a zip's central directory declares, without inflating
 * anything, so a zip bomb is refused before SheetJS touches it.
 */
export function zipDeclaredSize(bytes: Uint8Array): { entries: number; uncompressed: number; worksheets: number; names: string[] } | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (view.getUint32(i, true) !== 0x06054b50) continue;
    const entries = view.getUint16(i + 10, true);
    let offset = view.getUint32(i + 16, true);
    let uncompressed = 0;
    let worksheets = 0;
    const names: string[] = [];
    for (let n = 0; n < entries; n++) {
      if (offset + 46 > bytes.length || view.getUint32(offset, true) !== 0x02014b50) return null;
      uncompressed += view.getUint32(offset + 24, true);
      const nameLength = view.getUint16(offset + 28, true);
      const name = new TextDecoder().decode(bytes.subarray(offset + 46, offset + 46 + nameLength));
      if (/^(xl\/worksheets\/[^/]+\.xml|content\.xml)$/.test(name)) worksheets++;
      if (names.length < 50) names.push(name);
      offset += 46 + view.getUint16(offset + 28, true) + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
    }
    return { entries, uncompressed, worksheets, names };
  }
  return null;
}

/**
 * What a zip that is not a spreadsheet holds, in words (a Word document, a plain archive), or
 * null when it looks like a workbook (xlsx, ods) and SheetJS should read it.
 */
export function zipKind(names: readonly string[]): string | null {
  const has = (test: (n: string) => boolean) => names.some(test);
  if (has((n) => n.startsWith('xl/')) || has((n) => n === 'content.xml' || n === 'mimetype')) return null;
  if (has((n) => n.startsWith('word/'))) return 'một văn bản Word (.docx)';
  if (has((n) => n.startsWith('ppt/'))) return 'một bài trình chiếu PowerPoint (.pptx)';
  if (has((n) => n === '[Content_Types].xml')) return null;
  const shown = names.filter((n) => !n.endsWith('/')).slice(0, 3).map((n) => `"${n}"`).join(', ');
  return `một tệp nén .zip${shown ? ` (chứa ${shown}${names.length > 3 ? ' …' : ''})` : ''}; hãy giải nén rồi chọn tệp .xlsx bên trong`;
}

/** Extensions of formats that are zips (never plain text). */
export const ZIP_EXTENSIONS = /\.(xlsx|xlsm|xltx|ods)$/i;
