import type { Page, ParsedRequestOf, RankingRow } from '../../../shared/contract';
import { activityFlag, monthCommission } from '../../../shared/calc/network';
import { progress } from '../../../shared/calc/progress';
import type { AgentKind, FlowMeasure, StaffStatus } from '../../../shared/domain/network';
import { addMonths } from '../../../shared/domain/periods';
import { type CoreContext } from '../app/context';
import { readSettings } from '../app/settings';
import { asRates, commissionRates } from './commission';
import { FlowRepository } from './flowRepository';

interface Candidate {
  id: number;
  code: string;
  name: string;
  sortKey: string;
  agentCode: string | null;
  agentName: string | null;
  kind: AgentKind;
  status: StaffStatus | null;
  joinedOn: string | null;
  leftOn: string | null;
  result: number;
  cumulative: number;
  target: number | null;
  progress: number | null;
}

/**
 * Agents or staff ranked on one measure: by the month's result or by year-to-date progress
 * against the year's target. Everyone in scope is scored from three grouped reads; names,
 * commission and activity are read for the page only.
 */
export async function networkRanking(ctx: CoreContext, req: ParsedRequestOf<'network:ranking'>): Promise<Page<RankingRow>> {
  const month = req.period;
  const year = Number(month.slice(0, 4));
  const from = `${year}-01`;
  const measure: FlowMeasure = req.measure ?? 'NEW_TN';
  const level = req.level;
  const flows = new FlowRepository(ctx.store);
  const inactiveMonths = (await readSettings(ctx.store)).inactiveMonths;
  const windowFrom = addMonths(month, -(inactiveMonths - 1));

  const candidates = level === 'staff' ? await staffCandidates(ctx, req) : await agentCandidates(ctx, req);
  const [totals, rolled, targets] = await Promise.all([
    flows.totals({ level, measure, from, month }),
    level === 'agent' ? flows.staffTotalsByAgent({ measure, from, month }) : Promise.resolve(new Map<number, { result: number; cumulative: number }>()),
    flows.targets(level, measure, year),
  ]);
  for (const c of candidates) {
    const own = totals.get(c.id);
    const staff = rolled.get(c.id);
    c.result = (own?.result ?? 0) + (staff?.result ?? 0);
    c.cumulative = (own?.cumulative ?? 0) + (staff?.cumulative ?? 0);
    c.target = targets.get(c.id) ?? null;
    c.progress = progress(c.cumulative, c.target);
  }
  let pool = candidates;
  let windows: Map<number, Map<string, number>> | null = null;
  if (req.inactiveOnly && level === 'staff') {
    windows = await flows.newByMonth('staff', windowFrom, month, null);
    pool = candidates.filter((c) => activityOf(c, windows!, month, inactiveMonths) === 'inactive');
  }
  const score = (c: Candidate) => (req.by === 'progress' ? c.progress ?? -1 : c.result);
  pool.sort((a, b) => score(b) - score(a) || b.cumulative - a.cumulative || (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0));
  // Competition ranking: equal scores share a rank (1, 2, 2, 4).
  const ranks: number[] = [];
  pool.forEach((c, i) => ranks.push(i > 0 && score(pool[i - 1]!) === score(c) ? ranks[i - 1]! : i + 1));
  const offset = req.offset ?? 0;
  const limit = req.limit ?? 50;
  const page = pool.slice(offset, offset + limit);
  const ids = page.map((c) => c.id);
  const rates = asRates(await commissionRates(ctx.store));
  const [monthValues, monthRolled, pageWindows, last] = await Promise.all([
    flows.values({ kind: 'result', level, ownerIds: ids, from: month, to: month }),
    level === 'agent' ? flows.staffByAgent({ kind: 'result', agentIds: ids, from: month, to: month }) : Promise.resolve([]),
    level === 'staff' && !windows ? flows.newByMonth('staff', windowFrom, month, ids) : Promise.resolve(windows),
    flows.lastActive(level, ids, month),
  ]);
  const byOwner = new Map<number, Partial<Record<FlowMeasure, number>>>();
  for (const v of [...monthValues, ...monthRolled]) {
    const slot = byOwner.get(v.ownerId) ?? byOwner.set(v.ownerId, {}).get(v.ownerId)!;
    slot[v.measure] = (slot[v.measure] ?? 0) + v.value;
  }
  return {
    items: page.map((c, i) => ({
      rank: ranks[offset + i]!, level, code: c.code, name: c.name, agentCode: c.agentCode, agentName: c.agentName, kind: c.kind, result: c.result, cumulative: c.cumulative,
      target: c.target, progress: c.progress, commission: monthCommission(month, byOwner.get(c.id) ?? {}, rates).total,
      activity: level === 'staff' ? activityOf(c, pageWindows ?? new Map(), month, inactiveMonths) : null, lastActiveMonth: last.get(c.id) ?? null,
    })),
    total: pool.length,
    offset,
    limit,
  };
}

function activityOf(c: Candidate, windows: Map<number, Map<string, number>>, month: string, months: number) {
  return activityFlag({ status: c.status ?? 'active', joinedOn: c.joinedOn, leftOn: c.leftOn, newByMonth: windows.get(c.id) ?? new Map() }, month, months);
}

async function staffCandidates(ctx: CoreContext, req: ParsedRequestOf<'network:ranking'>): Promise<Candidate[]> {
  let query = ctx.store.db
    .selectFrom('agent_staff as s')
    .innerJoin('agents as a', 'a.id', 's.agent_id')
    .leftJoin('offices as o', 'o.id', 'a.office_id')
    .select(['s.id', 's.code', 's.full_name as name', 's.sort_key as sortKey', 'a.code as agentCode', 'a.name as agentName', 'a.kind', 's.status', 's.joined_on as joinedOn', 's.left_on as leftOn'])
    .where('s.status', '!=', 'left');
  if (req.officeCode) query = query.where('o.code', '=', req.officeCode);
  if (req.kind) query = query.where('a.kind', '=', req.kind);
  return (await query.execute()).map((r) => ({ ...r, kind: r.kind as AgentKind, status: r.status as StaffStatus, result: 0, cumulative: 0, target: null, progress: null }));
}

async function agentCandidates(ctx: CoreContext, req: ParsedRequestOf<'network:ranking'>): Promise<Candidate[]> {
  let query = ctx.store.db
    .selectFrom('agents as a')
    .leftJoin('offices as o', 'o.id', 'a.office_id')
    .select(['a.id', 'a.code', 'a.name', 'a.sort_key as sortKey', 'a.kind'])
    .where('a.status', '!=', 'ended');
  if (req.officeCode) query = query.where('o.code', '=', req.officeCode);
  if (req.kind) query = query.where('a.kind', '=', req.kind);
  return (await query.execute()).map((r) => ({ ...r, kind: r.kind as AgentKind, agentCode: null, agentName: null, status: null, joinedOn: null, leftOn: null, result: 0, cumulative: 0, target: null, progress: null }));
}
