import { AppError, type FlowLevel, type FlowRow, type FlowSaveOutcome, type FlowTable, type FlowValues, type ParsedRequestOf } from '../../../shared/contract';
import { unallocated } from '../../../shared/calc/apportion';
import { activityFlag, flowValueProblem, monthCommission } from '../../../shared/calc/network';
import { FLOW_MEASURE_DEFS, FLOW_MEASURES, type FlowMeasure } from '../../../shared/domain/network';
import { addMonths, monthLabel } from '../../../shared/domain/periods';
import { futureMonthMessage } from '../../../shared/calc/valueRules';
import { formatCount, formatMoney } from '../../../shared/format/vi';
import { recordAudit } from '../audit/audit';
import { isoNow, localToday, type CoreContext } from '../app/context';
import { readSettings } from '../app/settings';
import { AgentRepository, type AgentRow } from './agentRepository';
import { asRates, commissionRates } from './commission';
import { FlowRepository, type FlowValue } from './flowRepository';
import { officeIdOf } from './lookups';
import { OfficeRepository } from '../offices/repository';
import { StaffRepository } from './staffRepository';

const add = (into: FlowValues, measure: FlowMeasure, value: number) => {
  into[measure] = (into[measure] ?? 0) + value;
};

/** Values of one owner: the month's, and January to the month. */
function fold(values: FlowValue[], month: string): Map<number, { result: FlowValues; cumulative: FlowValues }> {
  const out = new Map<number, { result: FlowValues; cumulative: FlowValues }>();
  for (const v of values) {
    const slot = out.get(v.ownerId) ?? out.set(v.ownerId, { result: {}, cumulative: {} }).get(v.ownerId)!;
    add(slot.cumulative, v.measure, v.value);
    if (v.period === month) add(slot.result, v.measure, v.value);
  }
  return out;
}

function targetsOf(values: FlowValue[]): Map<number, FlowValues> {
  const out = new Map<number, FlowValues>();
  for (const v of values) add(out.get(v.ownerId) ?? out.set(v.ownerId, {}).get(v.ownerId)!, v.measure, v.value);
  return out;
}

function merge(a: FlowValues | undefined, b: FlowValues | undefined): FlowValues {
  const out: FlowValues = { ...(a ?? {}) };
  for (const [m, v] of Object.entries(b ?? {})) add(out, m as FlowMeasure, v);
  return out;
}

function gap(parent: FlowValues | undefined, children: (FlowValues | undefined)[]): FlowRow['unallocated'] {
  const out: FlowRow['unallocated'] = {};
  for (const m of FLOW_MEASURES) {
    if (parent?.[m] === undefined) continue;
    out[m] = unallocated(parent[m], children.map((c) => c?.[m]));
  }
  return out;
}

/**
 * The allocation table: an office's (or every office's) year targets with what its agents were
 * given and what is left; each agent's targets, month and year-to-date results (its own plus its
 * staff's) and commission; with `agentCode`, that agent and its staff. A constant number of
 * queries per page.
 */
export async function networkFlows(ctx: CoreContext, req: ParsedRequestOf<'network:flows'>): Promise<FlowTable> {
  const month = req.month;
  const year = Number(month.slice(0, 4));
  const from = `${year}-01`;
  const agents = new AgentRepository(ctx.store);
  const flows = new FlowRepository(ctx.store);
  const rates = asRates(await commissionRates(ctx.store));
  const commission = (v: FlowValues) => monthCommission(month, v, rates).total;
  const offset = req.offset ?? 0;
  const limit = req.limit ?? 100;
  const rows: FlowRow[] = [];

  if (req.agentCode) {
    const agent = await agents.byCode(req.agentCode);
    if (!agent) throw new AppError('NOT_FOUND', `Không có tổ chức dịch vụ thu mã "${req.agentCode}".`);
    const staff = await new StaffRepository(ctx.store).staffOfAgents([agent.id]);
    const ids = staff.map((s) => s.id);
    const [agentTargets, agentOwn, staffTargets, staffResults, inactive] = await Promise.all([
      flows.values({ kind: 'target', level: 'agent', ownerIds: [agent.id], from: String(year), to: String(year) }),
      flows.values({ kind: 'result', level: 'agent', ownerIds: [agent.id], from, to: month }),
      flows.values({ kind: 'target', level: 'staff', ownerIds: ids, from: String(year), to: String(year) }),
      flows.values({ kind: 'result', level: 'staff', ownerIds: ids, from, to: month }),
      readSettings(ctx.store).then((s) => s.inactiveMonths),
    ]);
    const window = await flows.newByMonth('staff', addMonths(month, -(inactive - 1)), month, ids);
    const sT = targetsOf(staffTargets);
    const sR = fold(staffResults, month);
    const aT = targetsOf(agentTargets).get(agent.id);
    const own = fold(agentOwn, month).get(agent.id);
    const agentResult = merge(own?.result, mergeAll([...sR.values()].map((x) => x.result)));
    rows.push({
      level: 'agent', code: agent.code, name: agent.name, parentCode: agent.officeCode, kind: agent.kind, target: aT ?? {}, result: agentResult,
      cumulative: merge(own?.cumulative, mergeAll([...sR.values()].map((x) => x.cumulative))), unallocated: gap(aT, ids.map((id) => sT.get(id))), commission: commission(agentResult), activity: null,
    });
    for (const s of staff) {
      const r = sR.get(s.id);
      rows.push({
        level: 'staff', code: s.code, name: s.fullName, parentCode: agent.code, kind: agent.kind, target: sT.get(s.id) ?? {}, result: r?.result ?? {}, cumulative: r?.cumulative ?? {},
        unallocated: {}, commission: commission(r?.result ?? {}), activity: activityFlag({ status: s.status, joinedOn: s.joinedOn, leftOn: s.leftOn, newByMonth: window.get(s.id) ?? new Map() }, month, inactive),
      });
    }
    return { year, month, rows, totalAgents: 1, offset: 0, limit: 1 };
  }

  const office = await officeIdOf(ctx.store, req.officeCode);
  const page = await agents.page({ officeCode: req.officeCode, sort: 'name', offset, limit }, localToday(ctx.now()));
  const byCode = await agents.byCodes(page.items.map((a) => a.code));
  const pageAgents = page.items.map((a) => byCode.get(a.code)!);
  const ids = pageAgents.map((a) => a.id);
  // Offices in scope: the one asked, or every office with agents.
  const officeRows = office
    ? [{ id: office.id, code: req.officeCode!, name: office.name }]
    : await agents.officesWithAgents();
  const officeIds = officeRows.map((o) => o.id);
  const allAgentsOfOffices = await agents.ofOffices(officeIds);
  const [officeTargets, agentTargetsAll, agentOwn, staffRolled, staffTargetsByAgent] = await Promise.all([
    flows.values({ kind: 'target', level: 'office', ownerIds: officeIds, from: String(year), to: String(year) }),
    flows.values({ kind: 'target', level: 'agent', ownerIds: [...new Set([...ids, ...allAgentsOfOffices.map((a) => a.id)])], from: String(year), to: String(year) }),
    flows.values({ kind: 'result', level: 'agent', ownerIds: ids, from, to: month }),
    flows.staffByAgent({ kind: 'result', agentIds: ids, from, to: month }),
    flows.staffByAgent({ kind: 'target', agentIds: ids, from: String(year), to: String(year) }),
  ]);
  const oT = targetsOf(officeTargets);
  const aT = targetsOf(agentTargetsAll);
  const own = fold(agentOwn, month);
  const rolled = fold(staffRolled, month);
  const sT = targetsOf(staffTargetsByAgent);
  for (const o of officeRows) {
    const children = allAgentsOfOffices.filter((a) => a.officeId === o.id).map((a) => aT.get(a.id));
    rows.push({ level: 'office', code: o.code, name: o.name, parentCode: null, kind: null, target: oT.get(o.id) ?? {}, result: {}, cumulative: {}, unallocated: gap(oT.get(o.id), children), commission: 0, activity: null });
  }
  for (const a of pageAgents) rows.push(agentRow(a, aT.get(a.id), own.get(a.id), rolled.get(a.id), sT.get(a.id), commission));
  return { year, month, rows, totalAgents: page.total, offset, limit };
}

function mergeAll(list: FlowValues[]): FlowValues {
  return list.reduce((acc, v) => merge(acc, v), {} as FlowValues);
}

function agentRow(
  a: AgentRow, target: FlowValues | undefined, own: { result: FlowValues; cumulative: FlowValues } | undefined, staff: { result: FlowValues; cumulative: FlowValues } | undefined,
  staffTargets: FlowValues | undefined, commission: (v: FlowValues) => number,
): FlowRow {
  const result = merge(own?.result, staff?.result);
  return {
    level: 'agent', code: a.code, name: a.name, parentCode: a.officeCode, kind: a.kind, target: target ?? {}, result, cumulative: merge(own?.cumulative, staff?.cumulative),
    unallocated: gap(target, [staffTargets]), commission: commission(result), activity: null,
  };
}

const LEVEL_LABEL: Record<FlowLevel, string> = { office: 'cơ quan', agent: 'tổ chức dịch vụ thu', staff: 'nhân viên' };

/**
 * Saves targets of a year or results of a month in one transaction with one audit row. Every
 * figure passes the shared flow rule; after the write, the sum check: an office or agent whose
 * children were given more than its own target is named in the warnings.
 */
export async function setFlows(ctx: CoreContext, req: ParsedRequestOf<'network:setFlows'>): Promise<FlowSaveOutcome> {
  const period = req.kind === 'target' ? String(req.year) : req.month!;
  if (req.kind === 'result') {
    const future = futureMonthMessage(req.month!, localToday(ctx.now()));
    if (future) throw new AppError('VALIDATION', future, { field: 'month' });
  }
  const resolved = new Map<FlowLevel, Map<string, { id: number; name: string; parentId: number | null }>>();
  for (const level of ['office', 'agent', 'staff'] as const) {
    const codes = req.entries.filter((e) => e.level === level).map((e) => e.code);
    if (codes.length > 0) resolved.set(level, await new FlowRepository(ctx.store).owners(level, codes));
  }
  const writes = req.entries.map((e, i) => {
    const owner = resolved.get(e.level)?.get(e.code);
    if (!owner) throw new AppError('VALIDATION', `Không có ${LEVEL_LABEL[e.level]} mã "${e.code}".`, { index: i });
    if (e.value !== null) {
      const problem = flowValueProblem(FLOW_MEASURE_DEFS[e.measure].kind, e.value);
      if (problem) throw new AppError('VALIDATION', `${owner.name}, ${FLOW_MEASURE_DEFS[e.measure].shortLabel}: ${problem}`, { index: i, code: e.code, measure: e.measure });
    }
    return { level: e.level, ownerId: owner.id, measure: e.measure, value: e.value };
  });
  const what = req.kind === 'target' ? `chỉ tiêu năm ${req.year}` : `kết quả tháng ${monthLabel(req.month!)}`;
  const names = [...new Set(req.entries.map((e) => resolved.get(e.level)!.get(e.code)!.name))];
  await ctx.store.transaction(async () => {
    await new FlowRepository(ctx.store).write(req.kind, period, writes, isoNow(ctx));
    await recordAudit(ctx.store, ctx.actor, {
      action: req.kind, entity: 'network_flow', entityKey: period,
      summary: `Ghi ${what} của ${names.slice(0, 3).join(', ')}${names.length > 3 ? ` và ${names.length - 3} người/đơn vị khác` : ''} (${formatCount(writes.length)} số liệu)`,
    }, ctx.now());
  });
  ctx.events.emit({ type: 'data-changed', area: 'network' });
  const warnings = req.kind === 'target' ? await overAllocation(ctx, req.year!, [...resolved.entries()]) : [];
  return { saved: writes.length, warnings };
}

/** Offices and agents touched (directly or through a child) whose children got more than they have. */
async function overAllocation(ctx: CoreContext, year: number, touched: [FlowLevel, Map<string, { id: number; name: string; parentId: number | null }>][]): Promise<string[]> {
  const officeIds = new Set<number>();
  const agentIds = new Set<number>();
  for (const [level, owners] of touched) {
    for (const o of owners.values()) {
      if (level === 'office') officeIds.add(o.id);
      if (level === 'agent') {
        agentIds.add(o.id);
        if (o.parentId !== null) officeIds.add(o.parentId);
      }
      if (level === 'staff' && o.parentId !== null) agentIds.add(o.parentId);
    }
  }
  const flows = new FlowRepository(ctx.store);
  const y = String(year);
  const out: string[] = [];
  if (officeIds.size > 0) {
    const offices = (await new OfficeRepository(ctx.store).all()).filter((o) => officeIds.has(o.id));
    const children = await new AgentRepository(ctx.store).ofOffices([...officeIds]);
    const [oT, aT] = await Promise.all([
      flows.values({ kind: 'target', level: 'office', ownerIds: [...officeIds], from: y, to: y }).then(targetsOf),
      flows.values({ kind: 'target', level: 'agent', ownerIds: children.map((c) => c.id), from: y, to: y }).then(targetsOf),
    ]);
    for (const o of offices) out.push(...overText(o.name, 'các tổ chức dịch vụ thu', gap(oT.get(o.id), children.filter((c) => c.officeId === o.id).map((c) => aT.get(c.id)))));
  }
  if (agentIds.size > 0) {
    const agents = await flows.ownerNames('agent', [...agentIds]);
    const [aT, sT] = await Promise.all([
      flows.values({ kind: 'target', level: 'agent', ownerIds: [...agentIds], from: y, to: y }).then(targetsOf),
      flows.staffByAgent({ kind: 'target', agentIds: [...agentIds], from: y, to: y }).then(targetsOf),
    ]);
    for (const a of agents) out.push(...overText(a.name, 'nhân viên', gap(aT.get(a.id), [sT.get(a.id)])));
  }
  return out;
}

function overText(name: string, children: string, left: FlowRow['unallocated']): string[] {
  return Object.entries(left)
    .filter(([, v]) => v !== null && v !== undefined && v < 0)
    .map(([m, v]) => {
      const def = FLOW_MEASURE_DEFS[m as FlowMeasure];
      const amount = def.kind === 'money' ? formatMoney(-v!) : `${formatCount(-v!)} người`;
      return `${name}: đã giao cho ${children} nhiều hơn chỉ tiêu ${def.shortLabel} của mình ${amount}.`;
    });
}
