import { type DashboardData, type Kpi, type TargetSource, type TrendPoint } from '../../../shared/contract';
import { rankUnits } from '../../../shared/calc/rankings';
import { indicatorByCode } from '../../../shared/domain/indicators';
import { parseYm, ym, type Period } from '../../../shared/domain/periods';
import type { CoreContext } from '../app/context';
import { ALL_ROOTS, comparisonTableOf, Figures, indicatorOrThrow } from './compare';

/** The headline indicators a leader looks at first. */
export const KPI_CODES = ['BHXH_TN', 'BHYT_HGD', 'BHXH_BB', 'BHYT', 'COV_BHYT', 'COV_BHXH'];

export async function dashboard(ctx: CoreContext, req: { period: Period; unitCode?: string | null; indicatorCode?: string; viewDate?: string; source?: TargetSource }): Promise<DashboardData> {
  const indicatorCode = req.indicatorCode ?? 'BHXH_TN';
  const figures = await Figures.open(ctx, req.period, req.viewDate, { trend: [indicatorCode] });
  const def = indicatorOrThrow(indicatorCode);
  const table = comparisonTableOf(figures, { ...req, indicatorCode });
  const focus = figures.focus(req.unitCode);

  const kpis: Kpi[] = KPI_CODES.map((code) => {
    const kpiDef = indicatorByCode(code)!;
    return { ...figures.compare(kpiDef, focus, req.source), indicatorCode: code, indicatorName: kpiDef.shortName, kind: kpiDef.kind === 'rate' ? 'rate' : 'count' };
  });

  const { year, month } = parseYm(figures.month)!;
  const start = table.total.endLastYear;
  const goal = table.total.plan;
  const trend: TrendPoint[] = [];
  for (let m = 1; m <= month; m++) {
    const at = ym(year, m);
    const actual = def.kind === 'rate' ? figures.rate(def, at, focus).rate : figures.count(def.code, at, focus).value;
    const targetPath = start !== null && goal !== null ? start + ((goal - start) * m) / 12 : null;
    trend.push({ month: at, actual, targetPath });
  }

  const children = figures.childrenOf(focus);
  const rate = (code: string, id: number) => figures.rate(indicatorByCode(code)!, figures.month, id).rate;
  const coverage = children.map((id) => {
    const node = figures.node(id);
    return { code: node.code, name: node.name, bhyt: rate('COV_BHYT', id), bhxh: rate('COV_BHXH', id), bhtn: rate('COV_BHTN', id), voluntary: rate('SHARE_BHXH_TN', id) };
  });

  const ranked = rankUnits(table.rows, (r) => r.planProgress, (r) => r.name);
  const path: { code: string; name: string }[] = [];
  if (focus !== ALL_ROOTS) {
    for (let id: number | null = focus; id !== null; id = figures.tree.nodes.get(id)!.parentId) {
      const n = figures.tree.nodes.get(id)!;
      path.unshift({ code: n.code, name: n.name });
    }
  }
  return { table, kpis, trend, coverage, best: ranked.leaders, worst: ranked.laggards, rankings: ranked.counts, path };
}
