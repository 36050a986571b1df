import { AppError, type Comparison, type ComparisonTable, type TargetSource } from '../../../shared/contract';
import { planOf, planProgressOf } from '../../../shared/calc/plan';
import { coverage, delta, monthlyPaceNeeded, peopleNeededForRate, progress, remaining } from '../../../shared/calc/progress';
import { COUNT_INDICATOR_CODES, indicatorByCode, type IndicatorDef } from '../../../shared/domain/indicators';
import { addMonths, parseYm, periodEndMonth, periodLabel, ym, type Period } from '../../../shared/domain/periods';
import { localToday, type CoreContext } from '../app/context';
import { revisions, type Revisions } from '../db/revisions';
import { TargetRepository, type TargetFact } from '../targets/repository';
import { resolveTargets, type ResolvedTarget } from '../targets/resolve';
import { viewTree, type ViewNode, type ViewTree } from '../units/viewTree';
import { aggregate, type Aggregated } from './aggregate';
import { loadMonths, type MonthFigures, type MonthNeed } from './snapshots';

/** A virtual node standing for every root when the tree has several (two provinces, say). */
export const ALL_ROOTS = -1;

/** The counts a set of indicators is made of (a rate: its numerators and denominator). */
function countsOf(codes: readonly string[]): string[] {
  return [...new Set(codes.flatMap((code) => {
    const def = indicatorByCode(code);
    if (!def) return [];
    return def.kind === 'rate' ? [...(def.numerators ?? []), ...(def.denominator ? [def.denominator] : [])] : [def.code];
  }))];
}

/**
 * What a period's figures read: every count at the month, the same month last year and the end
 * of last year (every comparison), and the months since January for the indicators drawn as a
 * trend, not thirteen months of everything.
 */
function monthNeeds(month: string, trend: readonly string[]): MonthNeed[] {
  const { year, month: m } = parseYm(month)!;
  const base: MonthNeed = { months: [month, addMonths(month, -12), ym(year - 1, 12)], indicators: COUNT_INDICATOR_CODES };
  const sinceJanuary = Array.from({ length: m }, (_, i) => ym(year, i + 1));
  return [base, { months: sinceJanuary, indicators: countsOf(trend) }];
}

/**
 * Figures for one period on one view tree. `Figures.open` reads what every comparison of the
 * period needs (the tree, the months of `monthNeeds` and the year's targets) in a constant
 * number of queries, most of them answered from caches kept until the data changes; the rest
 * is computed in memory and memoised per month and indicator, as a dashboard asks for the same
 * numbers from several angles.
 */
export class Figures {
  private aggregates: Map<string, Map<number, Aggregated>>;
  private resolved: Map<string, Map<number, ResolvedTarget>>;
  /** Virtual nodes (negative ids) that sum a set of real ones: every root, or an office's communes. */
  private groups = new Map<number, { members: number[]; code: string; name: string }>();

  private constructor(
    readonly period: Period,
    readonly tree: ViewTree,
    readonly month: string,
    private readonly recorded: (month: string, indicator: string) => MonthFigures,
    private readonly targetsByYear: Map<number, YearTargets>,
    memo: TreeMemo,
  ) {
    this.aggregates = memo.aggregates;
    this.resolved = memo.resolved;
    this.groups.set(ALL_ROOTS, { members: this.tree.roots, code: '', name: 'Toàn bộ' });
  }

  /**
   * `targetYears`: years of targets to read besides the period's own (a breakdown reads next
   * year's); `trend`: indicators whose months since January are read (a chart of the year).
   */
  static async open(ctx: CoreContext, period: Period, viewDate?: string, options: { targetYears?: number[]; trend?: readonly string[] } = {}): Promise<Figures> {
    if (period.kind === 'quarter' && period.index > 4) throw new AppError('VALIDATION', 'Quý phải từ 1 đến 4.');
    const today = localToday(ctx.now());
    const month = periodEndMonth(period, today.slice(0, 7));
    const revs = await revisions(ctx.store);
    const tree = await viewTree(ctx.store, viewDate ?? today, revs);
    const memo = treeMemo(tree, revs);
    const years = [...new Set([parseYm(month)!.year, ...(options.targetYears ?? [])])];
    const [recorded, targets] = await Promise.all([loadMonths(ctx.store, revs.results, monthNeeds(month, options.trend ?? [])), yearTargets(ctx, memo, years)]);
    return new Figures(period, tree, month, recorded, targets, memo);
  }

  /** A virtual node summing `members` (an office's communes, say); returns its id for count/compare. */
  group(members: number[], code: string, name: string): number {
    const id = -1 - this.groups.size;
    this.groups.set(id, { members, code, name });
    return id;
  }

  /** Aggregated count of an indicator at a month for a node (ALL_ROOTS sums the roots). */
  count(indicator: string, month: string, id: number): Aggregated {
    const key = `${indicator}|${month}`;
    let agg = this.aggregates.get(key);
    if (!agg) {
      agg = aggregate(this.tree, this.recorded(month, indicator));
      this.aggregates.set(key, agg);
    }
    const group = this.groups.get(id);
    if (!group) return agg.get(id) ?? { value: null, missing: 1 };
    let value: number | null = null;
    let missing = 0;
    for (const member of group.members) {
      const a = agg.get(member) ?? { value: null, missing: 1 };
      if (a.value !== null) value = (value ?? 0) + a.value;
      missing += a.missing;
    }
    return { value, missing };
  }

  /** A rate recomputed from summed numerators and denominator, never averaged. */
  rate(def: IndicatorDef, month: string, id: number): { rate: number | null; numerator: number | null; denominator: number | null; missing: number } {
    const parts = (def.numerators ?? []).map((code) => this.count(code, month, id));
    const denom = this.count(def.denominator!, month, id);
    const numerator = parts.some((p) => p.value === null) ? null : parts.reduce((s, p) => s + p.value!, 0);
    return { rate: coverage(parts.map((p) => p.value), denom.value), numerator, denominator: denom.value, missing: Math.max(denom.missing, ...parts.map((p) => p.missing)) };
  }

  target(def: IndicatorDef, year: number, id: number, source?: TargetSource): ResolvedTarget {
    const key = `${def.code}|${year}|${source ?? ''}`;
    let map = this.resolved.get(key);
    if (!map) {
      const targets = this.targetsByYear.get(year);
      if (!targets) throw new Error(`Chỉ tiêu năm ${year} chưa được nạp trước khi tính.`);
      map = resolveTargets(this.tree, targets.get(def.code) ?? [], def.code, source, def.kind === 'rate');
      this.resolved.set(key, map);
    }
    const group = this.groups.get(id);
    if (!group) return map.get(id) ?? { original: null, revised: null, source: null };
    const none = { original: null, revised: null, source: null };
    if (def.kind === 'rate') return group.members.length === 1 ? (map.get(group.members[0]!) ?? none) : none;
    const parts = group.members.map((r) => map!.get(r) ?? none);
    const any = parts.some((p) => p.original !== null);
    return {
      original: any ? parts.reduce((s, p) => s + (p.original ?? 0), 0) : null,
      revised: parts.some((p) => p.revised !== null) ? parts.reduce((s, p) => s + (p.revised ?? p.original ?? 0), 0) : null,
      source: parts.find((p) => p.source)?.source ?? null,
    };
  }

  node(id: number): Pick<ViewNode, 'code' | 'name' | 'level'> & { hasChildren: boolean } {
    const group = this.groups.get(id);
    if (group) return { code: group.code, name: group.name, level: 'province', hasChildren: group.members.length > 0 };
    const n = this.tree.nodes.get(id)!;
    return { code: n.code, name: n.name, level: n.level, hasChildren: n.children.length > 0 };
  }

  /** Every comparison of DOMAIN.md for one node and indicator. */
  compare(def: IndicatorDef, id: number, source?: TargetSource): Comparison {
    const { year, month } = parseYm(this.month)!;
    const lastYearSame = addMonths(this.month, -12);
    const lastDecember = ym(year - 1, 12);
    const target = this.target(def, year, id, source);
    const plans = { target: target.original, revisedTarget: target.revised };
    const goal = planOf(plans);
    const node = this.node(id);
    const base = { code: node.code, name: node.name, level: node.level, hasChildren: node.hasChildren, targetSource: target.source, ...plans, plan: goal };
    if (def.kind === 'rate') {
      const now = this.rate(def, this.month, id);
      const before = this.rate(def, lastYearSame, id);
      const dec = this.rate(def, lastDecember, id);
      const needed = peopleNeededForRate(goal, now.denominator, now.numerator);
      const d = delta(now.rate, before.rate);
      return {
        ...base, actual: now.rate, rate: now.rate, missingUnits: now.missing,
        progress: progress(now.rate, target.original), revisedProgress: progress(now.rate, target.revised), planProgress: planProgressOf(now.rate, plans),
        sameLastYear: before.rate, deltaSameLastYear: d?.people ?? null, deltaSameLastYearRatio: d?.ratio ?? null,
        endLastYear: dec.rate, deltaEndLastYear: delta(now.rate, dec.rate)?.people ?? null,
        remaining: needed, monthlyPace: needed === null ? null : needed / Math.max(1, 12 - month),
      };
    }
    const now = this.count(def.code, this.month, id);
    const before = this.count(def.code, lastYearSame, id);
    const dec = this.count(def.code, lastDecember, id);
    const d = delta(now.value, before.value);
    const denominatorCode = def.denominator;
    const rate = denominatorCode ? coverage([now.value], this.count(denominatorCode, this.month, id).value) : null;
    return {
      ...base, actual: now.value, rate, missingUnits: now.missing,
      progress: progress(now.value, target.original), revisedProgress: progress(now.value, target.revised), planProgress: planProgressOf(now.value, plans),
      sameLastYear: before.value, deltaSameLastYear: d?.people ?? null, deltaSameLastYearRatio: d?.ratio ?? null,
      endLastYear: dec.value, deltaEndLastYear: delta(now.value, dec.value)?.people ?? null,
      remaining: remaining(now.value, goal), monthlyPace: monthlyPaceNeeded(now.value, goal, month),
    };
  }

  /** The node for a unit code (null = the province, or all roots when there are several). */
  focus(unitCode: string | null | undefined): number {
    if (unitCode) {
      const id = this.tree.byCode.get(unitCode);
      if (id === undefined) throw new AppError('NOT_FOUND', `Đơn vị mã "${unitCode}" không có trên cây đơn vị ngày ${this.tree.date.split('-').reverse().join('/')}.`);
      return id;
    }
    return this.tree.roots.length === 1 ? this.tree.roots[0]! : ALL_ROOTS;
  }

  childrenOf(id: number): number[] {
    return this.groups.get(id)?.members ?? this.tree.nodes.get(id)!.children;
  }
}

interface TreeMemo {
  resultsRevision: number;
  targetsRevision: number;
  aggregates: Map<string, Map<number, Aggregated>>;
  resolved: Map<string, Map<number, ResolvedTarget>>;
  targetsByYear: Map<number, YearTargets>;
}

/** A year's target facts by indicator: a dashboard resolves a dozen indicators × authorities. */
type YearTargets = Map<string, TargetFact[]>;

function byIndicator(facts: TargetFact[]): YearTargets {
  const out: YearTargets = new Map();
  for (const f of facts) {
    const list = out.get(f.indicatorCode);
    if (list) list.push(f);
    else out.set(f.indicatorCode, [f]);
  }
  return out;
}

const memos = new WeakMap<ViewTree, TreeMemo>();

/**
 * Aggregates and resolved targets outlive a request: flipping back to a period already seen
 * costs map lookups only. They are dropped when results or targets change (revision counters)
 * and with the tree itself when units change.
 */
function treeMemo(tree: ViewTree, revs: Revisions): TreeMemo {
  let memo = memos.get(tree);
  if (!memo) memos.set(tree, (memo = { resultsRevision: revs.results, targetsRevision: revs.targets, aggregates: new Map(), resolved: new Map(), targetsByYear: new Map() }));
  if (memo.resultsRevision !== revs.results || memo.aggregates.size > 2000) {
    memo.aggregates = new Map();
    memo.resultsRevision = revs.results;
  }
  if (memo.targetsRevision !== revs.targets || memo.resolved.size > 500) {
    memo.resolved = new Map();
    memo.targetsByYear = new Map();
    memo.targetsRevision = revs.targets;
  }
  return memo;
}

/** The targets of some years: from the memo, the missing years in one query. */
async function yearTargets(ctx: CoreContext, memo: TreeMemo, years: number[]): Promise<Map<number, YearTargets>> {
  const missing = years.filter((y) => !memo.targetsByYear.has(y));
  if (missing.length) for (const [year, facts] of await new TargetRepository(ctx.store).forResolution(missing)) memo.targetsByYear.set(year, byIndicator(facts));
  return new Map(years.map((y) => [y, memo.targetsByYear.get(y)!]));
}

export function indicatorOrThrow(code: string): IndicatorDef {
  const def = indicatorByCode(code);
  if (!def) throw new AppError('VALIDATION', `Không có chỉ tiêu mã "${code}".`);
  return def;
}

export async function comparisonTable(ctx: CoreContext, req: { period: Period; indicatorCode: string; unitCode?: string | null; source?: TargetSource; viewDate?: string }): Promise<ComparisonTable> {
  return comparisonTableOf(await Figures.open(ctx, req.period, req.viewDate), req);
}

export function comparisonTableOf(figures: Figures, req: { period: Period; indicatorCode: string; unitCode?: string | null; source?: TargetSource }): ComparisonTable {
  const def = indicatorOrThrow(req.indicatorCode);
  const focus = figures.focus(req.unitCode);
  const rows = figures.childrenOf(focus).map((id) => figures.compare(def, id, req.source));
  const node = figures.node(focus);
  return {
    period: req.period,
    periodLabel: periodLabel(req.period),
    month: figures.month,
    indicatorCode: def.code,
    indicatorName: def.name,
    unitCode: focus === ALL_ROOTS ? null : node.code,
    unitName: node.name,
    viewDate: figures.tree.date,
    rows,
    total: figures.compare(def, focus, req.source),
  };
}
