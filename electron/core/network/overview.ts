import { sql, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { CommuneCoverage, FlowValues, KindCount, NetworkOverview, ParsedRequestOf } from '../../../shared/contract';
import { activityFlag } from '../../../shared/calc/network';
import { AGENT_KINDS, MIN_AGENT_KINDS_PER_COMMUNE, type AgentKind, type FlowMeasure, type StaffStatus } from '../../../shared/domain/network';
import { addMonths, monthBounds } from '../../../shared/domain/periods';
import { localToday, type CoreContext } from '../app/context';
import { readSettings } from '../app/settings';
import { ResultRepository } from '../results/repository';
import type { Schema } from '../db/schema';
import { addDays, servesOn } from './agentRepository';
import { FlowRepository } from './flowRepository';
import { officeIdOf } from './lookups';

/**
 * The network at a glance for a month: agents, open points and working staff by agent kind with
 * the month's results; communes without a point, served by fewer than 3 kinds, and people per
 * trained staff member; contracts running out; inactive staff. A fixed number of grouped reads.
 */
export async function networkOverview(ctx: CoreContext, req: ParsedRequestOf<'network:overview'>): Promise<NetworkOverview> {
  const today = localToday(ctx.now());
  const monthEnd = monthBounds(req.period).to;
  const asOf = monthEnd < today ? monthEnd : today;
  const office = await officeIdOf(ctx.store, req.officeCode);
  const db = ctx.store.db;

  let agentsQ = db.selectFrom('agents as a').select(['a.id', 'a.kind', 'a.office_id as officeId', 'a.all_communes as allCommunes', 'a.expires_on as expiresOn', 'a.status']);
  if (office) agentsQ = agentsQ.where('a.office_id', '=', office.id);
  const agents = (await agentsQ.execute()).filter((a) => a.status !== 'ended');
  const agentIds = new Set(agents.map((a) => a.id));
  const kindOf = new Map(agents.map((a) => [a.id, a.kind as AgentKind]));

  const [points, staff, agentCommunes, memberships, communes, results, staffResults, settings] = await Promise.all([
    db
      .selectFrom('collection_points')
      .select(['agent_id as agentId', 'unit_id as unitId'])
      .where((eb) => eb.and([eb.or([eb('opened_on', 'is', null), eb('opened_on', '<=', asOf)]), eb.or([eb('closed_on', 'is', null), eb('closed_on', '>=', asOf)])]))
      .execute(),
    // Counted in the engine: a province's 20,000 staff never leave it as rows.
    db
      .selectFrom('agent_staff')
      .select(['agent_id as agentId', (eb) => eb.fn.countAll<number>().as('staff'), sql<number>`SUM(CASE WHEN training_date <= ${asOf} THEN 1 ELSE 0 END)`.as('trained')])
      .where('status', '!=', 'left')
      .where((eb) => eb.or([eb('joined_on', 'is', null), eb('joined_on', '<=', asOf)]))
      .groupBy('agent_id')
      .execute(),
    db.selectFrom('agent_communes').select(['agent_id as agentId', 'unit_id as unitId']).execute(),
    db.selectFrom('office_units').innerJoin('offices as o', 'o.id', 'office_units.office_id').select(['office_units.office_id as officeId', 'office_units.unit_id as unitId', 'o.name as officeName']).where((eb) => servesOn(eb, asOf)).execute(),
    db
      .selectFrom('units')
      .select(['id', 'code', 'name', 'name_key'])
      .where('level', '=', 'commune')
      .where((eb) => eb.and([eb.or([eb('valid_from', 'is', null), eb('valid_from', '<=', asOf)]), eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', asOf)])]))
      .orderBy('name_key')
      .execute(),
    db.selectFrom('network_flows').select(['owner_id as ownerId', 'measure', 'value']).where('kind', '=', 'result').where('level', '=', 'agent').where('period', '=', req.period).execute(),
    new FlowRepository(ctx.store).staffByAgent({ kind: 'result', agentIds: null, from: req.period, to: req.period }),
    readSettings(ctx.store),
  ]);
  const quietFrom = addMonths(req.period, -(settings.inactiveMonths - 1));
  const scopeAgents = (eb: ExpressionBuilder<Schema, 'agent_staff'>) =>
    eb('agent_staff.agent_id', 'in', eb.selectFrom('agents').select('agents.id').where('agents.status', '!=', 'ended').where((e) => (office ? e('agents.office_id', '=', office.id) : sql<SqlBool>`1 = 1`)));
  const working = (eb: ExpressionBuilder<Schema, 'agent_staff'>) =>
    eb.and([eb('agent_staff.status', '!=', 'left'), eb.or([eb('agent_staff.joined_on', 'is', null), eb('agent_staff.joined_on', '<=', asOf)]), scopeAgents(eb)]);
  const [staffCommunes, quiet, population] = await Promise.all([
    db
      .selectFrom('staff_communes as sc')
      .innerJoin('agent_staff', 'agent_staff.id', 'sc.staff_id')
      .select(['sc.unit_id as unitId', (eb) => eb.fn.countAll<number>().as('staff'), sql<number>`SUM(CASE WHEN agent_staff.training_date <= ${asOf} THEN 1 ELSE 0 END)`.as('trained')])
      .where(working)
      .groupBy('sc.unit_id')
      .execute(),
    // Only those without a new participant in the window leave the engine; the shared rule decides which of them are inactive.
    db
      .selectFrom('agent_staff')
      .select(['agent_staff.status', 'agent_staff.joined_on as joinedOn', 'agent_staff.left_on as leftOn'])
      .where(working)
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('network_flows as n')
              .select('n.owner_id')
              .whereRef('n.owner_id', '=', 'agent_staff.id')
              .where('n.kind', '=', 'result')
              .where('n.level', '=', 'staff')
              .where('n.measure', 'in', ['NEW_TN', 'NEW_HGD'])
              .where('n.period', '>=', quietFrom)
              .where('n.period', '<=', req.period)
              .where('n.value', '>', 0),
          ),
        ),
      )
      .execute(),
    populationOn(ctx, asOf),
  ]);

  const officeOfUnit = new Map(memberships.map((m) => [m.unitId, m]));
  const scopeCommunes = office ? communes.filter((c) => officeOfUnit.get(c.id)?.officeId === office.id) : communes;

  const byKind = new Map<AgentKind, KindCount>(AGENT_KINDS.map((k) => [k, { kind: k, agents: 0, points: 0, staff: 0, trainedStaff: 0, results: {} }]));
  for (const a of agents) byKind.get(a.kind as AgentKind)!.agents++;
  for (const p of points) if (agentIds.has(p.agentId)) byKind.get(kindOf.get(p.agentId)!)!.points++;
  for (const s of staff) {
    if (!agentIds.has(s.agentId)) continue;
    const k = byKind.get(kindOf.get(s.agentId)!)!;
    k.staff += Number(s.staff);
    k.trainedStaff += Number(s.trained ?? 0);
  }
  const addResult = (into: FlowValues, m: string, v: number) => (into[m as FlowMeasure] = (into[m as FlowMeasure] ?? 0) + Number(v));
  for (const r of [...results, ...staffResults]) if (agentIds.has(r.ownerId)) addResult(byKind.get(kindOf.get(r.ownerId)!)!.results, r.measure, r.value);

  // Which kinds serve each commune: named communes, every commune of the office, points in it.
  const kindsIn = new Map<number, Set<AgentKind>>();
  const mark = (unitId: number | null, agentId: number) => {
    if (unitId === null || !agentIds.has(agentId)) return;
    (kindsIn.get(unitId) ?? kindsIn.set(unitId, new Set()).get(unitId)!).add(kindOf.get(agentId)!);
  };
  for (const ac of agentCommunes) mark(ac.unitId, ac.agentId);
  for (const p of points) mark(p.unitId, p.agentId);
  const allCommuneAgents = agents.filter((a) => a.allCommunes === 1 && a.officeId !== null);
  for (const m of memberships) for (const a of allCommuneAgents) if (a.officeId === m.officeId) mark(m.unitId, a.id);
  const pointsIn = countBy(points.filter((p) => agentIds.has(p.agentId)).map((p) => p.unitId));
  const staffIn = new Map(staffCommunes.map((sc) => [sc.unitId, { staff: Number(sc.staff), trained: Number(sc.trained ?? 0) }]));
  const communeRows: CommuneCoverage[] = scopeCommunes.map((c) => {
    const kinds = [...(kindsIn.get(c.id) ?? [])].sort((a, b) => AGENT_KINDS.indexOf(a) - AGENT_KINDS.indexOf(b));
    const st = staffIn.get(c.id) ?? { staff: 0, trained: 0 };
    const pop = population.get(c.id) ?? null;
    const nPoints = pointsIn.get(c.id) ?? 0;
    return {
      code: c.code, name: c.name, officeName: officeOfUnit.get(c.id)?.officeName ?? null, points: nPoints, kinds, staff: st.staff, trainedStaff: st.trained, population: pop,
      peoplePerStaff: pop !== null && st.trained > 0 ? Math.round(pop / st.trained) : null, noPoint: nPoints === 0, fewKinds: kinds.length < MIN_AGENT_KINDS_PER_COMMUNE,
    };
  });

  const kinds = [...byKind.values()].filter((k) => k.agents > 0 || k.points > 0 || k.staff > 0);
  const totals = kinds.reduce<Omit<KindCount, 'kind'>>(
    (t, k) => {
      const r = { ...t.results };
      for (const [m, v] of Object.entries(k.results)) addResult(r, m, v);
      return { agents: t.agents + k.agents, points: t.points + k.points, staff: t.staff + k.staff, trainedStaff: t.trainedStaff + k.trainedStaff, results: r };
    },
    { agents: 0, points: 0, staff: 0, trainedStaff: 0, results: {} },
  );
  const inactiveStaff = quiet.filter((s) => activityFlag({ status: s.status as StaffStatus, joinedOn: s.joinedOn, leftOn: s.leftOn, newByMonth: new Map() }, req.period, settings.inactiveMonths) === 'inactive').length;
  const expiring = { expired: 0, within30: 0, within60: 0 };
  for (const a of agents) {
    if (!a.expiresOn) continue;
    if (a.expiresOn < today) expiring.expired++;
    else if (a.expiresOn <= addDays(today, 30)) expiring.within30++;
    else if (a.expiresOn <= addDays(today, 60)) expiring.within60++;
  }
  return {
    period: req.period, asOf, officeCode: req.officeCode ?? null, officeName: office?.name ?? null, byKind: kinds, totals, communes: communeRows,
    communesWithoutPoint: communeRows.filter((c) => c.noPoint).length, communesWithFewKinds: communeRows.filter((c) => c.fewKinds).length, inactiveStaff,
    inactiveMonths: settings.inactiveMonths, expiring,
  };
}

function countBy(ids: (number | null)[]): Map<number, number> {
  const out = new Map<number, number>();
  for (const id of ids) if (id !== null) out.set(id, (out.get(id) ?? 0) + 1);
  return out;
}

/** Each commune's population: its latest figure in the twelve months up to `day`. */
async function populationOn(ctx: CoreContext, day: string): Promise<Map<number, number>> {
  const rows = await new ResultRepository(ctx.store).inSpans([{ from: `${addMonths(day.slice(0, 7), -11)}-01`, to: day, codes: ['POP'] }]);
  const out = new Map<number, number>();
  // Oldest first: the last write per unit is its latest figure.
  for (const r of rows) out.set(r.unitId, r.value);
  return out;
}
