import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { AppCore } from '../../electron/core/app/appCore';
import { migrate, schemaVersion } from '../../electron/core/db/migrate';
import { MIGRATIONS } from '../../electron/core/db/migrations';
import { UnitRepository } from '../../electron/core/units/repository';
import { arrearsRatio } from '../../shared/calc/arrears';
import { ARREARS_BANDS } from '../../shared/domain/arrears';
import { unitNameKey } from '../../shared/text/fold';
import { call, callError, expectVietnamese, FIXED_NOW, openTestCore, storeOf, TEST_ENGINE } from '../helpers/core';
import { rows, scalar } from '../helpers/dbHash';
import { openTestStore, untyped } from '../helpers/stores';

const NOW = '2024-01-01T00:00:00.000Z';

/** Province 88, two communes, offices 8801 and 8802; today is 22/11/2026 (FIXED_NOW). */
async function arrearsCore(): Promise<AppCore> {
  const core = await openTestCore({ now: () => FIXED_NOW });
  const units = new UnitRepository(storeOf(core));
  const now = FIXED_NOW.toISOString();
  const add = (code: string, name: string, level: 'province' | 'commune', parentId: number | null) =>
    units.insert({ code, name, nameKey: unitNameKey(name), level, kind: null, parentId, validFrom: null, validTo: null }, now);
  const province = await add('88', 'Tỉnh Thử Nghiệm', 'province', null);
  await add('88001', 'Xã Ninh Quới', 'commune', province);
  await add('88002', 'Xã Hòa Bình', 'commune', province);
  await call(core, 'offices:create', { code: '8801', provinceCode: '88', name: 'BHXH cơ sở Hòa An' });
  await call(core, 'offices:assign', { code: '8801', unitCodes: ['88001'], validFrom: '2020-01-01' });
  await call(core, 'offices:create', { code: '8802', provinceCode: '88', name: 'BHXH cơ sở Ninh Phước' });
  await call(core, 'offices:assign', { code: '8802', unitCodes: ['88002'], validFrom: '2020-01-01' });
  return core;
}

/** Writes arrears rows straight into the table (what an import would leave), for figures worked by hand. */
async function putRows(core: AppCore, list: { code: string; period: string; amount: number; months: number; due: number | null }[]) {
  const store = storeOf(core);
  for (const r of list) {
    const e = await store.db.selectFrom('employers').select('id').where('code', '=', r.code).executeTakeFirstOrThrow();
    await store.db
      .insertInto('arrears_rows')
      .values({ employer_id: e.id, period: r.period, amount_owed: r.amount, months_owed: r.months, interest: 0, amount_due_year: r.due, is_late: r.amount > 0 ? 1 : 0, is_evasion: 0, note: null, batch_id: null, created_at: NOW })
      .execute();
  }
}

async function seeded(): Promise<{ core: AppCore; ids: Record<string, number> }> {
  const core = await arrearsCore();
  const ids: Record<string, number> = {};
  const save = async (code: string, name: string, kind: 'ENTERPRISE' | 'COOPERATIVE' | 'HOUSEHOLD', officeCode: string, status: 'ACTIVE' | 'DISSOLVED' = 'ACTIVE', taxCode: string | null = null) => {
    ids[code] = (await call(core, 'arrears:saveEmployer', { code, name, kind, officeCode, unitCode: officeCode === '8801' ? '88001' : '88002', status, taxCode, workers: 10 })).employer.id;
  };
  await save('E1', 'Công ty TNHH Thủy sản Ninh Quới', 'ENTERPRISE', '8801', 'ACTIVE', '1900111222');
  await save('E2', 'Hợp tác xã Tôm lúa Hòa Bình', 'COOPERATIVE', '8802');
  await save('E3', 'Hộ kinh doanh Đặng Văn Hòa', 'HOUSEHOLD', '8801');
  await save('E4', 'Công ty CP Xây lắp Cũ', 'ENTERPRISE', '8802', 'DISSOLVED');
  await save('E5', 'DNTN Xăng dầu Đủ Tiền', 'ENTERPRISE', '8801');
  await putRows(core, [
    // 2026-10: E1 2 months, E2 4 months, E3 13 months, E4 dissolved 30 months, E5 paid up (only its due counts).
    { code: 'E1', period: '2026-10', amount: 20_000_000, months: 2, due: 120_000_000 },
    { code: 'E2', period: '2026-10', amount: 8_000_000, months: 4, due: 24_000_000 },
    { code: 'E3', period: '2026-10', amount: 6_500_000, months: 13, due: 6_000_000 },
    { code: 'E4', period: '2026-10', amount: 90_000_000, months: 30, due: 0 },
    { code: 'E5', period: '2026-10', amount: 0, months: 0, due: 250_000_000 },
    { code: 'E1', period: '2026-09', amount: 10_000_000, months: 1, due: 120_000_000 },
    { code: 'E4', period: '2026-09', amount: 90_000_000, months: 29, due: 0 },
  ]);
  return { core, ids };
}

describe(`employer arrears (${TEST_ENGINE})`, () => {
  it('migration 16 on a version-15 database with data: existing rows stay, the arrears tables start empty and work', async () => {
    const store = await openTestStore();
    await migrate(store, { migrations: MIGRATIONS.filter((m) => m.version <= 15) });
    expect(await schemaVersion(store)).toBe(15);
    const db = untyped(store);
    await db.insertInto('units').values({ code: '95', name: 'Tỉnh Bạc Liêu', name_key: 'bac lieu', level: 'province', kind: 'Tỉnh', parent_id: null, valid_from: null, valid_to: null, is_demo: 0, created_at: NOW, updated_at: NOW }).execute();
    const unit = await db.selectFrom('units').select('id').executeTakeFirstOrThrow();
    await db.insertInto('offices').values({ code: 'HD', name: 'BHXH huyện Hồng Dân', province_unit_id: unit.id, is_demo: 0 }).execute();
    const before = await rows(store, sql`SELECT code, name FROM offices ORDER BY code`);
    expect(await migrate(store, { migrations: MIGRATIONS.filter((m) => m.version <= 16) })).toBe(16);
    expect(await rows(store, sql`SELECT code, name FROM offices ORDER BY code`)).toEqual(before);
    for (const t of ['employers', 'arrears_rows', 'arrears_actions', 'arrears_promises', 'arrears_targets', 'arrears_batches']) expect(await scalar(store, sql`SELECT COUNT(*) FROM ${sql.table(t)}`)).toBe(0);
    const office = await db.selectFrom('offices').select('id').executeTakeFirstOrThrow();
    await db.insertInto('employers').values({ code: 'X1', name: 'Công ty X', name_key: 'cong ty x', sort_key: 'x', kind: 'ENTERPRISE', office_id: office.id, created_at: NOW, updated_at: NOW }).execute();
    const employer = await db.selectFrom('employers').select('id').executeTakeFirstOrThrow();
    await db.insertInto('arrears_rows').values({ employer_id: employer.id, period: '2020-09', amount_owed: 3_000_000_000_000, created_at: NOW }).execute();
    // Money past 2³¹ đồng is kept whole on both engines.
    expect(await scalar(store, sql`SELECT amount_owed FROM arrears_rows`)).toBe(3_000_000_000_000);
    await expect(db.insertInto('arrears_rows').values({ employer_id: employer.id, period: '2020-09', amount_owed: 1, created_at: NOW }).execute()).rejects.toThrow();
    await expect(db.insertInto('employers').values({ code: 'X2', name: 'Y', name_key: 'y', sort_key: 'y', kind: 'BANK', created_at: NOW, updated_at: NOW }).execute()).rejects.toThrow();
  });

  it('overview: total, bands (closed employers apart), offices, sectors, ratio half up against the target in force', async () => {
    const { core } = await seeded();
    await call(core, 'arrears:saveTarget', { officeCode: null, validFrom: '2026-01-01', ratio: 30, source: 'Quyết định 12/QĐ-BHXH' });
    await call(core, 'arrears:saveTarget', { officeCode: null, validFrom: '2026-11-01', ratio: 20, source: 'Điều chỉnh' });
    await call(core, 'arrears:saveTarget', { officeCode: '8802', validFrom: '2026-06-01', ratio: 50 });
    const o = await call(core, 'arrears:overview', { period: '2026-10' });
    expect(o.totalOwed).toBe(124_500_000);
    expect(o.employersInArrears).toBe(4);
    expect(o.dueInYear).toBe(400_000_000);
    // 124.500.000 ÷ 400.000.000 = 31,125% → 31,13 (half up).
    expect(o.ratio).toBe(31.13);
    expect(o.ratio).toBe(arrearsRatio(124_500_000, 400_000_000));
    expect(o.target?.ratio).toBe(30);
    expect(o.meetsTarget).toBe(false);
    expect(o.byBand.map((b) => b.band)).toEqual([...ARREARS_BANDS]);
    expect(Object.fromEntries(o.byBand.map((b) => [b.band, [b.employers, b.amount]]))).toEqual({
      UNDER_3: [1, 20_000_000], FROM_3_TO_6: [1, 8_000_000], FROM_6_TO_12: [0, 0], FROM_12: [1, 6_500_000], CLOSED: [1, 90_000_000],
    });
    expect(o.byOffice).toEqual([
      { officeCode: '8802', officeName: 'BHXH cơ sở Ninh Phước', employers: 2, amount: 98_000_000, dueInYear: 24_000_000, ratio: 408.33, target: 50, meetsTarget: false },
      { officeCode: '8801', officeName: 'BHXH cơ sở Hòa An', employers: 2, amount: 26_500_000, dueInYear: 376_000_000, ratio: 7.05, target: 30, meetsTarget: true },
    ]);
    expect(o.byKind).toEqual([
      { kind: 'ENTERPRISE', label: 'Doanh nghiệp trong nước', employers: 2, amount: 110_000_000 },
      { kind: 'HOUSEHOLD', label: 'Hộ kinh doanh', employers: 1, amount: 6_500_000 },
      { kind: 'COOPERATIVE', label: 'Hợp tác xã', employers: 1, amount: 8_000_000 },
    ].sort((a, b) => ['STATE', 'ENTERPRISE', 'FDI', 'HOUSEHOLD', 'COOPERATIVE'].indexOf(a.kind) - ['STATE', 'ENTERPRISE', 'FDI', 'HOUSEHOLD', 'COOPERATIVE'].indexOf(b.kind)));
    expect(o.trend).toEqual([
      { period: '2026-09', amount: 100_000_000, employers: 2, ratio: 83.33 },
      { period: '2026-10', amount: 124_500_000, employers: 4, ratio: 31.13 },
    ]);
    expect(o.largest.map((e) => e.code)).toEqual(['E4', 'E1', 'E2', 'E3']);
    const office = await call(core, 'arrears:overview', { period: '2026-10', officeCode: '8801' });
    expect(office.totalOwed).toBe(26_500_000);
    expect(office.target?.ratio).toBe(30);
    // The target in force on the period's last day: 20% from 01/11/2026 applies to November only.
    expect((await call(core, 'arrears:overview', { period: '2026-11' })).target?.ratio).toBe(20);
  });

  it('reminder letter wording: an office rewrites it with fields, the letter follows, bad fields are refused, the default comes back', async () => {
    const { core, ids } = await seeded();
    const start = await call(core, 'arrears:reminderTemplate', {});
    expect(start.isDefault).toBe(true);
    expect(start.fields.map((f) => f.key)).toContain('so_tien_no');
    const text = ['Kính gửi: Ban Giám đốc {ten_don_vi} (mã số thuế {ma_so_thue}).', '{bang_so_lieu}', 'Đơn vị còn nợ {so_tien_no} đến hết tháng {thang}; đề nghị nộp trước ngày 15.'].join('\n');
    expect((await call(core, 'arrears:saveReminderTemplate', { text })).isDefault).toBe(false);
    const doc = await call(core, 'arrears:reminderDocument', { employerId: ids.E1! });
    const blocks = doc.sections[0]!.blocks;
    expect(blocks.map((b) => b.kind)).toEqual(['paragraph', 'table', 'paragraph']);
    expect((blocks[0] as { text: string }).text).toBe('Kính gửi: Ban Giám đốc Công ty TNHH Thủy sản Ninh Quới (mã số thuế 1900111222).');
    expect((blocks[2] as { text: string }).text).toBe('Đơn vị còn nợ 20.000.000 đ đến hết tháng 10/2026; đề nghị nộp trước ngày 15.');
    const audit = await storeOf(core).db.selectFrom('audit_log').select('summary').where('entity', '=', 'reminder-template').execute();
    expect(audit.map((a) => a.summary)).toEqual(['Sửa mẫu công văn đôn đốc']);

    const before = await call(core, 'arrears:reminderTemplate', {});
    const unknown = await core.dispatch('arrears:saveReminderTemplate', { text: 'Kính gửi: {ten_cong_ty}.\n{bang_so_lieu}' });
    expect(unknown.ok).toBe(false);
    if (!unknown.ok) expect(unknown.error.message).toContain('{ten_cong_ty}');
    const noTable = await core.dispatch('arrears:saveReminderTemplate', { text: 'Kính gửi: {ten_don_vi}.' });
    expect(noTable.ok).toBe(false);
    if (!noTable.ok) expect(noTable.error.message).toContain('{bang_so_lieu}');
    expect(await call(core, 'arrears:reminderTemplate', {})).toEqual(before);

    const back = await call(core, 'arrears:saveReminderTemplate', { text: null });
    expect(back.isDefault).toBe(true);
    const again = await call(core, 'arrears:reminderDocument', { employerId: ids.E1! });
    expect((again.sections[0]!.blocks[0] as { text: string }).text).toBe('Kính gửi: Công ty TNHH Thủy sản Ninh Quới.');
    // The app's own settings are not mixed with the letter's wording.
    expect(Object.keys(await call(core, 'settings:get', {})).sort()).toEqual(['inactiveMonths', 'jumpThreshold']);
  });

  it('ratio: a row that does not give the amount due counts in the total owed but not in the ratio (a list of debtors only would inflate it)', async () => {
    const { core } = await seeded();
    // December: E1 gives its due, E2 does not.
    await putRows(core, [
      { code: 'E1', period: '2026-12', amount: 30_000_000, months: 3, due: 120_000_000 },
      { code: 'E2', period: '2026-12', amount: 50_000_000, months: 5, due: null },
    ]);
    const o = await call(core, 'arrears:overview', { period: '2026-12' });
    expect(o.totalOwed).toBe(80_000_000);
    expect(o.dueInYear).toBe(120_000_000);
    expect(o.ratio).toBe(25);
    expect(o.trend.find((t) => t.period === '2026-12')?.ratio).toBe(25);
    // An office whose rows give no due has no ratio at all.
    expect(o.byOffice.find((x) => x.officeCode === '8802')).toMatchObject({ amount: 50_000_000, dueInYear: null, ratio: null });
    // Nothing gives a due: no ratio, not a ratio over nothing.
    await putRows(core, [{ code: 'E3', period: '2027-01', amount: 5_000_000, months: 1, due: null }]);
    expect((await call(core, 'arrears:overview', { period: '2027-01' })).ratio).toBeNull();
  });

  it('employers page: filters by band, status, kind, office, commune and folded text; sorts by amount', async () => {
    const { core } = await seeded();
    const page = (req: Parameters<typeof call<'arrears:employers'>>[2]) => call(core, 'arrears:employers', { period: '2026-10', ...req });
    expect((await page({})).items.map((e) => e.code)).toEqual(['E4', 'E1', 'E2', 'E3', 'E5']);
    expect((await page({ inArrearsOnly: true })).total).toBe(4);
    expect((await page({ band: 'FROM_12' })).items.map((e) => e.code)).toEqual(['E3']);
    expect((await page({ band: 'CLOSED' })).items.map((e) => e.code)).toEqual(['E4']);
    expect((await page({ status: 'DISSOLVED' })).items.map((e) => e.code)).toEqual(['E4']);
    expect((await page({ kind: 'COOPERATIVE' })).items.map((e) => e.code)).toEqual(['E2']);
    expect((await page({ officeCode: '8802' })).items.map((e) => e.code)).toEqual(['E4', 'E2']);
    expect((await page({ unitCode: '88001' })).total).toBe(3);
    expect((await page({ query: 'hoa' })).items.map((e) => e.code).sort()).toEqual(['E2', 'E3']);
    expect((await page({ query: '1900111' })).items.map((e) => e.code)).toEqual(['E1']);
    expect((await page({ query: 'e5' })).items.map((e) => e.code)).toEqual(['E5']);
    expect((await page({ sort: 'name', limit: 2 })).items.map((e) => e.name)).toEqual(['Công ty CP Xây lắp Cũ', 'Công ty TNHH Thủy sản Ninh Quới']);
    const e3 = (await page({ band: 'FROM_12' })).items[0]!;
    expect(e3).toMatchObject({ amountOwed: 6_500_000, monthsOwed: 13, band: 'FROM_12', officeName: 'BHXH cơ sở Hòa An', unitName: 'Xã Ninh Quới', period: '2026-10' });
    // Without a period: the latest month with data.
    expect((await call(core, 'arrears:employers', { inArrearsOnly: true })).items[0]!.period).toBe('2026-10');
  });

  it('actions and promises: logged with audit rows, overdue promises flagged, kept or broken once', async () => {
    const { core, ids } = await seeded();
    const e1 = ids.E1!;
    await call(core, 'arrears:logAction', { employerId: e1, actedOn: '2026-10-05', kind: 'REMINDER_LETTER', docNumber: '125/BHXH-QLT', officer: 'Trần Minh Tâm' });
    let d = await call(core, 'arrears:logAction', { employerId: e1, actedOn: '2026-11-02', kind: 'MEETING', note: 'Làm việc với giám đốc', amountRecovered: 5_000_000 });
    expect(d.actions.map((a) => a.kind)).toEqual(['MEETING', 'REMINDER_LETTER']);
    await call(core, 'arrears:savePromise', { employerId: e1, promisedOn: '2026-11-15', amount: 10_000_000, note: 'Trả đợt 1' });
    d = await call(core, 'arrears:savePromise', { employerId: e1, promisedOn: '2026-12-15', amount: 10_000_000 });
    expect(d.promises.map((p) => [p.promisedOn, p.overdue])).toEqual([['2026-12-15', false], ['2026-11-15', true]]);
    const log = await call(core, 'arrears:actions', { officeCode: '8801' });
    expect(log.items.map((a) => [a.kind, a.employerOverduePromises])).toEqual([['MEETING', 1], ['REMINDER_LETTER', 1]]);
    expect((await call(core, 'arrears:actions', { kind: 'REMINDER_LETTER', from: '2026-10-01', to: '2026-10-31' })).total).toBe(1);
    expect((await call(core, 'arrears:promises', { overdueOnly: true })).items.map((p) => p.promisedOn)).toEqual(['2026-11-15']);
    // The same rule wherever promises are counted: the overview and the employer's row.
    expect(await call(core, 'arrears:overview', { period: '2026-10' })).toMatchObject({ pendingPromises: 2, overduePromises: 1 });
    const row = (await call(core, 'arrears:employers', { period: '2026-10', query: 'ninh quoi' })).items[0]!;
    expect(row).toMatchObject({ pendingPromises: 2, overduePromises: 1 });
    const overdue = d.promises.find((p) => p.overdue)!;
    d = await call(core, 'arrears:settlePromise', { id: overdue.id, status: 'BROKEN', settledOn: '2026-11-20' });
    expect(d.promises.find((p) => p.id === overdue.id)).toMatchObject({ status: 'BROKEN', overdue: false });
    const again = await callError(core, 'arrears:settlePromise', { id: overdue.id, status: 'KEPT', settledOn: '2026-11-21' });
    expect(again.code).toBe('CONFLICT');
    expectVietnamese(again.message);
    d = await call(core, 'arrears:deleteAction', { id: d.actions[0]!.id });
    expect(d.actions).toHaveLength(1);
    const audits = await rows<{ entity: string; action: string }>(storeOf(core), sql`SELECT entity, action FROM audit_log WHERE entity LIKE 'arrears-%' ORDER BY id`);
    expect(audits.map((a) => `${a.entity}:${a.action}`)).toEqual([
      'arrears-action:create', 'arrears-action:create', 'arrears-promise:create', 'arrears-promise:create', 'arrears-promise:update', 'arrears-action:delete',
    ]);
    const dup = await callError(core, 'arrears:saveEmployer', { code: 'E1', name: 'Trùng mã', kind: 'OTHER', status: 'ACTIVE' });
    expect(dup.code).toBe('CONFLICT');
    expectVietnamese(dup.message);
  });

  it('reminder letter: office over province, excerpt, figures by month, 0,03% a day, Nơi nhận, signature', async () => {
    const { core, ids } = await seeded();
    const doc = await call(core, 'arrears:reminderDocument', { employerId: ids.E1!, docNumber: 'Số: 125/BHXH-QLT', place: 'Ninh Quới' });
    expect(doc.header.issuer).toBe('BẢO HIỂM XÃ HỘI CƠ SỞ HÒA AN');
    expect(doc.header.issuerParent).toBe('BẢO HIỂM XÃ HỘI TỈNH THỬ NGHIỆM');
    expect(doc.header.excerpt).toBe('V/v đôn đốc thu nộp BHXH, BHYT, BHTN');
    expect(doc.header.docNumber).toBe('Số: 125/BHXH-QLT');
    // A clerk types the number alone; the letter still reads "Số: …".
    const bare = await call(core, 'arrears:reminderDocument', { employerId: ids.E1!, docNumber: '126/BHXH-QLT' });
    expect(bare.header.docNumber).toBe('Số: 126/BHXH-QLT');
    expect(doc.header.placeDate).toBe('Ninh Quới, ngày 22 tháng 11 năm 2026');
    const blocks = doc.sections[0]!.blocks;
    const text = blocks.filter((b) => b.kind === 'paragraph').map((b) => (b as { text: string }).text).join('\n');
    expect(text).toContain('Kính gửi: Công ty TNHH Thủy sản Ninh Quới');
    expect(text).toContain('20.000.000 đ');
    expect(text).toContain('0,03%/ngày');
    expect(text).toContain('01/07/2025');
    const table = blocks.find((b) => b.kind === 'table') as { rows: { cells: Record<string, unknown> }[] };
    expect(table.rows.map((r) => [r.cells.period, r.cells.amount])).toEqual([['09/2026', 10_000_000], ['10/2026', 20_000_000]]);
    expect(doc.recipients[0]).toBe('Như trên;');
    expect(doc.signature.authority).toBe('KT. GIÁM ĐỐC');
    const paid = await callError(core, 'arrears:reminderDocument', { employerId: ids.E5! });
    expect(paid.code).toBe('VALIDATION');
    expectVietnamese(paid.message);
  });

  it('the demo has about a hundred employers, 24 months up to this month, long debtors, closed ones, actions, promises and targets', async () => {
    const core = await openTestCore({ now: () => FIXED_NOW });
    await call(core, 'demo:load', {});
    const store = storeOf(core);
    const employers = Number(await scalar(store, sql`SELECT COUNT(*) FROM employers WHERE is_demo = 1`));
    expect(employers).toBeGreaterThanOrEqual(95);
    expect(employers).toBeLessThanOrEqual(105);
    expect(await scalar(store, sql`SELECT MAX(period) FROM arrears_rows`)).toBe('2026-11');
    expect(await scalar(store, sql`SELECT COUNT(DISTINCT period) FROM arrears_rows`)).toBe(24);
    const o = await call(core, 'arrears:overview', { period: '2026-11' });
    expect(o.isDemo).toBe(true);
    expect(o.byBand.find((b) => b.band === 'FROM_12')!.employers).toBeGreaterThan(0);
    expect(o.byBand.find((b) => b.band === 'CLOSED')!.employers).toBeGreaterThan(0);
    expect(o.ratio).not.toBeNull();
    expect(o.target).not.toBeNull();
    expect(o.trend).toHaveLength(24);
    expect(o.byOffice).toHaveLength(3);
    expect((await call(core, 'arrears:actions', {})).total).toBeGreaterThan(20);
    const promises = await call(core, 'arrears:promises', { limit: 1000 });
    expect(new Set(promises.items.map((p) => p.status))).toEqual(new Set(['PENDING', 'KEPT', 'BROKEN']));
    expect(promises.items.some((p) => p.overdue)).toBe(true);
    for (const e of (await call(core, 'arrears:employers', { limit: 5 })).items) expect(e.name).toMatch(/\(mẫu\)$/);
    // The optional section of the steering-committee report says the overview's figures; it is off by default.
    expect((await call(core, 'reports:sections', {})).find((x) => x.id === 'arrears')).toMatchObject({ defaultOn: false });
    const def = await call(core, 'reports:defaults', { period: '2026-11' });
    expect(def.sections.map((x) => x.id)).not.toContain('arrears');
    const report = await call(core, 'reports:build', { definition: { ...def, sections: [{ id: 'arrears' }] } });
    const section = report.sections[0]!;
    expect(section.heading).toMatch(/CÔNG TÁC THU NỢ, CHỐNG NỢ ĐỌNG$/);
    const first = section.blocks[0] as { kind: 'paragraph'; text: string };
    expect(first.text).toContain(`${o.employersInArrears.toLocaleString('vi-VN')} đơn vị nợ`);
    expect(first.text).toContain(`${o.totalOwed.toLocaleString('vi-VN')} đ`);
    expect(first.text).toContain('chỉ tiêu không quá 3,20%');
    const bands = section.blocks[1] as { kind: 'table'; rows: { cells: Record<string, unknown> }[] };
    expect(bands.rows.map((r) => r.cells.amount)).toEqual([...o.byBand.map((b) => b.amount), o.totalOwed]);
    // A reload replaces the demo, same counts.
    await call(core, 'demo:load', {});
    expect(Number(await scalar(store, sql`SELECT COUNT(*) FROM employers`))).toBe(employers);
  });
});
