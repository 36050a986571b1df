/**
 * Emulation scoring (thi đua): every screen, export, printed ranking and CLI command scores
 * here. A criterion has a weight (the points it is worth), a benchmark and a cap:
 *
 *   points = weight × clamp(value ÷ benchmark, 0, cap), rounded half up to 2 decimals;
 *
 * - percent measures (% of plan, % of communes with a point): the benchmark is a ratio, 1 = 100%;
 *   a unit at 95% of its plan earns 0,95 × weight, one at 130% with a cap of 1,2 earns 1,2 × weight;
 * - growth on the same period: the benchmark is the growth that earns the whole weight (0,1 = +10%);
 *   a fall earns nothing (never negative points);
 * - counts (campaign sessions): the benchmark is per quarter, so a year asks four times as many;
 * - a missing value (no plan, no figure last year) earns 0 points and is shown as missing.
 *
 * The total is the sum of the rounded parts, so the parts printed always add up to it. Equal
 * totals share a rank (1, 2, 2, 4); among them rows are listed by name.
 */
import { viCollator } from '../format/vi';
import { EMULATION_MEASURE_DEFS, type EmulationMeasure } from '../domain/emulation';

export interface CriterionRule {
  measure: EmulationMeasure;
  /** Points the criterion is worth at the benchmark. */
  weight: number;
  /** Value that earns the whole weight: a ratio for percent and growth, a count per quarter for counts. */
  benchmark: number;
  /** Most the value ÷ benchmark may count for (1 = no extra points above the benchmark). */
  cap: number;
}

/** Defaults offered when a criterion is added: benchmark and cap per kind of measure. */
export const DEFAULT_RULES: Record<'percent' | 'growth' | 'count', { benchmark: number; cap: number }> = {
  percent: { benchmark: 1, cap: 1.2 },
  growth: { benchmark: 0.1, cap: 1 },
  count: { benchmark: 3, cap: 1 },
};

/** x rounded half up to two decimals (0,125 → 0,13), immune to binary noise (1,005 → 1,01). */
export function roundPoints(x: number): number {
  if (!Number.isFinite(x)) return 0;
  const sign = x < 0 ? -1 : 1;
  return (sign * Math.floor(Math.abs(x) * 100 + 0.5 + 1e-7)) / 100;
}

/** Quarters in a period: 1 for a quarter, 4 for a year (a count's benchmark is per quarter). */
export function quartersIn(kind: 'quarter' | 'year'): number {
  return kind === 'year' ? 4 : 1;
}

/** The benchmark a rule asks of a period (counts scale with the period's quarters). */
export function benchmarkFor(rule: CriterionRule, kind: 'quarter' | 'year'): number {
  return EMULATION_MEASURE_DEFS[rule.measure].kind === 'count' ? rule.benchmark * quartersIn(kind) : rule.benchmark;
}

/** Points one criterion earns. */
export function criterionPoints(rule: CriterionRule, value: number | null | undefined, kind: 'quarter' | 'year'): number {
  if (value === null || value === undefined || !Number.isFinite(value)) return 0;
  const benchmark = benchmarkFor(rule, kind);
  if (!(benchmark > 0) || !(rule.weight > 0)) return 0;
  const ratio = Math.min(Math.max(value / benchmark, 0), Math.max(rule.cap, 0));
  return roundPoints(rule.weight * ratio);
}

export interface ScoredPart {
  measure: EmulationMeasure;
  value: number | null;
  weight: number;
  points: number;
}

export interface Scored<T> {
  row: T;
  parts: ScoredPart[];
  total: number;
  rank: number;
}

/** Most points a set can give: the sum of weight × cap. */
export function maxPoints(rules: readonly CriterionRule[]): number {
  return roundPoints(rules.reduce((s, r) => s + r.weight * Math.max(r.cap, 0), 0));
}

/** Scores one row: each criterion's points, and their sum. */
export function scoreRow(rules: readonly CriterionRule[], values: Partial<Record<EmulationMeasure, number | null>>, kind: 'quarter' | 'year'): { parts: ScoredPart[]; total: number } {
  const parts = rules.map((rule) => {
    const value = values[rule.measure];
    return { measure: rule.measure, value: value ?? null, weight: rule.weight, points: criterionPoints(rule, value, kind) };
  });
  return { parts, total: roundPoints(parts.reduce((s, p) => s + p.points, 0)) };
}

/**
 * Scores and ranks everyone: best total first, equal totals share a rank (standard competition
 * ranking 1, 2, 2, 4), names in Vietnamese order among equals.
 */
export function rankScores<T>(
  rows: readonly T[],
  rules: readonly CriterionRule[],
  valuesOf: (row: T) => Partial<Record<EmulationMeasure, number | null>>,
  nameOf: (row: T) => string,
  kind: 'quarter' | 'year',
): Scored<T>[] {
  const scored = rows.map((row) => ({ row, ...scoreRow(rules, valuesOf(row), kind), rank: 0 }));
  scored.sort((a, b) => b.total - a.total || viCollator.compare(nameOf(a.row), nameOf(b.row)));
  scored.forEach((s, i) => {
    s.rank = i > 0 && scored[i - 1]!.total === s.total ? scored[i - 1]!.rank : i + 1;
  });
  return scored;
}

/** Why a set of criteria cannot be saved, in Vietnamese; null when it can. */
export function criteriaProblem(rules: readonly CriterionRule[], levelMeasures: readonly EmulationMeasure[]): string | null {
  if (rules.length === 0) return 'Bộ tiêu chí cần ít nhất một tiêu chí.';
  const seen = new Set<EmulationMeasure>();
  for (const r of rules) {
    const label = EMULATION_MEASURE_DEFS[r.measure]?.label ?? r.measure;
    if (!levelMeasures.includes(r.measure)) return `Tiêu chí "${label}" không dùng được cho đối tượng này.`;
    if (seen.has(r.measure)) return `Tiêu chí "${label}" có hai lần.`;
    seen.add(r.measure);
    if (!(r.weight > 0)) return `Điểm tối đa của "${label}" phải lớn hơn 0.`;
    if (!(r.benchmark > 0)) return `Mức chuẩn của "${label}" phải lớn hơn 0.`;
    if (!(r.cap >= 1)) return `Hệ số trần của "${label}" không được nhỏ hơn 1.`;
  }
  return null;
}

/** A set in force for a period: the one valid on the period's last day, the latest starting if several. */
export function setInForce<S extends { validFrom: string; validTo: string | null; id: number }>(sets: readonly S[], day: string): S | null {
  let best: S | null = null;
  for (const s of sets) {
    if (s.validFrom > day || (s.validTo !== null && s.validTo < day)) continue;
    if (!best || s.validFrom > best.validFrom || (s.validFrom === best.validFrom && s.id > best.id)) best = s;
  }
  return best;
}
