import type { PersonField } from '../../../../shared/domain/people';
import { copyCsvLine } from '../../db/copyCsv';
import { foldText } from '../../../../shared/text/fold';
import type { RowBatch, StreamCell } from '../../excel/stream/types';
import { PeopleLookups, type PeopleLookupsData } from './lookups';
import { pushStaged, validateRow, type FieldColumn, type ValidateContext } from './validateRow';

const FOOTER = /^(nguoi lap|giam doc|pho giam doc|thu truong|ke toan|tong cong|cong|xac nhan|ngay \d+ thang|\d+ ngay|ky ten)/;

/** A row under the table that is not a person: the signature block, a total line. */
export function isFooter(cells: StreamCell[], name: FieldColumn | undefined): boolean {
  let filled = 0;
  for (const c of cells) if (c !== null && c !== '') filled++;
  // A person's row fills more cells than a signature line or a total does.
  if (filled > 3) return false;
  const texts = cells.filter((c): c is string => typeof c === 'string' && c.trim() !== '');
  if (texts.length === 0) return false;
  const nameCell = name ? cells[name.index] : null;
  return texts.every((t) => FOOTER.test(foldText(t))) && (nameCell === null || nameCell === undefined || FOOTER.test(foldText(String(nameCell))));
}

/** What validating rows needs once the table is found: plain data, so the reader's worker can be given it. */
export interface StageSetup {
  batchId: number;
  lastHeaderRow: number;
  fields: FieldColumn[];
  today: string;
  /**
   * 'csv' (PostgreSQL): the batch comes back as COPY text, built where it is validated, plus the
   * valid rows' identifiers for the in-file duplicate check; 'tuples' (SQLite): values to bind.
   */
  format: 'tuples' | 'csv';
}

/** Rows validated into stage tuples (batch_id, row_no, status, STAGED_COLUMNS…, errors, raw), with the issues counted by field. */
export interface StagedBatch {
  /** Empty when the setup's format is 'csv'. */
  tuples: unknown[][];
  /** Format 'csv': the rows as COPY text (UTF-8) in the tuples' column order, and per valid row [row_no, cccd, bhxh_code]. */
  csv?: Uint8Array;
  keys?: [number, string | null, string | null][];
  /** Rows staged (tuples or lines). */
  staged: number;
  rowsSeen: number;
  errors: [PersonField, number][];
}

/**
 * The rows of a batch under the header, validated: empty rows (no mapped cell filled) and the
 * footer left out. Runs on the main thread or in the reader's worker, with the same result.
 */
export function stageRows(batch: RowBatch, setup: StageSetup, vctx: ValidateContext): StagedBatch {
  const { rowNumbers, rows } = batch;
  const { fields, batchId, lastHeaderRow } = setup;
  const nameColumn = fields.find((f) => f.field === 'fullName');
  const tuples: unknown[][] = [];
  const csv = setup.format === 'csv';
  const keys: [number, string | null, string | null][] = [];
  const lines: string[] = [];
  let staged = 0;
  const errors = new Map<PersonField, number>();
  let rowsSeen = 0;
  for (let i = 0; i < rows.length; i++) {
    const rowNo = rowNumbers[i]!;
    if (rowNo <= lastHeaderRow) continue;
    const cells = rows[i]!;
    let mapped = false;
    for (let k = 0; k < fields.length && !mapped; k++) {
      const c = cells[fields[k]!.index];
      mapped = c !== null && c !== undefined && c !== '';
    }
    if (!mapped) continue;
    if (isFooter(cells, nameColumn)) continue;
    rowsSeen++;
    const { values, issues } = validateRow(rowNo, cells, fields, vctx);
    const bad = issues.length > 0;
    for (const is of issues) errors.set(is.field, (errors.get(is.field) ?? 0) + 1);
    const tuple: unknown[] = [batchId, rowNo, bad ? 'error' : 'ok'];
    pushStaged(tuple, values);
    tuple.push(bad ? JSON.stringify(issues) : null, bad ? JSON.stringify(cells) : null);
    staged++;
    if (!csv) tuples.push(tuple);
    else {
      lines.push(copyCsvLine(tuple));
      if (!bad) keys.push([rowNo, values.cccd, values.bhxh_code]);
    }
  }
  if (csv) return { tuples, csv: Buffer.from(lines.join('')), keys, staged, rowsSeen, errors: [...errors] };
  return { tuples, staged, rowsSeen, errors: [...errors] };
}

/** The data a worker is configured with: the setup and the lookups as plain maps. */
export interface StageWorkerConfig {
  setup: StageSetup;
  lookups: PeopleLookupsData;
}

/** The reader worker's transform (see excel/stream/streamWorker.ts): raw batches in, staged batches out. */
export function createStageTransform(config: StageWorkerConfig): (batch: RowBatch) => StagedBatch {
  const vctx: ValidateContext = { lookups: PeopleLookups.fromData(config.lookups), today: config.setup.today };
  return (batch) => stageRows(batch, config.setup, vctx);
}
