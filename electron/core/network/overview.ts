import type { CommuneCoverage, FlowValues, KindCount, NetworkOverview, ParsedRequestOf } from '../../../shared/contract';
import { activityFlag, expiryFlag } from '../../../shared/calc/network';
import { AGENT_KINDS, MIN_AGENT_KINDS_PER_COMMUNE, type AgentKind, type FlowMeasure, type StaffStatus } from '../../../shared/domain/network';
import { addMonths, monthBounds } from '../../../shared/domain/periods';
import { unitNameKey } from '../../../shared/text/fold';
import { localToday, type CoreContext } from '../app/context';
import { readSettings } from '../app/settings';
import { ResultRepository } from '../results/repository';
import { UnitRepository } from '../units/repository';
import { FlowRepository } from './flowRepository';
import { officeIdOf } from './lookups';
import { OverviewRepository } from './overviewRepository';

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
  const repo = new OverviewRepository(ctx.store);
  const officeId = office?.id ?? null;
  const agents = await repo.agents(officeId);
  const agentIds = new Set(agents.map((a) => a.id));
  const kindOf = new Map(agents.map((a) => [a.id, a.kind as AgentKind]));

  const settings = await readSettings(ctx.store);
  const [points, staff, agentCommunes, memberships, communeList, results, staffResults, staffCommunes, quiet, population] = await Promise.all([
    repo.openPoints(asOf),
    repo.staffPerAgent(asOf),
    repo.agentCommunes(),
    repo.memberships(asOf),
    new UnitRepository(ctx.store).list({ asOf, level: 'commune' }),
    repo.agentResults(req.period),
    new FlowRepository(ctx.store).staffByAgent({ kind: 'result', agentIds: null, from: req.period, to: req.period }),
    repo.staffPerCommune(asOf, officeId),
    // Only those without a new participant in the window leave the engine; the shared rule decides which of them are inactive.
    repo.quietStaff(asOf, officeId, addMonths(req.period, -(settings.inactiveMonths - 1)), req.period),
    populationOn(ctx, asOf),
  ]);
  // By name without its Xã/Phường prefix, as the commune lists of the catalogue are.
  const key = new Map(communeList.map((c) => [c.id, unitNameKey(c.name)]));
  const communes = [...communeList].sort((a, b) => (key.get(a.id)! < key.get(b.id)! ? -1 : key.get(a.id)! > key.get(b.id)! ? 1 : 0));

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
    const flag = expiryFlag(a.expiresOn, today);
    if (flag) expiring[flag]++;
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
