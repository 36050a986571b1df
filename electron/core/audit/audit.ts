import type { AuditEntry } from '../../../shared/contract';
import type { Db } from '../db/open';

export interface AuditRecord {
  action: string;
  entity: string;
  entityKey?: string | null;
  summary: string;
  details?: unknown;
}

/** Every write path calls this inside its own transaction, so the log and the change land together. */
export function recordAudit(db: Db, actor: string, record: AuditRecord, at = new Date()): void {
  db.prepare(
    `INSERT INTO audit_log (at, actor, action, entity, entity_key, summary, details) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(at.toISOString(), actor, record.action, record.entity, record.entityKey ?? null, record.summary, record.details === undefined ? null : JSON.stringify(record.details));
}

export function listAudit(db: Db, limit = 200): AuditEntry[] {
  return db
    .prepare(`SELECT id, at, actor, action, entity, entity_key AS entityKey, summary FROM audit_log ORDER BY id DESC LIMIT ?`)
    .all(limit) as AuditEntry[];
}
