import { AppError, type ParsedRequestOf, type StaffDetail, type StaffSummary } from '../../../shared/contract';
import type { Page } from '../../../shared/contract/paging';
import { cccdProblem, normaliseCccd, normalisePhone, phoneProblem } from '../../../shared/calc/cccd';
import { STAFF_ROLE_LABELS, STAFF_STATUS_LABELS } from '../../../shared/domain/network';
import { formatDate } from '../../../shared/format/vi';
import { listAudit, recordAudit } from '../audit/audit';
import { isoNow, type CoreContext } from '../app/context';
import { AgentRepository } from './agentRepository';
import { mustFindAgent } from './agents';
import { changeLines, cleanText, communeIds, unitIdOf } from './lookups';
import { StaffRepository, toSummary, type StaffFields, type StaffRow } from './staffRepository';

type StaffInput = ParsedRequestOf<'staff:create'>;

export async function searchStaff(ctx: CoreContext, req: ParsedRequestOf<'staff:search'>): Promise<Page<StaffSummary>> {
  return new StaffRepository(ctx.store).page({ ...req, unitId: await unitIdOf(ctx.store, req.unitCode) });
}

export async function getStaff(ctx: CoreContext, code: string): Promise<StaffDetail> {
  const repo = new StaffRepository(ctx.store);
  const staff = await mustFindStaff(repo, code);
  const [communes, history] = await Promise.all([repo.communesOf([staff.id]), listAudit(ctx.store, { entity: 'staff', entityKey: staff.code, limit: 50 })]);
  return { ...toSummary(staff, communes.get(staff.id) ?? []), note: staff.note, history: history.items };
}

async function mustFindStaff(repo: StaffRepository, code: string): Promise<StaffRow> {
  const staff = await repo.byCode(code);
  if (!staff) throw new AppError('NOT_FOUND', `Không có nhân viên thu mã "${code}".`, { field: 'code' });
  return staff;
}

/**
 * The identity checks of a staff record, shared with the list import: a CCCD that is well formed
 * and agrees with the birth year, held by nobody else; a phone that is a phone.
 */
export function identityProblems(input: { cccd: string | null; phone: string | null; birthYear: number | null; birthDate: string | null; sex: 'M' | 'F' | null }): { field: 'cccd' | 'phone' | 'birthDate'; message: string }[] {
  const out: { field: 'cccd' | 'phone' | 'birthDate'; message: string }[] = [];
  if (input.birthDate && input.birthYear && Number(input.birthDate.slice(0, 4)) !== input.birthYear) out.push({ field: 'birthDate', message: `Ngày sinh ${formatDate(input.birthDate)} không khớp năm sinh ${input.birthYear}.` });
  if (input.cccd) {
    const problem = cccdProblem(input.cccd, { birthYear: input.birthYear, birthDate: input.birthDate, sex: input.sex });
    if (problem) out.push({ field: 'cccd', message: problem });
  }
  if (input.phone) {
    const problem = phoneProblem(input.phone);
    if (problem) out.push({ field: 'phone', message: problem });
  }
  return out;
}

async function fieldsOf(ctx: CoreContext, input: StaffInput, before: StaffRow | null): Promise<{ fields: StaffFields; communeIds: number[] | null; agentName: string }> {
  const agent = await mustFindAgent(new AgentRepository(ctx.store), input.agentCode);
  const cccd = input.cccd === undefined ? before?.cccd ?? null : input.cccd ? normaliseCccd(input.cccd) : null;
  const phone = input.phone === undefined ? before?.phone ?? null : input.phone ? normalisePhone(input.phone) : null;
  const pick = <T>(v: T | undefined, b: T | null | undefined): T | null => (v === undefined ? b ?? null : v);
  const fields: StaffFields = {
    fullName: cleanText(input.fullName)!, role: input.role ?? before?.role ?? 'staff', birthYear: pick(input.birthYear, before?.birthYear), birthDate: pick(input.birthDate, before?.birthDate),
    sex: pick(input.sex, before?.sex), cccd, phone, agentId: agent.id, trainingDate: pick(input.trainingDate, before?.trainingDate), cardNo: input.cardNo === undefined ? before?.cardNo ?? null : cleanText(input.cardNo),
    cardDate: pick(input.cardDate, before?.cardDate), status: input.status ?? before?.status ?? 'active', joinedOn: pick(input.joinedOn, before?.joinedOn), leftOn: pick(input.leftOn, before?.leftOn),
    note: input.note === undefined ? before?.note ?? null : cleanText(input.note),
  };
  const problem = identityProblems(fields)[0];
  if (problem) throw new AppError('VALIDATION', problem.message, { field: problem.field });
  if (fields.joinedOn && fields.leftOn && fields.leftOn < fields.joinedOn) throw new AppError('VALIDATION', `Ngày nghỉ phải sau ngày vào làm (${formatDate(fields.joinedOn)}).`, { field: 'leftOn' });
  if (cccd) {
    const holder = (await new StaffRepository(ctx.store).byCccds([cccd])).get(cccd);
    if (holder && holder.code !== input.code) throw new AppError('VALIDATION', `Số CCCD này đã có ở nhân viên ${holder.fullName} (mã ${holder.code}).`, { field: 'cccd' });
  }
  const ids = input.communeCodes === undefined ? null : [...(await communeIds(ctx.store, input.communeCodes, 'communeCodes')).values()].map((c) => c.id);
  return { fields, communeIds: ids, agentName: agent.name };
}

export async function createStaff(ctx: CoreContext, input: StaffInput): Promise<StaffDetail> {
  const repo = new StaffRepository(ctx.store);
  const existing = await repo.byCode(input.code);
  if (existing) throw new AppError('VALIDATION', `Mã ${input.code} đã dùng cho nhân viên ${existing.fullName}.`, { field: 'code' });
  const { fields, communeIds: ids, agentName } = await fieldsOf(ctx, input, null);
  await ctx.store.transaction(async () => {
    const id = await repo.insert(input.code, fields, isoNow(ctx));
    if (ids && ids.length > 0) await repo.setCommunes(id, ids);
    await recordAudit(ctx.store, ctx.actor, { action: 'create', entity: 'staff', entityKey: input.code, summary: `Thêm ${STAFF_ROLE_LABELS[fields.role].toLowerCase()} ${fields.fullName} (mã ${input.code}) của ${agentName}` }, ctx.now());
  });
  ctx.events.emit({ type: 'data-changed', area: 'network' });
  return getStaff(ctx, input.code);
}

export async function updateStaff(ctx: CoreContext, input: StaffInput): Promise<StaffDetail> {
  const repo = new StaffRepository(ctx.store);
  const before = await mustFindStaff(repo, input.code);
  const { fields, communeIds: ids, agentName } = await fieldsOf(ctx, input, before);
  const communesBefore = ids === null ? null : ((await repo.communesOf([before.id])).get(before.id) ?? []).map((c) => c.code).sort();
  // Identifiers changed are named, never written into the log.
  const changes = changeLines([
    ['họ tên', before.fullName, fields.fullName], ['vai trò', STAFF_ROLE_LABELS[before.role], STAFF_ROLE_LABELS[fields.role]], ['năm sinh', before.birthYear, fields.birthYear],
    ['ngày sinh', formatDate(before.birthDate), formatDate(fields.birthDate)], ['đại lý', before.agentName, agentName], ['ngày tập huấn', formatDate(before.trainingDate), formatDate(fields.trainingDate)],
    ['số thẻ', before.cardNo, fields.cardNo], ['ngày cấp thẻ', formatDate(before.cardDate), formatDate(fields.cardDate)], ['trạng thái', STAFF_STATUS_LABELS[before.status], STAFF_STATUS_LABELS[fields.status]],
    ['ngày vào', formatDate(before.joinedOn), formatDate(fields.joinedOn)], ['ngày nghỉ', formatDate(before.leftOn), formatDate(fields.leftOn)], ['ghi chú', before.note, fields.note],
    ...(communesBefore ? ([['địa bàn', communesBefore, [...(input.communeCodes ?? [])].sort()]] as [string, unknown, unknown][]) : []),
  ]);
  if (before.cccd !== fields.cccd) changes.push('số CCCD đã thay đổi');
  if (before.phone !== fields.phone) changes.push('số điện thoại đã thay đổi');
  if (changes.length > 0) {
    await ctx.store.transaction(async () => {
      await repo.update(before.id, fields, isoNow(ctx));
      if (ids !== null) await repo.setCommunes(before.id, ids);
      await recordAudit(ctx.store, ctx.actor, { action: 'update', entity: 'staff', entityKey: before.code, summary: `Sửa nhân viên ${before.fullName}: ${changes.join('; ')}` }, ctx.now());
    });
    ctx.events.emit({ type: 'data-changed', area: 'network' });
  }
  return getStaff(ctx, before.code);
}

/** The one way to read a CCCD or phone unmasked: written to the audit log in the same transaction. */
export async function revealStaff(ctx: CoreContext, req: { code: string; field: 'cccd' | 'phone' }): Promise<{ value: string | null }> {
  const repo = new StaffRepository(ctx.store);
  const staff = await mustFindStaff(repo, req.code);
  const label = req.field === 'cccd' ? 'số CCCD' : 'số điện thoại';
  await ctx.store.transaction(() => recordAudit(ctx.store, ctx.actor, { action: 'reveal', entity: 'staff', entityKey: staff.code, summary: `Xem ${label} của nhân viên ${staff.fullName} (mã ${staff.code})` }, ctx.now()));
  return { value: req.field === 'cccd' ? staff.cccd : staff.phone };
}
