import { describe, expect, it } from 'vitest';
import { bhxhTn, bhytHgd, percentOf, ruleInForce, rulesInForce, type ContributionRule } from '../../shared/calc/contributions';
import { CONTRIBUTION_SEED } from '../../electron/core/db/migrations/017-contribution-rules';
import type { RuleKind } from '../../shared/domain/contributions';

/** The rows migration 17 seeds, as the repository returns them. */
const SEEDED: ContributionRule[] = CONTRIBUTION_SEED.map(([kind, subject, value, validFrom, validTo, source, note], i) => ({ id: i + 1, kind: kind as RuleKind, subject, value, validFrom, validTo, source, note }));

const tn = (over: Partial<Parameters<typeof bhxhTn>[1]> = {}, rules = SEEDED) => bhxhTn(rules, { income: 1_500_000, mode: '1', group: 'poor', date: '2025-08-01', ...over });

describe('rules in force on a date', () => {
  it('takes the latest start on or before the day, skipping ended rows', () => {
    expect(ruleInForce(SEEDED, 'BASE_SALARY', null, '2024-06-30')!.value).toBe(1_800_000);
    expect(ruleInForce(SEEDED, 'BASE_SALARY', null, '2024-07-01')!.value).toBe(2_340_000);
    expect(ruleInForce(SEEDED, 'BASE_SALARY', null, '2019-06-30')).toBeNull();
    expect(ruleInForce(SEEDED, 'BHXH_TN_SUPPORT', 'poor', '2025-06-30')!.value).toBe(30);
    expect(ruleInForce(SEEDED, 'BHXH_TN_SUPPORT', 'poor', '2025-07-01')!.value).toBe(50);
    expect(ruleInForce(SEEDED, 'POVERTY_LINE', null, '2026-12-31')!.value).toBe(1_500_000);
    expect(ruleInForce(SEEDED, 'POVERTY_LINE', null, '2027-01-01')!.value).toBe(2_200_000);
    const day = rulesInForce(SEEDED, '2025-08-01');
    expect(day.filter((r) => r.kind === 'BHXH_TN_SUPPORT').map((r) => [r.subject, r.value]).sort()).toEqual([['ethnic', 30], ['near-poor', 40], ['other', 20], ['poor', 50]]);
  });

  it('rounds half up to the đồng', () => {
    expect(percentOf(2_340_000, 4.5)).toBe(105_300);
    expect(percentOf(105_300, 70)).toBe(73_710);
    expect(percentOf(1_001, 50)).toBe(501); // 500,5 → 501
    expect(percentOf(1_003, 50)).toBe(502); // 501,5 → 502
    expect(percentOf(333, 22)).toBe(73); // 73,26 → 73
  });
});

describe('voluntary BHXH', () => {
  it('the worked case: 1.500.000 đ, poor, August 2025 (NĐ 159/2025)', () => {
    const r = tn();
    expect([r.contribution, r.stateSupport, r.personPays, r.minIncome, r.maxIncome]).toEqual([330_000, 165_000, 165_000, 1_500_000, 46_800_000]);
    expect(tn({ mode: '12' }).totalPays).toBe(1_980_000);
    expect(tn({ mode: '3' }).totalPays).toBe(495_000);
    expect(tn({ mode: '6' })).toMatchObject({ months: 6, totalContribution: 1_980_000, totalSupport: 990_000, totalPays: 990_000 });
  });

  it('support is a share of the contribution at the minimum income, whatever income is chosen', () => {
    // 5.000.000 đ, near-poor, 08/2025: 1.100.000 − 40% × 330.000 = 1.100.000 − 132.000.
    expect(tn({ income: 5_000_000, group: 'near-poor' })).toMatchObject({ contribution: 1_100_000, stateSupport: 132_000, personPays: 968_000 });
    expect(tn({ income: 5_000_000, group: 'ethnic' })).toMatchObject({ stateSupport: 99_000, personPays: 1_001_000 });
    expect(tn({ income: 5_000_000, group: 'other' })).toMatchObject({ stateSupport: 66_000, personPays: 1_034_000 });
  });

  it('before 01/07/2025 (NĐ 134/2015): poor 30%, near-poor 25%, others 10%; before and after 01/07/2024 the maximum follows the base salary', () => {
    expect(tn({ date: '2025-06-30' })).toMatchObject({ stateSupportPct: 30, stateSupport: 99_000, personPays: 231_000 });
    expect(tn({ date: '2024-03-01', group: 'near-poor' })).toMatchObject({ stateSupport: 82_500, personPays: 247_500, maxIncome: 36_000_000 });
    expect(tn({ date: '2024-08-01', group: 'other', income: 2_000_000 })).toMatchObject({ contribution: 440_000, stateSupport: 33_000, personPays: 407_000, maxIncome: 46_800_000 });
    expect(tn({ date: '2025-03-01', group: 'ethnic' }).stateSupport).toBe(33_000);
  });

  it("adds a province's own top-up in % of the contribution at the minimum income", () => {
    // Other, 08/2025, province 10%: 330.000 − 66.000 − 33.000 = 231.000; 12 months 2.772.000.
    const r = tn({ group: 'other', provinceSupportPct: 10, mode: '12' });
    expect([r.stateSupport, r.provinceSupport, r.personPays, r.totalSupport, r.totalPays]).toEqual([66_000, 33_000, 231_000, 1_188_000, 2_772_000]);
    // Never more than the contribution: poor 50% + province 60% pays nothing, support 330.000.
    expect(tn({ provinceSupportPct: 60 })).toMatchObject({ stateSupport: 165_000, provinceSupport: 165_000, personPays: 0 });
  });

  it('refuses an income outside the dated bounds, in Vietnamese', () => {
    expect(() => tn({ income: 1_499_999 })).toThrow('Mức thu nhập 1.499.999 đ thấp hơn mức thấp nhất 1.500.000 đ (chuẩn nghèo khu vực nông thôn áp dụng ngày 01/08/2025).');
    expect(() => tn({ income: 46_800_001 })).toThrow('Mức thu nhập 46.800.001 đ cao hơn mức cao nhất 46.800.000 đ (20 lần mức lương cơ sở 2.340.000 đ áp dụng ngày 01/08/2025).');
    expect(tn({ income: 46_800_000 }).contribution).toBe(10_296_000);
    expect(() => tn({ income: 1_500_000, date: '2027-02-01' })).toThrow('thấp hơn mức thấp nhất 2.200.000 đ');
    expect(() => tn({ date: '2019-01-01' })).toThrow('Chưa có chuẩn nghèo khu vực nông thôn (thu nhập tối thiểu) có hiệu lực ngày 01/01/2019. Hãy thêm mức vào thẻ "Bảng mức đóng"');
  });

  it('several years ahead needs a published discount rate: refused until a row is added, then discounted month by month', () => {
    expect(() => tn({ mode: 'years', years: 5 })).toThrow('Chưa có lãi suất chiết khấu do BHXH Việt Nam công bố có hiệu lực ngày 01/08/2025');
    const withRate: ContributionRule[] = [...SEEDED, { id: 999, kind: 'BHXH_TN_DISCOUNT', subject: null, value: 6, validFrom: '2025-01-01', validTo: null, source: 'Văn bản thử', note: null }];
    // 6%/year = 0,5% a month: 165.000 × Σ 1/1,005^i for i = 0..23, the closed form of the geometric sum.
    const r = tn({ mode: 'years', years: 2 }, withRate);
    const factor = (1 - 1.005 ** -24) / (1 - 1 / 1.005);
    expect(r.months).toBe(24);
    expect(r.totalPays).toBe(Math.floor(165_000 * factor + 0.5));
    expect(r.totalPays).toBeLessThan(165_000 * 24);
    expect(r.discountRatePct).toBe(6);
    expect(() => tn({ mode: 'years', years: 6 }, withRate)).toThrow('số năm từ 2 đến 5');
  });
});

describe('household BHYT', () => {
  it('five members from 07/2024: 105.300 + 73.710 + 63.180 + 52.650 + 42.120 = 336.960 đ a month', () => {
    const r = bhytHgd(SEEDED, { members: ['none', 'none', 'none', 'none', 'none'], months: 12, date: '2024-07-01' });
    expect(r.members.map((m) => m.amount)).toEqual([105_300, 73_710, 63_180, 52_650, 42_120]);
    expect([r.total, r.totalPays, r.periodPays]).toEqual([336_960, 336_960, 4_043_520]);
    // A sixth member pays 40% as the fifth.
    expect(bhytHgd(SEEDED, { members: Array(6).fill('none'), months: 1, date: '2024-07-01' }).total).toBe(379_080);
  });

  it('follows the base salary of the date: 1.490.000 before 01/07/2023, 1.800.000 until 30/06/2024', () => {
    expect(bhytHgd(SEEDED, { members: ['none', 'none'], months: 1, date: '2023-06-30' }).members.map((m) => m.amount)).toEqual([67_050, 46_935]);
    expect(bhytHgd(SEEDED, { members: ['none', 'none', 'none'], months: 6, date: '2024-06-30' })).toMatchObject({ total: 81_000 + 56_700 + 48_600, periodTotal: 186_300 * 6 });
  });

  it('supported members: near-poor 70%, farming households 30% or the province rate (Bình Thuận 50%)', () => {
    const r = bhytHgd(SEEDED, { members: ['farm', 'farm', 'near-poor'], months: 12, date: '2025-08-01' });
    expect(r.members.map((m) => [m.amount, m.supportPct, m.support, m.pays])).toEqual([[105_300, 30, 31_590, 73_710], [73_710, 30, 22_113, 51_597], [63_180, 70, 44_226, 18_954]]);
    const binhThuan = bhytHgd(SEEDED, { members: ['farm', 'none'], months: 1, provinceSupportPct: 50, date: '2025-08-01' });
    expect(binhThuan.members.map((m) => [m.supportPct, m.support, m.pays])).toEqual([[50, 52_650, 52_650], [0, 0, 73_710]]);
    expect(binhThuan.totalPays).toBe(126_360);
  });

  it('refuses what it cannot compute', () => {
    expect(() => bhytHgd(SEEDED, { members: [], months: 1, date: '2025-08-01' })).toThrow('Hộ gia đình cần ít nhất một thành viên.');
    expect(() => bhytHgd(SEEDED, { members: ['none'], months: 13, date: '2025-08-01' })).toThrow('Số tháng đóng từ 1 đến 12.');
    expect(() => bhytHgd(SEEDED, { members: ['none'], months: 1, date: '2019-06-01' })).toThrow('Chưa có mức lương cơ sở có hiệu lực ngày 01/06/2019');
  });
});
