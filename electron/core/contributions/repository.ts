import type { ContributionRule } from '../../../shared/calc/contributions';
import type { RuleKind } from '../../../shared/domain/contributions';
import type { Store } from '../db/store';

export interface StoredRule extends ContributionRule {
  createdBy: string;
  createdAt: string;
  endedBy: string | null;
  endedAt: string | null;
}

export interface NewRule {
  kind: RuleKind;
  subject: string | null;
  value: number;
  validFrom: string;
  validTo: string | null;
  source: string;
  note: string | null;
  createdBy: string;
  createdAt: string;
}

/** The contribution_rules table (migration 17). */
export class ContributionRepository {
  constructor(private readonly store: Store) {}

  /** Every row, by kind, subject and newest start first. */
  async rules(kind?: RuleKind): Promise<StoredRule[]> {
    let q = this.store.db.selectFrom('contribution_rules').selectAll();
    if (kind) q = q.where('kind', '=', kind);
    const rows = await q.orderBy('kind').orderBy('subject').orderBy('valid_from', 'desc').orderBy('id', 'desc').execute();
    return rows.map((r) => ({
      id: r.id, kind: r.kind as RuleKind, subject: r.subject, value: Number(r.value), validFrom: r.valid_from, validTo: r.valid_to, source: r.source, note: r.note,
      createdBy: r.created_by, createdAt: r.created_at, endedBy: r.ended_by, endedAt: r.ended_at,
    }));
  }

  async insert(rule: NewRule): Promise<number> {
    const row = await this.store.db
      .insertInto('contribution_rules')
      .values({
        kind: rule.kind, subject: rule.subject, value: rule.value, valid_from: rule.validFrom, valid_to: rule.validTo, source: rule.source, note: rule.note,
        created_by: rule.createdBy, created_at: rule.createdAt, ended_by: null, ended_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async end(id: number, validTo: string, by: string, at: string): Promise<void> {
    await this.store.db.updateTable('contribution_rules').set({ valid_to: validTo, ended_by: by, ended_at: at }).where('id', '=', id).execute();
  }
}
