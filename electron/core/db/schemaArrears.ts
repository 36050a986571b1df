import type { Generated } from 'kysely';

/** Migration 16: employer arrears (see 016-arrears.ts). */
export interface ArrearsTables {
  employers: {
    id: Generated<number>;
    code: string;
    name: string;
    name_key: string;
    sort_key: string;
    tax_code: string | null;
    kind: string;
    address: string | null;
    unit_code: string | null;
    office_id: number | null;
    workers: number | null;
    status: Generated<string>;
    is_demo: Generated<number>;
    created_at: string;
    updated_at: string;
  };
  arrears_batches: {
    id: Generated<number>;
    file_name: string;
    period: string;
    office_id: number | null;
    at: string;
    actor: string;
    rows: Generated<number>;
    summary: string;
    undo: string;
    undone_at: string | null;
  };
  arrears_rows: {
    id: Generated<number>;
    employer_id: number;
    period: string;
    amount_owed: number;
    months_owed: Generated<number>;
    interest: Generated<number>;
    amount_due_year: number | null;
    is_late: Generated<number>;
    is_evasion: Generated<number>;
    note: string | null;
    batch_id: number | null;
    is_demo: Generated<number>;
    created_at: string;
  };
  arrears_actions: {
    id: Generated<number>;
    employer_id: number;
    acted_on: string;
    kind: string;
    doc_number: string | null;
    officer: string | null;
    note: string | null;
    amount_recovered: number | null;
    is_demo: Generated<number>;
    created_by: string;
    created_at: string;
  };
  arrears_promises: {
    id: Generated<number>;
    employer_id: number;
    promised_on: string;
    amount: number;
    status: Generated<string>;
    settled_on: string | null;
    settled_amount: number | null;
    note: string | null;
    is_demo: Generated<number>;
    created_at: string;
    updated_at: string;
  };
  arrears_targets: {
    id: Generated<number>;
    office_id: number | null;
    valid_from: string;
    ratio: number;
    source: string | null;
    note: string | null;
    is_demo: Generated<number>;
    created_by: string;
    created_at: string;
  };
}
