import { describe, expect, it } from 'vitest';
import type { AppCore } from '../../electron/core/app/appCore';
import type { UnitDetail } from '../../shared/contract';
import { call, callError, storeOf, expectVietnamese, importFile, openTestCore, tickingClock } from '../helpers/core';
import { sql } from 'kysely';
import { hashDatabase, scalar } from '../helpers/dbHash';
import { FIXTURE, fixturePath } from '../helpers/fixtures';

async function hongDan(): Promise<AppCore> {
  const core = await openTestCore({ now: tickingClock() });
  await importFile(core, fixturePath(FIXTURE.unitsHongDan));
  return core;
}

function edit(
  u: UnitDetail,
  changes: Partial<{ name: string; kind: string | null; parentCode: string | null; validFrom: string | null; validTo: string | null }>,
) {
  return { code: u.code, name: u.name, kind: u.kind, parentCode: u.parentCode, validFrom: u.validFrom, validTo: u.validTo, ...changes };
}

describe('units:update', () => {
  it('renames a unit and records old and new names in the audit log', async () => {
    const core = await hongDan();
    const u = await call(core, 'units:get', { code: '31015' });
    const updated = await call(core, 'units:update', edit(u, { name: 'Xã Ninh Hòa Mới' }));
    expect(updated.name).toBe('Xã Ninh Hòa Mới');
    expect((await call(core, 'units:get', { code: '31015' })).name).toBe('Xã Ninh Hòa Mới');
    const audit = (await call(core, 'audit:list', { limit: 5 })).items;
    const entry = audit.find((a) => a.action === 'update' && a.entityKey === '31015');
    expect(entry).toBeDefined();
    expect(entry!.summary).toContain('Xã Ninh Hòa');
    expect(entry!.summary).toContain('Xã Ninh Hòa Mới');
    expect(entry!.actor).toBe('kiem-thu');
    // The folded key follows the name, so search finds the new name.
    expect((await call(core, 'units:list', { query: 'hoa moi' })).map((x) => x.code)).toEqual(['31015']);
    expect(await scalar(storeOf(core), sql`SELECT name_key FROM units WHERE code = '31015'`)).toBe('ninh hoa moi');
  });

  it('stores the name NFC with single spaces', async () => {
    const core = await hongDan();
    const u = await call(core, 'units:get', { code: '31015' });
    const updated = await call(core, 'units:update', edit(u, { name: '  Xã   Ninh Hòa '.normalize('NFD') }));
    expect(updated.name).toBe('Xã Ninh Hòa');
  });

  it('an update that changes nothing writes nothing', async () => {
    const core = await hongDan();
    const u = await call(core, 'units:get', { code: '31015' });
    const before = (await hashDatabase(storeOf(core)));
    await call(core, 'units:update', edit(u, {}));
    expect((await hashDatabase(storeOf(core)))).toBe(before);
  });

  it('refuses a parent of a lower or equal level (VALIDATION) and writes nothing', async () => {
    const core = await hongDan();
    const before = (await hashDatabase(storeOf(core)));
    const district = await call(core, 'units:get', { code: '956' });
    const lower = await callError(core, 'units:update', edit(district, { parentCode: '31006' }));
    expect(lower.code).toBe('VALIDATION');
    expectVietnamese(lower.message);
    const commune = await call(core, 'units:get', { code: '31009' });
    const same = await callError(core, 'units:update', edit(commune, { parentCode: '31012' }));
    expect(same.code).toBe('VALIDATION');
    const self = await callError(core, 'units:update', edit(commune, { parentCode: '31009' }));
    expect(self.code).toBe('VALIDATION');
    expect((await hashDatabase(storeOf(core)))).toBe(before);
  });

  it('refuses an unknown parent and a commune without parent', async () => {
    const core = await hongDan();
    const commune = await call(core, 'units:get', { code: '31009' });
    expect((await callError(core, 'units:update', edit(commune, { parentCode: '999' }))).code).toBe('VALIDATION');
    expect((await callError(core, 'units:update', edit(commune, { parentCode: null }))).code).toBe('VALIDATION');
  });

  it('moves a commune under the province directly (two-level tree) when asked', async () => {
    const core = await hongDan();
    const commune = await call(core, 'units:get', { code: '31009' });
    const moved = await call(core, 'units:update', edit(commune, { parentCode: '95' }));
    expect(moved.parentCode).toBe('95');
    expect(moved.parentName).toBe('Tỉnh Bạc Liêu');
    expect((await call(core, 'units:get', { code: '956' })).childCount).toBe(8);
  });

  it('refuses validFrom after validTo', async () => {
    const core = await hongDan();
    const before = (await hashDatabase(storeOf(core)));
    const u = await call(core, 'units:get', { code: '31009' });
    const err = await callError(core, 'units:update', edit(u, { validFrom: '2025-07-01', validTo: '2025-06-30' }));
    expect(err.code).toBe('VALIDATION');
    expectVietnamese(err.message);
    expect((await hashDatabase(storeOf(core)))).toBe(before);
    // Equal dates are a one-day unit and fine.
    const oneDay = await call(core, 'units:update', edit(u, { validFrom: '2025-06-30', validTo: '2025-06-30' }));
    expect([oneDay.validFrom, oneDay.validTo]).toEqual(['2025-06-30', '2025-06-30']);
  });

  it('refuses ending a district while its communes are still valid after that day', async () => {
    const core = await hongDan();
    const before = (await hashDatabase(storeOf(core)));
    const district = await call(core, 'units:get', { code: '956' });
    const err = await callError(core, 'units:update', edit(district, { validTo: '2025-06-30' }));
    expect(err.code).toBe('VALIDATION');
    expect(err.message).toContain('Huyện Hồng Dân');
    expect(err.message).toContain('9 đơn vị trực thuộc');
    expect((await hashDatabase(storeOf(core)))).toBe(before);
    // Once every commune ends by then, the district may end too.
    for (const code of ['31006', '31009', '31012', '31015', '31018', '31021', '31024', '31027', '31030']) {
      await call(core, 'units:update', edit(await call(core, 'units:get', { code }), { validTo: '2025-06-30' }));
    }
    expect((await call(core, 'units:update', edit(district, { validTo: '2025-06-30' }))).validTo).toBe('2025-06-30');
  });

  it('refuses malformed dates and too-short names through the schema', async () => {
    const core = await hongDan();
    const u = await call(core, 'units:get', { code: '31009' });
    const date = await callError(core, 'units:update', edit(u, { validFrom: '01/07/2025' }));
    expect(date.code).toBe('VALIDATION');
    expect(date.message).toContain('YYYY-MM-DD');
    const name = await callError(core, 'units:update', edit(u, { name: 'X' }));
    expect(name.code).toBe('VALIDATION');
    expect(name.message).toBe('Tên đơn vị quá ngắn');
  });

  it('an unknown code is NOT_FOUND', async () => {
    const core = await hongDan();
    const err = await callError(core, 'units:update', {
      code: '77777',
      name: 'Xã Mới',
      kind: null,
      parentCode: '956',
      validFrom: null,
      validTo: null,
    });
    expect(err.code).toBe('NOT_FOUND');
  });
});

describe('units:recordMerge', () => {
  it('creates a new target unit from the effective date, ends the sources the day before and links them', async () => {
    const core = await hongDan();
    const merged = await call(core, 'units:recordMerge', {
      fromCodes: ['31009', '31012'],
      toCode: '32101',
      toName: 'Xã Ninh Quới',
      toKind: 'Xã',
      toParentCode: '95',
      effectiveDate: '2025-07-01',
    });
    expect(merged).toMatchObject({
      code: '32101',
      name: 'Xã Ninh Quới',
      level: 'commune',
      kind: 'Xã',
      parentCode: '95',
      validFrom: '2025-07-01',
      validTo: null,
    });
    expect(merged.predecessors.map((l) => [l.fromCode, l.toCode, l.effectiveDate, l.share])).toEqual([
      ['31009', '32101', '2025-07-01', 1],
      ['31012', '32101', '2025-07-01', 1],
    ]);
    for (const code of ['31009', '31012']) {
      const old = await call(core, 'units:get', { code });
      expect(old.validTo).toBe('2025-06-30');
      expect(old.successors.map((l) => l.toCode)).toEqual(['32101']);
    }
    // The district still has seven living communes.
    expect((await call(core, 'units:get', { code: '956' })).validTo).toBeNull();
    const audit = (await call(core, 'audit:list', { limit: 1 })).items;
    expect(audit[0]).toMatchObject({ action: 'merge', entityKey: '32101' });
    expect(audit[0]!.summary).toContain('31009');
    expect(audit[0]!.summary).toContain('2025-07-01');
  });

  it('merging into an existing unit keeps it and only ends the sources', async () => {
    const core = await hongDan();
    const target = await call(core, 'units:recordMerge', { fromCodes: ['31012'], toCode: '31009', effectiveDate: '2024-01-01' });
    expect(target.code).toBe('31009');
    expect(target.validTo).toBeNull();
    expect((await call(core, 'units:get', { code: '31012' })).validTo).toBe('2023-12-31');
  });

  it('closes a district once its last commune is merged away', async () => {
    const core = await hongDan();
    const communes = (await call(core, 'units:list', { level: 'commune' })).map((u) => u.code);
    await call(core, 'units:recordMerge', {
      fromCodes: communes,
      toCode: '32104',
      toName: 'Xã Hồng Dân',
      toParentCode: '95',
      effectiveDate: '2025-07-01',
    });
    expect((await call(core, 'units:get', { code: '956' })).validTo).toBe('2025-06-30');
    // The province still has the new commune.
    expect((await call(core, 'units:get', { code: '95' })).validTo).toBeNull();
  });

  it('refuses a unit that already ended before the date, and writes nothing', async () => {
    const core = await hongDan();
    await call(core, 'units:recordMerge', {
      fromCodes: ['31009'],
      toCode: '32101',
      toName: 'Xã Ninh Quới',
      toParentCode: '95',
      effectiveDate: '2025-07-01',
    });
    const before = (await hashDatabase(storeOf(core)));
    const err = await callError(core, 'units:recordMerge', { fromCodes: ['31009', '31012'], toCode: '31015', effectiveDate: '2026-01-01' });
    expect(err.code).toBe('VALIDATION');
    expect(err.message).toContain('31009');
    expectVietnamese(err.message);
    expect((await hashDatabase(storeOf(core)))).toBe(before);
  });

  it('refuses a unit that did not exist yet on the day before', async () => {
    const core = await hongDan();
    await importFile(core, fixturePath(FIXTURE.unitsTwoLevel));
    const err = await callError(core, 'units:recordMerge', { fromCodes: ['32101'], toCode: '32104', effectiveDate: '2025-03-01' });
    expect(err.code).toBe('VALIDATION');
  });

  it('needs a name and a parent for a new target, and refuses merging a unit into itself', async () => {
    const core = await hongDan();
    const before = (await hashDatabase(storeOf(core)));
    const noName = await callError(core, 'units:recordMerge', {
      fromCodes: ['31009'],
      toCode: '32101',
      toParentCode: '95',
      effectiveDate: '2025-07-01',
    });
    expect(noName.code).toBe('VALIDATION');
    expectVietnamese(noName.message);
    const noParent = await callError(core, 'units:recordMerge', {
      fromCodes: ['31009'],
      toCode: '32101',
      toName: 'Xã Ninh Quới',
      effectiveDate: '2025-07-01',
    });
    expect(noParent.code).toBe('VALIDATION');
    const lowParent = await callError(core, 'units:recordMerge', {
      fromCodes: ['31009'],
      toCode: '32101',
      toName: 'Xã Ninh Quới',
      toParentCode: '31012',
      effectiveDate: '2025-07-01',
    });
    expect(lowParent.code).toBe('VALIDATION');
    const self = await callError(core, 'units:recordMerge', { fromCodes: ['31009'], toCode: '31009', effectiveDate: '2025-07-01' });
    expect(self.code).toBe('VALIDATION');
    const unknown = await callError(core, 'units:recordMerge', { fromCodes: ['77777'], toCode: '31009', effectiveDate: '2025-07-01' });
    expect(unknown.code).toBe('VALIDATION');
    expect((await hashDatabase(storeOf(core)))).toBe(before);
  });

  it('refuses merging into a unit that no longer exists on the effective date', async () => {
    const core = await hongDan();
    await call(core, 'units:recordMerge', {
      fromCodes: ['31012'],
      toCode: '32101',
      toName: 'Xã Ninh Quới',
      toParentCode: '95',
      effectiveDate: '2025-07-01',
    });
    const before = (await hashDatabase(storeOf(core)));
    // 31012 ended on 30/06/2025: it cannot receive 31009 from 01/01/2026.
    const result = await core.dispatch('units:recordMerge', { fromCodes: ['31009'], toCode: '31012', effectiveDate: '2026-01-01' });
    expect(result.ok).toBe(false);
    expect((await hashDatabase(storeOf(core)))).toBe(before);
  });
});
