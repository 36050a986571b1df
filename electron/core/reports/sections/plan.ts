import type { Comparison } from '../../../../shared/contract';

/** People per month still needed; nothing is left to pace in December. */
function paceOf(c: Comparison, monthIndex: number): number | null {
  return monthIndex < 12 && c.monthlyPace !== null ? Math.ceil(c.monthlyPace) : null;
}

/**
 * The figures a row against the plan prints (headline and table by unit): the plan in force
 * and its % (shared/calc/plan.ts, filled in by Figures.compare as plan and planProgress).
 */
export function planCells(c: Comparison, monthIndex: number) {
  return {
    target: c.plan,
    actual: c.actual,
    progress: c.planProgress,
    deltaSame: c.deltaSameLastYear,
    deltaEnd: c.deltaEndLastYear,
    remaining: c.remaining,
    pace: paceOf(c, monthIndex),
  };
}
