import type { AuditEntry, Page, PageRequest } from '../../../shared/contract';
import { pageOf } from '../db/paging';
import { chunks } from '../db/batching';
import type { Store } from '../db/store';

export interface AuditRecord {
  action: string;
  entity: string;
  entityKey?: string | null;
  summary: string;
  details?: unknown;
}

/** Every write path calls this inside its own transaction, so the log and the change land together. */
export async function recordAudit(store: Store, actor: string, record: AuditRecord, at: Date): Promise<void> {
  await recordAudits(store, actor, [record], at);
}

/** One row per record in multi-row inserts (a breakdown audits each unit it gave a target). */
export async function recordAudits(store: Store, actor: string, records: AuditRecord[], at: Date): Promise<void> {
  for (const chunk of chunks(records)) {
    await store.db
      .insertInto('audit_log')
      .values(
        chunk.map((record) => ({
          at: at.toISOString(), actor, action: record.action, entity: record.entity, entity_key: record.entityKey ?? null,
          summary: record.summary, details: record.details === undefined ? null : JSON.stringify(record.details),
        })),
      )
      .execute();
  }
}

/** The audit log a page at a time, newest first (or oldest first with desc: false on sort 'at'). */
export async function listAudit(store: Store, req: PageRequest<'at'> & { entity?: string; entityKey?: string }): Promise<Page<AuditEntry>> {
  let query = store.db.selectFrom('audit_log').select(['id', 'at', 'actor', 'action', 'entity', 'entity_key as entityKey', 'summary']);
  if (req.entity) query = query.where('entity', '=', req.entity);
  if (req.entityKey) query = query.where('entity_key', '=', req.entityKey);
  const oldestFirst = req.sort === 'at' && req.desc === false;
  return pageOf(query, req, (q) => q.orderBy('id', oldestFirst ? 'asc' : 'desc'));
}
