import type { Kysely } from 'kysely';
import type { Engine } from '../store';

/** What a step sees: the migration's transaction and a way to run a DDL script on it. */
export interface MigrationContext {
  readonly engine: Engine;
  // Steps see the schema as it was when they were written, not today's Schema type.
  readonly db: Kysely<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  /** Runs several statements at once (DDL, triggers) inside the migration's transaction. */
  script(sql: string): Promise<void>;
}

/**
 * One schema step. Frozen once shipped: never edit a step, add the next one. DDL is written
 * per engine where the two differ (identity columns, triggers); data changes go through the
 * query builder so they are written once.
 */
export interface Migration {
  version: number;
  name: string;
  up(m: MigrationContext): Promise<void>;
}

/** A step that is only DDL, one script per engine, plus optional data work written once. */
export function ddlStep(spec: { version: number; name: string; sqlite: string; postgres: string; data?: (m: MigrationContext) => Promise<void> }): Migration {
  return {
    version: spec.version,
    name: spec.name,
    async up(m) {
      await m.script(m.engine === 'sqlite' ? spec.sqlite : spec.postgres);
      await spec.data?.(m);
    },
  };
}
