import { AppError } from '../../../shared/contract';
import { asOfMessage, checkCount } from '../../../shared/calc/valueRules';
import { indicatorByCode } from '../../../shared/domain/indicators';
import { isValidOn } from '../../../shared/domain/units';
import { formatCount, formatDate } from '../../../shared/format/vi';
import { recordAudit } from '../audit/audit';
import { isoNow, localToday, type CoreContext } from '../app/context';
import { UnitRepository } from '../units/repository';
import { ResultRepository } from './repository';

/** One figure as of one day, for scripts (`results set`); null removes it. */
export async function setResult(ctx: CoreContext, req: { unitCode: string; indicatorCode: string; asOf: string; value: number | null; note?: string | null }): Promise<{ saved: number }> {
  const unit = await new UnitRepository(ctx.store).byCode(req.unitCode);
  if (!unit) throw new AppError('NOT_FOUND', `Không có đơn vị mã "${req.unitCode}".`);
  const future = asOfMessage(req.asOf, req.asOf.slice(0, 7), localToday(ctx.now()));
  if (future) throw new AppError('VALIDATION', future);
  if (!isValidOn(unit, req.asOf)) throw new AppError('VALIDATION', `Đơn vị "${unit.name}" không có hiệu lực ngày ${formatDate(req.asOf)}.`);
  const def = indicatorByCode(req.indicatorCode);
  if (!def || def.kind !== 'count') throw new AppError('VALIDATION', `Chỉ tiêu "${req.indicatorCode}" không nhập trực tiếp được (tỷ lệ được tính tự động).`);
  const refused = req.value === null ? undefined : checkCount(def.code, req.value).find((i) => i.blocking);
  if (refused) throw new AppError('VALIDATION', `${unit.name} — ${def.shortName}: ${refused.message}`);
  const repo = new ResultRepository(ctx.store);
  const saved = await ctx.store.transaction(async () => {
    let saved = 1;
    if (req.value === null) saved = await repo.delete(unit.id, def.code, req.asOf);
    else await repo.upsertMany([{ unitId: unit.id, indicatorCode: def.code, asOf: req.asOf, value: req.value, note: req.note ?? null }], isoNow(ctx));
    await recordAudit(ctx.store, ctx.actor, {
      action: 'results', entity: 'result', entityKey: `${unit.code}|${def.code}|${req.asOf}`,
      summary: `${unit.name} — ${def.shortName} ngày ${formatDate(req.asOf)}: ${req.value === null ? 'xóa' : formatCount(req.value)}`,
    }, ctx.now());
    return saved;
  });
  ctx.events.emit({ type: 'data-changed', area: 'results' });
  return { saved };
}
