import { describe, expect, it } from 'vitest';
import { jumpRatio, jumpText } from '../../../shared/calc/jump';

describe('unusual month-on-month change (the jump rule of the entry grid and of saving)', () => {
  it('1.000 → 1.350 at a 20% threshold is a jump of +35%; 1.000 → 1.200 is not (the threshold itself is allowed)', () => {
    expect(jumpRatio(1000, 1350, 0.2)).toBeCloseTo(0.35, 10);
    expect(jumpRatio(1000, 1200, 0.2)).toBeNull();
    expect(jumpRatio(1000, 1201, 0.2)).toBeCloseTo(0.201, 10);
  });

  it('a drop counts too: 1.000 → 700 is −30%', () => {
    expect(jumpRatio(1000, 700, 0.2)).toBeCloseTo(-0.3, 10);
  });

  it('no figure last month, a zero last month or an emptied cell give nothing to judge by', () => {
    expect(jumpRatio(null, 500, 0.2)).toBeNull();
    expect(jumpRatio(undefined, 500, 0.2)).toBeNull();
    expect(jumpRatio(0, 500, 0.2)).toBeNull();
    expect(jumpRatio(1000, null, 0.2)).toBeNull();
  });

  it('says why in Vietnamese with vi-VN numbers', () => {
    expect(jumpText(1555, 3000, 0.2)).toBe('thay đổi 92,9% so với tháng trước (1.555 → 3.000), vượt ngưỡng 20%; cần ghi chú giải trình.');
    expect(jumpText(1000, 700, 0.25)).toBe('thay đổi -30,0% so với tháng trước (1.000 → 700), vượt ngưỡng 25%; cần ghi chú giải trình.');
  });
});
