import { ddlStep } from './step';

/**
 * The one staged import pipeline (electron/core/imports/pipeline): a preview is a session row
 * (import_sessions: which kind of list, the file, the sheet, where its header is, the columns as
 * found, what re-validation needs in `options`, the counts) and its rows in import_stage_rows,
 * keyed by (session, Excel row number): the cells as read (`raw`), the validated record
 * (`payload`) and the issues by cell. Corrections re-validate the staged raw rows without the
 * file; the renderer pages over the stage; the commit writes exactly the staged rows. A session
 * that was committed keeps its row (batch_id says which batch it wrote) and drops its stage rows.
 * No foreign key from the stage to its session: the code deletes a session's rows itself, and
 * the key would be checked once per staged row.
 */
const ddl = `
    CREATE TABLE import_sessions (
      id TEXT PRIMARY KEY,
      kind TEXT NOT NULL,
      file_name TEXT NOT NULL,
      sheet TEXT,
      status TEXT NOT NULL CHECK (status IN ('reading','staged','committed','failed','discarded')),
      header_row INTEGER,
      columns TEXT NOT NULL DEFAULT '[]',
      options TEXT NOT NULL DEFAULT '{}',
      counts TEXT NOT NULL DEFAULT '{}',
      actor TEXT NOT NULL,
      created_at TEXT NOT NULL,
      committed_at TEXT,
      batch_id INTEGER
    );
    CREATE INDEX import_sessions_status ON import_sessions(status, created_at);
    CREATE TABLE import_stage_rows (
      session_id TEXT NOT NULL,
      row_no INTEGER NOT NULL,
      status TEXT NOT NULL,
      payload TEXT,
      issues TEXT,
      raw TEXT,
      PRIMARY KEY (session_id, row_no)
    );
    CREATE INDEX import_stage_rows_status ON import_stage_rows(session_id, status, row_no);
`;

export default ddlStep({
  version: 19,
  name: 'one import pipeline: import sessions and their staged rows (district reports, unit lists)',
  sqlite: ddl,
  postgres: ddl,
});
