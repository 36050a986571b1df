import { sql } from 'kysely';
import { AppError, type PersonImportBatch } from '../../../../shared/contract';
import { formatCount } from '../../../../shared/format/vi';
import { isoNow, type CoreContext } from '../../app/context';
import { recordAudit } from '../../audit/audit';
import { loadBatch, toBatch } from './batches';
import { INTEGER_COLUMNS, PREVIOUS_COLUMNS } from './commit';
import { jsonField } from './sqlJson';
import { putPeopleIndexesBack, setPeopleIndexesAsideForDelete } from '../bigWrites';

/**
 * Undoes a committed batch: deletes the people it added and puts back what its updates
 * replaced. Refused when later data depends on it: contacts logged on those people since, or
 * a later batch that updated them.
 */
export async function undoPeopleBatch(ctx: CoreContext, batchId: number): Promise<PersonImportBatch> {
  const { store } = ctx;
  const batch = await loadBatch(store, batchId);
  if (batch.status !== 'committed') {
    throw new AppError('CONFLICT', `Lần nhập số ${batchId} (tệp "${batch.file_name}") chưa được ghi hoặc đã được hoàn tác; không có gì để hoàn tác.`);
  }
  const committedAt = batch.committed_at ?? batch.created_at;
  const later = await sql<{ batch_id: number }>`
    SELECT r.batch_id FROM person_import_rows r JOIN person_import_batches b ON b.id = r.batch_id
     WHERE b.status = 'committed' AND b.id > ${batchId} AND r.status = 'update'
       AND r.person_id IN (SELECT id FROM people WHERE batch_id = ${batchId} UNION SELECT person_id FROM person_import_rows WHERE batch_id = ${batchId} AND status = 'update')
     ORDER BY r.batch_id LIMIT 1`.execute(store.db);
  if (later.rows[0]) {
    const id = Number(later.rows[0].batch_id);
    throw new AppError('CONFLICT', `Không thể hoàn tác lần nhập số ${batchId}: lần nhập số ${id} sau đó đã cập nhật những người này. Hãy hoàn tác lần nhập số ${id} trước.`, { laterBatchId: id });
  }
  // Anything logged on a person the batch added, and what was logged since on those it updated.
  const contacts = await sql<{ n: number }>`
    SELECT COUNT(*) AS n FROM person_contacts
     WHERE person_id IN (SELECT id FROM people WHERE batch_id = ${batchId})
        OR (person_id IN (SELECT person_id FROM person_import_rows WHERE batch_id = ${batchId} AND status = 'update') AND created_at >= ${committedAt})`.execute(store.db);
  const n = Number(contacts.rows[0]?.n ?? 0);
  if (n > 0) {
    throw new AppError('CONFLICT', `Không thể hoàn tác lần nhập số ${batchId}: đã ghi ${formatCount(n)} lần liên hệ với những người của lần nhập này. Hoàn tác sẽ làm mất nhật ký liên hệ.`, { contacts: n });
  }
  await store.transaction(async () => {
    const now = isoNow(ctx);
    // The people it added go, with their person_staff rows (deleted first: a big batch's delete sets the trigger aside).
    await sql`DELETE FROM person_staff WHERE person_id IN (SELECT id FROM people WHERE batch_id = ${batchId})`.execute(store.db);
    const aside = await setPeopleIndexesAsideForDelete(store, Number(batch.imported));
    const removed = await store.db.deleteFrom('people').where('batch_id', '=', batchId).executeTakeFirst();
    await putPeopleIndexesBack(store, aside);
    // The staff of those it updated is put back in person_staff (migration 18).
    const sets = sql.join(PREVIOUS_COLUMNS.filter((c) => c !== 'staff_id').map((c) => sql`${sql.ref(c)} = ${jsonField(store, 's.previous', c, INTEGER_COLUMNS.has(c) ? 'integer' : 'text')}`));
    await sql`UPDATE people SET ${sets} FROM person_import_rows s WHERE s.batch_id = ${batchId} AND s.status = 'update' AND s.previous IS NOT NULL AND people.id = s.person_id`.execute(store.db);
    await sql`DELETE FROM person_staff WHERE person_id IN (SELECT person_id FROM person_import_rows WHERE batch_id = ${batchId} AND status = 'update' AND previous IS NOT NULL)`.execute(store.db);
    const previousStaff = jsonField(store, 's.previous', 'staff_id', 'integer');
    await sql`
      INSERT INTO person_staff (person_id, list_id, staff_id, status)
      SELECT p.id, p.list_id, ${previousStaff}, p.status FROM person_import_rows s JOIN people p ON p.id = s.person_id JOIN agent_staff st ON st.id = ${previousStaff}
       WHERE s.batch_id = ${batchId} AND s.status = 'update' AND s.previous IS NOT NULL`.execute(store.db);
    // A list this batch created goes with it when nothing else is on it.
    let listDeleted = false;
    if (batch.list_id !== null) {
      const created = await store.db.selectFrom('person_lists').select('id').where('id', '=', batch.list_id).where('source', '=', batch.file_name).where('created_at', '=', committedAt).executeTakeFirst();
      const left = await store.db.selectFrom('people').select('id').where('list_id', '=', batch.list_id).limit(1).executeTakeFirst();
      if (created && !left) {
        await store.db.updateTable('person_import_batches').set({ list_id: null }).where('list_id', '=', batch.list_id).execute();
        await store.db.deleteFrom('person_lists').where('id', '=', batch.list_id).execute();
        listDeleted = true;
      }
    }
    await store.db.updateTable('person_import_batches').set({ status: 'undone', undone_at: now }).where('id', '=', batchId).execute();
    await recordAudit(
      store,
      ctx.actor,
      {
        action: 'undo',
        entity: 'person-import',
        entityKey: String(batchId),
        summary: `Hoàn tác lần nhập số ${batchId} (tệp "${batch.file_name}", danh sách "${batch.list_name}"): xóa ${formatCount(Number(removed.numDeletedRows))} người đã thêm, trả lại ${formatCount(Number(batch.updated))} người đã cập nhật`,
        details: { batchId, removed: Number(removed.numDeletedRows), restored: Number(batch.updated), listDeleted },
      },
      ctx.now(),
    );
  });
  ctx.events.emit({ type: 'data-changed', area: 'people' });
  return toBatch(await loadBatch(store, batchId));
}
