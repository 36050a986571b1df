/**
 * The formulas every report uses (DOMAIN.md). Inputs may be missing (null): a missing figure
 * is not zero, and a comparison with a missing side is missing too.
 */
type N = number | null | undefined;

const has = (v: N): v is number => v !== null && v !== undefined && Number.isFinite(v);

/** actual ÷ target: 8,463 of 12,585 = 0.6725. */
export function progress(actual: N, target: N): number | null {
  return has(actual) && has(target) && target > 0 ? actual / target : null;
}

/** People still needed to reach the target (never negative). */
export function remaining(actual: N, target: N): number | null {
  return has(actual) && has(target) ? Math.max(0, target - actual) : null;
}

/**
 * People per month needed to reach the target by 31/12, counting the months after the
 * reporting month (September leaves October, November, December).
 */
export function monthlyPaceNeeded(actual: N, target: N, reportingMonth: number): number | null {
  const left = remaining(actual, target);
  if (left === null) return null;
  const months = Math.max(1, 12 - reportingMonth);
  return left / months;
}

export interface Delta {
  people: number;
  /** Relative change, (now − before) ÷ before. */
  ratio: number | null;
}

export function delta(now: N, before: N): Delta | null {
  if (!has(now) || !has(before)) return null;
  return { people: now - before, ratio: before !== 0 ? (now - before) / before : null };
}

/** Coverage = sum of numerators ÷ denominator; rates are recomputed, never averaged. */
export function coverage(numerators: N[], denominator: N): number | null {
  if (!has(denominator) || denominator <= 0 || numerators.some((n) => !has(n))) return null;
  return (numerators as number[]).reduce((a, b) => a + b, 0) / denominator;
}

/** For a rate target (BHYT coverage 92.25%): people still needed = rate × population − covered. */
export function peopleNeededForRate(targetRate: N, denominator: N, covered: N): number | null {
  return has(targetRate) && has(denominator) && has(covered) ? Math.max(0, Math.ceil(targetRate * denominator - covered)) : null;
}

/** Sums what is there; null only when every part is missing. */
export function sumPresent(values: N[]): number | null {
  let total: number | null = null;
  for (const v of values) if (has(v)) total = (total ?? 0) + v;
  return total;
}
