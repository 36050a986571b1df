/**
 * Reading the dates person lists carry (DOMAIN.md, "Person lists"): a birth date typed every
 * way offices type it, and the month a payment falls due. Each reader returns the stored form
 * or a Vietnamese message naming the value and the rule.
 */
import { parseViDate } from '../format/vi';

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/** Excel's day 0 is 30/12/1899 (with its 1900 leap-year bug folded in for serials after 60). */
function excelSerialToIso(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2_958_465) return null;
  const ms = Math.round((Math.floor(serial) - 25569) * 86_400_000);
  return new Date(ms).toISOString().slice(0, 10);
}

/** d/m/yy or m/yy: a year in two digits, which could be 19xx or 20xx. */
const TWO_DIGIT_YEAR = /^((\d{1,2}[/.-])?\d{1,2}[/.-])?\d{2}$/;
/** mm/yyyy (or m-yyyy, m.yyyy): the month and year of birth, the day not known. */
const MONTH_YEAR = /^(\d{1,2})[/.-](\d{4})$/;

/**
 * A birth date: ISO, dd/mm/yyyy (with / - or .), a four-digit year alone (stored "YYYY"), a month
 * and year (stored as the year, the precision a list keeps without a day), or an Excel serial
 * number. A two-digit year is refused, never guessed into a century. `today` (YYYY-MM-DD) bounds it.
 */
export function parseBirthDate(value: string | number, today: string): Parsed<string> {
  const thisYear = Number(today.slice(0, 4));
  const tooLate = (iso: string) => iso.slice(0, Math.min(iso.length, 10)) > today.slice(0, iso.length === 4 ? 4 : 10);
  const check = (iso: string, typed: string): Parsed<string> => {
    if (Number(iso.slice(0, 4)) < 1900) return { ok: false, message: `Ngày sinh "${typed}" trước năm 1900.` };
    if (tooLate(iso)) return { ok: false, message: `Ngày sinh "${typed}" sau ngày hôm nay.` };
    return { ok: true, value: iso };
  };
  const twoDigitYear = (typed: string): Parsed<string> => ({ ok: false, message: `Ngày sinh "${typed}" ghi năm bằng 2 chữ số, không rõ là 19xx hay 20xx: hãy ghi đủ 4 chữ số của năm (ví dụ 05/03/1985).` });
  if (typeof value === 'number') {
    if (Number.isInteger(value) && value >= 1900 && value <= thisYear) return { ok: true, value: String(value) };
    // 85 typed in a General cell is a year in two digits, not day 85 of 1900; up to 1899 no one alive was born on such a serial.
    if (value >= 0 && value < 100 && Number.isInteger(value)) return twoDigitYear(String(value));
    if (value < 1900) return { ok: false, message: `Ngày sinh "${value}" không đọc được: ghi ngày/tháng/năm (05/03/1985) hoặc năm sinh (1985).` };
    const iso = excelSerialToIso(value);
    if (!iso) return { ok: false, message: `Ngày sinh "${value}" không phải ngày hợp lệ.` };
    return check(iso, value >= 1900 && value <= 2100 ? String(value) : iso.split('-').reverse().join('/'));
  }
  const s = value.trim();
  if (/^\d{4}$/.test(s)) return check(s, s);
  if (TWO_DIGIT_YEAR.test(s)) return twoDigitYear(s);
  const monthYear = MONTH_YEAR.exec(s);
  if (monthYear) {
    const month = Number(monthYear[1]);
    if (month < 1 || month > 12) return { ok: false, message: `Ngày sinh "${s}" không phải tháng có thật.` };
    const checked = check(`${monthYear[2]}-${monthYear[1]!.padStart(2, '0')}`, s);
    return checked.ok ? { ok: true, value: monthYear[2]! } : checked;
  }
  const iso = parseViDate(s.replace(/T.*$/, ''));
  if (iso) return check(iso, s);
  if (/^\d{1,2}[/.-]\d{1,2}[/.-]\d{4}$/.test(s) || /^\d{4}-\d{1,2}-\d{1,2}$/.test(s)) return { ok: false, message: `Ngày sinh "${s}" không phải ngày có thật.` };
  return { ok: false, message: `Ngày sinh "${s}" không đọc được: ghi ngày/tháng/năm (05/03/1985) hoặc năm sinh (1985).` };
}

/** The year of a stored birth date ("1985" or "1985-03-05"). */
export function birthYearOf(stored: string | null): number | null {
  return stored && /^\d{4}/.test(stored) ? Number(stored.slice(0, 4)) : null;
}

/** A due month: MM/YYYY, M/YYYY, "T5/2026", "tháng 5/2026", YYYY-MM or a date → "YYYY-MM". */
export function parseDueMonth(value: string | number): Parsed<string> {
  const typed = String(value).trim();
  const bad: Parsed<string> = { ok: false, message: `Tháng đến hạn "${typed}" không đọc được: ghi tháng/năm, ví dụ 05/2026 hoặc T5/2026.` };
  if (typeof value === 'number') {
    const iso = excelSerialToIso(value);
    return iso && value > 3000 ? { ok: true, value: iso.slice(0, 7) } : bad;
  }
  const s = typed.replace(/^(thang|tháng|t)\s*/i, '');
  let m = /^(\d{1,2})\s*[/.-]\s*(\d{4})$/.exec(s);
  let year: number, month: number;
  if (m) {
    month = Number(m[1]);
    year = Number(m[2]);
  } else if ((m = /^(\d{4})-(\d{1,2})(-\d{1,2})?$/.exec(s))) {
    year = Number(m[1]);
    month = Number(m[2]);
  } else {
    const date = parseViDate(s);
    if (!date) return bad;
    return { ok: true, value: date.slice(0, 7) };
  }
  if (month < 1 || month > 12 || year < 2000 || year > 2100) return bad;
  return { ok: true, value: `${year}-${String(month).padStart(2, '0')}` };
}
