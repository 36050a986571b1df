import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { AppCore } from '../../electron/core/app/appCore';
import { call, callError, expectVietnamese, FIXED_NOW, openTestCore, storeOf } from '../helpers/core';
import { scalar } from '../helpers/dbHash';

/**
 * The demo province on the fixed clock (22/11/2026), two of office 9901's communes moved to a new
 * office 9904 from 01/01/2026, and there one agent with a point and two staff: the demo's own
 * network stays in the other offices' figures.
 */
async function networkCore(): Promise<{ core: AppCore; communes: string[] }> {
  const core = await openTestCore({ now: () => FIXED_NOW });
  await call(core, 'demo:load', {});
  const demo = await call(core, 'offices:get', { code: '9901' });
  const moved = demo.members.filter((m) => m.validTo === null).slice(0, 2);
  for (const m of moved) await call(core, 'offices:unassign', { code: '9901', membershipId: m.id, lastDay: '2025-12-31' });
  await call(core, 'offices:create', { code: '9904', name: 'BHXH cơ sở Thử Nghiệm', validFrom: '2026-01-01' });
  const communes = moved.map((m) => m.unitCode);
  await call(core, 'offices:assign', { code: '9904', unitCodes: communes, validFrom: '2026-01-01' });
  await call(core, 'agents:create', {
    code: 'T01', name: 'Bưu điện Hòa Bình', kind: 'POST', officeCode: '9904', contractNo: '05/HĐ-BHXH', signedOn: '2026-01-06', expiresOn: '2026-12-15', communeCodes: communes.slice(0, 2),
  });
  await call(core, 'points:save', { agentCode: 'T01', code: 'TP01', name: 'Bưu cục trung tâm', unitCode: communes[0], openedOn: '2026-01-10', signage: true });
  await call(core, 'staff:create', { code: 'TNV01', fullName: 'Trần Thị Bé Tư', birthYear: 1986, cccd: '095186001234', phone: '0919123456', agentCode: 'T01', communeCodes: [communes[0]!], trainingDate: '2026-01-15', joinedOn: '2026-01-15' });
  await call(core, 'staff:create', { code: 'TNV02', fullName: 'Lâm Văn Út', birthYear: 1979, cccd: '095079002345', phone: '0945111222', agentCode: 'T01', communeCodes: [communes[1]!], trainingDate: '2026-01-15', joinedOn: '2026-01-15' });
  return { core, communes };
}

const auditRows = async (core: AppCore, action: string) => Number(await scalar(storeOf(core), sql`SELECT COUNT(*) FROM audit_log WHERE action = ${action}`));

describe('agents, points and staff', () => {
  it('lists page, search without diacritics, sort in Vietnamese order, mask identifiers and flag an expiring contract', async () => {
    const { core } = await networkCore();
    const agents = await call(core, 'agents:search', { query: 'hoa binh' });
    expect(agents.items.map((a) => a.code)).toContain('T01');
    const t01 = agents.items.find((a) => a.code === 'T01')!;
    // 22/11 → 15/12 is 23 days.
    expect(t01).toMatchObject({ expiry: 'within30', pointCount: 1, staffCount: 2, communeCount: 2, officeCode: '9904' });
    const staff = await call(core, 'staff:search', { agentCode: 'T01', sort: 'name' });
    // By given name: Tư before Út.
    expect(staff.items.map((s) => s.fullName)).toEqual(['Trần Thị Bé Tư', 'Lâm Văn Út']);
    expect(staff.items[0]).toMatchObject({ cccdMasked: '0951******34', phoneMasked: '0919***456' });
    expect(JSON.stringify(staff)).not.toContain('095186001234');
    expect((await call(core, 'staff:search', { query: 'be tu' })).items.map((s) => s.code)).toEqual(['TNV01']);
    expect((await call(core, 'staff:search', { query: '0945111222' })).items.map((s) => s.code)).toEqual(['TNV02']);
    const detail = await call(core, 'agents:get', { code: 'T01' });
    expect(detail.points.map((p) => p.name)).toEqual(['Bưu cục trung tâm']);
    expect(detail.history.map((h) => h.summary).join('\n')).toMatch(/Thêm điểm thu Bưu cục trung tâm/);
  });

  it('refuses a CCCD that fails its check or belongs to someone else, and a reveal is audited', async () => {
    const { core } = await networkCore();
    const wrongYear = await callError(core, 'staff:create', { code: 'TNV03', fullName: 'Thạch Thị Sa Rên', birthYear: 1993, cccd: '095186003456', agentCode: 'T01' });
    expect(wrongYear).toMatchObject({ code: 'VALIDATION', details: { field: 'cccd' } });
    expect(wrongYear.message).toMatch(/năm sinh 1986.*1993/);
    const badProvince = await callError(core, 'staff:create', { code: 'TNV03', fullName: 'Thạch Thị Sa Rên', cccd: '099193003456', agentCode: 'T01' });
    expect(badProvince.message).toMatch(/mã tỉnh 099/);
    const short = await callError(core, 'staff:create', { code: 'TNV03', fullName: 'Thạch Thị Sa Rên', cccd: '09519300345', agentCode: 'T01' });
    expect(short.message).toMatch(/12 chữ số/);
    const repeated = await callError(core, 'staff:create', { code: 'TNV03', fullName: 'Thạch Thị Sa Rên', cccd: '095186001234', agentCode: 'T01' });
    expect(repeated.message).toMatch(/Trần Thị Bé Tư/);
    for (const e of [wrongYear, badProvince, short, repeated]) expectVietnamese(e.message);

    const before = await auditRows(core, 'reveal');
    expect(await call(core, 'staff:reveal', { code: 'TNV01', field: 'cccd' })).toEqual({ value: '095186001234' });
    expect(await auditRows(core, 'reveal')).toBe(before + 1);
  });

  it('an edit is in the history; the CCCD change is named, never written', async () => {
    const { core } = await networkCore();
    const after = await call(core, 'staff:update', { code: 'TNV02', fullName: 'Lâm Văn Út', agentCode: 'T01', cccd: '095079002399', status: 'paused' });
    expect(after.status).toBe('paused');
    const summary = after.history.map((h) => h.summary).join('\n');
    expect(summary).toMatch(/trạng thái "Đang làm" → "Tạm nghỉ"/);
    expect(summary).toMatch(/số CCCD đã thay đổi/);
    expect(summary).not.toContain('095079002399');
  });
});

describe('targets, results, commission and ranking', () => {
  it('allocates an office target over agents and staff, shows what is left and warns when over-allocated', async () => {
    const { core } = await networkCore();
    await call(core, 'network:setFlows', { kind: 'target', year: 2026, entries: [{ level: 'office', code: '9904', measure: 'NEW_TN', value: 1000 }] });
    await call(core, 'network:setFlows', { kind: 'target', year: 2026, entries: [{ level: 'agent', code: 'T01', measure: 'NEW_TN', value: 400 }] });
    const out = await call(core, 'network:setFlows', {
      kind: 'target', year: 2026,
      entries: [{ level: 'staff', code: 'TNV01', measure: 'NEW_TN', value: 250 }, { level: 'staff', code: 'TNV02', measure: 'NEW_TN', value: 200 }],
    });
    expect(out.warnings).toEqual(['Bưu điện Hòa Bình: đã giao cho nhân viên nhiều hơn chỉ tiêu BHXH TN tăng mới của mình 50 người.']);
    const table = await call(core, 'network:flows', { month: '2026-10', officeCode: '9904' });
    const office = table.rows.find((r) => r.level === 'office')!;
    const agent = table.rows.find((r) => r.code === 'T01')!;
    expect(office.unallocated.NEW_TN).toBe(600);
    expect(agent.unallocated.NEW_TN).toBe(-50);
  });

  it('results roll up from staff to agent; commission takes the rate in force each month; ranking and the inactive flag', async () => {
    const { core } = await networkCore();
    await call(core, 'network:addCommissionRate', { product: 'BHXH_TN', basis: 'perNew', value: 50_000, validFrom: '2026-01-01', legalSource: 'QĐ 1155/QĐ-BHXH' });
    await call(core, 'network:addCommissionRate', { product: 'BHXH_TN', basis: 'perNew', value: 60_000, validFrom: '2026-10-01' });
    await call(core, 'network:addCommissionRate', { product: 'BHYT_HGD', basis: 'percent', value: 0.054, validFrom: '2026-01-01' });
    await call(core, 'network:setFlows', { kind: 'target', year: 2026, entries: [{ level: 'staff', code: 'TNV01', measure: 'NEW_TN', value: 100 }, { level: 'staff', code: 'TNV02', measure: 'NEW_TN', value: 100 }] });
    await call(core, 'network:setFlows', { kind: 'result', month: '2026-09', entries: [{ level: 'staff', code: 'TNV01', measure: 'NEW_TN', value: 7 }] });
    await call(core, 'network:setFlows', {
      kind: 'result', month: '2026-10',
      entries: [{ level: 'staff', code: 'TNV01', measure: 'NEW_TN', value: 12 }, { level: 'staff', code: 'TNV01', measure: 'AMOUNT_HGD', value: 1_000_000 }, { level: 'agent', code: 'T01', measure: 'NEW_TN', value: 3 }],
    });
    const table = await call(core, 'network:flows', { month: '2026-10', agentCode: 'T01' });
    const agent = table.rows[0]!;
    expect(agent.result.NEW_TN).toBe(15);
    expect(agent.cumulative.NEW_TN).toBe(22);
    const tu = table.rows.find((r) => r.code === 'TNV01')!;
    // October: 12 × 60.000 (the rate from 01/10) + 5,4% of 1.000.000.
    expect(tu.commission).toBe(12 * 60_000 + 54_000);
    expect(tu.activity).toBe('active');
    expect(table.rows.find((r) => r.code === 'TNV02')!.activity).toBe('inactive');

    const ranking = await call(core, 'network:ranking', { period: '2026-10', level: 'staff', measure: 'NEW_TN', officeCode: '9904' });
    expect(ranking.items.map((r) => [r.rank, r.code, r.result, r.cumulative])).toEqual([[1, 'TNV01', 12, 19], [2, 'TNV02', 0, 0]]);
    expect(ranking.items[0]!.progress).toBeCloseTo(0.19);
    const inactive = await call(core, 'network:ranking', { period: '2026-10', level: 'staff', inactiveOnly: true, officeCode: '9904' });
    expect(inactive.items.map((r) => r.code)).toEqual(['TNV02']);
    await call(core, 'settings:set', { inactiveMonths: 1 });
    const inSeptember = await call(core, 'network:ranking', { period: '2026-11', level: 'staff', inactiveOnly: true, officeCode: '9904' });
    expect(inSeptember.items.map((r) => r.code).sort()).toEqual(['TNV01', 'TNV02']);
  });

  it('refuses a fractional count, a negative amount and a month not yet come', async () => {
    const { core } = await networkCore();
    const fraction = await callError(core, 'network:setFlows', { kind: 'result', month: '2026-10', entries: [{ level: 'staff', code: 'TNV01', measure: 'NEW_TN', value: 1.5 }] });
    expect(fraction.message).toMatch(/Trần Thị Bé Tư.*số nguyên/);
    const future = await callError(core, 'network:setFlows', { kind: 'result', month: '2026-12', entries: [{ level: 'staff', code: 'TNV01', measure: 'NEW_TN', value: 1 }] });
    expect(future.message).toMatch(/chưa đến/);
    const unknown = await callError(core, 'network:setFlows', { kind: 'result', month: '2026-10', entries: [{ level: 'staff', code: 'KHONG', measure: 'NEW_TN', value: 1 }] });
    expect(unknown.message).toMatch(/Không có nhân viên mã "KHONG"/);
  });

  it('the overview counts the network by kind and flags communes without a point', async () => {
    const { core, communes } = await networkCore();
    const overview = await call(core, 'network:overview', { period: '2026-10', officeCode: '9904' });
    expect(overview.totals).toMatchObject({ agents: 1, points: 1, staff: 2, trainedStaff: 2 });
    expect(overview.byKind.map((k) => k.kind)).toEqual(['POST']);
    expect(overview.communes.map((c) => c.code).sort()).toEqual([...communes].sort());
    const first = overview.communes.find((c) => c.code === communes[0])!;
    expect(first).toMatchObject({ points: 1, kinds: ['POST'], staff: 1, trainedStaff: 1, noPoint: false, fewKinds: true });
    expect(overview.communesWithoutPoint).toBe(communes.length - 1);
    expect(overview.expiring.within30).toBe(1);
  });
});

describe('the network section of the steering-committee report', () => {
  it('states the demo network, the month results by kind, the best staff and the inactive ones, from the network services', async () => {
    const core = await openTestCore({ now: () => FIXED_NOW });
    await call(core, 'demo:load', {});
    const defaults = await call(core, 'reports:defaults', { period: '2026-10' });
    const doc = await call(core, 'reports:build', { definition: { ...defaults, sections: [{ id: 'network' }] } });
    const section = doc.sections[0]!;
    expect(section.heading).toBe('I. MẠNG LƯỚI ĐẠI LÝ THU');
    const overview = await call(core, 'network:overview', { period: '2026-10' });
    const text = section.blocks.filter((b) => b.kind === 'paragraph').map((b) => (b as { text: string }).text).join('\n');
    expect(text).toContain(`có ${overview.totals.agents} tổ chức dịch vụ thu với ${overview.totals.points} điểm thu và ${overview.totals.staff} nhân viên thu`);
    const inactive = await call(core, 'network:ranking', { period: '2026-10', level: 'staff', inactiveOnly: true });
    expect(inactive.total).toBeGreaterThan(0);
    // The overview counts them through its own query: the same people.
    expect(overview.inactiveStaff).toBe(inactive.total);
    expect(text).toContain(`${inactive.total} nhân viên thu không phát triển được người tham gia mới trong 3 tháng gần nhất: ${inactive.items[0]!.name}`);
    const byKind = section.blocks.find((b) => b.kind === 'table')!;
    expect(byKind.kind === 'table' && byKind.rows.at(-1)!.cells).toMatchObject({ kind: 'Tổng cộng', agents: overview.totals.agents, tn: overview.totals.results.NEW_TN });
    // Every kind of agent is in the demo.
    expect(overview.byKind.map((k) => k.kind).sort()).toEqual(['COMMUNE', 'FARMERS', 'OTHER', 'POST', 'TEAM', 'VETERANS', 'VIETTEL', 'WOMEN', 'YOUTH']);
    expect(overview.communesWithoutPoint).toBeGreaterThan(0);
    expect(overview.communesWithoutPoint).toBeLessThan(overview.communes.length / 2);
  });
});

describe('reloading the demo', () => {
  it('takes with it the staff, points, inspections and figures someone added under a demo agent, and keeps a real agent of a demo office', async () => {
    const { core } = await networkCore();
    await call(core, 'staff:create', { code: 'X01', fullName: 'Nguyễn Văn Thêm', agentCode: 'BD9901' });
    await call(core, 'points:save', { agentCode: 'BD9901', name: 'Điểm thu thêm tay' });
    await call(core, 'inspections:save', { agentCode: 'BD9901', inspectedOn: '2026-11-01', inspector: 'Tổ kiểm tra', findings: 'Đủ hồ sơ' });
    await call(core, 'network:setFlows', { kind: 'result', month: '2026-10', entries: [{ level: 'staff', code: 'X01', measure: 'NEW_TN', value: 2 }] });
    await call(core, 'agents:create', { code: 'REAL1', name: 'Hội Nông dân thật', kind: 'FARMERS', officeCode: '9902' });
    await call(core, 'demo:load', {});
    expect((await call(core, 'staff:search', { query: 'X01' })).total).toBe(0);
    expect((await call(core, 'points:search', { query: 'them tay' })).total).toBe(0);
    expect((await call(core, 'agents:get', { code: 'REAL1' })).officeCode).toBeNull();
    expect((await call(core, 'agents:search', { kind: 'POST' })).total).toBeGreaterThan(2);
  });
});
