import { AppError } from '../../../shared/contract';
import { addDays, dayBefore } from '../../../shared/format/vi';
import { isValidOn, type Unit, type UnitDetail } from '../../../shared/domain/units';
import { matchesFolded, toNfc, unitNameKey } from '../../../shared/text/fold';
import { recordAudit } from '../audit/audit';
import { isoNow, type CoreContext } from '../app/context';
import { UnitRepository } from './repository';
import { levelRank } from './rules';

export async function listUnits(ctx: CoreContext, filter: { asOf?: string | null; includeEnded?: boolean; query?: string; level?: Unit['level'] }): Promise<Unit[]> {
  const repo = new UnitRepository(ctx.store);
  const units = await repo.list({ asOf: filter.includeEnded ? null : filter.asOf ?? null, level: filter.level });
  const query = filter.query?.trim();
  if (!query) return units;
  return units.filter((u) => u.code.startsWith(query) || matchesFolded(u.name, query));
}

export async function getUnitDetail(ctx: CoreContext, code: string): Promise<UnitDetail> {
  const repo = new UnitRepository(ctx.store);
  const unit = await repo.byCode(code);
  if (!unit) throw new AppError('NOT_FOUND', `Không có đơn vị mã "${code}" trong danh mục.`);
  const [parent, childCount, predecessors, successors] = await Promise.all([
    unit.parentId ? repo.byId(unit.parentId) : null,
    repo.childCount(unit.id),
    repo.links('to', unit.id),
    repo.links('from', unit.id),
  ]);
  return { ...unit, parentName: parent?.name ?? null, childCount, predecessors, successors };
}

export async function updateUnit(
  ctx: CoreContext,
  input: { code: string; name: string; kind: string | null; parentCode: string | null; validFrom: string | null; validTo: string | null },
): Promise<UnitDetail> {
  const repo = new UnitRepository(ctx.store);
  const unit = await repo.byCode(input.code);
  if (!unit) throw new AppError('NOT_FOUND', `Không có đơn vị mã "${input.code}" trong danh mục.`);
  if (input.validFrom && input.validTo && input.validFrom > input.validTo) {
    throw new AppError('VALIDATION', 'Ngày hết hiệu lực phải sau ngày bắt đầu hiệu lực.', { field: 'validTo' });
  }
  let parentId: number | null = null;
  if (input.parentCode) {
    const parent = await repo.byCode(input.parentCode);
    if (!parent) throw new AppError('VALIDATION', `Không có đơn vị cấp trên mã "${input.parentCode}".`, { field: 'parentCode' });
    if (levelRank(parent.level) >= levelRank(unit.level)) {
      throw new AppError('VALIDATION', `"${parent.name}" không phải cấp trên của "${unit.name}".`, { field: 'parentCode' });
    }
    parentId = parent.id;
  } else if (unit.level !== 'province') {
    throw new AppError('VALIDATION', 'Đơn vị cấp xã/huyện phải có đơn vị cấp trên.', { field: 'parentCode' });
  }
  const outside = (await repo.children(unit.id)).filter(
    (c) => (input.validFrom !== null && (c.validFrom ?? '0000-01-01') < input.validFrom) || (input.validTo !== null && (c.validTo ?? '9999-12-31') > input.validTo),
  );
  if (outside.length > 0) {
    throw new AppError(
      'VALIDATION',
      `"${unit.name}" còn ${outside.length} đơn vị trực thuộc có hiệu lực ngoài khoảng thời gian này (ví dụ ${outside[0]!.name}). Hãy sửa các đơn vị đó trước.`,
      { field: input.validTo !== null ? 'validTo' : 'validFrom' },
    );
  }
  const name = toNfc(input.name);
  const fields = { name, nameKey: unitNameKey(name), kind: input.kind ? toNfc(input.kind) : null, parentId, validFrom: input.validFrom, validTo: input.validTo };
  const changes = describeChanges(unit, { ...fields, parentCode: input.parentCode });
  if (changes.length > 0) {
    await ctx.store.transaction(async () => {
      await repo.update(unit.id, fields, isoNow(ctx));
      await recordAudit(ctx.store, ctx.actor, { action: 'update', entity: 'unit', entityKey: unit.code, summary: `Sửa đơn vị ${unit.code} ${unit.name}: ${changes.join('; ')}` }, ctx.now());
    });
    ctx.events.emit({ type: 'data-changed', area: 'units' });
  }
  return getUnitDetail(ctx, unit.code);
}

function describeChanges(before: Unit, after: { name: string; kind: string | null; parentCode: string | null; validFrom: string | null; validTo: string | null }): string[] {
  const out: string[] = [];
  const show = (v: string | null) => v ?? '—';
  if (before.name !== after.name) out.push(`tên "${before.name}" → "${after.name}"`);
  if (before.kind !== after.kind) out.push(`loại ${show(before.kind)} → ${show(after.kind)}`);
  if (before.parentCode !== after.parentCode) out.push(`cấp trên ${show(before.parentCode)} → ${show(after.parentCode)}`);
  if (before.validFrom !== after.validFrom) out.push(`hiệu lực từ ${show(before.validFrom)} → ${show(after.validFrom)}`);
  if (before.validTo !== after.validTo) out.push(`hiệu lực đến ${show(before.validTo)} → ${show(after.validTo)}`);
  return out;
}

export interface MergeInput {
  fromCodes: string[];
  toCode: string;
  toName?: string;
  toKind?: string;
  toParentCode?: string;
  effectiveDate: string;
}

/** Records "these units became that one on <date>": old units end the day before, links carry their data forward. */
export async function recordMerge(ctx: CoreContext, input: MergeInput): Promise<UnitDetail> {
  const repo = new UnitRepository(ctx.store);
  const lastDay = dayBefore(input.effectiveDate);
  const all = await repo.allByCode();
  const sources = [...new Set(input.fromCodes)].map((code) => {
    const unit = all.get(code);
    if (!unit) throw new AppError('VALIDATION', `Không có đơn vị cũ mã "${code}" trong danh mục.`, { field: 'fromCodes' });
    if (!isValidOn(unit, lastDay)) {
      throw new AppError('VALIDATION', `Đơn vị "${unit.name}" (${code}) không còn hiệu lực vào ngày trước khi sáp nhập.`, { field: 'fromCodes' });
    }
    return unit;
  });
  if (sources.some((s) => s.code === input.toCode)) {
    throw new AppError('VALIDATION', 'Đơn vị mới không được trùng với một đơn vị cũ.', { field: 'toCode' });
  }
  const existingTarget = all.get(input.toCode) ?? null;
  if (existingTarget && !isValidOn(existingTarget, input.effectiveDate)) {
    throw new AppError('VALIDATION', `Đơn vị "${existingTarget.name}" (${existingTarget.code}) không có hiệu lực vào ngày sáp nhập.`, { field: 'toCode' });
  }
  await ctx.store.transaction(async () => {
    const now = isoNow(ctx);
    let target = existingTarget;
    if (!target) {
      if (!input.toName) throw new AppError('VALIDATION', `Đơn vị mới mã "${input.toCode}" chưa có; hãy nhập tên đơn vị mới.`, { field: 'toName' });
      const parent = input.toParentCode ? (all.get(input.toParentCode) ?? null) : null;
      if (!parent) throw new AppError('VALIDATION', 'Hãy chọn đơn vị cấp trên của đơn vị mới.', { field: 'toParentCode' });
      const name = toNfc(input.toName);
      const level = sources[0]!.level;
      if (levelRank(parent.level) >= levelRank(level)) throw new AppError('VALIDATION', `"${parent.name}" không thể là cấp trên của đơn vị mới.`, { field: 'toParentCode' });
      const id = await repo.insert({ code: input.toCode, name, nameKey: unitNameKey(name), level, kind: input.toKind ?? null, parentId: parent.id, validFrom: input.effectiveDate, validTo: null }, now);
      target = (await repo.byId(id))!;
    }
    for (const source of sources) {
      await repo.upsertLink(source.id, target.id, input.effectiveDate, 1);
      if (source.validTo === null || source.validTo > lastDay) await repo.setValidTo(source.id, lastDay, now);
    }
    await closeEmptiedParents(repo, sources.map((s) => s.code), now);
    await recordAudit(
      ctx.store,
      ctx.actor,
      {
        action: 'merge',
        entity: 'unit',
        entityKey: target.code,
        summary: `Sáp nhập ${sources.map((s) => `${s.name} (${s.code})`).join(', ')} vào ${target.name} (${target.code}) từ ${input.effectiveDate}`,
      },
      ctx.now(),
    );
  });
  ctx.events.emit({ type: 'data-changed', area: 'units' });
  return getUnitDetail(ctx, input.toCode);
}

/**
 * After communes end, a district (or province) whose every child has ended ends too, on the
 * last child's day; if all of its communes went into units under one unit of its own level
 * (province 95 → 96), that succession is recorded as well. Returns how many units it closed.
 * Works on one snapshot of the units and links (two queries), kept in step with its own writes.
 */
export async function closeEmptiedParents(repo: UnitRepository, changedCodes: string[], now: string): Promise<number> {
  const index = await UnitIndex.load(repo);
  let closed = 0;
  const seen = new Set<number>();
  let frontier = changedCodes.map((c) => index.byCode.get(c)?.parentId).filter((id): id is number => id !== null && id !== undefined);
  while (frontier.length) {
    const next: number[] = [];
    for (const parentId of frontier) {
      if (seen.has(parentId)) continue;
      seen.add(parentId);
      const parent = index.byId.get(parentId);
      if (!parent || parent.validTo !== null) continue;
      const children = index.children(parentId);
      if (children.length === 0 || children.some((c) => c.validTo === null)) continue;
      const lastDay = children.map((c) => c.validTo!).sort().at(-1)!;
      await repo.setValidTo(parentId, lastDay, now);
      parent.validTo = lastDay;
      closed++;
      const heir = commonSuccessorAtLevel(index, parent);
      if (heir) await repo.upsertLink(parent.id, heir.id, addDays(lastDay, 1), 1);
      if (parent.parentId !== null) next.push(parent.parentId);
    }
    frontier = next;
  }
  return closed;
}

/** Every unit and link in memory, so walking the tree asks the database nothing more. */
class UnitIndex {
  private readonly childrenOf = new Map<number, Unit[]>();
  private readonly linksFrom = new Map<number, number[]>();

  private constructor(
    readonly byId: Map<number, Unit>,
    readonly byCode: Map<string, Unit>,
    links: { fromId: number; toId: number }[],
  ) {
    for (const u of byId.values()) if (u.parentId !== null) this.childrenOf.set(u.parentId, [...(this.childrenOf.get(u.parentId) ?? []), u]);
    for (const l of links) this.linksFrom.set(l.fromId, [...(this.linksFrom.get(l.fromId) ?? []), l.toId]);
  }

  static async load(repo: UnitRepository): Promise<UnitIndex> {
    const [units, links] = await Promise.all([repo.allByCode(), repo.allLinks()]);
    return new UnitIndex(new Map([...units.values()].map((u) => [u.id, u])), units, links);
  }

  children(id: number): Unit[] {
    return this.childrenOf.get(id) ?? [];
  }

  successors(id: number): Unit[] {
    return (this.linksFrom.get(id) ?? []).map((to) => this.byId.get(to)!).filter(Boolean);
  }
}

function commonSuccessorAtLevel(index: UnitIndex, parent: Unit): Unit | null {
  const heirs = new Map<number, Unit>();
  const stack = [...index.children(parent.id)];
  while (stack.length) {
    const unit = stack.pop()!;
    const kids = index.children(unit.id);
    if (kids.length) {
      stack.push(...kids);
      continue;
    }
    for (const successor of index.successors(unit.id)) {
      let ancestor: Unit | null = successor;
      while (ancestor && ancestor.level !== parent.level) ancestor = ancestor.parentId ? (index.byId.get(ancestor.parentId) ?? null) : null;
      if (!ancestor) return null;
      heirs.set(ancestor.id, ancestor);
    }
  }
  const [only, ...rest] = [...heirs.values()];
  return only && rest.length === 0 && only.id !== parent.id ? only : null;
}
