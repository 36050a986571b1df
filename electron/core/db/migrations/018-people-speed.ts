import { ddlStep } from './step';

/**
 * Who works a person lives in its own narrow table, person_staff (one row per assigned
 * person: its list, staff member and status), not on the wide people row: assigning 100,000
 * people of a million-row list writes 100,000 small rows instead of rewriting 100,000 people
 * rows and three of their indexes (seconds on SQLite, tens of seconds on PostgreSQL). Status
 * is carried along so "a staff member's people in this status" is read from person_staff's
 * index alone. Nothing reads people.staff_id any more: it is what a row was written with (the
 * demo, tests); triggers copy it into person_staff on insert, keep person_staff's status in step
 * with people's, drop a person's row when the person goes, and unassign a staff member's
 * people when the staff member goes. people_staff goes (person_staff has the staff index);
 * the list index keeps (list_id, status); a partial index on people.staff_id stays only for
 * the foreign key (SET NULL when a staff member is deleted).
 *
 * No foreign keys on person_staff: each would be checked row by row on an assignment (and on
 * PostgreSQL would lock the wide people rows); the triggers do their work instead. On
 * PostgreSQL the deletion trigger is per statement and drops the rows whose person is gone in
 * one pass over person_staff (people are deleted in bulk only: a list, an import undone, the
 * demo), not a million calls nor a million deleted rows kept for the trigger.
 */
const common = `
    CREATE TABLE person_staff (
      person_id INTEGER PRIMARY KEY,
      list_id INTEGER NOT NULL,
      staff_id INTEGER NOT NULL,
      status TEXT NOT NULL
    );
    INSERT INTO person_staff (person_id, list_id, staff_id, status)
      SELECT id, list_id, staff_id, status FROM people WHERE staff_id IS NOT NULL;
    CREATE INDEX person_staff_staff ON person_staff(staff_id, status, list_id);
    CREATE INDEX person_staff_list ON person_staff(list_id, status);
    DROP INDEX people_staff;
    DROP INDEX people_list_status;
    CREATE INDEX people_list_status ON people(list_id, status);
    CREATE INDEX people_staff_key ON people(staff_id) WHERE staff_id IS NOT NULL;
`;

const sqlite = `${common}
    CREATE TRIGGER person_staff_insert AFTER INSERT ON people WHEN NEW.staff_id IS NOT NULL BEGIN
      INSERT OR REPLACE INTO person_staff (person_id, list_id, staff_id, status) VALUES (NEW.id, NEW.list_id, NEW.staff_id, NEW.status);
    END;
    CREATE TRIGGER person_staff_status AFTER UPDATE OF status ON people WHEN NEW.status IS NOT OLD.status BEGIN
      UPDATE person_staff SET status = NEW.status WHERE person_id = NEW.id;
    END;
    CREATE TRIGGER person_staff_delete AFTER DELETE ON people BEGIN
      DELETE FROM person_staff WHERE person_id = OLD.id;
    END;
    CREATE TRIGGER person_staff_staff_gone AFTER DELETE ON agent_staff BEGIN
      DELETE FROM person_staff WHERE staff_id = OLD.id;
    END;
`;

const postgres = `${common}
    CREATE FUNCTION person_staff_insert() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO person_staff (person_id, list_id, staff_id, status) VALUES (NEW.id, NEW.list_id, NEW.staff_id, NEW.status)
        ON CONFLICT (person_id) DO UPDATE SET list_id = EXCLUDED.list_id, staff_id = EXCLUDED.staff_id, status = EXCLUDED.status;
      RETURN NULL;
    END $$;
    CREATE TRIGGER person_staff_insert AFTER INSERT ON people FOR EACH ROW WHEN (NEW.staff_id IS NOT NULL) EXECUTE FUNCTION person_staff_insert();
    CREATE FUNCTION person_staff_status() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      UPDATE person_staff SET status = NEW.status WHERE person_id = NEW.id;
      RETURN NULL;
    END $$;
    CREATE TRIGGER person_staff_status AFTER UPDATE OF status ON people FOR EACH ROW WHEN (NEW.status IS DISTINCT FROM OLD.status) EXECUTE FUNCTION person_staff_status();
    CREATE FUNCTION person_staff_delete() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      DELETE FROM person_staff ps WHERE NOT EXISTS (SELECT 1 FROM people p WHERE p.id = ps.person_id);
      RETURN NULL;
    END $$;
    CREATE TRIGGER person_staff_delete AFTER DELETE ON people FOR EACH STATEMENT EXECUTE FUNCTION person_staff_delete();
    CREATE FUNCTION person_staff_staff_gone() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      DELETE FROM person_staff WHERE staff_id = OLD.id;
      RETURN NULL;
    END $$;
    CREATE TRIGGER person_staff_staff_gone AFTER DELETE ON agent_staff FOR EACH ROW EXECUTE FUNCTION person_staff_staff_gone();
`;

export default ddlStep({
  version: 18,
  name: 'staff of a person in a narrow person_staff table kept in step by triggers; people_staff index dropped',
  sqlite,
  postgres,
});
