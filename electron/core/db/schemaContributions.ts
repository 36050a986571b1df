import type { Generated } from 'kysely';

/** Migration 17: dated contribution rules (see 017-contribution-rules.ts). */
export interface ContributionTables {
  contribution_rules: {
    id: Generated<number>;
    kind: string;
    subject: string | null;
    value: number;
    valid_from: string;
    valid_to: string | null;
    source: string;
    note: string | null;
    created_by: string;
    created_at: string;
    ended_by: string | null;
    ended_at: string | null;
  };
}
