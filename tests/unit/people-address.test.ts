import { describe, expect, it } from 'vitest';
import { readAddress } from '../../electron/core/people/import/address';
import { PeopleLookups } from '../../electron/core/people/import/lookups';
import { unitNameKey } from '../../shared/text/fold';

function lookups(): PeopleLookups {
  const units = [
    { code: '31504', name: 'Xã Vĩnh Lộc' },
    { code: '31505', name: 'Thị trấn Ngan Dừa' },
    { code: '31120', name: 'Phường 1' },
    { code: '31121', name: 'Xã Phường 1' }, // two units keyed "1" would be ambiguous without their prefix
  ];
  const byCode = new Map(units.map((u) => [u.code, u]));
  const byKey = new Map<string, typeof units>();
  for (const u of units) (byKey.get(unitNameKey(u.name)) ?? byKey.set(unitNameKey(u.name), []).get(unitNameKey(u.name))!).push(u);
  return PeopleLookups.fromData({ byCode, byKey, staff: new Map() });
}

describe('an address in one column', () => {
  const l = lookups();
  const read = (text: string) => {
    const r = readAddress(text, l);
    return [r.unit?.code ?? null, r.hamlet, r.message ? 'message' : null];
  };

  it('finds the commune of the unit list and the hamlet before it, however the parts are separated', () => {
    expect(read('Số 12, Ấp 3, xã Vĩnh Lộc, huyện Hồng Dân, tỉnh Bạc Liêu')).toEqual(['31504', 'Ấp 3', null]);
    expect(read('Ấp 3 xã Vĩnh Lộc huyện Hồng Dân')).toEqual(['31504', 'Ấp 3', null]);
    expect(read('Ấp Nhà Thờ - TT Ngan Dừa - Hồng Dân')).toEqual(['31505', 'Ấp Nhà Thờ', null]);
    expect(read('Khóm 2, thị trấn Ngan Dừa')).toEqual(['31505', 'Khóm 2', null]);
    expect(read('Ấp 3 - Vĩnh Lộc - Hồng Dân')).toEqual(['31504', 'Ấp 3', null]);
    expect(read('Vĩnh Lộc')).toEqual(['31504', null, null]);
  });

  it('names a commune it does not know; gives nothing for an address without one', () => {
    expect(read('Ấp 1, xã Không Có, huyện Hồng Dân')).toEqual([null, 'Ấp 1', 'message']);
    expect(read('123 đường Trần Hưng Đạo, thành phố Sóc Trăng')).toEqual([null, null, null]);
    expect(read('Khóm 5 thị xã Ngã Năm')).toEqual([null, null, null]);
  });
});
