import { describe, expect, it } from 'vitest';
import { ABSURD_COUNT, asOfMessage, checkCount, checkParts, futureMonthMessage } from '../../../shared/calc/valueRules';

describe('checkCount: one figure of people', () => {
  it('refuses negative, fractional and absurd counts (blocking), each alone', () => {
    expect(checkCount('BHXH_TN', -1)).toMatchObject([{ kind: 'negative', blocking: true, indicatorCode: 'BHXH_TN' }]);
    expect(checkCount('BHXH_TN', 12.5)).toMatchObject([{ kind: 'notWhole', blocking: true }]);
    expect(checkCount('BHXH_TN', ABSURD_COUNT + 1)).toMatchObject([{ kind: 'absurd', blocking: true }]);
    expect(checkCount('BHXH_TN', ABSURD_COUNT + 1)[0]!.message).toContain('100.000.001');
    // Absurd wins over "above the population": one finding per figure.
    expect(checkCount('BHXH_TN', ABSURD_COUNT + 1, 1000)).toHaveLength(1);
  });

  it('accepts 0 and exactly 10^8', () => {
    expect(checkCount('BHXH_TN', 0)).toEqual([]);
    expect(checkCount('POP', ABSURD_COUNT)).toEqual([]);
  });

  it('flags (not blocking) a count above the unit’s population, except the population itself and BHYT (a part rule has it)', () => {
    const [flag] = checkCount('BHXH_TN', 5000, 4000);
    expect(flag).toMatchObject({ kind: 'abovePopulation', blocking: false });
    expect(flag!.message).toBe('5.000 lớn hơn dân số của đơn vị (4.000).');
    expect(checkCount('BHXH_TN', 4000, 4000)).toEqual([]);
    expect(checkCount('BHXH_TN', 5000, null)).toEqual([]);
    expect(checkCount('POP', 5000, 4000)).toEqual([]);
    expect(checkCount('BHYT', 5000, 4000)).toEqual([]);
  });
});

describe('checkParts: figures that nest', () => {
  const values = (v: Record<string, number>) => (code: string) => v[code];

  it('a part above its whole: BHYT hộ gia đình or NSNN hỗ trợ above BHYT blocks; BHYT above the population is flagged', () => {
    expect(checkParts(values({ BHYT: 100, BHYT_HGD: 120 }))).toMatchObject([{ kind: 'partAboveTotal', blocking: true, indicatorCode: 'BHYT_HGD' }]);
    expect(checkParts(values({ BHYT: 100, BHYT_HGD: 120 }))[0]!.message).toBe('BHYT hộ gia đình lớn hơn tổng số người tham gia BHYT (120 > 100).');
    expect(checkParts(values({ BHYT: 100, BHYT_NSHT: 101 }))).toMatchObject([{ blocking: true, indicatorCode: 'BHYT_NSHT' }]);
    expect(checkParts(values({ BHYT: 1010, POP: 1000 }))).toMatchObject([{ blocking: false, indicatorCode: 'BHYT' }]);
    expect(checkParts(values({ BHYT: 100, BHYT_HGD: 100 }))).toEqual([]);
  });

  it('BHXH bắt buộc + tự nguyện together against the labour force; nothing when a figure is unknown', () => {
    expect(checkParts(values({ BHXH_BB: 60, BHXH_TN: 50, LABOUR: 100 }))).toMatchObject([{ blocking: false, indicatorCode: 'BHXH_BB' }]);
    expect(checkParts(values({ BHXH_TN: 500, LABOUR: 100 }))).toEqual([]);
  });

  it('only the rules touching the changed figures, when asked', () => {
    const all = values({ BHYT: 100, BHYT_HGD: 120, BHXH_BB: 60, BHXH_TN: 50, LABOUR: 100 });
    expect(checkParts(all, (c) => c === 'LABOUR').map((i) => i.indicatorCode)).toEqual(['BHXH_BB']);
    expect(checkParts(all).length).toBe(2);
  });
});

describe('dates: a month not yet come, an as-of day outside its month or after today', () => {
  it('says so in dd/mm/yyyy', () => {
    expect(futureMonthMessage('2026-12', '2026-11-22')).toBe('Tháng 12/2026 chưa đến (hôm nay là 22/11/2026); chưa nhập được số liệu cho tháng này.');
    expect(futureMonthMessage('2026-11', '2026-11-22')).toBeNull();
    expect(asOfMessage('2020-10-25', '2020-09', '2026-11-22')).toBe('Ngày số liệu 25/10/2020 không thuộc tháng 09/2020 (từ 01/09/2020 đến 30/09/2020).');
    expect(asOfMessage('2026-11-25', '2026-11', '2026-11-22')).toContain('chưa đến (hôm nay là 22/11/2026)');
    expect(asOfMessage('2026-11-22', '2026-11', '2026-11-22')).toBeNull();
  });
});
