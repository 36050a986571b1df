import type { Page, ParsedRequestOf, RankingRow } from '../../../shared/contract';
import { activityFlag, monthCommission } from '../../../shared/calc/network';
import type { FlowMeasure } from '../../../shared/domain/network';
import { addMonths } from '../../../shared/domain/periods';
import { type CoreContext } from '../app/context';
import { readSettings } from '../app/settings';
import { asRates, commissionRates } from './commission';
import { FlowRepository } from './flowRepository';
import { scoredPage, type ScoredRow } from './rankingQuery';

/**
 * Agents or staff ranked on one measure: by the month's result or by year-to-date progress
 * against the year's target. The engine scores, ranks and pages everyone in scope in one
 * statement; commission and activity are read for the page only. The inactive-only list narrows
 * in the engine to those with no new participant in the window, then the shared rule
 * (activityFlag) decides who of them is inactive rather than new or gone.
 */
export async function networkRanking(ctx: CoreContext, req: ParsedRequestOf<'network:ranking'>): Promise<Page<RankingRow>> {
  const month = req.period;
  const measure: FlowMeasure = req.measure ?? 'NEW_TN';
  const level = req.level;
  const flows = new FlowRepository(ctx.store);
  const inactiveMonths = (await readSettings(ctx.store)).inactiveMonths;
  const windowFrom = addMonths(month, -(inactiveMonths - 1));
  const offset = req.offset ?? 0;
  const limit = req.limit ?? 50;
  const query = { level, measure, month, by: req.by ?? 'result', officeCode: req.officeCode, kind: req.kind, offset, limit } as const;

  let page: ScoredRow[];
  let total: number;
  let ranks: number[];
  if (req.inactiveOnly && level === 'staff') {
    const quiet = (await scoredPage(ctx.store, { ...query, quietFrom: windowFrom })).filter((c) => activityOf(c, new Map(), month, inactiveMonths) === 'inactive');
    // Ranked within the list shown: equal scores share a place.
    const score = (c: ScoredRow) => (query.by === 'progress' ? c.progress ?? -1 : c.result);
    const all: number[] = [];
    quiet.forEach((c, i) => all.push(i > 0 && score(quiet[i - 1]!) === score(c) ? all[i - 1]! : i + 1));
    page = quiet.slice(offset, offset + limit);
    ranks = all.slice(offset, offset + limit);
    total = quiet.length;
  } else {
    page = await scoredPage(ctx.store, query);
    ranks = page.map((c) => c.rank);
    total = page[0]?.total ?? (offset > 0 ? (await scoredPage(ctx.store, { ...query, offset: 0, limit: 1 }))[0]?.total ?? 0 : 0);
  }

  const ids = page.map((c) => c.id);
  const rates = asRates(await commissionRates(ctx.store));
  const [monthValues, monthRolled, windows, last] = await Promise.all([
    flows.values({ kind: 'result', level, ownerIds: ids, from: month, to: month }),
    level === 'agent' ? flows.staffByAgent({ kind: 'result', agentIds: ids, from: month, to: month }) : Promise.resolve([]),
    level === 'staff' ? flows.newByMonth('staff', windowFrom, month, ids) : Promise.resolve(new Map<number, Map<string, number>>()),
    flows.lastActive(level, ids, month),
  ]);
  const byOwner = new Map<number, Partial<Record<FlowMeasure, number>>>();
  for (const v of [...monthValues, ...monthRolled]) {
    const slot = byOwner.get(v.ownerId) ?? byOwner.set(v.ownerId, {}).get(v.ownerId)!;
    slot[v.measure] = (slot[v.measure] ?? 0) + v.value;
  }
  return {
    items: page.map((c, i) => ({
      rank: ranks[i]!, level, code: c.code, name: c.name, agentCode: c.agentCode, agentName: c.agentName, kind: c.kind, result: c.result, cumulative: c.cumulative,
      target: c.target, progress: c.progress, commission: monthCommission(month, byOwner.get(c.id) ?? {}, rates).total,
      activity: level === 'staff' ? activityOf(c, windows, month, inactiveMonths) : null, lastActiveMonth: last.get(c.id) ?? null,
    })),
    total,
    offset,
    limit,
  };
}

function activityOf(c: ScoredRow, windows: Map<number, Map<string, number>>, month: string, months: number) {
  return activityFlag({ status: c.status ?? 'active', joinedOn: c.joinedOn, leftOn: c.leftOn, newByMonth: windows.get(c.id) ?? new Map() }, month, months);
}
