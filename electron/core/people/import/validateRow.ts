import { readAddress } from './address';
import type { StagedRowIssue } from '../../../../shared/contract/peopleTypes';
import { cccdProblem, maskCccd, maskPhone, normaliseCccd, normalisePhone, phoneProblem } from '../../../../shared/calc/cccd';
import { bhxhCodeOfCard, bhxhCodeProblem, bhytCardProblem, maskBhxhCode, maskBhytCard, normaliseBhxhCode, normaliseBhytCard } from '../../../../shared/calc/personIds';
import { formatCount } from '../../../../shared/format/vi';
import { hamletKeyOf, PERSON_FIELD_LABELS, PERSON_FIELDS, paymentModeOf, personNameKeys, personProductOf, personStatusOf, sexOf, type PersonField } from '../../../../shared/domain/people';
import { birthYearOf, parseBirthDate, parseDueMonth } from '../../../../shared/domain/personValues';
import { foldText, toNfc } from '../../../../shared/text/fold';
import type { PersonColumns } from '../../db/schemaPeople';
import type { StreamCell } from '../../excel/stream';
import type { PeopleLookups } from './lookups';

/** A mapped column: where a field is read from. */
export interface FieldColumn {
  field: PersonField;
  index: number;
  letter: string;
}

/** A row as it is staged (the person_import_rows columns a validation fills). */
/** A staged row's values: the person columns, the name and its keys, and the status the file gave. */
export type StagedValues = PersonColumns & {
  full_name: string | null;
  name_key: string | null;
  given_key: string | null;
  status_code: string | null;
};

/** The order values are staged in (bulk insert columns after batch_id, row_no, status). */
export const STAGED_COLUMNS = [
  'full_name', 'name_key', 'given_key', 'birth_date', 'sex', 'cccd', 'bhxh_code', 'bhyt_card', 'phone', 'unit_code',
  'commune_name', 'hamlet', 'hamlet_key', 'product', 'due_month', 'payment_mode', 'staff_id', 'status_code', 'note',
] as const satisfies readonly (keyof StagedValues)[];

export interface ValidateContext {
  lookups: PeopleLookups;
  today: string;
  /** The file is CSV/TSV: its cells carry no type, so identifiers are read as the numbers Excel saved them from. */
  untyped?: boolean;
}

/** Personal values in messages are masked: issues travel to screens and the CLI like list rows do. */
const MASKS: Partial<Record<PersonField, (v: string) => string | null>> = {
  cccd: maskCccd, bhxhCode: maskBhxhCode, bhytCard: maskBhytCard, phone: maskPhone,
};

export function maskTyped(field: PersonField, value: string): string {
  const mask = MASKS[field];
  // Too short to be anyone's number: shown as typed so the clerk sees what is wrong.
  if (!mask || value.length < 8) return value;
  return mask(value) ?? value;
}

/**
 * Lists repeat the same few thousand names, dates, hamlets and words a million times: each is
 * read once and remembered (bounded; emptied when full).
 */
function memo<A extends string | number, R>(fn: (a: A) => R, limit = 200_000): (a: A) => R {
  let cache = new Map<A, R>();
  return (a) => {
    let r = cache.get(a);
    if (r === undefined && !cache.has(a)) {
      r = fn(a);
      if (cache.size >= limit) cache = new Map();
      cache.set(a, r);
    }
    return r as R;
  };
}

/** A name not seen yet is folded word by word: a province's million names are made of a few thousand words. */
const foldWord = memo(foldText, 100_000);
const nameOf = memo((name: string) => {
  const full = toNfc(name);
  return { full, ...personNameKeys(full, foldWord) };
});
const hamletOf = memo((text: string) => {
  const hamlet = toNfc(text);
  return { hamlet, key: hamletKeyOf(hamlet) };
});
/** Birth dates read against one day (the import's): typed text and Excel numbers apart, no key built per row. */
let birthToday = '';
let birthText = memo((text: string) => parseBirthDate(text, birthToday));
let birthNumber = memo((n: number) => parseBirthDate(n, birthToday));
function birthOf(value: string | number, today: string) {
  if (today !== birthToday) {
    birthToday = today;
    birthText = memo((text: string) => parseBirthDate(text, today));
    birthNumber = memo((n: number) => parseBirthDate(n, today));
  }
  return typeof value === 'number' ? birthNumber(value) : birthText(value);
}
const sexMemo = memo(sexOf);
const productMemo = memo(personProductOf);
const statusMemo = memo(personStatusOf);
const modeMemo = memo(paymentModeOf);
const dueText = memo((text: string) => parseDueMonth(text));
const dueNumber = memo((n: number) => parseDueMonth(n));

/** The longest full name or hamlet a list can hold: a longer cell is a paste gone wrong (or a hostile file). */
const MAX_NAME = 100;

/** What Excel shows in a cell whose formula failed. */
const EXCEL_ERROR = /^\s*#(N\/A|REF!|VALUE!|DIV\/0!|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA)\s*$/;

function cellText(c: StreamCell | undefined): string | null {
  if (c === null || c === undefined) return null;
  const s = typeof c === 'number' ? (Number.isInteger(c) ? c.toFixed(0) : String(c)) : String(c).trim();
  return s === '' ? null : s;
}


/** A row's cell (no closure per row: a million rows). */
function cellAt(cells: readonly StreamCell[], index: number): StreamCell | undefined {
  return index < 0 ? undefined : cells[index];
}

function addIssue(issues: StagedRowIssue[], where: Map<PersonField, FieldColumn>, rowNo: number, f: PersonField, message: string, typed?: string): void {
  const c = where.get(f);
  const masked = typed && MASKS[f] ? message.split(typed).join(maskTyped(f, typed)) : message;
  issues.push({ field: f, column: c?.letter ?? null, cell: c ? `${c.letter}${rowNo}` : null, message: masked });
}

/** Where each field is read from (-1: not mapped), worked out once per mapping. */
type Placement = { where: Map<PersonField, FieldColumn>; at: Record<PersonField, number> };
const placed = new WeakMap<readonly FieldColumn[], Placement>();
function placementOf(columns: readonly FieldColumn[]): Placement {
  let p = placed.get(columns);
  if (!p) {
    const where = new Map(columns.map((c) => [c.field, c]));
    const at = {} as Record<PersonField, number>;
    for (const f of PERSON_FIELDS) at[f] = where.get(f)?.index ?? -1;
    p = { where, at };
    placed.set(columns, p);
  }
  return p;
}

/**
 * Reads and checks one row: the values to stage and each problem with its cell. `cells` holds
 * the row as typed (index 0 = column A).
 */
export function validateRow(rowNo: number, cells: readonly StreamCell[], columns: readonly FieldColumn[], ctx: ValidateContext): { values: StagedValues; issues: StagedRowIssue[] } {
  const issues: StagedRowIssue[] = [];
  const { where, at } = placementOf(columns);
  const v: StagedValues = {
    full_name: null, name_key: null, given_key: null, birth_date: null, sex: null, cccd: null, bhxh_code: null, bhyt_card: null, phone: null,
    unit_code: null, commune_name: null, hamlet: null, hamlet_key: null, product: null, due_month: null, payment_mode: null, staff_id: null,
    status_code: null, note: null,
  };

  const family = cellText(cellAt(cells, at.fullName));
  const given = at.givenName < 0 ? null : cellText(cellAt(cells, at.givenName));
  const name = given === null ? family : family === null ? given : `${family} ${given}`;
  if (!name) addIssue(issues, where, rowNo, 'fullName', 'Thiếu họ và tên.');
  else if (name.length > MAX_NAME) addIssue(issues, where, rowNo, 'fullName', `Họ và tên dài ${formatCount(name.length)} ký tự (tối đa ${MAX_NAME}): ô này không phải họ tên một người.`);
  else {
    const keys = nameOf(name);
    v.full_name = keys.full;
    v.name_key = keys.nameKey;
    v.given_key = keys.givenKey;
    if (!v.name_key) addIssue(issues, where, rowNo, 'fullName', `Họ và tên "${name}" không có chữ cái nào.`);
  }

  // The birth date from its own column, else from the "Nam" or "Nữ" column it is written under (which gives the sex).
  let birthField: PersonField = 'birthDate';
  let birth = cellAt(cells, at.birthDate);
  // "Ngày" | "Tháng" | "Năm" in columns of their own: read as one date (a month without a day: the year).
  if ((at.birthDay >= 0 || at.birthMonth >= 0) && cellText(birth) !== null) {
    const day = cellText(cellAt(cells, at.birthDay));
    const month = cellText(cellAt(cells, at.birthMonth));
    if (month !== null) birth = day !== null ? `${day}/${month}/${cellText(birth)}` : `${month}/${cellText(birth)}`;
  }
  let sexOfColumn: 'M' | 'F' | null = null;
  let sexColumnIs = 'ngày sinh';
  if (cellText(birth) === null) {
    const male = cellAt(cells, at.birthDateMale);
    const female = cellAt(cells, at.birthDateFemale);
    const hasMale = cellText(male) !== null;
    const hasFemale = cellText(female) !== null;
    if (hasMale && hasFemale) {
      addIssue(issues, where, rowNo, 'birthDateFemale', `Ngày sinh ghi ở cả cột Nam (ô ${where.get('birthDateMale')!.letter}${rowNo}) và cột Nữ: chỉ ghi ở cột đúng giới tính của người này.`);
      birth = undefined;
    } else if (hasMale || hasFemale) {
      birthField = hasMale ? 'birthDateMale' : 'birthDateFemale';
      birth = hasMale ? male : female;
      sexOfColumn = hasMale ? 'M' : 'F';
    }
  }
  if (birth !== null && birth !== undefined && cellText(birth) !== null) {
    const parsed = birthOf(typeof birth === 'number' ? birth : String(birth), ctx.today);
    if (parsed.ok) v.birth_date = parsed.value;
    else addIssue(issues, where, rowNo, birthField, parsed.message);
  }

  // "Giới tính" over "Nam" | "Nữ": the column marked gives the sex.
  const markedMale = cellText(cellAt(cells, at.sexMale)) !== null;
  const markedFemale = cellText(cellAt(cells, at.sexFemale)) !== null;
  if (markedMale && markedFemale) {
    addIssue(issues, where, rowNo, 'sexFemale', `Giới tính đánh dấu ở cả cột Nam (ô ${where.get('sexMale')!.letter}${rowNo}) và cột Nữ: chỉ đánh dấu một cột.`);
  } else if ((markedMale || markedFemale) && !sexOfColumn) {
    sexOfColumn = markedMale ? 'M' : 'F';
    sexColumnIs = 'đánh dấu giới tính';
  }
  else if ((markedMale || markedFemale) && sexOfColumn !== (markedMale ? 'M' : 'F')) {
    addIssue(issues, where, rowNo, markedMale ? 'sexMale' : 'sexFemale', `Giới tính đánh dấu ở cột ${markedMale ? 'Nam' : 'Nữ'} nhưng ngày sinh ghi ở cột ${sexOfColumn === 'M' ? 'Nam' : 'Nữ'}; hãy sửa một trong hai.`);
  }

  const sexText = cellText(cellAt(cells, at.sex));
  if (sexText) {
    v.sex = sexMemo(sexText);
    if (!v.sex) addIssue(issues, where, rowNo, 'sex', `Giới tính "${sexText}" không đọc được: ghi Nam hoặc Nữ.`);
    else if (sexOfColumn && v.sex !== sexOfColumn) {
      addIssue(issues, where, rowNo, 'sex', `Giới tính "${sexText}" khác cột ${sexColumnIs} (cột ${sexOfColumn === 'M' ? 'Nam' : 'Nữ'}); hãy sửa một trong hai.`);
    }
  } else if (sexOfColumn) v.sex = sexOfColumn;

  const cccdCell = cellAt(cells, at.cccd);
  const cccdText = cellText(cccdCell);
  if (cccdText) {
    const cccd = normaliseCccd(cccdText, ctx.untyped || typeof cccdCell === 'number');
    const year = birthYearOf(v.birth_date);
    const problem = cccdProblem(cccd, { birthYear: year, sex: v.sex });
    if (problem) addIssue(issues, where, rowNo, 'cccd', problem, cccd);
    else v.cccd = cccd;
  }

  const bhxhCell = cellAt(cells, at.bhxhCode);
  const bhxhText = cellText(bhxhCell);
  if (bhxhText) {
    const code = normaliseBhxhCode(bhxhText, ctx.untyped || typeof bhxhCell === 'number');
    const problem = bhxhCodeProblem(code);
    if (problem) addIssue(issues, where, rowNo, 'bhxhCode', problem, code);
    else v.bhxh_code = code;
  }

  const cardText = cellText(cellAt(cells, at.bhytCard));
  if (cardText) {
    const card = normaliseBhytCard(cardText);
    const problem = bhytCardProblem(card);
    if (problem) addIssue(issues, where, rowNo, 'bhytCard', problem, card);
    else {
      const fromCard = bhxhCodeOfCard(card)!;
      if (v.bhxh_code && fromCard !== v.bhxh_code) {
        const other = where.get('bhxhCode');
        addIssue(issues, where, rowNo, 'bhytCard', `Số thẻ BHYT ${maskBhytCard(card)} có 10 số cuối ${maskBhxhCode(fromCard)}, khác mã số BHXH ${maskBhxhCode(v.bhxh_code)}${other ? ` ở ô ${other.letter}${rowNo}` : ''}.`);
      } else {
        v.bhyt_card = card;
        // The card carries the mã số BHXH: a list giving only the card is still matched on it.
        if (!v.bhxh_code && !bhxhText) v.bhxh_code = fromCard;
      }
    }
  }

  const phoneCell = cellAt(cells, at.phone);
  const phoneText = cellText(phoneCell);
  if (phoneText) {
    const phone = normalisePhone(phoneText, ctx.untyped || typeof phoneCell === 'number');
    const problem = phoneProblem(phone);
    if (problem) addIssue(issues, where, rowNo, 'phone', problem, phone);
    else v.phone = phone;
  }

  const communeText = cellText(cellAt(cells, at.commune));
  if (communeText) {
    const hit = ctx.lookups.commune(communeText);
    if (hit.ok) {
      v.unit_code = hit.unit.code;
      v.commune_name = hit.unit.name;
    } else addIssue(issues, where, rowNo, 'commune', hit.message);
  }

  const hamletText = cellText(cellAt(cells, at.hamlet));
  if (hamletText && hamletText.length > MAX_NAME) addIssue(issues, where, rowNo, 'hamlet', `${PERSON_FIELD_LABELS.hamlet} dài ${formatCount(hamletText.length)} ký tự (tối đa ${MAX_NAME}).`);
  else if (hamletText) {
    const h = hamletOf(hamletText);
    v.hamlet = h.hamlet;
    v.hamlet_key = h.key;
  }

  // A list with one "Địa chỉ" column: the commune and hamlet read from it, where their own columns say nothing.
  const addressText = cellText(cellAt(cells, at.address));
  if (addressText && (!communeText || !hamletText)) {
    const parts = readAddress(addressText, ctx.lookups);
    if (!communeText) {
      if (parts.unit) {
        v.unit_code = parts.unit.code;
        v.commune_name = parts.unit.name;
      } else if (parts.message) addIssue(issues, where, rowNo, 'address', parts.message);
    }
    if (!hamletText && parts.hamlet && parts.unit) {
      const h = hamletOf(parts.hamlet);
      v.hamlet = h.hamlet;
      v.hamlet_key = h.key;
    }
  }

  const productText = cellText(cellAt(cells, at.product));
  if (productText) {
    v.product = productMemo(productText);
    if (!v.product) addIssue(issues, where, rowNo, 'product', `Loại hình "${productText}" không đọc được: ghi BHXH tự nguyện hoặc BHYT hộ gia đình.`);
  }

  const due = cellAt(cells, at.dueMonth);
  if (cellText(due)) {
    const parsed = typeof due === 'number' ? dueNumber(due) : dueText(String(due));
    if (parsed.ok) v.due_month = parsed.value;
    else addIssue(issues, where, rowNo, 'dueMonth', parsed.message);
  }

  const modeCell = cellAt(cells, at.paymentMode);
  const modeText = cellText(modeCell);
  if (modeText) {
    v.payment_mode = modeMemo(typeof modeCell === 'number' ? modeCell : modeText);
    if (!v.payment_mode) addIssue(issues, where, rowNo, 'paymentMode', `Phương thức đóng "${modeText}" không đọc được: ghi hằng tháng, 3 tháng, 6 tháng hoặc 12 tháng.`);
  }

  const staffText = cellText(cellAt(cells, at.staff));
  if (staffText) {
    v.staff_id = ctx.lookups.staffId(staffText);
    if (v.staff_id === null) addIssue(issues, where, rowNo, 'staff', `Không có nhân viên thu mã "${staffText}" trong mạng lưới; hãy ghi mã nhân viên đã có.`);
  }

  const statusText = cellText(cellAt(cells, at.status));
  if (statusText) {
    v.status_code = statusMemo(statusText);
    if (!v.status_code) addIssue(issues, where, rowNo, 'status', `Tình trạng "${statusText}" không đọc được: ghi Chưa liên hệ, Đã liên hệ, Hẹn lại, Đồng ý, Đã tham gia, Từ chối hoặc Không liên lạc được.`);
  }

  const noteText = cellText(cellAt(cells, at.note));
  if (noteText) v.note = toNfc(noteText).slice(0, 1000);

  // A formula that failed (#N/A of a VLOOKUP, #REF! after a deleted sheet): said as such, not as a bad value.
  for (const issue of issues) {
    const typed = cellAt(cells, where.get(issue.field)?.index ?? -1);
    if (typeof typed === 'string' && EXCEL_ERROR.test(typed)) {
      issue.message = `${PERSON_FIELD_LABELS[issue.field]}: ô ${issue.cell} là lỗi công thức Excel ${typed.trim()}; hãy sửa công thức trong tệp (hoặc gõ giá trị) rồi nhập lại.`;
    }
  }
  return { values: v, issues };
}

/** The staged values in STAGED_COLUMNS order, pushed after what `into` holds (named reads, no lookups by key). */
export function pushStaged(into: unknown[], v: StagedValues): void {
  into.push(
    v.full_name, v.name_key, v.given_key, v.birth_date, v.sex, v.cccd, v.bhxh_code, v.bhyt_card, v.phone, v.unit_code,
    v.commune_name, v.hamlet, v.hamlet_key, v.product, v.due_month, v.payment_mode, v.staff_id, v.status_code, v.note,
  );
}
