import { AppError, type GridIssue, type GridSaveOutcome, type ResultGrid } from '../../../shared/contract';
import { jumpRatio, jumpText } from '../../../shared/calc/jump';
import { asOfMessage, checkCount, checkParts, futureMonthMessage } from '../../../shared/calc/valueRules';
import { COUNT_INDICATOR_CODES, indicatorByCode } from '../../../shared/domain/indicators';
import { addMonths, figuresDay, monthBounds, monthLabel, treeDateOf } from '../../../shared/domain/periods';
import { formatCount } from '../../../shared/format/vi';
import { recordAudit } from '../audit/audit';
import { isoNow, localToday, type CoreContext } from '../app/context';
import { readSettings } from '../app/settings';
import { viewTree, type ViewTree } from '../units/viewTree';
import { ResultRepository, type ResultRow, type StoredResult } from './repository';

/** The reporting cut-off: data to the 25th, December to the 31st, never a day in the future. */
export function defaultAsOf(month: string, today: string): string {
  const future = futureMonthMessage(month, today);
  if (future) throw new AppError('VALIDATION', future);
  return figuresDay(month, today);
}

function gridTree(ctx: CoreContext, month: string): Promise<ViewTree> {
  return viewTree(ctx.store, treeDateOf(month, localToday(ctx.now())));
}

/**
 * The latest figure of each unit × indicator in a month and in the month before, from one
 * query over both months, whatever the number of units.
 */
async function twoMonths(ctx: CoreContext, month: string, unitIds: number[]): Promise<{ current: StoredResult[]; previous: StoredResult[] }> {
  const prev = monthBounds(addMonths(month, -1));
  const { to } = monthBounds(month);
  const rows = await new ResultRepository(ctx.store).forUnitsInRange(unitIds, prev.from, to);
  const lastOf = (from: string, until: string) => {
    const last = new Map<string, StoredResult>();
    for (const r of rows) if (r.asOf >= from && r.asOf <= until) last.set(`${r.unitId}|${r.indicatorCode}`, r);
    return [...last.values()];
  };
  return { current: lastOf(monthBounds(month).from, to), previous: lastOf(prev.from, prev.to) };
}

/** A month's rows by unit, then by indicator (later rows of a unit and indicator win). */
function byUnit(rows: StoredResult[]): (unitId: number) => Record<string, StoredResult> {
  const map = new Map<number, Record<string, StoredResult>>();
  for (const r of rows) {
    let values = map.get(r.unitId);
    if (!values) map.set(r.unitId, (values = {}));
    values[r.indicatorCode] = r;
  }
  return (unitId) => map.get(unitId) ?? {};
}

export async function resultGrid(ctx: CoreContext, req: { month: string; parentCode?: string | null }): Promise<ResultGrid> {
  const today = localToday(ctx.now());
  const asOf = defaultAsOf(req.month, today);
  const [tree, settings] = await Promise.all([gridTree(ctx, req.month), readSettings(ctx.store)]);
  const parentId = req.parentCode ? tree.byCode.get(req.parentCode) : tree.roots[0];
  if (parentId === undefined) {
    if (req.parentCode) throw new AppError('NOT_FOUND', `Đơn vị "${req.parentCode}" không có hiệu lực trong tháng ${monthLabel(req.month)}.`);
    return { month: req.month, asOf, parentCode: null, parentName: '', parents: [], indicators: [], rows: [], parentValues: {}, jumpThreshold: settings.jumpThreshold };
  }
  const parent = tree.nodes.get(parentId)!;
  const rowIds = tree.leaves(parentId).filter((id) => id !== parentId || parent.children.length === 0);
  const months = await twoMonths(ctx, req.month, [...rowIds, parentId]);
  const current = byUnit(months.current);
  const previous = byUnit(months.previous);
  const pick = (values: Record<string, StoredResult>, f: (r: StoredResult) => number | string | null) =>
    Object.fromEntries(COUNT_INDICATOR_CODES.map((code) => [code, values[code] ? f(values[code]!) : null]));
  const parents = [...tree.nodes.values()]
    .filter((n) => n.children.length > 0)
    .map((n) => ({ code: n.code, name: n.name, level: n.level }));
  return {
    month: req.month,
    asOf,
    parentCode: parent.code,
    parentName: parent.name,
    parents,
    indicators: COUNT_INDICATOR_CODES.map((code) => ({ code, name: indicatorByCode(code)!.shortName })),
    rows: rowIds.map((id) => {
      const node = tree.nodes.get(id)!;
      const mine = current(id);
      const before = previous(id);
      return {
        code: node.code,
        name: node.name,
        level: node.level,
        values: pick(mine, (r) => r.value) as Record<string, number | null>,
        previous: pick(before, (r) => r.value) as Record<string, number | null>,
        notes: pick(mine, (r) => r.note) as Record<string, string | null>,
      };
    }),
    parentValues: pick(current(parentId), (r) => r.value) as Record<string, number | null>,
    jumpThreshold: settings.jumpThreshold,
  };
}

interface Entry {
  unitCode: string;
  indicatorCode: string;
  value: number | null;
  note?: string | null;
}

/**
 * Validates a month of entries and, when nothing blocks and every flagged value carries a
 * note, writes them in one transaction. Nothing is written otherwise.
 */
export async function saveGrid(ctx: CoreContext, req: { month: string; asOf?: string; entries: Entry[] }): Promise<GridSaveOutcome> {
  const today = localToday(ctx.now());
  const fallbackAsOf = req.asOf ?? defaultAsOf(req.month, today);
  const { from, to } = monthBounds(req.month);
  const badAsOf = req.asOf ? asOfMessage(req.asOf, req.month, today) : null;
  if (badAsOf) throw new AppError('VALIDATION', badAsOf);
  const tree = await gridTree(ctx, req.month);
  const ids = req.entries.map((e) => {
    const id = tree.byCode.get(e.unitCode);
    if (id === undefined) throw new AppError('VALIDATION', `Đơn vị "${e.unitCode}" không có hiệu lực trong tháng ${monthLabel(req.month)}.`);
    if (!indicatorByCode(e.indicatorCode) || indicatorByCode(e.indicatorCode)!.kind !== 'count') throw new AppError('VALIDATION', `Chỉ tiêu "${e.indicatorCode}" không nhập trực tiếp được.`);
    return id;
  });
  const repo = new ResultRepository(ctx.store);
  const parentIds = ids.map((id) => tree.nodes.get(id)!.parentId).filter((p): p is number => p !== null);
  const { current, previous } = await twoMonths(ctx, req.month, [...ids, ...parentIds]);
  const threshold = (await readSettings(ctx.store)).jumpThreshold;

  // Values after the save, to check rules that span two indicators.
  const after = new Map<string, number | null>();
  for (const r of current) after.set(`${r.unitId}|${r.indicatorCode}`, r.value);
  req.entries.forEach((e, i) => after.set(`${ids[i]}|${e.indicatorCode}`, e.value));

  const issues: GridIssue[] = [];
  const flaggedWithoutNote = new Set<number>();
  req.entries.forEach((e, i) => {
    const id = ids[i]!;
    const node = tree.nodes.get(id)!;
    const def = indicatorByCode(e.indicatorCode)!;
    const add = (kind: GridIssue['kind'], message: string, blocking: boolean) => {
      issues.push({ unitCode: e.unitCode, indicatorCode: e.indicatorCode, kind, message: `${node.name} — ${def.shortName}: ${message}`, blocking });
      if (!blocking && !e.note?.trim()) flaggedWithoutNote.add(i);
    };
    if (e.value === null) return;
    const population = after.get(`${id}|POP`);
    const own = checkCount(e.indicatorCode, e.value, population);
    for (const issue of own) add(issue.kind, issue.message, issue.blocking);
    if (own.some((i) => i.blocking)) return;
    const before = previous.find((p) => p.unitId === id && p.indicatorCode === e.indicatorCode)?.value;
    if (jumpRatio(before, e.value, threshold) !== null) add('jump', jumpText(before!, e.value, threshold), false);
    const parentValue = node.parentId === null ? null : after.get(`${node.parentId}|${e.indicatorCode}`);
    if (parentValue !== null && parentValue !== undefined && e.value > parentValue) {
      add('childAboveParent', `lớn hơn số của đơn vị cấp trên (${formatCount(parentValue)}).`, false);
    }
    for (const issue of checkParts((code) => after.get(`${id}|${code}`), (code) => code === e.indicatorCode)) add(issue.kind, issue.message, issue.blocking);
  });

  const blocked = issues.some((i) => i.blocking) || flaggedWithoutNote.size > 0;
  const outcome: GridSaveOutcome = { saved: 0, cleared: 0, issues, committed: !blocked };
  if (blocked) return outcome;

  const existingOf = new Map(current.map((r) => [`${r.unitId}|${r.indicatorCode}`, r]));
  await ctx.store.transaction(async () => {
    const writes: ResultRow[] = [];
    const clears = new Map<string, number[]>();
    for (const [i, e] of req.entries.entries()) {
      const id = ids[i]!;
      const existing = existingOf.get(`${id}|${e.indicatorCode}`);
      if (e.value === null) {
        // An emptied cell empties the month: an earlier figure of the same month must not take its place.
        if (existing) clears.set(e.indicatorCode, [...(clears.get(e.indicatorCode) ?? []), id]);
        continue;
      }
      writes.push({ unitId: id, indicatorCode: e.indicatorCode, asOf: req.asOf ?? existing?.asOf ?? fallbackAsOf, value: e.value, note: e.note?.trim() || existing?.note || null });
    }
    for (const [indicatorCode, unitIds] of clears) if ((await repo.deleteInRange(unitIds, indicatorCode, from, to)) > 0) outcome.cleared += unitIds.length;
    await repo.upsertMany(writes, isoNow(ctx));
    outcome.saved = writes.length;
    await recordAudit(ctx.store, ctx.actor, { action: 'results', entity: 'result', entityKey: req.month, summary: `Nhập kết quả tháng ${monthLabel(req.month)}: ${formatCount(outcome.saved)} ô, xóa ${formatCount(outcome.cleared)} ô` }, ctx.now());
  });
  ctx.events.emit({ type: 'data-changed', area: 'results' });
  return outcome;
}
