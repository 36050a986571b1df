import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Unit } from '../../shared/contract';
import { call, callError, storeOf, expectSafetyBackup, expectVietnamese, importFile, openTestCore, previewFile, tickingClock } from '../helpers/core';
import { sql } from 'kysely';
import { hashDatabase, scalar } from '../helpers/dbHash';
import { FIXTURE, fixturePath, tempDataDir } from '../helpers/fixtures';
import { writeWorkbook } from '../helpers/workbooks';

interface Expected {
  units: { code: string; name: string }[];
}
const expected = JSON.parse(readFileSync(fixturePath(FIXTURE.expectedHongDan), 'utf8')) as Expected;
const OLD_COMMUNES = expected.units.map((u) => u.code);

const codes = (units: Unit[]) => units.map((u) => u.code).sort();

describe('three-level unit list (Hồng Dân 2020)', () => {
  it('imports 1 province, 1 district and 9 communes with the right parents, names and kinds', async () => {
    const core = await openTestCore();
    const preview = await previewFile(core, fixturePath(FIXTURE.unitsHongDan));
    expect(preview).toMatchObject({
      fileName: FIXTURE.unitsHongDan,
      sheetName: 'DanhMuc',
      shape: 'list-3-level',
      rowCount: 9,
      added: 11,
      updated: 0,
      unchanged: 0,
      linksAdded: 0,
      errors: [],
      validFrom: null,
    });
    expect(preview.changes.filter((c) => c.action === 'add')).toHaveLength(11);
    // Preview writes nothing.
    expect(await call(core, 'units:list', { includeEnded: true })).toEqual([]);

    const outcome = await call(core, 'units:commitImport', { planId: preview.planId });
    expect(outcome).toMatchObject({
      fileName: FIXTURE.unitsHongDan,
      added: 11,
      updated: 0,
      linksAdded: 0,
      unitsClosed: 0,
      backupFile: null,
    });

    const units = await call(core, 'units:list', { includeEnded: true });
    const provinces = units.filter((u) => u.level === 'province');
    const districts = units.filter((u) => u.level === 'district');
    const communes = units.filter((u) => u.level === 'commune');
    expect(provinces.map((u) => [u.code, u.name, u.parentCode, u.kind])).toEqual([['95', 'Tỉnh Bạc Liêu', null, 'Tỉnh']]);
    expect(districts.map((u) => [u.code, u.name, u.parentCode, u.kind])).toEqual([['956', 'Huyện Hồng Dân', '95', 'Huyện']]);
    expect(communes).toHaveLength(9);
    expect(communes.every((u) => u.parentCode === '956')).toBe(true);
    expect(communes.map((u) => ({ code: u.code, name: u.name })).sort((a, b) => a.code.localeCompare(b.code))).toEqual(
      expected.units.map((u) => ({ code: u.code, name: u.name })).sort((a, b) => a.code.localeCompare(b.code)),
    );
    expect(communes.find((u) => u.code === '31006')?.kind).toBe('Thị trấn');
    expect(communes.filter((u) => u.code !== '31006').every((u) => u.kind === 'Xã')).toBe(true);
    expect(units.every((u) => u.validFrom === null && u.validTo === null && !u.isDemo)).toBe(true);

    // Names are stored NFC.
    for (const u of units) expect(u.name).toBe(u.name.normalize('NFC'));

    const detail = await call(core, 'units:get', { code: '956' });
    expect(detail).toMatchObject({ parentName: 'Tỉnh Bạc Liêu', childCount: 9, predecessors: [], successors: [] });
    const info = await call(core, 'app:info', {});
    expect(info.unitCount).toBe(11);

    const audit = (await call(core, 'audit:list', {})).items;
    expect(audit[0]).toMatchObject({ action: 'import', entity: 'unit', actor: 'kiem-thu' });
    expect(audit[0]!.summary).toContain(FIXTURE.unitsHongDan);
  });

  it('re-importing the same list changes nothing', async () => {
    const core = await openTestCore();
    await importFile(core, fixturePath(FIXTURE.unitsHongDan));
    const before = (await hashDatabase(storeOf(core)));
    const preview = await previewFile(core, fixturePath(FIXTURE.unitsHongDan));
    expect(preview).toMatchObject({ added: 0, updated: 0, unchanged: 11, linksAdded: 0, errors: [] });
    expect(preview.changes).toEqual([]);
    const outcome = await call(core, 'units:commitImport', { planId: preview.planId });
    expect(outcome).toMatchObject({ added: 0, updated: 0, unchanged: 11, backupFile: null });
    expect((await hashDatabase(storeOf(core)))).toBe(before);
  });

  it('a plan is committed once only', async () => {
    const core = await openTestCore();
    const { preview } = await importFile(core, fixturePath(FIXTURE.unitsHongDan));
    const err = await callError(core, 'units:commitImport', { planId: preview.planId });
    expect(err.code).toBe('NOT_FOUND');
    expectVietnamese(err.message);
  });

  it('a later list that renames a unit is previewed as an update and committed after a pre-import backup', async () => {
    const core = await openTestCore({ now: tickingClock() });
    await importFile(core, fixturePath(FIXTURE.unitsHongDan));
    const path = writeWorkbook(join(tempDataDir(), 'doi-ten.xlsx'), [
      {
        name: 'DanhMuc',
        rows: [
          ['Mã tỉnh', 'Tên tỉnh', 'Mã huyện', 'Tên huyện', 'Mã xã', 'Tên xã', 'Cấp'],
          ['95', 'Tỉnh Bạc Liêu', '956', 'Huyện Hồng Dân', '31009', 'Xã Ninh Quới Mới', 'Xã'],
        ],
      },
    ]);
    const preview = await previewFile(core, path);
    expect(preview).toMatchObject({ added: 0, updated: 1, unchanged: 2, errors: [] });
    expect(preview.changes).toEqual([
      { action: 'update', code: '31009', name: 'Xã Ninh Quới Mới', level: 'commune', changes: ['Tên: Xã Ninh Quới → Xã Ninh Quới Mới'] },
    ]);
    const outcome = await call(core, 'units:commitImport', { planId: preview.planId });
    expectSafetyBackup(outcome.backupFile, /pre-import\.sqlite$/);
    if (outcome.backupFile) expect((await call(core, 'backups:list', {})).map((b) => b.fileName)).toContain(outcome.backupFile);
    expect((await call(core, 'units:get', { code: '31009' })).name).toBe('Xã Ninh Quới Mới');
  });

  it('a commit refuses a plan made before the units changed (CONFLICT) and writes nothing', async () => {
    const core = await openTestCore({ now: tickingClock() });
    await importFile(core, fixturePath(FIXTURE.unitsHongDan));
    const preview = await previewFile(core, fixturePath(FIXTURE.unitsTwoLevel));
    const u = await call(core, 'units:get', { code: '31009' });
    await call(core, 'units:update', {
      code: u.code,
      name: 'Xã Ninh Quới (sửa)',
      kind: u.kind,
      parentCode: u.parentCode,
      validFrom: u.validFrom,
      validTo: u.validTo,
    });
    const before = (await hashDatabase(storeOf(core)));
    const err = await callError(core, 'units:commitImport', { planId: preview.planId });
    expect(err.code).toBe('CONFLICT');
    expectVietnamese(err.message);
    expect((await hashDatabase(storeOf(core)))).toBe(before);
  });
});

describe('two-level unit list (2025)', () => {
  it('is read as list-2-level and its units start on 01/07/2025', async () => {
    const core = await openTestCore();
    const preview = await previewFile(core, fixturePath(FIXTURE.unitsTwoLevel));
    expect(preview).toMatchObject({ shape: 'list-2-level', validFrom: '2025-07-01', added: 5, rowCount: 4, errors: [] });
    await call(core, 'units:commitImport', { planId: preview.planId });
    const units = await call(core, 'units:list', { includeEnded: true });
    expect(units.map((u) => [u.code, u.name, u.level, u.parentCode, u.validFrom, u.validTo])).toEqual([
      ['96', 'Tỉnh Cà Mau', 'province', null, '2025-07-01', null],
      ['32101', 'Xã Ninh Quới', 'commune', '96', '2025-07-01', null],
      ['32104', 'Xã Hồng Dân', 'commune', '96', '2025-07-01', null],
      ['32107', 'Xã Vĩnh Lộc', 'commune', '96', '2025-07-01', null],
      ['32110', 'Xã Ninh Thạnh Lợi', 'commune', '96', '2025-07-01', null],
    ]);
  });

  it('honours a validFrom given in the preview', async () => {
    const core = await openTestCore();
    const preview = await previewFile(core, fixturePath(FIXTURE.unitsTwoLevel), '2025-06-12');
    expect(preview.validFrom).toBe('2025-06-12');
    await call(core, 'units:commitImport', { planId: preview.planId });
    const units = await call(core, 'units:list', { includeEnded: true });
    expect(units).toHaveLength(5);
    expect(units.every((u) => u.validFrom === '2025-06-12')).toBe(true);
  });

  it('a null validFrom in the preview means "always"', async () => {
    const core = await openTestCore();
    const preview = await previewFile(core, fixturePath(FIXTURE.unitsTwoLevel), null);
    expect(preview.validFrom).toBeNull();
    await call(core, 'units:commitImport', { planId: preview.planId });
    expect((await call(core, 'units:list', { includeEnded: true })).every((u) => u.validFrom === null)).toBe(true);
  });

  it('sits beside the old list: the two trees do not interfere', async () => {
    const core = await openTestCore();
    await importFile(core, fixturePath(FIXTURE.unitsHongDan));
    const { preview } = await importFile(core, fixturePath(FIXTURE.unitsTwoLevel));
    expect(preview).toMatchObject({ added: 5, updated: 0, unchanged: 0 });
    expect(await call(core, 'units:list', { includeEnded: true })).toHaveLength(16);
  });
});

describe('merge table (2025)', () => {
  async function allThree() {
    const core = await openTestCore({ now: tickingClock() });
    await importFile(core, fixturePath(FIXTURE.unitsHongDan));
    await importFile(core, fixturePath(FIXTURE.unitsTwoLevel));
    const { preview, outcome } = await importFile(core, fixturePath(FIXTURE.merges));
    return { core, preview, outcome };
  }

  it('links 9 old communes to their new communes and ends them on 30/06/2025', async () => {
    const { core, preview, outcome } = await allThree();
    expect(preview).toMatchObject({ shape: 'merges', sheetName: 'SapNhap', rowCount: 9, linksAdded: 9, added: 0, errors: [] });
    expect(outcome.linksAdded).toBe(9);
    expectSafetyBackup(outcome.backupFile, /pre-import/);
    // 9 communes + the district + the province they emptied.
    expect(outcome.unitsClosed).toBe(11);

    expect(Number(await scalar(storeOf(core), sql`SELECT COUNT(*) FROM unit_links l JOIN units f ON f.id = l.from_unit_id WHERE f.level = ${'commune'}`))).toBe(9);
    for (const code of OLD_COMMUNES) {
      const unit = await call(core, 'units:get', { code });
      expect(unit.validTo, code).toBe('2025-06-30');
      expect(unit.successors, code).toHaveLength(1);
      expect(unit.successors[0]).toMatchObject({ fromCode: code, effectiveDate: '2025-07-01', share: 1 });
    }
    const hongDan = await call(core, 'units:get', { code: '32104' });
    expect(hongDan.predecessors.map((l) => l.fromCode)).toEqual(['31006', '31015', '31018']);
    expect(hongDan.predecessors.map((l) => l.fromName)).toEqual(['Thị trấn Ngan Dừa', 'Xã Ninh Hòa', 'Xã Lộc Ninh']);
    expect(hongDan.validFrom).toBe('2025-07-01');
    expect(hongDan.validTo).toBeNull();
    expect((await call(core, 'units:get', { code: '32101' })).predecessors.map((l) => l.fromCode)).toEqual(['31009', '31012']);
  });

  it('ends the emptied district and province and links province 95 to 96', async () => {
    const { core } = await allThree();
    const district = await call(core, 'units:get', { code: '956' });
    expect(district.validTo).toBe('2025-06-30');
    expect(district.successors).toEqual([]);
    const province = await call(core, 'units:get', { code: '95' });
    expect(province.validTo).toBe('2025-06-30');
    expect(province.successors).toEqual([
      { fromCode: '95', fromName: 'Tỉnh Bạc Liêu', toCode: '96', toName: 'Tỉnh Cà Mau', effectiveDate: '2025-07-01', share: 1 },
    ]);
    expect((await call(core, 'units:get', { code: '96' })).predecessors.map((l) => l.fromCode)).toEqual(['95']);
    expect((await call(core, 'units:get', { code: '96' })).validTo).toBeNull();
  });

  it('lists the new tree on 01/01/2026 and the old tree on 01/01/2024', async () => {
    const { core } = await allThree();
    const after = await call(core, 'units:list', { asOf: '2026-01-01' });
    expect(codes(after)).toEqual(['32101', '32104', '32107', '32110', '96']);
    const before = await call(core, 'units:list', { asOf: '2024-01-01' });
    expect(codes(before)).toEqual([...OLD_COMMUNES, '95', '956'].sort());
    // The boundary days.
    expect(codes(await call(core, 'units:list', { asOf: '2025-06-30' }))).toEqual([...OLD_COMMUNES, '95', '956'].sort());
    expect(codes(await call(core, 'units:list', { asOf: '2025-07-01' }))).toEqual(['32101', '32104', '32107', '32110', '96']);
    expect(await call(core, 'units:list', { includeEnded: true })).toHaveLength(16);
    expect(codes(await call(core, 'units:list', { asOf: '2026-01-01', level: 'province' }))).toEqual(['96']);
  });

  it('finds "Xã Ninh Hòa" by "ninh hoa" among ended units, and by code prefix', async () => {
    const { core } = await allThree();
    const hits = await call(core, 'units:list', { query: 'ninh hoa', includeEnded: true });
    expect(hits.map((u) => [u.code, u.name])).toEqual([['31015', 'Xã Ninh Hòa']]);
    expect(await call(core, 'units:list', { query: 'ninh hoa', asOf: '2026-01-01' })).toEqual([]);
    expect(codes(await call(core, 'units:list', { query: 'Ninh Hoà', includeEnded: true }))).toEqual(['31015']);
    expect(codes(await call(core, 'units:list', { query: '321', includeEnded: true }))).toEqual(['32101', '32104', '32107', '32110']);
  });

  it('re-importing the merge table changes nothing', async () => {
    const { core } = await allThree();
    const before = (await hashDatabase(storeOf(core)));
    const preview = await previewFile(core, fixturePath(FIXTURE.merges));
    expect(preview).toMatchObject({ linksAdded: 0, updated: 0, added: 0, unchanged: 9, errors: [] });
    await call(core, 'units:commitImport', { planId: preview.planId });
    expect((await hashDatabase(storeOf(core)))).toBe(before);
  });

  it('imported before the lists: errors name each row, commit is refused and nothing changes', async () => {
    const core = await openTestCore();
    const before = (await hashDatabase(storeOf(core)));
    const preview = await previewFile(core, fixturePath(FIXTURE.merges));
    expect(preview.shape).toBe('merges');
    expect(preview.errors.length).toBeGreaterThanOrEqual(9);
    expect(new Set(preview.errors.map((e) => e.row))).toEqual(new Set([2, 3, 4, 5, 6, 7, 8, 9, 10]));
    const row2 = preview.errors.filter((e) => e.row === 2);
    expect(row2.map((e) => e.message).join(' ')).toContain('31009');
    expect(row2.map((e) => e.message).join(' ')).toContain('32101');
    for (const e of preview.errors) {
      expect(e.sheet).toBe('SapNhap');
      expectVietnamese(e.message);
    }
    const err = await callError(core, 'units:commitImport', { planId: preview.planId });
    expect(err.code).toBe('IMPORT_REJECTED');
    expect(err.message).toContain(FIXTURE.merges);
    expectVietnamese(err.message);
    expect((await hashDatabase(storeOf(core)))).toBe(before);
  });

  it('with only the old list imported: each row names the missing new commune, nothing changes', async () => {
    const core = await openTestCore();
    await importFile(core, fixturePath(FIXTURE.unitsHongDan));
    const before = (await hashDatabase(storeOf(core)));
    const preview = await previewFile(core, fixturePath(FIXTURE.merges));
    expect(preview.errors).toHaveLength(9);
    expect(preview.errors.find((e) => e.row === 4)?.message).toContain('32104');
    const err = await callError(core, 'units:commitImport', { planId: preview.planId });
    expect(err.code).toBe('IMPORT_REJECTED');
    expect(err.details?.errors).toHaveLength(9);
    expect((await hashDatabase(storeOf(core)))).toBe(before);
  });
});

describe('split table with shares', () => {
  it('records shares and refuses shares that do not add up to 100%', async () => {
    const core = await openTestCore();
    await importFile(core, fixturePath(FIXTURE.unitsHongDan));
    await importFile(core, fixturePath(FIXTURE.unitsTwoLevel));
    const dir = tempDataDir();
    const header = ['Mã xã cũ', 'Tên xã cũ', 'Mã xã mới', 'Tên xã mới', 'Ngày hiệu lực', 'Tỷ lệ'];
    const bad = writeWorkbook(join(dir, 'chia-sai.xlsx'), [
      {
        name: 'SapNhap',
        rows: [
          header,
          ['31009', 'Xã Ninh Quới', '32101', '', '01/07/2025', '60%'],
          ['31009', 'Xã Ninh Quới', '32104', '', '01/07/2025', '30%'],
        ],
      },
    ]);
    const before = (await hashDatabase(storeOf(core)));
    const badPreview = await previewFile(core, bad);
    expect(badPreview.errors).toHaveLength(1);
    expect(badPreview.errors[0]!.message).toContain('90,0%');
    expect((await callError(core, 'units:commitImport', { planId: badPreview.planId })).code).toBe('IMPORT_REJECTED');
    expect((await hashDatabase(storeOf(core)))).toBe(before);

    const good = writeWorkbook(join(dir, 'chia.xlsx'), [
      {
        name: 'SapNhap',
        rows: [
          header,
          ['31009', 'Xã Ninh Quới', '32101', '', '01/07/2025', '60%'],
          ['31009', 'Xã Ninh Quới', '32104', '', '01/07/2025', 0.4],
        ],
      },
    ]);
    await importFile(core, good);
    const old = await call(core, 'units:get', { code: '31009' });
    expect(old.validTo).toBe('2025-06-30');
    expect(old.successors.map((l) => [l.toCode, l.share])).toEqual([
      ['32101', 0.6],
      ['32104', 0.4],
    ]);
    // The district still has living communes.
    expect((await call(core, 'units:get', { code: '956' })).validTo).toBeNull();
  });
});
