/**
 * The plan rule (DOMAIN.md "Targets in layers"): where a kế hoạch điều chỉnh exists it stands
 * in for the original plan in every figure (% of plan, bars, rankings, còn phải thực hiện,
 * report, exports); the original stays on record and on screen beside it.
 */
import { progress } from './progress';

type N = number | null | undefined;

export interface PlanFigures {
  /** The original plan (kế hoạch giao). */
  target: number | null;
  /** The latest revision, null when the plan was never revised. */
  revisedTarget: number | null;
}

/** The plan in force: the latest revision when there is one, else the original. */
export function planOf(c: PlanFigures): number | null {
  return c.revisedTarget ?? c.target;
}

/** Whether a revision changed the plan (a revision to the same figure changes nothing shown). */
export function isPlanRevised(c: PlanFigures): boolean {
  return c.revisedTarget !== null && c.revisedTarget !== c.target;
}

/** actual ÷ the plan in force. */
export function planProgressOf(actual: N, c: PlanFigures): number | null {
  return progress(actual, planOf(c));
}

/** What a screen labels the plan it shows: "KH điều chỉnh" once revised, else "Kế hoạch". */
export function planLabel(c: PlanFigures): string {
  return isPlanRevised(c) ? 'KH điều chỉnh' : 'Kế hoạch';
}
