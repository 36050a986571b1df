import { describe, expect, it } from 'vitest';
import { addMonths, cutoffDay, figuresDay, lastClosedMonth, monthBounds, monthLabel, parseYm, periodEndMonth, periodLabel, treeDateOf, ym } from '../../../shared/domain/periods';

describe('periodEndMonth', () => {
  it('a month stands for itself, a quarter for its last month, a year for December', () => {
    expect(periodEndMonth({ kind: 'month', year: 2020, index: 9 })).toBe('2020-09');
    expect(periodEndMonth({ kind: 'quarter', year: 2025, index: 1 })).toBe('2025-03');
    expect(periodEndMonth({ kind: 'quarter', year: 2025, index: 3 })).toBe('2025-09');
    expect(periodEndMonth({ kind: 'quarter', year: 2025, index: 4 })).toBe('2025-12');
    expect(periodEndMonth({ kind: 'year', year: 2025, index: 1 })).toBe('2025-12');
  });

  it('an ongoing year or quarter uses the current month', () => {
    expect(periodEndMonth({ kind: 'year', year: 2026, index: 1 }, '2026-11')).toBe('2026-11');
    expect(periodEndMonth({ kind: 'quarter', year: 2026, index: 4 }, '2026-11')).toBe('2026-11');
  });

  it('a finished period is not capped', () => {
    expect(periodEndMonth({ kind: 'year', year: 2025, index: 1 }, '2026-11')).toBe('2025-12');
    expect(periodEndMonth({ kind: 'quarter', year: 2026, index: 3 }, '2026-11')).toBe('2026-09');
    expect(periodEndMonth({ kind: 'month', year: 2026, index: 11 }, '2026-11')).toBe('2026-11');
  });
});

describe('labels', () => {
  it('are Vietnamese with Roman quarters and two-digit months', () => {
    expect(periodLabel({ kind: 'quarter', year: 2025, index: 3 })).toBe('Quý III/2025');
    expect(periodLabel({ kind: 'quarter', year: 2025, index: 4 })).toBe('Quý IV/2025');
    expect(periodLabel({ kind: 'month', year: 2020, index: 9 })).toBe('Tháng 09/2020');
    expect(periodLabel({ kind: 'month', year: 2020, index: 12 })).toBe('Tháng 12/2020');
    expect(periodLabel({ kind: 'year', year: 2025, index: 1 })).toBe('Năm 2025');
    expect(monthLabel('2020-09')).toBe('09/2020');
    expect(monthLabel('không phải tháng')).toBe('không phải tháng');
  });
});

describe('month arithmetic', () => {
  it('ym pads, parseYm refuses month 13 and other shapes', () => {
    expect(ym(2024, 9)).toBe('2024-09');
    expect(parseYm('2024-09')).toEqual({ year: 2024, month: 9 });
    expect(parseYm('2024-13')).toBeNull();
    expect(parseYm('2024-00')).toBeNull();
    expect(parseYm('2024-9')).toBeNull();
  });

  it('addMonths crosses years both ways', () => {
    expect(addMonths('2025-01', -1)).toBe('2024-12');
    expect(addMonths('2024-09', 12)).toBe('2025-09');
    expect(addMonths('2026-09', -12)).toBe('2025-09');
    expect(addMonths('2024-12', 1)).toBe('2025-01');
    expect(addMonths('2024-03', -27)).toBe('2021-12');
  });

  it('monthBounds knows leap years and month lengths', () => {
    expect(monthBounds('2024-02')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(monthBounds('2025-02')).toEqual({ from: '2025-02-01', to: '2025-02-28' });
    expect(monthBounds('2025-09')).toEqual({ from: '2025-09-01', to: '2025-09-30' });
    expect(monthBounds('2025-12')).toEqual({ from: '2025-12-01', to: '2025-12-31' });
  });
});

describe('cut-off, last closed month and tree date (one rule for dashboard, report and grid)', () => {
  it('a month is cut off on the 25th; December on 31/12', () => {
    expect(cutoffDay('2026-03')).toBe('2026-03-25');
    expect(cutoffDay('2026-12')).toBe('2026-12-31');
  });

  it('the last closed month moves on at the cut-off, December only on its last day', () => {
    expect(lastClosedMonth('2026-03-24')).toBe('2026-02');
    expect(lastClosedMonth('2026-03-25')).toBe('2026-03');
    expect(lastClosedMonth('2026-01-10')).toBe('2025-12');
    expect(lastClosedMonth('2026-12-28')).toBe('2026-11');
    expect(lastClosedMonth('2026-12-31')).toBe('2026-12');
  });

  it('a month is shown on the tree of its last day, or of today while it runs', () => {
    expect(treeDateOf('2025-06', '2026-11-22')).toBe('2025-06-30');
    expect(treeDateOf('2026-11', '2026-11-22')).toBe('2026-11-22');
  });

  it('a month\'s figures stand at its cut-off, or at today while the month runs', () => {
    expect(figuresDay('2026-10', '2026-11-22')).toBe('2026-10-25');
    expect(figuresDay('2026-11', '2026-11-22')).toBe('2026-11-22');
    expect(figuresDay('2026-11', '2026-11-26')).toBe('2026-11-25');
    expect(figuresDay('2026-12', '2026-12-28')).toBe('2026-12-28');
    expect(figuresDay('2025-12', '2026-11-22')).toBe('2025-12-31');
  });
});
