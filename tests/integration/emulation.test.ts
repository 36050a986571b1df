import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AppCore } from '../../electron/core/app/appCore';
import type { DownloadRef, EmulationRanking } from '../../shared/contract';
import { foldText } from '../../shared/text/fold';
import { viSortKey } from '../../shared/text/viSortKey';
import { cli } from '../helpers/cli';
import { call, callError, FIXED_NOW, openTestCore, storeOf } from '../helpers/core';
import { tempDataDir } from '../helpers/fixtures';
import { demoWithoutNetwork } from '../helpers/network';
import { openTestStore, untyped } from '../helpers/stores';
import { migrate, schemaVersion } from '../../electron/core/db/migrate';
import { MIGRATIONS } from '../../electron/core/db/migrations';

/**
 * The demo province (units, offices, figures; its own network removed) on the fixed clock
 * (22/11/2026), plus a small hand-built network whose scores are worked out by hand:
 * agents T01 (office 9901) and T02 (9902); staff S1, S2 of T01 and S3 of T02, each with a 2026
 * target of 120 new voluntary BHXH and 40 new household BHYT participants (a quarter: 30 and 10);
 * Q3 2026 results S1 = S2 = 30 + 10, S3 = 15 + 5; Q3 2025 results S1 = S2 = 32, S3 = 25.
 * Office 9901 held 4 campaign sessions in August 2026, one of them with T01 as a partner.
 */
async function build(core: AppCore): Promise<string[]> {
  await demoWithoutNetwork(core);
  // The demo's own awards go too: a test's awards are the only ones listed.
  await storeOf(core).db.deleteFrom('awards').where('is_demo', '=', 1).execute();
  const office = await call(core, 'offices:get', { code: '9901' });
  const communes = office.members.filter((m) => m.validTo === null).map((m) => m.unitCode);
  await call(core, 'agents:create', { code: 'T01', name: 'Bưu điện Phú An', kind: 'POST', officeCode: '9901', signedOn: '2024-01-01' });
  await call(core, 'agents:create', { code: 'T02', name: 'Hội Liên hiệp Phụ nữ Long Điền', kind: 'WOMEN', officeCode: '9902' });
  await call(core, 'points:save', { agentCode: 'T01', code: 'TP01', name: 'Bưu cục trung tâm', unitCode: communes[0], openedOn: '2025-01-10' });
  const staff = [
    { code: 'S1', fullName: 'Trần Thị Bé Tư', cccd: '095186001234', agentCode: 'T01' },
    { code: 'S2', fullName: 'Lâm Văn Út', cccd: '095079002345', agentCode: 'T01' },
    { code: 'S3', fullName: 'Nguyễn Thị Hoa', cccd: '095190003456', agentCode: 'T02' },
  ];
  for (const s of staff) await call(core, 'staff:create', { ...s, joinedOn: '2024-01-15' });
  const target = (code: string, level: 'agent' | 'staff', tn: number, hgd: number) => [
    { level, code, measure: 'NEW_TN' as const, value: tn },
    { level, code, measure: 'NEW_HGD' as const, value: hgd },
  ];
  await call(core, 'network:setFlows', {
    kind: 'target', year: 2026,
    entries: [...target('S1', 'staff', 120, 40), ...target('S2', 'staff', 120, 40), ...target('S3', 'staff', 120, 40), ...target('T01', 'agent', 240, 80), ...target('T02', 'agent', 120, 40)],
  });
  const month = async (m: string, perStaff: Record<string, [number, number]>) =>
    call(core, 'network:setFlows', { kind: 'result', month: m, entries: Object.entries(perStaff).flatMap(([code, [tn, hgd]]) => target(code, 'staff', tn, hgd)) });
  // Q3 2026: S1 and S2 30 + 10 each, S3 15 + 5.
  for (const m of ['2026-07', '2026-08', '2026-09']) await month(m, { S1: [10, 0], S2: [10, 0], S3: [5, 0] });
  await month('2026-09', { S1: [10, 10], S2: [10, 10], S3: [5, 5] });
  // Q3 2025: 32, 32 and 25 new participants.
  await month('2025-08', { S1: [20, 12], S2: [22, 10], S3: [20, 5] });

  const store = storeOf(core);
  const officeId = (await store.db.selectFrom('offices').select('id').where('code', '=', '9901').executeTakeFirstOrThrow()).id;
  const agentId = (await store.db.selectFrom('agents').select('id').where('code', '=', 'T01').executeTakeFirstOrThrow()).id;
  const now = FIXED_NOW.toISOString();
  const campaign = async (name: string, startsOn: string, sessions: number, partner: number | null) => {
    const { id } = await store.db
      .insertInto('campaigns')
      .values({ name, name_key: foldText(name), sort_key: viSortKey(name), kind: 'CONFERENCE', starts_on: startsOn, ends_on: startsOn, office_id: officeId, sessions, created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (partner !== null) await store.db.insertInto('campaign_partners').values({ campaign_id: id, position: 0, agent_id: partner, name: 'Bưu điện Phú An', name_key: 'buu dien phu an' }).execute();
  };
  await campaign('Hội nghị tuyên truyền BHXH tự nguyện xã Phú An', '2026-08-12', 3, agentId);
  await campaign('Đối thoại chính sách BHYT hộ gia đình', '2026-08-20', 1, null);
  return communes;
}

const byCode = (r: EmulationRanking) => new Map(r.rows.map((row) => [row.code, row]));
const pointsOf = (r: EmulationRanking, code: string) => byCode(r).get(code)!.parts.map((p) => [p.measure, p.value === null ? null : Math.round(p.value * 10000) / 10000, p.points]);

describe('emulation', () => {
  let core: AppCore;
  let communes: string[];
  // Each test gets its own core and folder (closed and removed after it: tests/helpers/fixtures.ts).
  beforeEach(async () => {
    core = await openTestCore({ now: () => FIXED_NOW });
    communes = await build(core);
  });

  it('seeds one default set per level, valid from 2000, and marks the ones in force', async () => {
    const sets = await call(core, 'emulation:criteriaSets', {});
    expect(sets.map((s) => [s.level, s.validFrom, s.current, s.criteria.reduce((n, c) => n + c.weight, 0)])).toEqual(
      expect.arrayContaining([['unit', '2000-01-01', true, 100], ['agent', '2000-01-01', true, 100], ['staff', '2000-01-01', true, 100]]),
    );
  });

  it('scores staff for a quarter by hand: ties share a rank, the parts add up to the total', async () => {
    const r = await call(core, 'emulation:score', { period: '2026-q3', level: 'staff' });
    expect(r.period).toBe('2026-Q3');
    expect(r.periodLabel).toBe('Quý III/2026');
    // 30 of 120 × 3/12 = 100% → 45; 10 of 40 × 3/12 → 35; (40 − 32) ÷ 32 = +25% → capped 20.
    expect(pointsOf(r, 'S1')).toEqual([['NEW_TN_PCT', 1, 45], ['NEW_HGD_PCT', 1, 35], ['NEW_GROWTH', 0.25, 20]]);
    // 15 of 30 → 22,5; 5 of 10 → 17,5; (20 − 25) ÷ 25 = −20% → 0.
    expect(pointsOf(r, 'S3')).toEqual([['NEW_TN_PCT', 0.5, 22.5], ['NEW_HGD_PCT', 0.5, 17.5], ['NEW_GROWTH', -0.2, 0]]);
    expect(r.rows.map((row) => [row.rank, row.name, row.score])).toEqual([
      [1, 'Lâm Văn Út', 100],
      [1, 'Trần Thị Bé Tư', 100],
      [3, 'Nguyễn Thị Hoa', 40],
    ]);
    expect(r.rows[0]!.parentName).toBe('Bưu điện Phú An');
    for (const row of r.rows) expect(row.parts.reduce((s, p) => s + p.points, 0)).toBeCloseTo(row.score, 9);
  });

  it('scores agents with their staff and the campaigns they partnered', async () => {
    const r = await call(core, 'emulation:score', { period: '2026-Q3', level: 'agent' });
    // T01: 60 of 240 × 3/12 → 40; 20 of 20 → 30; (80 − 64) ÷ 64 = 25% → 20; 3 sessions ≥ 1 → 10.
    expect(pointsOf(r, 'T01')).toEqual([['NEW_TN_PCT', 1, 40], ['NEW_HGD_PCT', 1, 30], ['NEW_GROWTH', 0.25, 20], ['CAMPAIGNS_HELD', 3, 10]]);
    expect(byCode(r).get('T01')).toMatchObject({ rank: 1, score: 100, parentName: 'BHXH cơ sở Phú An' });
    expect(byCode(r).get('T02')).toMatchObject({ rank: 2, score: 35 });
    // One office only.
    const one = await call(core, 'emulation:score', { period: '2026-Q3', level: 'agent', officeCode: '9902' });
    expect(one.rows.map((row) => row.code)).toEqual(['T02']);
    expect(one.officeName).toBe('BHXH cơ sở Long Điền');
  });

  it('scores offices on the unit tree: plan, growth, sessions held and communes with a point', async () => {
    const q = await call(core, 'emulation:score', { period: '2026-Q3', level: 'unit' });
    expect(q.total).toBe(3);
    const phuAn = byCode(q).get('9901')!;
    const part = (m: string) => phuAn.parts.find((p) => p.measure === m)!;
    expect(part('CAMPAIGNS_HELD')).toMatchObject({ value: 4, points: 10 });
    expect(part('NETWORK_COVERAGE').value).toBeCloseTo(1 / communes.length, 9);
    expect(part('NETWORK_COVERAGE').points).toBe(Math.floor((10 / communes.length) * 100 + 0.5) / 100);
    const tn = part('TN_TARGET_PCT');
    expect(tn.value).toBeGreaterThan(0.5);
    expect(tn.points).toBe(Math.floor(30 * Math.min(tn.value!, 1.2) * 100 + 0.5) / 100);
    for (const row of q.rows) expect(Math.round(row.parts.reduce((s, p) => s + p.points, 0) * 100) / 100).toBe(row.score);
    expect(q.rows.map((r) => r.rank)).toEqual([1, 2, 3]);
    // A year asks four quarters of sessions: 4 of 12 → 3,33 points.
    const y = await call(core, 'emulation:score', { period: '2026', level: 'unit', officeCode: '9901' });
    expect(y.rows[0]!.parts.find((p) => p.measure === 'CAMPAIGNS_HELD')).toMatchObject({ value: 4, points: 3.33 });
    expect(y.notes[0]).toMatch(/Kỳ đang diễn ra: số liệu tính đến tháng 11\/2026/);
  });

  it('refuses a month, a period not begun, and pages the ranking', async () => {
    expect((await callError(core, 'emulation:score', { period: '2026-05', level: 'unit' })).message).toMatch(/quý hoặc năm/);
    expect((await callError(core, 'emulation:score', { period: '2027-Q1', level: 'unit' })).message).toMatch(/chưa bắt đầu/);
    const page = await call(core, 'emulation:score', { period: '2026-Q3', level: 'staff', offset: 1, limit: 1 });
    expect(page).toMatchObject({ total: 3, offset: 1, limit: 1 });
    expect(page.rows.map((r) => [r.rank, r.code])).toEqual([[1, 'S1']]);
  });

  it('keeps a past year’s ranking when a new criteria set is dated later; the new period uses the new weights', async () => {
    const before = await call(core, 'emulation:score', { period: '2025', level: 'unit' });
    const beforeQ = await call(core, 'emulation:score', { period: '2025-Q4', level: 'unit' });
    const saved = await call(core, 'emulation:saveCriteriaSet', {
      name: 'Tiêu chí thi đua năm 2026', level: 'unit', validFrom: '2026-01-01', decisionNo: '15/QĐ-HĐTĐKT',
      criteria: [
        { measure: 'TN_TARGET_PCT', weight: 60, benchmark: 1, cap: 1 },
        { measure: 'NETWORK_COVERAGE', weight: 40, benchmark: 0.5, cap: 1 },
      ],
    });
    expect(saved).toMatchObject({ validFrom: '2026-01-01', maxPoints: 100, current: true });
    // Reproducible: the same set, the same parts, the same ranks.
    expect(await call(core, 'emulation:score', { period: '2025', level: 'unit' })).toEqual(before);
    expect(await call(core, 'emulation:score', { period: '2025-Q4', level: 'unit' })).toEqual(beforeQ);
    expect(before.criteriaSet.validFrom).toBe('2000-01-01');
    const now = await call(core, 'emulation:score', { period: '2026-Q3', level: 'unit' });
    expect(now.criteriaSet).toMatchObject({ id: saved.id, name: 'Tiêu chí thi đua năm 2026', validFrom: '2026-01-01' });
    const phuAn = byCode(now).get('9901')!;
    expect(phuAn.parts.map((p) => [p.measure, p.weight])).toEqual([['TN_TARGET_PCT', 60], ['NETWORK_COVERAGE', 40]]);
    const coverage = phuAn.parts[1]!;
    expect(coverage.points).toBe(Math.floor(40 * Math.min((1 / communes.length) / 0.5, 1) * 100 + 0.5) / 100);
    // A set dated on or before the latest is refused: it would rewrite rankings already made.
    expect((await callError(core, 'emulation:saveCriteriaSet', { ...saved, name: 'Sửa lại', validFrom: '2025-06-01', criteria: saved.criteria })).message).toMatch(/sau ngày 01\/01\/2026/);
    expect((await callError(core, 'emulation:saveCriteriaSet', { name: 'Rỗng', level: 'unit', validFrom: '2027-01-01', criteria: [] })).message).toMatch(/ít nhất một tiêu chí/);
    expect((await callError(core, 'emulation:saveCriteriaSet', { name: 'Sai', level: 'unit', validFrom: '2027-01-01', criteria: [{ measure: 'NEW_TN_PCT', weight: 5, benchmark: 1, cap: 1 }] })).message).toMatch(/không dùng được/);
    const audit = await call(core, 'audit:list', { entity: 'emulation_criteria_set' });
    expect(audit.items.map((a) => a.summary)).toEqual([expect.stringMatching(/Lập bộ tiêu chí thi đua "Tiêu chí thi đua năm 2026".*01\/01\/2026/)]);
  });

  it('records, finds, changes and deletes awards, each change audited', async () => {
    const created = await call(core, 'awards:save', {
      recipientLevel: 'staff', recipientCode: 'S1', recipientName: 'Trần Thị Bé Tư', kind: 'GIAY_KHEN', title: 'Nhân viên thu xuất sắc quý III năm 2026',
      decisionNo: '210/QĐ-BHXH', decisionDate: '2026-10-15', amount: 500_000, period: '2026-q3',
    });
    expect(created).toMatchObject({ period: '2026-Q3', amount: 500_000, isDemo: false });
    await call(core, 'awards:save', {
      recipientLevel: 'unit', recipientCode: '9902', recipientName: 'BHXH cơ sở Long Điền', kind: 'BANG_KHEN', title: 'Bằng khen của Tổng Giám đốc BHXH Việt Nam',
      decisionNo: '1500/QĐ-BHXH', decisionDate: '2026-03-01', amount: 2_340_000,
    });
    expect((await call(core, 'awards:search', { query: 'tran thi be' })).items.map((a) => a.id)).toEqual([created.id]);
    expect((await call(core, 'awards:search', { year: 2026 })).items.map((a) => a.decisionNo)).toEqual(['210/QĐ-BHXH', '1500/QĐ-BHXH']);
    expect((await call(core, 'awards:search', { level: 'unit' })).total).toBe(1);
    const changed = await call(core, 'awards:save', { ...created, id: created.id, amount: 700_000 });
    expect(changed.amount).toBe(700_000);
    expect((await callError(core, 'awards:save', { ...created, id: undefined, recipientCode: 'KHONGCO' })).message).toMatch(/Không có nhân viên thu mã "KHONGCO"/);
    expect((await callError(core, 'awards:save', { ...created, id: undefined, amount: 1.5 })).message).toMatch(/đồng/);
    expect(await call(core, 'awards:delete', { id: created.id })).toEqual({ deleted: 1 });
    expect((await callError(core, 'awards:delete', { id: created.id })).code).toBe('NOT_FOUND');
    const audit = await call(core, 'audit:list', { entity: 'award' });
    expect(audit.items.map((a) => a.action)).toEqual(['delete', 'update', 'create', 'create']);
    expect(audit.items[0]!.summary).toMatch(/Xóa khen thưởng: Giấy khen cho Trần Thị Bé Tư/);
  });

  it('exports the ranking with each part as a column, and the awards with their total', async () => {
    const ref = await call(core, 'exports:emulation', { period: '2026-Q3', level: 'staff' });
    expect(ref.fileName).toMatch(/^xep-hang-thi-dua-nhan-vien-thu-2026-Q3\.xlsx$/);
    const ws = (await open(core, ref)).worksheets[0]!;
    const texts = cellTexts(ws);
    expect(texts).toEqual(expect.arrayContaining(['BẢNG XẾP HẠNG THI ĐUA NHÂN VIÊN THU', 'Tổng điểm', 'Kết quả', 'Điểm', '% CT BHXH TN tăng mới (tối đa 54 điểm)']));
    const nameRow = (name: string) => rowValues(ws).find((r) => r.includes(name))!;
    // STT, rank, code, name, agent, then value and points per criterion, then the total.
    expect(nameRow('Trần Thị Bé Tư').slice(1)).toEqual([1, 'S1', 'Trần Thị Bé Tư', 'Bưu điện Phú An', 1, 45, 1, 35, 0.25, 20, 100]);
    expect(nameRow('Nguyễn Thị Hoa').at(-1)).toBe(40);
    expect(ws.pageSetup.paperSize).toBe(9);

    for (const amount of [2_340_000, 500_000]) {
      await call(core, 'awards:save', { recipientLevel: 'unit', recipientName: 'BHXH cơ sở Long Điền', kind: 'BANG_KHEN', title: 'Bằng khen', decisionNo: `${amount}/QĐ-BHXH`, decisionDate: '2026-03-01', amount });
    }
    const awards = await call(core, 'exports:awards', { year: 2026 });
    const aws = (await open(core, awards)).worksheets[0]!;
    const total = rowValues(aws).find((r) => r.includes('Tổng cộng'))!;
    expect(total).toContain(2_840_000);
    expect(rowValues(aws).find((r) => r.includes('2340000/QĐ-BHXH'))).toEqual(expect.arrayContaining(['01/03/2026', 'Bằng khen', 'BHXH cơ sở Long Điền', 2_340_000]));
    const audit = await call(core, 'audit:list', { entity: 'export' });
    expect(audit.items.slice(0, 2).map((a) => a.entityKey)).toEqual(['awards', 'emulation:ranking']);
  });

  it('lays the ranking out as an official document', async () => {
    const doc = await call(core, 'emulation:document', { period: '2026-Q3', level: 'staff' });
    expect(doc.header).toMatchObject({ title: 'BẢNG XẾP HẠNG THI ĐUA', subtitle: 'Các nhân viên thu — Quý III/2026', motto: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM' });
    const table = doc.sections[0]!.blocks[0]!;
    expect(table.kind).toBe('table');
    if (table.kind !== 'table') return;
    expect(table.rows.map((r) => [r.cells.rank, r.cells.name, r.cells.score])).toEqual([[1, 'Lâm Văn Út', 100], [1, 'Trần Thị Bé Tư', 100], [3, 'Nguyễn Thị Hoa', 40]]);
    expect(doc.signature.authority).toBe('TM. HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG');
  });
});

describe('demo awards', () => {
  it('loads a few demo awards, and a demo reload replaces them', async () => {
    const core = await openTestCore({ now: () => FIXED_NOW });
    await call(core, 'demo:load', {});
    const first = await call(core, 'awards:search', {});
    expect(first.total).toBeGreaterThanOrEqual(5);
    expect(first.items.every((a) => a.isDemo && /\(mẫu\)/.test(a.decisionNo))).toBe(true);
    await call(core, 'demo:load', {});
    expect((await call(core, 'awards:search', {})).total).toBe(first.total);
  });
});

describe('migration 14 on data of version 13', () => {
  it('adds the emulation tables beside the old rows, seeds one frozen set per level and enforces its checks', async () => {
    const store = await openTestStore();
    await migrate(store, { migrations: MIGRATIONS.filter((m) => m.version <= 13) });
    const db = untyped(store);
    const now = '2024-01-01T00:00:00.000Z';
    await db.insertInto('units').values({ code: '95', name: 'Tỉnh Bạc Liêu', name_key: 'bac lieu', level: 'province', kind: 'Tỉnh', parent_id: null, valid_from: null, valid_to: null, is_demo: 0, created_at: now, updated_at: now }).execute();
    expect(await migrate(store, { migrations: MIGRATIONS.filter((m) => m.version <= 14) })).toBe(14);
    expect(await schemaVersion(store)).toBe(14);
    expect((await db.selectFrom('units').select('code').execute()).map((r: { code: string }) => r.code)).toEqual(['95']);
    const sets = await db.selectFrom('emulation_criteria_sets').select(['id', 'level', 'valid_from']).orderBy('id').execute();
    expect(sets.map((r: { level: string; valid_from: string }) => [r.level, r.valid_from])).toEqual([['unit', '2000-01-01'], ['agent', '2000-01-01'], ['staff', '2000-01-01']]);
    const weights = await db.selectFrom('emulation_criteria').select(['set_id', 'measure', 'weight']).where('set_id', '=', sets[0]!.id).orderBy('position').execute();
    expect(weights.map((r: { measure: string; weight: number }) => [r.measure, Number(r.weight)])).toEqual([
      ['TN_TARGET_PCT', 30], ['HGD_TARGET_PCT', 25], ['TN_GROWTH', 15], ['HGD_GROWTH', 10], ['CAMPAIGNS_HELD', 10], ['NETWORK_COVERAGE', 10],
    ]);
    await expect(db.insertInto('emulation_criteria').values({ set_id: sets[0]!.id, position: 9, measure: 'NEW_GROWTH', weight: 0, benchmark: 1, cap: 1 }).execute()).rejects.toThrow();
    const award = { recipient_level: 'unit', recipient_name: 'X', name_key: 'x', sort_key: 'x', kind: 'GIAY_KHEN', title: 'T', decision_no: '1/QĐ', decision_date: '2024-01-01', created_at: now, updated_at: now };
    await expect(db.insertInto('awards').values({ ...award, amount: -1 }).execute()).rejects.toThrow();
    await expect(db.insertInto('awards').values({ ...award, recipient_level: 'province' }).execute()).rejects.toThrow();
  });
});

describe('emulation on the command line', () => {
  beforeEach(() => vi.stubEnv('BHXH_TODAY', '2026-11-22'));
  afterEach(() => vi.unstubAllEnvs());

  it('prints the ranking as JSON with each part, a table in Vietnamese, and refuses a month', async () => {
    const dir = tempDataDir();
    const core = await openTestCore({ dataDir: dir, now: () => FIXED_NOW });
    await build(core);
    await core.close();
    const run = await cli('emulation', 'score', '--period', '2026-Q3', '--level', 'staff', '--data-dir', dir, '--json');
    expect(run.code, run.err).toBe(0);
    const out = JSON.parse(run.out) as { period: string; level: string; criteriaSet: { id: number; name: string; validFrom: string }; rows: { rank: number; code: string; name: string; score: number; parts: { measure: string; label: string; value: number | null; points: number; weight: number }[] }[] };
    expect(out).toMatchObject({ period: '2026-Q3', level: 'staff', criteriaSet: { name: 'Bộ tiêu chí mặc định — nhân viên thu', validFrom: '2000-01-01' } });
    expect(out.rows.map((r) => [r.rank, r.code, r.score])).toEqual([[1, 'S2', 100], [1, 'S1', 100], [3, 'S3', 40]]);
    expect(out.rows[2]!.parts[0]).toEqual({ measure: 'NEW_TN_PCT', label: '% CT BHXH TN tăng mới', value: 0.5, points: 22.5, weight: 45 });

    const text = await cli('emulation', 'score', '--period', '2026-Q3', '--data-dir', dir);
    expect(text.code, text.err).toBe(0);
    expect(text.out).toMatch(/Bảng xếp hạng thi đua các đơn vị BHXH cơ sở — Quý III\/2026/);
    expect(text.out).toMatch(/Tổng điểm/);
    expect(text.out).toMatch(/3 bhxh cơ sở được xếp hạng/);
    const month = await cli('emulation', 'score', '--period', '2026-08', '--data-dir', dir);
    expect(month.code).toBe(2);
    expect(month.err).toMatch(/quý hoặc năm.*--period 2026-Q3/);
    const level = await cli('emulation', 'score', '--period', '2026', '--level', 'province', '--data-dir', dir);
    expect(level.code).toBe(2);
    expect(level.err).toMatch(/--level "province" không hợp lệ/);
  });
});

async function open(core: AppCore, ref: DownloadRef): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(core.downloads.take(ref.token).bytes as unknown as ArrayBuffer);
  return wb;
}

function cellTexts(ws: ExcelJS.Worksheet): string[] {
  const out: string[] = [];
  ws.eachRow((row) => row.eachCell((cell) => void (typeof cell.value === 'string' && out.push(cell.value))));
  return out;
}

function rowValues(ws: ExcelJS.Worksheet): unknown[][] {
  const out: unknown[][] = [];
  ws.eachRow((row) => {
    const values: unknown[] = [];
    row.eachCell({ includeEmpty: true }, (cell) => values.push(cell.value));
    out.push(values);
  });
  return out;
}
