// A province's person list as an office would send it: two title rows, a header, then one person
// per row in 11 columns, strings shared like Excel writes them. Written straight to a zip with
// zlib's deflate (SheetJS would take minutes and gigabytes at 1M rows). Deterministic: row i is
// the same whatever the row count, so tests can use 1,000 rows and benches 1,000,000.
import { once } from 'node:events';
import { createWriteStream, statSync, type WriteStream } from 'node:fs';
import { crc32, createDeflateRaw } from 'node:zlib';
import { columnLetterAt } from '../../shared/format/cells';

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Huỳnh', 'Hoàng', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý', 'Thạch', 'Lâm', 'Trương', 'Tô'];
const MIDDLE = [
  ['Văn', 'Hữu', 'Minh', 'Quốc', 'Đức', 'Thanh', 'Hoàng', 'Công', 'Tấn', 'Phước'],
  ['Thị', 'Ngọc', 'Thị Kim', 'Thị Mỹ', 'Hồng', 'Thanh', 'Thị Thu', 'Bích', 'Thị Ngọc', 'Phương'],
];
const GIVEN = [
  ['An', 'Bình', 'Cường', 'Dũng', 'Đạt', 'Hải', 'Hiếu', 'Hùng', 'Huy', 'Khang', 'Khoa', 'Lâm', 'Long', 'Lộc', 'Minh', 'Nam', 'Nghĩa', 'Phát', 'Phong', 'Phúc', 'Quang', 'Sang', 'Sơn', 'Tài', 'Tâm', 'Thắng', 'Thành', 'Thịnh', 'Toàn', 'Trí', 'Trung', 'Tuấn', 'Tùng', 'Việt', 'Vinh', 'Vũ', 'Bảo', 'Hậu', 'Nhân', 'Tín'],
  ['Anh', 'Châu', 'Diễm', 'Dung', 'Duyên', 'Giang', 'Hà', 'Hạnh', 'Hằng', 'Hiền', 'Hoa', 'Hương', 'Huyền', 'Lan', 'Liên', 'Linh', 'Loan', 'Mai', 'My', 'Nga', 'Ngân', 'Nhi', 'Nhung', 'Oanh', 'Phượng', 'Quyên', 'Thảo', 'Thu', 'Thủy', 'Tiên', 'Trang', 'Trinh', 'Tuyết', 'Uyên', 'Vân', 'Xuân', 'Yến', 'Ánh', 'Hồng', 'Kiều'],
];
const PLACES = ['An Hiệp', 'An Ninh', 'An Lạc Thôn', 'Ba Trinh', 'Châu Khánh', 'Đại Hải', 'Đại Ân 1', 'Đại Ân 2', 'Gia Hòa 1', 'Gia Hòa 2', 'Hòa Tú 1', 'Hòa Tú 2', 'Hồ Đắc Kiện', 'Hưng Phú', 'Kế An', 'Kế Thành', 'Lai Hòa', 'Lịch Hội Thượng', 'Liêu Tú', 'Long Bình', 'Long Đức', 'Long Hưng', 'Mỹ Hương', 'Mỹ Phước', 'Mỹ Quới', 'Mỹ Tú', 'Mỹ Xuyên', 'Ngọc Đông', 'Ngọc Tố', 'Nhơn Mỹ', 'Phong Nẫm', 'Phú Hữu', 'Phú Lộc', 'Phú Tâm', 'Tài Văn', 'Tân Hưng', 'Tân Long', 'Thạnh Phú', 'Thạnh Quới', 'Thạnh Tân', 'Thuận Hòa', 'Trần Đề', 'Trinh Phú', 'Trường Khánh', 'Viên An', 'Vĩnh Châu', 'Vĩnh Hải', 'Vĩnh Lợi', 'Vĩnh Phước', 'Xuân Hòa'];
const COMMUNES = PLACES.flatMap((p, i) => [`Xã ${p}`, `${i % 3 === 0 ? 'Phường' : 'Thị trấn'} ${p}`]);
const HAMLETS = [...Array.from({ length: 15 }, (_, i) => `Ấp ${i + 1}`), ...Array.from({ length: 10 }, (_, i) => `Khu phố ${i + 1}`), 'Ấp Hòa Bình', 'Ấp Phú Thứ', 'Ấp Trà Quýt', 'Ấp Sóc Vồ', 'Ấp Bưng Sa'];
const METHODS = ['Hằng tháng', '3 tháng', '6 tháng', '12 tháng'];
const PHONE_PREFIXES = ['032', '033', '034', '035', '036', '037', '038', '039', '056', '058', '070', '076', '077', '078', '079', '081', '082', '083', '084', '085', '086', '088', '089', '090', '091', '093', '094', '096', '097', '098'];
const CARD_KINDS = ['GD', 'GD', 'GD', 'HT', 'CN', 'TE', 'HS', 'BT'];
const PROVINCES = [
  { cccd: '094', code: '94' },
  { cccd: '095', code: '95' },
];
export const PEOPLE_HEADER = ['STT', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Số CCCD', 'Mã số BHXH', 'Số điện thoại', 'Xã/phường', 'Ấp/khu phố', 'Số thẻ BHYT', 'Phương thức đóng'];
export const PEOPLE_TITLES = ['DANH SÁCH NGƯỜI THAM GIA BHXH TỰ NGUYỆN, BHYT HỘ GIA ĐÌNH', 'Đơn vị: Bảo hiểm xã hội tỉnh Sóc Trăng – Bạc Liêu'];
/** Excel row of the first person: titles in 1–2, a blank row, the header in 4. */
export const PEOPLE_FIRST_ROW = 5;

// Shared strings: a fixed vocabulary first (titles, header, names, places…), then four unique
// strings per person (CCCD, BHXH, phone, card) at VOCABULARY.length + 4 * i + k.
const NAMES: string[] = [];
for (const family of FAMILY) for (const sex of [0, 1]) for (const middle of MIDDLE[sex]!) for (const given of GIVEN[sex]!) NAMES.push(`${family} ${middle} ${given}`);
const GENDERS = ['Nam', 'Nữ'];
const VOCABULARY = [...PEOPLE_TITLES, ...PEOPLE_HEADER, ...GENDERS, ...COMMUNES, ...HAMLETS, ...METHODS, ...NAMES];
const AT = { title: 0, header: PEOPLE_TITLES.length, gender: PEOPLE_TITLES.length + PEOPLE_HEADER.length } as const;
const AT_COMMUNE = AT.gender + GENDERS.length;
const AT_HAMLET = AT_COMMUNE + COMMUNES.length;
const AT_METHOD = AT_HAMLET + HAMLETS.length;
const AT_NAME = AT_METHOD + METHODS.length;
const PER_NAME_SEX = MIDDLE[0]!.length * GIVEN[0]!.length;

export interface Person {
  stt: number;
  name: number; // index into NAMES
  sex: number; // 0 male, 1 female
  birthSerial: number;
  cccd: string;
  bhxh: string;
  phone: string;
  commune: number;
  hamlet: number;
  card: string;
  method: number;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/** Person i (0-based), from a PRNG seeded by i alone. */
export function person(i: number): Person {
  let seed = (i * 2654435761 + 0x9e3779b9) >>> 0;
  const random = () => {
    // mulberry32
    seed = (seed + 0x6d2b79f5) >>> 0;
    let t = seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = (n: number) => Math.floor(random() * n);
  const sex = pick(2);
  const family = pick(FAMILY.length);
  const name = (family * 2 + sex) * PER_NAME_SEX + pick(PER_NAME_SEX);
  const year = 1940 + pick(80);
  const birth = Date.UTC(year, 0, 1) + pick(365) * 86_400_000;
  const province = PROVINCES[pick(PROVINCES.length)]!;
  const centurySex = (year >= 2000 ? 2 : 0) + sex;
  // Multiplying by a number prime to 10^k permutes 0…10^k−1: the numbers stay unique per row.
  const cccd = `${province.cccd}${centurySex}${pad(year % 100, 2)}${pad((i * 7919 + 12345) % 1_000_000, 6)}`;
  const bhxh = `${province.code}${pad((i * 15_485_863 + 7) % 100_000_000, 8)}`;
  const phone = `${PHONE_PREFIXES[pick(PHONE_PREFIXES.length)]}${pad((i * 1_299_709 + 3) % 10_000_000, 7)}`;
  const card = `${CARD_KINDS[pick(CARD_KINDS.length)]}${1 + pick(5)}${province.code}${bhxh}`;
  return { stt: i + 1, name, sex, birthSerial: birth / 86_400_000 + 25569, cccd, bhxh, phone, commune: pick(COMMUNES.length), hamlet: pick(HAMLETS.length), card, method: pick(METHODS.length) };
}

export function personName(p: Person): string {
  return NAMES[p.name]!;
}

/** The row as the reader should give it (dates as ISO days). */
export function personCells(p: Person): (string | number)[] {
  const iso = new Date((p.birthSerial - 25569) * 86_400_000).toISOString().slice(0, 10);
  return [p.stt, NAMES[p.name]!, iso, GENDERS[p.sex]!, p.cccd, p.bhxh, p.phone, COMMUNES[p.commune]!, HAMLETS[p.hamlet]!, p.card, METHODS[p.method]!];
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A zip written entry by entry, each deflated while it is produced (data descriptors, no ZIP64). */
class ZipStreamWriter {
  private readonly out: WriteStream;
  private offset = 0;
  private readonly central: Buffer[] = [];
  private count = 0;

  constructor(path: string) {
    this.out = createWriteStream(path, { highWaterMark: 4 * 1024 * 1024 });
  }

  private async write(buf: Buffer): Promise<void> {
    this.offset += buf.length;
    if (!this.out.write(buf)) await once(this.out, 'drain');
  }

  async entry(name: string, produce: (push: (chunk: Buffer) => Promise<void>) => Promise<void>): Promise<void> {
    const nameBytes = Buffer.from(name, 'utf8');
    const start = this.offset;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0808, 6); // sizes in a data descriptor; UTF-8 names
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(nameBytes.length, 26);
    await this.write(Buffer.concat([local, nameBytes]));
    const deflate = createDeflateRaw({ level: 6, chunkSize: 1 << 20 });
    let crc = 0;
    let size = 0;
    let compressed = 0;
    deflate.on('data', (chunk: Buffer) => {
      compressed += chunk.length;
      this.offset += chunk.length;
      if (!this.out.write(chunk)) {
        deflate.pause();
        this.out.once('drain', () => deflate.resume());
      }
    });
    const ended = once(deflate, 'end');
    await produce(async (chunk) => {
      crc = crc32(chunk, crc);
      size += chunk.length;
      if (!deflate.write(chunk)) await once(deflate, 'drain');
    });
    deflate.end();
    await ended;
    if (size >= 0xffffffff || this.offset >= 0xffffffff) throw new Error('peopleFile: parts past 4 GB need ZIP64, which this writer does not do');
    const descriptor = Buffer.alloc(16);
    descriptor.writeUInt32LE(0x08074b50, 0);
    descriptor.writeUInt32LE(crc, 4);
    descriptor.writeUInt32LE(compressed, 8);
    descriptor.writeUInt32LE(size, 12);
    await this.write(descriptor);
    const head = Buffer.alloc(46);
    head.writeUInt32LE(0x02014b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(20, 6);
    head.writeUInt16LE(0x0808, 8);
    head.writeUInt16LE(8, 10);
    head.writeUInt32LE(crc, 16);
    head.writeUInt32LE(compressed, 20);
    head.writeUInt32LE(size, 24);
    head.writeUInt16LE(nameBytes.length, 28);
    head.writeUInt32LE(start, 42);
    this.central.push(head, nameBytes);
    this.count++;
  }

  async text(name: string, text: string): Promise<void> {
    await this.entry(name, (push) => push(Buffer.from(text, 'utf8')));
  }

  async close(): Promise<void> {
    const directory = Buffer.concat(this.central);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.count, 8);
    end.writeUInt16LE(this.count, 10);
    end.writeUInt32LE(directory.length, 12);
    end.writeUInt32LE(this.offset, 16);
    await this.write(Buffer.concat([directory, end]));
    this.out.end();
    await once(this.out, 'finish');
  }
}

/** Batches text into ~1 MB buffers before handing it to the deflater. */
function chunker(push: (chunk: Buffer) => Promise<void>, encoding: 'latin1' | 'utf8') {
  let parts: string[] = [];
  let length = 0;
  return {
    async add(text: string) {
      parts.push(text);
      length += text.length;
      if (length >= 1 << 20) {
        const joined = parts.join('');
        parts = [];
        length = 0;
        await push(Buffer.from(joined, encoding));
      }
    },
    async flush() {
      if (parts.length) await push(Buffer.from(parts.join(''), encoding));
    },
  };
}

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';
const STYLES = `${XML_HEAD}<styleSheet ${NS}><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts><fonts count="1"><font><sz val="11"/><name val="Times New Roman"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>`;
const COLUMNS = 'ABCDEFGHIJK';

function personRowXml(p: Person, r: number, i: number): string {
  const u = VOCABULARY.length + 4 * i;
  return (
    `<row r="${r}" spans="1:11"><c r="A${r}"><v>${p.stt}</v></c><c r="B${r}" t="s"><v>${AT_NAME + p.name}</v></c><c r="C${r}" s="1"><v>${p.birthSerial}</v></c>` +
    `<c r="D${r}" t="s"><v>${AT.gender + p.sex}</v></c><c r="E${r}" s="2" t="s"><v>${u}</v></c><c r="F${r}" s="2" t="s"><v>${u + 1}</v></c><c r="G${r}" s="2" t="s"><v>${u + 2}</v></c>` +
    `<c r="H${r}" t="s"><v>${AT_COMMUNE + p.commune}</v></c><c r="I${r}" t="s"><v>${AT_HAMLET + p.hamlet}</v></c><c r="J${r}" s="2" t="s"><v>${u + 3}</v></c><c r="K${r}" t="s"><v>${AT_METHOD + p.method}</v></c></row>`
  );
}

/** Writes the list as .xlsx (sheet "Danh sách"); returns its size. */
export async function writePeopleXlsx(path: string, rows: number): Promise<{ bytes: number }> {
  const zip = new ZipStreamWriter(path);
  await zip.text('[Content_Types].xml', `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`);
  await zip.text('_rels/.rels', `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  await zip.text('xl/workbook.xml', `${XML_HEAD}<workbook ${NS} xmlns:r="${REL}"><workbookPr defaultThemeVersion="124226"/><sheets><sheet name="Danh sách" sheetId="1" r:id="rId1"/></sheets></workbook>`);
  await zip.text('xl/_rels/workbook.xml.rels', `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId3" Type="${REL}/styles" Target="styles.xml"/><Relationship Id="rId4" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`);
  const last = PEOPLE_FIRST_ROW + rows - 1;
  await zip.entry('xl/worksheets/sheet1.xml', async (push) => {
    const out = chunker(push, 'latin1');
    await out.add(`${XML_HEAD}<worksheet ${NS} xmlns:r="${REL}"><dimension ref="A1:K${last}"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/><cols><col min="1" max="11" width="16" customWidth="1"/></cols><sheetData>`);
    await out.add(`<row r="1"><c r="A1" t="s"><v>${AT.title}</v></c></row><row r="2"><c r="A2" t="s"><v>${AT.title + 1}</v></c></row>`);
    await out.add(`<row r="4" spans="1:11">${PEOPLE_HEADER.map((_, k) => `<c r="${COLUMNS[k]}4" t="s"><v>${AT.header + k}</v></c>`).join('')}</row>`);
    for (let i = 0; i < rows; i++) await out.add(personRowXml(person(i), PEOPLE_FIRST_ROW + i, i));
    await out.add(`</sheetData><mergeCells count="2"><mergeCell ref="A1:K1"/><mergeCell ref="A2:K2"/></mergeCells><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`);
    await out.flush();
  });
  await zip.text('xl/styles.xml', STYLES);
  await zip.entry('xl/sharedStrings.xml', async (push) => {
    const out = chunker(push, 'utf8');
    const total = VOCABULARY.length + 4 * rows;
    await out.add(`${XML_HEAD}<sst ${NS} count="${total + 6 * rows}" uniqueCount="${total}">`);
    for (const text of VOCABULARY) await out.add(`<si><t>${escapeXml(text)}</t></si>`);
    for (let i = 0; i < rows; i++) {
      const p = person(i);
      await out.add(`<si><t>${p.cccd}</t></si><si><t>${p.bhxh}</t></si><si><t>${p.phone}</t></si><si><t>${p.card}</t></si>`);
    }
    await out.add('</sst>');
    await out.flush();
  });
  await zip.close();
  return { bytes: statSync(path).size };
}

/** The same persons as CSV (header + rows, ISO dates): the floor an `sqlite3 .import` sets. */
export async function writePeopleCsv(path: string, rows: number): Promise<{ bytes: number }> {
  const out = createWriteStream(path, { highWaterMark: 4 * 1024 * 1024 });
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  await write(`${PEOPLE_HEADER.join(',')}\n`);
  let parts: string[] = [];
  for (let i = 0; i < rows; i++) {
    parts.push(`${personCells(person(i)).join(',')}\n`);
    if (parts.length >= 5000) {
      await write(parts.join(''));
      parts = [];
    }
  }
  await write(parts.join(''));
  out.end();
  await once(out, 'finish');
  return { bytes: statSync(path).size };
}

/**
 * Any one-sheet table as .xlsx, written streaming (inline strings, no shared-strings part): the
 * big files tests need to watch a read in progress, in seconds rather than SheetJS's minutes.
 */
export async function writeRowsXlsx(path: string, sheet: string, header: string[], rows: number, row: (i: number) => (string | number)[]): Promise<void> {
  const zip = new ZipStreamWriter(path);
  const cell = (v: string | number, ref: string) => (typeof v === 'number' ? `<c r="${ref}"><v>${v}</v></c>` : `<c r="${ref}" t="inlineStr"><is><t>${escapeXml(v)}</t></is></c>`);
  const line = (cells: (string | number)[], r: number) => `<row r="${r}">${cells.map((v, k) => cell(v, `${columnLetterAt(k)}${r}`)).join('')}</row>`;
  await zip.text('[Content_Types].xml', `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`);
  await zip.text('_rels/.rels', `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  await zip.text('xl/workbook.xml', `${XML_HEAD}<workbook ${NS} xmlns:r="${REL}"><sheets><sheet name="${escapeXml(sheet)}" sheetId="1" r:id="rId1"/></sheets></workbook>`);
  await zip.text('xl/_rels/workbook.xml.rels', `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`);
  await zip.entry('xl/worksheets/sheet1.xml', async (push) => {
    const out = chunker(push, 'utf8');
    await out.add(`${XML_HEAD}<worksheet ${NS}><sheetData>${line(header, 1)}`);
    for (let i = 0; i < rows; i++) await out.add(line(row(i), i + 2));
    await out.add('</sheetData></worksheet>');
    await out.flush();
  });
  await zip.close();
}
