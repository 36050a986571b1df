import { AppError, type EmulationRanking, type EmulationRow } from '../../../shared/contract';
import { maxPoints, rankScores } from '../../../shared/calc/emulation';
import { progress } from '../../../shared/calc/progress';
import { EMULATION_LEVEL_LABELS, EMULATION_MEASURE_DEFS, type EmulationLevel, type EmulationMeasure } from '../../../shared/domain/emulation';
import { indicatorByCode } from '../../../shared/domain/indicators';
import { periodDays, periodLabel, treeDateOf, ym } from '../../../shared/domain/periods';
import { formatCount } from '../../../shared/format/vi';
import { localToday, type CoreContext } from '../app/context';
import { OfficeRepository } from '../offices/repository';
import { Figures } from '../results/compare';
import { UnitRepository } from '../units/repository';
import { setFor, toCriterion } from './criteria';
import { EmulationRepository } from './repository';

type Values = Partial<Record<EmulationMeasure, number | null>>;

interface Contestant {
  code: string;
  name: string;
  parentName: string | null;
  values: Values;
}

export interface ScoreRequest {
  period: string;
  level: EmulationLevel;
  officeCode?: string;
  offset?: number;
  limit?: number;
}

/** A quarter or a year as days and months, refused when it is a month or has not begun. */
export function emulationPeriod(text: string, today: string) {
  const days = periodDays(text);
  if (!days) throw new AppError('VALIDATION', `Kỳ "${text}" không hợp lệ: hãy ghi YYYY (năm) hoặc YYYY-Qn (quý).`);
  if (days.kind === 'month') throw new AppError('VALIDATION', 'Thi đua chấm theo quý hoặc năm (YYYY hoặc YYYY-Qn), không chấm theo tháng.');
  if (days.from > today) throw new AppError('VALIDATION', `${periodLabel(days)} chưa bắt đầu: chưa có số liệu để chấm điểm thi đua.`);
  const kind = days.kind as 'quarter' | 'year';
  const firstMonth = days.from.slice(0, 7);
  const lastMonth = days.to.slice(0, 7);
  // An ongoing period counts its months so far, and compares with the same months last year.
  const throughMonth = lastMonth < today.slice(0, 7) ? lastMonth : today.slice(0, 7);
  const months = (Number(throughMonth.slice(0, 4)) - Number(firstMonth.slice(0, 4))) * 12 + Number(throughMonth.slice(5)) - Number(firstMonth.slice(5)) + 1;
  const label = periodLabel(days.kind === 'quarter' ? { kind: 'quarter', year: days.year, index: days.index } : { kind: 'year', year: days.year, index: 12 });
  const normalized = kind === 'year' ? String(days.year) : `${days.year}-Q${days.index}`;
  return { ...days, kind, firstMonth, throughMonth, months, label, text: normalized };
}

const lastYear = (month: string) => ym(Number(month.slice(0, 4)) - 1, Number(month.slice(5)));

/**
 * Offices (BHXH cơ sở) over the communes they serve on the period's tree: the % of the plan
 * and the growth on the same period come from the unit tree's figures (Figures: one aggregation
 * for every screen); campaigns held and network coverage from two grouped statements.
 */
async function unitContestants(ctx: CoreContext, p: ReturnType<typeof emulationPeriod>, measures: readonly EmulationMeasure[], officeCode: string | undefined, today: string) {
  const figures = await Figures.open(ctx, { kind: p.kind, year: p.year, index: p.kind === 'year' ? 12 : p.index }, treeDateOf(p.throughMonth, today));
  const onTree = (ids: number[]) => ids.filter((id) => figures.tree.nodes.has(id));
  const repo = new EmulationRepository(ctx.store);
  const officeRepo = new OfficeRepository(ctx.store);
  const [offices, sessions, openPoints, officeIds] = await Promise.all([
    officeRepo.withUnitIds(figures.tree.date),
    measures.includes('CAMPAIGNS_HELD') ? repo.sessionsByOffice(p.from, p.to) : Promise.resolve(new Map<number, number>()),
    measures.includes('NETWORK_COVERAGE') ? repo.unitsWithOpenPoint(p.to < today ? p.to : today) : Promise.resolve([]),
    officeRepo.all(),
  ]);
  const idOf = new Map(officeIds.map((o) => [o.code, o.id]));
  // A point recorded on a commune that later merged counts for its successor on the tree.
  const covered = new Set<number>();
  for (const unitId of openPoints) for (const { id } of figures.tree.mapTo(unitId)) covered.add(id);
  const tn = indicatorByCode('BHXH_TN')!;
  const hgd = indicatorByCode('BHYT_HGD')!;
  const out: Contestant[] = [];
  let noPlan = 0;
  for (const o of offices) {
    if (officeCode && o.code !== officeCode) continue;
    const members = onTree(o.unitIds);
    if (members.length === 0) continue;
    const group = figures.group(members, o.code, o.name);
    const values: Values = {};
    const cTn = measures.some((m) => m === 'TN_TARGET_PCT' || m === 'TN_GROWTH') ? figures.compare(tn, group) : null;
    const cHgd = measures.some((m) => m === 'HGD_TARGET_PCT' || m === 'HGD_GROWTH') ? figures.compare(hgd, group) : null;
    if (measures.includes('TN_TARGET_PCT')) values.TN_TARGET_PCT = cTn!.planProgress;
    if (measures.includes('HGD_TARGET_PCT')) values.HGD_TARGET_PCT = cHgd!.planProgress;
    if (measures.includes('TN_GROWTH')) values.TN_GROWTH = cTn!.deltaSameLastYearRatio;
    if (measures.includes('HGD_GROWTH')) values.HGD_GROWTH = cHgd!.deltaSameLastYearRatio;
    if (measures.includes('CAMPAIGNS_HELD')) values.CAMPAIGNS_HELD = sessions.get(idOf.get(o.code) ?? -1) ?? 0;
    if (measures.includes('NETWORK_COVERAGE')) values.NETWORK_COVERAGE = members.filter((m) => covered.has(m)).length / members.length;
    if ((cTn && cTn.planProgress === null) || (cHgd && cHgd.planProgress === null)) noPlan++;
    out.push({ code: o.code, name: o.name, parentName: null, values });
  }
  if (officeCode && out.length === 0) throw new AppError('NOT_FOUND', `Không có BHXH cơ sở mã "${officeCode}" phụ trách xã, phường nào trong kỳ.`);
  return { contestants: out, notes: noPlan > 0 ? [`${formatCount(noPlan)} đơn vị chưa có kế hoạch năm ${p.year} nên tiêu chí % kế hoạch không được điểm.`] : [] };
}

/**
 * Agents or staff: new participants in the period (network_flows, an agent's with its staff's)
 * against the year's target spread over the period's months, growth on the same months last
 * year, and for agents the campaign sessions they partnered. Five grouped statements whatever
 * the number of people.
 */
async function networkContestants(ctx: CoreContext, level: 'agent' | 'staff', p: ReturnType<typeof emulationPeriod>, measures: readonly EmulationMeasure[], officeCode: string | undefined) {
  const repo = new EmulationRepository(ctx.store);
  const flowMeasures = ['NEW_TN', 'NEW_HGD'];
  const [people, now, before, targets, sessions] = await Promise.all([
    repo.contenders(level, p.from, p.to, officeCode),
    repo.resultSums(level, flowMeasures, p.firstMonth, p.throughMonth),
    repo.resultSums(level, flowMeasures, lastYear(p.firstMonth), lastYear(p.throughMonth)),
    repo.yearTargets(level, flowMeasures, p.year),
    level === 'agent' && measures.includes('CAMPAIGNS_HELD') ? repo.sessionsByAgent(p.from, p.to) : Promise.resolve(new Map<number, number>()),
  ]);
  const share = p.months / 12;
  let noTarget = 0;
  const contestants = people.map((person): Contestant => {
    const n = now.get(person.id) ?? {};
    const b = before.get(person.id);
    const t = targets.get(person.id) ?? {};
    const periodTarget = (m: string) => (t[m] !== undefined ? t[m]! * share : null);
    const values: Values = {};
    if (measures.includes('NEW_TN_PCT')) values.NEW_TN_PCT = progress(n.NEW_TN ?? 0, periodTarget('NEW_TN'));
    if (measures.includes('NEW_HGD_PCT')) values.NEW_HGD_PCT = progress(n.NEW_HGD ?? 0, periodTarget('NEW_HGD'));
    if (measures.includes('NEW_GROWTH')) {
      const was = b ? (b.NEW_TN ?? 0) + (b.NEW_HGD ?? 0) : 0;
      values.NEW_GROWTH = was > 0 ? ((n.NEW_TN ?? 0) + (n.NEW_HGD ?? 0) - was) / was : null;
    }
    if (measures.includes('CAMPAIGNS_HELD')) values.CAMPAIGNS_HELD = sessions.get(person.id) ?? 0;
    if ((measures.includes('NEW_TN_PCT') && values.NEW_TN_PCT === null) || (measures.includes('NEW_HGD_PCT') && values.NEW_HGD_PCT === null)) noTarget++;
    return { code: person.code, name: person.name, parentName: person.parentName, values };
  });
  const who = EMULATION_LEVEL_LABELS[level].toLocaleLowerCase('vi');
  return { contestants, notes: noTarget > 0 ? [`${formatCount(noTarget)} ${who} chưa được giao chỉ tiêu năm ${p.year} nên tiêu chí % chỉ tiêu không được điểm.`] : [] };
}

/**
 * Scores everyone of a level for a quarter or a year with the criteria set in force on the
 * period's last day, ranks them (shared/calc/emulation.ts) and returns one page. The figures
 * take a constant number of queries; scoring and ranking are done in memory.
 */
export async function scoreEmulation(ctx: CoreContext, req: ScoreRequest): Promise<EmulationRanking> {
  const today = localToday(ctx.now());
  const p = emulationPeriod(req.period, today);
  const set = await setFor(ctx, req.level, p.to);
  const measures = set.criteria.map((c) => c.measure);
  const { contestants, notes } =
    req.level === 'unit' ? await unitContestants(ctx, p, measures, req.officeCode, today) : await networkContestants(ctx, req.level, p, measures, req.officeCode);
  const ranked = rankScores(contestants, set.criteria, (c) => c.values, (c) => c.name, p.kind);
  const offset = req.offset ?? 0;
  const limit = req.limit ?? ranked.length;
  const rows: EmulationRow[] = ranked.slice(offset, offset + limit).map((s) => ({
    rank: s.rank,
    code: s.row.code,
    name: s.row.name,
    parentName: s.row.parentName,
    score: s.total,
    parts: s.parts.map((part) => ({ ...part, label: EMULATION_MEASURE_DEFS[part.measure].shortLabel })),
  }));
  const officeName = req.officeCode ? ((await new OfficeRepository(ctx.store).byCode(req.officeCode))?.name ?? null) : null;
  if (req.officeCode && officeName === null) throw new AppError('NOT_FOUND', `Không có BHXH cơ sở mã "${req.officeCode}".`);
  if (p.throughMonth < p.to.slice(0, 7)) notes.unshift(`Kỳ đang diễn ra: số liệu tính đến tháng ${p.throughMonth.slice(5)}/${p.throughMonth.slice(0, 4)}.`);
  return {
    period: p.text,
    periodLabel: p.label,
    level: req.level,
    from: p.from,
    to: p.to,
    throughMonth: p.throughMonth,
    officeCode: req.officeCode ?? null,
    officeName,
    criteriaSet: { id: set.id, name: set.name, validFrom: set.validFrom, validTo: set.validTo, decisionNo: set.decisionNo },
    criteria: set.criteria.map(toCriterion),
    maxPoints: maxPoints(set.criteria),
    rows,
    total: ranked.length,
    offset,
    limit,
    notes,
    isDemo: await new UnitRepository(ctx.store).hasDemo(),
  };
}
