import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import type { AppCore } from '../../electron/core/app/appCore';
import { CampaignRepository, type StoredCampaign } from '../../electron/core/campaigns/campaignRepository';
import { campaignFigures, daysTotal, percentOf } from '../../shared/calc/campaigns';
import type { CampaignImportPreview, DownloadRef } from '../../shared/contract';
import { call, callError, expectSafetyBackup, expectVietnamese, FIXED_NOW, importFile, openTestCore, storeOf } from '../helpers/core';
import { hashDatabase, rows, scalar } from '../helpers/dbHash';
import { cli } from '../helpers/cli';
import { FIXTURE, fixturePath, tempDataDir } from '../helpers/fixtures';
import { writeWorkbook } from '../helpers/workbooks';

const CAMPAIGNS_FIXTURE = 'campaigns-hong-dan-2020.xlsx';
const expected = (JSON.parse(readFileSync(fixturePath('expected-samples-2020.json'), 'utf8')) as { campaigns: Record<string, number | string> }).campaigns;

/** Hồng Dân's communes (units fixture) and the office "BHXH huyện Hồng Dân" serving all nine. */
async function hongDanCore(options: { dataDir?: string; now?: () => Date } = {}): Promise<AppCore> {
  const core = await openTestCore(options);
  await importFile(core, fixturePath(FIXTURE.unitsHongDan));
  const communes = (await call(core, 'units:list', { includeEnded: true })).filter((u) => u.level === 'commune').map((u) => u.code);
  await call(core, 'offices:create', { code: 'HD', name: 'BHXH huyện Hồng Dân', provinceCode: '95' });
  await call(core, 'offices:assign', { code: 'HD', unitCodes: communes, validFrom: null });
  return core;
}

function preview(core: AppCore, path: string): Promise<CampaignImportPreview> {
  return call(core, 'campaigns:previewImport', { file: core.files.registerPath(path) });
}

async function importCampaigns(core: AppCore, path: string) {
  const p = await preview(core, path);
  expect(p.errors).toEqual([]);
  const outcome = await call(core, 'campaigns:commitImport', { planId: p.planId });
  return { preview: p, outcome };
}

/** Stored campaigns by name, read through the repository. */
async function stored(core: AppCore): Promise<Map<string, StoredCampaign>> {
  const store = storeOf(core);
  const ids = (await rows<{ id: number }>(store, sql`SELECT id FROM campaigns ORDER BY id`)).map((r) => Number(r.id));
  const loaded = await new CampaignRepository(store).loadMany(ids);
  return new Map([...loaded.values()].map((c) => [c.name, c]));
}

/** Campaign tables as stored, for "exactly as before". */
async function snapshot(core: AppCore): Promise<string> {
  const store = storeOf(core);
  return JSON.stringify([
    await rows(store, sql`SELECT * FROM campaigns ORDER BY id`),
    await rows(store, sql`SELECT * FROM campaign_days ORDER BY campaign_id, day`),
    await rows(store, sql`SELECT * FROM campaign_units ORDER BY campaign_id, unit_id`),
    await rows(store, sql`SELECT * FROM campaign_partners ORDER BY campaign_id, position`),
  ]);
}

const pct = (part: number | null, whole: number | null) => percentOf(part, whole)!.toFixed(2).replace('.', ',');
const byCell = (p: { errors: { sheet: string; cell: string | null; message: string }[] }) => Object.fromEntries(p.errors.map((e) => [`${e.sheet}!${e.cell}`, e.message]));

/** One sheet with merged cells, dates as real Excel dates (cellDates). */
function writeMerged(path: string, name: string, data: unknown[][], merges: string[]): string {
  const wb = XLSX.utils.book_new();
  const ws = XLSX.utils.aoa_to_sheet(data, { cellDates: true });
  ws['!merges'] = merges.map((m) => XLSX.utils.decode_range(m));
  XLSX.utils.book_append_sheet(wb, ws, name);
  writeFileSync(path, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
  return path;
}

const LOCAL = (y: number, m: number, d: number) => new Date(y, m - 1, d);

/**
 * One row per campaign, other words and order, "Thời gian" over "Từ ngày | Đến ngày",
 * "Kế hoạch" and "Số người tham gia" over the two products, a column-number row.
 */
function perCampaignWorkbook(dir: string): string {
  return writeMerged(
    join(dir, 'tuyen-truyen-theo-hoat-dong.xlsx'),
    'Báo cáo',
    [
      ['BẢO HIỂM XÃ HỘI HUYỆN HỒNG DÂN'],
      ['BÁO CÁO HOẠT ĐỘNG TUYÊN TRUYỀN QUÝ III/2020'],
      ['STT', 'Tên hoạt động', 'Hình thức', 'Thời gian', null, 'Xã', 'Đơn vị phối hợp', 'Số cuộc', 'Số người dự', 'Kế hoạch', null, 'Số người tham gia', null, 'Kinh phí (đồng)', 'Tờ gấp', 'Ghi chú'],
      [null, null, null, 'Từ ngày', 'Đến ngày', null, null, null, null, 'BHXH TN', 'BHYT HGĐ', 'BHXH TN', 'BHYT HGĐ', null, null, null],
      ['(1)', '(2)', '(3)', '(4)', '(5)', '(6)', '(7)', '(8)', '(9)', '(10)', '(11)', '(12)', '(13)', '(14)', '(15)', '(16)'],
      [1, 'Tháng cao điểm vận động BHYT hộ gia đình', 'Tháng cao điểm', LOCAL(2020, 8, 1), LOCAL(2020, 8, 31), 'X. Vĩnh Lộc', 'Bưu điện huyện; Hội Phụ nữ', 12, '1.250', 100, 400, 95, '512', '45.000.000', '2.000', null],
      [2, 'Đối thoại chính sách BHXH với nông dân', 'Đối thoại', '15/09/2020', null, 'TT Ngan Dừa', 'HD02', null, 80, 30, null, 33, null, '4.500.000', null, 'Có đại biểu huyện'],
      [3, 'Tư vấn tại điểm thu chợ Ninh Quới', 'Tư vấn tại điểm giao dịch', '20/09/2020', '22/09/2020', 'Chợ Ninh Quới', null, 3, 150, null, null, 12, 20, null, 300, null],
      [null, 'Tổng cộng', null, null, null, null, null, 15, 1480, 130, 400, 140, 532, '49.500.000', 2300, null],
      [],
      [null, 'Người lập biểu', null, null, null, null, null, null, 'GIÁM ĐỐC'],
    ],
    ['A3:A4', 'B3:B4', 'C3:C4', 'D3:E3', 'F3:F4', 'G3:G4', 'H3:H4', 'I3:I4', 'J3:K3', 'L3:M3', 'N3:N4', 'O3:O4', 'P3:P4'],
  );
}

describe('campaigns import', () => {
  it('imports the Hồng Dân fixture: the two-day launch day is one campaign; figures match expected-samples-2020.json', async () => {
    const core = await hongDanCore();
    const p = await preview(core, fixturePath(CAMPAIGNS_FIXTURE));
    expect(p.errors).toEqual([]);
    expect(p).toMatchObject({ fileName: CAMPAIGNS_FIXTURE, sheet: 'TuyenTruyen', layout: 'day', rows: 4, counts: { added: 3, updated: 0, unchanged: 0 }, canCommit: true });
    expect(p.columns.map((c) => [c.column, c.field])).toEqual([
      ['A', 'seq'], ['B', 'date'], ['C', 'name'], ['D', 'kind'], ['E', 'place'], ['F', 'partner'], ['G', 'sessions'], ['H', 'attendees'],
      ['I', 'planTn'], ['J', 'signupTn'], ['K', 'planHgd'], ['L', 'signupHgd'], ['M', 'cost'],
    ]);
    expect(p.changes.map((c) => [c.rows, c.kind, c.startsOn, c.endsOn, c.days])).toEqual([
      [[6, 7], 'LAUNCH', '2020-05-16', '2020-05-17', 2],
      [[8], 'CONFERENCE', '2020-06-02', '2020-06-02', 1],
      [[9], 'SOCIAL_MEDIA', '2020-06-10', '2020-06-10', 1],
    ]);
    expect(p.warnings).toEqual([]);

    const { outcome } = await importCampaigns(core, fixturePath(CAMPAIGNS_FIXTURE));
    expect(outcome).toMatchObject({ fileName: CAMPAIGNS_FIXTURE, added: 3, updated: 0 });
    expectSafetyBackup(outcome.backup ?? null, /pre-import/);
    const all = await stored(core);
    expect(all.size).toBe(3);
    const launch = all.get('Ra quân tháng vận động BHXH tự nguyện')!;
    expect(launch.days).toHaveLength(expected.launchDays as number);
    const launchTotal = daysTotal(launch.days);
    const launchFigures = campaignFigures({ attendees: launchTotal.attendees, signups: launchTotal.signups, plan: launch.plan, cost: launch.cost });
    expect(launch.plan).toEqual({ BHXH_TN: expected.launchPlanTN, BHYT_HGD: expected.launchPlanHGD });
    expect(launchTotal.signups).toEqual({ BHXH_TN: expected.launchTN, BHYT_HGD: expected.launchHGD });
    expect(launchTotal.attendees).toBe(expected.launchAttendees);
    expect(pct(launchFigures.signups.BHXH_TN, launchFigures.plan.BHXH_TN)).toBe(expected.launchPctTN);
    expect(pct(launchFigures.signups.BHYT_HGD, launchFigures.plan.BHYT_HGD)).toBe(expected.launchPctHGD);
    expect(launch).toMatchObject({ sessions: 1, cost: 12_500_000, place: 'Thị trấn Ngan Dừa, Xã Ninh Quới', partners: [{ agentId: null, name: 'Bưu điện huyện' }] });
    expect(launch.unitIds).toHaveLength(2);
    expect(launch.officeId).not.toBeNull();

    const conference = all.get('Hội nghị tuyên truyền BHXH TN ấp Ninh Thạnh')!;
    const conf = campaignFigures({ ...daysTotal(conference.days), plan: conference.plan, cost: conference.cost });
    expect(pct(conf.totalSignups, conf.attendees)).toBe(expected.conferenceConversion);
    expect(conf.conversion!.toFixed(2).replace('.', ',')).toBe(expected.conferenceConversion);
    expect(conf.pctOfPlan.BHXH_TN!.toFixed(2).replace('.', ',')).toBe(expected.conferencePctTN);
    expect(all.get('Đăng bài trên trang Zalo BHXH huyện')).toMatchObject({ kind: 'SOCIAL_MEDIA', sessions: 3, place: null, unitIds: [], partners: [] });

    // The same figures as the screens read them: campaigns:search then campaigns:get.
    const listed = await call(core, 'campaigns:search', { from: '2020-01-01', to: '2020-12-31', sort: 'startsOn' });
    expect(listed.items.map((c) => [c.kind, c.dayCount, c.sessions])).toEqual([['LAUNCH', 2, 1], ['CONFERENCE', 1, 1], ['SOCIAL_MEDIA', 1, 3]]);
    const launchDetail = await call(core, 'campaigns:get', { id: listed.items[0]!.id });
    const vi2 = (n: number | null) => n!.toFixed(2).replace('.', ',');
    expect(launchDetail.days).toHaveLength(expected.launchDays as number);
    expect(launchDetail).toMatchObject({
      plan: { BHXH_TN: expected.launchPlanTN, BHYT_HGD: expected.launchPlanHGD },
      signups: { BHXH_TN: expected.launchTN, BHYT_HGD: expected.launchHGD },
      attendees: expected.launchAttendees,
      officeName: 'BHXH huyện Hồng Dân',
      partners: [{ agentCode: null, name: 'Bưu điện huyện' }],
      cost: 12_500_000,
    });
    expect(launchDetail.unitCodes).toHaveLength(2);
    expect(vi2(launchDetail.pctOfPlan.BHXH_TN)).toBe(expected.launchPctTN);
    expect(vi2(launchDetail.pctOfPlan.BHYT_HGD)).toBe(expected.launchPctHGD);
    expect(launchDetail.days.map((d) => [d.day, d.attendees, d.signups.BHXH_TN, d.signups.BHYT_HGD])).toEqual([['2020-05-16', 120, 48, 87], ['2020-05-17', 80, 21, 30]]);
    const conferenceDetail = await call(core, 'campaigns:get', { id: listed.items[1]!.id });
    expect(vi2(conferenceDetail.conversion)).toBe(expected.conferenceConversion);
    expect(vi2(conferenceDetail.pctOfPlan.BHXH_TN)).toBe(expected.conferencePctTN);

    const store = storeOf(core);
    expect(Number(await scalar(store, sql`SELECT count(*) FROM audit_log WHERE entity = 'campaign'`))).toBe(3);
    expect(Number(await scalar(store, sql`SELECT count(*) FROM audit_log WHERE entity = 'campaign-import'`))).toBe(1);
    expect(Number(await scalar(store, sql`SELECT count(*) FROM campaigns WHERE batch_id = ${outcome.batchId}`))).toBe(3);
  });

  it('re-importing the same file changes nothing', async () => {
    const core = await hongDanCore();
    await importCampaigns(core, fixturePath(CAMPAIGNS_FIXTURE));
    const before = await snapshot(core);
    const again = await preview(core, fixturePath(CAMPAIGNS_FIXTURE));
    expect(again.counts).toEqual({ added: 0, updated: 0, unchanged: 3 });
    expect(again.canCommit).toBe(false);
    const nothing = await callError(core, 'campaigns:commitImport', { planId: again.planId });
    expect(nothing.code).toBe('VALIDATION');
    expectVietnamese(nothing.message);
    expect(await snapshot(core)).toBe(before);
  });

  it('reads a one-row-per-campaign workbook with other words, a merged two-row header and real Excel dates', async () => {
    const core = await hongDanCore();
    // Partners that are agents of the network are matched by folded name or by code.
    await call(core, 'agents:create', { code: 'HD01', name: 'Bưu Điện Huyện', kind: 'POST' });
    await call(core, 'agents:create', { code: 'HD02', name: 'Hội Nông dân huyện Hồng Dân', kind: 'FARMERS' });
    const agents = Object.fromEntries((await rows<{ code: string; id: number }>(storeOf(core), sql`SELECT code, id FROM agents`)).map((a) => [a.code, Number(a.id)]));
    const dir = tempDataDir('bhxh-campimp-');
    const p = await preview(core, perCampaignWorkbook(dir));
    expect(p.errors).toEqual([]);
    expect(p).toMatchObject({ sheet: 'Báo cáo', layout: 'campaign', rows: 3, counts: { added: 3, updated: 0, unchanged: 0 } });
    const fields = Object.fromEntries(p.columns.map((c) => [c.field, c.column]));
    expect(fields).toMatchObject({ from: 'D', to: 'E', place: 'F', partner: 'G', sessions: 'H', attendees: 'I', planTn: 'J', planHgd: 'K', signupTn: 'L', signupHgd: 'M', cost: 'N', leaflets: 'O', notes: 'P' });
    expect(p.changes.map((c) => [c.kind, c.startsOn, c.endsOn, c.attendees, c.signups, c.plan])).toEqual([
      ['PEAK', '2020-08-01', '2020-08-31', 1250, { BHXH_TN: 95, BHYT_HGD: 512 }, { BHXH_TN: 100, BHYT_HGD: 400 }],
      ['DIALOGUE', '2020-09-15', '2020-09-15', 80, { BHXH_TN: 33, BHYT_HGD: null }, { BHXH_TN: 30, BHYT_HGD: null }],
      ['COUNSELLING', '2020-09-20', '2020-09-22', 150, { BHXH_TN: 12, BHYT_HGD: 20 }, { BHXH_TN: null, BHYT_HGD: null }],
    ]);
    // "Chợ Ninh Quới" is no commune: kept as words, with a warning naming its cell.
    expect(p.warnings.map((w) => [w.cell, w.message])).toEqual([['F8', expect.stringContaining('"Chợ Ninh Quới" không khớp xã')]]);
    await call(core, 'campaigns:commitImport', { planId: p.planId });
    const all = await stored(core);
    expect(all.get('Tháng cao điểm vận động BHYT hộ gia đình')).toMatchObject({
      sessions: 12, cost: 45_000_000, resources: { leaflets: 2000 }, partners: [{ agentId: agents.HD01, name: 'Bưu điện huyện' }, { agentId: null, name: 'Hội Phụ nữ' }],
      days: [{ day: '2020-08-01', attendees: 1250, signups: { BHXH_TN: 95, BHYT_HGD: 512 }, note: null }],
    });
    expect(all.get('Tháng cao điểm vận động BHYT hộ gia đình')!.unitIds).toHaveLength(1);
    expect(all.get('Đối thoại chính sách BHXH với nông dân')).toMatchObject({ sessions: 1, notes: 'Có đại biểu huyện', partners: [{ agentId: agents.HD02, name: 'Hội Nông dân huyện Hồng Dân' }] });
    expect(all.get('Tư vấn tại điểm thu chợ Ninh Quới')).toMatchObject({ place: 'Chợ Ninh Quới', unitIds: [] });
  });

  it('puts rows of one campaign together: same name and kind, close dates, the next day or the same place or no number of its own', async () => {
    const core = await hongDanCore();
    const dir = tempDataDir('bhxh-campimp-');
    const name = 'Vận động từng nhà ấp Ninh Thạnh';
    const file = writeWorkbook(join(dir, 'theo-ngay.xlsx'), [
      {
        name: 'Ngày',
        rows: [
          ['STT', 'Ngày thực hiện', 'Tên hoạt động', 'Hình thức', 'Xã', 'Số buổi', 'Số người tham dự', 'Kế hoạch BHXH TN', 'Đăng ký BHXH TN', 'Kinh phí'],
          [1, '01/07/2020', name, 'Vận động từng nhà', 'Ninh Quới', null, 40, 30, 5, '1.000.000'],
          [null, '05/07/2020', name, 'Vận động từng nhà', 'Vĩnh Lộc', 2, 35, 10, 6, '500.000'],
          [2, '20/07/2020', name, 'Vận động từng nhà', 'Vĩnh Lộc', null, 20, null, 4, null],
          [3, '25/07/2020', name, 'Vận động từng nhà', 'Ninh Quới', null, 10, null, 1, null],
          [4, '30/09/2020', name, 'Vận động từng nhà', 'Ninh Quới', null, 10, null, 2, null],
          [5, '01/10/2020', name, 'Hội nghị', 'Ninh Quới', null, 10, null, 2, null],
        ],
      },
    ]);
    const p = await preview(core, file);
    expect(p.errors).toEqual([]);
    expect(p.layout).toBe('day');
    expect(p.changes.map((c) => [c.rows, c.kind, c.startsOn, c.endsOn, c.days, c.sessions, c.plan.BHXH_TN, c.signups.BHXH_TN, c.attendees, c.cost])).toEqual([
      [[2, 3, 4], 'DOOR_TO_DOOR', '2020-07-01', '2020-07-20', 3, 2, 40, 15, 95, 1_500_000],
      [[5], 'DOOR_TO_DOOR', '2020-07-25', '2020-07-25', 1, 1, null, 1, 10, null],
      [[6], 'DOOR_TO_DOOR', '2020-09-30', '2020-09-30', 1, 1, null, 2, 10, null],
      [[7], 'CONFERENCE', '2020-10-01', '2020-10-01', 1, 1, null, 2, 10, null],
    ]);
    expect(p.changes[0]!.unitCodes).toHaveLength(2);

    // The name and kind merged down over a two-day campaign's rows.
    const merged = writeMerged(
      join(dir, 'gop-o.xlsx'),
      'TT',
      [
        ['TT', 'Ngày', 'Nội dung', 'Loại hình', 'Người tham dự', 'TH BHXH TN'],
        [1, '16/05/2020', 'Lễ ra quân tháng vận động', 'Lễ ra quân', 120, 48],
        [null, '17/05/2020', null, null, 80, 21],
      ],
      ['C2:C3', 'D2:D3'],
    );
    const mp = await preview(core, merged);
    expect(mp.errors).toEqual([]);
    expect(mp.changes.map((c) => [c.rows, c.kind, c.days, c.attendees, c.signups.BHXH_TN])).toEqual([[[2, 3], 'LAUNCH', 2, 200, 69]]);
  });

  it('names every bad cell and writes nothing', async () => {
    const core = await hongDanCore();
    const dir = tempDataDir('bhxh-campimp-');
    const file = writeWorkbook(join(dir, 'loi.xlsx'), [
      {
        name: 'TuyenTruyen',
        rows: [
          ['TT', 'Ngày', 'Nội dung', 'Loại hình', 'Địa điểm', 'Số buổi', 'Người tham dự', 'KH BHXH TN', 'TH BHXH TN', 'Chi phí'],
          [1, '16/05/2020', 'Hội nghị ấp 1', 'Hội nghị', 'Ninh Quới', 1, 'abc', 20, 10, '1.000.000'],
          [2, '31/02/2020', 'Hội nghị ấp 2', 'Hội nghị', 'Ninh Quới', 1, 50, -5, 10, null],
          [3, '18/05/2020', 'Ca nhạc', 'Văn nghệ', 'Ninh Quới', 1, 50, null, '3,5', null],
          [4, '19/05/2020', 'Hội nghị ấp 4', 'Hội nghị', 'Ninh Quới', 1, 50, null, 5, '12.500.00'],
        ],
      },
    ]);
    const hash = await hashDatabase(storeOf(core));
    const p = await preview(core, file);
    expect(p.canCommit).toBe(false);
    const errors = byCell(p);
    expect(Object.keys(errors).sort()).toEqual(['TuyenTruyen!B3', 'TuyenTruyen!D4', 'TuyenTruyen!G2', 'TuyenTruyen!H3', 'TuyenTruyen!I4', 'TuyenTruyen!J5'].sort());
    expect(errors['TuyenTruyen!G2']).toMatch(/^Số người tham dự: «abc» không phải số/);
    expect(errors['TuyenTruyen!B3']).toContain('"31/02/2020" không hợp lệ');
    expect(errors['TuyenTruyen!H3']).toContain('không được âm');
    expect(errors['TuyenTruyen!D4']).toContain('Loại hình "Văn nghệ" không rõ');
    for (const e of p.errors) expectVietnamese(e.message);
    const refused = await callError(core, 'campaigns:commitImport', { planId: p.planId });
    expect(refused.code).toBe('IMPORT_REJECTED');
    expectVietnamese(refused.message);
    expect(await hashDatabase(storeOf(core))).toBe(hash);
  });

  it('refuses hostile files with a Vietnamese message and writes nothing', async () => {
    const core = await hongDanCore();
    const dir = tempDataDir('bhxh-campimp-');
    const hash = await hashDatabase(storeOf(core));
    const notWorkbook = join(dir, 'khong-phai.xlsx');
    writeFileSync(notWorkbook, '%PDF-1.4 not a workbook at all');
    const empty = writeWorkbook(join(dir, 'trong.xlsx'), [{ name: 'Sheet1', rows: [] }]);
    const noHeader = writeWorkbook(join(dir, 'khac.xlsx'), [{ name: 'Sheet1', rows: [['Mã xã', 'Tên xã', 'Dân số'], ['31006', 'Ngan Dừa', 12000]] }]);
    const headerOnly = writeWorkbook(join(dir, 'chi-tieu-de.xlsx'), [{ name: 'TT', rows: [['TT', 'Ngày', 'Nội dung', 'Loại hình', 'Người tham dự']] }]);
    for (const [file, words] of [[notWorkbook, 'Tệp'], [empty, 'trống'], [noHeader, 'không tìm thấy dòng tiêu đề'], [headerOnly, 'không có dòng hoạt động nào']] as const) {
      const error = await callError(core, 'campaigns:previewImport', { file: core.files.registerPath(file) });
      expect(error.code).toBe('FILE_INVALID');
      expect(error.message).toContain(words);
      expectVietnamese(error.message);
    }
    const big = writeWorkbook(join(dir, 'dai.xlsx'), [
      { name: 'TT', rows: [['TT', 'Ngày', 'Nội dung', 'Loại hình', 'Người tham dự'], ...Array.from({ length: 150 }, (_, i) => [i + 1, '01/06/2020', `Hội nghị số ${i + 1}`, 'Hội nghị', 10])] },
    ]);
    process.env.BHXH_MAX_SHEET_ROWS = '100';
    try {
      const error = await callError(core, 'campaigns:previewImport', { file: core.files.registerPath(big) });
      expect(error.code).toBe('FILE_INVALID');
      expect(error.message).toContain('vượt giới hạn');
      expectVietnamese(error.message);
    } finally {
      delete process.env.BHXH_MAX_SHEET_ROWS;
    }
    expect(await hashDatabase(storeOf(core))).toBe(hash);
  });

  it('undo restores exactly; batches page newest first; undo is refused once a campaign was edited after the import', async () => {
    let clock = FIXED_NOW.getTime();
    const core = await hongDanCore({ now: () => new Date((clock += 1000)) });
    const empty = await snapshot(core);
    const first = await importCampaigns(core, fixturePath(CAMPAIGNS_FIXTURE));
    const afterFirst = await snapshot(core);

    // A corrected copy: the conference had 70 attendees, and a new row.
    const dir = tempDataDir('bhxh-campimp-');
    const data = XLSX.utils.sheet_to_json<unknown[]>(XLSX.read(readFileSync(fixturePath(CAMPAIGNS_FIXTURE))).Sheets.TuyenTruyen!, { header: 1, raw: true, defval: null });
    data[7]![7] = 70;
    data.splice(9, 0, [5, '20/06/2020', 'Tư vấn tại chợ Ngan Dừa', 'Tư vấn', 'Thị trấn Ngan Dừa', '', 1, 30, '', 2, '', 5, '']);
    const corrected = writeWorkbook(join(dir, 'sua.xlsx'), [{ name: 'TuyenTruyen', rows: data }]);
    const p = await preview(core, corrected);
    expect(p.errors).toEqual([]);
    expect(p.counts).toEqual({ added: 1, updated: 1, unchanged: 2 });
    const second = await call(core, 'campaigns:commitImport', { planId: p.planId });
    expect(second).toMatchObject({ added: 1, updated: 1 });

    const page = await call(core, 'campaigns:batches', { limit: 1 });
    expect(page.total).toBe(2);
    expect(page.items.map((b) => [b.id, b.fileName, b.actor, b.undoneAt])).toEqual([[second.batchId, 'sua.xlsx', 'kiem-thu', null]]);
    expect(page.items[0]!.summary).toBe('thêm 1, sửa 1 hoạt động tuyên truyền');
    expect((await call(core, 'campaigns:batches', { offset: 1, limit: 1 })).items[0]!.id).toBe(first.outcome.batchId);

    expect(await call(core, 'campaigns:undo', { batchId: second.batchId })).toEqual({ undone: second.batchId });
    expect(await snapshot(core)).toBe(afterFirst);
    const twice = await callError(core, 'campaigns:undo', { batchId: second.batchId });
    expect(twice.code).toBe('CONFLICT');
    expectVietnamese(twice.message);

    await call(core, 'campaigns:undo', { batchId: first.outcome.batchId });
    expect(await snapshot(core)).toBe(empty);

    // Imported again, then edited on the form: that batch can no longer be undone, and nothing moves.
    const third = await importCampaigns(core, fixturePath(CAMPAIGNS_FIXTURE));
    const launch = (await call(core, 'campaigns:search', { kind: 'LAUNCH' })).items[0]!;
    const d = await call(core, 'campaigns:get', { id: launch.id });
    await call(core, 'campaigns:save', {
      id: d.id, name: d.name, kind: d.kind, startsOn: d.startsOn, endsOn: d.endsOn, officeCode: d.officeCode, place: d.place, unitCodes: d.unitCodes,
      partners: d.partners, audiences: d.audiences, sessions: d.sessions, resources: d.resources, cost: d.cost, plan: d.plan, notes: 'Sửa tay', attachments: d.attachments,
      days: d.days.map((x) => ({ day: x.day, attendees: x.attendees, signups: x.signups, note: x.note })),
    });
    const edited = await snapshot(core);
    const refused = await callError(core, 'campaigns:undo', { batchId: third.outcome.batchId });
    expect(refused.code).toBe('CONFLICT');
    expect(refused.message).toContain('Ra quân tháng vận động BHXH tự nguyện');
    expectVietnamese(refused.message);
    expect(await snapshot(core)).toBe(edited);
    const store = storeOf(core);
    expect(Number(await scalar(store, sql`SELECT count(*) FROM audit_log WHERE entity = 'campaign-import' AND action = 'undo'`))).toBe(2);
  });

  it('CLI campaigns import --json: committed, then unchanged on --dry-run, rejected with exit 2', async () => {
    const dir = tempDataDir();
    const core = await hongDanCore({ dataDir: dir });
    await core.close();
    const run = await cli('campaigns', 'import', fixturePath(CAMPAIGNS_FIXTURE), '--json', '--data-dir', dir);
    expect(run.code, run.err).toBe(0);
    const out = JSON.parse(run.out) as Record<string, unknown>;
    expect(out).toMatchObject({ status: 'committed', file: CAMPAIGNS_FIXTURE, sheet: 'TuyenTruyen', layout: 'day', rows: 4, added: 3, updated: 0, unchanged: 0, errors: [], warnings: [], batchId: expect.any(Number) });
    const dry = JSON.parse((await cli('campaigns', 'import', fixturePath(CAMPAIGNS_FIXTURE), '--json', '--dry-run', '--data-dir', dir)).out) as Record<string, unknown>;
    expect(dry).toMatchObject({ status: 'dry-run', added: 0, unchanged: 3, batchId: null });
    const human = await cli('campaigns', 'import', fixturePath(CAMPAIGNS_FIXTURE), '--data-dir', dir);
    expect(human.code).toBe(0);
    expect(human.out).toContain('4 dòng đọc được');
    expect(human.out).toContain('thêm 0, sửa 0, không đổi 3');

    const bad = writeWorkbook(join(dir, 'loi.xlsx'), [{ name: 'TT', rows: [['TT', 'Ngày', 'Nội dung', 'Loại hình', 'Người tham dự'], [1, '01/06/2020', 'Hội nghị ấp 1', 'Hội nghị', 'abc']] }]);
    const rejected = await cli('campaigns', 'import', bad, '--json', '--data-dir', dir);
    expect(rejected.code).toBe(2);
    const r = JSON.parse(rejected.out) as { status: string; errors: { cell: string; message: string }[]; batchId: null };
    expect(r.status).toBe('rejected');
    expect(r.errors.map((e) => e.cell)).toEqual(['E2']);
    const text = await cli('campaigns', 'import', bad, '--data-dir', dir);
    expect(text.code).toBe(2);
    expect(text.out).toContain('Tệp "loi.xlsx", trang "TT", dòng 2, ô E2: Số người tham dự: «abc» không phải số');
  });

  it('exports the campaigns as a formatted workbook: a row each with its figures, a totals row, A4 landscape, audited', async () => {
    const core = await hongDanCore();
    await importCampaigns(core, fixturePath(CAMPAIGNS_FIXTURE));
    const ref = await call(core, 'exports:campaigns', { from: '2020-01-01', to: '2020-12-31' });
    expect(ref.fileName).toMatch(/^tuyen-truyen.*\.xlsx$/);
    const ws = await openExport(core, ref);
    const texts: string[] = [];
    ws.eachRow((row) => row.eachCell((cell) => typeof cell.value === 'string' && texts.push(cell.value)));
    expect(texts).toContain('KẾT QUẢ TUYÊN TRUYỀN, VẬN ĐỘNG');
    expect(texts.some((t) => t.includes('Toàn tỉnh; từ 01/01/2020 đến 31/12/2020 — 3 hoạt động'))).toBe(true);
    const headerRow = rowWhere(ws, (v) => v[0] === 'STT');
    const body = bodyRows(ws, headerRow);
    expect(body.map((r) => [r[1], r[2], r[3], r[4]])).toEqual([
      ['Ra quân tháng vận động BHXH tự nguyện', 'Lễ ra quân', '16/05/2020', '17/05/2020'],
      ['Hội nghị tuyên truyền BHXH TN ấp Ninh Thạnh', 'Hội nghị tuyên truyền trực tiếp', '02/06/2020', '02/06/2020'],
      ['Đăng bài trên trang Zalo BHXH huyện', 'Mạng xã hội (Facebook, Zalo)', '10/06/2020', '10/06/2020'],
    ]);
    // Sessions, attendees, sign-ups TN/HGĐ, plan TN/HGĐ, % of plan TN/HGĐ, conversion, cost, cost per sign-up.
    expect(body[0]!.slice(8)).toEqual([1, 200, 69, 117, 60, 100, 1.15, 1.17, 0.93, 12_500_000, 67_204]);
    expect(body[1]!.slice(8)).toEqual([1, 65, 17, null, 20, null, 0.85, null, 0.2615, 3_200_000, 188_235]);
    const totalRow = rowWhere(ws, (v) => v[0] === 'Tổng cộng');
    const total = values(ws, totalRow);
    expect(total.slice(8)).toEqual([5, 265, 90, 117, 80, 100, 1.125, 1.17, 0.7811, 15_700_000, 75_845]);
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape' });
    expect(ws.pageSetup.printTitlesRow).toBeTruthy();
    const audit = (await call(core, 'audit:list', { entity: 'export', limit: 10 })).items;
    expect(audit).toHaveLength(1);
    expect(audit[0]!.summary).toContain('Xuất kết quả tuyên truyền, vận động (3 hoạt động');

    const conferences = await openExport(core, await call(core, 'exports:campaigns', { kind: 'CONFERENCE' }));
    expect(bodyRows(conferences, rowWhere(conferences, (v) => v[0] === 'STT')).map((r) => r[1])).toEqual(['Hội nghị tuyên truyền BHXH TN ấp Ninh Thạnh']);
  });
});

async function openExport(core: AppCore, ref: DownloadRef): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(core.downloads.take(ref.token).bytes as unknown as ArrayBuffer);
  return wb.worksheets[0]!;
}

function values(ws: ExcelJS.Worksheet, n: number): unknown[] {
  const out: unknown[] = [];
  for (let c = 1; c <= ws.columnCount; c++) {
    const cell = ws.getCell(n, c);
    out.push(cell.isMerged && cell.master.address !== cell.address ? null : cell.value === '—' ? null : cell.value);
  }
  return out;
}

function rowWhere(ws: ExcelJS.Worksheet, test: (v: unknown[]) => boolean): number {
  for (let n = 1; n <= ws.rowCount; n++) if (test(values(ws, n))) return n;
  throw new Error('row not found');
}

/** The numbered rows under the two header rows and the column-number row. */
function bodyRows(ws: ExcelJS.Worksheet, headerRow: number): unknown[][] {
  const out: unknown[][] = [];
  for (let n = headerRow + 2; n <= ws.rowCount; n++) {
    const v = values(ws, n);
    if (typeof v[0] === 'number') out.push(v);
  }
  return out;
}
