import { describe, expect, it } from 'vitest';
import {
  dayBefore,
  formatCount,
  formatDate,
  formatDateTime,
  formatMoney,
  formatPercent,
  parseViDate,
  viCollator,
} from '../../../shared/format/vi';

describe('formatCount', () => {
  it('groups thousands with dots', () => {
    expect(formatCount(1052062)).toBe('1.052.062');
    expect(formatCount(8463)).toBe('8.463');
    expect(formatCount(700)).toBe('700');
    expect(formatCount(0)).toBe('0');
  });

  it('shows whole people', () => {
    expect(formatCount(1052062.4)).toBe('1.052.062');
  });

  it('shows a dash for missing values', () => {
    expect(formatCount(null)).toBe('—');
    expect(formatCount(undefined)).toBe('—');
    expect(formatCount(Number.NaN)).toBe('—');
  });
});

describe('formatPercent', () => {
  it('progress vs target: 8.463 of 12.585 is 67,25%', () => {
    expect(formatPercent(8463 / 12585)).toBe('67,25%');
  });

  it('over plan: 925 of 700 is 132,14%', () => {
    expect(formatPercent(925 / 700)).toBe('132,14%');
  });

  it('honours the number of digits', () => {
    expect(formatPercent(0.925, 1)).toBe('92,5%');
    expect(formatPercent(1287 / 2023, 1)).toBe('63,6%');
    expect(formatPercent(1, 0)).toBe('100%');
  });

  it('has no hidden separators (no U+00A0 or U+202F)', () => {
    expect(formatPercent(8463 / 12585)).not.toMatch(/[\u00a0\u202f]/);
    expect(formatCount(1052062)).not.toMatch(/[\u00a0\u202f]/);
  });

  it('shows a dash for missing or infinite ratios', () => {
    expect(formatPercent(null)).toBe('—');
    expect(formatPercent(Number.POSITIVE_INFINITY)).toBe('—');
    expect(formatPercent(Number.NaN)).toBe('—');
  });
});

describe('formatMoney', () => {
  it('writes đồng after the amount', () => {
    expect(formatMoney(330000)).toBe('330.000 đ');
    expect(formatMoney(null)).toBe('—');
  });
});

describe('formatDate / formatDateTime', () => {
  it('writes dd/mm/yyyy with two-digit day and month', () => {
    expect(formatDate('2024-03-05')).toBe('05/03/2024');
    expect(formatDate('2025-06-30T12:00:00.000Z')).toBe('30/06/2025');
  });

  it('returns empty text for no date', () => {
    expect(formatDate(null)).toBe('');
    expect(formatDate(undefined)).toBe('');
  });

  it('formats a timestamp in local time', () => {
    const local = new Date(2024, 2, 5, 8, 7, 0);
    expect(formatDateTime(local.toISOString())).toBe('05/03/2024 08:07');
    expect(formatDateTime('not a date')).toBe('not a date');
  });
});

describe('parseViDate', () => {
  it('reads dd/mm/yyyy, d/m/yyyy, dotted and ISO forms', () => {
    expect(parseViDate('05/03/2024')).toBe('2024-03-05');
    expect(parseViDate('5/3/2024')).toBe('2024-03-05');
    expect(parseViDate(' 01.07.2025 ')).toBe('2025-07-01');
    expect(parseViDate('01-07-2025')).toBe('2025-07-01');
    expect(parseViDate('2025-07-01')).toBe('2025-07-01');
    expect(parseViDate('2025-7-1')).toBe('2025-07-01');
  });

  it('accepts 29/02 only in a leap year', () => {
    expect(parseViDate('29/02/2024')).toBe('2024-02-29');
    expect(parseViDate('29/02/2025')).toBeNull();
  });

  it('refuses days that do not exist and text that is not a date', () => {
    expect(parseViDate('31/02/2025')).toBeNull();
    expect(parseViDate('31/04/2025')).toBeNull();
    expect(parseViDate('00/01/2025')).toBeNull();
    expect(parseViDate('15/13/2025')).toBeNull();
    expect(parseViDate('05/03/24')).toBeNull();
    expect(parseViDate('')).toBeNull();
    expect(parseViDate('hôm nay')).toBeNull();
  });
});

describe('dayBefore', () => {
  it('a merge on 01/07/2025 ends the old unit on 30/06/2025', () => {
    expect(dayBefore('2025-07-01')).toBe('2025-06-30');
  });

  it('crosses months, years and leap days', () => {
    expect(dayBefore('2025-01-01')).toBe('2024-12-31');
    expect(dayBefore('2024-03-01')).toBe('2024-02-29');
    expect(dayBefore('2025-03-01')).toBe('2025-02-28');
  });
});

describe('viCollator', () => {
  it('sorts Đ after D and before E', () => {
    expect(['Em', 'Đông', 'Dung', 'An'].sort(viCollator.compare)).toEqual(['An', 'Dung', 'Đông', 'Em']);
  });
});
