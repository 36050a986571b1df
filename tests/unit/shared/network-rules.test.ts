import { describe, expect, it } from 'vitest';
import { apportion, apportionEvenly, unallocated } from '../../../shared/calc/apportion';
import { cccdParts, cccdProblem, maskCccd, maskPhone, normaliseCccd, normalisePhone, phoneProblem } from '../../../shared/calc/cccd';
import { activityFlag, expiryFlag, flowValueProblem, monthCommission, rateOn, type CommissionRate } from '../../../shared/calc/network';
import { agentKindOf } from '../../../shared/domain/network';
import { viCollator } from '../../../shared/format/vi';
import { personSortKey, viSortKey } from '../../../shared/text/viSortKey';

describe('CCCD', () => {
  it('reads province, sex and birth year from the 12 digits', () => {
    expect(cccdParts('095186001234')).toEqual({ provinceCode: '095', sex: 'F', birthYear: 1986 });
    expect(cccdParts('095200004567')).toEqual({ provinceCode: '095', sex: 'M', birthYear: 2000 });
    expect(cccdParts('001305000001')).toEqual({ provinceCode: '001', sex: 'F', birthYear: 2005 });
  });

  it('accepts a number that agrees with its birth year, names what is wrong otherwise', () => {
    expect(cccdProblem('095186001234', { birthYear: 1986 })).toBeNull();
    expect(cccdProblem('095186001234', { birthDate: '1986-03-05', sex: 'F' })).toBeNull();
    expect(cccdProblem('095186001234', { birthYear: 1987 })).toMatch(/năm sinh 1986.*năm sinh 1987/);
    expect(cccdProblem('095186001234', { sex: 'M' })).toMatch(/giới tính nữ/);
    expect(cccdProblem('099186001234')).toMatch(/mã tỉnh 099/);
    expect(cccdProblem('003186001234')).toMatch(/mã tỉnh 003/);
    expect(cccdProblem('09518600123')).toMatch(/12 chữ số \(đang có 11\)/);
    expect(cccdProblem('09518600123A')).toMatch(/chỉ được gồm chữ số/);
  });

  it('gets back the leading 0 an Excel number lost, only for numbers from a cell', () => {
    expect(normaliseCccd('95186001234', true)).toBe('095186001234');
    expect(normaliseCccd('95186001234')).toBe('95186001234');
    expect(normaliseCccd('095 186 001 234')).toBe('095186001234');
    expect(normalisePhone('919123456', true)).toBe('0919123456');
    expect(normalisePhone('+84 919 123 456')).toBe('0919123456');
    expect(phoneProblem('0919123456')).toBeNull();
    expect(phoneProblem('12345')).toMatch(/không hợp lệ/);
  });

  it('masks identifiers for lists', () => {
    expect(maskCccd('095186001234')).toBe('0951******34');
    expect(maskPhone('0919123456')).toBe('0919***456');
    expect(maskCccd(null)).toBeNull();
  });
});

describe('Vietnamese sort key', () => {
  it('orders names as Intl.Collator("vi") does', () => {
    const names = ['Ninh Quới A', 'Ninh Quới', 'Ninh Hòa', 'Ngan Dừa', 'Vĩnh Lộc', 'An', 'An Bình', 'Ăn', 'Ân', 'Đông', 'Dương', 'Ô Môn', 'Ơ', 'Uống', 'Ưng', 'Hòa', 'Hỏa', 'Hóa', 'Hạ', 'Ha', 'Châu', 'Cao'];
    const byKey = [...names].sort((a, b) => (viSortKey(a) < viSortKey(b) ? -1 : viSortKey(a) > viSortKey(b) ? 1 : 0));
    expect(byKey).toEqual([...names].sort(viCollator.compare));
  });

  it('lists people by given name first', () => {
    const people = ['Trần Thị Bé Tư', 'Lâm Văn Út', 'Nguyễn Hoàng Phúc', 'Thạch Thị Sa Rên', 'Lê Văn An'];
    expect([...people].sort((a, b) => (personSortKey(a) < personSortKey(b) ? -1 : 1))).toEqual(['Lê Văn An', 'Nguyễn Hoàng Phúc', 'Thạch Thị Sa Rên', 'Trần Thị Bé Tư', 'Lâm Văn Út']);
  });
});

describe('allocation and its sum check', () => {
  it('shares a target out in whole numbers that add up, and says what is left or over-given', () => {
    expect(apportionEvenly(10, 3)).toEqual([4, 3, 3]);
    expect(apportion(100, [1, 1, 1]).reduce((a, b) => a + b, 0)).toBe(100);
    expect(unallocated(1000, [400, 350, null])).toBe(250);
    expect(unallocated(400, [250, 200])).toBe(-50);
    expect(unallocated(null, [1])).toBeNull();
  });
});

describe('commission', () => {
  const rates: CommissionRate[] = [
    { product: 'BHXH_TN', basis: 'perNew', value: 50_000, validFrom: '2026-01-01' },
    { product: 'BHXH_TN', basis: 'perNew', value: 60_000, validFrom: '2026-10-01' },
    { product: 'BHYT_HGD', basis: 'percent', value: 0.054, validFrom: '2025-07-01' },
  ];

  it('takes the rate in force on the first day of each month', () => {
    expect(rateOn(rates, 'BHXH_TN', '2026-09-01')!.value).toBe(50_000);
    expect(rateOn(rates, 'BHXH_TN', '2026-10-01')!.value).toBe(60_000);
    expect(rateOn(rates, 'BHXH_TN', '2025-12-01')).toBeNull();
    expect(monthCommission('2026-09', { NEW_TN: 10, AMOUNT_HGD: 1_263_600 }, rates)).toEqual({ byProduct: { BHXH_TN: 500_000, BHYT_HGD: 68_234 }, total: 568_234 });
    expect(monthCommission('2026-10', { NEW_TN: 10 }, rates).total).toBe(600_000);
    expect(monthCommission('2025-12', { NEW_TN: 10 }, rates).total).toBe(0);
  });
});

describe('the inactive flag', () => {
  const months = (entries: [string, number][]) => new Map(entries);
  it('flags a staff member with no new participant in the last N months, not a newcomer or someone who left', () => {
    const base = { status: 'active' as const, joinedOn: '2025-01-10', leftOn: null };
    expect(activityFlag({ ...base, newByMonth: months([['2026-07', 3]]) }, '2026-10', 3)).toBe('inactive');
    expect(activityFlag({ ...base, newByMonth: months([['2026-08', 1]]) }, '2026-10', 3)).toBe('active');
    expect(activityFlag({ ...base, newByMonth: months([['2026-08', 1]]) }, '2026-10', 2)).toBe('inactive');
    expect(activityFlag({ ...base, joinedOn: '2026-09-01', newByMonth: months([]) }, '2026-10', 3)).toBe('new');
    expect(activityFlag({ ...base, status: 'left', newByMonth: months([]) }, '2026-10', 3)).toBe('left');
  });

  it('flags contracts that end within 30 or 60 days', () => {
    expect(expiryFlag('2026-12-15', '2026-11-22')).toBe('within30');
    expect(expiryFlag('2027-01-15', '2026-11-22')).toBe('within60');
    expect(expiryFlag('2027-03-01', '2026-11-22')).toBeNull();
    expect(expiryFlag('2026-11-21', '2026-11-22')).toBe('expired');
  });

  it('refuses fractional people, negative or absurd figures', () => {
    expect(flowValueProblem('count', 3)).toBeNull();
    expect(flowValueProblem('count', 1.5)).toMatch(/số nguyên/);
    expect(flowValueProblem('money', -1)).toMatch(/âm/);
    expect(flowValueProblem('money', 1_980_000.5)).toMatch(/phần lẻ/);
  });

  it('reads agent kinds typed the many ways offices type them', () => {
    expect(agentKindOf('Bưu điện')).toBe('POST');
    expect(agentKindOf('UBND xã/thị trấn')).toBe('COMMUNE');
    expect(agentKindOf('Hội LHPN')).toBe('WOMEN');
    expect(agentKindOf('Hội Nông dân')).toBe('FARMERS');
    expect(agentKindOf('Viettel Bạc Liêu')).toBe('VIETTEL');
    expect(agentKindOf('POST')).toBe('POST');
    expect(agentKindOf('Ngân hàng')).toBeNull();
  });
});
