import { AppError, type CommissionRateRow, type ParsedRequestOf } from '../../../shared/contract';
import type { CommissionRate } from '../../../shared/calc/network';
import { COMMISSION_BASIS_LABELS, COMMISSION_PRODUCTS } from '../../../shared/domain/network';
import { formatDate, formatMoney, formatPercent } from '../../../shared/format/vi';
import { recordAudit } from '../audit/audit';
import { isoNow, type CoreContext } from '../app/context';
import type { Store } from '../db/store';
import { CommissionRepository } from './commissionRepository';
import { cleanText } from './lookups';

export function commissionRates(store: Store): Promise<CommissionRateRow[]> {
  return new CommissionRepository(store).list();
}

export function asRates(rows: CommissionRateRow[]): CommissionRate[] {
  return rows.map((r) => ({ product: r.product, basis: r.basis, value: r.value, validFrom: r.validFrom }));
}

export function describeRate(r: { basis: 'percent' | 'perNew'; value: number }): string {
  return r.basis === 'percent' ? `${formatPercent(r.value)} số tiền thu` : `${formatMoney(r.value)}/người tăng mới`;
}

/** A new dated rate: the months before it keep the old one, so past commission never changes. */
export async function addCommissionRate(ctx: CoreContext, req: ParsedRequestOf<'network:addCommissionRate'>): Promise<CommissionRateRow[]> {
  if (req.basis === 'percent' && req.value > 1) throw new AppError('VALIDATION', 'Tỷ lệ thù lao phải từ 0% đến 100%.', { field: 'value' });
  const repo = new CommissionRepository(ctx.store);
  if ((await repo.list()).some((r) => r.product === req.product && r.validFrom === req.validFrom)) throw new AppError('VALIDATION', `Đã có mức thù lao ${COMMISSION_PRODUCTS[req.product].label} áp dụng từ ${formatDate(req.validFrom)}.`, { field: 'validFrom' });
  await ctx.store.transaction(async () => {
    await repo.insert({ product: req.product, basis: req.basis, value: req.value, validFrom: req.validFrom, legalSource: cleanText(req.legalSource), note: cleanText(req.note) }, isoNow(ctx));
    await recordAudit(ctx.store, ctx.actor, {
      action: 'create', entity: 'commission_rate', entityKey: `${req.product}|${req.validFrom}`,
      summary: `Mức thù lao ${COMMISSION_PRODUCTS[req.product].label} từ ${formatDate(req.validFrom)}: ${describeRate(req)} (${COMMISSION_BASIS_LABELS[req.basis]})${req.legalSource ? `, theo ${req.legalSource}` : ''}`,
    }, ctx.now());
  });
  ctx.events.emit({ type: 'data-changed', area: 'network' });
  return repo.list();
}
