/**
 * Numbers as Vietnamese offices type them: "3.285", "3285", "1.234.567", "12 345".
 * Dots and spaces separate thousands, a comma is the decimal separator. Counts are whole
 * people, so a decimal part is refused with a message instead of being rounded away.
 */
export type ParsedNumber = { ok: true; value: number | null } | { ok: false; message: string };

const SPACES = /[\s\u00a0\u202f]/g;
const MAX = 1e12;

function quote(text: string): string {
  const t = text.trim();
  return `«${t.length > 24 ? t.slice(0, 24) + '…' : t}»`;
}

/** Integer part with optional thousand dots: "3.285", "3285", "1.234.567". Null when malformed. */
function parseIntegerPart(s: string): number | null {
  if (/^\d+$/.test(s)) return Number(s);
  if (/^\d{1,3}(\.\d{3})+$/.test(s)) return Number(s.replace(/\./g, ''));
  return null;
}

function parseDecimal(text: string): { value: number; hasFraction: boolean } | { message: string } | null {
  const s = text.replace(SPACES, '');
  if (s === '') return null;
  if (/^[-−–]/.test(s)) return { message: `${quote(text)}: số liệu không được âm` };
  const [intText, fracText, extra] = s.split(',');
  if (extra !== undefined || intText === undefined) return { message: `${quote(text)} không phải là số` };
  const int = parseIntegerPart(intText);
  if (int === null) {
    if (/^\d+\.\d+$/.test(intText))
      return { message: `${quote(text)} không hợp lệ: dấu chấm dùng để phân cách hàng nghìn (3.285), dấu phẩy là dấu thập phân` };
    return { message: `${quote(text)} không phải là số` };
  }
  if (fracText === undefined) return { value: int, hasFraction: false };
  if (!/^\d+$/.test(fracText)) return { message: `${quote(text)} không phải là số` };
  return { value: Number(`${int}.${fracText}`), hasFraction: !/^0+$/.test(fracText) };
}

/** A count of people: whole, not negative; empty text is a missing figure (null), never 0. */
export function parseViCount(text: string): ParsedNumber {
  const parsed = parseDecimal(text);
  if (parsed === null) return { ok: true, value: null };
  if ('message' in parsed) return { ok: false, message: parsed.message };
  if (parsed.hasFraction)
    return { ok: false, message: `${quote(text)} không phải số nguyên: số người phải là số nguyên (dấu phẩy là dấu thập phân; hàng nghìn viết 3.285 hoặc 3285)` };
  if (parsed.value > MAX) return { ok: false, message: `${quote(text)} quá lớn` };
  return { ok: true, value: Math.trunc(parsed.value) };
}

/** A decimal typed the Vietnamese way ("92,25"), e.g. a rate in percent. */
export function parseViDecimal(text: string): ParsedNumber {
  const parsed = parseDecimal(text);
  if (parsed === null) return { ok: true, value: null };
  if ('message' in parsed) return { ok: false, message: parsed.message };
  if (parsed.value > MAX) return { ok: false, message: `${quote(text)} quá lớn` };
  return { ok: true, value: parsed.value };
}

/** What an input shows while editing a number: no grouping for counts, a decimal comma. */
export function editableNumber(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '';
  return String(value).replace('.', ',');
}
