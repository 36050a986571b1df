import { describe, expect, it } from 'vitest';
import { laggardsEmptyText, laggardsShortNote, leadersEmptyText, leadersShortNote, rankUnits, unrankedNote } from '../../../shared/calc/rankings';

type U = { name: string; p: number | null };
const rank = (units: U[], size?: number) => rankUnits(units, (u) => u.p, (u) => u.name, size);
const names = (list: U[]) => list.map((u) => u.name);

describe('leaders and laggards', () => {
  it('leaders are at or above 80% (best first), laggards below (lowest first), up to five each', () => {
    const units: U[] = [
      { name: 'Xã A', p: 1.2 }, { name: 'Xã B', p: 1.05 }, { name: 'Xã C', p: 0.99 }, { name: 'Xã D', p: 0.95 },
      { name: 'Xã E', p: 0.9 }, { name: 'Xã F', p: 0.85 }, { name: 'Xã G', p: 0.8 }, { name: 'Xã H', p: 0.79 },
      { name: 'Xã I', p: 0.6 }, { name: 'Xã K', p: 0.5 }, { name: 'Xã L', p: 0.4 }, { name: 'Xã M', p: 0.3 }, { name: 'Xã N', p: 0.2 },
    ];
    const r = rank(units);
    expect(names(r.leaders)).toEqual(['Xã A', 'Xã B', 'Xã C', 'Xã D', 'Xã E']);
    expect(names(r.laggards)).toEqual(['Xã N', 'Xã M', 'Xã L', 'Xã K', 'Xã I']);
    expect(r.counts).toMatchObject({ ranked: 13, atOrAbove: 7, below: 6, unranked: 0 });
    expect(leadersShortNote(r.counts)).toBeNull();
    expect(laggardsShortNote(r.counts)).toBeNull();
  });

  it('a unit at 29,34% is never a leader, however few units there are', () => {
    // The dashboard used to list the top half as leaders: with three units, a unit at 29% led.
    const r = rank([{ name: 'Xã Ninh Quới', p: 0.2934 }, { name: 'Xã Lộc Ninh', p: 1.0312 }, { name: 'Xã Ninh Hòa', p: 0.6308 }]);
    expect(names(r.leaders)).toEqual(['Xã Lộc Ninh']);
    expect(names(r.laggards)).toEqual(['Xã Ninh Quới', 'Xã Ninh Hòa']);
    expect(leadersShortNote(r.counts)).toBe('Chỉ có 1 đơn vị đạt từ 80% kế hoạch.');
    expect(laggardsShortNote(r.counts)).toBe('Chỉ có 2 đơn vị dưới 80% kế hoạch.');
  });

  it('never lists a unit in both lists', () => {
    for (let n = 1; n <= 12; n++) {
      const units = Array.from({ length: n }, (_, i) => ({ name: `Xã ${i}`, p: (i * 0.37) % 1.3 }));
      const r = rank(units);
      const both = r.leaders.filter((u) => r.laggards.includes(u));
      expect(both, `${n} units`).toEqual([]);
      expect(r.leaders.every((u) => u.p! >= 0.8)).toBe(true);
      expect(r.laggards.every((u) => u.p! < 0.8)).toBe(true);
    }
  });

  it('when nobody reached 80%, the leaders list says so, not "no unit has a plan"', () => {
    const r = rank([{ name: 'Xã A', p: 0.5 }, { name: 'Xã B', p: 0.7 }]);
    expect(r.leaders).toEqual([]);
    expect(leadersEmptyText(r.counts)).toBe('Chưa có đơn vị nào đạt 80% kế hoạch');
    expect(names(r.laggards)).toEqual(['Xã A', 'Xã B']);
  });

  it('when everybody reached 80%, the laggards list says so', () => {
    const r = rank([{ name: 'Xã A', p: 0.81 }, { name: 'Xã B', p: 1.1 }]);
    expect(r.laggards).toEqual([]);
    expect(laggardsEmptyText(r.counts)).toBe('Không có đơn vị nào dưới 80% kế hoạch');
  });

  it('units without a plan or a figure are left out and counted', () => {
    const r = rank([{ name: 'Xã A', p: null }, { name: 'Xã B', p: null }, { name: 'Xã C', p: 0.9 }]);
    expect(r.counts).toMatchObject({ ranked: 1, unranked: 2 });
    expect(unrankedNote(r.counts)).toBe('2 đơn vị chưa có kế hoạch hoặc số liệu nên không xếp hạng.');
    const none = rank([{ name: 'Xã A', p: null }]);
    expect(leadersEmptyText(none.counts)).toBe('Chưa xếp hạng được: chưa có đơn vị nào có cả kế hoạch và số liệu');
    expect(laggardsEmptyText(none.counts)).toBe(leadersEmptyText(none.counts));
  });

  it('ties are broken by name (vi collation), so the order never depends on the input order', () => {
    const a = rank([{ name: 'Xã Đông', p: 0.9 }, { name: 'Xã Anh', p: 0.9 }, { name: 'Xã Bình', p: 0.9 }]);
    const b = rank([{ name: 'Xã Bình', p: 0.9 }, { name: 'Xã Đông', p: 0.9 }, { name: 'Xã Anh', p: 0.9 }]);
    expect(names(a.ordered)).toEqual(['Xã Anh', 'Xã Bình', 'Xã Đông']);
    expect(names(b.ordered)).toEqual(names(a.ordered));
  });
});
