import { join } from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { AppCore } from '../../electron/core/app/appCore';
import { officeKey } from '../../electron/core/offices/match';
import type { ReportBlock, ReportDefinition } from '../../shared/contract';
import { call, callError, expectVietnamese, FIXED_NOW, importFile, openTestCore, storeOf } from '../helpers/core';
import { hashDatabase, rows, scalar } from '../helpers/dbHash';
import { FIXTURE, fixturePath, tempDataDir } from '../helpers/fixtures';
import { writeWorkbook } from '../helpers/workbooks';
import { cli } from '../helpers/cli';

/** The demo province on the fixed clock (22/11/2026): three offices across the 2025 reform. */
async function demoCore(): Promise<AppCore> {
  const core = await openTestCore({ now: () => FIXED_NOW });
  await call(core, 'demo:load', {});
  return core;
}

async function communesOn(core: AppCore, day: string): Promise<string[]> {
  return (await call(core, 'units:list', { asOf: day, level: 'commune' })).map((u) => u.code).sort();
}

const auditCount = async (core: AppCore) => Number(await scalar(storeOf(core), sql`SELECT COUNT(*) FROM audit_log`));

describe('the demo offices cover exactly its communes', () => {
  it.each(['2024-01-01', '2025-06-30', '2025-07-01', '2026-11-22'])('on %s every commune is in exactly one office', async (day) => {
    const core = await demoCore();
    const offices = await call(core, 'offices:list', { asOf: day });
    expect(offices).toHaveLength(3);
    const served = offices.flatMap((o) => o.communeCodes).sort();
    expect(served).toEqual(await communesOn(core, day));
    expect(new Set(served).size).toBe(served.length);
  });

  it('old communes end with the day before the reform, merged ones start on it', async () => {
    const core = await demoCore();
    const detail = await call(core, 'offices:get', { code: '9901' });
    expect(detail.members.length).toBeGreaterThan(0);
    for (const m of detail.members) expect([m.validFrom, m.validTo]).toSatisfy(([from, to]: (string | null)[]) => (from === null && to === '2025-06-30') || (from === '2025-07-01' && to === null));
    expect(detail.communeCount).toBe(detail.members.filter((m) => m.validFrom === '2025-07-01').length);
  });
});

describe('offices: create, edit, search, close', () => {
  it('creates an office with its details, finds it without diacritics, edits it; each write has its audit row', async () => {
    const core = await demoCore();
    const before = await auditCount(core);
    const created = await call(core, 'offices:create', { code: '9904', name: 'BHXH cơ sở Đông Hải', address: 'Số 1 đường Trần Phú', phone: '0291 3800 123', headName: 'Nguyễn Văn An', validFrom: '2025-07-01' });
    expect(created).toMatchObject({ code: '9904', name: 'BHXH cơ sở Đông Hải', provinceCode: '99', address: 'Số 1 đường Trần Phú', headName: 'Nguyễn Văn An', validTo: null, communeCount: 0, members: [] });
    expect(await auditCount(core)).toBe(before + 1);

    const page = await call(core, 'offices:search', { query: 'dong hai' });
    expect(page.items.map((o) => o.code)).toEqual(['9904']);
    expect(page.total).toBe(1);
    const all = await call(core, 'offices:search', { limit: 2, sort: 'code' });
    expect(all.total).toBe(4);
    expect(all.items.map((o) => o.code)).toEqual(['9901', '9902']);
    expect((await call(core, 'offices:search', { offset: 2, limit: 2, sort: 'code' })).items.map((o) => o.code)).toEqual(['9903', '9904']);

    const edited = await call(core, 'offices:update', { code: '9904', name: 'BHXH cơ sở Đông Hải', address: 'Số 2 đường Trần Phú', phone: null, headName: 'Nguyễn Văn An' });
    expect(edited).toMatchObject({ address: 'Số 2 đường Trần Phú', phone: null, validFrom: '2025-07-01' });
    const audit = await call(core, 'audit:list', { entity: 'office', limit: 5 });
    expect(audit.items[0]!.summary).toContain('Số 2 đường Trần Phú');

    const late = await callError(core, 'offices:update', { code: '9901', name: 'BHXH cơ sở Phú An', validFrom: '2026-01-01' });
    expect(late.message).toContain('trước ngày 01/01/2026');
    const duplicate = await callError(core, 'offices:create', { code: '9904', name: 'Trùng mã' });
    expect(duplicate.code).toBe('VALIDATION');
    expectVietnamese(duplicate.message);
    const missing = await callError(core, 'offices:get', { code: '7777' });
    expect(missing.code).toBe('NOT_FOUND');
    expectVietnamese(missing.message);
  });

  it('closing keeps the office and its history, releases its communes after the last day, and hides it from later lists', async () => {
    const core = await demoCore();
    const closed = await call(core, 'offices:close', { code: '9902', lastDay: '2026-06-30' });
    expect(closed.validTo).toBe('2026-06-30');
    expect(closed.members.every((m) => m.validTo !== null && m.validTo <= '2026-06-30')).toBe(true);
    expect((await call(core, 'offices:list', { asOf: '2026-07-01' })).map((o) => o.code)).toEqual(['9901', '9903']);
    expect((await call(core, 'offices:list', { asOf: '2026-06-30' })).map((o) => o.code)).toEqual(['9901', '9902', '9903']);
    expect((await call(core, 'offices:search', { asOf: '2026-11-22' })).items.map((o) => o.code)).toEqual(['9901', '9903']);
    expect((await call(core, 'offices:search', { includeClosed: true })).total).toBe(3);
    // Its communes are free from 01/07/2026: another office can take them.
    const freed = closed.members.filter((m) => m.validTo === '2026-06-30').map((m) => m.unitCode);
    expect(freed.length).toBeGreaterThan(0);
    const taker = await call(core, 'offices:assign', { code: '9901', unitCodes: freed, validFrom: '2026-07-01' });
    expect(taker.members.filter((m) => freed.includes(m.unitCode)).every((m) => m.validFrom === '2026-07-01')).toBe(true);
  });
});

describe('offices: communes assigned with dates', () => {
  it('a commune moves from one office to another on a date; overlaps are refused in Vietnamese and change nothing', async () => {
    const core = await demoCore();
    const from = await call(core, 'offices:get', { code: '9902' });
    const moving = from.members.find((m) => m.validFrom === '2025-07-01')!;
    await call(core, 'offices:create', { code: '9904', name: 'BHXH cơ sở Đông Hải' });

    const hash = await hashDatabase(storeOf(core));
    const clash = await callError(core, 'offices:assign', { code: '9904', unitCodes: [moving.unitCode], validFrom: '2026-01-01' });
    expect(clash.code).toBe('VALIDATION');
    expectVietnamese(clash.message);
    expect(clash.message).toContain('BHXH cơ sở Long Điền');
    expect(clash.message).toContain('01/07/2025');
    const notCommune = await callError(core, 'offices:assign', { code: '9904', unitCodes: ['99'], validFrom: '2026-01-01' });
    expect(notCommune.message).toContain('không phải xã');
    const unknown = await callError(core, 'offices:assign', { code: '9904', unitCodes: ['12345'], validFrom: '2026-01-01' });
    expect(unknown.message).toContain('12345');
    expect(await hashDatabase(storeOf(core))).toBe(hash);

    const ended = await call(core, 'offices:unassign', { code: '9902', membershipId: moving.id, lastDay: '2025-12-31' });
    expect(ended.members.find((m) => m.id === moving.id)!.validTo).toBe('2025-12-31');
    const taken = await call(core, 'offices:assign', { code: '9904', unitCodes: [moving.unitCode], validFrom: '2026-01-01' });
    expect(taken.members).toEqual([expect.objectContaining({ unitCode: moving.unitCode, validFrom: '2026-01-01', validTo: null })]);
    expect((await call(core, 'offices:list', { asOf: '2025-12-31' })).find((o) => o.code === '9902')!.communeCodes).toContain(moving.unitCode);
    expect((await call(core, 'offices:list', { asOf: '2026-01-01' })).find((o) => o.code === '9904')!.communeCodes).toEqual([moving.unitCode]);
    // Still one office a day for every commune.
    for (const day of ['2025-12-31', '2026-01-01']) {
      const served = (await call(core, 'offices:list', { asOf: day })).flatMap((o) => o.communeCodes).sort();
      expect(served).toEqual(await communesOn(core, day));
    }
    // An old commune given open-ended is clipped to its own life.
    const oldCommune = (await call(core, 'units:list', { includeEnded: true, level: 'commune' })).find((u) => u.validTo === '2025-06-30')!;
    await call(core, 'offices:unassign', {
      code: (await call(core, 'offices:list', {})).find((o) => o.communeCodes.includes(oldCommune.code))!.code,
      membershipId: (await rows<{ id: number }>(storeOf(core), sql`SELECT ou.id FROM office_units ou JOIN units u ON u.id = ou.unit_id WHERE u.code = ${oldCommune.code}`))[0]!.id,
      lastDay: null,
    });
    const clipped = await call(core, 'offices:assign', { code: '9904', unitCodes: [oldCommune.code], validFrom: null });
    expect(clipped.members.find((m) => m.unitCode === oldCommune.code)).toMatchObject({ validFrom: null, validTo: '2025-06-30' });
  });
});

describe('offices: import from Excel', () => {
  const OFFICES_HEADER = ['Mã cơ quan', 'Tên cơ quan', 'Địa chỉ', 'Điện thoại', 'Giám đốc'];
  const MEMBERS_HEADER = ['Mã cơ quan', 'Mã xã', 'Tên xã', 'Từ ngày', 'Đến ngày'];

  async function preview(core: AppCore, path: string, validFrom?: string) {
    return call(core, 'offices:previewImport', { file: core.files.registerPath(path), ...(validFrom ? { validFrom } : {}) });
  }

  it('names every problem by file, sheet, row and cell; a rejected file changes nothing', async () => {
    const core = await demoCore();
    const fresh = (await call(core, 'offices:get', { code: '9901' })).members.filter((m) => m.validFrom === '2025-07-01');
    const path = writeWorkbook(join(tempDataDir(), 'co-quan-loi.xlsx'), [
      { name: 'Cơ quan', rows: [['DANH SÁCH CƠ QUAN BHXH CƠ SỞ'], OFFICES_HEADER, ['9904', 'BHXH cơ sở Đông Hải', 'Số 1', '0291', 'Trần B'], ['9904', 'BHXH cơ sở Trùng', '', '', '']] },
      {
        name: 'Xã phường',
        rows: [
          MEMBERS_HEADER,
          ['9904', '12345', 'Xã Không Có', '01/01/2026', ''],
          ['9904', fresh[0]!.unitCode, fresh[0]!.unitName, '01/01/2026', ''],
          ['9905', fresh[1]!.unitCode, '', '01/01/2026', ''],
          ['9904', fresh[1]!.unitCode, '', '31/02/2026', ''],
        ],
      },
    ]);
    const hash = await hashDatabase(storeOf(core));
    const p = await preview(core, path);
    expect(p.officesSheet).toBe('Cơ quan');
    expect(p.membersSheet).toBe('Xã phường');
    const byCell = Object.fromEntries(p.errors.map((e) => [`${e.sheet}!${e.cell}`, e.message]));
    expect(byCell['Cơ quan!A4']).toContain('trùng với dòng 3');
    expect(byCell['Xã phường!B2']).toContain('12345');
    expect(byCell['Xã phường!D3']).toContain('BHXH cơ sở Phú An');
    expect(byCell['Xã phường!A4']).toContain('9905');
    expect(byCell['Xã phường!D5']).toContain('dd/mm/yyyy');
    for (const e of p.errors) expectVietnamese(e.message);
    const refused = await callError(core, 'offices:commitImport', { planId: p.planId });
    expect(refused.code).toBe('IMPORT_REJECTED');
    expectVietnamese(refused.message);
    expect(await hashDatabase(storeOf(core))).toBe(hash);
  });

  it('overlapping rows inside the file are refused at the second row', async () => {
    const core = await demoCore();
    await call(core, 'offices:close', { code: '9903', lastDay: '2025-12-31' });
    const freed = (await call(core, 'offices:get', { code: '9903' })).members.find((m) => m.validTo === '2025-12-31' && m.validFrom === '2025-07-01')!;
    const path = writeWorkbook(join(tempDataDir(), 'chong-lan.xlsx'), [
      { name: 'Cơ quan', rows: [OFFICES_HEADER, ['9904', 'BHXH cơ sở Đông Hải', '', '', ''], ['9905', 'BHXH cơ sở Tây Hải', '', '', '']] },
      { name: 'Xã phường', rows: [MEMBERS_HEADER, ['9904', freed.unitCode, '', '01/01/2026', '30/06/2026'], ['9905', freed.unitCode, '', '01/06/2026', '']] },
    ]);
    const p = await preview(core, path);
    expect(p.errors).toHaveLength(1);
    expect(p.errors[0]).toMatchObject({ sheet: 'Xã phường', row: 3, cell: 'D3' });
    expect(p.errors[0]!.message).toContain('dòng 2');
  });

  it('a good file adds offices and their communes in one transaction with one audit row; the same file again changes nothing', async () => {
    const core = await demoCore();
    await call(core, 'offices:close', { code: '9903', lastDay: '2025-12-31' });
    const freed = (await call(core, 'offices:get', { code: '9903' })).members.filter((m) => m.validTo === '2025-12-31' && m.validFrom === '2025-07-01');
    const path = writeWorkbook(join(tempDataDir(), 'co-quan.xlsx'), [
      { name: 'Cơ quan', rows: [OFFICES_HEADER, ['9904', 'BHXH cơ sở Đông Hải', 'Số 1 Trần Phú', '0291 3800 123', 'Trần Văn B'], ['9901', 'BHXH cơ sở Phú An', 'Số 9 Lê Lợi', '', '']] },
      { name: 'Xã phường', rows: [MEMBERS_HEADER, ...freed.map((m) => ['9904', m.unitCode, m.unitName, '', ''])] },
    ]);
    const before = await auditCount(core);
    const p = await preview(core, path, '2026-01-01');
    expect(p.errors).toEqual([]);
    expect(p).toMatchObject({ officesAdded: 1, officesUpdated: 1, membersAdded: freed.length, membersChanged: 0 });
    expect(p.changes.find((c) => c.action === 'update-office')!.description).toContain('Số 9 Lê Lợi');
    const outcome = await call(core, 'offices:commitImport', { planId: p.planId });
    expect(outcome).toMatchObject({ officesAdded: 1, officesUpdated: 1, membersAdded: freed.length });
    expect(await auditCount(core)).toBe(before + 1);
    const added = await call(core, 'offices:get', { code: '9904' });
    expect(added).toMatchObject({ address: 'Số 1 Trần Phú', headName: 'Trần Văn B', communeCount: freed.length });
    expect(added.members.every((m) => m.validFrom === '2026-01-01' && m.validTo === null)).toBe(true);
    expect((await call(core, 'offices:get', { code: '9901' })).address).toBe('Số 9 Lê Lợi');

    const again = await preview(core, path, '2026-01-01');
    expect(again).toMatchObject({ officesAdded: 0, officesUpdated: 0, membersAdded: 0, errors: [] });
    expect(again.unchanged).toBe(2 + freed.length);
  });
});

describe('offices: a preview is committed only on the data it was made from', () => {
  it('a membership changed after the preview stops the commit', async () => {
    const core = await demoCore();
    const path = writeWorkbook(join(tempDataDir(), 'co-quan.xlsx'), [{ name: 'Cơ quan', rows: [['Mã cơ quan', 'Tên cơ quan'], ['9904', 'BHXH cơ sở Đông Hải']] }]);
    const p = await call(core, 'offices:previewImport', { file: core.files.registerPath(path) });
    const member = (await call(core, 'offices:get', { code: '9902' })).members.find((m) => m.validTo === null)!;
    await call(core, 'offices:unassign', { code: '9902', membershipId: member.id, lastDay: '2026-12-31' });
    const hash = await hashDatabase(storeOf(core));
    const err = await callError(core, 'offices:commitImport', { planId: p.planId });
    expect(err.code).toBe('CONFLICT');
    expectVietnamese(err.message);
    expect(await hashDatabase(storeOf(core))).toBe(hash);
  });
});

type Table = Extract<ReportBlock, { kind: 'table' }>;

describe('reports grouped by office use membership on the report’s tree date', () => {
  async function byOffice(core: AppCore, period: string): Promise<Table> {
    const defaults = await call(core, 'reports:defaults', { period });
    const definition: ReportDefinition = { ...defaults, groupBy: 'office', sort: 'code', sections: [{ id: 'unitTable' }], indicatorCodes: ['BHXH_TN'] };
    const doc = await call(core, 'reports:build', { definition });
    return doc.sections.find((s) => s.id === 'unitTable')!.blocks.find((b): b is Table => b.kind === 'table')!;
  }

  it('a commune moved to a new office counts there from its month, and at its old office before', async () => {
    const core = await demoCore();
    const moving = (await call(core, 'offices:get', { code: '9902' })).members.find((m) => m.validFrom === '2025-07-01')!;
    await call(core, 'offices:unassign', { code: '9902', membershipId: moving.id, lastDay: '2026-08-31' });
    await call(core, 'offices:create', { code: '9904', name: 'BHXH cơ sở Đông Hải' });
    await call(core, 'offices:assign', { code: '9904', unitCodes: [moving.unitCode], validFrom: '2026-09-01' });
    const cmp = await call(core, 'results:compare', { period: { kind: 'month', year: 2026, index: 10 }, indicatorCode: 'BHXH_TN' });
    const movingActual = cmp.rows.find((r) => r.code === moving.unitCode)!.actual;

    const october = await byOffice(core, '2026-10');
    const names = october.rows.filter((r) => r.emphasis !== 'total').map((r) => r.cells.name);
    expect(names).toContain('BHXH cơ sở Đông Hải');
    expect(october.rows.find((r) => r.cells.name === 'BHXH cơ sở Đông Hải')!.cells.actual).toBe(movingActual);
    const total = october.rows.find((r) => r.emphasis === 'total')!.cells.actual;
    expect(total).toBe(cmp.total.actual);

    const july = await byOffice(core, '2026-07');
    expect(july.rows.map((r) => r.cells.name)).not.toContain('BHXH cơ sở Đông Hải');
    // Scoped to the office itself: its one commune on October's tree.
    const defaults = await call(core, 'reports:defaults', { period: '2026-10' });
    const scoped = await call(core, 'reports:build', { definition: { ...defaults, scopeCode: '9904', sections: [{ id: 'unitTable' }], indicatorCodes: ['BHXH_TN'] } });
    const table = scoped.sections[0]!.blocks.find((b): b is Table => b.kind === 'table')!;
    expect(table.rows.filter((r) => r.emphasis !== 'total').map((r) => r.cells.name)).toEqual([moving.unitName]);
  });
});

describe('an imported district report is linked to the office its title names', () => {
  it('officeKey reads the office out of the title in its usual wordings', () => {
    expect(officeKey('BẢO HIỂM XÃ HỘI HUYỆN HỒNG DÂN')).toBe('hong dan');
    expect(officeKey('BHXH cơ sở Hồng Dân')).toBe('hong dan');
    expect(officeKey('BHXH huyện Hồng Dân')).toBe('hong dan');
    expect(officeKey('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')).toBeNull();
  });

  it('preview.officeCode and import_batches.office_code hold the office', async () => {
    const core = await openTestCore({ now: () => FIXED_NOW });
    await importFile(core, fixturePath(FIXTURE.unitsHongDan));
    await call(core, 'offices:create', { code: 'HD', name: 'BHXH cơ sở Hồng Dân', provinceCode: '95' });
    const p = await call(core, 'imports:preview', { file: core.files.registerPath(fixturePath(FIXTURE.districtReport)) });
    expect(p.officeCode).toBe('HD');
    const outcome = await call(core, 'imports:commit', { sessionId: p.sessionId });
    expect(await scalar(storeOf(core), sql`SELECT office_code FROM import_batches WHERE id = ${outcome.batchId}`)).toBe('HD');
    expect((await call(core, 'imports:list', {})).items[0]!.officeCode).toBe('HD');
  });

  it('without such an office the batch has none', async () => {
    const core = await openTestCore({ now: () => FIXED_NOW });
    await importFile(core, fixturePath(FIXTURE.unitsHongDan));
    const p = await call(core, 'imports:preview', { file: core.files.registerPath(fixturePath(FIXTURE.districtReport)) });
    expect(p.officeCode).toBeNull();
  });
});

describe('CLI: offices list and offices import', () => {
  it('lists the offices of a day, imports a file (dry run first), exits 2 on rejected rows naming file, sheet and cell', async () => {
    const dir = tempDataDir();
    process.env.BHXH_TODAY = '2026-11-22';
    try {
      expect((await cli('demo', '--data-dir', dir)).code).toBe(0);
      const listed = await cli('offices', 'list', '--as-of', '01/01/2026', '--json', '--data-dir', dir);
      expect(listed.code, listed.err).toBe(0);
      const offices = JSON.parse(listed.out) as { code: string; communeCount: number }[];
      expect(offices.map((o) => o.code)).toEqual(['9901', '9902', '9903']);
      expect(offices.reduce((s, o) => s + o.communeCount, 0)).toBe(16);
      const old = await cli('offices', 'list', '--as-of', '30/06/2025', '--query', 'phu an', '--data-dir', dir);
      expect(old.out).toContain('BHXH cơ sở Phú An');
      expect(old.out).not.toContain('Long Điền');
      expect(old.out).toContain('1 cơ quan BHXH cơ sở ngày 30/06/2025');

      const bad = writeWorkbook(join(tempDataDir(), 'co-quan-loi.xlsx'), [
        { name: 'Xã phường', rows: [['Mã cơ quan', 'Mã xã', 'Từ ngày'], ['9901', '12345', '01/01/2026']] },
      ]);
      const rejected = await cli('offices', 'import', bad, '--data-dir', dir);
      expect(rejected.code).toBe(2);
      expect(rejected.out).toContain('Tệp "co-quan-loi.xlsx", trang "Xã phường", dòng 2, ô B2');
      expect(rejected.out).toContain('12345');

      const good = writeWorkbook(join(tempDataDir(), 'co-quan.xlsx'), [{ name: 'Cơ quan', rows: [['Mã cơ quan', 'Tên cơ quan', 'Địa chỉ'], ['9904', 'BHXH cơ sở Đông Hải', 'Số 1']] }]);
      const dry = await cli('offices', 'import', good, '--dry-run', '--json', '--data-dir', dir);
      expect(dry.code, dry.err).toBe(0);
      expect(JSON.parse(dry.out)).toMatchObject({ status: 'dry-run', officesAdded: 1 });
      expect((await cli('offices', 'list', '--json', '--data-dir', dir)).out).not.toContain('9904');
      const done = await cli('offices', 'import', good, '--valid-from', '01/01/2026', '--data-dir', dir);
      expect(done.code, done.err).toBe(0);
      expect(done.out).toContain('Đã nhập "co-quan.xlsx": thêm 1 cơ quan');
      expect((await cli('offices', 'list', '--json', '--data-dir', dir)).out).toContain('9904');
    } finally {
      delete process.env.BHXH_TODAY;
    }
  });
});
