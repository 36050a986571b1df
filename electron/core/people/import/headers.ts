import { columnLetterAt } from '../../../../shared/format/cells';
import type { PersonField } from '../../../../shared/domain/people';
import { foldText } from '../../../../shared/text/fold';
import type { StreamCell } from '../../excel/stream';

/**
 * Finding the table of a person list among its first rows: the header row by its folded
 * Vietnamese words (title rows above it; a merged two-row header "Thông tin cá nhân" over
 * "Họ và tên | Ngày sinh …"; a column-number row "1 2 3…" or "A B C…" under it, skipped).
 */
export const HEADER_SCAN_ROWS = 30;

/** "Họ và tên đệm", "Họ đệm", "Họ và chữ đệm": the family and middle names, the given name in a "Tên" column beside. */
const FAMILY_AND_MIDDLE = /^(ho va ten dem|ho ten dem|ho va dem|ho dem|ho va chu dem|ho chu dem|ho, ten dem)$/;

/** Folded header words → field; first match wins, so the specific come before the general. "ignore": STT. */
const RULES: [RegExp, PersonField | 'ignore'][] = [
  [/^(stt|so tt|tt|so thu tu)$/, 'ignore'],
  [FAMILY_AND_MIDDLE, 'fullName'],
  [/\b(ho va ten|ho ten|ho va ten nguoi|ten nguoi)\b|^ten$/, 'fullName'],
  [/\b(cccd|cmnd|cmt|can cuoc|dinh danh)\b/, 'cccd'],
  [/\b(the bhyt|the bao hiem y te|ma the|so the)\b/, 'bhytCard'],
  [/\b(ma so bhxh|ma bhxh|so so bhxh|ma so bao hiem xa hoi|ma so)\b/, 'bhxhCode'],
  [/\b(ngay sinh|nam sinh|ngay thang nam sinh|sinh ngay)\b/, 'birthDate'],
  [/\b(gioi tinh|nam nu|gioi)\b/, 'sex'],
  [/\b(dien thoai|sdt|so dt|dt|di dong)\b/, 'phone'],
  [/\b(thang den han|han dong|den han|thang het han|han nop)\b/, 'dueMonth'],
  [/\b(phuong thuc dong|phuong thuc|hinh thuc dong|so thang dong)\b/, 'paymentMode'],
  [/\b(nhan vien thu|nv thu|ma nv|nhan vien|can bo thu|nguoi thu|ma nhan vien)\b/, 'staff'],
  [/\b(tinh trang|trang thai|ket qua van dong|ket qua)\b/, 'status'],
  [/\b(ghi chu)\b/, 'note'],
  [/\b(loai hinh|doi tuong|san pham|loai bao hiem)\b/, 'product'],
  [/^(ap|thon|khu pho|to dan pho|khom|ban|to|ap khu pho|thon ap|ap thon|thon xom|xom)\b|\b(ap khu pho|khu pho|to dan pho|thon|ap)$/, 'hamlet'],
  [/\b(xa phuong|phuong xa|xa|phuong|thi tran|don vi hanh chinh)\b/, 'commune'],
  [/\b(dia chi|noi cu tru|thuong tru|tam tru|noi o|cho o)\b/, 'address'],
];

/** "Năm sinh" over "Nam" | "Nữ" (or "Ngày sinh (Nữ)"): a birth column for one sex. */
const BIRTH_BY_SEX = /^(ngay sinh|nam sinh|ngay thang nam sinh|sinh ngay) (nam|nu)$/;
/** "Giới tính" over "Nam" | "Nữ": a column per sex, marked. */
const SEX_BY_COLUMN = /^(gioi tinh|gioi) (nam|nu)$/;

/** The field a header names, 'ignore' for STT, else null. A trailing remark in brackets is dropped. */
export function classifyHeader(text: string): PersonField | 'ignore' | null {
  const folded = foldText(text);
  const bySex = BIRTH_BY_SEX.exec(folded);
  if (bySex) return bySex[2] === 'nam' ? 'birthDateMale' : 'birthDateFemale';
  const markedSex = SEX_BY_COLUMN.exec(folded);
  if (markedSex) return markedSex[2] === 'nam' ? 'sexMale' : 'sexFemale';
  const key = foldText(text.replace(/\([^)]*\)\s*$/, ''));
  if (!key) return null;
  for (const [re, field] of RULES) if (re.test(key)) return field;
  return null;
}


export interface DetectedColumn {
  index: number;
  letter: string;
  header: string;
  field: PersonField | null;
}

export interface LocatedTable {
  /** Excel row of the (top) header row. */
  headerRow: number;
  /** Excel row after which data start (the last header row, or the column-number row under it). */
  lastHeaderRow: number;
  columns: DetectedColumn[];
  /** Text above the header (titles), for messages. */
  titleLines: string[];
}

const text = (c: StreamCell | undefined): string | null => {
  if (c === null || c === undefined || typeof c === 'boolean') return null;
  const s = String(c).trim();
  return s === '' ? null : s;
};

/** A row of short labels without figures: a second header row. */
function isSubHeader(row: StreamCell[]): boolean {
  const cells = row.map(text).filter((t): t is string => t !== null);
  if (cells.length === 0 || isColumnNumberRow(row)) return false;
  return row.every((c) => typeof c !== 'number') && cells.every((c) => c.length <= 60 && !/^[\d.,\s/-]+$/.test(c));
}

/** "1 2 3 …", "(1) (2) …", "A B C …": the numbering row under a header. */
export function isColumnNumberRow(row: StreamCell[]): boolean {
  const cells = row.map(text).filter((t): t is string => t !== null);
  if (cells.length < 2) return false;
  return cells.every((c) => /^\(?\d{1,2}\)?$/.test(c) || /^\(?[A-Z]{1,2}\)?$/.test(c));
}

interface Candidate {
  columns: DetectedColumn[];
  usedBelow: boolean;
  score: number;
}

function readHeader(top: StreamCell[], below: StreamCell[] | null): Candidate {
  const withBelow = below !== null && isSubHeader(below);
  const width = Math.max(top.length, withBelow ? below.length : 0);
  const columns: DetectedColumn[] = [];
  const seen = new Set<PersonField>();
  /** Each column's group header (merged over it) and its own second-row header, for the day/month/year split. */
  const under: { parent: string | null; child: string | null }[] = [];
  let usedBelow = false;
  let carried: string | null = null;
  for (let j = 0; j < width; j++) {
    const own = text(top[j]);
    // A merged group's text sits in its first cell only: carried over the empty cells to its right.
    if (own !== null) carried = own;
    const parent = own ?? carried;
    const child = withBelow ? text(below[j]) : null;
    let field: PersonField | 'ignore' | null = null;
    let header = own ?? '';
    if (child) {
      field = classifyHeader(child);
      if (field) {
        header = parent && parent !== child ? `${parent} / ${child}` : child;
        usedBelow = true;
      } else if (parent) {
        field = classifyHeader(`${parent} ${child}`);
        if (field) {
          header = `${parent} / ${child}`;
          usedBelow = true;
        }
      }
    }
    if (!field && own) field = classifyHeader(own);
    if (!header && child) header = child;
    const f = field === 'ignore' || field === null || seen.has(field) ? null : field;
    if (f) seen.add(f);
    if (header || f) columns.push({ index: j, letter: columnLetterAt(j), header, field: f });
    under[j] = { parent, child };
  }
  splitBirthDate(columns, under, seen);
  // "Họ và tên đệm" | "Tên": the second column is the given name, joined to the first. After a
  // whole "Họ và tên", a "Tên" column (kept for sorting) repeats it and is left out.
  const name = columns.find((c) => c.field === 'fullName');
  if (name && FAMILY_AND_MIDDLE.test(foldText(name.header.replace(/^.* \/ /, '')))) {
    const given = columns.find((c) => c.index > name.index && c.field === null && foldText(c.header.replace(/^.* \/ /, '')) === 'ten');
    if (given) given.field = 'givenName';
  }
  return { columns, usedBelow, score: seen.size + (seen.has('fullName') ? 10 : 0) };
}

const BIRTH_GROUP = /^(ngay sinh|nam sinh|ngay thang nam sinh|ngay, thang, nam sinh|sinh ngay)$/;

/**
 * "Ngày sinh" over three columns "Ngày" | "Tháng" | "Năm" (older forms): the year column is the
 * birth date, the day and month columns complete it. "Năm" is told from "Nam" (male) by its accent.
 */
function splitBirthDate(columns: DetectedColumn[], under: { parent: string | null; child: string | null }[], seen: Set<PersonField>): void {
  const word = (j: number) => under[j]?.child?.normalize('NFC').toLocaleLowerCase('vi') ?? null;
  for (let j = 0; j + 2 < under.length; j++) {
    const parent = under[j]?.parent;
    if (!parent || !BIRTH_GROUP.test(foldText(parent.replace(/\([^)]*\)\s*$/, '')))) continue;
    if (word(j) !== 'ngày' || word(j + 1) !== 'tháng' || word(j + 2) !== 'năm') continue;
    if (under[j + 1]!.parent !== parent || under[j + 2]!.parent !== parent) continue;
    const at = (i: number) => columns.find((c) => c.index === i);
    const fields: PersonField[] = ['birthDay', 'birthMonth', 'birthDate'];
    fields.forEach((field, k) => {
      const column = at(j + k);
      if (column) {
        column.field = field;
        column.header = `${parent} / ${under[j + k]!.child}`;
      }
    });
    seen.add('birthDate');
    return;
  }
}

/**
 * The header among the first rows (`rows` with their Excel row numbers): the row (with the row
 * under it, when that is a second header row) naming the most fields, full name among them.
 */
export function locateTable(rowNumbers: number[], rows: StreamCell[][]): LocatedTable | null {
  let best: (Candidate & { at: number }) | null = null;
  for (let i = 0; i < rows.length && rowNumbers[i]! <= HEADER_SCAN_ROWS; i++) {
    const below = rowNumbers[i + 1] === rowNumbers[i]! + 1 ? rows[i + 1]! : null;
    const c = readHeader(rows[i]!, below);
    // A title line over the header reads as a merged group over it, naming the same fields: the header row itself wins.
    const sameUnderTitle = best !== null && best.usedBelow && !c.usedBelow && i === best.at + 1 && c.score === best.score;
    if (c.score >= 12 && (!best || c.score > best.score || sameUnderTitle)) best = { ...c, at: i };
  }
  if (!best) return null;
  let last = best.usedBelow ? best.at + 1 : best.at;
  if (rows[last + 1] && rowNumbers[last + 1] === rowNumbers[last]! + 1 && isColumnNumberRow(rows[last + 1]!)) last++;
  const titleLines = rows.slice(0, best.at).flatMap((r) => r.map(text).filter((t): t is string => t !== null));
  return { headerRow: rowNumbers[best.at]!, lastHeaderRow: rowNumbers[last]!, columns: best.columns, titleLines };
}

/** The layout's signature (column letters and folded headers) that a remembered mapping is keyed on. */
export function headerSignature(columns: readonly { letter: string; header: string }[]): string {
  return columns.map((c) => `${c.letter}=${foldText(c.header)}`).join('|');
}
