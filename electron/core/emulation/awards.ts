import { AppError, type Award, type Page, type ParsedRequestOf } from '../../../shared/contract';
import { AWARD_KIND_LABELS, EMULATION_LEVEL_LABELS } from '../../../shared/domain/emulation';
import { formatDate, formatMoney } from '../../../shared/format/vi';
import { toNfc } from '../../../shared/text/fold';
import { recordAudit } from '../audit/audit';
import { isoNow, type CoreContext } from '../app/context';
import { EmulationRepository, type AwardFields } from './repository';

export function searchAwards(ctx: CoreContext, req: ParsedRequestOf<'awards:search'>): Promise<Page<Award>> {
  return new EmulationRepository(ctx.store).awardPage(req);
}

/** Who an award names: the recipient's code must exist at its level when one is given. */
async function checkRecipient(ctx: CoreContext, level: AwardFields['recipientLevel'], code: string | null): Promise<void> {
  if (!code) return;
  if (!(await new EmulationRepository(ctx.store).recipientExists(level, code))) throw new AppError('VALIDATION', `Không có ${EMULATION_LEVEL_LABELS[level].toLocaleLowerCase('vi')} mã "${code}".`);
}

/** Creates (no id) or changes an award: one transaction with its audit row. */
export async function saveAward(ctx: CoreContext, req: ParsedRequestOf<'awards:save'>): Promise<Award> {
  const repo = new EmulationRepository(ctx.store);
  const fields: AwardFields = {
    recipientLevel: req.recipientLevel,
    recipientCode: req.recipientCode || null,
    recipientName: toNfc(req.recipientName),
    kind: req.kind,
    title: toNfc(req.title),
    decisionNo: req.decisionNo,
    decisionDate: req.decisionDate,
    amount: req.amount,
    period: req.period ? req.period.toUpperCase() : null,
    note: req.note || null,
  };
  await checkRecipient(ctx, fields.recipientLevel, fields.recipientCode);
  const summary = `${AWARD_KIND_LABELS[fields.kind]} cho ${fields.recipientName}, quyết định ${fields.decisionNo} ngày ${formatDate(fields.decisionDate)}, ${formatMoney(fields.amount)}`;
  const id = await ctx.store.transaction(async () => {
    const now = isoNow(ctx);
    let awardId: number;
    if (req.id !== undefined) {
      if (!(await repo.award(req.id))) throw new AppError('NOT_FOUND', 'Không tìm thấy bản ghi khen thưởng (có thể đã bị xóa).');
      await repo.updateAward(req.id, fields, now);
      awardId = req.id;
    } else awardId = await repo.insertAward(fields, now);
    await recordAudit(
      ctx.store,
      ctx.actor,
      { action: req.id !== undefined ? 'update' : 'create', entity: 'award', entityKey: String(awardId), summary: `${req.id !== undefined ? 'Sửa' : 'Ghi'} khen thưởng: ${summary}`, details: fields },
      ctx.now(),
    );
    return awardId;
  });
  ctx.events.emit({ type: 'data-changed', area: 'emulation' });
  return (await repo.award(id))!;
}

export async function deleteAward(ctx: CoreContext, id: number): Promise<{ deleted: number }> {
  const repo = new EmulationRepository(ctx.store);
  const deleted = await ctx.store.transaction(async () => {
    const award = await repo.award(id);
    if (!award) throw new AppError('NOT_FOUND', 'Không tìm thấy bản ghi khen thưởng (có thể đã bị xóa).');
    const n = await repo.deleteAward(id);
    await recordAudit(
      ctx.store,
      ctx.actor,
      { action: 'delete', entity: 'award', entityKey: String(id), summary: `Xóa khen thưởng: ${AWARD_KIND_LABELS[award.kind]} cho ${award.recipientName}, quyết định ${award.decisionNo}`, details: award },
      ctx.now(),
    );
    return n;
  });
  ctx.events.emit({ type: 'data-changed', area: 'emulation' });
  return { deleted };
}
