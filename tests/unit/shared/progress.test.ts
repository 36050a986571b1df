import { describe, expect, it } from 'vitest';
import { coverage, delta, monthlyPaceNeeded, peopleNeededForRate, progress, remaining, sumPresent } from '../../../shared/calc/progress';
import { formatPercent } from '../../../shared/format/vi';

describe('progress vs target (worked examples from real reports)', () => {
  it('8.463 of 12.585 is 67,25%', () => {
    expect(progress(8463, 12585)).toBeCloseTo(0.672467, 6);
    expect(formatPercent(progress(8463, 12585))).toBe('67,25%');
  });

  it('a campaign with 925 sign-ups of a plan of 700 is 132,14%', () => {
    expect(formatPercent(progress(925, 700))).toBe('132,14%');
  });

  it('BHYT coverage: 1.052.062 people covered of a population of 1.163.785 is 90,4%', () => {
    expect(formatPercent(coverage([1_052_062], 1_163_785), 1)).toBe('90,4%');
    // A rate target compares rates: 90,4% of a 92,25% target.
    expect(formatPercent(progress(coverage([1_052_062], 1_163_785), 0.9225))).toBe('97,99%');
  });

  it('is missing (null) when either side is missing, and when the target is zero', () => {
    expect(progress(null, 100)).toBeNull();
    expect(progress(100, undefined)).toBeNull();
    expect(progress(100, 0)).toBeNull();
    expect(progress(Number.NaN, 100)).toBeNull();
    // An actual of zero is a real 0%, not missing.
    expect(progress(0, 100)).toBe(0);
  });
});

describe('remaining and monthly pace', () => {
  it('remaining is target − actual and never negative', () => {
    expect(remaining(8463, 12585)).toBe(4122);
    expect(remaining(925, 700)).toBe(0);
    expect(remaining(700, 700)).toBe(0);
    expect(remaining(null, 700)).toBeNull();
    expect(remaining(10, null)).toBeNull();
  });

  it('in September the remaining people are spread over October–December', () => {
    expect(monthlyPaceNeeded(8463, 12585, 9)).toBeCloseTo(4122 / 3, 10);
    expect(monthlyPaceNeeded(8463, 12585, 9)).toBe(1374);
  });

  it('in November one month is left, in December all that remains is needed at once', () => {
    expect(monthlyPaceNeeded(8463, 12585, 11)).toBe(4122);
    expect(monthlyPaceNeeded(8463, 12585, 12)).toBe(4122);
  });

  it('in January eleven months are left', () => {
    expect(monthlyPaceNeeded(0, 1100, 1)).toBe(100);
  });

  it('is 0 when the target is reached and null when a side is missing', () => {
    expect(monthlyPaceNeeded(925, 700, 9)).toBe(0);
    expect(monthlyPaceNeeded(null, 700, 9)).toBeNull();
  });
});

describe('delta vs an earlier figure', () => {
  it('gives people and ratio', () => {
    expect(delta(900, 850)).toEqual({ people: 50, ratio: 50 / 850 });
    expect(delta(800, 1000)).toEqual({ people: -200, ratio: -0.2 });
  });

  it('with a zero base the ratio is null, the people difference stays', () => {
    expect(delta(120, 0)).toEqual({ people: 120, ratio: null });
    expect(delta(0, 0)).toEqual({ people: 0, ratio: null });
  });

  it('is null when either side is missing', () => {
    expect(delta(null, 10)).toBeNull();
    expect(delta(10, undefined)).toBeNull();
  });
});

describe('coverage: recomputed from sums, never averaged', () => {
  it('two units 90/100 and 1/10 make 91/110, not the average of 90% and 10%', () => {
    const summed = coverage([sumPresent([90, 1])], sumPresent([100, 10]));
    expect(summed).toBeCloseTo(91 / 110, 12);
    const averaged = ((coverage([90], 100) ?? 0) + (coverage([1], 10) ?? 0)) / 2;
    expect(averaged).toBeCloseTo(0.5, 12);
    expect(summed).not.toBeCloseTo(averaged, 2);
    expect(formatPercent(summed, 1)).toBe('82,7%');
  });

  it('BHXH coverage adds the numerators (compulsory + voluntary) over the labour force', () => {
    expect(coverage([4500, 650], 10_000)).toBeCloseTo(0.515, 12);
  });

  it('is missing when a numerator or the denominator is missing, or the denominator is not positive', () => {
    expect(coverage([4500, null], 10_000)).toBeNull();
    expect(coverage([4500], null)).toBeNull();
    expect(coverage([4500], 0)).toBeNull();
    expect(coverage([0], 100)).toBe(0);
  });
});

describe('people needed for a rate target', () => {
  it('92,25% of 10.000 people is 9.225; with 9.000 covered, 225 are still needed', () => {
    expect(peopleNeededForRate(0.9225, 10_000, 9000)).toBe(225);
  });

  it('rounds up to whole people and never goes below zero', () => {
    expect(peopleNeededForRate(0.9225, 10_001, 9000)).toBe(226); // 9.225,9225 → 226
    expect(peopleNeededForRate(0.9, 1000, 950)).toBe(0);
    expect(peopleNeededForRate(0.9225, null, 9000)).toBeNull();
    expect(peopleNeededForRate(null, 10_000, 9000)).toBeNull();
  });

  it('the real province: 95,15% of 1.163.785 with 1.052.062 covered', () => {
    expect(peopleNeededForRate(0.9515, 1_163_785, 1_052_062)).toBe(Math.ceil(0.9515 * 1_163_785 - 1_052_062));
    expect(peopleNeededForRate(0.9515, 1_163_785, 1_052_062)).toBe(55_280);
  });
});

describe('sumPresent', () => {
  it('sums what is there; null only when every part is missing', () => {
    expect(sumPresent([null, undefined])).toBeNull();
    expect(sumPresent([])).toBeNull();
    expect(sumPresent([null, 5, undefined, 7])).toBe(12);
    // Zero is a figure, not a missing one.
    expect(sumPresent([0, null])).toBe(0);
  });
});
