// Outreach campaigns at the size of a province over several years: 20,000 campaigns of every
// kind over the demo offices and communes (each with one to three days, a commune, a partner), on
// top of the demo's results. Written through the repository the app writes with, in one
// transaction; then the screens' requests are timed (median of several runs).
import { sql } from 'kysely';
import type { Channel, RequestOf } from '../../shared/contract';
import { CAMPAIGN_KINDS, CAMPAIGN_KIND_LABELS } from '../../shared/domain/campaigns';
import { addDays } from '../../shared/format/vi';
import { CampaignRepository, emptyResources } from '../../electron/core/campaigns/campaignRepository';
import type { BenchEnv } from './env';

const CAMPAIGNS = 20_000;
const RUNS = 7;

export async function benchCampaigns(env: BenchEnv): Promise<void> {
  const core = await env.open('campaigns');
  const store = core.store()!;
  const demo = await core.dispatch('demo:load', {});
  if (!demo.ok) throw new Error(demo.error.message);
  const offices = await store.db.selectFrom('offices').select(['id', 'code']).execute();
  const communes = await store.db.selectFrom('units').select(['id', 'name']).where('level', '=', 'commune').where('valid_to', 'is', null).execute();
  const agents = await store.db.selectFrom('agents').select(['id', 'name']).execute();
  const repo = new CampaignRepository(store);
  const now = new Date().toISOString();
  const start = performance.now();
  await store.transaction(async () => {
    for (let i = 0; i < CAMPAIGNS; i++) {
      const kind = CAMPAIGN_KINDS[i % CAMPAIGN_KINDS.length]!;
      const commune = communes[i % communes.length]!;
      const startsOn = addDays('2022-01-03', Math.floor((i * 1826) / CAMPAIGNS));
      const dayCount = 1 + (i % 3);
      const days = Array.from({ length: dayCount }, (_, d) => ({
        day: addDays(startsOn, d),
        attendees: 40 + ((i * 7 + d * 13) % 300),
        signups: { BHXH_TN: (i * 3 + d) % 40, BHYT_HGD: (i * 5 + d) % 70 },
        note: null,
      }));
      const agent = agents.length ? agents[i % agents.length]! : null;
      await repo.insert(
        {
          name: `${CAMPAIGN_KIND_LABELS[kind]} ${commune.name} lần ${i + 1}`,
          kind,
          startsOn,
          endsOn: addDays(startsOn, dayCount - 1),
          officeId: offices[i % offices.length]!.id,
          place: null,
          sessions: 1 + (i % 4),
          audiences: i % 2 ? ['FARMERS'] : ['NEAR_POOR', 'ETHNIC'],
          resources: emptyResources(),
          cost: 1_000_000 + (i % 20) * 250_000,
          plan: { BHXH_TN: 30 + (i % 20), BHYT_HGD: 50 + (i % 30) },
          notes: null,
          attachments: [],
          days,
          unitIds: [commune.id],
          partners: agent && i % 2 === 0 ? [{ agentId: agent.id, name: agent.name }] : [],
        },
        now,
      );
    }
  });
  env.log(`seed ${CAMPAIGNS.toLocaleString('vi-VN')} campaigns, 40.000 days (repository, one transaction)`, performance.now() - start);
  if (env.engine === 'postgres') await sql`VACUUM (ANALYZE) campaigns, campaign_days, campaign_units, campaign_partners`.execute(store.db);

  const time = async <C extends Channel>(label: string, channel: C, request: RequestOf<C>) => {
    const times: number[] = [];
    let statements = 0;
    for (let run = 0; run < RUNS; run++) {
      const before = store.queryCount;
      const t = performance.now();
      const res = await core.dispatch(channel, request);
      times.push(performance.now() - t);
      if (!res.ok) throw new Error(`${label}: ${res.error.message}`);
      statements = store.queryCount - before;
    }
    env.log(`${label} (median of ${RUNS}, ${statements} câu lệnh)`, [...times].sort((a, b) => a - b)[Math.floor(RUNS / 2)]!);
  };
  await time('campaigns:search page 1, newest first', 'campaigns:search', { sort: 'startsOn', desc: true, limit: 20 });
  await time('campaigns:search "hoi nghi" (folded)', 'campaigns:search', { query: 'hoi nghi', limit: 20 });
  await time('campaigns:search by kind + office + 2025', 'campaigns:search', { kind: 'LAUNCH', officeCode: offices[0]!.code, from: '2025-01-01', to: '2025-12-31', limit: 20 });
  await time('campaigns:search sorted by sign-ups', 'campaigns:search', { sort: 'signups', desc: true, limit: 20 });
  await time('campaigns:search by partner words', 'campaigns:search', { partner: 'buu dien', limit: 20 });
  await time('campaigns:calendar one month (+ a week each side)', 'campaigns:calendar', { from: '2025-04-24', to: '2025-06-07' });
  const first = (await core.invoke('campaigns:search', { sort: 'startsOn', desc: true, limit: 1 })).items[0];
  if (first) {
    await time('campaigns:get (detail with day rows)', 'campaigns:get', { id: first.id });
    await time('campaigns:effect one campaign, 4 weeks', 'campaigns:effect', { id: first.id });
  }
  await time('campaigns:totals a year (by kind, office, month, effect per kind)', 'campaigns:totals', { from: '2025-01-01', to: '2025-12-31' });
  await core.close();
}
