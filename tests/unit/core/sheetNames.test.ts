import { describe, expect, it } from 'vitest';
import { excelSheetName } from '../../../electron/core/reports/workbook';

describe('Excel sheet names of the report workbook', () => {
  it('keeps a name that fits, cleaned of the characters Excel forbids', () => {
    expect(excelSheetName('Tỷ lệ bao phủ theo BHXH cơ sở', new Set())).toBe('Tỷ lệ bao phủ theo BHXH cơ sở');
    expect(excelSheetName("'Biểu: 1/2 [mẫu]*?'", new Set())).toBe('Biểu 1 2 mẫu');
    expect(excelSheetName('  ', new Set())).toBe('Bảng');
  });

  it('cuts a long caption at a word, preferring the dash before a subtitle or "theo …", never inside a word', () => {
    const cut = excelSheetName('I Kết quả so với kế hoạch được giao', new Set());
    // Not ending on "được": a title does not stop on a word that leads on.
    expect(cut).toBe('I Kết quả so với kế hoạch');
    expect(excelSheetName('IV.1 2 đơn vị dẫn đầu — BHXH tự nguyện', new Set())).toBe('IV.1 2 đơn vị dẫn đầu');
    expect(excelSheetName('II Tỷ lệ bao phủ theo BHXH cơ sở', new Set())).toBe('II Tỷ lệ bao phủ');
    expect(excelSheetName('III.1 BHXH tự nguyện — Tỉnh Phú An (dữ liệu mẫu)', new Set())).toBe('III.1 BHXH tự nguyện');
    for (const name of [cut, excelSheetName('Một tên rất dài không có gạch ngang nào để cắt cho gọn', new Set())]) {
      expect(name.length).toBeLessThanOrEqual(31);
      expect(name).not.toMatch(/\s$/);
    }
    // One word longer than a tab: cut, there is no better place.
    expect(excelSheetName('Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', new Set())).toHaveLength(31);
  });

  it('is unique whatever the case, numbering a clash within 31 characters', () => {
    const used = new Set<string>();
    const names = [
      excelSheetName('I Kết quả so với kế hoạch được giao', used),
      excelSheetName('I KẾT QUẢ SO VỚI KẾ HOẠCH ĐƯỢC giao thêm', used),
      excelSheetName('I Kết quả so với kế hoạch được giao', used),
    ];
    expect(names).toEqual(['I Kết quả so với kế hoạch', 'I KẾT QUẢ SO VỚI KẾ HOẠCH (2)', 'I Kết quả so với kế hoạch (3)']);
    expect(names.every((n) => n.length <= 31)).toBe(true);
  });
});
