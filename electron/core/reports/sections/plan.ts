import type { Comparison } from '../../../../shared/contract';

/** The plan a report measures against: the latest kế hoạch điều chỉnh when there is one, else the original. */
export function planOf(c: Pick<Comparison, 'target' | 'revisedTarget'>): number | null {
  return c.revisedTarget ?? c.target;
}

/** % of that plan. */
export function progressOf(c: Pick<Comparison, 'progress' | 'revisedProgress'>): number | null {
  return c.revisedProgress ?? c.progress;
}

/** People per month still needed; nothing is left to pace in December. */
function paceOf(c: Comparison, monthIndex: number): number | null {
  return monthIndex < 12 && c.monthlyPace !== null ? Math.ceil(c.monthlyPace) : null;
}

/** The figures a row against the plan prints (headline and table by unit). */
export function planCells(c: Comparison, monthIndex: number) {
  return {
    target: planOf(c),
    actual: c.actual,
    progress: progressOf(c),
    deltaSame: c.deltaSameLastYear,
    deltaEnd: c.deltaEndLastYear,
    remaining: c.remaining,
    pace: paceOf(c, monthIndex),
  };
}
