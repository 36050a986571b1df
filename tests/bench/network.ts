// The collection-agent network at the size of a large province: 2,000 agents of every kind over
// the demo offices, 10,000 collection points, 20,000 staff with valid CCCD numbers, 24 months of
// staff results (new voluntary BHXH, new household BHYT and the amounts collected) and year
// targets. Seeded straight through bulk inserts in one transaction; then the screens' requests
// are timed (median of several runs) against the 100 ms target.
import { sql } from 'kysely';
import type { Channel, RequestOf } from '../../shared/contract';
import { AGENT_KINDS, AGENT_KIND_LABELS } from '../../shared/domain/network';
import { addMonths } from '../../shared/domain/periods';
import { foldText } from '../../shared/text/fold';
import { personSortKey, viSortKey } from '../../shared/text/viSortKey';
import type { AppCore } from '../../electron/core/app/appCore';
import type { Store } from '../../electron/core/db/store';
import type { BenchEnv } from './env';

const AGENTS = 2_000;
const POINTS_PER_AGENT = 5;
const STAFF_PER_AGENT = 10;
const MONTHS = 24;
const LAST_MONTH = '2026-10';
const RUNS = 7;
const TARGET_MS = 100;

const SURNAMES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý', 'Thạch', 'Lâm'];
const MIDDLES_M = ['Văn', 'Hữu', 'Minh', 'Đức', 'Thanh', 'Quốc', 'Công'];
const MIDDLES_F = ['Thị', 'Ngọc', 'Thu', 'Thanh', 'Kim', 'Mỹ', 'Bích'];
const GIVEN_M = ['An', 'Bình', 'Cường', 'Dũng', 'Hải', 'Hòa', 'Hùng', 'Nam', 'Phúc', 'Quang', 'Sơn', 'Tâm', 'Tuấn', 'Út', 'Khoa', 'Lộc'];
const GIVEN_F = ['Hà', 'Hạnh', 'Lan', 'Linh', 'Mai', 'Thảo', 'Trang', 'Yến', 'Tư', 'Hoa', 'Nhung', 'Vân', 'Xuân', 'Hương', 'Loan', 'Diễm'];

/** A small deterministic generator: the same province on every run. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(list: readonly T[], r: number): T => list[Math.floor(r * list.length)]!;

/** CCCD of a person born in Bạc Liêu (095): century-and-sex digit, two digits of the year, a unique serial. */
function cccdOf(birthYear: number, sex: 'M' | 'F', serial: number): string {
  const century = birthYear >= 2000 ? 2 : 0;
  return `095${century + (sex === 'F' ? 1 : 0)}${String(birthYear % 100).padStart(2, '0')}${String(serial).padStart(6, '0')}`;
}

export async function seed(core: AppCore, store: Store): Promise<{ rows: number; officeCode: string; agentCode: string }> {
  const rnd = random(1155);
  const now = new Date().toISOString();
  const offices: { id: number; code: string; communes: { id: number; name: string }[] }[] = [];
  for (const code of ['9901', '9902', '9903']) {
    const office = await core.invoke('offices:get', { code });
    const codes = office.members.filter((m) => m.validTo === null).map((m) => m.unitCode);
    const units = await store.db.selectFrom('units').select(['id', 'name']).where('code', 'in', codes).execute();
    const row = await store.db.selectFrom('offices').select('id').where('code', '=', code).executeTakeFirstOrThrow();
    offices.push({ id: row.id, code, communes: units });
  }
  let rows = 0;
  await store.transaction(async () => {
    // Agents: every kind, round the offices; one in ten serves every commune of its office.
    const agentRows: unknown[][] = [];
    const agentOffice: number[] = [];
    for (let i = 0; i < AGENTS; i++) {
      const kind = AGENT_KINDS[i % AGENT_KINDS.length]!;
      const office = offices[i % offices.length]!;
      const commune = pick(office.communes, rnd());
      const name = `${AGENT_KIND_LABELS[kind]} ${commune.name.replace(/^(Xã|Phường|Thị trấn) /, '')} ${Math.floor(i / 27) + 1}`;
      const signed = `202${4 + (i % 3)}-0${1 + (i % 9)}-15`;
      const expires = `202${6 + (i % 3)}-${String(1 + (i % 12)).padStart(2, '0')}-28`;
      agentOffice.push(i % offices.length);
      agentRows.push([
        `DL${String(i + 1).padStart(5, '0')}`, name, foldText(name), viSortKey(name), kind, i % 3 === 0 ? 'BHXH_TN' : i % 3 === 1 ? 'BHYT_HGD' : 'ALL', `${i + 1}/HĐ-BHXH`, signed, expires, office.id,
        i % 50 === 0 ? 'ended' : i % 37 === 0 ? 'suspended' : 'active', i % 10 === 0 ? 1 : 0, `Số ${i + 1} đường ${commune.name}`, null, null, null, null, 0, now, now,
      ]);
    }
    await store.bulkInsert(
      'agents',
      ['code', 'name', 'name_key', 'sort_key', 'kind', 'product', 'contract_no', 'signed_on', 'expires_on', 'office_id', 'status', 'all_communes', 'address', 'phone', 'representative', 'note', 'batch_id', 'is_demo', 'created_at', 'updated_at'],
      agentRows,
    );
    const agentIds = new Map((await store.db.selectFrom('agents').select(['id', 'code']).execute()).map((a) => [a.code, a.id]));
    const agentId = (i: number) => agentIds.get(`DL${String(i + 1).padStart(5, '0')}`)!;
    rows += agentRows.length;

    const communeRows: unknown[][] = [];
    for (let i = 0; i < AGENTS; i++) {
      if (i % 10 === 0) continue;
      const communes = offices[agentOffice[i]!]!.communes;
      const first = Math.floor(rnd() * communes.length);
      const n = 1 + Math.floor(rnd() * Math.min(3, communes.length));
      for (let k = 0; k < n; k++) communeRows.push([agentId(i), communes[(first + k) % communes.length]!.id]);
    }
    await store.bulkInsert('agent_communes', ['agent_id', 'unit_id'], communeRows);
    rows += communeRows.length;

    const pointRows: unknown[][] = [];
    for (let i = 0; i < AGENTS; i++) {
      const communes = offices[agentOffice[i]!]!.communes;
      for (let k = 0; k < POINTS_PER_AGENT; k++) {
        const commune = pick(communes, rnd());
        const name = `Điểm thu ${commune.name} ${i * POINTS_PER_AGENT + k + 1}`;
        pointRows.push([
          `DT${String(i * POINTS_PER_AGENT + k + 1).padStart(6, '0')}`, agentId(i), name, foldText(name), viSortKey(name), `Ấp ${k + 1}, ${commune.name}`, commune.id, '2024-03-01',
          k === 4 && i % 7 === 0 ? '2025-12-31' : null, k % 2, null, null, 0, now, now,
        ]);
      }
    }
    await store.bulkInsert(
      'collection_points',
      ['code', 'agent_id', 'name', 'name_key', 'sort_key', 'address', 'unit_id', 'opened_on', 'closed_on', 'signage', 'note', 'batch_id', 'is_demo', 'created_at', 'updated_at'],
      pointRows,
    );
    rows += pointRows.length;

    // Staff: valid CCCD (095, the century digit of the birth year, unique serials), mobile phones.
    const staffRows: unknown[][] = [];
    const staffCommune: number[] = [];
    for (let i = 0; i < AGENTS * STAFF_PER_AGENT; i++) {
      const agent = Math.floor(i / STAFF_PER_AGENT);
      const sex: 'M' | 'F' = rnd() < 0.6 ? 'F' : 'M';
      const name = `${pick(SURNAMES, rnd())} ${pick(sex === 'F' ? MIDDLES_F : MIDDLES_M, rnd())} ${pick(sex === 'F' ? GIVEN_F : GIVEN_M, rnd())}`;
      const birthYear = 1965 + Math.floor(rnd() * 40);
      const status = i % 33 === 0 ? 'left' : i % 41 === 0 ? 'paused' : 'active';
      const communes = offices[agentOffice[agent]!]!.communes;
      staffCommune.push(pick(communes, rnd()).id);
      staffRows.push([
        `NV${String(i + 1).padStart(6, '0')}`, name, foldText(name), personSortKey(name), i % 4 === 0 ? 'collaborator' : 'staff', birthYear, null, sex, cccdOf(birthYear, sex, i + 1),
        `09${String(10_000_000 + i * 37).slice(-8)}`, agentId(agent), i % 5 === 0 ? null : `202${3 + (i % 3)}-0${1 + (i % 9)}-10`, `TH${i + 1}`, null, status,
        `202${3 + (i % 3)}-0${1 + (i % 9)}-01`, status === 'left' ? '2026-06-30' : null, null, null, 0, now, now,
      ]);
    }
    await store.bulkInsert(
      'agent_staff',
      [
        'code', 'full_name', 'name_key', 'sort_key', 'role', 'birth_year', 'birth_date', 'sex', 'cccd', 'phone', 'agent_id', 'training_date', 'card_no', 'card_date', 'status', 'joined_on',
        'left_on', 'note', 'batch_id', 'is_demo', 'created_at', 'updated_at',
      ],
      staffRows,
    );
    rows += staffRows.length;
    const staffIds = (await store.db.selectFrom('agent_staff').select(['id', 'code']).orderBy('code').execute()).map((s) => s.id);
    await store.bulkInsert('staff_communes', ['staff_id', 'unit_id'], staffIds.map((id, i) => [id, staffCommune[i]!]));
    rows += staffIds.length;

    // Results: 24 months for most staff (one in eight has none: the inactive), in loads of 200,000 rows.
    const flowColumns = ['kind', 'period', 'level', 'owner_id', 'measure', 'value', 'batch_id', 'is_demo', 'updated_at'];
    const periods = Array.from({ length: MONTHS }, (_, k) => addMonths(LAST_MONTH, k - MONTHS + 1));
    let batch: unknown[][] = [];
    const flush = async () => {
      await store.bulkInsert('network_flows', flowColumns, batch);
      rows += batch.length;
      batch = [];
    };
    for (const [i, id] of staffIds.entries()) {
      if (i % 8 === 3) continue;
      const pace = rnd();
      for (const period of periods) {
        const newTn = Math.floor(rnd() * 4 * pace);
        const newHgd = Math.floor(rnd() * 6 * pace);
        if (newTn > 0) batch.push(['result', period, 'staff', id, 'NEW_TN', newTn, null, 0, now], ['result', period, 'staff', id, 'AMOUNT_TN', newTn * 330_000 * 12, null, 0, now]);
        if (newHgd > 0) batch.push(['result', period, 'staff', id, 'NEW_HGD', newHgd, null, 0, now], ['result', period, 'staff', id, 'AMOUNT_HGD', newHgd * 1_263_600, null, 0, now]);
      }
      if (batch.length >= 200_000) await flush();
    }
    // Year targets of staff, agents and offices.
    for (const year of ['2025', '2026']) {
      for (const id of staffIds) {
        batch.push(['target', year, 'staff', id, 'NEW_TN', 24, null, 0, now], ['target', year, 'staff', id, 'NEW_HGD', 36, null, 0, now]);
        batch.push(['target', year, 'staff', id, 'AMOUNT_TN', 24 * 3_960_000, null, 0, now], ['target', year, 'staff', id, 'AMOUNT_HGD', 36 * 1_263_600, null, 0, now]);
      }
      for (let i = 0; i < AGENTS; i++) batch.push(['target', year, 'agent', agentId(i), 'NEW_TN', 260, null, 0, now], ['target', year, 'agent', agentId(i), 'NEW_HGD', 380, null, 0, now]);
      for (const office of offices) batch.push(['target', year, 'office', office.id, 'NEW_TN', 180_000, null, 0, now], ['target', year, 'office', office.id, 'NEW_HGD', 260_000, null, 0, now]);
    }
    await flush();
  });
  return { rows, officeCode: '9901', agentCode: 'DL00005' };
}

export async function benchNetwork(env: BenchEnv): Promise<void> {
  const core = await env.open('network');
  const store = core.store()!;
  const demo = await core.dispatch('demo:load', {});
  if (!demo.ok) throw new Error(demo.error.message);
  const start = performance.now();
  const { rows, officeCode, agentCode } = await seed(core, store);
  env.log(`seed 2.000 agents, 10.000 points, 20.000 staff, 24 months (${rows.toLocaleString('vi-VN')} rows, bulk)`, performance.now() - start);
  if (env.engine === 'postgres') {
    const t = performance.now();
    await sql`VACUUM (ANALYZE) agents, agent_communes, collection_points, agent_staff, staff_communes, network_flows`.execute(store.db);
    env.log('VACUUM (ANALYZE) after the load, as autovacuum would', performance.now() - t);
  }
  // SQLite is timed as the app runs it: the app never runs ANALYZE, so the planner has no statistics.

  const slow: string[] = [];
  const time = async <C extends Channel>(label: string, channel: C, request: RequestOf<C>) => {
    const times: number[] = [];
    const cpu: number[] = [];
    let statements = 0;
    for (let run = 0; run < RUNS; run++) {
      const before = store.queryCount;
      const t = performance.now();
      const c = process.cpuUsage();
      const res = await core.dispatch(channel, request);
      times.push(performance.now() - t);
      const used = process.cpuUsage(c);
      cpu.push((used.user + used.system) / 1000);
      if (!res.ok) throw new Error(`${label}: ${res.error.message}`);
      statements = store.queryCount - before;
    }
    const mid = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]!;
    const median = mid(times);
    env.log(`${label} (median of ${RUNS}, ${statements} câu lệnh)`, median);
    // On a shared machine the wall clock waits for the CPU; the app process's own CPU time tells the two apart
    // (on SQLite it is the whole request; on PostgreSQL the server's share is not in it).
    env.log(`  CPU of the app process — ${label}`, mid(cpu));
    if (median > TARGET_MS) slow.push(label);
  };

  await time('agents:search page 1', 'agents:search', {});
  await time('agents:search "buu dien" (text)', 'agents:search', { query: 'buu dien' });
  await time('agents:search kind WOMEN', 'agents:search', { kind: 'WOMEN' });
  await time('agents:search sort by name', 'agents:search', { sort: 'name' });
  await time('staff:search page 1', 'staff:search', {});
  await time('staff:search "nguyen thi lan" (name)', 'staff:search', { query: 'nguyen thi lan' });
  await time(`staff:search agent ${agentCode}`, 'staff:search', { agentCode });
  await time('points:search page 1', 'points:search', {});
  await time('network:ranking staff by result', 'network:ranking', { period: LAST_MONTH, level: 'staff', measure: 'NEW_TN' });
  await time('network:ranking staff by progress', 'network:ranking', { period: LAST_MONTH, level: 'staff', measure: 'NEW_TN', by: 'progress' });
  await time('network:ranking agents', 'network:ranking', { period: LAST_MONTH, level: 'agent', measure: 'NEW_HGD' });
  await time('network:ranking inactiveOnly', 'network:ranking', { period: LAST_MONTH, level: 'staff', inactiveOnly: true });
  await time('network:overview whole province', 'network:overview', { period: LAST_MONTH });
  await time(`network:flows office ${officeCode}`, 'network:flows', { month: LAST_MONTH, officeCode });
  env.note(slow.length ? `Above ${TARGET_MS} ms: ${slow.join('; ')}` : `Every request within ${TARGET_MS} ms.`);
  await core.close();
}
