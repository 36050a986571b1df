import { describe, expect, it } from 'vitest';
import { BAND_COLORS, BAND_LABELS, BAND_THRESHOLDS, progressBand, PROGRESS_BANDS } from '../../../shared/calc/bands';

describe('progress bands', () => {
  it('100% and more is done, 80% to under 100% near, under 80% behind', () => {
    expect(progressBand(1)).toBe('done');
    expect(progressBand(1.3786)).toBe('done');
    expect(progressBand(0.9999)).toBe('near');
    expect(progressBand(0.8)).toBe('near');
    expect(progressBand(0.7999)).toBe('behind');
    expect(progressBand(0.2934)).toBe('behind');
    expect(progressBand(0)).toBe('behind');
  });

  it('a missing % is its own band, not "behind"', () => {
    expect(progressBand(null)).toBe('missing');
    expect(progressBand(undefined)).toBe('missing');
    expect(progressBand(Number.NaN)).toBe('missing');
    expect(progressBand(Number.POSITIVE_INFINITY)).toBe('missing');
  });

  it('labels are written from the thresholds, in vi-VN', () => {
    expect(BAND_THRESHOLDS).toEqual({ done: 1, near: 0.8 });
    expect(PROGRESS_BANDS.map((b) => BAND_LABELS[b])).toEqual(['Đạt từ 100% kế hoạch', 'Từ 80% đến dưới 100%', 'Dưới 80% kế hoạch', 'Chưa có số liệu']);
    expect(new Set(Object.values(BAND_COLORS)).size).toBe(4);
  });
});
