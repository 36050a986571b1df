import { sql, type RawBuilder } from 'kysely';
import type { ParsedRequestOf } from '../../../shared/contract';
import type { ConversionReport, ConversionRow } from '../../../shared/contract/peopleTypes';
import { percentOf } from '../../../shared/calc/campaigns';
import { viCollator } from '../../../shared/format/vi';
import type { CoreContext } from '../app/context';

type By = ConversionReport['by'];

const NONE_LABEL: Record<By, string> = { commune: 'Chưa rõ xã, phường', staff: 'Chưa phân công', campaign: 'Không gắn hoạt động tuyên truyền' };

const count = (cond: RawBuilder<unknown>) => sql<number>`SUM(CASE WHEN ${cond} THEN 1 ELSE 0 END)`;

function finish(r: Omit<ConversionRow, 'conversion' | 'onTimeRate'>): ConversionRow {
  return { ...r, conversion: r.people > 0 ? percentOf(r.joined, r.people) : null, onTimeRate: r.due > 0 ? percentOf(r.paidOnTime, r.due) : null };
}

/**
 * `people:conversion`, one grouped query. Per commune, staff member or campaign: people; of
 * them by their current status contacted (any status but NEW), agreed (AGREED), joined (JOINED),
 * refused, unreachable; with `from`/`to` only statuses dated in the period count. Conversion =
 * joined ÷ people (% half up, 2 dp). Due-payment lists: people due (due month in the period's
 * months, every due person without a period) and those JOINED by the end of their due month.
 */
export async function conversionReport(ctx: CoreContext, req: ParsedRequestOf<'people:conversion'>): Promise<ConversionReport> {
  const inPeriod = sql.join(
    [sql`1 = 1`, ...(req.from ? [sql`p.status_on >= ${req.from}`] : []), ...(req.to ? [sql`p.status_on <= ${req.to}`] : [])],
    sql` AND `,
  );
  const dueIn = sql.join(
    [sql`l.kind = 'DUE'`, sql`p.due_month IS NOT NULL`, ...(req.from ? [sql`p.due_month >= ${req.from.slice(0, 7)}`] : []), ...(req.to ? [sql`p.due_month <= ${req.to.slice(0, 7)}`] : [])],
    sql` AND `,
  );
  const key =
    req.by === 'commune' ? { key: sql<string | null>`p.unit_code`, label: sql<string | null>`MAX(p.commune_name)`, group: sql`p.unit_code`, join: sql`` }
    : req.by === 'staff' ? { key: sql<string | null>`s.code`, label: sql<string | null>`MAX(s.full_name)`, group: sql`s.code`, join: sql`LEFT JOIN person_staff ps ON ps.person_id = p.id LEFT JOIN agent_staff s ON s.id = ps.staff_id` }
    : { key: sql<string | null>`CAST(p.campaign_id AS TEXT)`, label: sql<string | null>`MAX(c.name)`, group: sql`p.campaign_id`, join: sql`LEFT JOIN campaigns c ON c.id = p.campaign_id` };
  const { rows } = await sql<{ key: string | null; label: string | null; people: number; contacted: number; agreed: number; joined: number; refused: number; unreachable: number; due: number; paid: number }>`
    SELECT ${key.key} AS key, ${key.label} AS label, COUNT(*) AS people,
      ${count(sql`p.status <> 'NEW' AND ${inPeriod}`)} AS contacted,
      ${count(sql`p.status = 'AGREED' AND ${inPeriod}`)} AS agreed,
      ${count(sql`p.status = 'JOINED' AND ${inPeriod}`)} AS joined,
      ${count(sql`p.status = 'REFUSED' AND ${inPeriod}`)} AS refused,
      ${count(sql`p.status = 'UNREACHABLE' AND ${inPeriod}`)} AS unreachable,
      ${count(dueIn)} AS due,
      ${count(sql`${dueIn} AND p.status = 'JOINED' AND p.status_on <= p.due_month || '-31'`)} AS paid
    FROM people p JOIN person_lists l ON l.id = p.list_id ${key.join}
    WHERE ${req.listId !== undefined ? sql`p.list_id = ${req.listId}` : sql`1 = 1`}
    GROUP BY ${key.group}`.execute(ctx.store.db);
  const out = rows
    .map((r) =>
      finish({
        key: r.key ?? '', label: r.key === null ? NONE_LABEL[req.by] : (r.label ?? r.key), people: Number(r.people), contacted: Number(r.contacted), agreed: Number(r.agreed),
        joined: Number(r.joined), refused: Number(r.refused), unreachable: Number(r.unreachable), due: Number(r.due), paidOnTime: Number(r.paid),
      }),
    )
    .sort((a, b) => (a.key === '' ? 1 : 0) - (b.key === '' ? 1 : 0) || viCollator.compare(a.label, b.label));
  const sum = (f: (r: ConversionRow) => number) => out.reduce((s, r) => s + f(r), 0);
  const total = finish({
    key: '', label: 'Tổng cộng', people: sum((r) => r.people), contacted: sum((r) => r.contacted), agreed: sum((r) => r.agreed), joined: sum((r) => r.joined),
    refused: sum((r) => r.refused), unreachable: sum((r) => r.unreachable), due: sum((r) => r.due), paidOnTime: sum((r) => r.paidOnTime),
  });
  return { by: req.by, rows: out, total };
}
