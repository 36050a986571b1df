import type { PersonField } from '../../../../shared/domain/people';
import { copyCsvLine } from '../../db/copyCsv';
import { foldText } from '../../../../shared/text/fold';
import { TO_UNICODE, type LegacyEncoding } from '../../imports/legacyText';
import { classifyHeader, isColumnNumberRow } from './headers';
import type { RowBatch, StreamCell } from '../../excel/stream/types';
import { PeopleLookups, type PeopleLookupsData } from './lookups';
import { pushStaged, validateRow, type FieldColumn, type ValidateContext } from './validateRow';

/** The lines that open the signature block (below them only short rows, the signers' names, follow), and the place-date line. */
const SIGNATURE_OPENERS = ['nguoi lap', 'giam doc', 'pho giam doc', 'thu truong', 'ke toan', 'xac nhan', 'ky ten', 'tm\\.? ', 't\\/m ', 'chu tich', 'truong (ap|khom|thon|ban)', 'dai dien'];
const PLACE_DATE = '\\bngay \\d+ thang \\d+ nam \\d{4}\\b';
const SIGNATURE = new RegExp(`^(${SIGNATURE_OPENERS.join('|')})|${PLACE_DATE}`);
/** Lines under a table that are not people: those, totals, "(Ký, ghi rõ họ tên)", a signer's title. */
const FOOTER = new RegExp(`^(${[...SIGNATURE_OPENERS, 'tong cong', 'tong so', 'cong', 'ngay \\d+ thang', '\\d+ ngay', '\\(ky', 'can bo'].join('|')})|${PLACE_DATE}`);
const TOTAL_LINE = /^\s*(tổng|cộng)(\s|:|$)/i;

/** Cells a row fills. */
function filledCells(cells: StreamCell[]): number {
  let filled = 0;
  for (const c of cells) if (c !== null && c !== '') filled++;
  return filled;
}

/** A row under the table that is not a person: the signature block, a total line, a place-date line. */
export function isFooter(cells: StreamCell[], name: FieldColumn | undefined): boolean {
  // A person's row fills more cells than a signature line or a total does.
  if (filledCells(cells) > 3) return false;
  const texts = cells.filter((c): c is string => typeof c === 'string' && c.trim() !== '');
  if (texts.length === 0) return false;
  const nameCell = name ? cells[name.index] : null;
  return texts.every((t) => FOOTER.test(foldText(t))) && (nameCell === null || nameCell === undefined || FOOTER.test(foldText(String(nameCell))));
}

/** Whether a footer row opens the signature block. */
function opensSignature(cells: StreamCell[]): boolean {
  return cells.some((c) => typeof c === 'string' && SIGNATURE.test(foldText(c)));
}

/**
 * What the rows of a sheet read so far tell the next batch: once the signature block has begun,
 * the short rows under it (signers' names, "(Ký, ghi rõ họ tên)") are not people.
 */
export interface StageState {
  signed: boolean;
}

const NAME_HEADER_WORD = /(^|\s)t[eê]n(\s|$)/i;

/** The fields that say who a row is about: without any of them a row is a template's prefilled line. */
const IDENTIFYING = new Set<PersonField>(['fullName', 'birthDate', 'birthDateMale', 'birthDateFemale', 'cccd', 'bhxhCode', 'bhytCard', 'phone']);

/**
 * A row under the header that is not a person: the header again (lists printed page by page and
 * pasted back), the "(1) (2) (3)" row again, or a form's row with only its prefilled cells (the
 * commune, a status) and nothing naming anyone.
 */
function notAPerson(cells: StreamCell[], fields: readonly FieldColumn[], name: FieldColumn | undefined): boolean {
  const nameCell = name ? cells[name.index] : null;
  if (typeof nameCell === 'string') {
    // "Họ và tên", "HỌ VÀ TÊN": classified only when it has the word, so error rows stay cheap.
    if (NAME_HEADER_WORD.test(nameCell) && classifyHeader(nameCell) === 'fullName') return true;
    // A name: a person with something to fix.
    if (nameCell.trim().length > 4) return false;
  }
  if (isColumnNumberRow(cells)) return true;
  for (const f of fields) {
    const c = cells[f.index];
    if (IDENTIFYING.has(f.field) && c !== null && c !== undefined && c !== '') return false;
  }
  return true;
}

/** Cells of an error row as kept for the screen: a hostile 30,000-character cell is cut short. */
const RAW_CELL_MAX = 1000;
function rawOf(cells: StreamCell[]): string {
  let long = false;
  for (const c of cells) if (typeof c === 'string' && c.length > RAW_CELL_MAX) long = true;
  return JSON.stringify(long ? cells.map((c) => (typeof c === 'string' && c.length > RAW_CELL_MAX ? c.slice(0, RAW_CELL_MAX) + '…' : c)) : cells);
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
  /** The file is CSV/TSV (cells without types). */
  untyped?: boolean;
  /** The legacy font the sheet's text is typed in (found from its first rows): every text cell is converted to Unicode. */
  legacy?: LegacyEncoding | null;
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
export function stageRows(batch: RowBatch, setup: StageSetup, vctx: ValidateContext, state: StageState = { signed: false }): StagedBatch {
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
  const convert = setup.legacy ? TO_UNICODE[setup.legacy] : null;
  for (let i = 0; i < rows.length; i++) {
    const rowNo = rowNumbers[i]!;
    if (rowNo <= lastHeaderRow) continue;
    const cells = convert ? rows[i]!.map((c) => (typeof c === 'string' ? convert(c) : c)) : rows[i]!;
    let mapped = false;
    for (let k = 0; k < fields.length && !mapped; k++) {
      const c = cells[fields[k]!.index];
      mapped = c !== null && c !== undefined && c !== '';
    }
    if (!mapped) continue;
    if (isFooter(cells, nameColumn)) {
      if (!state.signed && opensSignature(cells)) state.signed = true;
      continue;
    }
    if (state.signed && filledCells(cells) <= 3) continue;
    // "Tổng cộng" / "Cộng ấp 1" with its counts across the columns (a name cell starting so; "Tống" is a surname, "Tổng" is not).
    const nameCell = nameColumn ? cells[nameColumn.index] : null;
    if (typeof nameCell === 'string' && TOTAL_LINE.test(nameCell)) continue;
    const { values, issues } = validateRow(rowNo, cells, fields, vctx);
    const bad = issues.length > 0;
    // Only a row that fails is looked at again (a million good rows pay nothing): the header
    // repeated on each printed page, its column-number row, a template row naming nobody.
    if (bad && notAPerson(cells, fields, nameColumn)) continue;
    rowsSeen++;
    for (const is of issues) errors.set(is.field, (errors.get(is.field) ?? 0) + 1);
    const tuple: unknown[] = [batchId, rowNo, bad ? 'error' : 'ok'];
    pushStaged(tuple, values);
    tuple.push(bad ? JSON.stringify(issues) : null, bad ? rawOf(cells) : null);
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
  const vctx: ValidateContext = { lookups: PeopleLookups.fromData(config.lookups), today: config.setup.today, untyped: config.setup.untyped === true };
  const state: StageState = { signed: false };
  return (batch) => stageRows(batch, config.setup, vctx, state);
}
