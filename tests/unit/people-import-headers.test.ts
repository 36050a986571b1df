import { describe, expect, it } from 'vitest';
import { columnLetterAt as columnLetter } from '../../shared/format/cells';
import { classifyHeader, headerSignature, isColumnNumberRow, locateTable } from '../../electron/core/people/import/headers';

describe('person list headers', () => {
  it('names each field from the words offices type', () => {
    const cases: [string, string | null][] = [
      ['STT', 'ignore'], ['Họ và tên', 'fullName'], ['Họ tên', 'fullName'], ['Ngày sinh', 'birthDate'], ['Ngày, tháng, năm sinh', 'birthDate'],
      ['Năm sinh', 'birthDate'], ['Giới tính', 'sex'], ['Nam/Nữ', 'sex'], ['Số CCCD', 'cccd'], ['CCCD/CMND', 'cccd'],
      ['Số định danh cá nhân', 'cccd'], ['Mã số BHXH', 'bhxhCode'], ['Mã BHXH', 'bhxhCode'], ['Mã số BHXH (nếu có)', 'bhxhCode'],
      ['Số thẻ BHYT', 'bhytCard'], ['Mã thẻ', 'bhytCard'], ['Số điện thoại', 'phone'], ['SĐT', 'phone'], ['Điện thoại', 'phone'],
      ['Xã/phường', 'commune'], ['Xã', 'commune'], ['Ấp', 'hamlet'], ['Thôn', 'hamlet'], ['Khu phố', 'hamlet'], ['Tổ dân phố', 'hamlet'],
      ['Ấp, khu phố', 'hamlet'], ['Loại hình', 'product'], ['Đối tượng', 'product'], ['Tháng đến hạn', 'dueMonth'], ['Hạn đóng', 'dueMonth'],
      ['Phương thức đóng', 'paymentMode'], ['Nhân viên thu', 'staff'], ['Mã NV thu', 'staff'], ['Tình trạng', 'status'], ['Ghi chú', 'note'],
      ['Số tiền', null], ['Năm sinh Nam', 'birthDateMale'], ['Ngày sinh (Nữ)', 'birthDateFemale'], ['Giới tính Nam', 'sexMale'], ['Địa chỉ', 'address'], ['Nơi cư trú', 'address'],
    ];
    for (const [text, field] of cases) expect([text, classifyHeader(text)]).toEqual([text, field]);
  });

  it('finds a merged two-row header under title rows and skips the column-number row', () => {
    const t = locateTable(
      [1, 2, 4, 5, 6, 7],
      [
        ['DANH SÁCH NGƯỜI CÓ KHẢ NĂNG THAM GIA'],
        ['Xã Vĩnh Lộc'],
        ['STT', 'Thông tin cá nhân', null, null, 'Số CCCD', 'Xã'],
        [null, 'Họ và tên', 'Ngày sinh', 'Giới tính', null, null],
        [1, 2, 3, 4, 5, 6],
        [1, 'Đặng Thị Hoa', '1985', 'Nữ', '095185000001', 'Xã Vĩnh Lộc'],
      ],
    )!;
    expect(t.headerRow).toBe(4);
    expect(t.lastHeaderRow).toBe(6);
    expect(t.columns.map((c) => [c.letter, c.field])).toEqual([['A', null], ['B', 'fullName'], ['C', 'birthDate'], ['D', 'sex'], ['E', 'cccd'], ['F', 'commune']]);
    expect(t.titleLines).toEqual(['DANH SÁCH NGƯỜI CÓ KHẢ NĂNG THAM GIA', 'Xã Vĩnh Lộc']);
    expect(headerSignature(t.columns)).toBe('A=stt|B=thong tin ca nhan ho va ten|C=thong tin ca nhan ngay sinh|D=thong tin ca nhan gioi tinh|E=so cccd|F=xa');
  });

  it('reads "Năm sinh" over "Nam" | "Nữ" as two birth columns, one per sex', () => {
    const t = locateTable(
      [3, 4, 5],
      [
        ['STT', 'Họ và tên', 'Năm sinh', null, 'Số CCCD', 'Thôn, ấp'],
        [null, null, 'Nam', 'Nữ', null, null],
        [1, 'Đặng Thị Hoa', null, 1985, '095185000001', 'Ấp 3'],
      ],
    )!;
    expect(t.lastHeaderRow).toBe(4);
    expect(t.columns.map((c) => [c.letter, c.header, c.field])).toEqual([
      ['A', 'STT', null], ['B', 'Họ và tên', 'fullName'], ['C', 'Năm sinh / Nam', 'birthDateMale'], ['D', 'Năm sinh / Nữ', 'birthDateFemale'],
      ['E', 'Số CCCD', 'cccd'], ['F', 'Thôn, ấp', 'hamlet'],
    ]);
  });

  it('needs a name column; a table without one is not a person list', () => {
    expect(locateTable([1, 2], [['Mã đơn vị', 'Số tiền'], ['31001', 5]])).toBeNull();
    expect(isColumnNumberRow(['A', 'B', 'C'])).toBe(true);
    expect(isColumnNumberRow(['(1)', '(2)'])).toBe(true);
    expect(isColumnNumberRow(['Nguyễn Văn A', 1985])).toBe(false);
    expect([0, 25, 26, 701, 702].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'ZZ', 'AAA']);
  });
});
