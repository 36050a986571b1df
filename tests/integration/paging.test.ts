import { describe, expect, it } from 'vitest';
import { call, callError, expectVietnamese, importFile, reformCore, TEST_ENGINE } from '../helpers/core';
import { FIXTURE, fixturePath } from '../helpers/fixtures';

/** The one paging convention (offset, limit, sort, folded query, total) on the lists that grow. */
describe(`paged lists (${TEST_ENGINE})`, () => {
  it('units:search pages through units with a total, sorts, and finds names without diacritics', async () => {
    const core = await reformCore();
    const all = await call(core, 'units:search', { limit: 1000 });
    expect(all.total).toBe(all.items.length);
    expect(all.items.map((u) => u.code)).toEqual([...all.items.map((u) => u.code)].sort());

    const first = await call(core, 'units:search', { limit: 5, offset: 0 });
    const second = await call(core, 'units:search', { limit: 5, offset: 5 });
    expect(first).toMatchObject({ total: all.total, offset: 0, limit: 5 });
    expect(first.items).toHaveLength(5);
    expect([...first.items, ...second.items].map((u) => u.code)).toEqual(all.items.slice(0, 10).map((u) => u.code));

    const hoa = await call(core, 'units:search', { query: 'ninh hoa' });
    expect(hoa.items.map((u) => u.name)).toEqual(['Xã Ninh Hòa']);
    expect((await call(core, 'units:search', { query: 'Xã NINH HÒA' })).total).toBe(1);
    expect((await call(core, 'units:search', { query: '3100' })).items.every((u) => u.code.startsWith('3100'))).toBe(true);
    // A % or _ typed by the user is a character, not a wildcard.
    expect((await call(core, 'units:search', { query: '%' })).total).toBe(0);

    const byName = await call(core, 'units:search', { sort: 'name', asOf: '2026-01-01', level: 'commune' });
    expect(byName.items.length).toBeGreaterThan(0);
    expect(byName.items.every((u) => u.level === 'commune' && u.validTo === null)).toBe(true);
    const desc = await call(core, 'units:search', { sort: 'code', desc: true, limit: 3 });
    expect(desc.items.map((u) => u.code)).toEqual([...all.items].reverse().slice(0, 3).map((u) => u.code));
  });

  it('imports:list and audit:list page newest first; a page size past the limit is refused in Vietnamese', async () => {
    const core = await reformCore();
    await importFile(core, fixturePath(FIXTURE.unitsHongDan));
    const audit = await call(core, 'audit:list', { limit: 2 });
    expect(audit.items).toHaveLength(2);
    expect(audit.total).toBeGreaterThanOrEqual(3);
    expect(audit.items[0]!.id).toBeGreaterThan(audit.items[1]!.id);
    const next = await call(core, 'audit:list', { limit: 2, offset: 2 });
    expect(next.items[0]!.id).toBeLessThan(audit.items[1]!.id);
    expect((await call(core, 'audit:list', { entity: 'unit' })).items.every((e) => e.entity === 'unit')).toBe(true);
    expect(await call(core, 'imports:list', {})).toEqual({ items: [], total: 0, offset: 0, limit: 100 });
    const err = await callError(core, 'audit:list', { limit: 5000 });
    expect(err.code).toBe('VALIDATION');
    expectVietnamese(err.message);
  });
});
