import { sql } from 'kysely';
import { AppError, type Page, type RequestOf, type StagedRow, type StagedRowIssue } from '../../../../shared/contract';
import { maskCccd, maskPhone } from '../../../../shared/calc/cccd';
import { maskBhxhCode } from '../../../../shared/calc/personIds';
import { PERSON_FIELD_LABELS, PERSON_PRODUCT_LABELS, PERSON_STATUS_LABELS, PERSONAL_FIELDS, type PersonField, type PersonProduct, type PersonStatus } from '../../../../shared/domain/people';
import { localToday, type CoreContext } from '../../app/context';
import type { StreamCell } from '../../excel/stream';
import type { Store } from '../../db/store';
import { columnsOf, countStaged, saveCounts, stagedBatch, type StoredColumn } from './batches';
import { DUPLICATE_LISTS_SHOWN } from './duplicates';
import { jsonQuote } from './sqlJson';
import { PeopleLookups } from './lookups';
import { fieldColumns } from './mapping';
import { maskTyped, STAGED_COLUMNS, validateRow, type FieldColumn } from './validateRow';

type StagedRecord = Awaited<ReturnType<typeof loadRow>>;

async function loadRow(store: Store, batchId: number, rowNo: number) {
  const row = await store.db.selectFrom('person_import_rows').selectAll().where('batch_id', '=', batchId).where('row_no', '=', rowNo).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', `Lần nhập số ${batchId} không có dòng ${rowNo}.`);
  return row;
}

const PERSONAL = new Set<PersonField>(PERSONAL_FIELDS);

/** A staged row as screens see it: identifiers masked, the typed cells of an error row keyed by field (masked too). */
export function toStagedRow(r: StagedRecord, fields: FieldColumn[], cells: StreamCell[] | null): StagedRow {
  let raw: StagedRow['raw'] = null;
  if (cells) {
    raw = {};
    for (const f of fields) {
      const c = cells[f.index];
      if (c === null || c === undefined || c === '') continue;
      const text = String(c);
      raw[f.field] = PERSONAL.has(f.field) ? maskTyped(f.field, text) : text;
    }
  }
  let duplicateOf: string | null = null;
  if (r.duplicate_of) {
    const where = JSON.parse(r.duplicate_of) as { listName: string }[];
    duplicateOf = where.map((w) => w.listName).join(', ');
  }
  return {
    rowNo: r.row_no, status: r.status, fullName: r.full_name, birthDate: r.birth_date, cccd: maskCccd(r.cccd), bhxhCode: maskBhxhCode(r.bhxh_code),
    phone: maskPhone(r.phone), communeName: r.commune_name, unitCode: r.unit_code, hamlet: r.hamlet,
    issues: r.errors ? (JSON.parse(r.errors) as StagedRowIssue[]) : [], raw, duplicateOf,
  };
}

/**
 * The cells of a staged row: as typed (error rows keep them), else written back from the
 * staged values in a form the validation reads again (a row turned into an error by the
 * duplicate check kept none).
 */
export function cellsOf(r: StagedRecord, fields: FieldColumn[], staffCodes: Map<number, string>): StreamCell[] {
  if (r.raw) return JSON.parse(r.raw) as StreamCell[];
  const cells: StreamCell[] = [];
  const value: Record<PersonField, StreamCell> = {
    fullName: r.full_name, birthDate: r.birth_date, sex: r.sex === 'M' ? 'Nam' : r.sex === 'F' ? 'Nữ' : null, cccd: r.cccd, bhxhCode: r.bhxh_code,
    bhytCard: r.bhyt_card, phone: r.phone, commune: r.unit_code, hamlet: r.hamlet, product: r.product ? PERSON_PRODUCT_LABELS[r.product as PersonProduct] : null,
    dueMonth: r.due_month, paymentMode: r.payment_mode, staff: r.staff_id === null ? null : staffCodes.get(r.staff_id) ?? null,
    status: r.status_code ? PERSON_STATUS_LABELS[r.status_code as PersonStatus] : null, note: r.note,
    birthDateMale: r.sex === 'M' ? r.birth_date : null, birthDateFemale: r.sex === 'F' ? r.birth_date : null,
    address: [r.hamlet, r.commune_name].filter(Boolean).join(', ') || null,
    sexMale: r.sex === 'M' ? 'x' : null, sexFemale: r.sex === 'F' ? 'x' : null,
    // The full name as staged sits in the name column; the given-name column is then empty.
    givenName: null,
    birthDay: null, birthMonth: null,
  };
  for (const f of fields) {
    while (cells.length <= f.index) cells.push(null);
    cells[f.index] = value[f.field];
  }
  return cells;
}

export async function staffCodesOf(store: Store, ids: (number | null)[]): Promise<Map<number, string>> {
  const wanted = [...new Set(ids.filter((i): i is number => i !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await store.db.selectFrom('agent_staff').select(['id', 'code']).where('id', 'in', wanted).execute();
  return new Map(rows.map((r) => [r.id, r.code]));
}

/** A page of the stage (one status or all), in file order: never all rows. */
export async function pageStagedRows(ctx: CoreContext, req: RequestOf<'people:importRows'>): Promise<Page<StagedRow>> {
  const { store } = ctx;
  const batch = await store.db.selectFrom('person_import_batches').select(['columns', 'rows_read', 'rows_ok', 'rows_error', 'rows_duplicate', 'rows_update']).where('id', '=', req.batchId).executeTakeFirst();
  if (!batch) throw new AppError('NOT_FOUND', `Không tìm thấy lần nhập số ${req.batchId}.`);
  const offset = req.offset ?? 0;
  const limit = req.limit ?? 100;
  let q = store.db.selectFrom('person_import_rows').selectAll().where('batch_id', '=', req.batchId);
  if (req.status) q = q.where('status', '=', req.status);
  const items = await q.orderBy('row_no').offset(offset).limit(limit).execute();
  const total = req.status
    ? Number(batch[`rows_${req.status}` as const])
    : Number(batch.rows_read);
  const fields = fieldColumns(columnsOf(batch));
  return { items: items.map((r) => toStagedRow(r, fields, r.raw ? (JSON.parse(r.raw) as StreamCell[]) : null)), total, offset, limit };
}

/** Fixes the typed cells of a staged row and validates it again, duplicates included, without the file. */
export async function correctStagedRow(ctx: CoreContext, req: RequestOf<'people:correctRow'>): Promise<StagedRow> {
  const { store } = ctx;
  const batch = await stagedBatch(store, req.batchId);
  const columns: StoredColumn[] = columnsOf(batch);
  const fields = fieldColumns(columns);
  const row = await loadRow(store, req.batchId, req.rowNo);
  const cells = [...cellsOf(row, fields, await staffCodesOf(store, [row.staff_id]))];
  for (const [field, text] of Object.entries(req.values) as [PersonField, string][]) {
    const col = fields.find((f) => f.field === field);
    if (!col) throw new AppError('VALIDATION', `Tệp không có cột "${PERSON_FIELD_LABELS[field]}" để sửa; hãy chọn cột cho trường này rồi xem trước lại.`, { field });
    while (cells.length <= col.index) cells.push(null);
    cells[col.index] = text.trim() === '' ? null : text;
  }
  const today = localToday(ctx.now());
  const { values, issues } = validateRow(req.rowNo, cells, fields, { lookups: await PeopleLookups.load(store, today), today });
  let status: StagedRecord['status'] = issues.length ? 'error' : 'ok';
  let personId: number | null = null;
  let duplicateOf: string | null = null;
  if (status === 'ok' && (values.cccd || values.bhxh_code)) {
    const twin = await store.db
      .selectFrom('person_import_rows')
      .select('row_no')
      .where('batch_id', '=', req.batchId)
      .where('row_no', '<>', req.rowNo)
      .where('status', '<>', 'error')
      .where((eb) => eb.or([...(values.cccd ? [eb('cccd', '=', values.cccd)] : []), ...(values.bhxh_code ? [eb('bhxh_code', '=', values.bhxh_code)] : [])]))
      .orderBy('row_no')
      .limit(1)
      .executeTakeFirst();
    if (twin) {
      const f = values.cccd ? 'cccd' : 'bhxhCode';
      const col = fields.find((c) => c.field === f);
      issues.push({ field: f, column: col?.letter ?? null, cell: col ? `${col.letter}${req.rowNo}` : null, message: `${f === 'cccd' ? 'Số CCCD' : 'Mã số BHXH'} trùng với dòng ${twin.row_no} trong tệp (mỗi người chỉ ghi một dòng).` });
      status = 'error';
    }
  }
  if (status === 'ok' && (values.cccd || values.bhxh_code)) {
    const match = await store.db
      .selectFrom('people as p')
      .innerJoin('person_lists as l', 'l.id', 'p.list_id')
      .select(['p.id', 'p.list_id', sql<string>`${jsonQuote(store, 'l.name')}`.as('quoted')])
      .where((eb) => eb.or([...(values.cccd ? [eb('p.cccd', '=', values.cccd)] : []), ...(values.bhxh_code ? [eb('p.bhxh_code', '=', values.bhxh_code)] : [])]))
      .orderBy('p.id')
      .execute();
    const mine = batch.list_id === null ? undefined : match.find((m) => m.list_id === batch.list_id);
    // Each other list the person is on, with its first person (match is in id order), as the preview's SQL names them.
    const firstOf = new Map<number, (typeof match)[number]>();
    for (const m of match) if (m.list_id !== batch.list_id && !firstOf.has(m.list_id)) firstOf.set(m.list_id, m);
    const other = [...firstOf.values()].slice(0, DUPLICATE_LISTS_SHOWN);
    if (mine) {
      status = 'update';
      personId = mine.id;
    } else if (other.length) {
      status = 'duplicate';
      duplicateOf = `[${other.map((o) => `{"listName":${o.quoted},"personId":${o.id}}`).join(',')}]`;
    }
  }
  const set: Record<string, unknown> = { status, person_id: personId, duplicate_of: duplicateOf, errors: issues.length ? JSON.stringify(issues) : null, raw: issues.length ? JSON.stringify(cells) : null };
  for (const c of STAGED_COLUMNS) set[c] = values[c];
  await store.transaction(async () => {
    await store.db.updateTable('person_import_rows').set(set).where('batch_id', '=', req.batchId).where('row_no', '=', req.rowNo).execute();
    await saveCounts(store, req.batchId, await countStaged(store, req.batchId));
  });
  return toStagedRow(await loadRow(store, req.batchId, req.rowNo), fields, issues.length ? cells : null);
}
