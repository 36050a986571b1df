import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AgentSummary, RankingRow, StaffSummary } from '../../shared/contract';
import { cli } from '../helpers/cli';
import { call, FIXED_NOW, openTestCore } from '../helpers/core';
import { demoWithoutNetwork } from '../helpers/network';
import { tempDataDir } from '../helpers/fixtures';

interface NetworkJson {
  period: string;
  asOf: string;
  byKind: { kind: string; label: string; agents: number; points: number; staff: number; trainedStaff: number }[];
  totals: { agents: number; points: number; staff: number; trainedStaff: number };
  communesWithoutPoint: { code: string; name: string }[];
  communesWithFewKinds: { code: string; name: string; kinds: string[] }[];
  inactiveStaff: { code: string; name: string; agentCode: string | null; lastActiveMonth: string | null }[];
  expiring: { expired: number; within30: number; within60: number };
}

interface RankingJson {
  period: string;
  indicator: string;
  by: string;
  officeCode: string | null;
  total: number;
  items: RankingRow[];
}

/**
 * A data folder set up through core (the demo province, agent T01 of office 9901 with a point
 * and two staff, agent T02 of office 9902, targets and results), closed before the CLI opens it.
 */
async function networkDir(): Promise<{ dir: string; communes: string[] }> {
  const dir = tempDataDir();
  const core = await openTestCore({ dataDir: dir, now: () => FIXED_NOW });
  await demoWithoutNetwork(core);
  const office = await call(core, 'offices:get', { code: '9901' });
  const communes = office.members.filter((m) => m.validTo === null).map((m) => m.unitCode);
  await call(core, 'agents:create', {
    code: 'T01', name: 'Bưu điện Hòa Bình', kind: 'POST', officeCode: '9901', contractNo: '05/HĐ-BHXH', signedOn: '2026-01-06', expiresOn: '2026-12-15', communeCodes: communes.slice(0, 2),
  });
  await call(core, 'agents:create', { code: 'T02', name: 'Hội Liên hiệp Phụ nữ Long Điền', kind: 'WOMEN', officeCode: '9902' });
  await call(core, 'points:save', { agentCode: 'T01', code: 'TP01', name: 'Bưu cục trung tâm', unitCode: communes[0], openedOn: '2026-01-10', signage: true });
  await call(core, 'staff:create', { code: 'TNV01', fullName: 'Trần Thị Bé Tư', birthYear: 1986, cccd: '095186001234', phone: '0919123456', agentCode: 'T01', communeCodes: [communes[0]!], trainingDate: '2026-01-15', joinedOn: '2026-01-15' });
  await call(core, 'staff:create', { code: 'TNV02', fullName: 'Lâm Văn Út', birthYear: 1979, cccd: '095079002345', phone: '0945111222', agentCode: 'T01', communeCodes: [communes[1]!], trainingDate: '2026-01-15', joinedOn: '2026-01-15' });
  await call(core, 'network:setFlows', { kind: 'target', year: 2026, entries: [{ level: 'staff', code: 'TNV01', measure: 'NEW_TN', value: 100 }, { level: 'staff', code: 'TNV02', measure: 'NEW_TN', value: 100 }] });
  await call(core, 'network:setFlows', { kind: 'result', month: '2026-09', entries: [{ level: 'staff', code: 'TNV01', measure: 'NEW_TN', value: 7 }] });
  await call(core, 'network:setFlows', {
    kind: 'result', month: '2026-10',
    entries: [{ level: 'staff', code: 'TNV01', measure: 'NEW_TN', value: 12 }, { level: 'staff', code: 'TNV01', measure: 'AMOUNT_TN', value: 1_500_000 }],
  });
  await core.close();
  return { dir, communes };
}

async function json<T>(...argv: string[]): Promise<T> {
  const run = await cli(...argv, '--json');
  expect(run.code, run.err).toBe(0);
  return JSON.parse(run.out) as T;
}

describe('CLI: the agent network', () => {
  // The app's one clock: contracts and months are judged on 22/11/2026 whatever day this runs.
  beforeAll(() => vi.stubEnv('BHXH_TODAY', '2026-11-22'));
  afterAll(() => vi.unstubAllEnvs());

  it('agents list and staff list: JSON of AgentSummary and StaffSummary, filtered, identifiers masked', async () => {
    const { dir } = await networkDir();
    const agents = await json<AgentSummary[]>('agents', 'list', '--data-dir', dir);
    expect(agents.map((a) => a.code)).toEqual(['T01', 'T02']);
    expect(agents[0]).toMatchObject({
      code: 'T01', name: 'Bưu điện Hòa Bình', kind: 'POST', product: 'ALL', contractNo: '05/HĐ-BHXH', signedOn: '2026-01-06', expiresOn: '2026-12-15', expiry: 'within30',
      officeCode: '9901', officeName: 'BHXH cơ sở Phú An', status: 'active', allCommunes: false, communeCount: 2, pointCount: 1, staffCount: 2, isDemo: false,
    });
    expect((await json<AgentSummary[]>('agents', 'list', '--kind', 'Hội LHPN', '--data-dir', dir)).map((a) => a.code)).toEqual(['T02']);
    expect((await json<AgentSummary[]>('agents', 'list', '--office', '9901', '--data-dir', dir)).map((a) => a.code)).toEqual(['T01']);
    expect((await json<AgentSummary[]>('agents', 'list', '--query', 'phu nu', '--data-dir', dir)).map((a) => a.code)).toEqual(['T02']);
    const badKind = await cli('agents', 'list', '--kind', 'ngân hàng', '--data-dir', dir);
    expect(badKind.code).toBe(2);
    expect(badKind.err).toContain('Loại tổ chức "ngân hàng" không hợp lệ');

    const staffRun = await cli('staff', 'list', '--agent', 'T01', '--json', '--data-dir', dir);
    expect(staffRun.code, staffRun.err).toBe(0);
    expect(staffRun.out).not.toContain('095186001234');
    expect(staffRun.out).not.toContain('0919123456');
    const staff = JSON.parse(staffRun.out) as StaffSummary[];
    expect(staff.map((s) => s.fullName)).toEqual(['Trần Thị Bé Tư', 'Lâm Văn Út']);
    expect(staff[0]).toMatchObject({
      code: 'TNV01', role: 'staff', birthYear: 1986, cccdMasked: '0951******34', phoneMasked: '0919***456', agentCode: 'T01', agentName: 'Bưu điện Hòa Bình', agentKind: 'POST',
      trainingDate: '2026-01-15', status: 'active', joinedOn: '2026-01-15', isDemo: false,
    });
    expect(staff[0]!.communes).toHaveLength(1);
    expect((await json<StaffSummary[]>('staff', 'list', '--office', '9902', '--data-dir', dir))).toEqual([]);
    expect((await json<StaffSummary[]>('staff', 'list', '--query', 'lam van ut', '--data-dir', dir)).map((s) => s.code)).toEqual(['TNV02']);
  });

  it('network --period: counts by kind with labels, thin communes by name, inactive staff by name, expiring contracts', async () => {
    const { dir, communes } = await networkDir();
    const net = await json<NetworkJson>('network', '--period', '2026-10', '--office', '9901', '--data-dir', dir);
    expect(Object.keys(net)).toEqual(['period', 'asOf', 'byKind', 'totals', 'communesWithoutPoint', 'communesWithFewKinds', 'inactiveStaff', 'expiring']);
    expect(net.period).toBe('2026-10');
    expect(net.asOf).toBe('2026-10-31');
    expect(net.byKind).toEqual([{ kind: 'POST', label: 'Bưu điện', agents: 1, points: 1, staff: 2, trainedStaff: 2 }]);
    expect(net.totals).toEqual({ agents: 1, points: 1, staff: 2, trainedStaff: 2 });
    expect(net.communesWithoutPoint).toHaveLength(communes.length - 1);
    expect(net.communesWithoutPoint.map((c) => c.code)).not.toContain(communes[0]);
    expect(net.communesWithoutPoint[0]).toEqual({ code: expect.any(String), name: expect.stringMatching(/^(Xã|Phường|Thị trấn) /) });
    expect(net.communesWithFewKinds).toHaveLength(communes.length);
    expect(net.communesWithFewKinds.find((c) => c.code === communes[0])!.kinds).toEqual(['POST']);
    expect(net.inactiveStaff).toEqual([{ code: 'TNV02', name: 'Lâm Văn Út', agentCode: 'T01', lastActiveMonth: null }]);
    expect(net.expiring).toEqual({ expired: 0, within30: 1, within60: 0 });

    const whole = await json<NetworkJson>('network', '--period', '2026-10', '--data-dir', dir);
    expect(whole.byKind.map((k) => k.label)).toEqual(['Bưu điện', 'Hội Liên hiệp Phụ nữ']);

    const human = await cli('network', '--period', '2026-10', '--office', '9901', '--data-dir', dir);
    expect(human.code, human.err).toBe(0);
    expect(human.out).toContain('Mạng lưới đại lý thu tháng 10/2026 — BHXH cơ sở Phú An (tính đến ngày 31/10/2026)');
    expect(human.out).toMatch(/^Bưu điện\s+1\s+1\s+2\s+2$/m);
    expect(human.out).toContain('Nhân viên thu không hoạt động (1, không có người tham gia mới trong 3 tháng): Lâm Văn Út.');
    const missing = await cli('network', '--data-dir', dir);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('--period');
  });

  it('staff ranking: JSON rows, --by progress, money measures, an unknown --indicator refused with the valid codes, and an aligned Vietnamese table', async () => {
    const { dir } = await networkDir();
    const ranking = await json<RankingJson>('staff', 'ranking', '--period', '2026-10', '--data-dir', dir);
    expect(ranking).toMatchObject({ period: '2026-10', indicator: 'NEW_TN', by: 'result', officeCode: null, total: 2 });
    expect(ranking.items.map((r) => [r.rank, r.code, r.name, r.agentCode, r.kind, r.result, r.cumulative, r.target, r.activity])).toEqual([
      [1, 'TNV01', 'Trần Thị Bé Tư', 'T01', 'POST', 12, 19, 100, 'active'],
      [2, 'TNV02', 'Lâm Văn Út', 'T01', 'POST', 0, 0, 100, 'inactive'],
    ]);
    expect(ranking.items[0]!.progress).toBeCloseTo(0.19);
    expect(Object.keys(ranking.items[0]!).sort()).toEqual(
      ['rank', 'level', 'code', 'name', 'agentCode', 'agentName', 'kind', 'result', 'cumulative', 'target', 'progress', 'commission', 'activity', 'lastActiveMonth'].sort(),
    );
    const progress = await json<RankingJson>('staff', 'ranking', '--period', '2026-10', '--by', 'progress', '--indicator', 'amount_tn', '--office', '9901', '--data-dir', dir);
    expect(progress).toMatchObject({ indicator: 'AMOUNT_TN', by: 'progress', officeCode: '9901' });
    expect(progress.items[0]).toMatchObject({ code: 'TNV01', result: 1_500_000 });

    const unknown = await cli('staff', 'ranking', '--period', '2026-10', '--indicator', 'BHXH_TN', '--data-dir', dir);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('Chỉ tiêu "BHXH_TN" không hợp lệ. Dùng một trong: NEW_TN (BHXH TN tăng mới), NEW_HGD');
    for (const code of ['RENEW', 'LAPSE', 'AMOUNT_TN', 'AMOUNT_HGD']) expect(unknown.err).toContain(code);
    const badBy = await cli('staff', 'ranking', '--period', '2026-10', '--by', 'name', '--data-dir', dir);
    expect(badBy.code).toBe(2);
    expect(badBy.err).toContain('Giá trị --by "name" không hợp lệ');
    // Refused with the command line, before a data folder is opened or made.
    const fresh = join(tempDataDir(), 'chua-co');
    expect((await cli('staff', 'ranking', '--period', '2026-10', '--indicator', 'X', '--data-dir', fresh)).code).toBe(2);
    expect((await cli('agents', 'list', '--kind', 'X', '--data-dir', fresh)).code).toBe(2);
    expect(existsSync(fresh)).toBe(false);

    const human = await cli('staff', 'ranking', '--period', '2026-10', '--data-dir', dir);
    expect(human.code, human.err).toBe(0);
    const lines = human.out.split('\n');
    const header = lines.find((l) => l.startsWith('Hạng'))!;
    const tu = lines.find((l) => l.includes('Trần Thị Bé Tư'))!;
    const ut = lines.find((l) => l.includes('Lâm Văn Út'))!;
    // Columns line up: each row's name and percentage start under their headers.
    expect(tu.indexOf('Trần Thị Bé Tư')).toBe(header.indexOf('Họ và tên'));
    expect(ut.indexOf('Lâm Văn Út')).toBe(header.indexOf('Họ và tên'));
    expect(tu.indexOf('19,00%')).toBe(header.indexOf('% chỉ tiêu'));
    expect(ut).toContain('Không hoạt động');
    expect(human.out).toContain('2 nhân viên thu.');
    const money = await cli('staff', 'ranking', '--period', '2026-10', '--indicator', 'AMOUNT_TN', '--data-dir', dir);
    expect(money.out).toContain('1.500.000 đ');
  });
});
