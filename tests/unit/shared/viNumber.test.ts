import { describe, expect, it } from 'vitest';
import { editableNumber, parseViCell, parseViCount, parseViDecimal, parseViNumber, parseViPercent, type ParsedNumber } from '../../../shared/format/viNumber';

const value = (p: ParsedNumber) => (p.ok ? p.value : `LỖI: ${p.message}`);
const message = (p: ParsedNumber) => {
  if (p.ok) throw new Error(`expected a refusal, got ${String(p.value)}`);
  return p.message;
};

describe('counts: dots group thousands, a comma is the decimal separator', () => {
  it.each([
    ['3.285', 3285],
    ['3.000', 3000],
    ['3285', 3285],
    ['1.234.567', 1234567],
    ['12 345', 12345],
    ['12\u00a0345', 12345],
    ['1\u202f234\u202f567', 1234567],
    ['  8.463 ', 8463],
    ['0', 0],
    ['007', 7],
    ['1.234,00', 1234],
  ])('"%s" is %d people', (text, expected) => {
    expect(value(parseViCount(text))).toBe(expected);
  });

  it.each(['', '   ', '-', '–', '—'])('"%s" is a missing figure (null), never 0', (text) => {
    expect(parseViCount(text)).toEqual({ ok: true, value: null });
  });

  it('a decimal part is an error that names the value', () => {
    expect(message(parseViCount('1,234'))).toBe('«1,234» không phải số nguyên: số người phải là số nguyên (dấu phẩy là dấu thập phân; hàng nghìn viết 3.285 hoặc 3285)');
    expect(message(parseViCount('12,5'))).toContain('«12,5» không phải số nguyên');
    expect(message(parseViCount('1.234,5'))).toContain('«1.234,5» không phải số nguyên');
  });

  it('a dot that does not group thousands is refused with the decimal-comma spelling', () => {
    expect(message(parseViCount('3.28'))).toBe('«3.28» không hợp lệ: dấu chấm phân cách hàng nghìn (3.285); phần thập phân viết sau dấu phẩy (3,28)');
    expect(message(parseViDecimal('0.9225'))).toContain('(0,9225)');
  });

  it('malformed groupings and separators are refused, never guessed at', () => {
    expect(message(parseViCount('1.2.3'))).toBe('«1.2.3» không hợp lệ: sau mỗi dấu chấm phân cách hàng nghìn phải có đủ 3 chữ số (1.234.567)');
    expect(message(parseViCount('12.34.567'))).toContain('đủ 3 chữ số');
    expect(message(parseViCount('1,234,567'))).toBe('«1,234,567» không hợp lệ: dấu phẩy là dấu thập phân và chỉ có một; hàng nghìn phân cách bằng dấu chấm (1.234.567)');
    expect(message(parseViCount('12 34'))).toBe('«12 34» không phải số');
    expect(message(parseViCount('1.234 567'))).toBe('«1.234 567» không phải số');
    expect(message(parseViCount('mười'))).toBe('«mười» không phải số');
    expect(message(parseViCount('1e5'))).toBe('«1e5» không phải số');
    expect(message(parseViCount(',5'))).toBe('«,5» không phải số');
    expect(message(parseViCount('3,'))).toBe('«3,» không phải số');
  });

  it('negatives are refused (leading minus or U+2212) unless asked for', () => {
    expect(message(parseViCount('-5'))).toBe('«-5»: số liệu không được âm');
    expect(message(parseViCount('−1.200'))).toBe('«−1.200»: số liệu không được âm');
    expect(value(parseViCount('−1.200', { allowNegative: true }))).toBe(-1200);
    expect(value(parseViDecimal('-0,5', { allowNegative: true }))).toBe(-0.5);
  });

  it('a percentage is not a count', () => {
    expect(message(parseViCount('92,25%'))).toBe('«92,25%» là tỷ lệ phần trăm, không phải số người');
  });

  it('absurdly large values are refused', () => {
    expect(message(parseViCount('1.000.000.000.000.000'))).toBe('«1.000.000.000.000.000» quá lớn');
  });

  it('a long value is shortened in the message', () => {
    expect(message(parseViCount('abcdefghijklmnopqrstuvwxyz0123'))).toBe('«abcdefghijklmnopqrstuvwx…» không phải số');
  });
});

describe('decimals and rates', () => {
  it('"92,25" is a decimal, "1.234,5" one thousand two hundred thirty-four and a half', () => {
    expect(value(parseViDecimal('92,25'))).toBe(92.25);
    expect(value(parseViDecimal('0,9225'))).toBe(0.9225);
    expect(value(parseViDecimal('1.234,5'))).toBe(1234.5);
    expect(value(parseViDecimal('3.000'))).toBe(3000);
  });

  it('a rate typed in percent, with or without the sign, is the ratio', () => {
    expect(value(parseViPercent('92,25%'))).toBe(0.9225);
    expect(value(parseViPercent('92,25'))).toBe(0.9225);
    expect(value(parseViPercent('92,25 %'))).toBe(0.9225);
    expect(value(parseViPercent('100%'))).toBe(1);
    expect(value(parseViPercent('60%'))).toBe(0.6);
    expect(value(parseViNumber('0,5%', 'percent'))).toBe(0.005);
  });

  it('a plain decimal refuses the percent sign instead of dividing silently', () => {
    expect(message(parseViDecimal('92,25%'))).toBe('«92,25%»: bỏ dấu % (nhập số thập phân)');
  });
});

describe('cells: numbers stored as numbers, text through the grammar', () => {
  it('takes stored numbers as they are; a count must still be whole', () => {
    expect(value(parseViCell(3285, 'count'))).toBe(3285);
    expect(value(parseViCell(0.4, 'decimal'))).toBe(0.4);
    expect(message(parseViCell(3.5, 'count'))).toBe('«3,5» không phải số nguyên: số người phải là số nguyên');
    expect(message(parseViCell(-2, 'count'))).toBe('«-2»: số liệu không được âm');
    expect(message(parseViCell(Number.NaN, 'count'))).toBe('không phải số');
  });

  it('reads text cells the Vietnamese way: "3.000" is three thousand, not 3', () => {
    expect(value(parseViCell('3.000', 'count'))).toBe(3000);
    expect(value(parseViCell('9.902', 'count'))).toBe(9902);
    expect(value(parseViCell(null, 'count'))).toBeNull();
    expect(value(parseViCell(undefined, 'count'))).toBeNull();
    expect(value(parseViCell('—', 'count'))).toBeNull();
  });

  it('a boolean or a date is not a number', () => {
    expect(message(parseViCell(true, 'count'))).toBe('«true» không phải số');
    expect(parseViCell(new Date(2026, 8, 25), 'count').ok).toBe(false);
  });
});

describe('editableNumber', () => {
  it('shows no grouping and a decimal comma, so the text parses back to the same value', () => {
    expect(editableNumber(3285)).toBe('3285');
    expect(editableNumber(92.25)).toBe('92,25');
    expect(editableNumber(null)).toBe('');
    for (const v of [0, 7, 3285, 1234567]) expect(value(parseViCount(editableNumber(v)))).toBe(v);
    for (const v of [0.9225, 92.25, 1234.5]) expect(value(parseViDecimal(editableNumber(v)))).toBe(v);
  });
});
