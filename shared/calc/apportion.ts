/**
 * Sharing a whole number out: a parent's target over its children (units, agents, staff), by
 * weights, so the children's whole numbers add up to the parent's exactly (largest remainder).
 */
export function apportion(total: number, bases: number[]): number[] {
  const sum = bases.reduce((a, b) => a + b, 0);
  if (sum <= 0) return bases.map(() => 0);
  const raw = bases.map((b) => (total * b) / sum);
  const floors = raw.map(Math.floor);
  let left = Math.round(total - floors.reduce((a, b) => a + b, 0));
  const order = raw.map((r, i) => ({ i, frac: r - Math.floor(r) })).sort((a, b) => b.frac - a.frac);
  for (const { i } of order) {
    if (left <= 0) break;
    floors[i]!++;
    left--;
  }
  return floors;
}

/** Evenly over `count` children: 10 over 3 → 4, 3, 3. */
export function apportionEvenly(total: number, count: number): number[] {
  return apportion(total, Array.from({ length: count }, () => 1));
}

/**
 * The sum check of a breakdown: what the parent still has to give out (positive) or what the
 * children were given beyond it (negative). Null when the parent has no target.
 */
export function unallocated(parent: number | null | undefined, children: (number | null | undefined)[]): number | null {
  if (parent === null || parent === undefined) return null;
  return parent - children.reduce<number>((a, b) => a + (b ?? 0), 0);
}
