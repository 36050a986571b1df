/**
 * Citizen identity numbers (CCCD, 12 digits; Thông tư 59/2021/TT-BCA): 3 digits of the province
 * where the birth was registered, 1 digit of century and sex, 2 digits of the birth year, 6 digits
 * of a serial. The checks here are the ones a clerk can be told about: a wrong length, a province
 * code that does not exist, a birth year that does not match the person's.
 */

/** The 63 province codes of CCCD numbers; they stay valid after the 2025 merger (cards are not reissued). */
export const CCCD_PROVINCE_CODES: ReadonlySet<string> = new Set([
  '001', '002', '004', '006', '008', '010', '011', '012', '014', '015', '017', '019', '020', '022', '024', '025', '026', '027',
  '030', '031', '033', '034', '035', '036', '037', '038', '040', '042', '044', '045', '046', '048', '049', '051', '052', '054',
  '056', '058', '060', '062', '064', '066', '067', '068', '070', '072', '074', '075', '077', '079', '080', '082', '083', '084',
  '086', '087', '089', '091', '092', '093', '094', '095', '096',
]);

export interface CccdParts {
  provinceCode: string;
  sex: 'M' | 'F';
  birthYear: number;
}

/** What identifiers are typed with besides their digits: spaces, dots, dashes, and the apostrophe that keeps Excel from making a number. */
const ID_SEPARATORS = /[\s.'\u2018\u2019-]/g;

const SCIENTIFIC_FORM = /^\d+(\.\d+)?E\+?\d+$/i;

/** Text Excel wrote from a number in scientific notation ("9.51850E+10"): its digits are lost. Checked for an E first (a million rows). */
export function isScientific(text: string): boolean {
  return (text.indexOf('E') >= 0 || text.indexOf('e') >= 0) && SCIENTIFIC_FORM.test(text);
}

/**
 * The digits typed, spaces, dots, dashes and a leading apostrophe dropped. `fromNumber`: the value
 * was a number (an Excel number cell, or a CSV, whose cells carry no type and come from one), which
 * lost its leading zeros (095186001234 → 95186001234; Hà Nội's 001085012345 → 1085012345). Every
 * CCCD starts with 0 (province codes 001–096), so 10 or 11 digits not starting with 0 are put back
 * to 12 digits; the province, year and sex checks follow.
 */
export function normaliseCccd(text: string, fromNumber = false): string {
  const typed = String(text);
  if (isScientific(typed)) return typed;
  const digits = typed.replace(ID_SEPARATORS, '');
  const lostZeros = fromNumber && (digits.length === 11 || digits.length === 10) && digits.charCodeAt(0) !== 0x30 && ALL_DIGITS.test(digits);
  return lostZeros ? digits.padStart(12, '0') : digits;
}

const ALL_DIGITS = /^\d+$/;

/** The message for an identifier Excel showed in scientific notation, its last digits gone. */
export function scientificProblem(label: string, typed: string, digits: number): string | null {
  return isScientific(typed) ? `${label} "${typed}" bị Excel đổi sang dạng số mũ nên đã mất các chữ số cuối: hãy định dạng cột là Văn bản (Text) rồi gõ lại đủ ${digits} chữ số.` : null;
}

/** Province, sex and birth year read from a well-formed number, else null. */
export function cccdParts(cccd: string): CccdParts | null {
  if (!/^\d{12}$/.test(cccd)) return null;
  const gender = Number(cccd[3]);
  // 0/1: 1900s, 2/3: 2000s, 4/5: 2100s, 6/7: 2200s, 8/9: 1800s; even men, odd women.
  const century = [1900, 2000, 2100, 2200, 1800][Math.floor(gender / 2)]!;
  return { provinceCode: cccd.slice(0, 3), sex: gender % 2 === 0 ? 'M' : 'F', birthYear: century + Number(cccd.slice(4, 6)) };
}

export interface CccdCheck {
  /** Birth year or full date (YYYY-MM-DD) the list gives, when it gives one. */
  birthYear?: number | null;
  birthDate?: string | null;
  sex?: 'M' | 'F' | null;
}

/** Why a CCCD number is not acceptable, in Vietnamese; null when it is. Expects normaliseCccd's output. */
export function cccdProblem(cccd: string, check: CccdCheck = {}): string | null {
  const scientific = scientificProblem('Số CCCD', cccd, 12);
  if (scientific) return scientific;
  if (!/^\d+$/.test(cccd)) return `Số CCCD "${cccd}" chỉ được gồm chữ số.`;
  if (cccd.length !== 12) return `Số CCCD phải có 12 chữ số (đang có ${cccd.length}).`;
  const parts = cccdParts(cccd)!;
  if (!CCCD_PROVINCE_CODES.has(parts.provinceCode)) return `Số CCCD bắt đầu bằng mã tỉnh ${parts.provinceCode}, không có mã tỉnh này.`;
  const year = check.birthDate ? Number(check.birthDate.slice(0, 4)) : check.birthYear ?? null;
  if (year !== null && year !== parts.birthYear) {
    return `Số CCCD ghi năm sinh ${parts.birthYear} (chữ số thứ 4–6 là "${cccd.slice(3, 6)}"), không khớp năm sinh ${year}.`;
  }
  if (check.sex && check.sex !== parts.sex) return `Số CCCD ghi giới tính ${parts.sex === 'M' ? 'nam' : 'nữ'}, không khớp giới tính trong danh sách.`;
  return null;
}

/** 095186001234 → 0951******34: enough to tell two people apart on a list, not enough to use. */
export function maskCccd(cccd: string | null | undefined): string | null {
  if (!cccd) return null;
  return cccd.length <= 6 ? '*'.repeat(cccd.length) : cccd.slice(0, 4) + '*'.repeat(cccd.length - 6) + cccd.slice(-2);
}

const LOST_ZERO_PHONE = /^[1-9]\d{8}$/;
const PHONE_SEPARATORS = /[\s.\-()'\u2018\u2019]/g;
const OLD_MOBILE = /^0?1\d{9}$/;

/**
 * The 11-digit mobile prefixes renumbered in 2018 (01xx → 0xx, the rest of the number kept): the old
 * numbers no longer ring, and old lists still carry them.
 */
const RENUMBERED: Record<string, string> = {
  '0162': '032', '0163': '033', '0164': '034', '0165': '035', '0166': '036', '0167': '037', '0168': '038', '0169': '039',
  '0120': '070', '0121': '079', '0122': '077', '0126': '076', '0128': '078',
  '0123': '083', '0124': '084', '0125': '085', '0127': '081', '0129': '082',
  '0186': '056', '0188': '058', '0199': '059',
};

/**
 * Vietnamese mobile numbers: 10 digits starting with 0, or +84 / 84 followed by 9 digits; an old
 * 11-digit mobile (0168…) becomes its 2018 number (038…).
 */
export function normalisePhone(text: string, fromNumber = false): string {
  let digits = String(text).replace(PHONE_SEPARATORS, '');
  if (/^\+?84\d{9}$/.test(digits)) return '0' + digits.replace(/^\+?84/, '');
  // Excel keeps 0919123456 as the number 919123456 (and writes it so to CSV).
  if (fromNumber && LOST_ZERO_PHONE.test(digits)) return '0' + digits;
  if (OLD_MOBILE.test(digits) && (digits.length === 11 || fromNumber)) {
    if (digits.length === 10) digits = '0' + digits;
    const renumbered = RENUMBERED[digits.slice(0, 4)];
    if (renumbered) return renumbered + digits.slice(4);
  }
  return digits;
}

export function phoneProblem(phone: string): string | null {
  if (!/^0\d{9,10}$/.test(phone)) return `Số điện thoại "${phone}" không hợp lệ (10 chữ số, bắt đầu bằng 0).`;
  return null;
}

/** 0919123456 → 0919***456. */
export function maskPhone(phone: string | null | undefined): string | null {
  if (!phone) return null;
  return phone.length <= 6 ? '*'.repeat(phone.length) : phone.slice(0, 4) + '*'.repeat(phone.length - 7) + phone.slice(-3);
}
