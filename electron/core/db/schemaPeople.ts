import type { Generated } from 'kysely';

/** The person fields stored both on people and on a staged import row. */
export interface PersonColumns {
  birth_date: string | null;
  sex: 'M' | 'F' | null;
  cccd: string | null;
  bhxh_code: string | null;
  bhyt_card: string | null;
  phone: string | null;
  unit_code: string | null;
  commune_name: string | null;
  hamlet: string | null;
  hamlet_key: string | null;
  product: 'BHXH_TN' | 'BHYT_HGD' | null;
  due_month: string | null;
  payment_mode: number | null;
  staff_id: number | null;
  note: string | null;
}

/** Migration 15: person lists for canvassing (see 015-people.ts). */
export interface PeopleTables {
  person_lists: {
    id: Generated<number>;
    name: string;
    name_key: string;
    kind: 'PROSPECT' | 'DUE';
    source: string | null;
    office_id: number | null;
    retain_until: string | null;
    note: string | null;
    is_demo: Generated<number>;
    created_by: string;
    created_at: string;
    updated_at: string;
  };
  people: PersonColumns & {
    id: Generated<number>;
    list_id: number;
    full_name: string;
    name_key: string;
    given_key: string;
    status: Generated<string>;
    status_on: string | null;
    last_contact_on: string | null;
    campaign_id: number | null;
    batch_id: number | null;
    source_row: number | null;
    created_at: string;
    updated_at: string;
  };
  /** Migration 18: who works an assigned person (the only place a person's staff is read from; see 018-people-speed.ts). */
  person_staff: {
    person_id: number;
    list_id: number;
    staff_id: number;
    status: string;
  };
  person_contacts: {
    id: Generated<number>;
    person_id: number;
    contacted_on: string;
    staff_id: number | null;
    channel: string;
    outcome: string;
    note: string | null;
    campaign_id: number | null;
    created_by: string;
    created_at: string;
  };
  person_import_batches: {
    id: Generated<number>;
    list_id: number | null;
    list_name: string;
    list_kind: 'PROSPECT' | 'DUE';
    file_name: string;
    sheet: string | null;
    status: 'reading' | 'staged' | 'committed' | 'undone' | 'discarded' | 'failed';
    header_row: number | null;
    /** JSON: the column mapping used ([{column, header, field}]). */
    columns: Generated<string>;
    rows_read: Generated<number>;
    rows_ok: Generated<number>;
    rows_error: Generated<number>;
    rows_duplicate: Generated<number>;
    rows_update: Generated<number>;
    imported: Generated<number>;
    updated: Generated<number>;
    actor: string;
    created_at: string;
    committed_at: string | null;
    undone_at: string | null;
  };
  person_import_rows: PersonColumns & {
    batch_id: number;
    row_no: number;
    status: 'ok' | 'error' | 'duplicate' | 'update';
    full_name: string | null;
    name_key: string | null;
    given_key: string | null;
    /** The canvassing status the file gave (a code of PERSON_STATUSES), if any. */
    status_code: string | null;
    /** The person on the same list this row updates (status 'update'). */
    person_id: number | null;
    /** JSON: where else this person is ([{listName, personId}] or {row}) for 'duplicate'. */
    duplicate_of: string | null;
    /** JSON: [{field, column, cell, message}] for 'error'. */
    errors: string | null;
    /** JSON: the cells as typed, kept for error rows only so a correction re-validates without the file. */
    raw: string | null;
    /** JSON: the person's fields before this row updated them (undo). */
    previous: string | null;
  };
}
