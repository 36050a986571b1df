import { describe, expect, it } from 'vitest';
import { isPlanRevised, planLabel, planOf, planProgressOf } from '../../../shared/calc/plan';
import { remaining } from '../../../shared/calc/progress';
import { formatPercent } from '../../../shared/format/vi';

describe('the plan rule: a revised plan stands in for the original', () => {
  // A commune given 1.980 people, raised to 6.400 by a kế hoạch điều chỉnh; 1.878 joined.
  const commune = { target: 1980, revisedTarget: 6400 };

  it('measures against the revision once there is one: 29,34%, not 94,85%', () => {
    expect(planOf(commune)).toBe(6400);
    expect(formatPercent(planProgressOf(1878, commune))).toBe('29,34%');
    // What the dashboard showed before: the original plan, as if never revised.
    expect(formatPercent(1878 / commune.target)).toBe('94,85%');
    expect(remaining(1878, planOf(commune))).toBe(4522);
    expect(isPlanRevised(commune)).toBe(true);
    expect(planLabel(commune)).toBe('KH điều chỉnh');
  });

  it('uses the original while there is no revision', () => {
    const plain = { target: 12585, revisedTarget: null };
    expect(planOf(plain)).toBe(12585);
    expect(formatPercent(planProgressOf(8463, plain))).toBe('67,25%');
    expect(isPlanRevised(plain)).toBe(false);
    expect(planLabel(plain)).toBe('Kế hoạch');
  });

  it('a revision lowering the plan stands in too', () => {
    expect(formatPercent(planProgressOf(900, { target: 1200, revisedTarget: 1000 }))).toBe('90,00%');
  });

  it('a revision to the same figure is not shown as revised', () => {
    const same = { target: 3000, revisedTarget: 3000 };
    expect(planOf(same)).toBe(3000);
    expect(isPlanRevised(same)).toBe(false);
  });

  it('rates: a BHYT coverage plan of 92,25% revised to 95%', () => {
    const rate = { target: 0.9225, revisedTarget: 0.95 };
    expect(formatPercent(planProgressOf(0.9312, rate))).toBe('98,02%');
  });

  it('no plan, or no figure, gives no % (never 0)', () => {
    expect(planOf({ target: null, revisedTarget: null })).toBeNull();
    expect(planProgressOf(100, { target: null, revisedTarget: null })).toBeNull();
    expect(planProgressOf(null, commune)).toBeNull();
    expect(planProgressOf(0, commune)).toBe(0);
  });
});
