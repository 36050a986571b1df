import { AppError, type DemoOutcome } from '../../../shared/contract';
import { dayBefore, formatCount } from '../../../shared/format/vi';
import { unitNameKey } from '../../../shared/text/fold';
import { DEMO_DISTRICTS, DEMO_MERGES, DEMO_OFFICES, DEMO_PROVINCE, REFORM_DATE } from '../../../resources/demo/demoProvince';
import { recordAudit } from '../audit/audit';
import { safetyBackup } from '../backups/backups';
import { isoNow, localToday, type CoreContext } from '../app/context';
import { OfficeRepository } from '../offices/repository';
import { ResultRepository, type ResultRow } from '../results/repository';
import { TargetRepository, type TargetRow } from '../targets/repository';
import { UnitRepository } from '../units/repository';
import { loadDemoCampaigns } from './demoCampaigns';
import { loadDemoAwards } from './demoAwards';
import { deleteDemoArrears, loadDemoArrears } from './demoArrears';
import { loadDemoNetwork, type DemoOfficeRef } from './demoNetwork';
import { deleteDemoPeople, loadDemoPeople } from './demoPeople';
import { deleteDemoRows } from './demoRepository';
import { commonProfile, createRandom, monthlyAsOfDates, simulateCommune, type Stock } from './simulate';

const FIRST_YEAR = 2024;
const COUNTED: (keyof Stock)[] = ['POP', 'LABOUR', 'BHXH_BB', 'BHXH_TN', 'BHTN', 'BHYT', 'BHYT_HGD', 'BHYT_NSHT'];
const TARGETED: (keyof Stock)[] = ['BHXH_BB', 'BHXH_TN', 'BHTN', 'BHYT', 'BHYT_HGD'];

/**
 * Loads (or reloads) the fictional demo province: the unit tree across the 2025 reform,
 * offices, three years of monthly results up to today and yearly targets. Every row is
 * flagged is_demo so the UI can label it and a reload can replace it.
 */
export async function loadDemo(ctx: CoreContext): Promise<DemoOutcome> {
  const units = new UnitRepository(ctx.store);
  const clash = await units.byCode(DEMO_PROVINCE.code);
  if (clash && !clash.isDemo) {
    throw new AppError('CONFLICT', `Mã tỉnh ${DEMO_PROVINCE.code} đã dùng cho "${clash.name}"; không thể nạp dữ liệu mẫu.`);
  }
  if ((await units.count()) > 0) await safetyBackup(ctx, 'pre-demo');
  const today = localToday(ctx.now());
  const asOfDates = monthlyAsOfDates(FIRST_YEAR, today);
  const random = createRandom(20240101);
  const outcome: DemoOutcome = { units: 0, results: 0, targets: 0, offices: 0, agents: 0, points: 0, staff: 0, campaigns: 0 };

  await ctx.store.transaction(async () => {
    await deleteDemoPeople(ctx.store);
    await deleteDemoArrears(ctx.store);
    await deleteDemoRows(ctx.store);
    const now = isoNow(ctx);
    const add = (code: string, name: string, level: 'province' | 'district' | 'commune', kind: string | null, parentId: number | null, validFrom: string | null, validTo: string | null) => {
      outcome.units++;
      return units.insert({ code, name, nameKey: unitNameKey(name), level, kind, parentId, validFrom, validTo, isDemo: true }, now);
    };
    const provinceId = await add(DEMO_PROVINCE.code, DEMO_PROVINCE.name, 'province', DEMO_PROVINCE.kind, null, null, null);
    const lastOldDay = dayBefore(REFORM_DATE);

    // Old tree: district → commune, ending the day before the reform.
    const oldCommunes = new Map<string, { id: number; districtCode: string; series: Stock[] }>();
    let communeSeq = 1;
    for (const district of DEMO_DISTRICTS) {
      const districtId = await add(district.code, district.name, 'district', district.name.split(' ')[0] === 'Thành' ? 'Thành phố' : 'Huyện', provinceId, null, lastOldDay);
      for (const name of district.communes) {
        const code = `99${String(communeSeq++ * 3).padStart(3, '0')}`;
        const kind = name.startsWith('Phường') ? 'Phường' : name.startsWith('Thị trấn') ? 'Thị trấn' : 'Xã';
        const id = await add(code, name, 'commune', kind, districtId, null, lastOldDay);
        oldCommunes.set(name, { id, districtCode: district.code, series: simulateCommune(commonProfile(random, district.urban), asOfDates, random) });
      }
    }

    // New tree from the reform: communes directly under the province, linked to their predecessors.
    const newCommunes: { id: number; from: { id: number; districtCode: string; series: Stock[] }[] }[] = [];
    for (const [i, merge] of DEMO_MERGES.entries()) {
      const code = `99${String(500 + i * 3).padStart(3, '0')}`;
      const kind = merge.name.startsWith('Phường') ? 'Phường' : 'Xã';
      const id = await add(code, merge.name, 'commune', kind, provinceId, REFORM_DATE, null);
      const from = merge.from.map((name) => {
        const old = oldCommunes.get(name);
        if (!old) throw new AppError('INTERNAL', `Dữ liệu mẫu thiếu xã "${name}".`);
        return old;
      });
      for (const old of from) await units.upsertLink(old.id, id, REFORM_DATE, 1);
      newCommunes.push({ id, from });
    }

    const offices = new OfficeRepository(ctx.store);
    const officeRefs: DemoOfficeRef[] = [];
    for (const office of DEMO_OFFICES) {
      const olds = [...oldCommunes.values()].filter((c) => office.districts.includes(c.districtCode));
      const news = newCommunes.filter((n) => office.districts.includes(n.from[0]!.districtCode));
      const officeId = await offices.insertOffice({ code: office.code, provinceUnitId: provinceId, isDemo: true, ...DEMO_OFFICE_FIELDS(office.name) }, now);
      // Old communes are served until the day before the reform, the merged ones from it: one office a day each.
      await offices.insertMemberships([
        ...olds.map((c) => ({ officeId, unitId: c.id, validFrom: null, validTo: lastOldDay })),
        ...news.map((n) => ({ officeId, unitId: n.id, validFrom: REFORM_DATE, validTo: null })),
      ]);
      outcome.offices++;
      officeRefs.push({ id: officeId, code: office.code, name: office.name, communes: news.map((n) => ({ id: n.id, name: DEMO_MERGES[newCommunes.indexOf(n)]!.name })) });
    }

    // Results: old communes until June 2025, their merged successors afterwards.
    const results: ResultRow[] = [];
    asOfDates.forEach((asOf, k) => {
      const emit = (unitId: number, stock: Stock) => {
        for (const code of COUNTED) results.push({ unitId, indicatorCode: code, asOf, value: Math.round(stock[code]), isDemo: true });
      };
      if (asOf < REFORM_DATE) for (const c of oldCommunes.values()) emit(c.id, c.series[k]!);
      else for (const n of newCommunes) emit(n.id, sumStocks(n.from.map((c) => c.series[k]!)));
    });
    await new ResultRepository(ctx.store).bulkLoad(results, now);
    outcome.results = results.length;

    // Targets: each year's plan is set in January on the units that exist then.
    const targets: TargetRow[] = [];
    const thisYear = Number(today.slice(0, 4));
    for (let year = FIRST_YEAR; year <= thisYear; year++) {
      const janIndex = asOfDates.findIndex((d) => d.startsWith(`${year}-01`));
      const startIndex = Math.max(0, janIndex - 1);
      const decision = { decisionNo: `${10 + year - FIRST_YEAR}/QĐ-BHXH (mẫu)`, decisionDate: `${year}-01-15` };
      const unitsThatYear = `${year}-01-01` < REFORM_DATE
        ? [...oldCommunes.values()].map((c) => ({ id: c.id, start: c.series[startIndex]! }))
        : newCommunes.map((n) => ({ id: n.id, start: sumStocks(n.from.map((c) => c.series[startIndex]!)) }));
      const provinceTotals: Partial<Record<keyof Stock, number>> = {};
      for (const unit of unitsThatYear) {
        // Most plans stretch a little; about one unit in four gets a plan it will not reach.
        const ambition = random() < 0.25 ? 1.12 + random() * 0.2 : 0.99 + random() * 0.08;
        for (const code of TARGETED) {
          const value = Math.round(unit.start[code] * (1 + PLANNED_GROWTH[code]) * ambition);
          provinceTotals[code] = (provinceTotals[code] ?? 0) + value;
          targets.push({ unitId: unit.id, indicatorCode: code, year, value, isRate: false, source: 'BHXH_TINH', ...decision, isDemo: true });
        }
      }
      for (const code of TARGETED) {
        const total = provinceTotals[code]!;
        targets.push({ unitId: provinceId, indicatorCode: code, year, value: total, isRate: false, source: 'BHXH_VN', decisionNo: `${300 + year - FIRST_YEAR}/QĐ-BHXH (mẫu)`, decisionDate: `${year - 1}-12-20`, isDemo: true });
        targets.push({ unitId: provinceId, indicatorCode: code, year, value: Math.round(total * 1.03), isRate: false, source: 'UBND_TINH', decisionNo: `${40 + year - FIRST_YEAR}/QĐ-UBND (mẫu)`, decisionDate: `${year}-01-10`, isDemo: true });
      }
      targets.push({ unitId: provinceId, indicatorCode: 'COV_BHYT', year, value: GOV_BHYT_PATH[year] ?? 0.952, isRate: true, source: 'GOV', decisionNo: '546/QĐ-TTg', decisionDate: '2022-04-29', isDemo: true });
    }
    await new TargetRepository(ctx.store).insertMany(targets, now);
    outcome.targets = targets.length;

    const network = await loadDemoNetwork(ctx.store, officeRefs, today, now, createRandom(20250501));
    Object.assign(outcome, network);
    outcome.campaigns = await loadDemoCampaigns(ctx.store, officeRefs, today, now, createRandom(20250519));
    await loadDemoAwards(ctx.store, officeRefs, today, now);
    outcome.people = await loadDemoPeople(ctx.store, officeRefs, today, now);
    await loadDemoArrears(ctx.store, officeRefs, today, now);
    await recordAudit(ctx.store, ctx.actor, {
      action: 'demo', entity: 'demo',
      summary: `Nạp dữ liệu mẫu: ${formatCount(outcome.units)} đơn vị, ${formatCount(outcome.results)} số liệu, ${formatCount(outcome.targets)} chỉ tiêu, ${formatCount(network.agents)} tổ chức dịch vụ thu, ${formatCount(network.points)} điểm thu, ${formatCount(network.staff)} nhân viên thu, ${formatCount(outcome.campaigns)} hoạt động tuyên truyền, ${formatCount(outcome.people ?? 0)} người trong danh sách vận động`,
    }, ctx.now());
  });
  ctx.events.emit({ type: 'data-changed', area: 'all' });
  return outcome;
}

const DEMO_OFFICE_FIELDS = (name: string) => ({
  name, address: `Trụ sở ${name.replace(/^BHXH cơ sở /, '')} (dữ liệu mẫu)`, phone: null, email: null, headName: null, note: null, validFrom: null,
});

const PLANNED_GROWTH: Record<keyof Stock, number> = { POP: 0, LABOUR: 0, BHXH_BB: 0.05, BHXH_TN: 0.22, BHTN: 0.05, BHYT: 0.015, BHYT_HGD: 0.07, BHYT_NSHT: 0 };
const GOV_BHYT_PATH: Record<number, number> = { 2024: 0.941, 2025: 0.9515, 2026: 0.952 };

function sumStocks(stocks: Stock[]): Stock {
  const total = Object.fromEntries(COUNTED.map((c) => [c, 0])) as unknown as Stock;
  for (const s of stocks) for (const c of COUNTED) total[c] += s[c];
  return total;
}
