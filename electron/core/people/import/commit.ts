import { sql } from 'kysely';
import { AppError, type PersonImportOutcome } from '../../../../shared/contract';
import { PERSON_FIELD_LABELS } from '../../../../shared/domain/people';
import { formatCount } from '../../../../shared/format/vi';
import { foldText } from '../../../../shared/text/fold';
import { isoNow, type CoreContext } from '../../app/context';
import { recordAudit } from '../../audit/audit';
import { safetyBackup } from '../../backups/backups';
import { startOperation } from '../../imports/operations';
import { columnsOf, countStaged, purgeCommitted, stagedBatch, timingsOf } from './batches';
import { headerSignature } from './headers';
import { missingFields, rememberMapping } from './mapping';
import { jsonObjectOf } from './sqlJson';
import { BIG_LOAD_ROWS } from '../../db/batching';
import { putPeopleIndexesBack, setPeopleIndexesAside } from '../bigWrites';

/** The person columns an update replaces, saved in `previous` first so undo can put them back. */
export const PREVIOUS_COLUMNS = [
  'full_name', 'name_key', 'given_key', 'birth_date', 'sex', 'cccd', 'bhxh_code', 'bhyt_card', 'phone', 'unit_code', 'commune_name',
  'hamlet', 'hamlet_key', 'product', 'due_month', 'payment_mode', 'staff_id', 'status', 'status_on', 'note', 'source_row', 'updated_at',
] as const;
export const INTEGER_COLUMNS = new Set<string>(['payment_mode', 'staff_id', 'source_row']);

/** What an update takes from the file: a value the file gives; what it leaves empty stays as it was. */
const UPDATED_FROM_STAGE = [
  'full_name', 'name_key', 'given_key', 'birth_date', 'sex', 'cccd', 'bhxh_code', 'bhyt_card', 'phone', 'unit_code', 'commune_name',
  'hamlet', 'hamlet_key', 'product', 'due_month', 'payment_mode', 'staff_id', 'note',
] as const;

/** Row-number ranges the insert goes in, for progress and cancel between them (one transaction all the same). */
const COMMIT_RANGE = 100_000;

/**
 * Writes exactly what was staged (errors left out) after a safety backup, in one transaction:
 * the list if new, the new people (INSERT … SELECT from the stage), the updates of people
 * already on the list (their fields saved first), the audit row and the batch.
 */
export async function commitPeopleImport(ctx: CoreContext, batchId: number, operationId: string | undefined): Promise<PersonImportOutcome> {
  const { store } = ctx;
  const op = startOperation(ctx, operationId);
  try {
    const batch = await stagedBatch(store, batchId);
    const columns = columnsOf(batch);
    const missing = missingFields(columns, batch.list_kind);
    if (missing.length) {
      throw new AppError('VALIDATION', `Tệp "${batch.file_name}" chưa có cột ${missing.map((f) => `"${PERSON_FIELD_LABELS[f]}"`).join(', ')}; hãy chọn cột cho trường này rồi xem trước lại. Chưa có gì được ghi.`);
    }
    const counts = await countStaged(store, batchId);
    if (counts.ok + counts.duplicate + counts.update === 0) {
      throw new AppError('VALIDATION', `Tệp "${batch.file_name}" không có dòng hợp lệ nào để nhập (${formatCount(counts.error)} dòng lỗi). Chưa có gì được ghi.`);
    }
    if (batch.list_id === null) {
      const clash = await store.db.selectFrom('person_lists').select('id').where('name_key', '=', foldText(batch.list_name)).executeTakeFirst();
      if (clash) throw new AppError('CONFLICT', `Danh sách "${batch.list_name}" vừa được tạo ở nơi khác; hãy xem trước lại để nhập vào danh sách đó.`);
    } else {
      const list = await store.db.selectFrom('person_lists').select('id').where('id', '=', batch.list_id).executeTakeFirst();
      if (!list) throw new AppError('CONFLICT', `Danh sách "${batch.list_name}" đã bị xóa kể từ lúc xem trước; hãy xem trước lại.`);
    }
    const total = counts.ok + counts.duplicate + counts.update;
    // A big list's backup is copied on the database's side thread while this one writes (the
    // copy holds only what was committed before), and the transaction ends only once it is
    // written: still a backup before the import, without making the import wait for it.
    let backupFile: string | null = null;
    let backupMs = 0;
    const backupAside = total >= BIG_LOAD_ROWS ? safetyBackup(ctx, 'pre-import', { aside: true }) : null;
    backupAside?.catch(() => undefined);
    if (!backupAside) {
      const backupStart = performance.now();
      op.progress('Đang sao lưu trước khi ghi…', 0, 1);
      backupFile = await safetyBackup(ctx, 'pre-import');
      backupMs = Math.round(performance.now() - backupStart);
    }
    const started = performance.now();
    let insertMs = 0;
    let indexMs = 0;
    const bounds = await store.db
      .selectFrom('person_import_rows')
      .select([(eb) => eb.fn.min('row_no').as('lo'), (eb) => eb.fn.max('row_no').as('hi')])
      .where('batch_id', '=', batchId)
      .executeTakeFirstOrThrow();
    // A big list leaves hundreds of MB in SQLite's log: folded into the file after, off this thread.
    const write = <T>(fn: () => Promise<T>) => (total >= BIG_LOAD_ROWS ? store.largeWrite(fn) : fn());
    const listId = await write(() => store.transaction(async () => {
      const now = isoNow(ctx);
      let listId = batch.list_id;
      if (listId === null) {
        const created = await store.db
          .insertInto('person_lists')
          .values({ name: batch.list_name, name_key: foldText(batch.list_name), kind: batch.list_kind, source: batch.file_name, created_by: ctx.actor, created_at: now, updated_at: now })
          .returning('id')
          .executeTakeFirstOrThrow();
        listId = Number(created.id);
      }
      let done = 0;
      op.progress('Đang ghi danh sách…', done, total);
      if (counts.update > 0) {
        // A person's staff is in person_staff (migration 18): saved from there, written there.
        await sql`
          UPDATE person_import_rows SET previous = (
            SELECT ${jsonObjectOf(store, 'people', PREVIOUS_COLUMNS, { staff_id: 'ps.staff_id' })} FROM people LEFT JOIN person_staff ps ON ps.person_id = people.id
             WHERE people.id = person_import_rows.person_id)
           WHERE batch_id = ${batchId} AND status = 'update'`.execute(store.db);
        const sets = sql.join([
          ...UPDATED_FROM_STAGE.filter((c) => c !== 'staff_id').map((c) => sql`${sql.ref(c)} = COALESCE(s.${sql.ref(c)}, people.${sql.ref(c)})`),
          sql`status = COALESCE(s.status_code, people.status)`,
          sql`source_row = s.row_no`,
          sql`updated_at = ${now}`,
        ]);
        await sql`UPDATE people SET ${sets} FROM person_import_rows s WHERE s.batch_id = ${batchId} AND s.status = 'update' AND people.id = s.person_id`.execute(store.db);
        await sql`
          INSERT INTO person_staff (person_id, list_id, staff_id, status)
          SELECT p.id, p.list_id, s.staff_id, p.status FROM person_import_rows s JOIN people p ON p.id = s.person_id JOIN agent_staff st ON st.id = s.staff_id
           WHERE s.batch_id = ${batchId} AND s.status = 'update'
          ON CONFLICT (person_id) DO UPDATE SET staff_id = excluded.staff_id`.execute(store.db);
        done += counts.update;
        op.progress('Đang ghi danh sách…', done, total);
      }
      const insertStart = performance.now();
      const setAside = await setPeopleIndexesAside(store, counts.ok + counts.duplicate);
      const lo = Number(bounds.lo ?? 0);
      const hi = Number(bounds.hi ?? 0);
      for (let from = lo; from <= hi; from += COMMIT_RANGE) {
        if (op.signal.aborted) throw new AppError('CANCELLED', `Đã hủy việc ghi tệp "${batch.file_name}". Chưa có gì được ghi.`);
        const to = from + COMMIT_RANGE - 1;
        const result = await store.db
          .insertInto('people')
          .columns([
            'list_id', 'full_name', 'name_key', 'given_key', 'birth_date', 'sex', 'cccd', 'bhxh_code', 'bhyt_card', 'phone', 'unit_code', 'commune_name',
            'hamlet', 'hamlet_key', 'product', 'due_month', 'payment_mode', 'status', 'note', 'batch_id', 'source_row', 'created_at', 'updated_at',
          ])
          .expression(
            store.db
              .selectFrom('person_import_rows as s')
              .select((eb) => [
                sql<number>`${listId}`.as('list_id'),
                sql<string>`s.full_name`.as('full_name'),
                sql<string>`s.name_key`.as('name_key'),
                sql<string>`s.given_key`.as('given_key'),
                's.birth_date', 's.sex', 's.cccd', 's.bhxh_code', 's.bhyt_card', 's.phone', 's.unit_code', 's.commune_name', 's.hamlet', 's.hamlet_key',
                's.product', 's.due_month', 's.payment_mode',
                eb.fn.coalesce('s.status_code', sql<string>`'NEW'`).as('status'),
                's.note',
                sql<number>`${batchId}`.as('batch_id'),
                's.row_no as source_row',
                sql<string>`${now}`.as('created_at'),
                sql<string>`${now}`.as('updated_at'),
              ])
              .where('s.batch_id', '=', batchId)
              .where('s.status', 'in', ['ok', 'duplicate'])
              .where('s.row_no', '>=', from)
              .where('s.row_no', '<=', to),
          )
          .executeTakeFirst();
        done += Number(result.numInsertedOrUpdatedRows ?? 0n);
        op.progress('Đang ghi danh sách…', Math.min(done, total), total);
        await new Promise((resolve) => setImmediate(resolve));
      }
      insertMs = Math.round(performance.now() - insertStart);
      if (setAside.length) {
        op.progress('Đang lập chỉ mục danh sách…', total, total);
        const indexStart = performance.now();
        await putPeopleIndexesBack(store, setAside);
        indexMs = Math.round(performance.now() - indexStart);
      }
      // The staff the file gives new people: in person_staff (migration 18), in one statement.
      // Only a file with a staff column can give any (asking the stage scans a million rows for nothing).
      const withStaff =
        columns.some((c) => c.field === 'staff') &&
        (await store.db.selectFrom('person_import_rows').select('row_no').where('batch_id', '=', batchId).where('status', 'in', ['ok', 'duplicate']).where('staff_id', 'is not', null).limit(1).executeTakeFirst());
      if (withStaff) {
        await sql`
          INSERT INTO person_staff (person_id, list_id, staff_id, status)
          SELECT p.id, p.list_id, s.staff_id, p.status FROM people p JOIN person_import_rows s ON s.batch_id = ${batchId} AND s.row_no = p.source_row JOIN agent_staff st ON st.id = s.staff_id
           WHERE p.batch_id = ${batchId} AND s.status IN ('ok', 'duplicate')`.execute(store.db);
      }
      await rememberMapping(store, headerSignature(columns.filter((c) => c.header).map((c) => ({ letter: c.column, header: c.header }))), columns);
      await recordAudit(
        store,
        ctx.actor,
        {
          action: 'import',
          entity: 'person-import',
          entityKey: String(batchId),
          summary: `Nhập danh sách người "${batch.list_name}" từ tệp "${batch.file_name}" (lần nhập số ${batchId}): thêm ${formatCount(counts.ok + counts.duplicate)}, cập nhật ${formatCount(counts.update)}, bỏ qua ${formatCount(counts.error)} dòng lỗi`,
          details: { batchId, listId, file: batch.file_name, read: counts.read, imported: counts.ok + counts.duplicate, updated: counts.update, rejected: counts.error, duplicates: counts.duplicate, createdList: batch.list_id === null },
        },
        ctx.now(),
      );
      await store.db
        .updateTable('person_import_batches')
        .set({ status: 'committed', list_id: listId, imported: counts.ok + counts.duplicate, updated: counts.update, committed_at: now })
        .where('id', '=', batchId)
        .execute();
      if (backupAside) {
        const waitStart = performance.now();
        op.progress('Đang hoàn tất bản sao lưu trước khi ghi…', total, total);
        // A backup that failed undoes the import with it (BACKUP_FAILED): nothing written without one.
        backupFile = await backupAside;
        backupMs = Math.round(performance.now() - waitStart);
      }
      return listId;
    }));
    const commitMs = Math.round(performance.now() - started);
    // The rows written are on the list now: the stage keeps only what undo and the errors
    // workbook need. Emptied after the answer (the next preview finishes it if this one is cut short).
    setImmediate(() => void purgeCommitted(store, batchId).catch(() => undefined));
    ctx.events.emit({ type: 'data-changed', area: 'people' });
    return {
      batchId, listId, listName: batch.list_name, read: counts.read, imported: counts.ok + counts.duplicate, updated: counts.update,
      rejected: counts.error, duplicates: counts.duplicate, backupFile, timings: { ...timingsOf(batchId), commitMs, backupMs, insertMs, indexMs },
    };
  } finally {
    op.end();
  }
}
