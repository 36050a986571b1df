import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppCore } from '../../electron/core/app/appCore';
import { migrate, schemaVersion } from '../../electron/core/db/migrate';
import { MIGRATIONS } from '../../electron/core/db/migrations';
import { call, callError, expectVietnamese, FIXED_NOW, openTestCore, storeOf } from '../helpers/core';
import { openTestStore, untyped } from '../helpers/stores';

/** The seeded rules (migration 17) on the fixed clock (22/11/2026), on both engines. */
describe('contribution calculators', () => {
  let core: AppCore;
  beforeEach(async () => {
    core = await openTestCore({ now: () => FIXED_NOW });
  });
  afterEach(async () => {
    await core.close();
  });

  it('computes the worked cases from the seeded rules', async () => {
    const tn = await call(core, 'calc:bhxhTn', { income: 1_500_000, mode: '12', group: 'poor', date: '2025-08-01' });
    expect([tn.contribution, tn.stateSupport, tn.personPays, tn.totalPays]).toEqual([330_000, 165_000, 165_000, 1_980_000]);
    expect(tn.rules.find((r) => r.kind === 'BHXH_TN_SUPPORT')).toMatchObject({ value: 50, validFrom: '2025-07-01', source: 'Nghị định 159/2025/NĐ-CP' });
    const hgd = await call(core, 'calc:bhytHgd', { members: ['none', 'none', 'none', 'none', 'none'], months: 1, date: '2024-07-01' });
    expect([hgd.members.map((m) => m.amount), hgd.total]).toEqual([[105_300, 73_710, 63_180, 52_650, 42_120], 336_960]);
    const before = await call(core, 'calc:bhytHgd', { members: ['none'], months: 1, date: '2024-06-30' });
    expect(before.total).toBe(81_000);
  });

  it('lists the rules with their sources, marks those in force today, and refuses bad input in Vietnamese', async () => {
    const rules = await call(core, 'calc:rules', {});
    expect(rules).toHaveLength(23);
    const current = rules.filter((r) => r.current);
    expect(current.find((r) => r.kind === 'BASE_SALARY')).toMatchObject({ value: 2_340_000, source: 'Nghị định 73/2024/NĐ-CP', kindLabel: 'Mức lương cơ sở' });
    expect(current.find((r) => r.kind === 'POVERTY_LINE')).toMatchObject({ value: 1_500_000, validTo: '2026-12-31' });
    expect(rules.find((r) => r.kind === 'POVERTY_LINE' && r.value === 2_200_000)).toMatchObject({ validFrom: '2027-01-01', current: false, source: 'Nghị định 351/2025/NĐ-CP' });
    const low = await callError(core, 'calc:bhxhTn', { income: 1_000_000, mode: '1', group: 'other', date: '2025-08-01' });
    expect(low).toMatchObject({ code: 'VALIDATION', message: 'Mức thu nhập 1.000.000 đ thấp hơn mức thấp nhất 1.500.000 đ (chuẩn nghèo khu vực nông thôn áp dụng ngày 01/08/2025).' });
    const ahead = await callError(core, 'calc:bhxhTn', { income: 1_500_000, mode: 'years', years: 3, group: 'other', date: '2025-08-01' });
    expectVietnamese(ahead.message);
    expect(ahead.message).toContain('Chưa có lãi suất chiết khấu');
    expect((await callError(core, 'calc:saveRule', { kind: 'BHXH_TN_SUPPORT', value: 60, validFrom: '2026-01-01', source: 'Nghị quyết thử' })).message).toContain('cần chọn đối tượng áp dụng');
    expect((await callError(core, 'calc:saveRule', { kind: 'BASE_SALARY', value: 2_340_000, validFrom: '2024-07-01', source: 'Nghị định trùng' })).message).toContain('Đã có mức');
  });

  it('a new rule changes the results from its date only; ending a rule stops it; both audited', async () => {
    const saved = await call(core, 'calc:saveRule', { kind: 'BASE_SALARY', value: 2_530_000, validFrom: '2026-07-01', source: 'Nghị định thử 01/2026/NĐ-CP', note: 'Mức giả định cho kiểm thử' });
    expect(saved).toMatchObject({ kind: 'BASE_SALARY', value: 2_530_000, current: true, createdBy: expect.any(String) });
    const [june, july] = await Promise.all(['2026-06-30', '2026-07-01'].map((date) => call(core, 'calc:bhytHgd', { members: ['none', 'none'], months: 1, date })));
    expect(june!.members.map((m) => m.amount)).toEqual([105_300, 73_710]);
    // 4,5% × 2.530.000 = 113.850; 70% = 79.695.
    expect(july!.members.map((m) => m.amount)).toEqual([113_850, 79_695]);
    expect((await call(core, 'calc:bhxhTn', { income: 1_500_000, mode: '1', group: 'poor', date: '2026-07-01' })).maxIncome).toBe(50_600_000);
    // A discount rate lets the several-years payment through.
    await call(core, 'calc:saveRule', { kind: 'BHXH_TN_DISCOUNT', value: 4.8, validFrom: '2026-01-01', source: 'Văn bản thử của BHXH Việt Nam' });
    const ahead = await call(core, 'calc:bhxhTn', { income: 1_500_000, mode: 'years', years: 2, group: 'poor', date: '2026-03-01' });
    expect(ahead.months).toBe(24);
    expect(ahead.totalPays).toBe(Math.floor(165_000 * ((1 - 1.004 ** -24) / (1 - 1 / 1.004)) + 0.5));
    // A province top-up row for farming households of 50% from 2026.
    await call(core, 'calc:saveRule', { kind: 'BHYT_HGD_SUPPORT', subject: 'farm', value: 50, validFrom: '2026-01-01', source: 'Nghị quyết thử của HĐND tỉnh' });
    expect((await call(core, 'calc:bhytHgd', { members: ['farm'], months: 1, date: '2026-02-01' })).members[0]).toMatchObject({ supportPct: 50, support: 52_650 });
    expect((await call(core, 'calc:bhytHgd', { members: ['farm'], months: 1, date: '2025-12-31' })).members[0]).toMatchObject({ supportPct: 30, support: 31_590 });
    const ended = await call(core, 'calc:endRule', { id: saved.id, validTo: '2026-09-30' });
    expect(ended).toMatchObject({ validTo: '2026-09-30', endedBy: expect.any(String) });
    expect((await call(core, 'calc:bhytHgd', { members: ['none'], months: 1, date: '2026-10-01' })).total).toBe(105_300);
    expect((await callError(core, 'calc:endRule', { id: saved.id, validTo: '2026-01-01' })).message).toBe('Ngày kết thúc không được trước ngày hiệu lực 01/07/2026.');
    const audit = await storeOf(core).db.selectFrom('audit_log').select(['action', 'entity', 'summary']).where('entity', '=', 'contribution_rule').orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['create', 'create', 'create', 'update']);
    expect(audit[0]!.summary).toBe('Thêm mức đóng "Mức lương cơ sở: 2.530.000 đ", hiệu lực từ 01/07/2026 (Nghị định thử 01/2026/NĐ-CP)');
  });

  it('builds the quote in the Decree 30 layout', async () => {
    const doc = await call(core, 'calc:quoteDocument', { kind: 'bhxhTn', input: { income: 1_500_000, mode: '12', group: 'poor', date: '2025-08-01' }, personName: 'Nguyễn Văn An' });
    expect(doc.header).toMatchObject({ title: 'BẢNG TÍNH MỨC ĐÓNG BẢO HIỂM XÃ HỘI TỰ NGUYỆN', subtitle: 'Người tham gia: Nguyễn Văn An', cutoff: '(Tính theo quy định áp dụng ngày 01/08/2025)' });
    const table = doc.sections[0]!.blocks[0]!;
    expect(table.kind).toBe('table');
    if (table.kind !== 'table') return;
    expect(table.rows.map((r) => r.cells.amount)).toEqual([1_500_000, 330_000, 165_000, 165_000, 1_980_000]);
    expect(table.notes.join('\n')).toContain('Nghị định 159/2025/NĐ-CP');
    const hgd = await call(core, 'calc:quoteDocument', { kind: 'bhytHgd', input: { members: ['none', 'none', 'none', 'none', 'none'], months: 12, date: '2024-07-01' } });
    const rows = hgd.sections[0]!.blocks[0]!;
    if (rows.kind !== 'table') throw new Error('table expected');
    expect(rows.rows.at(-1)!.cells).toMatchObject({ amount: 336_960, period: 4_043_520 });
  });
});

describe('migration 17 on data of version 15', () => {
  it('adds the rules table with its seeded rows beside the old data and enforces its checks', async () => {
    const store = await openTestStore();
    await migrate(store, { migrations: MIGRATIONS.filter((m) => m.version <= 15) });
    const db = untyped(store);
    const now = '2024-01-01T00:00:00.000Z';
    await db.insertInto('units').values({ code: '95', name: 'Tỉnh Bạc Liêu', name_key: 'bac lieu', level: 'province', kind: 'Tỉnh', parent_id: null, valid_from: null, valid_to: null, is_demo: 0, created_at: now, updated_at: now }).execute();
    expect(await migrate(store, { migrations: MIGRATIONS.filter((m) => m.version <= 17) })).toBe(17);
    expect(await schemaVersion(store)).toBe(17);
    expect((await db.selectFrom('units').select('code').execute()).map((r: { code: string }) => r.code)).toEqual(['95']);
    const seeded = await db.selectFrom('contribution_rules').select(['kind', 'subject', 'value', 'valid_from']).where('kind', '=', 'BHXH_TN_SUPPORT').where('valid_from', '=', '2025-07-01').orderBy('subject').execute();
    expect(seeded.map((r: { subject: string; value: number }) => [r.subject, Number(r.value)])).toEqual([['ethnic', 30], ['near-poor', 40], ['other', 20], ['poor', 50]]);
    const row = { kind: 'BASE_SALARY', subject: null, source: 'x', created_by: 'x', created_at: now };
    await expect(db.insertInto('contribution_rules').values({ ...row, value: -1, valid_from: '2026-01-01' }).execute()).rejects.toThrow();
    await expect(db.insertInto('contribution_rules').values({ ...row, value: 1, valid_from: '2026-01-01', valid_to: '2025-01-01' }).execute()).rejects.toThrow();
    await store.close();
  });
});
