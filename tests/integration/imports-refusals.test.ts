import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import type { AppCore } from '../../electron/core/app/appCore';
import { migrate, schemaVersion } from '../../electron/core/db/migrate';
import { MIGRATIONS } from '../../electron/core/db/migrations';
import { ImportRepository } from '../../electron/core/imports/repository';
import type { ImportPreview, ProgressEvent } from '../../shared/contract';
import { call, callError, expectVietnamese, openTestCore, previewFile, storeOf, tickingClock, TEST_ENGINE } from '../helpers/core';
import { hashDatabase, scalar } from '../helpers/dbHash';
import { FIXTURE, fixturePath, tempDataDir } from '../helpers/fixtures';
import { openTestStore, untyped } from '../helpers/stores';
import { rawZip, writeWorkbook } from '../helpers/workbooks';
import { hongDan, reportRows } from '../helpers/hongDanReport';


function reportFile(name: string, edit: (rows: unknown[][]) => void): string {
  const rows = reportRows();
  edit(rows);
  return writeWorkbook(join(tempDataDir('bhxh-refusals-'), name), [{ name: 'T9-2020', rows }]);
}

async function preview(core: AppCore, path: string): Promise<ImportPreview> {
  return call(core, 'imports:preview', { file: core.files.registerPath(path) });
}

/** The preview refuses: nothing can be committed, and trying writes nothing. */
async function expectRefused(core: AppCore, p: ImportPreview): Promise<void> {
  expect(p.canCommit).toBe(false);
  const before = await hashDatabase(storeOf(core));
  expect((await callError(core, 'imports:commit', { sessionId: p.sessionId })).code).toBe('IMPORT_REJECTED');
  expect(await hashDatabase(storeOf(core))).toBe(before);
}

describe(`imports refuse what is wrong before anything is written (${TEST_ENGINE})`, () => {
  it('a negative count is an error at its cell', async () => {
    const core = await hongDan();
    const p = await preview(core, reportFile('so-am.xlsx', (rows) => (rows[10]![3] = -5)));
    const row = p.rows.find((r) => r.row === 11)!;
    expect(row.status).toBe('error');
    expect(row.issues[0]).toMatchObject({ sheet: 'T9-2020', row: 11, cell: 'D11' });
    expect(row.issues[0]!.message).toContain('không được âm');
    expectVietnamese(row.issues[0]!.message);
    await expectRefused(core, p);
  });

  it('an absurd count (above 10^8) is an error; a count above the unit’s population is a warning naming file, sheet, row and cell', async () => {
    const core = await hongDan();
    const p = await preview(core, reportFile('qua-lon.xlsx', (rows) => {
      rows[10]![3] = 150_000_000;
      rows[11]![3] = 9_000; // Ninh Quới A: population 8.910
      rows[11]![2] = 9_000;
    }));
    const absurd = p.rows.find((r) => r.row === 11)!;
    expect(absurd.status).toBe('error');
    expect(absurd.issues.map((i) => i.cell)).toEqual(['D11']);
    expect(absurd.issues[0]!.message).toContain('150.000.000');
    expect(absurd.issues[0]!.message).toContain('100.000.000');
    const above = p.warningDetails.filter((w) => w.kind === 'value');
    expect(above).toHaveLength(1);
    expect(above[0]).toMatchObject({ sheet: 'T9-2020', row: 12, cell: 'D12' });
    expect(above[0]!.message).toContain('qua-lon.xlsx');
    expect(above[0]!.message).toContain('T9-2020');
    expect(above[0]!.message).toContain('D12');
    expect(above[0]!.message).toContain('9.000 lớn hơn dân số của đơn vị (8.910)');
    expect(p.warnings).toContain(above[0]!.message);
    expectVietnamese(above[0]!.message);
    // The warned row is still importable; the absurd row is not.
    expect(p.rows.find((r) => r.row === 12)!.status).toBe('ok');
    expect(p.changes.some((c) => c.unitCode === absurd.unitCode)).toBe(false);
    await expectRefused(core, p);
  });

  it('a part above its whole (BHYT hộ gia đình above all BHYT) is an error, as in the grid', async () => {
    const core = await hongDan();
    const p = await preview(core, reportFile('bhyt-hgd.xlsx', (rows) => (rows[9]![6] = 14_000))); // J10 BHYT = 13.864
    const row = p.rows.find((r) => r.row === 10)!;
    expect(row.status).toBe('error');
    expect(row.issues[0]).toMatchObject({ cell: 'G10' });
    expect(row.issues[0]!.message).toContain('BHYT hộ gia đình lớn hơn tổng số người tham gia BHYT (14.000 > 13.864)');
    await expectRefused(core, p);
  });

  it('a month that has not come yet is refused, with today in dd/mm/yyyy', async () => {
    const core = await hongDan();
    const p = await preview(core, reportFile('thang-12-2026.xlsx', (rows) => (rows[4]![0] = 'Tháng 12 năm 2026 (số liệu tính đến ngày 25/12/2026)')));
    const err = p.errors.find((e) => e.kind === 'period')!;
    expect(err).toMatchObject({ sheet: 'T9-2020', row: 5, cell: 'A5' });
    expect(err.message).toContain('thang-12-2026.xlsx');
    expect(err.message).toContain('Tháng 12/2026 chưa đến');
    expect(err.message).toContain('22/11/2026');
    expect(p.canCommitValidRows).toBe(false);
    await expectRefused(core, p);
  });

  it('an "as of" day after today, or outside the month, is refused', async () => {
    const core = await hongDan();
    const later = await preview(core, reportFile('sau-hom-nay.xlsx', (rows) => (rows[4]![0] = 'Tháng 11 năm 2026 (số liệu tính đến ngày 25/11/2026)')));
    const e1 = later.errors.find((e) => e.kind === 'period')!;
    expect(e1.cell).toBe('A5');
    expect(e1.message).toContain('Ngày số liệu 25/11/2026 chưa đến (hôm nay là 22/11/2026)');
    await expectRefused(core, later);
    const outside = await preview(core, reportFile('ngoai-thang.xlsx', (rows) => (rows[4]![0] = 'Tháng 9 năm 2020 (số liệu tính đến ngày 25/10/2020)')));
    const e2 = outside.errors.find((e) => e.kind === 'period')!;
    expect(e2.message).toContain('Ngày số liệu 25/10/2020 không thuộc tháng 09/2020 (từ 01/09/2020 đến 30/09/2020)');
    await expectRefused(core, outside);
  });

  it('a title naming another district office, or another province, than the units matched is refused', async () => {
    const core = await hongDan();
    const district = await preview(core, reportFile('huyen-khac.xlsx', (rows) => (rows[1]![0] = 'BẢO HIỂM XÃ HỘI HUYỆN PHƯỚC LONG')));
    const e1 = district.errors.find((e) => e.kind === 'office')!;
    expect(e1).toMatchObject({ sheet: 'T9-2020', row: 2, cell: 'A2' });
    expect(e1.message).toContain('BẢO HIỂM XÃ HỘI HUYỆN PHƯỚC LONG');
    expect(e1.message).toContain('Hồng Dân');
    expectVietnamese(e1.message);
    await expectRefused(core, district);
    const province = await preview(core, reportFile('tinh-khac.xlsx', (rows) => (rows[0]![0] = 'BẢO HIỂM XÃ HỘI TỈNH CÀ MAU')));
    expect(province.errors.find((e) => e.kind === 'office')).toMatchObject({ cell: 'A1' });
    await expectRefused(core, province);
    // A BHXH cơ sở this database knows as another office: refused too.
    await call(core, 'offices:create', { code: 'PL', name: 'BHXH cơ sở Phước Long' });
    const known = await preview(core, reportFile('co-so-khac.xlsx', (rows) => (rows[1]![0] = 'BẢO HIỂM XÃ HỘI CƠ SỞ PHƯỚC LONG')));
    expect(known.errors.find((e) => e.kind === 'office')).toMatchObject({ cell: 'A2' });
    await expectRefused(core, known);
    // An office it cannot know (a post-2025 regional office): a warning, the rows still import.
    const regional = await preview(core, reportFile('khu-vuc.xlsx', (rows) => (rows[1]![0] = 'BẢO HIỂM XÃ HỘI KHU VỰC XXVI')));
    expect(regional.errors).toEqual([]);
    expect(regional.warningDetails.find((w) => w.kind === 'office')).toMatchObject({ cell: 'A2', row: 2 });
    expect(regional.canCommit).toBe(true);
    // The true report names its own office and province: no such error.
    const own = await preview(core, fixturePath(FIXTURE.districtReport));
    expect(own.errors).toEqual([]);
    expect(own.canCommit).toBe(true);
  });

  it('an HTML-saved .xls reads "3.000" as three thousand', async () => {
    const core = await hongDan();
    const rows = reportRows();
    rows[9]![3] = '3.000';
    rows[9]![2] = '3.000';
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), 'T9-2020');
    // Office software writes text cells without SheetJS's type hints.
    const html = (XLSX.write(wb, { type: 'string', bookType: 'html' }) as string).replace(/ data-[tv]="[^"]*"/g, '');
    const path = join(tempDataDir('bhxh-refusals-'), 'bao-cao-html.xls');
    writeFileSync(path, html);
    const p = await preview(core, path);
    const row = p.rows.find((r) => r.row === 10)!;
    expect(row.values['result:BHXH_TN']).toBe(3000);
    expect(row.values['target:BHXH_TN']).toBe(3000);
    expect(row.status).toBe('ok');
  });

  it('rows past the size limit are refused, naming the first row not read', async () => {
    const core = await hongDan();
    process.env.BHXH_MAX_SHEET_ROWS = '40';
    const p = await preview(core, reportFile('dai.xlsx', (rows) => {
      for (let i = rows.length; i < 60; i++) rows.push([null, null, null]);
      rows.push([null, 'ghi chú cuối', null]);
    }));
    const err = p.errors.find((e) => e.kind === 'table')!;
    expect(err).toMatchObject({ sheet: 'T9-2020', row: 41 });
    expect(err.message).toContain('vượt giới hạn 40 dòng');
    expect(err.message).toContain('dai.xlsx');
    await expectRefused(core, p);
  });

  it('a file that is not a report says what it is', async () => {
    const core = await hongDan();
    const dir = tempDataDir('bhxh-refusals-');
    // An empty workbook still has one sheet: SheetJS writes none otherwise.
    const empty = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(empty, XLSX.utils.aoa_to_sheet([]), 'Trang 1');
    const cases: [string, Buffer, string][] = [
      ['ghi-chu.xlsx', Buffer.from('Họp giao ban tuần\nNội dung: phát triển BHXH tự nguyện\n'), 'văn bản thuần'],
      ['anh.xlsx', Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), 'hình ảnh'],
      ['trong.xlsx', XLSX.write(empty, { type: 'buffer', bookType: 'xlsx' }) as Buffer, 'bảng tính trống'],
      ['nen.xlsx', rawZip([{ name: 'ghi-chu.txt', data: Buffer.from('không phải báo cáo') }]), 'tệp nén .zip'],
    ];
    for (const [name, bytes, says] of cases) {
      const path = join(dir, name);
      writeFileSync(path, bytes);
      const err = await callError(core, 'imports:preview', { file: core.files.registerPath(path) });
      expect(err.code, name).toBe('FILE_INVALID');
      expect(err.message, name).toContain(name);
      expect(err.message, name).toContain(says);
      expectVietnamese(err.message);
    }
  });
});

afterEach(() => {
  delete process.env.BHXH_MAX_SHEET_ROWS;
});

describe(`the entry grid applies the same value rules (${TEST_ENGINE})`, () => {
  it('an absurd count blocks the save; a count above the population is flagged until a note explains it', async () => {
    const core = await hongDan();
    const absurd = await call(core, 'results:saveGrid', { month: '2020-09', entries: [{ unitCode: '31006', indicatorCode: 'BHXH_TN', value: 150_000_000 }] });
    expect(absurd.committed).toBe(false);
    expect(absurd.issues).toMatchObject([{ kind: 'absurd', blocking: true }]);
    const entries = [
      { unitCode: '31006', indicatorCode: 'POP', value: 1000 },
      { unitCode: '31006', indicatorCode: 'BHXH_TN', value: 1200 },
    ];
    const flagged = await call(core, 'results:saveGrid', { month: '2020-09', entries });
    expect(flagged.committed).toBe(false);
    expect(flagged.issues).toMatchObject([{ kind: 'abovePopulation', blocking: false, indicatorCode: 'BHXH_TN' }]);
    expect(flagged.issues[0]!.message).toContain('1.200 lớn hơn dân số của đơn vị (1.000)');
    const noted = await call(core, 'results:saveGrid', { month: '2020-09', entries: [entries[0]!, { ...entries[1]!, note: 'dân số chưa cập nhật' }] });
    expect(noted.committed).toBe(true);
  });
});

describe(`a failed commit is told in Vietnamese and leaves its preview usable (${TEST_ENGINE})`, () => {
  /** A real engine failure on the next write to `table`: a trigger (SQLite) or a CHECK (PostgreSQL). */
  async function failWritesTo(core: AppCore, table: 'import_batches' | 'units'): Promise<() => Promise<void>> {
    const db = storeOf(core).db;
    if (TEST_ENGINE === 'sqlite') {
      await sql.raw(`CREATE TRIGGER refuse_${table} BEFORE INSERT ON ${table} BEGIN SELECT RAISE(ABORT, 'CHECK constraint failed: refuse_${table}'); END`).execute(db);
      return async () => void (await sql.raw(`DROP TRIGGER refuse_${table}`).execute(db));
    }
    await sql.raw(`ALTER TABLE ${table} ADD CONSTRAINT refuse_${table} CHECK (id < 0) NOT VALID`).execute(db);
    return async () => void (await sql.raw(`ALTER TABLE ${table} DROP CONSTRAINT refuse_${table}`).execute(db));
  }

  it('a report commit that fails in the database can be committed again from the same preview', async () => {
    const core = await hongDan();
    const p = await preview(core, fixturePath(FIXTURE.districtReport));
    expect(p.canCommit).toBe(true);
    const restore = await failWritesTo(core, 'import_batches');
    const before = await hashDatabase(storeOf(core));
    const err = await callError(core, 'imports:commit', { sessionId: p.sessionId });
    expect(err.message).not.toMatch(/constraint|CHECK|SQLITE|violat|refuse_/i);
    expect(err.message).toContain(FIXTURE.districtReport);
    expect(err.message).toContain('Bản xem trước vẫn còn');
    expectVietnamese(err.message);
    expect(await hashDatabase(storeOf(core))).toBe(before);
    await restore();
    const outcome = await call(core, 'imports:commit', { sessionId: p.sessionId });
    expect(outcome.written).toBe(p.changes.length);
    expect((await call(core, 'imports:list', {})).items).toHaveLength(1);
  });

  it('a unit-list commit that fails in the database can be committed again from the same preview', async () => {
    const core = await openTestCore({ now: tickingClock() });
    const p = await previewFile(core, fixturePath(FIXTURE.unitsHongDan));
    const restore = await failWritesTo(core, 'units');
    const err = await callError(core, 'units:commitImport', { planId: p.planId });
    expect(err.message).not.toMatch(/constraint|CHECK|SQLITE|violat|refuse_/i);
    expect(err.message).toContain(FIXTURE.unitsHongDan);
    expectVietnamese(err.message);
    expect(Number(await scalar(storeOf(core), sql`SELECT COUNT(*) AS n FROM units`))).toBe(0);
    await restore();
    const outcome = await call(core, 'units:commitImport', { planId: p.planId });
    expect(outcome.added).toBe(p.added);
  });
});

describe(`a totals row that disagrees is kept with the batch (${TEST_ENGINE})`, () => {
  it('imports:list returns the warnings the preview showed', async () => {
    const core = await hongDan();
    const p = await preview(core, fixturePath('district-report-hong-dan-2020-09-bad-total.xlsx'));
    const totals = p.warningDetails.filter((w) => w.kind === 'totals');
    expect(totals.length).toBeGreaterThan(0);
    await call(core, 'imports:commit', { sessionId: p.sessionId });
    const [batch] = (await call(core, 'imports:list', {})).items;
    expect(batch!.warnings.filter((w) => w.kind === 'totals')).toEqual(totals);
    expect(batch!.warnings.map((w) => w.message)).toEqual(p.warnings);
  });

  it('migration 10 runs on the previous version’s batches: they read back with no warning, new ones keep theirs', async () => {
    const store = await openTestStore();
    const previous = MIGRATIONS.filter((m) => m.version < 10);
    await migrate(store, { migrations: previous });
    const db = untyped(store);
    await db
      .insertInto('import_batches')
      .values({ file_name: 'cu.xlsx', sheet: 'T9', period: '2020-09', office_name: null, source_key: 'file:cu', at: '2020-10-01T00:00:00.000Z', actor: 'test', written: 3, replaced: 0, undone_at: null })
      .execute();
    expect(await migrate(store)).toBe(MIGRATIONS.at(-1)!.version);
    expect(await schemaVersion(store)).toBeGreaterThanOrEqual(10);
    const repo = new ImportRepository(store);
    const old = (await repo.page({})).items;
    expect(old).toMatchObject([{ fileName: 'cu.xlsx', written: 3, warnings: [] }]);
    const id = await repo.insertBatch({ fileName: 'moi.xlsx', sheet: 'T9', period: '2020-09', officeName: null, sourceKey: 'file:moi', at: '2020-10-02T00:00:00.000Z', actor: 'test', written: 1, replaced: 0, warnings: [{ kind: 'totals', cell: 'C19', message: 'Dòng tổng cộng (ô C19) ghi 1 nhưng tổng các dòng là 2 — BHXH tự nguyện.' }] });
    expect((await repo.byId(id))!.warnings).toEqual([{ kind: 'totals', cell: 'C19', message: 'Dòng tổng cộng (ô C19) ghi 1 nhưng tổng các dòng là 2 — BHXH tự nguyện.' }]);
  });
});

describe('unit lists are read streaming, with progress and cancel', () => {
  it('units:previewImport reports its stages under the caller’s operation id', async () => {
    const core = await openTestCore({ now: tickingClock() });
    const events: ProgressEvent[] = [];
    core.events.subscribe((e) => {
      if (e.type === 'progress' && e.taskId === 'danh-muc-tien-do') events.push(e);
    });
    const p = await call(core, 'units:previewImport', { file: core.files.registerPath(fixturePath(FIXTURE.unitsHongDan)), operationId: 'danh-muc-tien-do' });
    expect(p.added).toBe(11);
    const labels = events.map((e) => e.label);
    expect(labels[0]).toBe('Đang đọc tệp…');
    expect(labels).toContain('Đang phân tích trang tính 1/1…');
    expect(labels).toContain('Đang đối chiếu danh mục…');
    expect(events.at(-1)!.done).toBe(events.at(-1)!.total);
  });

  it('imports:cancel stops a unit list being read: CANCELLED in Vietnamese, nothing written', async () => {
    const core = await openTestCore({ now: tickingClock() });
    const wb = XLSX.utils.book_new();
    for (let s = 1; s <= 8; s++) {
      const rows: unknown[][] = [['Mã tỉnh', 'Tên tỉnh', 'Mã xã', 'Tên xã', 'Cấp']];
      for (let r = 0; r < 6000; r++) rows.push(['95', 'Tỉnh Bạc Liêu', String(40000 + r), `Xã ${r} ${'dài '.repeat(6)}`, 'Xã']);
      XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), `DM${s}`);
    }
    const path = join(tempDataDir('bhxh-units-big-'), 'danh-muc-lon.xlsx');
    writeFileSync(path, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
    const before = await hashDatabase(storeOf(core));
    let cancelled: Promise<unknown> | null = null;
    core.events.subscribe((e) => {
      if (e.type === 'progress' && e.taskId === 'danh-muc-huy' && e.label.startsWith('Đang phân tích') && !cancelled) cancelled = call(core, 'imports:cancel', { operationId: 'danh-muc-huy' });
    });
    const err = await callError(core, 'units:previewImport', { file: core.files.registerPath(path), operationId: 'danh-muc-huy' });
    expect(err.code).toBe('CANCELLED');
    expect(err.message).toContain('danh-muc-lon.xlsx');
    expectVietnamese(err.message);
    expect(await cancelled).toEqual({ cancelled: true });
    expect(await hashDatabase(storeOf(core))).toBe(before);
  });

  it('a unit list past the row limit is refused, counted to its end, naming the first row not read; nothing written', async () => {
    const core = await openTestCore({ now: tickingClock() });
    process.env.BHXH_MAX_SHEET_ROWS = '100';
    const wb = XLSX.utils.book_new();
    // A cover sheet first: the list is found on the second sheet, read streaming.
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['Danh mục đơn vị hành chính tỉnh Bạc Liêu'], ['Gửi kèm công văn số 12/BHXH']]), 'Bìa');
    const rows: unknown[][] = [['Mã tỉnh', 'Tên tỉnh', 'Mã xã', 'Tên xã']];
    for (let r = 0; r < 5000; r++) rows.push(['95', 'Tỉnh Bạc Liêu', String(40000 + r), `Xã số ${r}`]);
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), 'DM');
    const path = join(tempDataDir('bhxh-units-limit-'), 'danh-muc-dai.xlsx');
    writeFileSync(path, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
    const before = await hashDatabase(storeOf(core));
    const err = await callError(core, 'units:previewImport', { file: core.files.registerPath(path) });
    expect(err.code).toBe('FILE_INVALID');
    expect(err.message).toContain('danh-muc-dai.xlsx');
    expect(err.message).toContain('trang tính "DM" có 5.001 dòng, vượt giới hạn 100 dòng');
    expect(err.message).toContain('từ dòng 101');
    expectVietnamese(err.message);
    expect(await hashDatabase(storeOf(core))).toBe(before);
  });
});
