import { ddlStep } from './step';

/**
 * Bulk loads (a demo, a list of a million people) bump the results and targets counters once,
 * not once per row: while `bulk_loading` holds a row, SQLite's row triggers stand aside and
 * the loader bumps the counter itself, in the same transaction. PostgreSQL's triggers already
 * fire once per statement.
 */
export default ddlStep({
  version: 8,
  name: 'revision counters bumped once per bulk load on SQLite',
  sqlite: `
    CREATE TABLE bulk_loading (area TEXT NOT NULL);
    DROP TRIGGER results_rev_insert;
    DROP TRIGGER targets_rev_insert;
    CREATE TRIGGER results_rev_insert AFTER INSERT ON results WHEN NOT EXISTS (SELECT 1 FROM bulk_loading)
      BEGIN UPDATE revisions SET n = n + 1 WHERE area = 'results'; END;
    CREATE TRIGGER targets_rev_insert AFTER INSERT ON targets WHEN NOT EXISTS (SELECT 1 FROM bulk_loading)
      BEGIN UPDATE revisions SET n = n + 1 WHERE area = 'targets'; END;`,
  postgres: '',
});
