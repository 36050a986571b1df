import { formatCount, formatPercent } from '../../../../shared/format/vi';

/** Progress bands leaders read by colour: reached the plan, close to it, behind. */
export type ProgressBand = 'done' | 'near' | 'behind' | 'missing';

export const BAND_COLORS: Record<ProgressBand, string> = {
  done: '#2f9e44',
  near: '#1c6fd1',
  behind: '#e8590c',
  missing: '#c3ccd6',
};

export const BAND_LABELS: Record<ProgressBand, string> = {
  done: 'Đạt từ 100% kế hoạch',
  near: 'Từ 80% đến dưới 100%',
  behind: 'Dưới 80% kế hoạch',
  missing: 'Chưa có số liệu',
};

export function progressBand(progress: number | null | undefined): ProgressBand {
  if (progress === null || progress === undefined || !Number.isFinite(progress)) return 'missing';
  if (progress >= 1) return 'done';
  if (progress >= 0.8) return 'near';
  return 'behind';
}

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
