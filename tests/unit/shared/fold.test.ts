import { describe, expect, it } from 'vitest';
import { foldText, matchesFolded, toNfc, unitNameKey } from '../../../shared/text/fold';

describe('foldText', () => {
  it('drops diacritics, lower-cases and keeps single spaces', () => {
    expect(foldText('  Xã   Ninh Thạnh Lợi A ')).toBe('xa ninh thanh loi a');
    expect(foldText('Tỉnh Bạc Liêu')).toBe('tinh bac lieu');
  });

  it('folds đ and Đ to d', () => {
    expect(foldText('Đông Hòa')).toBe('dong hoa');
    expect(foldText('đồng đội')).toBe('dong doi');
    expect(foldText('Huyện Hồng Dân')).toBe('huyen hong dan');
  });

  it('gives the same result for NFC and NFD input and for old/new tone placement', () => {
    const nfc = 'Xã Ninh Hòa'.normalize('NFC');
    const nfd = 'Xã Ninh Hòa'.normalize('NFD');
    expect(nfc).not.toBe(nfd);
    expect(foldText(nfc)).toBe(foldText(nfd));
    expect(foldText('Hoà')).toBe(foldText('Hòa'));
    expect(foldText('Thuỷ')).toBe(foldText('Thủy'));
  });

  it('turns punctuation into word breaks', () => {
    expect(foldText('X. Lộc Ninh')).toBe('x loc ninh');
    expect(foldText('Mã tỉnh/TP')).toBe('ma tinh tp');
  });
});

describe('unitNameKey', () => {
  it('"TT Ngan Dừa" and "Thị trấn Ngan Dừa" share a key', () => {
    expect(unitNameKey('TT Ngan Dừa')).toBe(unitNameKey('Thị trấn Ngan Dừa'));
    expect(unitNameKey('Thị trấn Ngan Dừa')).toBe('ngan dua');
  });

  it('"Xã Ninh Hoà" and "Xã Ninh Hòa" share a key', () => {
    expect(unitNameKey('Xã Ninh Hoà')).toBe(unitNameKey('Xã Ninh Hòa'));
    expect(unitNameKey('Xã Ninh Hòa')).toBe('ninh hoa');
  });

  it('"X. Lộc Ninh" and "Xã Lộc Ninh" share a key', () => {
    expect(unitNameKey('X. Lộc Ninh')).toBe(unitNameKey('Xã Lộc Ninh'));
    expect(unitNameKey('Xã Lộc Ninh')).toBe('loc ninh');
  });

  it('a name without a prefix matches the prefixed one', () => {
    expect(unitNameKey('Ninh Quới A')).toBe(unitNameKey('Xã Ninh Quới A'));
    expect(unitNameKey('Vĩnh Lộc')).toBe(unitNameKey('Xã Vĩnh Lộc'));
  });

  it('folds đ in keys and drops district/province prefixes', () => {
    expect(unitNameKey('Xã Đông Hòa')).toBe('dong hoa');
    expect(unitNameKey('Huyện Hồng Dân')).toBe('hong dan');
    expect(unitNameKey('H. Hồng Dân')).toBe('hong dan');
    expect(unitNameKey('Thành phố Bạc Liêu')).toBe('bac lieu');
    expect(unitNameKey('TP. Bạc Liêu')).toBe('bac lieu');
    expect(unitNameKey('Tỉnh Bạc Liêu')).toBe('bac lieu');
    expect(unitNameKey('Phường Phú Hòa')).toBe('phu hoa');
  });

  it('keeps different units apart', () => {
    expect(unitNameKey('Xã Ninh Quới')).not.toBe(unitNameKey('Xã Ninh Quới A'));
    expect(unitNameKey('Xã Vĩnh Lộc')).not.toBe(unitNameKey('Xã Lộc Ninh'));
  });

  it('does not strip a prefix that is the whole name', () => {
    expect(unitNameKey('Xã')).toBe('xa');
  });
});

describe('matchesFolded', () => {
  it('finds "Xã Ninh Hòa" by "ninh hoa"', () => {
    expect(matchesFolded('Xã Ninh Hòa', 'ninh hoa')).toBe(true);
  });

  it('matches every word in any order, without diacritics, ignoring case', () => {
    expect(matchesFolded('Xã Ninh Hòa', 'HOA ninh')).toBe(true);
    expect(matchesFolded('Xã Đông Hòa', 'dong')).toBe(true);
    expect(matchesFolded('Xã Ninh Hòa', 'Ninh Hoà')).toBe(true);
  });

  it('rejects a text missing one of the words', () => {
    expect(matchesFolded('Xã Ninh Quới', 'ninh hoa')).toBe(false);
    expect(matchesFolded('Xã Lộc Ninh', 'vinh')).toBe(false);
  });

  it('an empty query matches everything', () => {
    expect(matchesFolded('Xã Lộc Ninh', '')).toBe(true);
    expect(matchesFolded('Xã Lộc Ninh', '   ')).toBe(true);
  });
});

describe('toNfc', () => {
  it('stores NFC with single spaces', () => {
    const nfd = '  Xã   Ninh  Hòa '.normalize('NFD');
    expect(toNfc(nfd)).toBe('Xã Ninh Hòa'.normalize('NFC'));
    expect(toNfc(nfd)).toBe(toNfc('Xã Ninh Hòa'));
  });
});
