import { describe, expect, it } from 'vitest';
import type { PeopleLookups } from '../../electron/core/people/import/lookups';
import { validateRow, type FieldColumn } from '../../electron/core/people/import/validateRow';
import { parseBirthDate, parseDueMonth } from '../../shared/domain/personValues';

const TODAY = '2026-11-22';

describe('person list values', () => {
  it('reads birth dates every way offices type them', () => {
    const ok = (v: string | number) => {
      const r = parseBirthDate(v, TODAY);
      return r.ok ? r.value : r.message;
    };
    expect(ok('1985-03-05')).toBe('1985-03-05');
    expect(ok('05/03/1985')).toBe('1985-03-05');
    expect(ok('5.3.1985')).toBe('1985-03-05');
    expect(ok('5-3-1985')).toBe('1985-03-05');
    expect(ok('03/1985')).toBe('1985'); // month and year: the year is what a list without a day keeps
    expect(ok('13/1985')).toBe('Ngày sinh "13/1985" không phải tháng có thật.');
    // A two-digit year is never guessed into a century.
    expect(ok('5/3/85')).toBe('Ngày sinh "5/3/85" ghi năm bằng 2 chữ số, không rõ là 19xx hay 20xx: hãy ghi đủ 4 chữ số của năm (ví dụ 05/03/1985).');
    expect(ok('5/3/05')).toMatch(/^Ngày sinh "5\/3\/05" ghi năm bằng 2 chữ số/);
    expect(ok('1985')).toBe('1985');
    expect(ok(1985)).toBe('1985');
    expect(ok(31111)).toBe('1985-03-05'); // an Excel serial in a birth-date column
    expect(ok('30/02/1985')).toBe('Ngày sinh "30/02/1985" không phải ngày có thật.');
    expect(ok('01/01/2027')).toBe('Ngày sinh "01/01/2027" sau ngày hôm nay.');
    expect(ok('khoảng 1985')).toMatch(/^Ngày sinh "khoảng 1985" không đọc được/);
  });

  it('reads due months as YYYY-MM', () => {
    const ok = (v: string | number) => {
      const r = parseDueMonth(v);
      return r.ok ? r.value : r.message;
    };
    expect(['05/2026', '5/2026', 'T5/2026', 'tháng 5/2026', '2026-05', '2026-05-31', '31/05/2026'].map(ok)).toEqual(Array(7).fill('2026-05'));
    expect(ok('13/2026')).toMatch(/^Tháng đến hạn "13\/2026" không đọc được/);
  });

  it('checks a row field by field, each problem on its cell, identifiers masked in messages', () => {
    const lookups = {
      commune: (t: string) => (t === 'Xã Vĩnh Lộc' ? { ok: true, unit: { code: '31001', name: 'Xã Vĩnh Lộc' } } : { ok: false, message: `Không tìm thấy xã, phường "${t}".` }),
      staffId: (c: string) => (c.trim().toUpperCase() === 'NV001' ? 7 : null),
    } as unknown as PeopleLookups;
    const fields = ['fullName', 'birthDate', 'sex', 'cccd', 'bhxhCode', 'bhytCard', 'phone', 'commune', 'staff'] as const;
    const columns: FieldColumn[] = fields.map((field, i) => ({ field, index: i, letter: String.fromCharCode(65 + i) }));
    const good = validateRow(9, ['Đặng Thị Hoa', '05/03/1985', 'Nữ', 95185000001, '9512345678', 'gd4 95 9512345678', 919123456, 'Xã Vĩnh Lộc', 'nv001'], columns, { lookups, today: TODAY });
    expect(good.issues).toEqual([]);
    expect(good.values).toMatchObject({
      full_name: 'Đặng Thị Hoa', name_key: 'dang thi hoa', given_key: 'hoa dang thi', birth_date: '1985-03-05', sex: 'F', cccd: '095185000001',
      bhxh_code: '9512345678', bhyt_card: 'GD4959512345678', phone: '0919123456', unit_code: '31001', staff_id: 7,
    });
    const bad = validateRow(10, ['', '1990', 'Nam', '095185000001', null, null, '0919 123', 'Xã Mới', 'NV9'], columns, { lookups, today: TODAY });
    expect(bad.issues.map((i) => [i.cell, i.field])).toEqual([['A10', 'fullName'], ['D10', 'cccd'], ['G10', 'phone'], ['H10', 'commune'], ['I10', 'staff']]);
    expect(bad.issues[1]!.message).toBe('Số CCCD ghi năm sinh 1985 (chữ số thứ 4–6 là "185"), không khớp năm sinh 1990.');
    expect(bad.issues[2]!.message).toBe('Số điện thoại "0919123" không hợp lệ (10 chữ số, bắt đầu bằng 0).');
    const masked = validateRow(11, ['A B', null, null, 'X95185000001'], columns, { lookups, today: TODAY });
    expect(masked.issues[0]!.message).toBe('Số CCCD "X951******01" chỉ được gồm chữ số.');
  });
});
