import { describe, expect, it } from 'vitest';
import { cccdParts, cccdProblem, maskCccd, maskPhone, normaliseCccd, normalisePhone, phoneProblem } from '../../shared/calc/cccd';
import { bhxhCodeOfCard, bhxhCodeProblem, bhytCardProblem, maskBhxhCode, maskBhytCard, normaliseBhxhCode, normaliseBhytCard } from '../../shared/calc/personIds';
import { foldText } from '../../shared/text/fold';
import { paymentModeOf, personNameKeys, personProductOf, personStatusOf, sexOf } from '../../shared/domain/people';
import { nextDigits, nextKey } from '../../electron/core/people/repository';
import { planAssignment } from '../../electron/core/people/assign';

describe('CCCD', () => {
  it('reads province, sex and birth year, and gets back the leading 0 an Excel number lost', () => {
    expect(cccdParts('095186001234')).toEqual({ provinceCode: '095', sex: 'F', birthYear: 1986 });
    expect(cccdParts('079203001234')).toEqual({ provinceCode: '079', sex: 'M', birthYear: 2003 });
    expect(cccdParts('12345')).toBeNull();
    expect(normaliseCccd('0951 8600-1234')).toBe('095186001234');
    expect(normaliseCccd('95186001234', true)).toBe('095186001234');
    expect(normaliseCccd('95186001234')).toBe('95186001234');
  });

  it('says what is wrong in Vietnamese', () => {
    expect(cccdProblem('095186001234')).toBeNull();
    expect(cccdProblem('095186001234', { birthYear: 1986, sex: 'F' })).toBeNull();
    expect(cccdProblem('09518600123')).toBe('Số CCCD phải có 12 chữ số (đang có 11).');
    expect(cccdProblem('09518600123A')).toContain('chỉ được gồm chữ số');
    expect(cccdProblem('003186001234')).toContain('không có mã tỉnh này');
    expect(cccdProblem('095186001234', { birthDate: '1987-02-03' })).toContain('không khớp năm sinh 1987');
    expect(cccdProblem('095186001234', { sex: 'M' })).toContain('không khớp giới tính');
  });

  it('masks CCCD and phone so two people can be told apart but the number cannot be used', () => {
    expect(maskCccd('095186001234')).toBe('0951******34');
    expect(maskCccd(null)).toBeNull();
    expect(maskCccd('1234')).toBe('****');
    expect(maskPhone('0919123456')).toBe('0919***456');
    expect(maskPhone('')).toBeNull();
  });

  it('phones: +84 and a lost leading 0 become the 10-digit number; others are refused', () => {
    expect(normalisePhone('+84 919 123 456')).toBe('0919123456');
    expect(normalisePhone('84919123456')).toBe('0919123456');
    expect(normalisePhone('919123456', true)).toBe('0919123456');
    expect(normalisePhone('(0919) 123.456')).toBe('0919123456');
    expect(phoneProblem('0919123456')).toBeNull();
    expect(phoneProblem('12345')).toContain('không hợp lệ');
  });
});

describe('mã số BHXH and BHYT card', () => {
  it('checks, normalises and masks', () => {
    expect(normaliseBhxhCode('79 1234 5678')).toBe('7912345678');
    expect(normaliseBhxhCode('912345678', true)).toBe('0912345678');
    expect(bhxhCodeProblem('7912345678')).toBeNull();
    expect(bhxhCodeProblem('791234567')).toBe('Mã số BHXH phải có 10 chữ số (đang có 9).');
    expect(bhxhCodeProblem('79123456AB')).toContain('chỉ được gồm chữ số');
    expect(maskBhxhCode('7912345678')).toBe('79******78');
    expect(normaliseBhytCard('gd 4 79 7912345678')).toBe('GD4797912345678');
    expect(bhytCardProblem('GD4797912345678')).toBeNull();
    expect(bhytCardProblem('GD0797912345678')).toContain('mức hưởng');
    expect(bhytCardProblem('G4797912345678')).toContain('không đúng dạng');
    expect(bhxhCodeOfCard('GD4797912345678')).toBe('7912345678');
    expect(bhxhCodeOfCard('xx')).toBeNull();
    expect(maskBhytCard('GD4797912345678')).toBe('GD4*********678');
  });
});

describe('people vocabulary', () => {
  it('payment modes from the words offices type', () => {
    expect(paymentModeOf('Hằng tháng')).toBe(1);
    expect(paymentModeOf('hàng tháng')).toBe(1);
    expect(paymentModeOf('03 tháng')).toBe(3);
    expect(paymentModeOf('6')).toBe(6);
    expect(paymentModeOf('1 năm')).toBe(12);
    expect(paymentModeOf('Năm')).toBe(12);
    expect(paymentModeOf('quý')).toBe(3);
    expect(paymentModeOf(12)).toBe(12);
    expect(paymentModeOf(5)).toBeNull();
    expect(paymentModeOf('5 tháng')).toBeNull();
    expect(paymentModeOf('')).toBeNull();
  });

  it('statuses from labels, aliases and codes', () => {
    expect(personStatusOf('Đã liên hệ')).toBe('CONTACTED');
    expect(personStatusOf('hẹn lại')).toBe('CALLBACK');
    expect(personStatusOf('JOINED')).toBe('JOINED');
    expect(personStatusOf('joined')).toBe('JOINED');
    expect(personStatusOf('Không liên lạc được')).toBe('UNREACHABLE');
    expect(personStatusOf('Từ chối tham gia')).toBe('REFUSED');
    expect(personStatusOf('Đồng ý')).toBe('AGREED');
    expect(personStatusOf('xyz')).toBeNull();
    expect(personStatusOf('')).toBeNull();
  });

  it('products, sex and the two name keys', () => {
    expect(personProductOf('BHXH tự nguyện')).toBe('BHXH_TN');
    expect(personProductOf('BHYT HGĐ')).toBe('BHYT_HGD');
    expect(personProductOf('hộ gia đình')).toBe('BHYT_HGD');
    expect(personProductOf('khác')).toBeNull();
    expect(sexOf('Nữ')).toBe('F');
    expect(sexOf('nam')).toBe('M');
    expect(sexOf('?')).toBeNull();
    expect(personNameKeys('Đặng Thị Hòa')).toEqual({ nameKey: 'dang thi hoa', givenKey: 'hoa dang thi' });
    expect(personNameKeys('Lê Thị Hoà')).toEqual({ nameKey: 'le thi hoa', givenKey: 'hoa le thi' });
    expect(personNameKeys('Út')).toEqual({ nameKey: 'ut', givenKey: 'ut' });
  });

  it('name keys folded word by word (the import) equal the whole name folded', () => {
    const byWord = (w: string) => foldText(w);
    for (const name of ['Đặng Thị Hòa', 'Nguyễn Văn-Anh', '(Hoà) Lê', 'Lê - Thị  Hoa', 'Trần  Thị\u00a0Út', 'O\u0301 Văn', '...', 'Lâm 2']) {
      expect(personNameKeys(name, byWord), name).toEqual(personNameKeys(name));
    }
  });
});

describe('search ranges and assignment plan', () => {
  it('upper bounds of a prefix range', () => {
    expect(nextKey('hoa')).toBe('hob');
    expect(nextKey('dang thi ')).toBe('dang thi!');
    expect(nextDigits('0951')).toBe('0952');
    expect(nextDigits('0959')).toBe('096');
    expect(nextDigits('999')).toBeNull();
  });

  it('one staff member takes everything; rows are dealt as evenly as whole numbers allow', () => {
    const g = (hamletKey: string, rows: number) => ({ unitCode: '1', hamletKey, rows });
    expect(planAssignment([g('a', 10)], 1)).toMatchObject({ quotas: [10], split: [] });
    const plan = planAssignment([g('a', 5), g('b', 5), g('c', 5), g('d', 2)], 2);
    expect(plan.quotas).toEqual([9, 8]);
    // a to the first, b to the second, c fits nobody's remaining share (4, 3) and is split, d fits the first.
    expect(plan.whole.map((w) => w.map((h) => h.hamletKey))).toEqual([['a', 'd'], ['b']]);
    expect(plan.split.map((h) => h.hamletKey)).toEqual(['c']);
    expect(plan.splitShares).toEqual([2, 3]);
  });
});
