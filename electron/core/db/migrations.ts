import type { Database } from 'better-sqlite3';
import { INDICATORS } from '../../../shared/domain/indicators';

export interface Migration {
  version: number;
  name: string;
  up(db: Database): void;
}

/**
 * Ordered schema steps. Never edit a step that has shipped: add the next one. Each step runs
 * inside the single transaction openDatabase wraps around all pending steps.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'meta, audit log, units, indicators',
    up(db) {
      db.exec(`
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE audit_log (
          id INTEGER PRIMARY KEY,
          at TEXT NOT NULL,
          actor TEXT NOT NULL,
          action TEXT NOT NULL,
          entity TEXT NOT NULL,
          entity_key TEXT,
          summary TEXT NOT NULL,
          details TEXT
        );
        CREATE INDEX audit_log_at ON audit_log(at);
        CREATE TABLE units (
          id INTEGER PRIMARY KEY,
          code TEXT NOT NULL UNIQUE,
          name TEXT NOT NULL,
          name_key TEXT NOT NULL,
          level TEXT NOT NULL CHECK (level IN ('province','district','commune','hamlet')),
          kind TEXT,
          parent_id INTEGER REFERENCES units(id),
          valid_from TEXT,
          valid_to TEXT,
          is_demo INTEGER NOT NULL DEFAULT 0,
          created_at TEXT NOT NULL,
          updated_at TEXT NOT NULL,
          CHECK (valid_from IS NULL OR valid_to IS NULL OR valid_from <= valid_to),
          CHECK (parent_id IS NULL OR parent_id <> id)
        );
        CREATE INDEX units_parent ON units(parent_id);
        CREATE INDEX units_name_key ON units(name_key);
        CREATE TABLE unit_links (
          from_unit_id INTEGER NOT NULL REFERENCES units(id),
          to_unit_id INTEGER NOT NULL REFERENCES units(id),
          effective_date TEXT NOT NULL,
          share REAL NOT NULL DEFAULT 1 CHECK (share > 0 AND share <= 1),
          PRIMARY KEY (from_unit_id, to_unit_id),
          CHECK (from_unit_id <> to_unit_id)
        );
        CREATE INDEX unit_links_to ON unit_links(to_unit_id);
        CREATE TABLE indicators (
          code TEXT PRIMARY KEY,
          name TEXT NOT NULL,
          short_name TEXT NOT NULL,
          kind TEXT NOT NULL CHECK (kind IN ('count','money','rate')),
          unit_label TEXT NOT NULL,
          numerators TEXT,
          denominator TEXT,
          description TEXT NOT NULL,
          sort_order INTEGER NOT NULL
        );
      `);
      const insert = db.prepare(
        `INSERT INTO indicators (code, name, short_name, kind, unit_label, numerators, denominator, description, sort_order)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      INDICATORS.forEach((i, order) =>
        insert.run(i.code, i.name, i.shortName, i.kind, i.unitLabel, i.numerators ? JSON.stringify(i.numerators) : null, i.denominator, i.description, order),
      );
    },
  },
  {
    version: 2,
    name: 'offices, yearly targets, dated results',
    up(db) {
      // Minimal shapes the demo needs; the targets/results issue extends them.
      db.exec(`
        CREATE TABLE offices (
          id INTEGER PRIMARY KEY,
          code TEXT NOT NULL UNIQUE,
          name TEXT NOT NULL,
          province_unit_id INTEGER NOT NULL REFERENCES units(id),
          is_demo INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE office_units (
          office_id INTEGER NOT NULL REFERENCES offices(id) ON DELETE CASCADE,
          unit_id INTEGER NOT NULL REFERENCES units(id),
          PRIMARY KEY (office_id, unit_id)
        );
        CREATE TABLE targets (
          id INTEGER PRIMARY KEY,
          unit_id INTEGER NOT NULL REFERENCES units(id),
          indicator_code TEXT NOT NULL REFERENCES indicators(code),
          year INTEGER NOT NULL,
          value REAL NOT NULL,
          is_rate INTEGER NOT NULL DEFAULT 0,
          source TEXT NOT NULL CHECK (source IN ('GOV','BHXH_VN','UBND_TINH','BHXH_TINH','INTERNAL')),
          decision_no TEXT,
          decision_date TEXT,
          revision INTEGER NOT NULL DEFAULT 0,
          is_demo INTEGER NOT NULL DEFAULT 0,
          UNIQUE (unit_id, indicator_code, year, source, revision)
        );
        CREATE TABLE results (
          unit_id INTEGER NOT NULL REFERENCES units(id),
          indicator_code TEXT NOT NULL REFERENCES indicators(code),
          as_of TEXT NOT NULL,
          value REAL NOT NULL CHECK (value >= 0),
          is_demo INTEGER NOT NULL DEFAULT 0,
          PRIMARY KEY (unit_id, indicator_code, as_of)
        ) WITHOUT ROWID;
        CREATE INDEX results_as_of ON results(as_of, indicator_code);
      `);
    },
  },
  {
    version: 3,
    name: 'revision counters for units',
    up(db) {
      // A preview is committed only if nothing changed the units since: a counter bumped by
      // triggers catches every write, whatever the clock says.
      db.exec(`
        CREATE TABLE revisions (area TEXT PRIMARY KEY, n INTEGER NOT NULL DEFAULT 0);
        INSERT INTO revisions (area, n) VALUES ('units', 0);
        CREATE TRIGGER units_rev_insert AFTER INSERT ON units BEGIN UPDATE revisions SET n = n + 1 WHERE area = 'units'; END;
        CREATE TRIGGER units_rev_update AFTER UPDATE ON units BEGIN UPDATE revisions SET n = n + 1 WHERE area = 'units'; END;
        CREATE TRIGGER units_rev_delete AFTER DELETE ON units BEGIN UPDATE revisions SET n = n + 1 WHERE area = 'units'; END;
        CREATE TRIGGER unit_links_rev_insert AFTER INSERT ON unit_links BEGIN UPDATE revisions SET n = n + 1 WHERE area = 'units'; END;
        CREATE TRIGGER unit_links_rev_update AFTER UPDATE ON unit_links BEGIN UPDATE revisions SET n = n + 1 WHERE area = 'units'; END;
        CREATE TRIGGER unit_links_rev_delete AFTER DELETE ON unit_links BEGIN UPDATE revisions SET n = n + 1 WHERE area = 'units'; END;
      `);
    },
  },
  {
    version: 4,
    name: 'target periods and notes, result notes, settings, revision counters for results and targets',
    up(db) {
      // SQLite cannot change a UNIQUE constraint in place: rebuild targets with the period in it.
      db.exec(`
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
        CREATE TRIGGER targets_rev_delete AFTER DELETE ON targets BEGIN UPDATE revisions SET n = n + 1 WHERE area = 'targets'; END;
      `);
    },
  },
  {
    version: 5,
    name: 'import batches with the values they replaced, name aliases, remembered column mappings',
    up(db) {
      db.exec(`
        CREATE TABLE import_batches (
          id INTEGER PRIMARY KEY,
          file_name TEXT NOT NULL,
          sheet TEXT NOT NULL,
          period TEXT NOT NULL,
          office_name TEXT,
          source_key TEXT NOT NULL,
          at TEXT NOT NULL,
          actor TEXT NOT NULL,
          written INTEGER NOT NULL,
          replaced INTEGER NOT NULL,
          undone_at TEXT
        );
        -- What each batch wrote and what it replaced, so any batch can be undone exactly.
        CREATE TABLE import_batch_items (
          batch_id INTEGER NOT NULL REFERENCES import_batches(id) ON DELETE CASCADE,
          kind TEXT NOT NULL CHECK (kind IN ('result', 'target')),
          unit_id INTEGER NOT NULL REFERENCES units(id),
          indicator_code TEXT NOT NULL REFERENCES indicators(code),
          as_of TEXT,
          year INTEGER,
          old_rows TEXT,
          new_value REAL NOT NULL
        );
        CREATE INDEX import_batch_items_batch ON import_batch_items(batch_id);
        CREATE TABLE import_aliases (
          scope_key TEXT NOT NULL,
          typed_key TEXT NOT NULL,
          unit_id INTEGER NOT NULL REFERENCES units(id),
          PRIMARY KEY (scope_key, typed_key)
        );
        CREATE TABLE import_mappings (
          source_key TEXT NOT NULL,
          header_signature TEXT NOT NULL,
          columns TEXT NOT NULL,
          PRIMARY KEY (source_key, header_signature)
        );
      `);
    },
  },
  {
    version: 6,
    name: 'saved steering-committee reports with the document as built',
    up(db) {
      db.exec(`
        -- The document JSON is the snapshot a reprint shows; the definition rebuilds it.
        CREATE TABLE reports (
          id INTEGER PRIMARY KEY,
          title TEXT NOT NULL,
          period TEXT NOT NULL,
          scope_code TEXT,
          scope_name TEXT NOT NULL,
          definition TEXT NOT NULL,
          document TEXT NOT NULL,
          data_stamp TEXT NOT NULL,
          is_demo INTEGER NOT NULL DEFAULT 0,
          created_at TEXT NOT NULL,
          updated_at TEXT NOT NULL
        );
        CREATE INDEX reports_period ON reports(period);
      `);
    },
  },
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
