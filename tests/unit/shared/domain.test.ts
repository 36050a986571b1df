import { describe, expect, it } from 'vitest';
import { INDICATORS, indicatorByCode, COUNT_INDICATOR_CODES } from '../../../shared/domain/indicators';
import { compareLevels, isValidOn, levelRank, UNIT_LEVELS } from '../../../shared/domain/units';
import { CHANNEL_NAMES, isChannel } from '../../../shared/contract';

describe('isValidOn', () => {
  it('treats null bounds as open and both ends as inclusive', () => {
    expect(isValidOn({ validFrom: null, validTo: null }, '1990-01-01')).toBe(true);
    expect(isValidOn({ validFrom: '2025-07-01', validTo: null }, '2025-07-01')).toBe(true);
    expect(isValidOn({ validFrom: '2025-07-01', validTo: null }, '2025-06-30')).toBe(false);
    expect(isValidOn({ validFrom: null, validTo: '2025-06-30' }, '2025-06-30')).toBe(true);
    expect(isValidOn({ validFrom: null, validTo: '2025-06-30' }, '2025-07-01')).toBe(false);
  });
});

describe('unit level order', () => {
  it('goes from the province down to the hamlet; an unknown level sorts last', () => {
    expect(UNIT_LEVELS.map(levelRank)).toEqual([0, 1, 2, 3]);
    expect(levelRank('ward-of-nowhere')).toBe(4);
    expect(['hamlet', 'commune', 'province', 'district'].sort(compareLevels)).toEqual(['province', 'district', 'commune', 'hamlet']);
  });
});

describe('indicator catalogue', () => {
  it('has unique codes and rates built from count indicators', () => {
    const codes = INDICATORS.map((i) => i.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const rate of INDICATORS.filter((i) => i.kind === 'rate')) {
      expect(rate.numerators?.length).toBeGreaterThan(0);
      for (const n of rate.numerators!) expect(indicatorByCode(n)?.kind).toBe('count');
      expect(indicatorByCode(rate.denominator!)?.kind).toBe('count');
    }
  });

  it('BHXH coverage is (BHXH_BB + BHXH_TN) ÷ LABOUR and BHYT coverage is BHYT ÷ POP', () => {
    expect(indicatorByCode('COV_BHXH')).toMatchObject({ numerators: ['BHXH_BB', 'BHXH_TN'], denominator: 'LABOUR' });
    expect(indicatorByCode('COV_BHYT')).toMatchObject({ numerators: ['BHYT'], denominator: 'POP' });
    expect(COUNT_INDICATOR_CODES).toEqual(
      expect.arrayContaining(['POP', 'LABOUR', 'BHXH_BB', 'BHXH_TN', 'BHTN', 'BHYT', 'BHYT_HGD', 'BHYT_NSHT']),
    );
  });
});

describe('channel names', () => {
  it('are area:verb and recognised by isChannel', () => {
    for (const name of CHANNEL_NAMES) {
      expect(name).toMatch(/^[a-z]+:[a-zA-Z]+$/);
      expect(isChannel(name)).toBe(true);
    }
    expect(isChannel('toString')).toBe(false);
    expect(isChannel('__proto__')).toBe(false);
    expect(isChannel(42)).toBe(false);
  });
});
