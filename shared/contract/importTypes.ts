import type { CellIssue } from './types';

/**
 * What an import message is about, so a screen can place it (beside the period picker, in the
 * totals check, under its row …) without matching on its words.
 */
export type ImportIssueKind = 'file' | 'period' | 'columns' | 'table' | 'row' | 'totals' | 'legacy' | 'value' | 'office';

/** An error of the file or of one row: where it is, what is wrong, and what it is about. */
export interface ImportIssue extends CellIssue {
  kind: ImportIssueKind;
}

/** A warning (the import can still go ahead), with what it is about and the cell it points to. */
export interface ImportWarning {
  kind: ImportIssueKind;
  message: string;
  cell: string | null;
  /** Where the warning points, when it is about one place of the file (added fields: older JSON lacks them). */
  sheet?: string;
  row?: number;
  column?: string | null;
}

/** What a report column holds, as detected from its header (or chosen by the user). */
export interface ColumnRole {
  /** Column letter in the sheet: "C". */
  column: string;
  header: string;
  role: 'name' | 'code' | 'result' | 'target' | 'ignore';
  indicatorCode: string | null;
  /**
   * For a plan column whose header names its year ("Kế hoạch năm 2021", "KH 2021"): the year its
   * targets are recorded for, instead of the report's year. null otherwise.
   */
  year: number | null;
}

export type ImportRowStatus = 'ok' | 'error' | 'unmatched';

export interface ImportPreviewRow {
  row: number;
  typedName: string;
  unitCode: string | null;
  unitName: string | null;
  status: ImportRowStatus;
  /** "result:BHXH_TN" / "target:BHXH_TN" → value (null = empty cell = missing). */
  values: Record<string, number | null>;
  issues: ImportIssue[];
  suggestions: { code: string; name: string }[];
}

export interface TotalsCheck {
  key: string;
  label: string;
  fileTotal: number | null;
  sumOfRows: number;
  matches: boolean;
  cell: string | null;
}

export interface ImportChange {
  unitCode: string;
  unitName: string;
  kind: 'result' | 'target';
  indicatorCode: string;
  /** The plan year a target goes to (the report's year unless the column header names another); null for results. */
  year: number | null;
  oldValue: number | null;
  newValue: number;
}

export interface ImportPreview {
  sessionId: string;
  fileName: string;
  sheets: string[];
  sheet: string;
  /** YYYY-MM; null when neither the title nor the user gave one (then nothing can commit). */
  period: string | null;
  periodSource: 'title' | 'override' | null;
  asOf: string | null;
  officeName: string | null;
  /** The BHXH cơ sở office the title names ("BHXH huyện Hồng Dân"), when it is one on record. */
  officeCode: string | null;
  headerRows: [number, number];
  firstDataRow: number;
  lastDataRow: number;
  columns: ColumnRole[];
  rows: ImportPreviewRow[];
  totals: TotalsCheck[];
  changes: ImportChange[];
  /** 'tcvn3' / 'vni' when legacy text was found and converted for the preview. */
  legacyEncoding: 'tcvn3' | 'vni' | null;
  /** The file's errors (kind 'period', 'columns', 'table') followed by every row's (kind 'row'). */
  errors: ImportIssue[];
  /** The warnings' texts, as the CLI's `import --json` prints them. */
  warnings: string[];
  /** The same warnings in the same order, with their kind and cell. */
  warningDetails: ImportWarning[];
  /** Every row of the table; `rows` holds the first page of them (all of a report up to 500 rows), the rest come by 'imports:stagedRows'. */
  rowCount: number;
  /** The rows by status, over the whole table. */
  rowCounts: Record<ImportRowStatus, number>;
  canCommit: boolean;
  /**
   * True when only some rows have errors (or no unit): the valid rows can be written on their
   * own with `skipErrorRows`, and the others exported to send back to the office.
   */
  canCommitValidRows: boolean;
}

/** Which staged rows a page of 'imports:stagedRows' holds: all, one status, or those to fix (error and unmatched). */
export type ImportRowFilter = 'all' | 'problems' | ImportRowStatus;

export interface ImportCommitOutcome {
  batchId: number;
  written: number;
  replaced: number;
  backupFile: string | null;
  /** Rows left out because they had errors (commit with skipErrorRows). */
  skippedRows: number;
}

export interface ImportBatch {
  id: number;
  fileName: string;
  sheet: string;
  period: string;
  officeName: string | null;
  /** The office record the batch came from, when the title named one. */
  officeCode: string | null;
  at: string;
  actor: string;
  written: number;
  replaced: number;
  undoneAt: string | null;
  /** What the preview warned about and the import went ahead with (a totals row that disagrees …). */
  warnings: ImportWarning[];
}
