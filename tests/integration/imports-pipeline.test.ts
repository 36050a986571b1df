import { copyFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { AppCore } from '../../electron/core/app/appCore';
import { migrate, schemaVersion } from '../../electron/core/db/migrate';
import { MIGRATIONS } from '../../electron/core/db/migrations';
import { cancelOperation } from '../../electron/core/imports/operations';
import { call, callError, expectVietnamese, openTestCore, storeOf, tickingClock, TEST_ENGINE } from '../helpers/core';
import { hashDatabase, scalar } from '../helpers/dbHash';
import { FIXTURE, fixturePath, tempDataDir } from '../helpers/fixtures';
import { openTestStore } from '../helpers/stores';
import { writeWorkbook } from '../helpers/workbooks';
import { hongDan, reportRows } from '../helpers/hongDanReport';


/** The report with `extra` more rows of hamlets nobody knows (unmatched) after its nine communes. */
function longReport(extra: number): string {
  const rows = reportRows();
  const added = Array.from({ length: extra }, (_, i) => [10 + i, `Ấp thử nghiệm số ${i + 1}`, 10, 5, null, 20, 10, null, 100, 90, null, null]);
  rows.splice(18, 0, ...added);
  return writeWorkbook(join(tempDataDir('bhxh-pipeline-'), `bao-cao-${9 + extra}-dong.xlsx`), [{ name: 'T9-2020', rows }]);
}

async function stagedCount(core: AppCore, sessionId?: string): Promise<number> {
  const where = sessionId ? sql`WHERE session_id = ${sessionId}` : sql``;
  return Number(await scalar(storeOf(core), sql`SELECT COUNT(*) AS n FROM import_stage_rows ${where}`));
}

async function sessionStatus(core: AppCore, id: string): Promise<string | undefined> {
  return (await scalar(storeOf(core), sql`SELECT status FROM import_sessions WHERE id = ${id}`)) as string | undefined;
}

describe(`district reports go through the staged pipeline (${TEST_ENGINE})`, () => {
  it('a 600-row report is staged: the preview carries the first page, page 2 comes from the stage', async () => {
    const core = await hongDan();
    const p = await call(core, 'imports:preview', { file: core.files.registerPath(longReport(591)) });
    expect(p.rowCount).toBe(600);
    expect(p.rowCounts).toEqual({ ok: 9, error: 0, unmatched: 591 });
    expect(p.rows).toHaveLength(500);
    expect(await stagedCount(core, p.sessionId)).toBe(600);

    const page2 = await call(core, 'imports:stagedRows', { sessionId: p.sessionId, page: 2, pageSize: 500 });
    expect(page2.total).toBe(600);
    expect(page2.items).toHaveLength(100);
    expect(page2.items[0]!.row).toBe(p.rows[499]!.row + 1);
    expect(page2.items.at(-1)!.typedName).toBe('Ấp thử nghiệm số 591');
    expect(page2.items.every((r) => r.status === 'unmatched' && r.issues[0]!.cell!.startsWith('B'))).toBe(true);
    // The same rows whatever the page size: page 3 of 250 is the tail of page 2 of 500.
    const page3 = await call(core, 'imports:stagedRows', { sessionId: p.sessionId, page: 3, pageSize: 250 });
    expect(page3.items.map((r) => r.row)).toEqual(page2.items.slice(0, 100).map((r) => r.row).slice(-100));
    const ok = await call(core, 'imports:stagedRows', { sessionId: p.sessionId, page: 1, pageSize: 50, filter: 'ok' });
    expect(ok.total).toBe(9);
    expect(ok.items.map((r) => r.unitCode)).toEqual(p.rows.slice(0, 9).map((r) => r.unitCode));

    // The valid rows commit from the stage; the stage of a committed session is dropped.
    const outcome = await call(core, 'imports:commit', { sessionId: p.sessionId, skipErrorRows: true });
    expect(outcome.skippedRows).toBe(591);
    expect(outcome.written).toBe(p.changes.length);
    expect(await stagedCount(core, p.sessionId)).toBe(0);
    expect(await sessionStatus(core, p.sessionId)).toBe('committed');
    const paged = await callError(core, 'imports:stagedRows', { sessionId: p.sessionId, page: 1, pageSize: 10 });
    expect(paged.code).toBe('NOT_FOUND');
    expectVietnamese(paged.message);
  });

  it('a correction re-validates the staged rows without the file: deleted after the preview, a column role changed, previewed again', async () => {
    const core = await hongDan();
    const path = join(tempDataDir('bhxh-pipeline-'), 'bao-cao-xoa.xlsx');
    copyFileSync(fixturePath(FIXTURE.districtReport), path);
    const file = core.files.registerPath(path);
    const first = await call(core, 'imports:preview', { file });
    expect(first.canCommit).toBe(true);
    rmSync(path);
    // Without the session the file is needed, and it is gone.
    await callError(core, 'imports:preview', { file });

    // Column D ("Thực hiện" of BHXH tự nguyện) set to ignore: the correction runs on the staged rows.
    const columns = first.columns.map((c) => ({ column: c.column, role: c.column === 'D' ? ('ignore' as const) : c.role, indicatorCode: c.column === 'D' ? null : c.indicatorCode }));
    const corrected = await call(core, 'imports:preview', { file, sessionId: first.sessionId, columns });
    expect(corrected.sessionId).not.toBe(first.sessionId);
    expect(corrected.columns.find((c) => c.column === 'D')!.role).toBe('ignore');
    expect(corrected.rows.every((r) => !('result:BHXH_TN' in r.values))).toBe(true);
    expect(corrected.changes.some((c) => c.kind === 'result' && c.indicatorCode === 'BHXH_TN')).toBe(false);
    expect(corrected.changes.length).toBeLessThan(first.changes.length);
    expect(corrected.rowCount).toBe(first.rowCount);
    // The corrected session replaces the one it corrects.
    expect(await sessionStatus(core, first.sessionId)).toBe('discarded');
    expect(await stagedCount(core, first.sessionId)).toBe(0);
    expect((await callError(core, 'imports:commit', { sessionId: first.sessionId })).code).toBe('NOT_FOUND');

    // A period chosen by hand, again from the stage; then the commit writes exactly that preview.
    const august = await call(core, 'imports:preview', { file, sessionId: corrected.sessionId, columns, period: '2020-08' });
    expect(august.period).toBe('2020-08');
    expect(august.periodSource).toBe('override');
    const outcome = await call(core, 'imports:commit', { sessionId: august.sessionId });
    expect(outcome.written).toBe(august.changes.length);
    expect(Number(await scalar(storeOf(core), sql`SELECT COUNT(*) AS n FROM results WHERE indicator_code = 'BHXH_TN' AND as_of LIKE '2020-08-%'`))).toBe(0);
    expect(Number(await scalar(storeOf(core), sql`SELECT COUNT(*) AS n FROM results WHERE indicator_code = 'BHYT_HGD' AND as_of LIKE '2020-08-%'`))).toBe(9);
  });

  it('cancel while the rows are being staged leaves no staged rows and the database as it was', async () => {
    const core = await hongDan();
    const path = longReport(1491);
    const before = await hashDatabase(storeOf(core));
    let stagingSeen = 0;
    core.events.subscribe((e) => {
      if (e.type === 'progress' && e.taskId === 'huy-khi-luu-1' && e.label === 'Đang lưu bản xem trước…' && ++stagingSeen === 2) cancelOperation('huy-khi-luu-1');
    });
    const err = await callError(core, 'imports:preview', { file: core.files.registerPath(path), operationId: 'huy-khi-luu-1' });
    expect(err.code).toBe('CANCELLED');
    expectVietnamese(err.message);
    expect(stagingSeen).toBe(2);
    expect(await stagedCount(core)).toBe(0);
    expect(Number(await scalar(storeOf(core), sql`SELECT COUNT(*) AS n FROM import_sessions WHERE status IN ('reading', 'staged')`))).toBe(0);
    expect(await hashDatabase(storeOf(core))).toBe(before);
  });

  it('a commit that fails in the database leaves the data and the staged preview as they were; committed again it writes once', async () => {
    const core = await hongDan();
    const p = await call(core, 'imports:preview', { file: core.files.registerPath(fixturePath(FIXTURE.districtReport)) });
    const db = storeOf(core).db;
    const undo =
      TEST_ENGINE === 'sqlite'
        ? (await sql.raw(`CREATE TRIGGER refuse_items BEFORE INSERT ON import_batch_items BEGIN SELECT RAISE(ABORT, 'CHECK constraint failed: refuse_items'); END`).execute(db), `DROP TRIGGER refuse_items`)
        : (await sql.raw(`ALTER TABLE import_batch_items ADD CONSTRAINT refuse_items CHECK (batch_id < 0) NOT VALID`).execute(db), `ALTER TABLE import_batch_items DROP CONSTRAINT refuse_items`);
    const before = await hashDatabase(storeOf(core));
    const stagedBefore = await stagedCount(core, p.sessionId);
    const err = await callError(core, 'imports:commit', { sessionId: p.sessionId });
    expect(err.message).toContain('Bản xem trước vẫn còn');
    expect(await hashDatabase(storeOf(core))).toBe(before);
    expect(await sessionStatus(core, p.sessionId)).toBe('staged');
    expect(await stagedCount(core, p.sessionId)).toBe(stagedBefore);
    await sql.raw(undo).execute(db);
    const outcome = await call(core, 'imports:commit', { sessionId: p.sessionId });
    expect(outcome.written).toBe(p.changes.length);
    expect((await call(core, 'imports:list', {})).items).toHaveLength(1);
    expect(Number(await scalar(storeOf(core), sql`SELECT batch_id FROM import_sessions WHERE id = ${p.sessionId}`))).toBe(outcome.batchId);
    expect((await callError(core, 'imports:commit', { sessionId: p.sessionId })).code).toBe('NOT_FOUND');
    // Undo by batch id, as before the pipeline.
    expect((await call(core, 'imports:undo', { batchId: outcome.batchId })).restored).toBe(outcome.written);
  });

  it('stale sessions are cleaned before a preview: staged over a day, reading over an hour; a fresh one stays', async () => {
    const core = await hongDan();
    const fresh = await call(core, 'imports:preview', { file: core.files.registerPath(fixturePath(FIXTURE.districtReport)) });
    const db = storeOf(core).db;
    const old = (id: string, status: 'staged' | 'reading', createdAt: string) =>
      db.insertInto('import_sessions').values({ id, kind: 'district-report', file_name: 'cu.xlsx', status, actor: 'kiem-thu', created_at: createdAt }).execute();
    // tickingClock starts on 22/11/2026.
    await old('phien-cu-hom-truoc', 'staged', '2026-11-20T08:00:00.000Z');
    await old('phien-doc-do-dang', 'reading', '2026-11-21T08:00:00.000Z');
    await db.insertInto('import_stage_rows').values({ session_id: 'phien-cu-hom-truoc', row_no: 10, status: 'ok', payload: null, issues: null, raw: '[]' }).execute();
    await call(core, 'imports:preview', { file: core.files.registerPath(fixturePath(FIXTURE.districtReport)) });
    expect(await sessionStatus(core, 'phien-cu-hom-truoc')).toBe('discarded');
    expect(await sessionStatus(core, 'phien-doc-do-dang')).toBe('discarded');
    expect(await stagedCount(core, 'phien-cu-hom-truoc')).toBe(0);
    expect(await sessionStatus(core, fresh.sessionId)).toBe('staged');
    expect((await call(core, 'imports:stagedRows', { sessionId: fresh.sessionId, page: 1, pageSize: 100 })).total).toBe(9);
  });

  it('the errors workbook is built from the staged rows', async () => {
    const core = await hongDan();
    const p = await call(core, 'imports:preview', { file: core.files.registerPath(longReport(3)) });
    const ref = await call(core, 'imports:errorsWorkbook', { sessionId: p.sessionId });
    expect(ref.fileName).toMatch(/loi-nhap/);
  });
});

describe(`unit lists go through the staged pipeline (${TEST_ENGINE})`, () => {
  it('another "valid from" is planned again from the staged rows without the file; the commit writes that plan; rows page from the stage', async () => {
    const core = await openTestCore({ now: tickingClock() });
    const path = join(tempDataDir('bhxh-pipeline-'), 'danh-muc.xlsx');
    copyFileSync(fixturePath(FIXTURE.unitsTwoLevel), path);
    const file = core.files.registerPath(path);
    const first = await call(core, 'units:previewImport', { file });
    expect(first.errors).toEqual([]);
    expect(await stagedCount(core, first.planId)).toBeGreaterThan(0);
    rmSync(path);
    const corrected = await call(core, 'units:previewImport', { file, validFrom: '2025-08-01', planId: first.planId });
    expect(corrected.validFrom).toBe('2025-08-01');
    expect(corrected.added).toBe(first.added);
    expect(await sessionStatus(core, first.planId)).toBe('discarded');
    const page = await call(core, 'units:stagedRows', { planId: corrected.planId, page: 2, pageSize: 3 });
    expect(page.total).toBe(await stagedCount(core, corrected.planId));
    expect(page.total).toBeGreaterThan(3);
    expect(page.items).toHaveLength(Math.min(3, page.total - 3));
    expect(page.items[0]!.row).toBeGreaterThan(3);
    expect(page.items.every((r) => r.status === 'ok' && r.issues.length === 0)).toBe(true);
    const outcome = await call(core, 'units:commitImport', { planId: corrected.planId });
    expect(outcome.added).toBe(corrected.added);
    const units = await call(core, 'units:search', { asOf: '2025-08-01', limit: 1000 });
    expect(units.total).toBe(corrected.added);
    expect((await call(core, 'units:search', { asOf: '2025-07-15', limit: 10 })).total).toBe(0);
    expect(await sessionStatus(core, corrected.planId)).toBe('committed');
    expect((await callError(core, 'units:commitImport', { planId: corrected.planId })).code).toBe('NOT_FOUND');
  });
});

describe(`migration 19 (${TEST_ENGINE})`, () => {
  it('adds the session and stage tables on a database of version 18', async () => {
    const store = await openTestStore();
    await migrate(store, { migrations: MIGRATIONS.slice(0, 18) });
    expect(await schemaVersion(store)).toBe(18);
    await migrate(store, { migrations: MIGRATIONS.slice(0, 19) });
    expect(await schemaVersion(store)).toBe(19);
    await store.db.insertInto('import_sessions').values({ id: 'phien-thu-1', kind: 'district-report', file_name: 'a.xlsx', status: 'staged', actor: 'kiem-thu', created_at: '2026-11-22T00:00:00.000Z' }).execute();
    await store.db.insertInto('import_stage_rows').values({ session_id: 'phien-thu-1', row_no: 10, status: 'ok', payload: '{}', issues: null, raw: '[]' }).execute();
    await expect(store.db.insertInto('import_stage_rows').values({ session_id: 'phien-thu-1', row_no: 10, status: 'ok', payload: null, issues: null, raw: null }).execute()).rejects.toThrow();
    await expect(store.db.insertInto('import_sessions').values({ id: 'phien-thu-2', kind: 'x', file_name: 'b.xlsx', status: 'khac' as 'staged', actor: 'a', created_at: 'x' }).execute()).rejects.toThrow();
  });
});
