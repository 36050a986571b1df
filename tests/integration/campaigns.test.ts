import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { AppCore } from '../../electron/core/app/appCore';
import { UnitRepository } from '../../electron/core/units/repository';
import type { RequestOf } from '../../shared/contract';
import { unitNameKey } from '../../shared/text/fold';
import { call, callError, expectVietnamese, FIXED_NOW, openTestCore, storeOf } from '../helpers/core';
import { hashDatabase, scalar } from '../helpers/dbHash';

/**
 * A small province of its own (no demo), so every figure below is computed by hand: province 88,
 * two districts, four communes; office 8801 serves district 881's communes; one post-office agent.
 */
async function campaignCore(): Promise<AppCore> {
  const core = await openTestCore({ now: () => FIXED_NOW });
  const store = storeOf(core);
  const units = new UnitRepository(store);
  const now = FIXED_NOW.toISOString();
  const add = (code: string, name: string, level: 'province' | 'district' | 'commune', parentId: number | null) =>
    units.insert({ code, name, nameKey: unitNameKey(name), level, kind: null, parentId, validFrom: null, validTo: null }, now);
  const province = await add('88', 'Tỉnh Thử Nghiệm', 'province', null);
  const d1 = await add('881', 'Huyện Hòa An', 'district', province);
  const d2 = await add('882', 'Huyện Ninh Phước', 'district', province);
  await add('88001', 'Xã Ninh Quới', 'commune', d1);
  await add('88002', 'Xã Hòa Bình', 'commune', d1);
  await add('88003', 'Xã Phước Long', 'commune', d2);
  await add('88004', 'Xã Tân Lộc', 'commune', d2);
  await call(core, 'offices:create', { code: '8801', provinceCode: '88', name: 'BHXH cơ sở Hòa An' });
  await call(core, 'offices:assign', { code: '8801', unitCodes: ['88001', '88002'], validFrom: '2020-01-01' });
  await call(core, 'offices:create', { code: '8802', provinceCode: '88', name: 'BHXH cơ sở Ninh Phước' });
  await call(core, 'offices:assign', { code: '8802', unitCodes: ['88003', '88004'], validFrom: '2020-01-01' });
  await call(core, 'agents:create', { code: 'BD01', name: 'Bưu điện huyện Hòa An', kind: 'POST', officeCode: '8801', signedOn: '2020-01-06', communeCodes: ['88001', '88002'] });
  return core;
}

type Save = RequestOf<'campaigns:save'>;

const LAUNCH: Save = {
  name: 'Lễ ra quân Tháng vận động BHXH tự nguyện',
  kind: 'LAUNCH',
  startsOn: '2020-07-11',
  endsOn: '2020-07-12',
  officeCode: '8801',
  unitCodes: ['88001'],
  partners: [{ agentCode: 'BD01' }, { name: 'Hội Liên hiệp Phụ nữ huyện' }],
  audiences: ['FARMERS', 'NEAR_POOR'],
  resources: { teams: 12, vehicles: 20, staff: 85, leaflets: 5000 },
  cost: 48_250_000,
  plan: { BHXH_TN: 700, BHYT_HGD: 1300 },
  days: [
    { day: '2020-07-11', attendees: 1200, signups: { BHXH_TN: 925, BHYT_HGD: 1186 } },
    { day: '2020-07-12', attendees: 300, signups: { BHXH_TN: 40, BHYT_HGD: null } },
  ],
};

const CONFERENCE: Save = {
  name: 'Hội nghị tuyên truyền trực tiếp tại các xã',
  kind: 'CONFERENCE',
  startsOn: '2020-08-01',
  endsOn: '2020-10-31',
  officeCode: '8802',
  unitCodes: ['88003', '88004'],
  sessions: 58,
  cost: 116_000_000,
  days: [{ day: '2020-10-31', attendees: 2023, signups: { BHXH_TN: 1000, BHYT_HGD: 287 } }],
};

const audits = async (core: AppCore) => Number(await scalar(storeOf(core), sql`SELECT COUNT(*) FROM audit_log WHERE entity = 'campaign'`));

describe('campaigns', () => {
  it('a two-day launch day reads back 132,14 / 91,23 / 137,86 through get and search', async () => {
    const core = await campaignCore();
    const saved = await call(core, 'campaigns:save', LAUNCH);
    expect(saved.pctOfPlan).toEqual({ BHXH_TN: 137.86, BHYT_HGD: 91.23 });
    expect(saved.partners).toEqual([{ agentCode: 'BD01', name: 'Bưu điện huyện Hòa An' }, { agentCode: null, name: 'Hội Liên hiệp Phụ nữ huyện' }]);
    const detail = await call(core, 'campaigns:get', { id: saved.id });
    expect(detail.days.map((d) => d.pctOfPlan.BHXH_TN)).toEqual([132.14, 5.71]);
    expect(detail.days[0]!.pctOfPlan.BHYT_HGD).toBe(91.23);
    expect(detail.days[1]!.cumulativePct.BHXH_TN).toBe(137.86);
    expect(detail.signups).toEqual({ BHXH_TN: 965, BHYT_HGD: 1186 });
    expect(detail).toMatchObject({ attendees: 1500, totalSignups: 2151, dayCount: 2, officeName: 'BHXH cơ sở Hòa An', unitCodes: ['88001'], unitNames: ['Xã Ninh Quới'], audiences: ['FARMERS', 'NEAR_POOR'] });
    expect(detail.resources).toMatchObject({ teams: 12, vehicles: 20, staff: 85, leaflets: 5000, broadcasts: null });
    // 48.250.000 đ ÷ 2.151 sign-ups = 22.431,4 → 22.431 đ.
    expect(detail.costPerSignup).toBe(22_431);
    const page = await call(core, 'campaigns:search', {});
    expect(page.total).toBe(1);
    expect(page.items[0]).toMatchObject({ id: saved.id, pctOfPlan: { BHXH_TN: 137.86, BHYT_HGD: 91.23 }, totalSignups: 2151, dayCount: 2 });
  });

  it('a conference row standing for 58 sessions: conversion 63,62 and totals count 58 sessions', async () => {
    const core = await campaignCore();
    const conf = await call(core, 'campaigns:save', CONFERENCE);
    expect(conf.conversion).toBe(63.62);
    expect(conf.sessions).toBe(58);
    await call(core, 'campaigns:save', LAUNCH);
    const totals = await call(core, 'campaigns:totals', { from: '2020-01-01', to: '2020-12-31' });
    expect(totals.total).toMatchObject({ campaigns: 2, sessions: 59, attendees: 3523, totalSignups: 3438, cost: 164_250_000 });
    expect(totals.byKind.map((k) => [k.kind, k.campaigns, k.sessions])).toEqual([['CONFERENCE', 1, 58], ['LAUNCH', 1, 1]]);
    expect(totals.byKind[0]!.conversion).toBe(63.62);
    expect(totals.byOffice.map((o) => o.label)).toEqual(['BHXH cơ sở Hòa An', 'BHXH cơ sở Ninh Phước']);
    expect(totals.byMonth.map((m) => m.key)).toEqual(['2020-07', '2020-08']);
    const office = await call(core, 'campaigns:totals', { from: '2020-01-01', to: '2020-12-31', officeCode: '8802' });
    expect(office.total.sessions).toBe(58);
  });

  it('filters in SQL: kind, office, unit with the units under it, partner, dates, words without diacritics; sorts', async () => {
    const core = await campaignCore();
    const launch = await call(core, 'campaigns:save', LAUNCH);
    const conf = await call(core, 'campaigns:save', CONFERENCE);
    const social = await call(core, 'campaigns:save', { name: 'Đăng bài trên Zalo của xã', kind: 'SOCIAL_MEDIA', startsOn: '2021-03-01', endsOn: '2021-03-31', resources: { posts: 14, reach: 25_000 } });
    const ids = async (req: RequestOf<'campaigns:search'>) => (await call(core, 'campaigns:search', req)).items.map((c) => c.id);
    expect(await ids({ kind: 'CONFERENCE' })).toEqual([conf.id]);
    expect(await ids({ officeCode: '8801' })).toEqual([launch.id]);
    expect(await ids({ unitCode: '881' })).toEqual([launch.id]);
    expect(await ids({ unitCode: '88' })).toEqual([conf.id, launch.id]);
    expect(await ids({ unitCode: '88004' })).toEqual([conf.id]);
    expect(await ids({ unitCode: '99999' })).toEqual([]);
    expect(await ids({ partner: 'BD01' })).toEqual([launch.id]);
    expect(await ids({ partner: 'phu nu' })).toEqual([launch.id]);
    expect(await ids({ partner: 'buu dien hoa an' })).toEqual([launch.id]);
    expect(await ids({ from: '2020-07-12', to: '2020-08-01' })).toEqual([conf.id, launch.id]);
    expect(await ids({ from: '2020-07-13', to: '2020-07-31' })).toEqual([]);
    expect(await ids({ from: '2021-01-01' })).toEqual([social.id]);
    expect(await ids({ query: 'le ra quan' })).toEqual([launch.id]);
    expect(await ids({ query: 'zalo xa' })).toEqual([social.id]);
    expect(await ids({ sort: 'signups', desc: true })).toEqual([launch.id, conf.id, social.id]);
    expect(await ids({ sort: 'attendees' })).toEqual([social.id, launch.id, conf.id]);
    expect(await ids({ sort: 'name' })).toEqual([social.id, conf.id, launch.id]);
    expect(await ids({ sort: 'kind' })).toEqual([conf.id, launch.id, social.id]);
    const paged = await call(core, 'campaigns:search', { limit: 2, offset: 2 });
    expect(paged).toMatchObject({ total: 3, offset: 2 });
    expect(paged.items.map((c) => c.id)).toEqual([launch.id]);
    const calendar = await call(core, 'campaigns:calendar', { from: '2020-07-01', to: '2020-07-31' });
    expect(calendar).toEqual([expect.objectContaining({ id: launch.id, totalSignups: 2151, officeName: 'BHXH cơ sở Hòa An' })]);
  });

  it('a page reads in a constant number of queries', async () => {
    const core = await campaignCore();
    for (let i = 0; i < 12; i++) await call(core, 'campaigns:save', { ...LAUNCH, name: `${LAUNCH.name} đợt ${i + 1}` });
    const store = storeOf(core);
    const count = async (limit: number) => {
      const before = store.queryCount;
      await call(core, 'campaigns:search', { limit });
      return store.queryCount - before;
    };
    expect(await count(2)).toBe(await count(12));
  });

  it('effect: gains of the campaign units over four weeks against a hand-computed example', async () => {
    const core = await campaignCore();
    const set = (asOf: string, value: number) => call(core, 'results:set', { unitCode: '88001', indicatorCode: 'BHXH_TN', asOf, value });
    // Last year: 31/01 1.000, 28/02 1.028, 31/03 1.059; this year 31/01 1.200, 28/02 1.228, 31/03 1.290.
    // A figure earlier in the month is overridden by the month's last one.
    await set('2026-03-25', 1111);
    for (const [d, v] of [['2025-01-31', 1000], ['2025-02-28', 1028], ['2025-03-31', 1059], ['2026-01-31', 1200], ['2026-02-28', 1228], ['2026-03-31', 1290]] as const) await set(d, v);
    const c = await call(core, 'campaigns:save', { name: 'Hội nghị xã Ninh Quới', kind: 'CONFERENCE', startsOn: '2026-03-02', endsOn: '2026-03-02', unitCodes: ['88001'] });
    const effect = await call(core, 'campaigns:effect', { id: c.id });
    expect(effect.scopeName).toBe('Xã Ninh Quới');
    expect(effect.windows.after).toEqual({ from: '2026-03-02', to: '2026-03-30' });
    const tn = effect.rows.find((r) => r.product === 'BHXH_TN')!;
    // before: 02/02 = 1.200 + 28×2/28 = 1.202; 02/03 = 1.228 + 62×2/31 = 1.232 → 30.
    // after: 30/03 = 1.228 + 62×30/31 = 1.288 → 56. Last year 03/03 = 1.028 + 31×3/31 = 1.031 → 31/03 1.059: 28.
    expect(tn).toMatchObject({ before: 30, after: 56, lastYear: 28, liftOnLastYear: 1 });
    expect(tn.liftOnBefore).toBeCloseTo(26 / 30, 6);
    const hgd = effect.rows.find((r) => r.product === 'BHYT_HGD')!;
    expect(hgd.after).toBeNull();
    expect(effect.notes.join('\n')).toMatch(/BHYT HGĐ/);
    effect.notes.forEach(expectVietnamese);

    // Office scope: both communes of 8801 (88002 has no figures → no gains), and weeks are honoured.
    const byOffice = await call(core, 'campaigns:save', { name: 'Ra quân toàn huyện', kind: 'LAUNCH', startsOn: '2026-03-02', endsOn: '2026-03-02', officeCode: '8801' });
    const officeEffect = await call(core, 'campaigns:effect', { id: byOffice.id, weeks: 2 });
    expect(officeEffect.scopeName).toBe('BHXH cơ sở Hòa An (2 xã, phường)');
    expect(officeEffect.weeks).toBe(2);
    expect(officeEffect.rows[0]!.after).toBeNull();
    const province = await call(core, 'campaigns:save', { name: 'Tuyên truyền trên báo tỉnh', kind: 'PRESS', startsOn: '2026-03-02', endsOn: '2026-03-02' });
    expect((await call(core, 'campaigns:effect', { id: province.id })).scopeName).toBe('Toàn tỉnh');

    const totals = await call(core, 'campaigns:totals', { from: '2026-01-01', to: '2026-12-31' });
    expect(totals.effectByKind.find((e) => e.kind === 'CONFERENCE' && e.product === 'BHXH_TN')).toMatchObject({ counted: 1, before: 30, after: 56, lastYear: 28 });
  });

  it('refuses in Vietnamese and changes nothing: end before start, unknown unit, unknown agent, unknown office', async () => {
    const core = await campaignCore();
    await call(core, 'campaigns:save', LAUNCH);
    const before = await hashDatabase(storeOf(core));
    const errors = [
      await callError(core, 'campaigns:save', { ...LAUNCH, startsOn: '2020-07-12', endsOn: '2020-07-11', days: [] }),
      await callError(core, 'campaigns:save', { ...LAUNCH, unitCodes: ['88001', '88999'] }),
      await callError(core, 'campaigns:save', { ...LAUNCH, partners: [{ agentCode: 'XX99' }] }),
      await callError(core, 'campaigns:save', { ...LAUNCH, officeCode: '8899' }),
      await callError(core, 'campaigns:save', { ...LAUNCH, days: [{ day: '2020-07-20', attendees: 1, signups: {} }] }),
      await callError(core, 'campaigns:save', { ...LAUNCH, id: 999 }),
    ];
    expect(errors[0]!.message).toMatch(/Ngày kết thúc không được trước ngày bắt đầu/);
    expect(errors[1]!.message).toMatch(/88999/);
    expect(errors[2]!.message).toMatch(/XX99/);
    expect(errors[3]!.message).toMatch(/8899/);
    for (const e of errors) expectVietnamese(e.message);
    expect(await hashDatabase(storeOf(core))).toBe(before);
  });

  it('writes an audit row for create, replace and delete', async () => {
    const core = await campaignCore();
    const saved = await call(core, 'campaigns:save', LAUNCH);
    expect(await audits(core)).toBe(1);
    const replaced = await call(core, 'campaigns:save', { ...LAUNCH, id: saved.id, cost: 50_000_000, days: [LAUNCH.days![0]!] });
    expect(replaced).toMatchObject({ id: saved.id, cost: 50_000_000, dayCount: 1, signups: { BHXH_TN: 925, BHYT_HGD: 1186 } });
    expect(await audits(core)).toBe(2);
    const summaries = (await scalar(storeOf(core), sql`SELECT summary FROM audit_log WHERE entity = 'campaign' AND action = 'update'`)) as string;
    expect(summaries).toMatch(/chi phí 48250000 → 50000000|chi phí "48250000" → "50000000"/);
    expect(await call(core, 'campaigns:delete', { id: saved.id })).toEqual({ deleted: 1 });
    expect(await audits(core)).toBe(3);
    expect((await callError(core, 'campaigns:get', { id: saved.id })).code).toBe('NOT_FOUND');
    expect(Number(await scalar(storeOf(core), sql`SELECT COUNT(*) FROM campaign_days`))).toBe(0);
  });

  it('the report section states the year to the month by kind and names the campaigns with most sign-ups', async () => {
    const core = await campaignCore();
    await call(core, 'campaigns:save', { ...LAUNCH, startsOn: '2026-05-11', endsOn: '2026-05-12', days: LAUNCH.days!.map((d, i) => ({ ...d, day: `2026-05-1${i + 1}` })) });
    await call(core, 'campaigns:save', { ...CONFERENCE, startsOn: '2026-08-01', endsOn: '2026-10-31', days: [{ ...CONFERENCE.days![0]!, day: '2026-10-31' }] });
    const defaults = await call(core, 'reports:defaults', { period: '2026-10', scopeCode: '88' });
    const report = await call(core, 'reports:build', { definition: { ...defaults, sections: [{ id: 'headline' }, { id: 'campaigns' }] } });
    const section = report.sections.find((s) => s.id === 'campaigns')!;
    const text = JSON.stringify(section);
    expect(text).toMatch(/Lễ ra quân/);
    expect(text).toMatch(/59 buổi|59/);
    expect(text).toContain('Hội nghị tuyên truyền trực tiếp tại các xã');
  });

  it('the demo holds campaigns of every kind with a May peak, and a reload replaces them', async () => {
    const core = await openTestCore({ now: () => FIXED_NOW });
    const first = await call(core, 'demo:load', {});
    expect(first.campaigns).toBeGreaterThan(100);
    const totals = await call(core, 'campaigns:totals', { from: '2025-01-01', to: '2026-10-31' });
    expect(totals.total.campaigns).toBe(first.campaigns);
    expect(totals.byKind.map((k) => k.kind)).toEqual(['CONFERENCE', 'LAUNCH', 'PEAK', 'DIALOGUE', 'COUNSELLING', 'DOOR_TO_DOOR', 'SOCIAL_MEDIA', 'PRESS', 'BANNERS']);
    const launches = await call(core, 'campaigns:search', { kind: 'LAUNCH', from: '2026-05-01', to: '2026-05-31' });
    expect(launches.total).toBe(3);
    expect(launches.items.every((c) => c.dayCount === 2 && c.plan.BHXH_TN !== null && c.partners.some((p) => p.agentCode !== null))).toBe(true);
    const may = totals.byMonth.find((m) => m.key === '2026-05')!;
    const april = totals.byMonth.find((m) => m.key === '2026-04')!;
    expect(may.totalSignups).toBeGreaterThan(2 * april.totalSignups);
    expect(totals.byMonth.at(-1)!.key).toBe('2026-10');
    const second = await call(core, 'demo:load', {});
    expect(second.campaigns).toBe(first.campaigns);
    expect((await call(core, 'campaigns:search', {})).total).toBe(first.campaigns);
  });
});
