import { AppError, type OfficeDetail, type OfficeSummary } from '../../../shared/contract';
import type { Page, PageRequest } from '../../../shared/contract/paging';
import { formatDate } from '../../../shared/format/vi';
import { isValidOn, type Unit } from '../../../shared/domain/units';
import { toNfc } from '../../../shared/text/fold';
import { recordAudit } from '../audit/audit';
import { isoNow, localToday, type CoreContext } from '../app/context';
import { UnitRepository } from '../units/repository';
import { OfficeRepository, type MembershipRow, type OfficeFields, type OfficeRow } from './repository';
import { clip, covers, overlaps, spanText, type Span } from './rules';

export interface OfficeInput {
  code: string;
  name: string;
  address?: string | null;
  phone?: string | null;
  email?: string | null;
  headName?: string | null;
  note?: string | null;
  validFrom?: string | null;
}

export function searchOffices(ctx: CoreContext, req: PageRequest<'code' | 'name'> & { asOf?: string | null; includeClosed?: boolean }): Promise<Page<OfficeSummary>> {
  return new OfficeRepository(ctx.store).page({ ...req, asOf: req.asOf ?? localToday(ctx.now()) });
}

export async function getOffice(ctx: CoreContext, code: string): Promise<OfficeDetail> {
  const repo = new OfficeRepository(ctx.store);
  const office = await mustFind(repo, code);
  const members = await repo.memberships(office.id);
  const today = localToday(ctx.now());
  const { id: _id, provinceUnitId: _p, ...rest } = office;
  return {
    ...rest,
    communeCount: new Set(members.filter((m) => covers(m, today)).map((m) => m.unitId)).size,
    members: members.map((m) => ({ id: m.id, unitCode: m.unitCode, unitName: m.unitName, validFrom: m.validFrom, validTo: m.validTo })),
  };
}

async function mustFind(repo: OfficeRepository, code: string): Promise<OfficeRow> {
  const office = await repo.byCode(code);
  if (!office) throw new AppError('NOT_FOUND', `Không có cơ quan BHXH cơ sở mã "${code}".`);
  return office;
}

export function officeFields(input: OfficeInput): OfficeFields {
  const text = (v: string | null | undefined) => (v && v.trim() ? toNfc(v) : null);
  return { name: toNfc(input.name), address: text(input.address), phone: text(input.phone), email: text(input.email), headName: text(input.headName), note: text(input.note), validFrom: input.validFrom ?? null };
}

/** The province an office belongs to: the one given, or the only province working today. */
export async function provinceFor(ctx: CoreContext, units: Map<string, Unit>, code: string | null | undefined): Promise<Unit> {
  if (code) {
    const unit = units.get(code);
    if (!unit || unit.level !== 'province') throw new AppError('VALIDATION', `Không có tỉnh mã "${code}" trong danh mục.`, { field: 'provinceCode' });
    return unit;
  }
  const today = localToday(ctx.now());
  const provinces = [...units.values()].filter((u) => u.level === 'province' && isValidOn(u, today));
  if (provinces.length === 1) return provinces[0]!;
  throw new AppError('VALIDATION', provinces.length === 0 ? 'Danh mục chưa có tỉnh nào; hãy nhập danh mục đơn vị trước.' : 'Hãy chọn tỉnh của cơ quan.', { field: 'provinceCode' });
}

export async function createOffice(ctx: CoreContext, input: OfficeInput & { provinceCode?: string | null }): Promise<OfficeDetail> {
  const repo = new OfficeRepository(ctx.store);
  const existing = await repo.byCode(input.code);
  if (existing) throw new AppError('VALIDATION', `Mã ${input.code} đã dùng cho "${existing.name}".`, { field: 'code' });
  const province = await provinceFor(ctx, await new UnitRepository(ctx.store).allByCode(), input.provinceCode);
  const fields = officeFields(input);
  await ctx.store.transaction(async () => {
    await repo.insertOffice({ code: input.code, provinceUnitId: province.id, ...fields }, isoNow(ctx));
    await recordAudit(ctx.store, ctx.actor, { action: 'create', entity: 'office', entityKey: input.code, summary: `Thêm cơ quan ${fields.name} (mã ${input.code})` }, ctx.now());
  });
  ctx.events.emit({ type: 'data-changed', area: 'offices' });
  return getOffice(ctx, input.code);
}

export async function updateOffice(ctx: CoreContext, input: OfficeInput): Promise<OfficeDetail> {
  const repo = new OfficeRepository(ctx.store);
  const office = await mustFind(repo, input.code);
  const fields = officeFields({ ...input, validFrom: input.validFrom === undefined ? office.validFrom : input.validFrom });
  if (fields.validFrom && office.validTo && fields.validFrom > office.validTo) {
    throw new AppError('VALIDATION', `Ngày bắt đầu hoạt động phải trước ngày ngừng hoạt động (${formatDate(office.validTo)}).`, { field: 'validFrom' });
  }
  if (fields.validFrom) {
    const earlier = (await repo.memberships(office.id)).find((m) => m.validFrom === null || m.validFrom < fields.validFrom!);
    if (earlier) {
      throw new AppError('VALIDATION', `${earlier.unitName} trực thuộc cơ quan ${spanText(earlier)}, trước ngày ${formatDate(fields.validFrom)}; hãy sửa phân công đó trước.`, { field: 'validFrom' });
    }
  }
  const changes = describeChanges(office, fields);
  if (changes.length > 0) {
    await ctx.store.transaction(async () => {
      await repo.updateOffice(office.id, fields, isoNow(ctx));
      await recordAudit(ctx.store, ctx.actor, { action: 'update', entity: 'office', entityKey: office.code, summary: `Sửa cơ quan ${office.name}: ${changes.join('; ')}` }, ctx.now());
    });
    ctx.events.emit({ type: 'data-changed', area: 'offices' });
  }
  return getOffice(ctx, office.code);
}

export function describeChanges(before: OfficeRow | (OfficeFields & { validTo?: string | null }), after: OfficeFields): string[] {
  const out: string[] = [];
  const show = (v: string | null) => (v ? `"${v}"` : '—');
  const pairs: [string, string | null, string | null][] = [
    ['tên', before.name, after.name],
    ['địa chỉ', before.address, after.address],
    ['điện thoại', before.phone, after.phone],
    ['thư điện tử', before.email, after.email],
    ['thủ trưởng', before.headName, after.headName],
    ['ghi chú', before.note, after.note],
  ];
  for (const [label, a, b] of pairs) if ((a ?? null) !== (b ?? null)) out.push(`${label} ${show(a)} → ${show(b)}`);
  if ((before.validFrom ?? null) !== (after.validFrom ?? null)) out.push(`hoạt động từ ${formatDate(before.validFrom) || '—'} → ${formatDate(after.validFrom) || '—'}`);
  return out;
}

/** The office works until `lastDay`; communes it served after that day are released on that day. */
export async function closeOffice(ctx: CoreContext, input: { code: string; lastDay: string }): Promise<OfficeDetail> {
  const repo = new OfficeRepository(ctx.store);
  const office = await mustFind(repo, input.code);
  if (office.validFrom && input.lastDay < office.validFrom) {
    throw new AppError('VALIDATION', `Ngày ngừng hoạt động phải sau ngày bắt đầu hoạt động (${formatDate(office.validFrom)}).`, { field: 'lastDay' });
  }
  const members = await repo.memberships(office.id);
  await ctx.store.transaction(async () => {
    const now = isoNow(ctx);
    await repo.setOfficeValidTo(office.id, input.lastDay, now);
    let released = 0;
    for (const m of members) {
      if (m.validFrom !== null && m.validFrom > input.lastDay) {
        await repo.deleteMembership(m.id);
        released++;
      } else if (m.validTo === null || m.validTo > input.lastDay) {
        await repo.setMembershipValidTo(m.id, input.lastDay);
        released++;
      }
    }
    await recordAudit(
      ctx.store,
      ctx.actor,
      { action: 'close', entity: 'office', entityKey: office.code, summary: `Cơ quan ${office.name} ngừng hoạt động sau ngày ${formatDate(input.lastDay)}; ${released} xã, phường thôi trực thuộc` },
      ctx.now(),
    );
  });
  ctx.events.emit({ type: 'data-changed', area: 'offices' });
  return getOffice(ctx, office.code);
}

/**
 * Problems with serving `unit` over `span` from `office`: not a commune, outside the commune's
 * own life or the office's, or another membership (of any office) on one of those days.
 * Returns the span clipped to the commune's life, or a Vietnamese message.
 */
export function checkMembership(
  office: { code: string; name: string } & Span,
  unit: Unit | undefined,
  unitCode: string,
  span: Span,
  others: (Span & { officeCode: string; officeName: string; id?: number })[],
): { ok: true; span: Span } | { ok: false; message: string } {
  if (!unit) return { ok: false, message: `Không có xã, phường mã "${unitCode}" trong danh mục.` };
  if (unit.level !== 'commune') return { ok: false, message: `"${unit.name}" (${unit.code}) không phải xã, phường, đặc khu.` };
  if (span.validFrom && span.validTo && span.validFrom > span.validTo) return { ok: false, message: `Ngày kết thúc ${formatDate(span.validTo)} trước ngày bắt đầu ${formatDate(span.validFrom)}.` };
  const inLife = clip(span, unit);
  if (!inLife) return { ok: false, message: `${unit.name} (${unit.code}) không có hiệu lực ${spanText(span)} (hiệu lực ${spanText(unit)}).` };
  if (!clip(inLife, office) || (office.validFrom && (inLife.validFrom ?? '0000-01-01') < office.validFrom) || (office.validTo && (inLife.validTo ?? '9999-12-31') > office.validTo)) {
    return { ok: false, message: `${office.name} chỉ hoạt động ${spanText(office)}; không thể phụ trách ${unit.name} ${spanText(inLife)}.` };
  }
  const clash = others.find((o) => overlaps(o, inLife));
  if (clash) {
    const same = clash.officeCode === office.code;
    return {
      ok: false,
      message: `${unit.name} (${unit.code}) đã thuộc ${same ? 'chính cơ quan này' : clash.officeName} ${spanText(clash)}; một xã, phường chỉ thuộc một cơ quan BHXH cơ sở vào mỗi ngày.`,
    };
  }
  return { ok: true, span: inLife };
}

export async function assignCommunes(ctx: CoreContext, input: { code: string; unitCodes: string[]; validFrom: string | null; validTo?: string | null }): Promise<OfficeDetail> {
  const repo = new OfficeRepository(ctx.store);
  const office = await mustFind(repo, input.code);
  const units = await new UnitRepository(ctx.store).allByCode();
  const codes = [...new Set(input.unitCodes)];
  const ids = codes.map((c) => units.get(c)?.id).filter((id): id is number => id !== undefined);
  const existing = await repo.membershipsOfUnits(ids);
  const span: Span = { validFrom: input.validFrom, validTo: input.validTo ?? null };
  const rows: { officeId: number; unitId: number; validFrom: string | null; validTo: string | null }[] = [];
  const problems: string[] = [];
  for (const code of codes) {
    const unit = units.get(code);
    const check = checkMembership(office, unit, code, span, existing.filter((m) => m.unitId === unit?.id));
    if (!check.ok) problems.push(check.message);
    else rows.push({ officeId: office.id, unitId: unit!.id, ...check.span });
  }
  if (problems.length > 0) {
    throw new AppError('VALIDATION', problems.length === 1 ? problems[0]! : `${problems.length} xã, phường không gán được: ${problems.slice(0, 3).join(' ')}${problems.length > 3 ? ' …' : ''}`, problems.length > 1 ? { field: 'unitCodes', problems } : { field: 'unitCodes' });
  }
  await ctx.store.transaction(async () => {
    await repo.insertMemberships(rows);
    const names = codes.map((c) => units.get(c)!.name);
    await recordAudit(
      ctx.store,
      ctx.actor,
      { action: 'assign', entity: 'office', entityKey: office.code, summary: `Giao ${names.length} xã, phường cho ${office.name} ${spanText(span)}: ${names.slice(0, 10).join(', ')}${names.length > 10 ? ' …' : ''}` },
      ctx.now(),
    );
  });
  ctx.events.emit({ type: 'data-changed', area: 'offices' });
  return getOffice(ctx, office.code);
}

/** Ends a membership on `lastDay`; without a day, removes an assignment made by mistake. */
export async function unassignCommune(ctx: CoreContext, input: { code: string; membershipId: number; lastDay: string | null }): Promise<OfficeDetail> {
  const repo = new OfficeRepository(ctx.store);
  const office = await mustFind(repo, input.code);
  const membership: MembershipRow | undefined = (await repo.memberships(office.id)).find((m) => m.id === input.membershipId);
  if (!membership) throw new AppError('NOT_FOUND', `${office.name} không có phân công này (có thể đã được sửa ở máy khác); hãy tải lại.`);
  if (input.lastDay !== null) {
    if (membership.validFrom && input.lastDay < membership.validFrom) {
      throw new AppError('VALIDATION', `Ngày thôi trực thuộc phải từ ngày bắt đầu (${formatDate(membership.validFrom)}) trở đi.`, { field: 'lastDay' });
    }
    if (membership.validTo && input.lastDay > membership.validTo) {
      throw new AppError('VALIDATION', `${membership.unitName} đã thôi trực thuộc sau ngày ${formatDate(membership.validTo)}.`, { field: 'lastDay' });
    }
  }
  await ctx.store.transaction(async () => {
    if (input.lastDay === null) await repo.deleteMembership(membership.id);
    else await repo.setMembershipValidTo(membership.id, input.lastDay);
    const summary =
      input.lastDay === null
        ? `Bỏ phân công ${membership.unitName} (${membership.unitCode}) ${spanText(membership)} khỏi ${office.name}`
        : `${membership.unitName} (${membership.unitCode}) thôi trực thuộc ${office.name} sau ngày ${formatDate(input.lastDay)}`;
    await recordAudit(ctx.store, ctx.actor, { action: 'unassign', entity: 'office', entityKey: office.code, summary }, ctx.now());
  });
  ctx.events.emit({ type: 'data-changed', area: 'offices' });
  return getOffice(ctx, office.code);
}
