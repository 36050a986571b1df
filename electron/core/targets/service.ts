import { AppError, TARGET_SOURCE_LABELS, type BreakdownProposal, type Target, type TargetSource } from '../../../shared/contract';
import { indicatorByCode } from '../../../shared/domain/indicators';
import { ym } from '../../../shared/domain/periods';
import { formatCount, formatPercent } from '../../../shared/format/vi';
import { apportion } from '../../../shared/calc/apportion';
import { recordAudit, recordAudits, type AuditRecord } from '../audit/audit';
import { isoNow, localToday, type CoreContext } from '../app/context';
import { Figures } from '../results/compare';
import { UnitRepository } from '../units/repository';
import { TargetRepository, type TargetFact, type TargetRow } from './repository';

export async function listTargets(ctx: CoreContext, req: { year: number; unitCode?: string; indicatorCode?: string }): Promise<Target[]> {
  const unitId = req.unitCode ? (await new UnitRepository(ctx.store).byCode(req.unitCode))?.id : undefined;
  if (req.unitCode && unitId === undefined) throw new AppError('NOT_FOUND', `Không có đơn vị mã "${req.unitCode}".`);
  return (await new TargetRepository(ctx.store).forYear(req.year, { unitId, indicatorCode: req.indicatorCode })).map(({ unitId: _unitId, ...t }) => t);
}

export interface SetTargetInput {
  unitCode: string;
  indicatorCode: string;
  year: number;
  period?: string;
  value: number;
  source: TargetSource;
  decisionNo?: string | null;
  decisionDate?: string | null;
  revise?: boolean;
  note?: string | null;
}

function describe(value: number, isRate: boolean): string {
  return isRate ? formatPercent(value) : formatCount(value);
}

/**
 * Sets a target. `revise` records a kế hoạch điều chỉnh as a new revision, keeping the
 * original; otherwise the latest revision is corrected in place (or the first one created).
 */
export async function setTarget(ctx: CoreContext, req: SetTargetInput): Promise<Target> {
  const unit = await new UnitRepository(ctx.store).byCode(req.unitCode);
  if (!unit) throw new AppError('NOT_FOUND', `Không có đơn vị mã "${req.unitCode}".`);
  const def = indicatorByCode(req.indicatorCode);
  if (!def) throw new AppError('VALIDATION', `Không có chỉ tiêu mã "${req.indicatorCode}".`);
  const isRate = def.kind === 'rate';
  if (isRate && req.value > 1) throw new AppError('VALIDATION', 'Chỉ tiêu tỷ lệ nhập dạng số thập phân (92,25% là 0,9225).');
  if (!isRate && !Number.isInteger(req.value)) throw new AppError('VALIDATION', 'Chỉ tiêu số người phải là số nguyên.');
  const repo = new TargetRepository(ctx.store);
  const key = { unitId: unit.id, indicatorCode: def.code, year: req.year, period: req.period ?? '', source: req.source };
  const id = await ctx.store.transaction(async () => {
    const latest = await repo.latest(key);
    const fields = { value: req.value, decisionNo: req.decisionNo ?? null, decisionDate: req.decisionDate ?? null, note: req.note ?? null };
    let id: number;
    if (latest && !req.revise) {
      await repo.updateValue(latest.id, fields, isoNow(ctx));
      id = latest.id;
    } else {
      if (req.revise && !latest) throw new AppError('VALIDATION', 'Chưa có kế hoạch gốc để điều chỉnh; hãy giao chỉ tiêu trước.');
      await repo.insertMany([{ ...key, ...fields, isRate, revision: latest ? latest.revision + 1 : 0 }], isoNow(ctx));
      id = (await repo.latest(key))!.id;
    }
    const what = req.revise ? `Điều chỉnh kế hoạch (lần ${latest!.revision + 1})` : latest ? 'Sửa chỉ tiêu' : 'Giao chỉ tiêu';
    await recordAudit(ctx.store, ctx.actor, {
      action: 'target', entity: 'target', entityKey: `${unit.code}|${def.code}|${req.year}`,
      summary: `${what} ${def.shortName} năm ${req.year} cho ${unit.name} (${TARGET_SOURCE_LABELS[req.source]}): ${latest ? describe(latest.value, isRate) + ' → ' : ''}${describe(req.value, isRate)}`,
    }, ctx.now());
    return id;
  });
  ctx.events.emit({ type: 'data-changed', area: 'targets' });
  const { unitId: _unitId, ...target } = (await repo.byId(id))!;
  return target;
}

/** Each unit's own latest target (whole year) from one authority: what setTarget corrects in place. */
function latestOwnTargets(facts: TargetFact[], indicatorCode: string, source: TargetSource): Map<number, { value: number; revision: number }> {
  const out = new Map<number, { value: number; revision: number }>();
  for (const t of facts) {
    if (t.indicatorCode !== indicatorCode || t.source !== source || t.period !== '') continue;
    const known = out.get(t.unitId);
    if (!known || t.revision > known.revision) out.set(t.unitId, { value: t.value, revision: t.revision });
  }
  return out;
}

export async function breakdownTargets(
  ctx: CoreContext,
  req: { parentCode: string; indicatorCode: string; year: number; source: TargetSource; method: BreakdownProposal['method']; manual?: { code: string; value: number }[]; commit?: boolean; decisionNo?: string | null; decisionDate?: string | null },
): Promise<BreakdownProposal> {
  const def = indicatorByCode(req.indicatorCode);
  if (!def || def.kind !== 'count') throw new AppError('VALIDATION', 'Chỉ phân bổ được chỉ tiêu số người.');
  const today = localToday(ctx.now());
  const viewDate = String(req.year) === today.slice(0, 4) ? today : `${req.year}-01-01`;
  const figures = await Figures.open(ctx, { kind: 'month', year: req.year - 1, index: 12 }, viewDate, { targetYears: [req.year] });
  const tree = figures.tree;
  const parentId = tree.byCode.get(req.parentCode);
  if (parentId === undefined) throw new AppError('NOT_FOUND', `Đơn vị "${req.parentCode}" không có hiệu lực năm ${req.year}.`);
  const children = tree.nodes.get(parentId)!.children;
  if (children.length === 0) throw new AppError('VALIDATION', 'Đơn vị này không có đơn vị cấp dưới để phân bổ.');
  const parentTarget = figures.target(def, req.year, parentId, req.source);
  const parentValue = parentTarget.revised ?? parentTarget.original;
  const basisCode = req.method === 'population' ? 'POP' : req.method === 'labour' ? 'LABOUR' : def.code;
  const bases = children.map((id) => (req.method === 'manual' ? null : figures.count(basisCode, ym(req.year - 1, 12), id).value));
  let values: number[];
  if (req.method === 'manual') {
    const given = new Map((req.manual ?? []).map((m) => [m.code, m.value]));
    values = children.map((id) => given.get(tree.nodes.get(id)!.code) ?? 0);
  } else {
    if (parentValue === null) throw new AppError('VALIDATION', `Chưa có chỉ tiêu ${def.shortName} năm ${req.year} của ${tree.nodes.get(parentId)!.name} (${TARGET_SOURCE_LABELS[req.source]}) để phân bổ.`);
    if (bases.some((b) => b === null)) {
      const missing = children.filter((_, i) => bases[i] === null).map((id) => tree.nodes.get(id)!.name);
      throw new AppError('VALIDATION', `Thiếu số liệu tháng 12/${req.year - 1} làm căn cứ phân bổ cho: ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? '…' : ''}.`);
    }
    values = apportion(parentValue, bases as number[]);
  }
  const sum = values.reduce((a, b) => a + b, 0);
  // Shown before committing, so nobody overwrites the children's plans unawares.
  const existing = latestOwnTargets((await new TargetRepository(ctx.store).forResolution([req.year])).get(req.year)!, def.code, req.source);
  const proposal: BreakdownProposal = {
    parentCode: req.parentCode, indicatorCode: def.code, year: req.year, method: req.method, parentTarget: parentValue,
    rows: children.map((id, i) => ({ code: tree.nodes.get(id)!.code, name: tree.nodes.get(id)!.name, basis: bases[i] ?? null, value: values[i]!, existing: existing.get(id) ?? null })),
    sum, difference: parentValue === null ? null : parentValue - sum, committed: false,
  };
  if (req.commit) {
    await commitBreakdown(
      ctx,
      { indicatorCode: def.code, shortName: def.shortName, year: req.year, source: req.source, decisionNo: req.decisionNo ?? null, decisionDate: req.decisionDate ?? null },
      children.map((id, i) => ({ unitId: id, code: tree.nodes.get(id)!.code, name: tree.nodes.get(id)!.name, value: values[i]! })),
    );
    proposal.committed = true;
  }
  return proposal;
}

/**
 * Writes a breakdown in one transaction: the children's current targets read in one query,
 * corrected in place or given, with one audit row for the whole breakdown.
 */
async function commitBreakdown(
  ctx: CoreContext,
  t: { indicatorCode: string; shortName: string; year: number; source: TargetSource; decisionNo: string | null; decisionDate: string | null },
  rows: { unitId: number; code: string; name: string; value: number }[],
): Promise<void> {
  const repo = new TargetRepository(ctx.store);
  await ctx.store.transaction(async () => {
    const now = isoNow(ctx);
    const latest = await repo.latestMany(rows.map((r) => r.unitId), t.year, '', t.source);
    const fresh: TargetRow[] = [];
    const audits: AuditRecord[] = [];
    for (const row of rows) {
      const current = latest.get(`${row.unitId}|${t.indicatorCode}`);
      if (current) await repo.updateValue(current.id, { value: row.value, decisionNo: t.decisionNo, decisionDate: t.decisionDate, note: current.note }, now);
      else fresh.push({ unitId: row.unitId, indicatorCode: t.indicatorCode, year: t.year, value: row.value, isRate: false, source: t.source, decisionNo: t.decisionNo, decisionDate: t.decisionDate });
      audits.push({
        action: 'target', entity: 'target', entityKey: `${row.code}|${t.indicatorCode}|${t.year}`,
        summary: `${current ? 'Sửa chỉ tiêu' : 'Giao chỉ tiêu'} ${t.shortName} năm ${t.year} cho ${row.name} (${TARGET_SOURCE_LABELS[t.source]}, phân bổ): ${current ? describe(current.value, false) + ' → ' : ''}${describe(row.value, false)}`,
      });
    }
    await repo.insertMany(fresh, now);
    await recordAudits(ctx.store, ctx.actor, audits, ctx.now());
  });
  ctx.events.emit({ type: 'data-changed', area: 'targets' });
}
