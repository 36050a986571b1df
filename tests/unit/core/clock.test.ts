import { describe, expect, it } from 'vitest';
import { clockFromEnv } from '../../../electron/core/app/clock';
import { localToday } from '../../../electron/core/app/context';

describe('the one clock (BHXH_TODAY)', () => {
  it('fixes the day and keeps the time of day moving', () => {
    const now = clockFromEnv({ BHXH_TODAY: '2026-12-28' });
    expect(localToday(now())).toBe('2026-12-28');
    const real = new Date();
    expect(Math.abs(now().getHours() * 60 + now().getMinutes() - (real.getHours() * 60 + real.getMinutes()))).toBeLessThanOrEqual(1);
  });

  it('without the variable it is the system clock', () => {
    expect(localToday(clockFromEnv({})())).toBe(localToday(new Date()));
  });

  it('refuses a day that does not exist, in Vietnamese', () => {
    expect(() => clockFromEnv({ BHXH_TODAY: '2026-02-30' })).toThrow(/BHXH_TODAY="2026-02-30" không phải ngày hợp lệ/);
    expect(() => clockFromEnv({ BHXH_TODAY: '28/12/2026' })).toThrow(/YYYY-MM-DD/);
  });
});
