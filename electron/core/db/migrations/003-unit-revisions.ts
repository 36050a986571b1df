import { ddlStep } from './step';

// A preview is committed only if nothing changed the units since: a counter bumped by
// triggers catches every write, whatever the clock says, from any process sharing the database.
export default ddlStep({
  version: 3,
  name: 'revision counters for units',
  sqlite: `
    CREATE TABLE revisions (area TEXT PRIMARY KEY, n INTEGER NOT NULL DEFAULT 0);
    INSERT INTO revisions (area, n) VALUES ('units', 0);
    CREATE TRIGGER units_rev_insert AFTER INSERT ON units BEGIN UPDATE revisions SET n = n + 1 WHERE area = 'units'; END;
    CREATE TRIGGER units_rev_update AFTER UPDATE ON units BEGIN UPDATE revisions SET n = n + 1 WHERE area = 'units'; END;
    CREATE TRIGGER units_rev_delete AFTER DELETE ON units BEGIN UPDATE revisions SET n = n + 1 WHERE area = 'units'; END;
    CREATE TRIGGER unit_links_rev_insert AFTER INSERT ON unit_links BEGIN UPDATE revisions SET n = n + 1 WHERE area = 'units'; END;
    CREATE TRIGGER unit_links_rev_update AFTER UPDATE ON unit_links BEGIN UPDATE revisions SET n = n + 1 WHERE area = 'units'; END;
    CREATE TRIGGER unit_links_rev_delete AFTER DELETE ON unit_links BEGIN UPDATE revisions SET n = n + 1 WHERE area = 'units'; END;`,
  // Statement-level on PostgreSQL: a bulk write bumps the counter once, not once per row.
  postgres: `
    CREATE TABLE revisions (area TEXT PRIMARY KEY, n BIGINT NOT NULL DEFAULT 0);
    INSERT INTO revisions (area, n) VALUES ('units', 0);
    CREATE FUNCTION bhxh_bump_revision() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      UPDATE revisions SET n = n + 1 WHERE area = TG_ARGV[0];
      RETURN NULL;
    END $$;
    CREATE TRIGGER units_rev AFTER INSERT OR UPDATE OR DELETE ON units FOR EACH STATEMENT EXECUTE FUNCTION bhxh_bump_revision('units');
    CREATE TRIGGER unit_links_rev AFTER INSERT OR UPDATE OR DELETE ON unit_links FOR EACH STATEMENT EXECUTE FUNCTION bhxh_bump_revision('units');`,
});
