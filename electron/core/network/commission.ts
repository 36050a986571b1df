import { AppError, type CommissionRateRow, type ParsedRequestOf } from '../../../shared/contract';
import type { CommissionRate } from '../../../shared/calc/network';
import { COMMISSION_BASIS_LABELS, COMMISSION_PRODUCTS, type CommissionProduct } from '../../../shared/domain/network';
import { formatDate, formatMoney, formatPercent } from '../../../shared/format/vi';
import { recordAudit } from '../audit/audit';
import { isoNow, type CoreContext } from '../app/context';
import type { Store } from '../db/store';
import { cleanText } from './lookups';

export async function commissionRates(store: Store): Promise<CommissionRateRow[]> {
  const rows = await store.db.selectFrom('commission_rates').selectAll().orderBy('product').orderBy('valid_from', 'desc').execute();
  return rows.map((r) => ({ id: r.id, product: r.product as CommissionProduct, basis: r.basis, value: Number(r.value), validFrom: r.valid_from, legalSource: r.legal_source, note: r.note }));
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
  const clash = await ctx.store.db.selectFrom('commission_rates').select('id').where('product', '=', req.product).where('valid_from', '=', req.validFrom).executeTakeFirst();
  if (clash) throw new AppError('VALIDATION', `Đã có mức thù lao ${COMMISSION_PRODUCTS[req.product].label} áp dụng từ ${formatDate(req.validFrom)}.`, { field: 'validFrom' });
  await ctx.store.transaction(async () => {
    await ctx.store.db
      .insertInto('commission_rates')
      .values({ product: req.product, basis: req.basis, value: req.value, valid_from: req.validFrom, legal_source: cleanText(req.legalSource), note: cleanText(req.note), created_at: isoNow(ctx) })
      .execute();
    await recordAudit(ctx.store, ctx.actor, {
      action: 'create', entity: 'commission_rate', entityKey: `${req.product}|${req.validFrom}`,
      summary: `Mức thù lao ${COMMISSION_PRODUCTS[req.product].label} từ ${formatDate(req.validFrom)}: ${describeRate(req)} (${COMMISSION_BASIS_LABELS[req.basis]})${req.legalSource ? `, theo ${req.legalSource}` : ''}`,
    }, ctx.now());
  });
  ctx.events.emit({ type: 'data-changed', area: 'network' });
  return commissionRates(ctx.store);
}
