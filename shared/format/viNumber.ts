/**
 * The one reader of numbers typed or stored as text the Vietnamese way: the entry grid and
 * its paste, forms, imported text cells (CSV, HTML and SpreadsheetML .xls, ODS, xlsx) and
 * CLI flags all call it, so "3.000" is three thousand everywhere.
 *
 * Grammar, after trimming:
 *   missing  = "" | "-" | "–" | "—"                  → null (a missing figure, never 0)
 *   number   = [sign] integer ["," digits] ["%"]
 *   sign     = "-" | "−" (U+2212)
 *   integer  = digits | d{1,3} (sep d{3})+           sep: "." or a space (also NBSP, U+202F,
 *                                                   U+2009), one kind per number
 *   ","      = the decimal separator, at most one
 *   "%"      = percent: only where a rate is read
 * So "3.285", "3285", "12 345", "1.234.567" are whole numbers; "92,25" is a decimal; "3.28",
 * "1.2.3", "1,234,567", "0.9225" and "1e5" are refused with the reason, never guessed at.
 */
export type ParsedNumber = { ok: true; value: number | null } | { ok: false; message: string };

/**
 * count: whole people, a decimal part is an error; decimal: "92,25" as written; percent: a
 * rate typed in percent, "92,25" or "92,25%", read as the ratio 0,9225.
 */
export type ViNumberKind = 'count' | 'decimal' | 'percent';

export interface ViNumberOptions {
  /** Negative values are refused unless asked for (counts, plans and rates never are). */
  allowNegative?: boolean;
}

const MISSING = new Set(['', '-', '–', '—']);
const SPACE = /[ \u00a0\u202f\u2009]/g;
const MAX = 1e12;

/** «text», shortened: the reason names the value the user typed. */
export function quoteValue(text: string): string {
  const t = text.trim();
  return `«${t.length > 24 ? t.slice(0, 24) + '…' : t}»`;
}

type Lexed = { negative: boolean; digits: string; fraction: string | null; percent: boolean };

function lex(text: string): Lexed | { message: string } | null {
  let s = text.trim();
  if (MISSING.has(s)) return null;
  const q = quoteValue(text);
  const notNumber = { message: `${q} không phải số` };
  const percent = s.endsWith('%');
  if (percent) s = s.slice(0, -1).trimEnd();
  const negative = /^[-\u2212]/.test(s);
  if (negative) s = s.slice(1);
  if (!/^[\d., \u00a0\u202f\u2009]+$/.test(s) || !/^\d/.test(s)) return notNumber;
  const parts = s.split(',');
  if (parts.length > 2) return { message: `${q} không hợp lệ: dấu phẩy là dấu thập phân và chỉ có một; hàng nghìn phân cách bằng dấu chấm (1.234.567)` };
  const [intText, fraction = null] = parts as [string, string?];
  if (fraction !== null && !/^\d+$/.test(fraction)) return notNumber;
  const spaced = intText.replace(SPACE, ' ');
  let digits: string | null = null;
  if (/^\d+$/.test(spaced)) digits = spaced;
  else if (/^\d{1,3}(\.\d{3})+$/.test(spaced) || /^\d{1,3}( \d{3})+$/.test(spaced)) digits = spaced.replace(/[. ]/g, '');
  if (digits === null) {
    if (/^\d+\.\d+$/.test(spaced)) {
      const [a, b] = spaced.split('.');
      return { message: `${q} không hợp lệ: dấu chấm phân cách hàng nghìn (3.285); phần thập phân viết sau dấu phẩy (${a},${b})` };
    }
    if (/^[\d.]+$/.test(spaced)) return { message: `${q} không hợp lệ: sau mỗi dấu chấm phân cách hàng nghìn phải có đủ 3 chữ số (1.234.567)` };
    return notNumber;
  }
  return { negative, digits, fraction, percent };
}

/** Reads one number; the message says what is wrong with the value, in Vietnamese. */
export function parseViNumber(text: string, kind: ViNumberKind, options: ViNumberOptions = {}): ParsedNumber {
  const lexed = lex(text);
  if (lexed === null) return { ok: true, value: null };
  if ('message' in lexed) return { ok: false, message: lexed.message };
  const q = quoteValue(text);
  if (lexed.percent && kind !== 'percent') {
    return { ok: false, message: kind === 'count' ? `${q} là tỷ lệ phần trăm, không phải số người` : `${q}: bỏ dấu % (nhập số thập phân)` };
  }
  if (lexed.negative && !options.allowNegative) return { ok: false, message: `${q}: số liệu không được âm` };
  const whole = lexed.fraction === null || /^0+$/.test(lexed.fraction);
  if (kind === 'count' && !whole) {
    return { ok: false, message: `${q} không phải số nguyên: số người phải là số nguyên (dấu phẩy là dấu thập phân; hàng nghìn viết 3.285 hoặc 3285)` };
  }
  const magnitude = Number(whole ? lexed.digits : `${lexed.digits}.${lexed.fraction}`);
  if (magnitude > MAX) return { ok: false, message: `${q} quá lớn` };
  const signed = lexed.negative && magnitude !== 0 ? -magnitude : magnitude;
  // 92,25 % → 0,9225 without the binary residue of a division (0,9225000000000001).
  return { ok: true, value: kind === 'percent' ? Number((signed / 100).toPrecision(15)) : signed };
}

/** A count of people: whole; empty text is a missing figure (null), never 0. */
export function parseViCount(text: string, options?: ViNumberOptions): ParsedNumber {
  return parseViNumber(text, 'count', options);
}

/** A decimal typed the Vietnamese way ("92,25"). */
export function parseViDecimal(text: string, options?: ViNumberOptions): ParsedNumber {
  return parseViNumber(text, 'decimal', options);
}

/** A rate typed in percent ("92,25" or "92,25%") → the ratio 0,9225. */
export function parseViPercent(text: string, options?: ViNumberOptions): ParsedNumber {
  return parseViNumber(text, 'percent', options);
}

/**
 * A spreadsheet cell: numbers stored as numbers are taken as they are (a count must still be
 * whole), text goes through the grammar above, anything else is not a number.
 */
export function parseViCell(raw: unknown, kind: ViNumberKind, options: ViNumberOptions = {}): ParsedNumber {
  if (raw === null || raw === undefined) return { ok: true, value: null };
  if (typeof raw === 'string') return parseViNumber(raw, kind, options);
  if (typeof raw !== 'number') return { ok: false, message: `${quoteValue(raw instanceof Date ? raw.toLocaleDateString('vi-VN') : String(raw))} không phải số` };
  if (!Number.isFinite(raw)) return { ok: false, message: 'không phải số' };
  const shown = quoteValue(editableNumber(raw));
  if (raw < 0 && !options.allowNegative) return { ok: false, message: `${shown}: số liệu không được âm` };
  if (kind === 'count' && !Number.isInteger(raw)) return { ok: false, message: `${shown} không phải số nguyên: số người phải là số nguyên` };
  if (Math.abs(raw) > MAX) return { ok: false, message: `${shown} quá lớn` };
  return { ok: true, value: raw };
}

/** What an input shows while editing a number: no grouping, a decimal comma (3285; 92,25). */
export function editableNumber(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '';
  return String(value).replace('.', ',');
}
