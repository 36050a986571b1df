import { formatCount, formatPercent } from '../../../../shared/format/vi';

/** +1.234 / −1.234 / 0 (people). */
export function formatSignedCount(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const rounded = Math.round(value);
  return (rounded > 0 ? '+' : rounded < 0 ? '−' : '') + formatCount(Math.abs(rounded));
}

/** +11,10% / −2,05% (relative change). */
export function formatSignedPercent(ratio: number | null | undefined, digits = 2): string {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio)) return '—';
  const text = formatPercent(Math.abs(ratio), digits);
  const zero = formatPercent(0, digits);
  return text === zero ? text : (ratio > 0 ? '+' : '−') + text;
}

/** A change of a rate, in percentage points: +0,52 điểm %. */
export function formatSignedPoints(ratio: number | null | undefined): string {
  const text = formatSignedPercent(ratio, 2);
  return text === '—' ? text : text.replace(/%$/, ' điểm %');
}

/** Value of a count or a rate indicator. */
export function formatValue(value: number | null | undefined, kind: 'count' | 'rate'): string {
  return kind === 'rate' ? formatPercent(value, 2) : formatCount(value);
}

/** People per month, rounded up (half a person still has to be found). */
export function formatPace(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : formatCount(Math.ceil(value));
}
