import type { MeasureKind } from '../../../../shared/domain/emulation';
import { formatCount, formatDecimal, formatPercent } from '../../../../shared/format/vi';

/** A criterion's value as read: 95,23% of the plan, +12,40% growth, 4 sessions; "—" when missing. */
export function formatValue(kind: MeasureKind, value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  if (kind === 'count') return formatCount(value);
  if (kind === 'growth') return `${value > 0 ? '+' : ''}${formatPercent(value)}`;
  return formatPercent(value);
}

/** Points, always two decimals: 26,70. */
export function formatPoints(value: number | null | undefined): string {
  return formatDecimal(value);
}

/** A most-points figure: 36, 45,5 (no trailing zeros). */
export function formatMax(value: number): string {
  return formatDecimal(value).replace(/,?0+$/, '');
}

/** A benchmark as typed on the criteria form: a percent for ratio measures, a count per quarter otherwise. */
export function benchmarkText(kind: MeasureKind, benchmark: number): string {
  if (kind === 'count') return `${formatCount(benchmark)} buổi/quý`;
  return kind === 'growth' ? `tăng ${formatPercent(benchmark, 0)}` : formatPercent(benchmark, 0);
}
