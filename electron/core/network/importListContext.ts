import type { CellIssue, NetworkImportPreview, NetworkListKind } from '../../../shared/contract';
import { foldText } from '../../../shared/text/fold';
import type { Store } from '../db/store';
import type { AgentFields, AgentRow } from './agentRepository';
import type { ImportLookups } from './importLookups';
import { cellText, codeOf, type DataRow } from './importSheets';
import type { PointFields } from './pointRepository';
import type { StaffFields } from './staffRepository';

/**
 * What the plans of the three lists share: the operations they produce, the records and names
 * looked up once for the whole file, and where errors, warnings and changes are collected.
 */
export interface AgentOp {
  action: 'add' | 'update';
  id: number | null;
  code: string;
  fields: AgentFields;
  /** null: the communes on record stay. */
  communeIds: number[] | null;
  description: string;
}
export interface PointOp {
  action: 'add' | 'update';
  id: number | null;
  agentCode: string;
  /** agentId null: the agent is added by this import (resolved by code at commit). */
  fields: Omit<PointFields, 'agentId'> & { agentId: number | null };
  description: string;
}
export interface StaffOp {
  action: 'add' | 'update';
  id: number | null;
  code: string;
  agentCode: string;
  fields: Omit<StaffFields, 'agentId'> & { agentId: number | null };
  communeIds: number[] | null;
  description: string;
}

export interface StoredListsPlan {
  fileName: string;
  fingerprint: string;
  errors: CellIssue[];
  agents: AgentOp[];
  points: PointOp[];
  staff: StaffOp[];
}

export interface Collect {
  errors: CellIssue[];
  warnings: CellIssue[];
}

export interface AgentRef {
  code: string;
  /** null: the agent is added by this import. */
  id: number | null;
  officeId: number | null;
  name: string;
}

export interface ListContext {
  store: Store;
  lookups: ImportLookups;
  existingAgents: Map<string, AgentRow>;
  agentsByName: Map<string, { id: number; code: string; officeId: number | null }[]>;
  agentCommunes: Map<number, number[]>;
  /** Agents of the file by code (rows without errors), for the points and staff that name them. */
  fileAgents: Map<string, { row: number; name: string; officeId: number | null }>;
  agentsSheet: string | null;
  out: Collect;
  counts: NetworkImportPreview['counts'];
  record: (list: NetworkListKind, action: 'add' | 'update', code: string, name: string, description: string) => void;
}

/** An agent a point or staff row names, by code or by name, from the file or the record; 'missing' when none matches. */
export function agentFor(c: ListContext, r: DataRow<'agent'>): AgentRef | 'missing' | null {
  const typed = cellText(r.get('agent'));
  if (!typed) return null;
  const code = codeOf(r.get('agent'))!;
  const inFile = c.fileAgents.get(code);
  const onRecord = c.existingAgents.get(code);
  if (inFile) return { code, id: onRecord?.id ?? null, officeId: inFile.officeId, name: inFile.name };
  if (onRecord) return { code, id: onRecord.id, officeId: onRecord.officeId, name: onRecord.name };
  const key = foldText(typed);
  const named = [...c.fileAgents.entries()].filter(([, a]) => foldText(a.name) === key);
  if (named.length === 1) {
    const [namedCode, a] = named[0]!;
    return { code: namedCode, id: c.existingAgents.get(namedCode)?.id ?? null, officeId: a.officeId, name: a.name };
  }
  const db = c.agentsByName.get(key) ?? [];
  if (db.length === 1) return { code: db[0]!.code, id: db[0]!.id, officeId: db[0]!.officeId, name: typed };
  return 'missing';
}

export function unknownAgent(c: ListContext, r: DataRow<'agent'>, sheet: string): string {
  return `Không có tổ chức dịch vụ thu "${cellText(r.get('agent'))}" ${c.agentsSheet ? `trong trang "${c.agentsSheet}" hay ` : ''}trong danh sách đã có (trang "${sheet}").`;
}
