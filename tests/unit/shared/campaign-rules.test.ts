import { describe, expect, it } from 'vitest';
import { campaignFigures, campaignTotal, dayRows, daysTotal, percentOf } from '../../../shared/calc/campaigns';
import { effectOf, effectWindows, gainOver, stockOn, sumEffects } from '../../../shared/calc/campaignEffect';
import { audiencesOf, campaignKindOf } from '../../../shared/domain/campaigns';
import { periodDays } from '../../../shared/domain/periods';

describe('campaign figures (DOMAIN.md seed figures)', () => {
  it('rounds % of plan half up to two decimals', () => {
    expect(percentOf(925, 700)).toBe(132.14); // Trà Vinh launch day, voluntary BHXH
    expect(percentOf(1186, 1300)).toBe(91.23); // household BHYT
    expect(percentOf(965, 700)).toBe(137.86); // two days (the newspaper cut it to 137,85)
    expect(percentOf(1287, 2023)).toBe(63.62); // Bạc Liêu conversion
    expect(percentOf(1, 800)).toBe(0.13); // a true half goes up
    expect(percentOf(5, 0)).toBeNull();
    expect(percentOf(null, 10)).toBeNull();
  });

  it('a two-day launch day: per day, running and whole-campaign % of plan', () => {
    const plan = { BHXH_TN: 700, BHYT_HGD: 1300 };
    const days = [
      { day: '2023-07-12', attendees: 300, signups: { BHXH_TN: 40, BHYT_HGD: null } },
      { day: '2023-07-11', attendees: 1500, signups: { BHXH_TN: 925, BHYT_HGD: 1186 } },
    ];
    const rows = dayRows(days, plan);
    expect(rows.map((r) => r.day)).toEqual(['2023-07-11', '2023-07-12']);
    expect(rows[0]!.pctOfPlan).toEqual({ BHXH_TN: 132.14, BHYT_HGD: 91.23 });
    expect(rows[1]!.cumulative).toEqual({ BHXH_TN: 965, BHYT_HGD: 1186 });
    expect(rows[1]!.cumulativePct.BHXH_TN).toBe(137.86);
    const total = daysTotal(days);
    const f = campaignFigures({ ...total, plan, cost: 21_110_000 });
    expect(f.attendees).toBe(1800);
    expect(f.pctOfPlan).toEqual({ BHXH_TN: 137.86, BHYT_HGD: 91.23 });
    expect(f.totalSignups).toBe(2151);
    expect(f.pctOfPlanTotal).toBe(percentOf(2151, 2000));
    expect(f.conversion).toBe(119.5);
    expect(f.costPerSignup).toBe(9814); // 21.110.000 ÷ 2.151 = 9.814,04
  });

  it('totals count sessions and sum before deriving rates', () => {
    const t = campaignTotal([
      { kind: 'CONFERENCE', sessions: 58, attendees: 2023, signups: { BHXH_TN: 1287, BHYT_HGD: null }, plan: { BHXH_TN: null, BHYT_HGD: null }, cost: null },
      { kind: 'CONFERENCE', sessions: 1, attendees: 65, signups: { BHXH_TN: 17, BHYT_HGD: null }, plan: { BHXH_TN: 20, BHYT_HGD: null }, cost: 3_200_000 },
    ]);
    expect(t.campaigns).toBe(2);
    expect(t.sessions).toBe(59);
    expect(t.attendees).toBe(2088);
    expect(t.conversion).toBe(percentOf(1304, 2088));
    expect(t.pctOfPlan.BHXH_TN).toBe(6520); // 1.304 of a plan of 20: plans are summed too
    expect(t.costPerSignup).toBe(2454);
  });
});

describe('campaign effect', () => {
  // Month figures stand on the month's last day.
  const points = [
    { day: '2024-04-30', value: 1000 },
    { day: '2024-05-31', value: 1062 },
    { day: '2024-06-30', value: 1122 },
    { day: '2025-03-31', value: 1300 },
    { day: '2025-04-30', value: 1330 },
    { day: '2025-05-31', value: 1454 },
    { day: '2025-06-30', value: 1500 },
  ];

  it('reads a stock between two reports on the straight line', () => {
    expect(stockOn(points, '2025-05-31')).toBe(1454);
    expect(stockOn(points, '2025-05-15')).toBeCloseTo(1330 + (124 * 15) / 31, 9);
    expect(stockOn(points, '2024-04-01')).toBeNull();
    expect(stockOn(points, '2025-07-15')).toBeNull();
  });

  it('a launch day on 01/05/2025, four weeks: hand-computed gains', () => {
    const w = effectWindows('2025-05-01', 4);
    expect(w.after).toEqual({ from: '2025-05-01', to: '2025-05-29' });
    expect(w.before).toEqual({ from: '2025-04-03', to: '2025-05-01' });
    expect(w.lastYear).toEqual({ from: '2024-05-02', to: '2024-05-30' });
    // after: 1330 + 124·1/31 = 1334 → 1330 + 124·29/31 = 1446 : 112
    expect(gainOver(points, w.after)).toBe(112);
    // before: 1300 + 30·3/30 = 1303 → 1334 : 31
    expect(gainOver(points, w.before)).toBe(31);
    // last year: 1000 + 62·2/31 = 1004 → 1000 + 62·30/31 = 1060 : 56
    expect(gainOver(points, w.lastYear)).toBe(56);
    const e = effectOf(points, w);
    expect(e.liftOnBefore).toBeCloseTo((112 - 31) / 31, 12);
    expect(e.liftOnLastYear).toBe(1);
    const sum = sumEffects([e, { ...e, lastYear: null }]);
    expect(sum.counted).toBe(1);
    expect(sum.after).toBe(112);
  });
});

describe('campaign vocabulary', () => {
  it('reads the kinds offices type', () => {
    expect(campaignKindOf('Lễ ra quân')).toBe('LAUNCH');
    expect(campaignKindOf('Hội nghị')).toBe('CONFERENCE');
    expect(campaignKindOf('Mạng xã hội')).toBe('SOCIAL_MEDIA');
    expect(campaignKindOf('Đăng bài trên Zalo')).toBe('SOCIAL_MEDIA');
    expect(campaignKindOf('Tháng cao điểm')).toBe('PEAK');
    expect(campaignKindOf('Tư vấn tại điểm giao dịch')).toBe('COUNSELLING');
    expect(campaignKindOf('Tờ gấp')).toBe('BANNERS');
    expect(campaignKindOf('LAUNCH')).toBe('LAUNCH');
    expect(campaignKindOf('Khác lạ')).toBeNull();
  });

  it('reads audiences', () => {
    expect(audiencesOf('Nông dân, hộ cận nghèo')).toEqual(['NEAR_POOR', 'FARMERS']);
    expect(audiencesOf('Đồng bào DTTS vùng sâu')).toEqual(expect.arrayContaining(['ETHNIC', 'REMOTE']));
    expect(audiencesOf('Hộ nghèo')).toEqual(['POOR']);
  });

  it('periods typed as a year, a quarter or a month', () => {
    expect(periodDays('2020')).toMatchObject({ from: '2020-01-01', to: '2020-12-31', kind: 'year' });
    expect(periodDays('2020-Q2')).toMatchObject({ from: '2020-04-01', to: '2020-06-30', kind: 'quarter', index: 2 });
    expect(periodDays('2024-02')).toMatchObject({ from: '2024-02-01', to: '2024-02-29', kind: 'month' });
    expect(periodDays('2020-13')).toBeNull();
  });
});
