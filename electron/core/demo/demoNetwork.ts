/**
 * The demo province's collection-agent network: agents of every kind over the three offices,
 * points in most but not all communes, staff and collaborators with valid-looking CCCDs, year
 * targets from the office down to each person, monthly results with a May peak, a few staff who
 * stopped bringing anyone in, contracts about to run out, quarterly inspections and dated
 * commission rates. Every row is flagged is_demo.
 */
import { apportion } from '../../../shared/calc/apportion';
import type { AgentKind, FlowMeasure } from '../../../shared/domain/network';
import { addMonths, ym } from '../../../shared/domain/periods';
import type { Store } from '../db/store';
import { addDays } from '../../../shared/format/vi';
import { AgentRepository, type AgentFields } from '../network/agentRepository';
import { FlowRepository, type FlowWrite } from '../network/flowRepository';
import { InspectionRepository, PointRepository } from '../network/pointRepository';
import { StaffRepository } from '../network/staffRepository';

export interface DemoCommune {
  id: number;
  name: string;
}

export interface DemoOfficeRef {
  id: number;
  code: string;
  name: string;
  communes: DemoCommune[];
}

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Huỳnh', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lâm', 'Thạch', 'Châu'];
const MIDDLE_F = ['Thị', 'Thị Ngọc', 'Thị Kim', 'Thị Bích', 'Ngọc', 'Thị Thu'];
const MIDDLE_M = ['Văn', 'Hoàng', 'Minh', 'Quốc', 'Thanh', 'Hữu'];
const GIVEN_F = ['Lan', 'Hoa', 'Hương', 'Mai', 'Thảo', 'Trang', 'Tư', 'Út', 'Yến', 'Nhung', 'Diễm', 'Hạnh', 'Loan', 'Ánh'];
const GIVEN_M = ['An', 'Bình', 'Cường', 'Dũng', 'Hải', 'Hùng', 'Khánh', 'Long', 'Nam', 'Phúc', 'Tâm', 'Thắng', 'Tuấn', 'Vinh'];

export async function deleteDemoNetwork(store: Store): Promise<void> {
  const db = store.db;
  const demoUnits = db.selectFrom('units').select('id').where('is_demo', '=', 1);
  const demoOffices = db.selectFrom('offices').select('id').where((eb) => eb.or([eb('is_demo', '=', 1), eb('province_unit_id', 'in', demoUnits)]));
  const demoAgents = db.selectFrom('agents').select('id').where('is_demo', '=', 1);
  // Staff, points and inspections someone added under a demo agent belong to the demo and go with it.
  const demoStaff = db.selectFrom('agent_staff').select('id').where((eb) => eb.or([eb('is_demo', '=', 1), eb('agent_id', 'in', demoAgents)]));
  await db.deleteFrom('network_flows').where('is_demo', '=', 1).execute();
  await db.deleteFrom('network_flows').where('level', '=', 'office').where('owner_id', 'in', demoOffices).execute();
  await db.deleteFrom('network_flows').where('level', '=', 'agent').where('owner_id', 'in', demoAgents).execute();
  await db.deleteFrom('network_flows').where('level', '=', 'staff').where('owner_id', 'in', demoStaff).execute();
  await db.deleteFrom('agent_inspections').where((eb) => eb.or([eb('is_demo', '=', 1), eb('agent_id', 'in', demoAgents)])).execute();
  await db.deleteFrom('staff_communes').where((eb) => eb.or([eb('unit_id', 'in', demoUnits), eb('staff_id', 'in', demoStaff)])).execute();
  await db.deleteFrom('agent_staff').where((eb) => eb.or([eb('is_demo', '=', 1), eb('agent_id', 'in', demoAgents)])).execute();
  await db.deleteFrom('collection_points').where((eb) => eb.or([eb('is_demo', '=', 1), eb('agent_id', 'in', demoAgents)])).execute();
  await db.updateTable('collection_points').set({ unit_id: null }).where('unit_id', 'in', demoUnits).execute();
  await db.deleteFrom('agent_communes').where((eb) => eb.or([eb('unit_id', 'in', demoUnits), eb('agent_id', 'in', demoAgents)])).execute();
  // A campaign keeps a demo agent it worked with as a partner named in words.
  await db.updateTable('campaign_partners').set({ agent_id: null }).where('agent_id', 'in', demoAgents).execute();
  await db.deleteFrom('agents').where('is_demo', '=', 1).execute();
  // A real agent signed by a demo office keeps its record, without the office.
  await db.updateTable('agents').set({ office_id: null, all_communes: 0 }).where('office_id', 'in', demoOffices).execute();
  await db.deleteFrom('commission_rates').where('is_demo', '=', 1).execute();
}

interface PlannedAgent {
  code: string;
  fields: AgentFields;
  communes: DemoCommune[];
  pointCommunes: DemoCommune[];
  staffPerPoint: number;
  collaborators: number;
  pace: number;
}

export async function loadDemoNetwork(store: Store, offices: DemoOfficeRef[], today: string, now: string, random: () => number): Promise<{ agents: number; points: number; staff: number }> {
  const agents = new AgentRepository(store);
  const points = new PointRepository(store);
  const staffRepo = new StaffRepository(store);
  const flows = new FlowRepository(store);
  const year = Number(today.slice(0, 4));
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const field = (name: string, kind: AgentKind, officeId: number, extra: Partial<AgentFields> = {}): AgentFields => ({
    name, kind, product: 'ALL', contractNo: null, signedOn: `${year - 1}-01-05`, expiresOn: `${year + 1}-12-31`, officeId, status: 'active', allCommunes: false,
    address: null, phone: null, representative: null, note: 'Dữ liệu mẫu', ...extra,
  });

  const plan: PlannedAgent[] = [];
  let contract = 1;
  for (const [i, office] of offices.entries()) {
    const place = office.name.replace(/^BHXH cơ sở /, '');
    const c = office.communes;
    // The post office serves every commune and has a point in all but the last one.
    plan.push({ code: `BD${office.code}`, fields: field(`Bưu điện ${place}`, 'POST', office.id, { allCommunes: true }), communes: [], pointCommunes: c.slice(0, Math.max(1, c.length - 1)), staffPerPoint: 2, collaborators: 0, pace: 1.4 });
    // Commune People's Committees collect in their own commune (not the last two).
    for (const commune of c.slice(0, Math.max(0, c.length - 2))) {
      plan.push({ code: `UB${office.code}${String(plan.length).padStart(2, '0')}`, fields: field(`UBND ${commune.name}`, 'COMMUNE', office.id), communes: [commune], pointCommunes: [commune], staffPerPoint: 1, collaborators: 1, pace: 0.8 });
    }
    const unions: [AgentKind, string][] = [['WOMEN', 'Hội Liên hiệp Phụ nữ'], ['FARMERS', 'Hội Nông dân'], ...(i === 0 ? ([['YOUTH', 'Đoàn Thanh niên']] as [AgentKind, string][]) : []), ...(i === 2 ? ([['VETERANS', 'Hội Cựu chiến binh']] as [AgentKind, string][]) : [])];
    for (const [kind, label] of unions) plan.push({ code: `${kind.slice(0, 2)}${office.code}`, fields: field(`${label} ${place}`, kind, office.id), communes: c.slice(0, Math.ceil(c.length / 2)), pointCommunes: [], staffPerPoint: 0, collaborators: 3, pace: 0.6 });
    if (i === 1) plan.push({ code: `VT${office.code}`, fields: field(`Viettel ${place}`, 'VIETTEL', office.id, { allCommunes: true }), communes: [], pointCommunes: c.slice(0, 1), staffPerPoint: 2, collaborators: 0, pace: 1.1 });
    if (i === 2) plan.push({ code: `HTX${office.code}`, fields: field(`Hợp tác xã Dịch vụ ${place}`, 'OTHER', office.id), communes: c.slice(-2), pointCommunes: [], staffPerPoint: 0, collaborators: 2, pace: 0.5 });
    plan.push({ code: `TT${office.code}`, fields: field(`Tổ thu ${office.name}`, 'TEAM', office.id, { allCommunes: true, product: 'BHYT_HGD' }), communes: [], pointCommunes: [], staffPerPoint: 0, collaborators: 2, pace: 0.9 });
  }
  for (const p of plan) p.fields.contractNo = `${String(contract++).padStart(2, '0')}/HĐ-BHXH (mẫu)`;
  // One contract runs out within 30 days, one within 60.
  plan[0]!.fields.expiresOn = addDays(today, 20);
  plan[Math.floor(plan.length / 2)]!.fields.expiresOn = addDays(today, 45);

  let serial = 1;
  const staff: { id: number; agentIndex: number; pace: number; quitMonths: number }[] = [];
  let pointCount = 0;
  for (const [agentIndex, p] of plan.entries()) {
    const agentId = await agents.insert(p.code, p.fields, now, { isDemo: true });
    if (p.communes.length > 0) await agents.setCommunes(agentId, p.communes.map((c) => c.id));
    const people: { communes: DemoCommune[]; role: 'staff' | 'collaborator' }[] = [];
    for (const commune of p.pointCommunes) {
      await points.insert({ agentId, code: null, name: p.fields.kind === 'POST' ? `Điểm Bưu điện văn hóa ${commune.name.replace(/^(Xã|Phường) /, '')}` : `Trụ sở ${p.fields.name}`, address: `Trung tâm ${commune.name}`, unitId: commune.id, openedOn: `${year - 1}-02-01`, closedOn: null, signage: random() < 0.8, note: null }, now, { isDemo: true });
      pointCount++;
      for (let k = 0; k < p.staffPerPoint; k++) people.push({ communes: [commune], role: 'staff' });
    }
    const area = p.communes.length > 0 ? p.communes : offices.find((o) => o.id === p.fields.officeId)!.communes;
    for (let k = 0; k < p.collaborators; k++) people.push({ communes: [area[k % area.length]!], role: 'collaborator' });
    for (const person of people) {
      const female = random() < 0.55;
      const birthYear = 1965 + Math.floor(random() * 36);
      const fullName = `${pick(FAMILY)} ${pick(female ? MIDDLE_F : MIDDLE_M)} ${pick(female ? GIVEN_F : GIVEN_M)}`;
      const cccd = `084${female ? '1' : '0'}${String(birthYear % 100).padStart(2, '0')}${String(100000 + serial * 37).padStart(6, '0')}`;
      const code = `NV${String(serial).padStart(4, '0')}`;
      serial++;
      const id = await staffRepo.insert(code, {
        fullName, role: person.role, birthYear, birthDate: null, sex: female ? 'F' : 'M', cccd, phone: `09${String(10000000 + Math.floor(random() * 89999999)).slice(0, 8)}`, agentId,
        trainingDate: person.role === 'staff' || random() < 0.5 ? `${year - 1}-03-1${Math.floor(random() * 9)}` : null, cardNo: person.role === 'staff' ? `PA-${String(serial).padStart(4, '0')} (mẫu)` : null,
        cardDate: person.role === 'staff' ? `${year - 1}-04-01` : null, status: 'active', joinedOn: `${year - 1}-02-01`, leftOn: null, note: null,
      }, now, { isDemo: true });
      await staffRepo.setCommunes(id, person.communes.map((c) => c.id));
      // About one in twelve stopped bringing anyone in four months ago.
      staff.push({ id, agentIndex, pace: p.pace * (0.6 + random() * 0.9), quitMonths: random() < 0.08 ? 4 : 0 });
    }
  }

  // Monthly results from January last year to the last month before this one, May the peak month.
  const lastMonth = addMonths(today.slice(0, 7), -1);
  const byPeriod = new Map<string, FlowWrite[]>();
  for (let m = ym(year - 1, 1); m <= lastMonth; m = addMonths(m, 1)) {
    const peak = m.endsWith('-05') ? 1.8 : m.endsWith('-06') ? 1.2 : 1;
    const writes: FlowWrite[] = [];
    for (const s of staff) {
      const quiet = s.quitMonths > 0 && m > addMonths(lastMonth, -s.quitMonths);
      const tn = quiet ? 0 : Math.round(s.pace * peak * (1 + random() * 3));
      const hgd = quiet ? 0 : Math.round(s.pace * peak * (2 + random() * 5));
      const values: [FlowMeasure, number][] = [
        ['NEW_TN', tn], ['NEW_HGD', hgd], ['RENEW', Math.round(s.pace * (3 + random() * 6))], ['LAPSE', Math.round(random() * 2)],
        ['AMOUNT_TN', tn * 1_980_000 + Math.round(random() * 4) * 990_000], ['AMOUNT_HGD', hgd * 631_800],
      ];
      for (const [measure, value] of values) writes.push({ level: 'staff', ownerId: s.id, measure, value });
    }
    byPeriod.set(m, writes);
  }
  for (const [period, writes] of byPeriod) await flows.write('result', period, writes, now, { isDemo: true });

  // Year targets: each person about 12 months of their pace and a bit more; agents a little above
  // their staff; offices above their agents, so some of each office's target is not yet given out.
  for (const y of [year - 1, year]) {
    const writes: FlowWrite[] = [];
    const agentTotals = new Map<number, Record<'NEW_TN' | 'NEW_HGD', number>>();
    for (const s of staff) {
      const tn = Math.round(s.pace * 12 * 2.9);
      const hgd = Math.round(s.pace * 12 * 5.2);
      writes.push({ level: 'staff', ownerId: s.id, measure: 'NEW_TN', value: tn }, { level: 'staff', ownerId: s.id, measure: 'NEW_HGD', value: hgd });
      const t = agentTotals.get(s.agentIndex) ?? { NEW_TN: 0, NEW_HGD: 0 };
      agentTotals.set(s.agentIndex, { NEW_TN: t.NEW_TN + tn, NEW_HGD: t.NEW_HGD + hgd });
    }
    const agentIds = await store.db.selectFrom('agents').select(['id', 'code', 'office_id']).where('is_demo', '=', 1).execute();
    const idOf = new Map(agentIds.map((a) => [a.code, a]));
    const officeTotals = new Map<number, Record<'NEW_TN' | 'NEW_HGD', number>>();
    for (const [index, t] of agentTotals) {
      const agent = idOf.get(plan[index]!.code)!;
      const [tn, hgd] = apportion(Math.round((t.NEW_TN + t.NEW_HGD) * 1.05), [t.NEW_TN, t.NEW_HGD]);
      writes.push({ level: 'agent', ownerId: agent.id, measure: 'NEW_TN', value: tn! }, { level: 'agent', ownerId: agent.id, measure: 'NEW_HGD', value: hgd! });
      const o = officeTotals.get(agent.office_id!) ?? { NEW_TN: 0, NEW_HGD: 0 };
      officeTotals.set(agent.office_id!, { NEW_TN: o.NEW_TN + tn!, NEW_HGD: o.NEW_HGD + hgd! });
    }
    for (const [officeId, t] of officeTotals) {
      writes.push({ level: 'office', ownerId: officeId, measure: 'NEW_TN', value: Math.round(t.NEW_TN * 1.08) }, { level: 'office', ownerId: officeId, measure: 'NEW_HGD', value: Math.round(t.NEW_HGD * 1.06) });
    }
    await flows.write('target', String(y), writes, now, { isDemo: true });
  }

  // Quarterly inspections of the post offices this year, up to today.
  const inspections = new InspectionRepository(store);
  const posts = await store.db.selectFrom('agents').select(['id', 'name']).where('is_demo', '=', 1).where('kind', '=', 'POST').execute();
  for (const post of posts) {
    for (const q of [1, 2, 3, 4]) {
      const day = `${year}-${String(q * 3).padStart(2, '0')}-20`;
      if (day > today) break;
      await inspections.save(undefined, {
        agentId: post.id, inspectedOn: day, inspector: 'Phòng Khai thác và Thu (mẫu)',
        findings: q === 2 ? 'Một điểm thu chưa niêm yết biểu mức đóng; sổ theo dõi ghi đủ.' : 'Thu, nộp đúng quy định; biển hiệu, biểu mức đóng đầy đủ.',
        followUp: q === 2 ? 'Niêm yết biểu mức đóng trong tháng sau.' : null, followUpDone: q !== 2 || day < addDays(today, -60),
      }, now, true);
    }
  }

  await store.db
    .insertInto('commission_rates')
    .values([
      { product: 'BHXH_TN', basis: 'percent', value: 0.04, valid_from: `${year - 1}-01-01`, legal_source: 'Mức mẫu (dữ liệu mẫu)', note: null, is_demo: 1, created_at: now },
      { product: 'BHYT_HGD', basis: 'percent', value: 0.05, valid_from: `${year - 1}-01-01`, legal_source: 'Mức mẫu (dữ liệu mẫu)', note: null, is_demo: 1, created_at: now },
    ])
    .execute();
  return { agents: plan.length, points: pointCount, staff: staff.length };
}
