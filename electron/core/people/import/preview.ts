import { statSync } from 'node:fs';
import { AppError, type PersonImportPreview, type RequestOf } from '../../../../shared/contract';
import { PERSON_FIELDS, type PersonField, type PersonListKind } from '../../../../shared/domain/people';
import { formatCount } from '../../../../shared/format/vi';
import { foldText } from '../../../../shared/text/fold';
import { isoNow, localToday, type CoreContext } from '../../app/context';
import { lastTimings, listSheets, streamSheetRows, streamSheetRowsInWorker, isPlainText, workbookFonts, type RowBatch, type StreamCell, type WorkerTransform } from '../../excel/stream';
import type { Statement } from 'better-sqlite3';
import type { PostgresStore } from '../../db/postgresStore';
import type { SqliteStore } from '../../db/sqliteStore';
import type { Store } from '../../db/store';
import { startOperation, type ImportOperation } from '../../imports/operations';
import { cleanStale, countStaged, dropStaged, rememberTimings, saveCounts, type StoredColumn } from './batches';
import { InFileKeys, markDuplicates } from './duplicates';
import { HEADER_SCAN_ROWS, locateTable, type LocatedTable } from './headers';
import { PeopleLookups } from './lookups';
import { fieldColumns, missingFields, resolveMapping } from './mapping';
import { detectLegacyEncoding, LEGACY_WARNINGS, TO_UNICODE, type LegacyEncoding } from '../../imports/legacyText';
import { stageRows, type StageSetup, type StageState, type StagedBatch, type StageWorkerConfig } from './stageRows';
import { STAGED_COLUMNS, type FieldColumn, type ValidateContext } from './validateRow';

/** From this size (about 50,000 rows of a list) staging is a large write for the database's log. */
const LARGE_FILE_BYTES = 4 * 1024 * 1024;

/** Staged rows written per bulk insert; the event loop is let go between chunks. */
export const STAGE_CHUNK = 10_000;

export const STAGE_INSERT_COLUMNS = ['batch_id', 'row_no', 'status', ...STAGED_COLUMNS, 'errors', 'raw'] as const;
const CCCD_AT = STAGE_INSERT_COLUMNS.indexOf('cccd');
const BHXH_AT = STAGE_INSERT_COLUMNS.indexOf('bhxh_code');

/**
 * The columns of a chunk some row fills (a list without due months, staff, notes… leaves the
 * rest out): fewer values to bind per row, more rows per statement. Null is the columns' default anyway.
 */
function filledColumns(rows: unknown[][]): number[] {
  const keep: number[] = [];
  for (let j = 0; j < STAGE_INSERT_COLUMNS.length; j++) {
    if (j < 3 || rows.some((r) => r[j] !== null && r[j] !== undefined)) keep.push(j);
  }
  return keep;
}

/** Rows per INSERT statement when staging on SQLite (22 values a row, under its 32,766 variables). */
const SQLITE_STATEMENT_ROWS = 500;
const stageStatements = new WeakMap<object, Map<string, Statement>>();

/**
 * A chunk into the stage in one transaction. On SQLite through statements of hundreds of rows,
 * prepared once per column set and bound from one reused array (bulkInsert's statements hold 45
 * rows, sized for the old 999-variable limit); PostgreSQL copies it (bulkInsert).
 */
async function stageChunk(store: Store, rows: unknown[][]): Promise<void> {
  const keep = filledColumns(rows);
  const columns = keep.map((j) => STAGE_INSERT_COLUMNS[j]!);
  if (store.engine !== 'sqlite') {
    const narrow = keep.length === STAGE_INSERT_COLUMNS.length ? rows : rows.map((r) => keep.map((j) => r[j]));
    return store.bulkInsert('person_import_rows', columns, narrow);
  }
  const raw = (store as SqliteStore).raw;
  let cache = stageStatements.get(raw);
  if (!cache) stageStatements.set(raw, (cache = new Map()));
  const width = keep.length;
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  const statement = (n: number) => {
    const key = `${columns.join(',')}|${n}`;
    let st = cache.get(key);
    if (!st) {
      if (cache.size > 16) cache.clear();
      st = raw.prepare(`INSERT INTO person_import_rows (${columns.join(', ')}) VALUES ${Array(n).fill(tuple).join(', ')}`);
      cache.set(key, st);
    }
    return st;
  };
  // The values are bound straight from the tuples (the kept columns only), no row copied.
  const run = (from: number, n: number, params: unknown[]) => {
    let k = 0;
    for (let i = from; i < from + n; i++) {
      const r = rows[i]!;
      for (let j = 0; j < width; j++) params[k++] = r[keep[j]!];
    }
    statement(n).run(params);
  };
  await store.transaction(async () => {
    const per = SQLITE_STATEMENT_ROWS;
    const params: unknown[] = new Array(per * width);
    let i = 0;
    for (; i + per <= rows.length; i += per) run(i, per, params);
    if (i < rows.length) run(i, rows.length - i, new Array((rows.length - i) * width));
  });
}

type PreviewRequest = RequestOf<'people:previewImport'>;

/**
 * The preview of a person list: reads the file streaming (in a worker), finds the table, maps
 * its columns, validates every row into the stage in chunks, decides duplicates in SQL and
 * returns counts, never rows. Cancelled or failed, it leaves no staged rows.
 */
export async function previewPeopleImport(ctx: CoreContext, req: PreviewRequest): Promise<PersonImportPreview> {
  const op = startOperation(ctx, req.operationId);
  try {
    return await runPreview(ctx, req, op);
  } finally {
    op.end();
  }
}

async function targetList(ctx: CoreContext, req: PreviewRequest, fileName: string): Promise<{ id: number | null; name: string; kind: PersonListKind }> {
  if (req.listId !== undefined) {
    const list = await ctx.store.db.selectFrom('person_lists').select(['id', 'name', 'kind']).where('id', '=', req.listId).executeTakeFirst();
    if (!list) throw new AppError('NOT_FOUND', `Không tìm thấy danh sách số ${req.listId}; có thể đã bị xóa.`);
    return { id: list.id, name: list.name, kind: list.kind };
  }
  const name = (req.listName ?? fileName.replace(/\.[^.]+$/, '')).normalize('NFC').replace(/\s+/g, ' ').trim();
  const existing = await ctx.store.db.selectFrom('person_lists').select(['id', 'name', 'kind']).where('name_key', '=', foldText(name)).executeTakeFirst();
  if (existing) return { id: existing.id, name: existing.name, kind: existing.kind };
  return { id: null, name, kind: req.listKind ?? 'PROSPECT' };
}

async function runPreview(ctx: CoreContext, req: PreviewRequest, op: ImportOperation): Promise<PersonImportPreview> {
  const { store } = ctx;
  const { name: fileName, path } = ctx.files.pathOf(req.file);
  const list = await targetList(ctx, req, fileName);
  await cleanStale(store, fileName, ctx.now());
  op.progress('Đang đọc tệp…', 0, 1);
  const sheets = (await listSheets(path, fileName)).map((s) => s.name);
  if (req.sheet !== undefined && !sheets.includes(req.sheet)) {
    throw new AppError('VALIDATION', `Tệp "${fileName}" không có trang tính "${req.sheet}"; các trang: ${sheets.map((s) => `"${s}"`).join(', ')}.`, { file: fileName });
  }
  const attempt = async (sheet: string, notices: string[]) => {
    const inserted = await store.db
      .insertInto('person_import_batches')
      .values({ list_id: list.id, list_name: list.name, list_kind: list.kind, file_name: fileName, sheet, status: 'reading', actor: ctx.actor, created_at: isoNow(ctx) })
      .returning('id')
      .executeTakeFirstOrThrow();
    const batchId = Number(inserted.id);
    try {
      // A big file's stage leaves hundreds of MB in SQLite's log: folded into the file after, off this thread.
      const stage = () => stageFile(ctx, op, { batchId, fileName, path, sheet, sheets, list, mapping: req.mapping, notices });
      return await (statSync(path).size >= LARGE_FILE_BYTES ? store.largeWrite(stage) : stage());
    } catch (error) {
      await dropStaged(store, batchId, op.signal.aborted ? 'discarded' : 'failed').catch(() => undefined);
      if (op.signal.aborted) throw new AppError('CANCELLED', `Đã hủy việc nhập tệp "${fileName}". Chưa có gì thay đổi trong danh sách.`, { file: fileName });
      throw error;
    }
  };
  const first = req.sheet ?? sheets[0] ?? '';
  try {
    return await attempt(first, []);
  } catch (error) {
    // A workbook with a cover or instructions sheet first (one sheet per hamlet is common): the
    // first sheet further on with a person header is read, and the preview says so.
    const noHeader = error instanceof AppError && error.details?.reason === 'noHeader';
    if (req.sheet !== undefined || sheets.length < 2 || !noHeader) throw error;
    for (const other of sheets.slice(1)) {
      if (op.signal.aborted) break;
      if (!(await hasPersonHeader(path, fileName, other, op.signal))) continue;
      const rest = sheets.filter((s) => s !== other).map((s) => `"${s}"`).join(', ');
      return attempt(other, [`Trang "${first}" không có dòng tiêu đề danh sách người; đã đọc trang "${other}". Tệp còn các trang: ${rest} (chọn trang khác nếu cần).`]);
    }
    if (op.signal.aborted) throw new AppError('CANCELLED', `Đã hủy việc nhập tệp "${fileName}". Chưa có gì thay đổi trong danh sách.`, { file: fileName });
    throw new AppError(
      'FILE_INVALID',
      `Tệp "${fileName}" không có trang nào là danh sách người: các trang ${sheets.map((s) => `"${s}"`).join(', ')} đều không có dòng tiêu đề có cột "Họ và tên" trong ${HEADER_SCAN_ROWS} dòng đầu. Hãy để dòng tiêu đề với các cột như Họ và tên, Ngày sinh, Số CCCD, Mã số BHXH, Số điện thoại, Xã/phường. Chưa có gì được ghi.`,
      { file: fileName, sheets },
    );
  }
}

/** The first rows of a sheet (up to the header scan), read in this thread and stopped there. */
async function headOf(path: string, fileName: string, sheet: string, signal: AbortSignal): Promise<{ rowNumbers: number[]; rows: StreamCell[][] }> {
  const head: { rowNumbers: number[]; rows: StreamCell[][] } = { rowNumbers: [], rows: [] };
  for await (const batch of streamSheetRows(path, fileName, { sheet, signal, batchRows: 50 })) {
    head.rowNumbers.push(...batch.rowNumbers);
    head.rows.push(...batch.rows);
    if (head.rowNumbers[head.rowNumbers.length - 1]! > HEADER_SCAN_ROWS + 2) break;
  }
  return head;
}

async function hasPersonHeader(path: string, fileName: string, sheet: string, signal: AbortSignal): Promise<boolean> {
  const head = await headOf(path, fileName, sheet, signal);
  return locateTable(head.rowNumbers, (await readable(head.rows, () => workbookFonts(path, fileName))).rows) !== null;
}

/**
 * The first rows as Unicode: text typed in a legacy font (TCVN3 .VnTime, VNI-Times) is found by
 * its characters, and by the workbook's font names when the characters alone are too few (a short
 * list), and converted as the district-report import does.
 */
async function readable(rows: StreamCell[][], fonts: () => Promise<string[]>): Promise<{ rows: StreamCell[][]; legacy: LegacyEncoding | null }> {
  const samples: string[] = [];
  let latin1 = false;
  for (const r of rows) {
    for (const c of r) {
      if (typeof c !== 'string') continue;
      samples.push(c);
      if (!latin1 && LATIN1_LETTERS.test(c)) latin1 = true;
    }
  }
  const legacy = detectLegacyEncoding(samples) ?? (latin1 ? detectLegacyEncoding(samples, await fonts()) : null);
  if (!legacy) return { rows, legacy };
  const convert = TO_UNICODE[legacy];
  return { rows: rows.map((r) => r.map((c) => (typeof c === 'string' ? convert(c) : c))), legacy };
}

/** The Latin-1 symbols and letters legacy fonts draw Vietnamese with. */
const LATIN1_LETTERS = /[\u00a1-\u00ff]/;

interface StageJob {
  batchId: number;
  fileName: string;
  path: string;
  sheet: string;
  sheets: string[];
  list: { id: number | null; name: string; kind: PersonListKind };
  mapping: Record<string, PersonField | null> | undefined;
  /** What the reader decided so far (another sheet chosen), for the preview. */
  notices: string[];
}

async function stageFile(ctx: CoreContext, op: ImportOperation, job: StageJob): Promise<PersonImportPreview> {
  const { store } = ctx;
  const { batchId, fileName, sheet } = job;
  const today = localToday(ctx.now());
  const vctx: ValidateContext = { lookups: await PeopleLookups.load(store, today), today };
  const timings = { readMs: 0, validateMs: 0, stageMs: 0, commitMs: null };
  const errorsByField = new Map<PersonField, number>();
  let table: LocatedTable | null = null;
  let columns: StoredColumn[] = [];
  let fields: FieldColumn[] = [];
  const head: { rowNumbers: number[]; rows: StreamCell[][] } = { rowNumbers: [], rows: [] };
  let pending: unknown[][] = [];
  let pendingCsv: Uint8Array[] = [];
  let pendingRows = 0;
  let rowsSeen = 0;
  let bytes = { done: 0, total: 0 };

  const flush = async () => {
    if (pendingRows === 0) return;
    const t = performance.now();
    const chunk = pending;
    const csv = pendingCsv;
    pending = [];
    pendingCsv = [];
    pendingRows = 0;
    if (csv.length) await (store as PostgresStore).copyCsv('person_import_rows', STAGE_INSERT_COLUMNS, csv);
    else await stageChunk(store, chunk);
    timings.stageMs += performance.now() - t;
    op.progress('Đang kiểm tra…', bytes.total ? bytes.done : rowsSeen, bytes.total || rowsSeen + 1);
    // Let other requests in between chunks, and honour a cancel.
    await new Promise((resolve) => setImmediate(resolve));
    if (op.signal.aborted) throw new AppError('CANCELLED', 'cancelled');
  };

  let setup: StageSetup | null = null;
  let legacy: LegacyEncoding | null = null;
  const state: StageState = { signed: false };
  const inFile = new InFileKeys();
  const add = async (staged: StagedBatch) => {
    rowsSeen += staged.rowsSeen;
    for (const [f, n] of staged.errors) errorsByField.set(f, (errorsByField.get(f) ?? 0) + n);
    for (const tuple of staged.tuples) {
      pending.push(tuple);
      if (tuple[2] === 'ok') inFile.add(tuple[1] as number, tuple[CCCD_AT] as string | null, tuple[BHXH_AT] as string | null);
    }
    if (staged.csv) {
      pendingCsv.push(staged.csv);
      for (const [rowNo, cccd, bhxh] of staged.keys ?? []) inFile.add(rowNo, cccd, bhxh);
    }
    pendingRows += staged.staged;
    if (pendingRows >= STAGE_CHUNK) await flush();
  };
  /** Rows read before the worker was told how to validate them: validated here. */
  const take = async (batch: RowBatch) => {
    const t = performance.now();
    const staged = stageRows(batch, setup!, vctx, state);
    timings.validateMs += performance.now() - t;
    await add(staged);
  };
  const locate = async () => {
    const text = await readable(head.rows, () => workbookFonts(job.path, fileName));
    table = locateTable(head.rowNumbers, text.rows);
    legacy = text.legacy;
    if (!table) {
      const empty = head.rows.length === 0;
      throw new AppError(
        'FILE_INVALID',
        empty
          ? `Tệp "${fileName}", trang "${sheet}" không có dữ liệu. Chưa có gì được ghi.`
          : `Tệp "${fileName}", trang "${sheet}" không phải danh sách người: không tìm thấy dòng tiêu đề có cột "Họ và tên" trong ${HEADER_SCAN_ROWS} dòng đầu. Hãy để dòng tiêu đề với các cột như Họ và tên, Ngày sinh, Số CCCD, Mã số BHXH, Số điện thoại, Xã/phường. Chưa có gì được ghi.`,
        { file: fileName, sheet, reason: empty ? 'empty' : 'noHeader' },
      );
    }
    ({ columns } = await resolveMapping(store, table.columns, job.mapping));
    fields = fieldColumns(columns);
    // PostgreSQL takes the rows as COPY text the worker builds; SQLite binds values.
    const untyped = await isPlainText(job.path, fileName);
    vctx.untyped = untyped;
    setup = { batchId, lastHeaderRow: table.lastHeaderRow, fields, today, format: store.engine === 'postgres' ? 'csv' : 'tuples', legacy, untyped };
    // From here on the reader's worker validates the rows it reads (on its own core) and posts
    // them staged; the few batches already on their way are validated here.
    transform.configure?.({ setup, lookups: vctx.lookups.toData() } satisfies StageWorkerConfig);
    await take(head);
  };

  let t = performance.now();
  const transform: WorkerTransform = { name: 'people-stage', configure: null };
  const stream = streamSheetRowsInWorker(job.path, fileName, {
    sheet,
    transform,
    signal: op.signal,
    batchRows: 5000,
    onProgress: (p) => {
      bytes = { done: p.readBytes, total: p.totalBytes };
    },
  });
  for await (const batch of stream) {
    timings.readMs += performance.now() - t;
    if (op.signal.aborted) throw new AppError('CANCELLED', 'cancelled');
    if (batch.transformed) await add(batch.transformed as StagedBatch);
    else if (table) await take(batch);
    else {
      head.rowNumbers.push(...batch.rowNumbers);
      head.rows.push(...batch.rows);
      if (head.rowNumbers[head.rowNumbers.length - 1]! > HEADER_SCAN_ROWS + 2) {
        await locate();
        head.rowNumbers = [];
        head.rows = [];
      }
    }
    t = performance.now();
  }
  timings.readMs += performance.now() - t;
  const reader = lastTimings();
  timings.validateMs += reader?.transformMs ?? 0;
  if (!table) await locate();
  await flush();
  const located = table as LocatedTable | null;
  if (!located) throw new AppError('INTERNAL', 'unreachable');
  if (rowsSeen === 0) {
    throw new AppError('FILE_INVALID', `Tệp "${fileName}", trang "${sheet}" có dòng tiêu đề (dòng ${located.headerRow}) nhưng không có dòng người nào. Chưa có gì được ghi.`, { file: fileName, sheet });
  }

  const dupStart = performance.now();
  op.progress('Đang đối chiếu trùng lặp…', 0, 3);
  const letterOf = (f: PersonField) => fields.find((c) => c.field === f)?.letter ?? null;
  const dups = await markDuplicates(store, batchId, job.list.id, { cccd: letterOf('cccd'), bhxhCode: letterOf('bhxhCode') ?? letterOf('bhytCard') }, (done) => {
    op.progress('Đang đối chiếu trùng lặp…', done, 3);
    if (op.signal.aborted) throw new AppError('CANCELLED', 'cancelled');
  }, inFile.repeats());
  for (const [f, n] of Object.entries(dups.errors) as [PersonField, number][]) errorsByField.set(f, (errorsByField.get(f) ?? 0) + n);
  const counts = await countStaged(store, batchId);
  const missing = missingFields(columns, job.list.kind);
  await store.db
    .updateTable('person_import_batches')
    .set({ status: 'staged', header_row: located.headerRow, columns: JSON.stringify(columns) })
    .where('id', '=', batchId)
    .execute();
  await saveCounts(store, batchId, counts);
  const duplicatesMs = Math.round(performance.now() - dupStart);
  timings.stageMs += duplicatesMs;
  const rounded = { readMs: Math.round(timings.readMs), validateMs: Math.round(timings.validateMs), stageMs: Math.round(timings.stageMs), commitMs: null, duplicatesMs, ...(reader ? { inflateMs: Math.round(reader.inflateMs), scanMs: Math.round(reader.scanMs) } : {}) };
  rememberTimings(batchId, rounded);
  const notices = [...job.notices, ...(legacy ? [LEGACY_WARNINGS[legacy]] : [])];
  op.progress(`Đã kiểm tra ${formatCount(counts.read)} dòng`, 1, 1);
  return {
    batchId,
    fileName,
    sheets: job.sheets,
    sheet,
    headerRow: located.headerRow,
    columns: columns.map(({ index: _index, ...c }) => c),
    missingFields: missing,
    listName: job.list.name,
    listKind: job.list.kind,
    existingListId: job.list.id,
    counts,
    errorsByField: [...errorsByField.entries()].map(([field, count]) => ({ field, count })).sort((a, b) => b.count - a.count || PERSON_FIELDS.indexOf(a.field) - PERSON_FIELDS.indexOf(b.field)),
    canCommit: missing.length === 0 && counts.ok + counts.duplicate + counts.update > 0,
    timings: rounded,
    ...(notices.length ? { notices } : {}),
  };
}
