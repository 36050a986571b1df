import { columnName, invalidFile } from './errors';
import type { SharedStrings } from './sharedStrings';
import { serialToIso, type DateStyles } from './styles';
import type { StreamCell } from './types';
import { unescapeXml } from './xmlText';

export type RowSink = (rowNumber: number, cells: StreamCell[]) => void;

/** Excel's last column is XFD; a cell past it is corruption, not data. */
const MAX_COLUMNS = 16_384;
/** A carried partial element this big is no cell (Excel caps a cell at 32,767 characters). */
const MAX_CARRY = 16 * 1024 * 1024;
/** Bytes of the next chunk joined to a carried element: a few rows' worth. */
const BRIDGE = 8192;
/** Merged ranges kept of one sheet: a report has dozens; more is a hostile file, not a layout. */
const MAX_MERGES = 10_000;

// Cell types (the t attribute), as small ints for the hot path.
const NUMBER = 0;
const SHARED = 1;
const STR = 2;
const INLINE = 3;
const BOOL = 4;
const ERROR = 5;
const ISO_DATE = 6;

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const COLON = 0x3a;

/**
 * A byte scanner for worksheet XML, fed inflated chunks. It understands only what a sheet's rows
 * need (`<row>`, `<c>`, `<v>`, `<is><t>`), skips everything else tag by tag, and never builds a
 * DOM. An element cut by a chunk boundary (a tag, a cell, a UTF-8 character inside it) is carried
 * whole to the next chunk and parsed again from its `<`.
 */
export class SheetScanner {
  cells = 0;
  rows = 0;
  /** `<mergeCell ref="A1:K1"/>` ranges (after `</sheetData>`), as written. */
  readonly merges: string[] = [];
  private carry: Buffer | null = null;
  private row: StreamCell[] = [];
  private rowNumber = 0;
  private inRow = false;
  /** `</sheetData>` (or `<sheetData/>`) was seen. */
  private complete = false;
  private hasValue = false;
  private nextColumn = 0;
  private readonly isoCache = new Map<number, string | null>();

  constructor(
    private readonly strings: SharedStrings,
    private readonly styles: DateStyles,
    private readonly date1904: boolean,
    private readonly sink: RowSink,
    private readonly fileName: string,
    private readonly sheetName: string,
  ) {}

  feed(chunk: Buffer): void {
    let from = 0;
    const carry = this.carry;
    if (carry) {
      // The element cut by the last boundary is finished on a small bridge (carry + the chunk's
      // first bytes) rather than copying every chunk behind the carry.
      const bridge = Buffer.concat([carry, chunk.subarray(0, BRIDGE)]);
      const stop = this.scan(bridge, 0);
      if (stop >= carry.length) from = stop - carry.length;
      else {
        // An element longer than the bridge (a long text cell): join it all, once.
        const whole = Buffer.concat([carry, chunk]);
        return this.keep(whole, this.scan(whole, stop));
      }
    }
    this.keep(chunk, this.scan(chunk, from));
  }

  private keep(buf: Buffer, stop: number): void {
    if (stop >= buf.length) this.carry = null;
    else {
      if (buf.length - stop > MAX_CARRY) throw invalidFile(this.fileName)(`bị hỏng: trang tính "${this.sheetName}" có một phần tử quá dài.`, { sheet: this.sheetName });
      this.carry = Buffer.from(buf.subarray(stop));
    }
  }

  /**
   * The end of the sheet: its XML must have closed `<sheetData>`. A sheet cut short inside a whole
   * zip (a producer that stopped writing) is refused rather than read as a shorter list.
   */
  finish(): void {
    if (!this.complete) {
      const where = this.rowNumber > 0 ? ` sau dòng ${this.rowNumber}` : '';
      throw invalidFile(this.fileName)(`bị hỏng: trang tính "${this.sheetName}" bị cắt cụt${where} (thiếu phần cuối của trang). Hãy mở tệp bằng Excel, lưu lại rồi chọn lại.`, { sheet: this.sheetName, row: this.rowNumber });
    }
    if (this.inRow) this.endRow();
  }

  private scan(buf: Buffer, from: number): number {
    const end = buf.length;
    let pos = from;
    for (;;) {
      let lt = pos;
      while (lt < end && buf[lt] !== LT) lt++;
      if (lt + 1 >= end) return lt >= end ? end : lt;
      const second = buf[lt + 1]!;
      if (second === 0x21 || second === 0x3f) {
        // <!-- comment -->, <![CDATA[ ]]> outside cells, <?xml ?>: skipped whole.
        const comment = second === 0x21 && buf[lt + 2] === 0x2d;
        const close = comment ? buf.indexOf('-->', lt + 4) : buf.indexOf(GT, lt);
        if (close < 0) return lt;
        pos = close + (comment ? 3 : 1);
        continue;
      }
      const closing = second === SLASH;
      let j = closing ? lt + 2 : lt + 1;
      let local = j;
      for (; j < end; j++) {
        const b = buf[j]!;
        if (b === GT || b === SLASH || b <= 0x20) break;
        if (b === COLON) local = j + 1;
      }
      if (j >= end) return lt;
      const length = j - local;
      const first = buf[local];
      if (!closing && length === 1 && first === 0x63) {
        const next = this.cell(buf, j, end);
        if (next < 0) return lt;
        pos = next;
        continue;
      }
      const gt = buf.indexOf(GT, j);
      if (gt < 0) return lt;
      if (length === 9 && first === 0x73 && (closing || buf[gt - 1] === SLASH) && buf.toString('latin1', local, j) === 'sheetData') this.complete = true;
      else if (length === 9 && first === 0x6d && !closing && this.merges.length < MAX_MERGES && buf.toString('latin1', local, j) === 'mergeCell') {
        const ref = refAttribute(buf.toString('latin1', j, gt));
        if (ref) this.merges.push(ref);
      }
      if (length === 3 && first === 0x72 && buf[local + 1] === 0x6f && buf[local + 2] === 0x77) {
        if (closing) this.endRow();
        else {
          if (this.inRow) this.endRow();
          this.startRow(rowAttribute(buf, j, gt));
          if (buf[gt - 1] === SLASH) this.endRow();
        }
      }
      pos = gt + 1;
    }
  }

  private startRow(explicit: number): void {
    this.rowNumber = explicit > 0 ? explicit : this.rowNumber + 1;
    this.inRow = true;
    this.hasValue = false;
    this.nextColumn = 0;
  }

  private endRow(): void {
    this.inRow = false;
    if (!this.hasValue) {
      if (this.row.length) this.row = [];
      return;
    }
    this.rows++;
    this.sink(this.rowNumber, this.row);
    this.row = [];
    this.hasValue = false;
  }

  /** Parses one `<c …>…</c>` or `<c …/>` from just after its name; -1 when the chunk ends inside it. */
  private cell(buf: Buffer, at: number, end: number): number {
    let i = at;
    let column = -1;
    let style = 0;
    let type = NUMBER;
    for (;;) {
      if (i >= end) return -1;
      const b = buf[i]!;
      if (b === GT) {
        i++;
        break;
      }
      if (b === SLASH) {
        if (i + 1 >= end) return -1;
        this.nextColumn = (column >= 0 ? column : this.nextColumn) + 1;
        return i + 2;
      }
      if (b <= 0x20) {
        i++;
        continue;
      }
      const nameStart = i;
      while (i < end && buf[i] !== 0x3d) i++;
      if (i >= end) return -1;
      let nameEnd = i;
      while (nameEnd > nameStart && buf[nameEnd - 1]! <= 0x20) nameEnd--;
      while (i < end && buf[i] !== 0x22 && buf[i] !== 0x27) i++;
      if (i >= end) return -1;
      const quote = buf[i];
      const valueStart = ++i;
      while (i < end && buf[i] !== quote) i++;
      if (i >= end) return -1;
      if (nameEnd - nameStart === 1) {
        const name = buf[nameStart];
        if (name === 0x72) column = columnOf(buf, valueStart, i);
        else if (name === 0x73) style = digitsOf(buf, valueStart, i);
        else if (name === 0x74) type = typeOf(buf, valueStart, i);
      }
      i++;
    }
    let valueStart = -1;
    let valueEnd = -1;
    let escaped = false;
    let inline: string[] | null = null;
    let inInline = false;
    let phonetic = 0;
    for (;;) {
      while (i < end && buf[i] !== LT) i++;
      if (i + 1 >= end) return -1;
      let j = i + 1;
      const closing = buf[j] === SLASH;
      if (closing) j++;
      let local = j;
      for (; j < end; j++) {
        const b = buf[j]!;
        if (b === GT || b === SLASH || b <= 0x20) break;
        if (b === COLON) local = j + 1;
      }
      const length = j - local;
      const first = buf[local];
      while (j < end && buf[j] !== GT) j++;
      if (j >= end) return -1;
      i = j + 1;
      if (closing) {
        if (length === 1 && first === 0x63) break;
        if (length === 2 && first === 0x69) inInline = false;
        else if (length === 3 && first === 0x72 && buf[local + 1] === 0x50) phonetic = Math.max(0, phonetic - 1);
        continue;
      }
      if (buf[j - 1] === SLASH) continue;
      if (length === 1 && first === 0x76) {
        valueStart = i;
        while (i < end && buf[i] !== LT) {
          const b = buf[i]!;
          if (b === 0x26 || b === 0x5f) escaped = true;
          i++;
        }
        if (i >= end) return -1;
        valueEnd = i;
      } else if (length === 1 && first === 0x74 && inInline && phonetic === 0) {
        const textStart = i;
        let textEscaped = false;
        while (i < end && buf[i] !== LT) {
          const b = buf[i]!;
          if (b === 0x26 || b === 0x5f) textEscaped = true;
          i++;
        }
        if (i >= end) return -1;
        (inline ??= []).push(text(buf, textStart, i, textEscaped));
      } else if (length === 2 && first === 0x69 && buf[local + 1] === 0x73) inInline = true;
      else if (length === 3 && first === 0x72 && buf[local + 1] === 0x50 && buf[local + 2] === 0x68) phonetic++;
    }
    if (column < 0) column = this.nextColumn;
    this.nextColumn = column + 1;
    const value = inline ? inline.join('') : valueStart < 0 ? null : this.value(buf, valueStart, valueEnd, type, style, escaped);
    if (value === null || value === '') return i;
    if (column >= MAX_COLUMNS) throw invalidFile(this.fileName)(`bị hỏng: trang tính "${this.sheetName}" có ô ngoài cột cuối cùng (XFD) ở dòng ${this.rowNumber}.`, { sheet: this.sheetName, row: this.rowNumber });
    const row = this.row;
    while (row.length < column) row.push(null);
    row[column] = value;
    this.hasValue = true;
    this.cells++;
    return i;
  }

  private value(buf: Buffer, start: number, end: number, type: number, style: number, escaped: boolean): StreamCell {
    switch (type) {
      case SHARED:
        return this.strings.get(digitsOf(buf, start, end));
      case NUMBER: {
        if (start === end) return null;
        const number = numberOf(buf, start, end);
        if (Number.isNaN(number)) return null;
        return this.styles.isDate(style) ? this.isoDate(number) : number;
      }
      case BOOL:
        return buf[start] === 0x31 || buf[start] === 0x74;
      case ISO_DATE: {
        const raw = text(buf, start, end, escaped).trim();
        return /^\d{4}-\d{2}-\d{2}/.test(raw) ? raw.slice(0, 10) : raw;
      }
      default:
        // STR (formula text), ERROR (#N/A …: kept as its text so a message can quote it), INLINE with a <v>.
        return text(buf, start, end, escaped);
    }
  }

  private isoDate(serial: number): string | number {
    const whole = Math.floor(serial);
    let iso = this.isoCache.get(whole);
    if (iso === undefined) {
      iso = serialToIso(whole, this.date1904);
      if (this.isoCache.size > 100_000) this.isoCache.clear();
      this.isoCache.set(whole, iso);
    }
    return iso ?? serial;
  }

  /** Where the scan is, for messages ("ô B7"). */
  position(): string {
    return `${columnName(Math.max(0, this.nextColumn - 1))}${this.rowNumber}`;
  }
}

function text(buf: Buffer, start: number, end: number, escaped: boolean): string {
  const raw = buf.toString('utf8', start, end);
  return escaped ? unescapeXml(raw) : raw;
}

/** The r attribute of a `<row …>` tag, or 0 when it has none (position implicit). */
/** The ref="A1:K1" of a mergeCell tag's attributes (ASCII). */
function refAttribute(attributes: string): string | null {
  return /\sref\s*=\s*["']([A-Za-z]{1,3}\d{1,7}(?::[A-Za-z]{1,3}\d{1,7})?)["']/.exec(attributes)?.[1]?.toUpperCase() ?? null;
}

function rowAttribute(buf: Buffer, from: number, to: number): number {
  for (let k = from; k < to - 2; k++) {
    if (buf[k] === 0x72 && buf[k - 1]! <= 0x20 && buf[k + 1] === 0x3d) {
      const quote = k + 2;
      const close = buf.indexOf(buf[quote]!, quote + 1);
      return close > 0 && close <= to ? digitsOf(buf, quote + 1, close) : 0;
    }
  }
  return 0;
}

/** 0-based column of a reference like "AB12" (its letters). */
function columnOf(buf: Buffer, start: number, end: number): number {
  let column = 0;
  for (let i = start; i < end; i++) {
    const b = buf[i]!;
    if (b >= 0x41 && b <= 0x5a) column = column * 26 + (b - 0x40);
    else if (b >= 0x61 && b <= 0x7a) column = column * 26 + (b - 0x60);
    else if (b !== 0x24) break;
  }
  return column - 1;
}

function digitsOf(buf: Buffer, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    const d = buf[i]! - 0x30;
    if (d >= 0 && d <= 9) n = n * 10 + d;
    else if (d !== -16) break;
  }
  return n;
}

function numberOf(buf: Buffer, start: number, end: number): number {
  let i = start;
  const negative = buf[i] === 0x2d;
  if (negative) i++;
  const digits = i;
  let n = 0;
  for (; i < end; i++) {
    const d = buf[i]! - 0x30;
    if (d < 0 || d > 9) break;
    n = n * 10 + d;
  }
  // Integers of up to 15 digits are exact this way; decimals and exponents go through Number().
  if (i === end && i > digits && i - digits <= 15) return negative ? -n : n;
  return Number(buf.toString('latin1', start, end));
}

function typeOf(buf: Buffer, start: number, end: number): number {
  const length = end - start;
  const first = buf[start];
  if (length === 1) return first === 0x73 ? SHARED : first === 0x62 ? BOOL : first === 0x65 ? ERROR : first === 0x64 ? ISO_DATE : NUMBER;
  if (length === 3 && first === 0x73) return STR;
  if (length === 9 && first === 0x69) return INLINE;
  return NUMBER;
}
