import type { Generated } from 'kysely';

/**
 * The tables as both engines store them, for Kysely's typed queries. Dates are ISO text
 * (YYYY-MM-DD, or full ISO timestamps for *_at), flags are 0/1 integers and JSON is text, so
 * SQLite and PostgreSQL return the same JavaScript values.
 */
export interface Schema {
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
}

export type TableName = keyof Schema;
