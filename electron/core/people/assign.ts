import { sql, type Expression, type ExpressionBuilder } from 'kysely';
import { AppError, type ParsedRequestOf } from '../../../shared/contract';
import type { AssignOutcome } from '../../../shared/contract/peopleTypes';
import { PERSON_STATUS_LABELS } from '../../../shared/domain/people';
import { formatCount } from '../../../shared/format/vi';
import { recordAudit } from '../audit/audit';
import type { CoreContext } from '../app/context';
import type { Schema } from '../db/schema';
import { activeStaff } from './person';
import { filterWhere, PeopleRepository } from './repository';
import { resolveFilter } from './search';

type EB = ExpressionBuilder<Schema & { p: Schema['people'] }, 'p'>;

/** A hamlet of the filter's rows (unit code and hamlet key; either may be missing). */
export interface HamletGroup {
  unitCode: string | null;
  hamletKey: string | null;
  rows: number;
}

export interface AssignPlan {
  /** Rows each staff member gets, in the order they were given: as even as whole numbers allow. */
  quotas: number[];
  /** Hamlets a staff member gets whole (index into the staff list). */
  whole: HamletGroup[][];
  /** Hamlets too big for anyone's remaining share, dealt by rows in hamlet and name order. */
  split: HamletGroup[];
  /** What each staff member still gets from the split hamlets, in order. */
  splitShares: number[];
}

const byName = (a: HamletGroup, b: HamletGroup) => (a.hamletKey ?? '').localeCompare(b.hamletKey ?? '') || (a.unitCode ?? '').localeCompare(b.unitCode ?? '');

/**
 * How rows are dealt over several staff members: shares as even as whole numbers allow (the
 * first ones get the odd rows); hamlets biggest first (ties by name) go whole to whoever has the
 * most share left when it fits; the hamlets left over are dealt by rows.
 */
export function planAssignment(groups: HamletGroup[], staffCount: number): AssignPlan {
  const total = groups.reduce((s, g) => s + g.rows, 0);
  const quotas = Array.from({ length: staffCount }, (_, i) => Math.floor(total / staffCount) + (i < total % staffCount ? 1 : 0));
  const left = [...quotas];
  const whole: HamletGroup[][] = quotas.map(() => []);
  const split: HamletGroup[] = [];
  for (const g of [...groups].sort((a, b) => b.rows - a.rows || byName(a, b))) {
    let best = 0;
    for (let i = 1; i < left.length; i++) if (left[i]! > left[best]!) best = i;
    if (g.rows <= left[best]!) {
      whole[best]!.push(g);
      left[best]! -= g.rows;
    } else split.push(g);
  }
  split.sort((a, b) => (a.unitCode ?? '').localeCompare(b.unitCode ?? '') || (a.hamletKey ?? '').localeCompare(b.hamletKey ?? ''));
  return { quotas, whole, split, splitShares: left };
}

function scopeWords(f: ParsedRequestOf<'people:assign'>['filter'], listName: string | null): string {
  return [
    listName ? `danh sách "${listName}"` : null, f.unitCode ? `xã mã ${f.unitCode}` : null, f.hamlet ? `thôn, ấp "${f.hamlet}"` : null,
    f.unassigned ? 'chưa có người phụ trách' : null, f.status?.length ? `tình trạng ${f.status.map((s) => PERSON_STATUS_LABELS[s]).join(', ')}` : null,
  ].filter(Boolean).join('; ');
}

/** Rows assigned at once past which PostgreSQL's statistics of person_staff are refreshed. */
const BIG_ASSIGNMENT = 10_000;

/**
 * `people:assign`: every person the filter matches goes to one staff member, or is dealt over
 * several (planAssignment). Set-based: one grouped read of the hamlets, then one UPDATE per staff
 * member for the whole hamlets and one for the rows of split hamlets, whatever the row count.
 */
export async function assignPeople(ctx: CoreContext, req: ParsedRequestOf<'people:assign'>): Promise<AssignOutcome> {
  const repo = new PeopleRepository(ctx.store);
  const staff = await activeStaff(repo, req.staffCodes, 'staffCodes');
  const { staff: _ignored, ...filter } = await resolveFilter(repo, req.filter);
  void _ignored;
  const list = filter.listId !== undefined ? await repo.listById(filter.listId) : null;
  if (filter.listId !== undefined && !list) throw new AppError('NOT_FOUND', 'Không tìm thấy danh sách này (có thể đã bị xóa).', { field: 'listId' });
  // Only person_staff is written (migration 18): a narrow row per person, set-based, rows whose
  // staff does not change left alone. The people rows (and their indexes) are not touched.
  const writeAssignments = (source: Expression<unknown>) =>
    sql`INSERT INTO person_staff (person_id, list_id, staff_id, status)
        SELECT r.id, r.list_id, r.staff_id, r.status FROM (${source}) AS r WHERE 1 = 1
        ON CONFLICT (person_id) DO UPDATE SET staff_id = excluded.staff_id WHERE person_staff.staff_id <> excluded.staff_id`.execute(ctx.store.db);

  let counts: number[] = [];
  await ctx.store.transaction(async () => {
    // ctx.store.db is read inside the transaction: the connection outside it waits for the transaction to end.
    const db = ctx.store.db;
    // The filter's rows are read from people once (random reads of wide rows are what costs),
    // into a narrow temporary table the plan and the write then read. Dropped with the transaction's end.
    const bytes = ctx.store.engine === 'postgres' ? sql` COLLATE "C"` : sql``;
    await sql`CREATE TEMP TABLE assign_rows (id INTEGER NOT NULL, list_id INTEGER NOT NULL, status TEXT NOT NULL, unit_code TEXT, hamlet_key TEXT${bytes}, given_key TEXT${bytes} NOT NULL)`.execute(db);
    await sql`INSERT INTO assign_rows (id, list_id, status, unit_code, hamlet_key, given_key) SELECT * FROM ${db
      .selectFrom('people as p')
      .select(['p.id', 'p.list_id', 'p.status', 'p.unit_code', 'p.hamlet_key', 'p.given_key'])
      .where((eb) => filterWhere(eb as unknown as EB, filter))} AS s`.execute(db);
    const groups: HamletGroup[] = (
      await sql<{ unit_code: string | null; hamlet_key: string | null; n: number }>`SELECT unit_code, hamlet_key, COUNT(*) AS n FROM assign_rows GROUP BY unit_code, hamlet_key`.execute(db)
    ).rows.map((g) => ({ unitCode: g.unit_code, hamletKey: g.hamlet_key, rows: Number(g.n) }));
    const total = groups.reduce((s, g) => s + g.rows, 0);
    if (total === 0) {
      counts = staff.map(() => 0);
    } else if (staff.length === 1) {
      await writeAssignments(sql`SELECT x.id, x.list_id, ${sql.lit(staff[0]!.id)} AS staff_id, x.status FROM assign_rows x`);
      counts = [total];
    } else {
      const plan = planAssignment(groups, staff.length);
      // One statement: each staff member's whole hamlets by their (unit, hamlet) key in an IN list
      // (hashed by both engines); the split hamlets' rows, ranked first in hamlet and name order,
      // cut into each staff member's share.
      const keyOf = (h: HamletGroup) => `${h.unitCode ?? ''}|${h.hamletKey ?? ''}`;
      const splitKeys = plan.split.map(keyOf);
      const isSplit = splitKeys.length ? sql`CASE WHEN x.k IN (${sql.join(splitKeys)}) THEN 0 ELSE 1 END` : sql`1`;
      const whens = plan.whole.flatMap((hamlets, i) => (hamlets.length > 0 ? [sql`WHEN r.k IN (${sql.join(hamlets.map(keyOf))}) THEN ${sql.lit(staff[i]!.id)}`] : []));
      let upTo = 0;
      const bands = plan.splitShares.flatMap((share, i) => (share > 0 ? [sql`WHEN r.rn <= ${sql.lit((upTo += share))} THEN ${sql.lit(staff[i]!.id)}`] : []));
      await writeAssignments(sql`
        SELECT r.id, r.list_id, CASE ${sql.join([...whens, ...bands], sql` `)} END AS staff_id, r.status
          FROM (SELECT x.id, x.list_id, x.status, x.k, ROW_NUMBER() OVER (ORDER BY ${isSplit}, x.unit_code, x.hamlet_key, x.given_key, x.id) AS rn
                  FROM (SELECT a.*, COALESCE(a.unit_code, '') || '|' || COALESCE(a.hamlet_key, '') AS k FROM assign_rows a) x) r`);
      counts = plan.quotas;
    }
    await sql`DROP TABLE assign_rows`.execute(db);
    if (total === 0) return;
    const assigned = counts.reduce((s, n) => s + n, 0);
    await recordAudit(
      ctx.store, ctx.actor,
      {
        action: 'assign', entity: 'person_list', entityKey: list ? String(list.id) : null,
        summary: `Phân công ${formatCount(assigned)} người (${scopeWords(req.filter, list?.name ?? null)}) cho ${staff.map((s, i) => `${s.fullName} (mã ${s.code}): ${formatCount(counts[i] ?? 0)}`).join(', ')}`,
        details: { filter: req.filter, staff: staff.map((s, i) => ({ code: s.code, count: counts[i] ?? 0 })) },
      },
      ctx.now(),
    );
  });
  // PostgreSQL plans the staff filters from person_staff's statistics: refreshed after a big
  // assignment instead of waiting for autovacuum (a stale estimate turned a staff page from 0,3 s to 1 s).
  if (ctx.store.engine === 'postgres' && counts.reduce((s, n) => s + n, 0) >= BIG_ASSIGNMENT) await sql`ANALYZE person_staff`.execute(ctx.store.db);
  ctx.events.emit({ type: 'data-changed', area: 'people' });
  return { assigned: counts.reduce((s, n) => s + n, 0), perStaff: staff.map((s, i) => ({ staffCode: s.code, staffName: s.fullName, count: counts[i] ?? 0 })) };
}
