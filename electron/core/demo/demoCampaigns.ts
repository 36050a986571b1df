/**
 * Demo outreach campaigns of the fictional province: every kind, from January of last year to the
 * last closed month, each office's monthly conferences (one row standing for several sessions),
 * door-to-door rounds, counselling days, dialogues, banners, the province's posts and press, and
 * May as the peak month (tháng cao điểm) with two-day launch days in every office. Seeded, so
 * the demo is the same on every machine.
 */
import type { Audience, CampaignKind, CampaignResource } from '../../../shared/domain/campaigns';
import { addMonths, lastClosedMonth, monthBounds, parseYm } from '../../../shared/domain/periods';
import { addDays } from '../../../shared/format/vi';
import { REFORM_DATE } from '../../../resources/demo/demoProvince';
import { CampaignRepository, emptyResources, type CampaignDayWrite, type CampaignWrite } from '../campaigns/campaignRepository';
import type { Store } from '../db/store';
import { AgentRepository } from '../network/agentRepository';
import type { DemoOfficeRef } from './demoNetwork';

/** Removes demo campaigns, and campaigns someone held in the demo province (its offices or communes). */
export async function deleteDemoCampaigns(store: Store): Promise<void> {
  const db = store.db;
  const demoUnits = db.selectFrom('units').select('id').where('is_demo', '=', 1);
  const demoOffices = db.selectFrom('offices').select('id').where((eb) => eb.or([eb('is_demo', '=', 1), eb('province_unit_id', 'in', demoUnits)]));
  const ids = await db
    .selectFrom('campaigns')
    .select('id')
    .where((eb) => eb.or([eb('is_demo', '=', 1), eb('office_id', 'in', demoOffices), eb('id', 'in', eb.selectFrom('campaign_units').select('campaign_id').where('unit_id', 'in', demoUnits))]))
    .execute();
  await new CampaignRepository(store).deleteMany(ids.map((r) => r.id));
}

const round = (v: number, step = 1) => Math.round(v / step) * step;

export async function loadDemoCampaigns(store: Store, offices: DemoOfficeRef[], today: string, now: string, random: () => number): Promise<number> {
  const repo = new CampaignRepository(store);
  const agents = await new AgentRepository(store).byCodes(offices.flatMap((o) => [`BD${o.code}`, `WO${o.code}`, `FA${o.code}`]));
  const between = (lo: number, hi: number) => Math.floor(lo + random() * (hi - lo + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const last = lastClosedMonth(today);
  const first = `${Number(today.slice(0, 4)) - 1}-01`;
  const campaigns: CampaignWrite[] = [];

  const base = (name: string, kind: CampaignKind, startsOn: string, endsOn: string, office: DemoOfficeRef | null, extra: Partial<CampaignWrite> = {}): CampaignWrite => ({
    name, kind, startsOn, endsOn, officeId: office?.id ?? null, place: null, sessions: 1, audiences: [], resources: emptyResources(), cost: null,
    plan: { BHXH_TN: null, BHYT_HGD: null }, notes: 'Dữ liệu mẫu', attachments: [], days: [], unitIds: [], partners: [], isDemo: true, ...extra,
  });
  const res = (r: Partial<Record<CampaignResource, number>>) => ({ ...emptyResources(), ...r });
  const day = (d: string, attendees: number | null, tn: number | null, hgd: number | null): CampaignDayWrite => ({ day: d, attendees, signups: { BHXH_TN: tn, BHYT_HGD: hgd }, note: null });
  const place = (o: DemoOfficeRef) => o.name.replace(/^BHXH cơ sở /, '');
  const partner = (code: string) => {
    const a = agents.get(code);
    return a ? [{ agentId: a.id, name: a.name }] : [];
  };
  // Communes are named only on the tree after the reform (the old ones are gone from today's lists).
  const communesOf = (o: DemoOfficeRef, on: string, n: number) => (on >= REFORM_DATE ? o.communes.slice(0, n).map((c) => c.id) : []);

  for (let month = first; month <= last; month = addMonths(month, 1)) {
    const { year, month: m } = parseYm(month)!;
    const { to: monthEnd } = monthBounds(month);
    const at = (d: number) => `${month}-${String(d).padStart(2, '0')}`;
    const may = m === 5;
    for (const [i, o] of offices.entries()) {
      // Conferences: one row per office and month standing for the month's sessions.
      const sessions = may ? between(8, 12) : between(3, 7);
      const attendees = sessions * between(35, 70);
      const tn = round(attendees * (0.12 + random() * 0.14));
      const hgd = round(attendees * (0.18 + random() * 0.2));
      campaigns.push(base(`Hội nghị tuyên truyền trực tiếp tháng ${m}/${year} - ${place(o)}`, 'CONFERENCE', at(3), monthEnd, o, {
        sessions, audiences: pick<Audience[]>([['FARMERS', 'NEAR_POOR'], ['INFORMAL', 'WOMEN'], ['ETHNIC', 'REMOTE'], ['FARMERS', 'ELDERLY']]),
        resources: res({ staff: sessions * 3, leaflets: attendees * 2 }), cost: sessions * between(18, 26) * 100_000, plan: { BHXH_TN: round(attendees * 0.2, 5), BHYT_HGD: round(attendees * 0.3, 5) },
        unitIds: communesOf(o, at(3), 3), partners: partner(`WO${o.code}`), days: [day(monthEnd, attendees, tn, hgd)],
      }));
      // Door-to-door rounds every other month (every office in May).
      if (may || (m + i) % 2 === 0) {
        const households = between(300, 700) * (may ? 2 : 1);
        campaigns.push(base(`Vận động từng hộ gia đình tham gia BHYT tháng ${m}/${year} - ${place(o)}`, 'DOOR_TO_DOOR', at(5), at(24), o, {
          audiences: ['FARMERS', 'NEAR_POOR'], resources: res({ teams: between(4, 8), staff: between(12, 25), leaflets: households }), cost: households * 15_000,
          plan: { BHXH_TN: round(households * 0.06, 5), BHYT_HGD: round(households * 0.25, 5) }, unitIds: communesOf(o, at(5), 4), partners: partner(`FA${o.code}`),
          days: [day(at(24), households, round(households * (0.04 + random() * 0.05)), round(households * (0.18 + random() * 0.14)))],
        }));
      }
      // Counselling days at the service desk each quarter's middle month.
      if (m % 3 === 2) {
        const visitors = between(60, 160);
        campaigns.push(base(`Ngày tư vấn tại điểm giao dịch ${place(o)}`, 'COUNSELLING', at(15), at(15), o, {
          audiences: ['INFORMAL'], resources: res({ staff: between(3, 6), leaflets: visitors * 2 }), cost: between(2, 5) * 1_000_000, unitIds: communesOf(o, at(15), 1),
          days: [day(at(15), visitors, round(visitors * 0.15), round(visitors * 0.22))],
        }));
      }
      // A policy dialogue in one office each quarter, turn by turn.
      if (m % 3 === 0 && (m / 3 + i) % offices.length === 0) {
        const people = between(80, 150);
        campaigns.push(base(`Đối thoại chính sách BHXH, BHYT với người dân ${place(o)}`, 'DIALOGUE', at(20), at(20), o, {
          audiences: ['FARMERS', 'ELDERLY'], resources: res({ staff: 8 }), cost: between(6, 12) * 1_000_000, unitIds: communesOf(o, at(20), 2),
          days: [day(at(20), people, round(people * 0.1), round(people * 0.16))],
        }));
      }
      // Banners and leaflets before the peak month and before the year's end.
      if (m === 4 || m === 10) {
        campaigns.push(base(`Treo băng rôn, phát tờ gấp ${m === 4 ? 'hưởng ứng Tháng vận động' : 'cuối năm'} - ${place(o)}`, 'BANNERS', at(10), at(30), o, {
          resources: res({ leaflets: between(4, 8) * 1000, teams: 3 }), cost: between(8, 15) * 1_000_000,
        }));
      }
      // May: a two-day launch day in every office, with the post office and a plan.
      if (may) {
        const d1 = at(10 + i * 2);
        const d2 = addDays(d1, 1);
        const planTn = between(25, 45) * 10;
        const planHgd = between(50, 90) * 10;
        const a1 = between(600, 1100);
        const a2 = between(150, 400);
        campaigns.push(base(`Lễ ra quân hưởng ứng Tháng vận động BHXH tự nguyện ${year} - ${place(o)}`, 'LAUNCH', d1, d2, o, {
          place: `Sân vận động ${place(o)}`, audiences: ['FARMERS', 'INFORMAL', 'NEAR_POOR'], resources: res({ teams: between(8, 14), vehicles: between(10, 25), staff: between(60, 110), leaflets: between(3, 6) * 1000 }),
          cost: between(35, 60) * 1_000_000, plan: { BHXH_TN: planTn, BHYT_HGD: planHgd }, unitIds: communesOf(o, d1, o.communes.length),
          partners: [...partner(`BD${o.code}`), ...partner(`WO${o.code}`)],
          days: [day(d1, a1, round(planTn * (0.8 + random() * 0.5)), round(planHgd * (0.7 + random() * 0.35))), day(d2, a2, round(planTn * (0.05 + random() * 0.1)), round(planHgd * (0.05 + random() * 0.1)))],
        }));
      }
    }
    // The province's own channels: posts every month, press each quarter.
    const posts = may ? between(20, 30) : between(6, 12);
    campaigns.push(base(`Tuyên truyền trên Fanpage, Zalo BHXH tỉnh tháng ${m}/${year}`, 'SOCIAL_MEDIA', at(1), monthEnd, null, {
      audiences: ['YOUTH', 'INFORMAL'], resources: res({ posts, reach: posts * between(1500, 4000) }), cost: posts * 300_000,
    }));
    if (m % 3 === 1 || may) {
      campaigns.push(base(`Chuyên mục BHXH trên Đài Phát thanh - Truyền hình tỉnh tháng ${m}/${year}`, 'PRESS', at(1), monthEnd, null, {
        resources: res({ broadcasts: between(4, 10) }), cost: between(10, 25) * 1_000_000,
      }));
    }
    if (may) {
      // The peak month itself: the province's umbrella campaign with a result each week.
      const weeks = [7, 14, 21, 28].map((d) => at(d));
      const planTn = between(140, 180) * 10;
      const planHgd = between(280, 360) * 10;
      campaigns.push(base(`Tháng cao điểm vận động người dân tham gia BHXH tự nguyện, BHYT hộ gia đình năm ${year}`, 'PEAK', at(1), monthEnd, null, {
        audiences: ['FARMERS', 'INFORMAL', 'NEAR_POOR', 'ETHNIC'], resources: res({ teams: 24, staff: 180, leaflets: 20_000 }), cost: between(120, 180) * 1_000_000,
        plan: { BHXH_TN: planTn, BHYT_HGD: planHgd }, partners: offices.flatMap((o) => partner(`BD${o.code}`)),
        days: weeks.map((d) => day(d, null, round((planTn / 4) * (0.85 + random() * 0.4)), round((planHgd / 4) * (0.8 + random() * 0.35)))),
      }));
    }
    if (m === 11) {
      campaigns.push(base(`Tuần cao điểm vận động gia hạn thẻ BHYT hộ gia đình năm ${year + 1}`, 'PEAK', at(17), at(23), null, {
        audiences: ['FARMERS', 'NEAR_POOR'], resources: res({ teams: 10, staff: 60 }), cost: between(20, 35) * 1_000_000, plan: { BHXH_TN: null, BHYT_HGD: between(120, 180) * 10 },
        days: [day(at(23), null, between(40, 80), between(1000, 1900))],
      }));
    }
  }
  for (const c of campaigns) await repo.insert(c, now);
  return campaigns.length;
}
