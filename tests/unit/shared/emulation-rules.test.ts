import { describe, expect, it } from 'vitest';
import { benchmarkFor, criteriaProblem, criterionPoints, maxPoints, rankScores, roundPoints, scoreRow, setInForce, type CriterionRule } from '../../../shared/calc/emulation';
import { measuresOf } from '../../../shared/domain/emulation';

const tnPct: CriterionRule = { measure: 'TN_TARGET_PCT', weight: 30, benchmark: 1, cap: 1.2 };
const hgdPct: CriterionRule = { measure: 'HGD_TARGET_PCT', weight: 20, benchmark: 1, cap: 1.2 };
const tnGrowth: CriterionRule = { measure: 'TN_GROWTH', weight: 15, benchmark: 0.1, cap: 1 };
const campaigns: CriterionRule = { measure: 'CAMPAIGNS_HELD', weight: 10, benchmark: 3, cap: 1 };
const coverage: CriterionRule = { measure: 'NETWORK_COVERAGE', weight: 10, benchmark: 1, cap: 1 };

describe('criterion points', () => {
  it('gives weight × value ÷ benchmark, capped', () => {
    // 8,463 of 12,585 = 67,2467…% of the plan: 30 × 0,672467 = 20,174 → 20,17.
    expect(criterionPoints(tnPct, 8463 / 12585, 'quarter')).toBe(20.17);
    // 130% of the plan counts as 120%: 30 × 1,2 = 36.
    expect(criterionPoints(tnPct, 1.3, 'quarter')).toBe(36);
    // Exactly the plan: the whole weight.
    expect(criterionPoints(hgdPct, 1, 'year')).toBe(20);
  });

  it('scores growth against the growth that earns the whole weight, never below zero', () => {
    // +6% against a 10% benchmark: 15 × 0,6 = 9.
    expect(criterionPoints(tnGrowth, 0.06, 'quarter')).toBe(9);
    // +25% is capped at the weight.
    expect(criterionPoints(tnGrowth, 0.25, 'quarter')).toBe(15);
    // A fall earns nothing.
    expect(criterionPoints(tnGrowth, -0.04, 'quarter')).toBe(0);
  });

  it('asks four quarters of sessions in a year', () => {
    expect(benchmarkFor(campaigns, 'quarter')).toBe(3);
    expect(benchmarkFor(campaigns, 'year')).toBe(12);
    // 2 sessions in a quarter: 10 × 2/3 = 6,666… → 6,67; in a year: 10 × 2/12 = 1,666… → 1,67.
    expect(criterionPoints(campaigns, 2, 'quarter')).toBe(6.67);
    expect(criterionPoints(campaigns, 2, 'year')).toBe(1.67);
    // Percent benchmarks do not scale.
    expect(benchmarkFor(coverage, 'year')).toBe(1);
  });

  it('gives nothing for a missing value', () => {
    expect(criterionPoints(tnPct, null, 'quarter')).toBe(0);
    expect(criterionPoints(tnPct, Number.NaN, 'quarter')).toBe(0);
  });

  it('rounds half up to two decimals', () => {
    expect(roundPoints(0.125)).toBe(0.13);
    expect(roundPoints(1.005)).toBe(1.01);
    expect(roundPoints(2.675)).toBe(2.68);
    expect(roundPoints(7.994999)).toBe(7.99);
  });
});

describe('a row and a ranking', () => {
  const rules = [tnPct, hgdPct, tnGrowth, campaigns, coverage];

  it('totals the rounded parts, so the parts add up to the total', () => {
    const { parts, total } = scoreRow(rules, { TN_TARGET_PCT: 0.95, HGD_TARGET_PCT: 1.031, TN_GROWTH: 0.083, CAMPAIGNS_HELD: 4, NETWORK_COVERAGE: 7 / 9 }, 'quarter');
    // 28,5 + 20,62 + 12,45 + 10 + 7,78 = 79,35.
    expect(parts.map((p) => p.points)).toEqual([28.5, 20.62, 12.45, 10, 7.78]);
    expect(total).toBe(79.35);
    expect(parts.reduce((s, p) => s + p.points, 0)).toBeCloseTo(total, 9);
    expect(maxPoints(rules)).toBe(36 + 24 + 15 + 10 + 10);
  });

  it('lets equal totals share a rank and lists them by name', () => {
    const rows = [
      { name: 'BHXH cơ sở Đông Hải', v: { TN_TARGET_PCT: 0.9 } },
      { name: 'BHXH cơ sở An Phú', v: { TN_TARGET_PCT: 1.1 } },
      { name: 'BHXH cơ sở Bình Minh', v: { TN_TARGET_PCT: 0.9 } },
      { name: 'BHXH cơ sở Cà Mau', v: { TN_TARGET_PCT: 0.5 } },
    ];
    const ranked = rankScores(rows, [tnPct], (r) => r.v, (r) => r.name, 'quarter');
    expect(ranked.map((r) => [r.rank, r.row.name, r.total])).toEqual([
      [1, 'BHXH cơ sở An Phú', 33],
      [2, 'BHXH cơ sở Bình Minh', 27],
      [2, 'BHXH cơ sở Đông Hải', 27],
      [4, 'BHXH cơ sở Cà Mau', 15],
    ]);
  });
});

describe('criteria sets', () => {
  it('refuses an empty set, a zero weight, a measure of another level and a duplicate', () => {
    const unit = measuresOf('unit');
    expect(criteriaProblem([], unit)).toMatch(/ít nhất một tiêu chí/);
    expect(criteriaProblem([{ ...tnPct, weight: 0 }], unit)).toMatch(/lớn hơn 0/);
    expect(criteriaProblem([{ measure: 'NEW_TN_PCT', weight: 10, benchmark: 1, cap: 1 }], unit)).toMatch(/không dùng được/);
    expect(criteriaProblem([tnPct, tnPct], unit)).toMatch(/hai lần/);
    expect(criteriaProblem([{ ...tnPct, cap: 0.5 }], unit)).toMatch(/trần/);
    expect(criteriaProblem(rules(), unit)).toBeNull();
  });

  it('picks the set valid on the period’s last day, the latest starting one first', () => {
    const sets = [
      { id: 1, validFrom: '2000-01-01', validTo: null },
      { id: 2, validFrom: '2026-07-01', validTo: null },
      { id: 3, validFrom: '2025-01-01', validTo: '2025-06-30' },
    ];
    expect(setInForce(sets, '2025-12-31')?.id).toBe(1);
    expect(setInForce(sets, '2025-06-30')?.id).toBe(3);
    expect(setInForce(sets, '2026-06-30')?.id).toBe(1);
    expect(setInForce(sets, '2026-09-30')?.id).toBe(2);
    expect(setInForce(sets, '1999-12-31')).toBeNull();
  });
});

function rules(): CriterionRule[] {
  return [tnPct, hgdPct, tnGrowth, campaigns, coverage];
}
