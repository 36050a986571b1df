/**
 * Progress bands leaders read by colour (dashboard bars, KPI cards, rankings, the report's
 * lists): reached the plan, close to it, behind. One threshold table, one palette.
 */
import { formatPercent } from '../format/vi';

export type ProgressBand = 'done' | 'near' | 'behind' | 'missing';

/** Lower bounds of % of plan (as ratios): 100% and more is done, 80% to under 100% near. */
export const BAND_THRESHOLDS = { done: 1, near: 0.8 } as const;

export const BAND_COLORS: Record<ProgressBand, string> = {
  done: '#2f9e44',
  near: '#1c6fd1',
  behind: '#e8590c',
  missing: '#c3ccd6',
};

const pct = (ratio: number) => formatPercent(ratio, 0);

export const BAND_LABELS: Record<ProgressBand, string> = {
  done: `Đạt từ ${pct(BAND_THRESHOLDS.done)} kế hoạch`,
  near: `Từ ${pct(BAND_THRESHOLDS.near)} đến dưới ${pct(BAND_THRESHOLDS.done)}`,
  behind: `Dưới ${pct(BAND_THRESHOLDS.near)} kế hoạch`,
  missing: 'Chưa có số liệu',
};

/** In legend order. */
export const PROGRESS_BANDS: ProgressBand[] = ['done', 'near', 'behind', 'missing'];

export function progressBand(progress: number | null | undefined): ProgressBand {
  if (progress === null || progress === undefined || !Number.isFinite(progress)) return 'missing';
  if (progress >= BAND_THRESHOLDS.done) return 'done';
  if (progress >= BAND_THRESHOLDS.near) return 'near';
  return 'behind';
}
