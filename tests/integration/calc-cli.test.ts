import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { cli } from '../helpers/cli';
import { tempDataDir } from '../helpers/fixtures';

describe('CLI: calc bhxh-tn and calc bhyt-hgd', () => {
  let dir: string;
  beforeAll(() => {
    vi.stubEnv('BHXH_TODAY', '2026-11-22');
    dir = tempDataDir();
  });
  afterAll(() => vi.unstubAllEnvs());

  it('voluntary BHXH: the worked case as stable JSON and as a table', async () => {
    const run = await cli('calc', 'bhxh-tn', '--income', '1.500.000', '--months', '12', '--group', 'poor', '--date', '2025-08-01', '--data-dir', dir, '--json');
    expect(run.code, run.err).toBe(0);
    const r = JSON.parse(run.out);
    expect(r).toMatchObject({
      date: '2025-08-01', income: 1_500_000, minIncome: 1_500_000, maxIncome: 46_800_000, ratePct: 22, group: 'poor', mode: '12', months: 12,
      contribution: 330_000, stateSupportPct: 50, stateSupport: 165_000, provinceSupportPct: 0, provinceSupport: 0, personPays: 165_000,
      totalContribution: 3_960_000, totalSupport: 1_980_000, totalPays: 1_980_000, discountRatePct: null,
    });
    expect(r.rules).toContainEqual({ kind: 'BHXH_TN_SUPPORT', subject: 'poor', value: 50, validFrom: '2025-07-01', source: 'Nghị định 159/2025/NĐ-CP' });
    const text = await cli('calc', 'bhxh-tn', '--income', '2000000', '--months', '1', '--group', 'other', '--province-support', '10%', '--date', '01/08/2025', '--data-dir', dir);
    expect(text.code, text.err).toBe(0);
    expect(text.out).toContain('Tỉnh hỗ trợ thêm (10%)  33.000 đ');
    expect(text.out).toContain('Người tham gia đóng     341.000 đ');
  });

  it('household BHYT: five members from 07/2024, groups one per member', async () => {
    const run = await cli('calc', 'bhyt-hgd', '--members', '5', '--months', '12', '--date', '2024-07-01', '--data-dir', dir, '--json');
    expect(run.code, run.err).toBe(0);
    const r = JSON.parse(run.out);
    expect(r.members.map((m: { amount: number }) => m.amount)).toEqual([105_300, 73_710, 63_180, 52_650, 42_120]);
    expect([r.total, r.periodPays, r.baseSalary]).toEqual([336_960, 4_043_520, 2_340_000]);
    const grouped = JSON.parse((await cli('calc', 'bhyt-hgd', '--members', '2', '--group', 'farm,none', '--province-support', '50', '--months', '1', '--date', '2025-08-01', '--data-dir', dir, '--json')).out);
    expect(grouped.members.map((m: { group: string; support: number }) => [m.group, m.support])).toEqual([['farm', 52_650], ['none', 0]]);
    // One group is the whole household's; a list shorter than the household is refused.
    const whole = JSON.parse((await cli('calc', 'bhyt-hgd', '--members', '3', '--group', 'farm', '--months', '1', '--date', '2025-08-01', '--data-dir', dir, '--json')).out);
    expect(whole.members.map((m: { group: string }) => m.group)).toEqual(['farm', 'farm', 'farm']);
    const short = await cli('calc', 'bhyt-hgd', '--members', '3', '--group', 'farm,none', '--months', '1', '--date', '2025-08-01', '--data-dir', dir);
    expect(short.code).toBe(2);
    expect(short.err).toContain('ghi một nhóm cho cả hộ');
    const text = await cli('calc', 'bhyt-hgd', '--members', '5', '--months', '12', '--date', '2024-07-01', '--data-dir', dir);
    expect(text.out).toContain('Cả hộ đóng 4.043.520 đ cho 12 tháng.');
  });

  it('refuses in Vietnamese: bad flags before opening data, out-of-range income and missing discount rate after', async () => {
    const group = await cli('calc', 'bhxh-tn', '--income', '1500000', '--months', '12', '--group', 'rich', '--date', '2025-08-01', '--data-dir', dir);
    expect(group.code).toBe(2);
    expect(group.err).toContain('Giá trị --group "rich" không hợp lệ: dùng poor (Hộ nghèo)');
    const months = await cli('calc', 'bhxh-tn', '--income', '1500000', '--months', '7', '--group', 'poor', '--date', '2025-08-01', '--data-dir', dir);
    expect(months.err).toContain('Giá trị --months 7 không hợp lệ');
    const many = await cli('calc', 'bhyt-hgd', '--members', '2', '--group', 'farm,none,none', '--months', '1', '--date', '2025-08-01', '--data-dir', dir);
    expect(many.err).toContain('--group có 3 nhóm nhưng hộ chỉ có 2 thành viên');
    const missing = await cli('calc', 'bhxh-tn', '--income', '1500000', '--months', '12', '--group', 'poor', '--data-dir', dir);
    expect(missing.code).toBe(2);
    const low = await cli('calc', 'bhxh-tn', '--income', '1.000.000', '--months', '1', '--group', 'poor', '--date', '2025-08-01', '--data-dir', dir, '--json');
    expect(low.code).not.toBe(0);
    expect(JSON.parse(low.out)).toMatchObject({ status: 'rejected', error: { code: 'VALIDATION' } });
    expect(low.err).toBe('Mức thu nhập 1.000.000 đ thấp hơn mức thấp nhất 1.500.000 đ (chuẩn nghèo khu vực nông thôn áp dụng ngày 01/08/2025).');
    const ahead = await cli('calc', 'bhxh-tn', '--income', '1500000', '--months', '36', '--group', 'poor', '--date', '2025-08-01', '--data-dir', dir);
    expect(ahead.err).toContain('Chưa có lãi suất chiết khấu do BHXH Việt Nam công bố');
  });
});
