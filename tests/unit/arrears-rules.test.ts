import { describe, expect, it } from 'vitest';
import { arrearsBand, arrearsRatio, lateInterest, monthEnd, monthsBand, promiseOverdue, ratioMeetsTarget, shiftMonth, targetInForce } from '../../shared/calc/arrears';
import { ARREARS_BAND_LABELS, employerKindOf, employerStatusOf } from '../../shared/domain/arrears';

describe('arrears rules', () => {
  it('bands months owed: under 3, 3 to under 6, 6 to under 12, 12 and more', () => {
    expect([0, 1, 2, 3, 5, 6, 11, 12, 19, 40].map(monthsBand)).toEqual([
      'UNDER_3', 'UNDER_3', 'UNDER_3', 'FROM_3_TO_6', 'FROM_3_TO_6', 'FROM_6_TO_12', 'FROM_6_TO_12', 'FROM_12', 'FROM_12', 'FROM_12',
    ]);
    expect(ARREARS_BAND_LABELS[monthsBand(12)]).toBe('Từ 12 tháng trở lên (nợ kéo dài)');
    expect(ARREARS_BAND_LABELS[monthsBand(3)]).toBe('Từ 3 đến dưới 6 tháng');
  });

  it('dissolved, suspended and missing employers form their own group whatever they owe', () => {
    expect(arrearsBand(2, 'ACTIVE')).toBe('UNDER_3');
    expect(arrearsBand(2, 'DISSOLVED')).toBe('CLOSED');
    expect(arrearsBand(30, 'SUSPENDED')).toBe('CLOSED');
    expect(arrearsBand(7, 'MISSING')).toBe('CLOSED');
  });

  it('ratio owed ÷ due in percent, half up to two decimals, exact on large sums', () => {
    // The Hồng Dân list: 612.570.000 owed of 10.000.000.000 due = 6,1257% → 6,13.
    expect(arrearsRatio(612_570_000, 10_000_000_000)).toBe(6.13);
    // 31,125% → 31,13 (half up, not to even); 1/8 = 12,5%.
    expect(arrearsRatio(124_500_000, 400_000_000)).toBe(31.13);
    expect(arrearsRatio(1, 8)).toBe(12.5);
    // 1,005% → 1,01 where floating point would give 1,00.
    expect(arrearsRatio(1_005, 100_000)).toBe(1.01);
    expect(arrearsRatio(1_004_999, 100_000_000)).toBe(1);
    expect(arrearsRatio(0, 5)).toBe(0);
    expect(arrearsRatio(5, 0)).toBeNull();
    expect(arrearsRatio(5, null)).toBeNull();
    expect(arrearsRatio(900_000_000_000_000, 3_000_000_000_000_000)).toBe(30);
  });

  it('target in force on a day: the office’s latest from that day, else the province’s', () => {
    const rows = [
      { officeCode: null, validFrom: '2025-01-01', ratio: 4 },
      { officeCode: null, validFrom: '2026-01-01', ratio: 3.5 },
      { officeCode: 'HD', validFrom: '2026-07-01', ratio: 2.5 },
    ];
    expect(targetInForce(rows, '2024-12-31', null)).toBeNull();
    expect(targetInForce(rows, '2025-12-31', null)?.ratio).toBe(4);
    expect(targetInForce(rows, '2026-01-01', null)?.ratio).toBe(3.5);
    expect(targetInForce(rows, '2026-06-30', 'HD')?.ratio).toBe(3.5);
    expect(targetInForce(rows, '2026-07-01', 'HD')?.ratio).toBe(2.5);
    expect(targetInForce(rows, '2026-07-01', 'PA')?.ratio).toBe(3.5);
    expect(ratioMeetsTarget(3.5, 3.5)).toBe(true);
    expect(ratioMeetsTarget(3.51, 3.5)).toBe(false);
    expect(ratioMeetsTarget(null, 3.5)).toBeNull();
  });

  it('a promise is overdue when pending and its date is before today', () => {
    expect(promiseOverdue({ status: 'PENDING', promisedOn: '2026-11-21' }, '2026-11-22')).toBe(true);
    expect(promiseOverdue({ status: 'PENDING', promisedOn: '2026-11-22' }, '2026-11-22')).toBe(false);
    expect(promiseOverdue({ status: 'BROKEN', promisedOn: '2026-01-01' }, '2026-11-22')).toBe(false);
    expect(promiseOverdue({ status: 'KEPT', promisedOn: '2026-01-01' }, '2026-11-22')).toBe(false);
  });

  it('late interest 0,03% a day from 01/07/2025, whole đồng half up; months and month ends', () => {
    expect(lateInterest(10_000_000, '2025-07-01', '2025-07-31')).toBe(90_000);
    expect(lateInterest(10_000_000, '2025-06-01', '2025-07-11')).toBe(30_000);
    expect(lateInterest(10_000_000, '2025-01-01', '2025-06-30')).toBe(0);
    expect(lateInterest(1_666, '2025-07-01', '2025-07-02')).toBe(0);
    expect(lateInterest(1_667, '2025-07-01', '2025-07-02')).toBe(1);
    expect(monthEnd('2024-02')).toBe('2024-02-29');
    expect(monthEnd('2026-12')).toBe('2026-12-31');
    expect(shiftMonth('2026-01', 1)).toBe('2025-12');
    expect(shiftMonth('2026-11', 23)).toBe('2024-12');
    expect(shiftMonth('2025-12', -1)).toBe('2026-01');
  });

  it('reads the kinds and statuses offices type', () => {
    expect(employerKindOf('HTX Tôm lúa Vĩnh Lộc')).toBe('COOPERATIVE');
    expect(employerKindOf('DNTN Xăng dầu Ngan Dừa')).toBe('ENTERPRISE');
    expect(employerKindOf('Công ty CP Xây lắp Hồng Dân')).toBe('ENTERPRISE');
    expect(employerKindOf('Hộ kinh doanh Lê Văn Tám')).toBe('HOUSEHOLD');
    expect(employerKindOf('FDI')).toBe('FDI');
    expect(employerKindOf('Xyz')).toBeNull();
    expect(employerStatusOf('Đã giải thể')).toBe('DISSOLVED');
    expect(employerStatusOf('Tạm ngừng kinh doanh')).toBe('SUSPENDED');
    expect(employerStatusOf('Chủ DN bỏ trốn')).toBe('MISSING');
    expect(employerStatusOf('Đã gửi công văn lần 2')).toBeNull();
  });
});
