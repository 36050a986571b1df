import { ddlStep } from './step';

export default ddlStep({
  version: 4,
  name: 'target periods and notes, result notes, settings, revision counters for results and targets',
  // SQLite cannot change a UNIQUE constraint in place: rebuild targets with the period in it.
  sqlite: `
    CREATE TABLE targets_v4 (
      id INTEGER PRIMARY KEY,
      unit_id INTEGER NOT NULL REFERENCES units(id),
      indicator_code TEXT NOT NULL REFERENCES indicators(code),
      year INTEGER NOT NULL,
      period TEXT NOT NULL DEFAULT '' CHECK (period IN ('', 'Q1', 'Q2', 'Q3', 'Q4', 'M01', 'M02', 'M03', 'M04', 'M05', 'M06', 'M07', 'M08', 'M09', 'M10', 'M11', 'M12')),
      value REAL NOT NULL CHECK (value >= 0),
      is_rate INTEGER NOT NULL DEFAULT 0,
      source TEXT NOT NULL CHECK (source IN ('GOV','BHXH_VN','UBND_TINH','BHXH_TINH','INTERNAL')),
      decision_no TEXT,
      decision_date TEXT,
      revision INTEGER NOT NULL DEFAULT 0,
      note TEXT,
      is_demo INTEGER NOT NULL DEFAULT 0,
      updated_at TEXT,
      UNIQUE (unit_id, indicator_code, year, period, source, revision)
    );
    INSERT INTO targets_v4 (id, unit_id, indicator_code, year, period, value, is_rate, source, decision_no, decision_date, revision, is_demo)
      SELECT id, unit_id, indicator_code, year, '', value, is_rate, source, decision_no, decision_date, revision, is_demo FROM targets;
    DROP TABLE targets;
    ALTER TABLE targets_v4 RENAME TO targets;
    CREATE INDEX targets_year ON targets(year, indicator_code);

    -- Month figures are read per indicator and as-of range; with value in the index (and
    -- the primary key implied) the scan never touches the table.
    DROP INDEX results_as_of;
    CREATE INDEX results_month ON results(indicator_code, as_of, value);
    ALTER TABLE results ADD COLUMN note TEXT;
    ALTER TABLE results ADD COLUMN updated_at TEXT;

    CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);

    INSERT INTO revisions (area, n) VALUES ('results', 0), ('targets', 0);
    CREATE TRIGGER results_rev_insert AFTER INSERT ON results BEGIN UPDATE revisions SET n = n + 1 WHERE area = 'results'; END;
    CREATE TRIGGER results_rev_update AFTER UPDATE ON results BEGIN UPDATE revisions SET n = n + 1 WHERE area = 'results'; END;
    CREATE TRIGGER results_rev_delete AFTER DELETE ON results BEGIN UPDATE revisions SET n = n + 1 WHERE area = 'results'; END;
    CREATE TRIGGER targets_rev_insert AFTER INSERT ON targets BEGIN UPDATE revisions SET n = n + 1 WHERE area = 'targets'; END;
    CREATE TRIGGER targets_rev_update AFTER UPDATE ON targets BEGIN UPDATE revisions SET n = n + 1 WHERE area = 'targets'; END;
    CREATE TRIGGER targets_rev_delete AFTER DELETE ON targets BEGIN UPDATE revisions SET n = n + 1 WHERE area = 'targets'; END;`,
  postgres: `
    ALTER TABLE targets
      ADD COLUMN period TEXT NOT NULL DEFAULT '' CHECK (period IN ('', 'Q1', 'Q2', 'Q3', 'Q4', 'M01', 'M02', 'M03', 'M04', 'M05', 'M06', 'M07', 'M08', 'M09', 'M10', 'M11', 'M12')),
      ADD COLUMN note TEXT,
      ADD COLUMN updated_at TEXT,
      ADD CONSTRAINT targets_value_check CHECK (value >= 0),
      DROP CONSTRAINT targets_key,
      ADD CONSTRAINT targets_period_key UNIQUE (unit_id, indicator_code, year, period, source, revision);
    CREATE INDEX targets_year ON targets(year, indicator_code);

    DROP INDEX results_as_of;
    CREATE INDEX results_month ON results(indicator_code, as_of) INCLUDE (value, unit_id);
    ALTER TABLE results ADD COLUMN note TEXT, ADD COLUMN updated_at TEXT;

    CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);

    INSERT INTO revisions (area, n) VALUES ('results', 0), ('targets', 0);
    CREATE TRIGGER results_rev AFTER INSERT OR UPDATE OR DELETE ON results FOR EACH STATEMENT EXECUTE FUNCTION bhxh_bump_revision('results');
    CREATE TRIGGER targets_rev AFTER INSERT OR UPDATE OR DELETE ON targets FOR EACH STATEMENT EXECUTE FUNCTION bhxh_bump_revision('targets');`,
});
