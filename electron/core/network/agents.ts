import { AppError, type AgentDetail, type AgentSummary, type ParsedRequestOf } from '../../../shared/contract';
import type { Page } from '../../../shared/contract/paging';
import { AGENT_KIND_LABELS, AGENT_STATUS_LABELS } from '../../../shared/domain/network';
import { formatDate } from '../../../shared/format/vi';
import { listAudit, recordAudit } from '../audit/audit';
import { isoNow, localToday, type CoreContext } from '../app/context';
import { AgentRepository, toSummary, type AgentFields, type AgentRow } from './agentRepository';
import { changeLines, cleanText, communeIds, officeIdOf, unitIdOf } from './lookups';
import { InspectionRepository, PointRepository } from './pointRepository';

type AgentInput = ParsedRequestOf<'agents:create'>;

export async function searchAgents(ctx: CoreContext, req: ParsedRequestOf<'agents:search'>): Promise<Page<AgentSummary>> {
  return new AgentRepository(ctx.store).page({ ...req, unitId: await unitIdOf(ctx.store, req.unitCode) }, localToday(ctx.now()));
}

export async function getAgent(ctx: CoreContext, code: string): Promise<AgentDetail> {
  const repo = new AgentRepository(ctx.store);
  const agent = await mustFindAgent(repo, code);
  const today = localToday(ctx.now());
  const [counts, named, points, inspections, history] = await Promise.all([
    repo.counts([agent], today),
    agent.allCommunes && agent.officeId !== null ? repo.officeCommunes(agent.officeId, today) : repo.communes(agent.id),
    new PointRepository(ctx.store).ofAgent(agent.id),
    new InspectionRepository(ctx.store).ofAgent(agent.id),
    listAudit(ctx.store, { entity: 'agent', entityKey: agent.code, limit: 50 }),
  ]);
  return { ...toSummary(agent, counts.get(agent.id), today), address: agent.address, phone: agent.phone, representative: agent.representative, note: agent.note, communes: named, points, inspections, history: history.items };
}

export async function mustFindAgent(repo: AgentRepository, code: string, field = 'agentCode'): Promise<AgentRow> {
  const agent = await repo.byCode(code);
  if (!agent) throw new AppError('NOT_FOUND', `Không có tổ chức dịch vụ thu mã "${code}".`, { field });
  return agent;
}

async function fieldsOf(ctx: CoreContext, input: AgentInput, before: AgentRow | null): Promise<{ fields: AgentFields; communeIds: number[] | null; officeName: string | null }> {
  const office = input.officeCode === undefined ? (before ? { id: before.officeId, name: before.officeName } : null) : await officeIdOf(ctx.store, input.officeCode);
  const signedOn = input.signedOn === undefined ? before?.signedOn ?? null : input.signedOn;
  const expiresOn = input.expiresOn === undefined ? before?.expiresOn ?? null : input.expiresOn;
  if (signedOn && expiresOn && expiresOn < signedOn) throw new AppError('VALIDATION', `Ngày hết hiệu lực phải sau ngày ký hợp đồng (${formatDate(signedOn)}).`, { field: 'expiresOn' });
  const allCommunes = input.allCommunes ?? before?.allCommunes ?? false;
  if (allCommunes && !office?.id) throw new AppError('VALIDATION', 'Đại lý phục vụ tất cả các xã phải thuộc một cơ quan BHXH cơ sở.', { field: 'officeCode' });
  const ids = input.communeCodes === undefined ? null : [...(await communeIds(ctx.store, input.communeCodes, 'communeCodes')).values()].map((c) => c.id);
  return {
    fields: {
      name: cleanText(input.name)!, kind: input.kind, product: input.product ?? before?.product ?? 'ALL', contractNo: keep(input.contractNo, before?.contractNo), signedOn, expiresOn,
      officeId: office?.id ?? null, status: input.status ?? before?.status ?? 'active', allCommunes, address: keep(input.address, before?.address), phone: keep(input.phone, before?.phone),
      representative: keep(input.representative, before?.representative), note: keep(input.note, before?.note),
    },
    communeIds: allCommunes ? [] : ids,
    officeName: office?.name ?? null,
  };
}

/** A field left out of the request keeps its value; null or "" clears it. */
function keep(value: string | null | undefined, before: string | null | undefined): string | null {
  return value === undefined ? before ?? null : cleanText(value);
}

export async function createAgent(ctx: CoreContext, input: AgentInput): Promise<AgentDetail> {
  const repo = new AgentRepository(ctx.store);
  const existing = await repo.byCode(input.code);
  if (existing) throw new AppError('VALIDATION', `Mã ${input.code} đã dùng cho "${existing.name}".`, { field: 'code' });
  const { fields, communeIds: ids } = await fieldsOf(ctx, input, null);
  await ctx.store.transaction(async () => {
    const id = await repo.insert(input.code, fields, isoNow(ctx));
    if (ids && ids.length > 0) await repo.setCommunes(id, ids);
    await recordAudit(ctx.store, ctx.actor, { action: 'create', entity: 'agent', entityKey: input.code, summary: `Thêm tổ chức dịch vụ thu ${fields.name} (mã ${input.code}, ${AGENT_KIND_LABELS[fields.kind]})` }, ctx.now());
  });
  ctx.events.emit({ type: 'data-changed', area: 'network' });
  return getAgent(ctx, input.code);
}

export async function updateAgent(ctx: CoreContext, input: AgentInput): Promise<AgentDetail> {
  const repo = new AgentRepository(ctx.store);
  const before = await mustFindAgent(repo, input.code, 'code');
  const { fields, communeIds: ids, officeName } = await fieldsOf(ctx, input, before);
  const beforeCommunes = ids === null ? null : (await repo.communes(before.id)).map((c) => c.name);
  const afterCommunes = ids === null ? null : input.allCommunes ? [] : [...(await communeIds(ctx.store, input.communeCodes ?? [], 'communeCodes')).values()].map((c) => c.name);
  const changes = changeLines([
    ['tên', before.name, fields.name], ['loại', AGENT_KIND_LABELS[before.kind], AGENT_KIND_LABELS[fields.kind]], ['số hợp đồng', before.contractNo, fields.contractNo],
    ['ngày ký', formatDate(before.signedOn), formatDate(fields.signedOn)], ['hiệu lực đến', formatDate(before.expiresOn), formatDate(fields.expiresOn)],
    ['cơ quan ký', before.officeName, officeName], ['trạng thái', AGENT_STATUS_LABELS[before.status], AGENT_STATUS_LABELS[fields.status]],
    ['phục vụ tất cả các xã', before.allCommunes, fields.allCommunes], ['địa chỉ', before.address, fields.address], ['điện thoại', before.phone, fields.phone],
    ['người đại diện', before.representative, fields.representative], ['ghi chú', before.note, fields.note],
    ...(beforeCommunes && afterCommunes ? ([['xã hoạt động', beforeCommunes.sort(), afterCommunes.sort()]] as [string, unknown, unknown][]) : []),
  ]);
  if (changes.length > 0) {
    await ctx.store.transaction(async () => {
      await repo.update(before.id, fields, isoNow(ctx));
      if (ids !== null) await repo.setCommunes(before.id, ids);
      await recordAudit(ctx.store, ctx.actor, { action: 'update', entity: 'agent', entityKey: before.code, summary: `Sửa tổ chức dịch vụ thu ${before.name}: ${changes.join('; ')}` }, ctx.now());
    });
    ctx.events.emit({ type: 'data-changed', area: 'network' });
  }
  return getAgent(ctx, before.code);
}
