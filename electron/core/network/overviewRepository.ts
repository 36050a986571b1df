import { sql, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Schema } from '../db/schema';
import type { Store } from '../db/store';
import { servesOn } from './agentRepository';

/**
 * The grouped reads of the network overview. Staff are counted in the engine: a province's
 * 20,000 staff never leave it as rows; only those without a new participant in the window do.
 */
export class OverviewRepository {
  constructor(private readonly store: Store) {}

  /** Agents not ended, of one office or all. */
  async agents(officeId: number | null) {
    let query = this.store.db.selectFrom('agents as a').select(['a.id', 'a.kind', 'a.office_id as officeId', 'a.all_communes as allCommunes', 'a.expires_on as expiresOn']).where('a.status', '!=', 'ended');
    if (officeId !== null) query = query.where('a.office_id', '=', officeId);
    return query.execute();
  }

  openPoints(asOf: string) {
    return this.store.db
      .selectFrom('collection_points')
      .select(['agent_id as agentId', 'unit_id as unitId'])
      .where((eb) => eb.and([eb.or([eb('opened_on', 'is', null), eb('opened_on', '<=', asOf)]), eb.or([eb('closed_on', 'is', null), eb('closed_on', '>=', asOf)])]))
      .execute();
  }

  /** Working staff and the trained among them, per agent. */
  staffPerAgent(asOf: string) {
    return this.store.db
      .selectFrom('agent_staff')
      .select(['agent_id as agentId', (eb) => eb.fn.countAll<number>().as('staff'), sql<number>`SUM(CASE WHEN training_date <= ${asOf} THEN 1 ELSE 0 END)`.as('trained')])
      .where('status', '!=', 'left')
      .where((eb) => eb.or([eb('joined_on', 'is', null), eb('joined_on', '<=', asOf)]))
      .groupBy('agent_id')
      .execute();
  }

  agentCommunes() {
    return this.store.db.selectFrom('agent_communes').select(['agent_id as agentId', 'unit_id as unitId']).execute();
  }

  /** Which office serves each commune on `asOf`. */
  memberships(asOf: string) {
    return this.store.db
      .selectFrom('office_units')
      .innerJoin('offices as o', 'o.id', 'office_units.office_id')
      .select(['office_units.office_id as officeId', 'office_units.unit_id as unitId', 'o.name as officeName'])
      .where((eb) => servesOn(eb, asOf))
      .execute();
  }

  /** Agents' own results of a month (staff results are rolled up by FlowRepository.staffByAgent). */
  agentResults(period: string) {
    return this.store.db.selectFrom('network_flows').select(['owner_id as ownerId', 'measure', 'value']).where('kind', '=', 'result').where('level', '=', 'agent').where('period', '=', period).execute();
  }

  /** Working staff and the trained among them, per commune they serve, for the agents in scope. */
  staffPerCommune(asOf: string, officeId: number | null) {
    return this.store.db
      .selectFrom('staff_communes as sc')
      .innerJoin('agent_staff', 'agent_staff.id', 'sc.staff_id')
      .select(['sc.unit_id as unitId', (eb) => eb.fn.countAll<number>().as('staff'), sql<number>`SUM(CASE WHEN agent_staff.training_date <= ${asOf} THEN 1 ELSE 0 END)`.as('trained')])
      .where(working(asOf, officeId))
      .groupBy('sc.unit_id')
      .execute();
  }

  /** Working staff in scope with no new participant from `from` to `to` (months): the inactive flag's candidates. */
  quietStaff(asOf: string, officeId: number | null, from: string, to: string) {
    return this.store.db
      .selectFrom('agent_staff')
      .select(['agent_staff.status', 'agent_staff.joined_on as joinedOn', 'agent_staff.left_on as leftOn'])
      .where(working(asOf, officeId))
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('network_flows as n')
              .select('n.owner_id')
              .whereRef('n.owner_id', '=', 'agent_staff.id')
              .where('n.kind', '=', 'result')
              .where('n.level', '=', 'staff')
              .where('n.measure', 'in', ['NEW_TN', 'NEW_HGD'])
              .where('n.period', '>=', from)
              .where('n.period', '<=', to)
              .where('n.value', '>', 0),
          ),
        ),
      )
      .execute();
  }
}

/** Staff working on `asOf` for an agent (not ended) of the office, or of any office. */
function working(asOf: string, officeId: number | null) {
  return (eb: ExpressionBuilder<Schema, 'agent_staff'>) =>
    eb.and([
      eb('agent_staff.status', '!=', 'left'),
      eb.or([eb('agent_staff.joined_on', 'is', null), eb('agent_staff.joined_on', '<=', asOf)]),
      eb('agent_staff.agent_id', 'in', eb.selectFrom('agents').select('agents.id').where('agents.status', '!=', 'ended').where((e) => (officeId !== null ? e('agents.office_id', '=', officeId) : sql<SqlBool>`1 = 1`))),
    ]);
}
