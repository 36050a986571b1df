import type { Generated } from 'kysely';
import type { CampaignTables } from './schemaCampaigns';
import type { ContributionTables } from './schemaContributions';
import type { EmulationTables } from './schemaEmulation';
import type { PeopleTables } from './schemaPeople';
import type { ArrearsTables } from './schemaArrears';

/**
 * The tables as both engines store them, for Kysely's typed queries. Dates are ISO text
 * (YYYY-MM-DD, or full ISO timestamps for *_at), flags are 0/1 integers and JSON is text, so
 * SQLite and PostgreSQL return the same JavaScript values.
 */
export interface Schema extends ArrearsTables, CampaignTables, ContributionTables, EmulationTables, PeopleTables {
  meta: { key: string; value: string };
  settings: { key: string; value: string };
  revisions: { area: string; n: number };
  /** SQLite only (migration 10): a row here while a bulk load runs. */
  bulk_loading: { area: string };
  audit_log: {
    id: Generated<number>;
    at: string;
    actor: string;
    action: string;
    entity: string;
    entity_key: string | null;
    summary: string;
    details: string | null;
  };
  units: {
    id: Generated<number>;
    code: string;
    name: string;
    name_key: string;
    level: 'province' | 'district' | 'commune' | 'hamlet';
    kind: string | null;
    parent_id: number | null;
    valid_from: string | null;
    valid_to: string | null;
    is_demo: Generated<number>;
    created_at: string;
    updated_at: string;
  };
  unit_links: { from_unit_id: number; to_unit_id: number; effective_date: string; share: Generated<number> };
  indicators: {
    code: string;
    name: string;
    short_name: string;
    kind: 'count' | 'money' | 'rate';
    unit_label: string;
    numerators: string | null;
    denominator: string | null;
    description: string;
    sort_order: number;
  };
  offices: {
    id: Generated<number>;
    code: string;
    name: string;
    province_unit_id: number;
    is_demo: Generated<number>;
    name_key: Generated<string>;
    address: string | null;
    phone: string | null;
    email: string | null;
    head_name: string | null;
    note: string | null;
    valid_from: string | null;
    valid_to: string | null;
    updated_at: string | null;
  };
  /** A commune served by an office for a span of days (null ends: open). */
  office_units: { id: Generated<number>; office_id: number; unit_id: number; valid_from: string | null; valid_to: string | null };
  targets: {
    id: Generated<number>;
    unit_id: number;
    indicator_code: string;
    year: number;
    period: Generated<string>;
    value: number;
    is_rate: Generated<number>;
    source: string;
    decision_no: string | null;
    decision_date: string | null;
    revision: Generated<number>;
    note: string | null;
    is_demo: Generated<number>;
    updated_at: string | null;
  };
  results: {
    unit_id: number;
    indicator_code: string;
    as_of: string;
    value: number;
    is_demo: Generated<number>;
    note: string | null;
    updated_at: string | null;
  };
  import_batches: {
    id: Generated<number>;
    file_name: string;
    sheet: string;
    period: string;
    office_name: string | null;
    office_code: Generated<string | null>;
    source_key: string;
    at: string;
    actor: string;
    written: number;
    replaced: number;
    undone_at: string | null;
    /** JSON ImportWarning[] (migration 10); NULL for batches written before it. */
    warnings: string | null;
  };
  import_batch_items: {
    batch_id: number;
    kind: 'result' | 'target';
    unit_id: number;
    indicator_code: string;
    as_of: string | null;
    year: number | null;
    old_rows: string | null;
    new_value: number;
  };
  import_aliases: { scope_key: string; typed_key: string; unit_id: number };
  import_mappings: { source_key: string; header_signature: string; columns: string };
  /** A staged import (migration 19, imports/pipeline): JSON in columns, options, counts. */
  import_sessions: {
    id: string;
    kind: string;
    file_name: string;
    sheet: string | null;
    status: 'reading' | 'staged' | 'committed' | 'failed' | 'discarded';
    header_row: number | null;
    columns: Generated<string>;
    options: Generated<string>;
    counts: Generated<string>;
    actor: string;
    created_at: string;
    committed_at: string | null;
    batch_id: number | null;
  };
  import_stage_rows: { session_id: string; row_no: number; status: string; payload: string | null; issues: string | null; raw: string | null };
  reports: {
    id: Generated<number>;
    title: string;
    period: string;
    scope_code: string | null;
    scope_name: string;
    definition: string;
    document: string;
    data_stamp: string;
    is_demo: Generated<number>;
    created_at: string;
    updated_at: string;
  };
  agents: {
    id: Generated<number>;
    code: string;
    name: string;
    name_key: string;
    sort_key: string;
    kind: string;
    product: Generated<string>;
    contract_no: string | null;
    signed_on: string | null;
    expires_on: string | null;
    office_id: number | null;
    status: Generated<string>;
    all_communes: Generated<number>;
    address: string | null;
    phone: string | null;
    representative: string | null;
    note: string | null;
    batch_id: number | null;
    is_demo: Generated<number>;
    created_at: string;
    updated_at: string;
  };
  agent_communes: { agent_id: number; unit_id: number };
  collection_points: {
    id: Generated<number>;
    code: string | null;
    agent_id: number;
    name: string;
    name_key: string;
    sort_key: string;
    address: string | null;
    unit_id: number | null;
    opened_on: string | null;
    closed_on: string | null;
    signage: Generated<number>;
    note: string | null;
    batch_id: number | null;
    is_demo: Generated<number>;
    created_at: string;
    updated_at: string;
  };
  agent_staff: {
    id: Generated<number>;
    code: string;
    full_name: string;
    name_key: string;
    sort_key: string;
    role: Generated<string>;
    birth_year: number | null;
    birth_date: string | null;
    sex: string | null;
    cccd: string | null;
    phone: string | null;
    agent_id: number;
    training_date: string | null;
    card_no: string | null;
    card_date: string | null;
    status: Generated<string>;
    joined_on: string | null;
    left_on: string | null;
    note: string | null;
    batch_id: number | null;
    is_demo: Generated<number>;
    created_at: string;
    updated_at: string;
  };
  staff_communes: { staff_id: number; unit_id: number };
  agent_inspections: {
    id: Generated<number>;
    agent_id: number;
    inspected_on: string;
    inspector: string;
    findings: string;
    follow_up: string | null;
    follow_up_done: Generated<number>;
    is_demo: Generated<number>;
    created_at: string;
    updated_at: string;
  };
  /** Targets (period YYYY) and results (period YYYY-MM) per office, agent or staff member. */
  network_flows: {
    kind: 'target' | 'result';
    period: string;
    level: 'office' | 'agent' | 'staff';
    owner_id: number;
    measure: string;
    value: number;
    batch_id: number | null;
    is_demo: Generated<number>;
    updated_at: string;
  };
  commission_rates: {
    id: Generated<number>;
    product: string;
    basis: 'percent' | 'perNew';
    value: number;
    valid_from: string;
    legal_source: string | null;
    note: string | null;
    is_demo: Generated<number>;
    created_at: string;
  };
  /** An import of network lists or results; `undo` is JSON of what it replaced. */
  network_batches: {
    id: Generated<number>;
    kind: 'lists' | 'results';
    file_name: string;
    at: string;
    actor: string;
    summary: string;
    undo: string;
    undone_at: string | null;
  };
}

export type TableName = keyof Schema;
