import type { Generated } from 'kysely';

/** Migration 14: emulation criteria sets, their criteria and awards (see 014-emulation.ts). */
export interface EmulationTables {
  emulation_criteria_sets: {
    id: Generated<number>;
    name: string;
    level: string;
    valid_from: string;
    valid_to: string | null;
    decision_no: string | null;
    note: string | null;
    created_by: string;
    created_at: string;
  };
  emulation_criteria: {
    set_id: number;
    position: number;
    measure: string;
    weight: number;
    benchmark: number;
    cap: number;
  };
  awards: {
    id: Generated<number>;
    recipient_level: string;
    recipient_code: string | null;
    recipient_name: string;
    name_key: string;
    sort_key: string;
    kind: string;
    title: string;
    decision_no: string;
    decision_date: string;
    amount: Generated<number>;
    period: string | null;
    note: string | null;
    is_demo: Generated<number>;
    created_at: string;
    updated_at: string;
  };
}
