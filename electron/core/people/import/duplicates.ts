import { sql } from 'kysely';
import type { PersonField } from '../../../../shared/domain/people';
import type { Store } from '../../db/store';
import { joinedTexts, jsonQuote } from './sqlJson';

/** The other lists a duplicate row names (in the order their people were added); more are rare and not shown. */
export const DUPLICATE_LISTS_SHOWN = 5;

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

/** Row numbers take the low bits of a key, the identifier's digits the rest (12 digits < 2^40; 40 + 23 bits < 2^64). */
const ROW_BITS = 23n;
const MAX_ROW = 2 ** 23 - 1;
/** What a valid row holds (validateRow accepts nothing else): a fixed length makes the number stand for the digits. */
const CCCD_DIGITS = /^\d{12}$/;
const BHXH_DIGITS = /^\d{10}$/;

/**
 * The identifiers of the rows valid so far, gathered while they are staged (as numbers: a CCCD
 * or mã số BHXH of fixed length is its digits), so the repeats inside the file are found by one
 * sort in memory instead of a sort of the whole stage in SQL. Gives up (null) on anything else.
 */
/**
 * Numbers appended in fixed blocks: a million rows' keys take their 8 (or 4) bytes each and
 * never a doubling array's slack or copy (the preview's memory peaks while these fill).
 */
class Blocks<A extends Float64Array | Int32Array> {
  private readonly blocks: A[] = [];
  length = 0;
  constructor(private readonly make: (n: number) => A) {}

  push(value: number): void {
    const b = this.length >>> BLOCK_BITS;
    if (b === this.blocks.length) this.blocks.push(this.make(1 << BLOCK_BITS));
    this.blocks[b]![this.length & BLOCK_MASK] = value;
    this.length++;
  }

  at(i: number): number {
    return this.blocks[i >>> BLOCK_BITS]![i & BLOCK_MASK]!;
  }
}
const BLOCK_BITS = 16;
const BLOCK_MASK = (1 << BLOCK_BITS) - 1;

export class InFileKeys {
  private rows = new Blocks((n) => new Int32Array(n));
  private cccd = new Blocks((n) => new Float64Array(n));
  private bhxh = new Blocks((n) => new Float64Array(n));
  private usable = true;

  /** A staged row whose status is 'ok'; `null` identifiers are left out of their check. */
  add(rowNo: number, cccd: string | null, bhxh: string | null): void {
    if (!this.usable) return;
    if (rowNo > MAX_ROW || (cccd !== null && !CCCD_DIGITS.test(cccd)) || (bhxh !== null && !BHXH_DIGITS.test(bhxh))) {
      this.usable = false;
      this.release();
      return;
    }
    this.rows.push(rowNo);
    this.cccd.push(cccd === null ? -1 : Number(cccd));
    this.bhxh.push(bhxh === null ? -1 : Number(bhxh));
  }

  /**
   * The later rows of each repeated CCCD (then of each repeated mã số BHXH among the rest), with
   * the first row: what the SQL check (MIN(row_no) OVER (PARTITION BY …)) finds.
   */
  repeats(): { cccd: [number, number][]; bhxh: [number, number][] } | null {
    if (!this.usable) return null;
    const taken = new Set<number>();
    const pass = (values: Blocks<Float64Array>): [number, number][] => {
      const keys = new BigUint64Array(values.length);
      let n = 0;
      for (let i = 0; i < values.length; i++) {
        const v = values.at(i);
        const row = this.rows.at(i);
        if (v < 0 || taken.has(row)) continue;
        keys[n++] = (BigInt(v) << ROW_BITS) | BigInt(row);
      }
      const sorted = keys.subarray(0, n).sort();
      const out: [number, number][] = [];
      const mask = (1n << ROW_BITS) - 1n;
      for (let i = 1, first = 0; i < sorted.length; i++) {
        if (sorted[i]! >> ROW_BITS === sorted[first]! >> ROW_BITS) out.push([Number(sorted[i]! & mask), Number(sorted[first]! & mask)]);
        else first = i;
      }
      return out;
    };
    const cccd = pass(this.cccd);
    for (const [row] of cccd) taken.add(row);
    const bhxh = pass(this.bhxh);
    this.release();
    return { cccd, bhxh };
  }

  private release(): void {
    this.rows = new Blocks((n) => new Int32Array(n));
    this.cccd = new Blocks((n) => new Float64Array(n));
    this.bhxh = new Blocks((n) => new Float64Array(n));
  }
}

export async function markDuplicates(
  store: Store,
  batchId: number,
  targetListId: number | null,
  letters: { cccd: string | null; bhxhCode: string | null },
  step: (done: number) => void,
  inFile: { cccd: [number, number][]; bhxh: [number, number][] } | null = null,
): Promise<DuplicateOutcome> {
  const out: DuplicateOutcome = { errors: {} };
  const db = store.db;
  // The planner has no statistics of rows staged a moment ago (and would loop over them).
  if (store.engine === 'postgres') await sql`ANALYZE person_import_rows`.execute(db);
  for (const [field, column, label] of [['cccd', 'cccd', 'Số CCCD'], ['bhxhCode', 'bhxh_code', 'Mã số BHXH']] as const) {
    const letter = letters[field];
    if (inFile) {
      // Found in memory while staging: only the repeated rows are written, with the same message.
      const pairs = inFile[field === 'cccd' ? 'cccd' : 'bhxh'];
      const where = letter ? (row: number) => `"column":"${letter}","cell":"${letter}${row}"` : () => '"column":null,"cell":null';
      for (let i = 0; i < pairs.length; i += 500) {
        const part = pairs.slice(i, i + 500);
        const errors = sql.join(part.map(([row, first]) => sql`WHEN ${row} THEN ${`[{"field":"${field}",${where(row)},"message":"${label} trùng với dòng ${first} trong tệp (mỗi người chỉ ghi một dòng)."}]`}`), sql` `);
        await sql`
          UPDATE person_import_rows SET status = 'error', errors = CASE row_no ${errors} END
           WHERE batch_id = ${batchId} AND row_no IN (${sql.join(part.map(([row]) => row))})`.execute(db);
      }
      if (pairs.length) out.errors[field] = pairs.length;
      continue;
    }
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
  // Every other list the person is on (up to DUPLICATE_LISTS_SHOWN), each with its first person.
  const where = (column: 'cccd' | 'bhxh_code') => sql`
    (SELECT '[' || ${joinedTexts(store, sql<string>`x.item`, sql`x.first_id`)} || ']'
       FROM (SELECT '{"listName":' || ${jsonQuote(store, 'l.name')} || ',"personId":' || CAST(MIN(p.id) AS TEXT) || '}' AS item, MIN(p.id) AS first_id
               FROM people p JOIN person_lists l ON l.id = p.list_id
              WHERE p.${sql.ref(column)} = person_import_rows.${sql.ref(column)} AND p.list_id <> ${other}
              GROUP BY l.id, l.name
              ORDER BY MIN(p.id) LIMIT ${DUPLICATE_LISTS_SHOWN}) x)`;
  await sql`
    UPDATE person_import_rows SET duplicate_of = COALESCE(${where('cccd')}, ${where('bhxh_code')})
     WHERE batch_id = ${batchId} AND status = 'ok' AND (cccd IS NOT NULL OR bhxh_code IS NOT NULL)`.execute(db);
  await sql`UPDATE person_import_rows SET status = 'duplicate' WHERE batch_id = ${batchId} AND status = 'ok' AND duplicate_of IS NOT NULL`.execute(db);
  step(3);
  return out;
}
