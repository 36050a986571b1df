import { sql } from 'kysely';
import type { PersonField } from '../../../../shared/domain/people';
import type { Store } from '../../db/store';
import { jsonQuote } from './sqlJson';

/**
 * Duplicates decided in SQL over the stage, a few statements whatever the row count: an
 * identifier repeated inside the file (later rows are errors naming the first), a person
 * already on the target list (the row updates them), a person on another list (imported, and
 * counted as a duplicate).
 */
export interface DuplicateOutcome {
  /** Rows turned into errors, by field. */
  errors: Partial<Record<PersonField, number>>;
}

const affected = (r: { numAffectedRows?: bigint }) => Number(r.numAffectedRows ?? 0n);

export async function markDuplicates(
  store: Store,
  batchId: number,
  targetListId: number | null,
  letters: { cccd: string | null; bhxhCode: string | null },
  step: (done: number) => void,
): Promise<DuplicateOutcome> {
  const out: DuplicateOutcome = { errors: {} };
  const db = store.db;
  // The planner has no statistics of rows staged a moment ago (and would loop over them).
  if (store.engine === 'postgres') await sql`ANALYZE person_import_rows`.execute(db);
  for (const [field, column, label] of [['cccd', 'cccd', 'Số CCCD'], ['bhxhCode', 'bhxh_code', 'Mã số BHXH']] as const) {
    const letter = letters[field];
    // The cell of the message: the identifier's column (a mã số BHXH read from the card has none of its own).
    const cell = letter ? sql`${sql.lit(`"column":"${letter}","cell":"${letter}`)} || CAST(person_import_rows.row_no AS TEXT) || '"'` : sql`'"column":null,"cell":null'`;
    // Each later row of a repeated identifier, with the first row: joined back on the primary key.
    const result = await sql`
      UPDATE person_import_rows
         SET status = 'error',
             errors = ${sql.lit(`[{"field":"${field}",`)} || ${cell} || ${sql.lit(`,"message":"${label} trùng với dòng `)} || CAST(d.first_row AS TEXT) || ${sql.lit(' trong tệp (mỗi người chỉ ghi một dòng)."}]')}
        FROM (SELECT w.row_no, w.first_row
                FROM (SELECT row_no, MIN(row_no) OVER (PARTITION BY ${sql.ref(column)}) AS first_row
                        FROM person_import_rows
                       WHERE batch_id = ${batchId} AND status = 'ok' AND ${sql.ref(column)} IS NOT NULL) w
               WHERE w.row_no > w.first_row) d
       WHERE person_import_rows.batch_id = ${batchId} AND person_import_rows.row_no = d.row_no`.execute(db);
    const n = affected(result);
    if (n) out.errors[field] = n;
  }
  step(1);

  const anyPeople = await db.selectFrom('people').select('id').limit(1).executeTakeFirst();
  if (!anyPeople) {
    step(3);
    return out;
  }

  if (targetListId !== null) {
    await sql`
      UPDATE person_import_rows
         SET person_id = COALESCE(
               (SELECT MIN(p.id) FROM people p WHERE p.cccd = person_import_rows.cccd AND p.list_id = ${targetListId}),
               (SELECT MIN(p.id) FROM people p WHERE p.bhxh_code = person_import_rows.bhxh_code AND p.list_id = ${targetListId}))
       WHERE batch_id = ${batchId} AND status = 'ok' AND (cccd IS NOT NULL OR bhxh_code IS NOT NULL)`.execute(db);
    await sql`UPDATE person_import_rows SET status = 'update' WHERE batch_id = ${batchId} AND status = 'ok' AND person_id IS NOT NULL`.execute(db);
    // Two rows naming one person on the list (by CCCD on one, mã số BHXH on the other): the later is an error.
    const twice = await sql`
      UPDATE person_import_rows
         SET status = 'error', person_id = NULL,
             errors = '[{"field":"fullName","column":null,"cell":null,"message":"Người này đã được dòng ' || CAST(d.first_row AS TEXT) || ' của tệp cập nhật (cùng số CCCD hoặc mã số BHXH)."}]'
        FROM (SELECT w.row_no, w.first_row
                FROM (SELECT row_no, MIN(row_no) OVER (PARTITION BY person_id) AS first_row
                        FROM person_import_rows WHERE batch_id = ${batchId} AND status = 'update') w
               WHERE w.row_no > w.first_row) d
       WHERE person_import_rows.batch_id = ${batchId} AND person_import_rows.row_no = d.row_no`.execute(db);
    if (affected(twice)) out.errors.fullName = (out.errors.fullName ?? 0) + affected(twice);
  }
  step(2);

  const other = targetListId ?? 0;
  const where = (column: 'cccd' | 'bhxh_code') => sql`
    (SELECT '[{"listName":' || ${jsonQuote(store, 'l.name')} || ',"personId":' || CAST(p.id AS TEXT) || '}]'
       FROM people p JOIN person_lists l ON l.id = p.list_id
      WHERE p.${sql.ref(column)} = person_import_rows.${sql.ref(column)} AND p.list_id <> ${other}
      ORDER BY p.id LIMIT 1)`;
  await sql`
    UPDATE person_import_rows SET duplicate_of = COALESCE(${where('cccd')}, ${where('bhxh_code')})
     WHERE batch_id = ${batchId} AND status = 'ok' AND (cccd IS NOT NULL OR bhxh_code IS NOT NULL)`.execute(db);
  await sql`UPDATE person_import_rows SET status = 'duplicate' WHERE batch_id = ${batchId} AND status = 'ok' AND duplicate_of IS NOT NULL`.execute(db);
  step(3);
  return out;
}
