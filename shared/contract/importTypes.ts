import type { CellIssue } from './types';

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
  issues: CellIssue[];
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
  headerRows: [number, number];
  firstDataRow: number;
  lastDataRow: number;
  columns: ColumnRole[];
  rows: ImportPreviewRow[];
  totals: TotalsCheck[];
  changes: ImportChange[];
  /** 'tcvn3' / 'vni' when legacy text was found and converted for the preview. */
  legacyEncoding: 'tcvn3' | 'vni' | null;
  errors: CellIssue[];
  warnings: string[];
  canCommit: boolean;
}

export interface ImportCommitOutcome {
  batchId: number;
  written: number;
  replaced: number;
  backupFile: string | null;
}

export interface ImportBatch {
  id: number;
  fileName: string;
  sheet: string;
  period: string;
  officeName: string | null;
  at: string;
  actor: string;
  written: number;
  replaced: number;
  undoneAt: string | null;
}
