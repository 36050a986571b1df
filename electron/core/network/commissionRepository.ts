import type { CommissionRateRow } from '../../../shared/contract';
import type { CommissionProduct } from '../../../shared/domain/network';
import type { Store } from '../db/store';

/** Dated commission rates: a new row for a new decree, never an edit of an old one. */
export class CommissionRepository {
  constructor(private readonly store: Store) {}

  async list(): Promise<CommissionRateRow[]> {
    const rows = await this.store.db.selectFrom('commission_rates').selectAll().orderBy('product').orderBy('valid_from', 'desc').execute();
    return rows.map((r) => ({ id: r.id, product: r.product as CommissionProduct, basis: r.basis, value: Number(r.value), validFrom: r.valid_from, legalSource: r.legal_source, note: r.note }));
  }

  async insert(rate: Omit<CommissionRateRow, 'id'>, now: string): Promise<void> {
    await this.store.db
      .insertInto('commission_rates')
      .values({ product: rate.product, basis: rate.basis, value: rate.value, valid_from: rate.validFrom, legal_source: rate.legalSource, note: rate.note, created_at: now })
      .execute();
  }
}
