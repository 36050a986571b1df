import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { AppCore } from '../../electron/core/app/appCore';
import type { ReportBlock, ReportDefinition, ReportDocument } from '../../shared/contract';
import { call, callError, storeOf, expectVietnamese, FIXED_NOW, openTestCore, setResult } from '../helpers/core';
import { scalar } from '../helpers/dbHash';
import { tempDataDir } from '../helpers/fixtures';

const OCT_2026 = { kind: 'month' as const, year: 2026, index: 10 };

async function demoCore(dataDir?: string): Promise<AppCore> {
  const core = await openTestCore({ now: () => FIXED_NOW, ...(dataDir ? { dataDir } : {}) });
  await call(core, 'demo:load', {});
  return core;
}

async function definition(core: AppCore, patch: Partial<ReportDefinition> = {}): Promise<ReportDefinition> {
  return { ...(await call(core, 'reports:defaults', { period: '2026-10' })), ...patch };
}

type Table = Extract<ReportBlock, { kind: 'table' }>;

/** The "Tổng cộng" actual of the first unit table (BHXH tự nguyện). */
function unitTotal(doc: ReportDocument): number | null {
  const table = doc.sections.find((s) => s.id === 'unitTable')!.blocks.find((b): b is Table => b.kind === 'table')!;
  const v = table.rows.find((r) => r.emphasis === 'total')!.cells.actual;
  return typeof v === 'number' ? v : null;
}

function unitRowActual(doc: ReportDocument, name: string): number | null {
  const table = doc.sections.find((s) => s.id === 'unitTable')!.blocks.find((b): b is Table => b.kind === 'table')!;
  const v = table.rows.find((r) => r.cells.name === name)!.cells.actual;
  return typeof v === 'number' ? v : null;
}

describe('saved reports', () => {
  it('save → list → get returns the same document, also after reopening the file', async () => {
    const dataDir = tempDataDir();
    const core = await demoCore(dataDir);
    const def = await definition(core, { issueDate: '2026-11-05', sections: [{ id: 'headline' }, { id: 'unitTable' }, { id: 'assessment', text: 'Đánh giá: tăng khá.' }] });
    const built = await call(core, 'reports:build', { definition: def });
    const saved = await call(core, 'reports:save', { definition: def });
    expect(saved.id).toBeGreaterThan(0);
    expect(saved.dataChanged).toBe(false);
    expect(saved.definition).toEqual(def);
    expect(saved.document).toEqual(built);

    const list = await call(core, 'reports:list', {});
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ id: saved.id, period: '2026-10', scopeCode: null, scopeName: 'Tỉnh Phú An', isDemo: true });
    expect(list[0]!.title).toContain('Tỉnh Phú An');
    expect(list[0]!.title).toContain('2026');

    const got = await call(core, 'reports:get', { id: saved.id });
    expect(got.document).toEqual(saved.document);
    expect(got.definition).toEqual(def);
    expect(got.dataChanged).toBe(false);

    const [audit] = (await call(core, 'audit:list', { limit: 1 })).items;
    expect(audit).toMatchObject({ action: 'create', entity: 'report', entityKey: String(saved.id), actor: 'kiem-thu' });

    core.close();
    const again = await openTestCore({ dataDir, now: () => FIXED_NOW });
    const reopened = await call(again, 'reports:get', { id: saved.id });
    expect(reopened.document).toEqual(built);
    expect(reopened.dataChanged).toBe(false);
  });

  it('keeps the figures as built: after results:set dataChanged is true, the saved document shows the old figure, re-saving updates it', async () => {
    const core = await demoCore();
    const def = await definition(core, { sections: [{ id: 'unitTable' }], indicatorCodes: ['BHXH_TN'] });
    const saved = await call(core, 'reports:save', { definition: def });
    const before = unitTotal(saved.document)!;
    const cmp = await call(core, 'results:compare', { period: OCT_2026, indicatorCode: 'BHXH_TN' });
    expect(before).toBe(cmp.total.actual);
    const commune = cmp.rows[0]!;
    expect(unitRowActual(saved.document, commune.name)).toBe(commune.actual);

    // The October figure of one commune grows by 1.000 people (same as-of date as the demo's: the 25th).
    await setResult(core, commune.code, 'BHXH_TN', '2026-10-25', commune.actual! + 1000);
    const afterCmp = await call(core, 'results:compare', { period: OCT_2026, indicatorCode: 'BHXH_TN' });
    expect(afterCmp.total.actual).toBe(before + 1000);

    const stale = await call(core, 'reports:get', { id: saved.id });
    expect(stale.dataChanged).toBe(true);
    expect(unitTotal(stale.document)).toBe(before);
    expect(unitRowActual(stale.document, commune.name)).toBe(commune.actual);
    expect(stale.document).toEqual(saved.document);

    // A fresh build shows the new figure.
    expect(unitTotal(await call(core, 'reports:build', { definition: def }))).toBe(before + 1000);

    const resaved = await call(core, 'reports:save', { id: saved.id, definition: def });
    expect(resaved.id).toBe(saved.id);
    expect(resaved.dataChanged).toBe(false);
    expect(unitTotal(resaved.document)).toBe(before + 1000);
    expect(unitRowActual(resaved.document, commune.name)).toBe(commune.actual! + 1000);
    expect(await call(core, 'reports:list', {})).toHaveLength(1);
    const [audit] = (await call(core, 'audit:list', { limit: 1 })).items;
    expect(audit).toMatchObject({ action: 'update', entity: 'report', entityKey: String(saved.id) });

    // Any later change marks it again, even one that restores the old figure.
    await call(core, 'results:set', { unitCode: commune.code, indicatorCode: 'BHXH_TN', asOf: '2026-10-25', value: commune.actual });
    expect((await call(core, 'reports:get', { id: saved.id })).dataChanged).toBe(true);
  });

  it('re-saving with a changed definition replaces the definition and document', async () => {
    const core = await demoCore();
    const saved = await call(core, 'reports:save', { definition: await definition(core, { sections: [{ id: 'headline' }] }) });
    const office = await definition(core, { scopeCode: '9901', sections: [{ id: 'unitTable' }, { id: 'tasks', text: 'Nhiệm vụ mới.' }] });
    const updated = await call(core, 'reports:save', { id: saved.id, definition: office });
    expect(updated.definition).toEqual(office);
    expect(updated.document.scopeName).toBe('BHXH cơ sở Phú An');
    expect(updated.document.sections.map((s) => s.id)).toEqual(['unitTable', 'tasks']);
    const [summary] = await call(core, 'reports:list', {});
    expect(summary).toMatchObject({ id: saved.id, scopeCode: '9901', scopeName: 'BHXH cơ sở Phú An' });
  });

  it('delete removes the report and writes an audit entry; missing ids answer NOT_FOUND in Vietnamese', async () => {
    const core = await demoCore();
    const a = await call(core, 'reports:save', { definition: await definition(core, { sections: [{ id: 'headline' }] }) });
    const b = await call(core, 'reports:save', { definition: await definition(core, { scopeCode: '9902', sections: [{ id: 'headline' }] }) });
    expect((await call(core, 'reports:list', {})).map((r) => r.id).sort()).toEqual([a.id, b.id].sort());

    expect(await call(core, 'reports:delete', { id: a.id })).toEqual({ deleted: 1 });
    expect((await call(core, 'reports:list', {})).map((r) => r.id)).toEqual([b.id]);
    const [audit] = (await call(core, 'audit:list', { limit: 1 })).items;
    expect(audit).toMatchObject({ action: 'delete', entity: 'report', entityKey: String(a.id), actor: 'kiem-thu' });
    expect(audit!.summary).toContain('Tỉnh Phú An');
    expect(Number(await scalar(storeOf(core), sql`SELECT COUNT(*) FROM reports WHERE id = ${a.id}`))).toBe(0);

    let err = await callError(core, 'reports:get', { id: a.id });
    expect(err.code).toBe('NOT_FOUND');
    expectVietnamese(err.message);
    expect(err.message).toContain(String(a.id));

    err = await callError(core, 'reports:get', { id: 9999 });
    expect(err.code).toBe('NOT_FOUND');
    expectVietnamese(err.message);

    err = await callError(core, 'reports:delete', { id: a.id });
    expect(err.code).toBe('NOT_FOUND');
    expectVietnamese(err.message);

    // Saving onto a deleted id does not resurrect it.
    err = await callError(core, 'reports:save', { id: a.id, definition: await definition(core) });
    expect(err.code).toBe('NOT_FOUND');
    expect((await call(core, 'reports:list', {})).map((r) => r.id)).toEqual([b.id]);

    err = await callError(core, 'reports:excel', { id: a.id });
    expect(err.code).toBe('NOT_FOUND');
  });

  it('a report that fails to build is not saved', async () => {
    const dataDir = tempDataDir();
    const core = await demoCore(dataDir);
    const err = await callError(core, 'reports:save', { definition: await definition(core, { sections: [{ id: 'headline' }, { id: 'noSuchPart' }] }) });
    expect(err.code).toBe('VALIDATION');
    expect(await call(core, 'reports:list', {})).toEqual([]);
    await core.close();
    // A second connection sees no report either: nothing half-written was committed.
    const again = await openTestCore({ dataDir, now: () => FIXED_NOW });
    expect(Number(await scalar(storeOf(again), sql`SELECT COUNT(*) FROM reports`))).toBe(0);
  });
});
