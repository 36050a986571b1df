import { AppError, type CollectionPoint, type Inspection, type ParsedRequestOf } from '../../../shared/contract';
import type { Page } from '../../../shared/contract/paging';
import { formatDate } from '../../../shared/format/vi';
import { recordAudit } from '../audit/audit';
import { isoNow, localToday, type CoreContext } from '../app/context';
import { AgentRepository } from './agentRepository';
import { mustFindAgent } from './agents';
import { changeLines, cleanText, communeIds, unitIdOf } from './lookups';
import { InspectionRepository, PointRepository, type PointFields } from './pointRepository';

export async function searchPoints(ctx: CoreContext, req: ParsedRequestOf<'points:search'>): Promise<Page<CollectionPoint>> {
  return new PointRepository(ctx.store).page({ ...req, unitId: await unitIdOf(ctx.store, req.unitCode) }, localToday(ctx.now()));
}

export async function savePoint(ctx: CoreContext, req: ParsedRequestOf<'points:save'>): Promise<CollectionPoint> {
  const repo = new PointRepository(ctx.store);
  const agent = await mustFindAgent(new AgentRepository(ctx.store), req.agentCode);
  const before = req.id !== undefined ? await repo.byId(req.id) : null;
  if (req.id !== undefined && !before) throw new AppError('NOT_FOUND', 'Điểm thu này không còn trong cơ sở dữ liệu.');
  const unit = req.unitCode ? (await communeIds(ctx.store, [req.unitCode], 'unitCode')).get(req.unitCode)! : null;
  const code = req.code === undefined ? before?.code ?? null : cleanText(req.code);
  if (code) {
    const holder = await repo.byCode(code);
    if (holder && holder.id !== req.id) throw new AppError('VALIDATION', `Mã điểm thu ${code} đã dùng cho điểm thu khác.`, { field: 'code' });
  }
  const fields: PointFields = {
    agentId: agent.id, code, name: cleanText(req.name)!, address: req.address === undefined ? before?.address ?? null : cleanText(req.address), unitId: unit?.id ?? null,
    openedOn: req.openedOn === undefined ? before?.openedOn ?? null : req.openedOn, closedOn: req.closedOn === undefined ? before?.closedOn ?? null : req.closedOn,
    signage: req.signage ?? before?.signage ?? false, note: req.note === undefined ? before?.note ?? null : cleanText(req.note),
  };
  if (fields.openedOn && fields.closedOn && fields.closedOn < fields.openedOn) throw new AppError('VALIDATION', `Ngày đóng phải sau ngày mở (${formatDate(fields.openedOn)}).`, { field: 'closedOn' });
  const id = await ctx.store.transaction(async () => {
    if (before) {
      const changes = changeLines([
        ['tên', before.name, fields.name], ['đại lý', before.agentName, agent.name], ['địa chỉ', before.address, fields.address], ['xã', before.unitName, unit?.name ?? null],
        ['mở từ', formatDate(before.openedOn), formatDate(fields.openedOn)], ['đóng từ', formatDate(before.closedOn), formatDate(fields.closedOn)], ['biển hiệu', before.signage, fields.signage],
        ['ghi chú', before.note, fields.note],
      ]);
      await repo.update(before.id, fields, isoNow(ctx));
      if (changes.length > 0) await recordAudit(ctx.store, ctx.actor, { action: 'update', entity: 'agent', entityKey: agent.code, summary: `Sửa điểm thu ${before.name}: ${changes.join('; ')}` }, ctx.now());
      return before.id;
    }
    const newId = await repo.insert(fields, isoNow(ctx));
    await recordAudit(ctx.store, ctx.actor, { action: 'create', entity: 'agent', entityKey: agent.code, summary: `Thêm điểm thu ${fields.name}${unit ? ` (${unit.name})` : ''}` }, ctx.now());
    return newId;
  });
  ctx.events.emit({ type: 'data-changed', area: 'network' });
  return (await repo.byId(id))!;
}

export function searchInspections(ctx: CoreContext, req: ParsedRequestOf<'inspections:search'>): Promise<Page<Inspection>> {
  return new InspectionRepository(ctx.store).page(req);
}

export async function saveInspection(ctx: CoreContext, req: ParsedRequestOf<'inspections:save'>): Promise<Inspection> {
  const repo = new InspectionRepository(ctx.store);
  const agent = await mustFindAgent(new AgentRepository(ctx.store), req.agentCode);
  if (req.id !== undefined && !(await repo.byId(req.id))) throw new AppError('NOT_FOUND', 'Lần kiểm tra này không còn trong cơ sở dữ liệu.');
  if (req.inspectedOn > localToday(ctx.now())) throw new AppError('VALIDATION', 'Ngày kiểm tra chưa đến.', { field: 'inspectedOn' });
  const id = await ctx.store.transaction(async () => {
    const saved = await repo.save(req.id, { agentId: agent.id, inspectedOn: req.inspectedOn, inspector: cleanText(req.inspector)!, findings: req.findings.trim(), followUp: cleanText(req.followUp), followUpDone: req.followUpDone ?? false }, isoNow(ctx));
    await recordAudit(ctx.store, ctx.actor, { action: req.id ? 'update' : 'create', entity: 'agent', entityKey: agent.code, summary: `${req.id ? 'Sửa' : 'Ghi'} kết quả kiểm tra ngày ${formatDate(req.inspectedOn)} tại ${agent.name}` }, ctx.now());
    return saved;
  });
  ctx.events.emit({ type: 'data-changed', area: 'network' });
  return (await repo.byId(id))!;
}
