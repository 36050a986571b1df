import { describe, expect, it } from 'vitest';
import { clip, covers, overlaps, spanText } from '../../electron/core/offices/rules';

describe('office membership spans', () => {
  it('two spans overlap when they share a day, both ends included, open ends open', () => {
    expect(overlaps({ validFrom: null, validTo: '2025-06-30' }, { validFrom: '2025-07-01', validTo: null })).toBe(false);
    expect(overlaps({ validFrom: null, validTo: '2025-07-01' }, { validFrom: '2025-07-01', validTo: null })).toBe(true);
    expect(overlaps({ validFrom: null, validTo: null }, { validFrom: '2030-01-01', validTo: '2030-01-01' })).toBe(true);
    expect(covers({ validFrom: '2025-07-01', validTo: null }, '2025-06-30')).toBe(false);
    expect(covers({ validFrom: '2025-07-01', validTo: null }, '2025-07-01')).toBe(true);
  });

  it('clips a membership to the commune’s life, or says they share no day', () => {
    expect(clip({ validFrom: null, validTo: null }, { validFrom: null, validTo: '2025-06-30' })).toEqual({ validFrom: null, validTo: '2025-06-30' });
    expect(clip({ validFrom: '2026-01-01', validTo: null }, { validFrom: null, validTo: '2025-06-30' })).toBeNull();
    expect(clip({ validFrom: '2024-01-01', validTo: '2026-12-31' }, { validFrom: '2025-07-01', validTo: null })).toEqual({ validFrom: '2025-07-01', validTo: '2026-12-31' });
  });

  it('says a span the way users read dates', () => {
    expect(spanText({ validFrom: '2025-07-01', validTo: '2025-12-31' })).toBe('từ 01/07/2025 đến 31/12/2025');
    expect(spanText({ validFrom: null, validTo: '2025-06-30' })).toBe('đến 30/06/2025');
    expect(spanText({ validFrom: null, validTo: null })).toBe('không giới hạn thời gian');
  });
});
