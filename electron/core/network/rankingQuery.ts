import { sql, type RawBuilder } from 'kysely';
import type { AgentKind, FlowMeasure, StaffStatus } from '../../../shared/domain/network';
import type { Store } from '../db/store';

export interface ScoredRow {
  id: number;
  code: string;
  name: string;
  agentCode: string | null;
  agentName: string | null;
  kind: AgentKind;
  status: StaffStatus | null;
  joinedOn: string | null;
  leftOn: string | null;
  result: number;
  cumulative: number;
  target: number | null;
  progress: number | null;
  rank: number;
  total: number;
}

export interface ScoreQuery {
  level: 'agent' | 'staff';
  measure: FlowMeasure;
  /** YYYY-MM: the month ranked; the year-to-date runs from January of its year. */
  month: string;
  by: 'result' | 'progress';
  officeCode?: string;
  kind?: AgentKind;
  /** Only those with no new participant from `quietFrom` to the month (a page is then not cut here). */
  quietFrom?: string;
  offset: number;
  limit: number;
}

/**
 * Everyone in scope scored, ranked and paged by the engine: the month's result and the
 * year-to-date figure of one measure (an agent's own plus its staff's), the year's target and
 * progress, RANK() for equal scores sharing a place. Only the page leaves the database, so a
 * province's 20,000 staff cost one statement, not 20,000 row objects.
 */
export async function scoredPage(store: Store, q: ScoreQuery): Promise<ScoredRow[]> {
  const year = q.month.slice(0, 4);
  const from = `${year}-01`;
  const flows = (level: 'agent' | 'staff') =>
    sql`SELECT owner_id, period, value FROM network_flows WHERE kind = 'result' AND level = ${level} AND measure = ${q.measure} AND period >= ${from} AND period <= ${q.month}`;
  const source: RawBuilder<unknown> =
    q.level === 'staff'
      ? flows('staff')
      : sql`${flows('agent')} UNION ALL SELECT s.agent_id AS owner_id, f.period, f.value FROM network_flows f JOIN agent_staff s ON s.id = f.owner_id
            WHERE f.kind = 'result' AND f.level = 'staff' AND f.measure = ${q.measure} AND f.period >= ${from} AND f.period <= ${q.month}`;
  const people =
    q.level === 'staff'
      ? sql`SELECT s.id, s.code, s.full_name AS name, s.sort_key, a.code AS agent_code, a.name AS agent_name, a.kind, s.status, s.joined_on, s.left_on, a.office_id
            FROM agent_staff s JOIN agents a ON a.id = s.agent_id WHERE s.status <> 'left'`
      : sql`SELECT a.id, a.code, a.name, a.sort_key, NULL AS agent_code, NULL AS agent_name, a.kind, NULL AS status, NULL AS joined_on, NULL AS left_on, a.office_id
            FROM agents a WHERE a.status <> 'ended'`;
  const filters: RawBuilder<unknown>[] = [];
  if (q.officeCode) filters.push(sql`p.office_id IN (SELECT id FROM offices WHERE code = ${q.officeCode})`);
  if (q.kind) filters.push(sql`p.kind = ${q.kind}`);
  if (q.quietFrom) {
    filters.push(sql`NOT EXISTS (SELECT 1 FROM network_flows n WHERE n.kind = 'result' AND n.level = ${q.level} AND n.owner_id = p.id
      AND n.measure IN ('NEW_TN', 'NEW_HGD') AND n.period >= ${q.quietFrom} AND n.period <= ${q.month} AND n.value > 0)`);
  }
  const where = filters.length > 0 ? sql`WHERE ${sql.join(filters, sql` AND `)}` : sql``;
  const score = q.by === 'progress' ? sql`COALESCE(progress, -1)` : sql`result`;
  const page = q.quietFrom ? sql`` : sql`LIMIT ${q.limit} OFFSET ${q.offset}`;
  const { rows } = await sql<{
    id: number; code: string; name: string; agent_code: string | null; agent_name: string | null; kind: string; status: string | null; joined_on: string | null; left_on: string | null;
    result: number | string; cumulative: number | string; target: number | string | null; progress: number | string | null; rank: number | string; total: number | string;
  }>`
    WITH t AS (
      SELECT owner_id, SUM(CASE WHEN period = ${q.month} THEN value ELSE 0 END) AS result, SUM(value) AS cumulative FROM (${source}) x GROUP BY owner_id
    ), g AS (
      SELECT owner_id, value FROM network_flows WHERE kind = 'target' AND level = ${q.level} AND measure = ${q.measure} AND period = ${year}
    ), scored AS (
      SELECT p.id, p.code, p.name, p.sort_key, p.agent_code, p.agent_name, p.kind, p.status, p.joined_on, p.left_on,
        COALESCE(t.result, 0) AS result, COALESCE(t.cumulative, 0) AS cumulative, g.value AS target,
        CASE WHEN g.value > 0 THEN COALESCE(t.cumulative, 0) * 1.0 / g.value END AS progress
      FROM (${people}) p LEFT JOIN t ON t.owner_id = p.id LEFT JOIN g ON g.owner_id = p.id
      ${where}
    )
    SELECT scored.*, RANK() OVER (ORDER BY ${score} DESC) AS rank, COUNT(*) OVER () AS total
    FROM scored ORDER BY ${score} DESC, cumulative DESC, sort_key, id ${page}`.execute(store.db);
  const num = (v: number | string | null) => (v === null ? null : Number(v));
  return rows.map((r) => ({
    id: r.id, code: r.code, name: r.name, agentCode: r.agent_code, agentName: r.agent_name, kind: r.kind as AgentKind, status: r.status as StaffStatus | null, joinedOn: r.joined_on,
    leftOn: r.left_on, result: Number(r.result), cumulative: Number(r.cumulative), target: num(r.target), progress: num(r.progress), rank: Number(r.rank), total: Number(r.total),
  }));
}
