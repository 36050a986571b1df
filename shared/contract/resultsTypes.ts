import type { Period } from '../domain/periods';
import type { RankingCounts } from '../calc/rankings';
import type { UnitLevel } from '../domain/units';

export type TargetSource = 'GOV' | 'BHXH_VN' | 'UBND_TINH' | 'BHXH_TINH' | 'INTERNAL';

export const TARGET_SOURCE_LABELS: Record<TargetSource, string> = {
  GOV: 'Chính phủ',
  BHXH_VN: 'BHXH Việt Nam',
  UBND_TINH: 'UBND tỉnh',
  BHXH_TINH: 'BHXH tỉnh',
  INTERNAL: 'Nội bộ',
};

/** Preference when a unit has targets from several authorities and none was asked for. */
export const TARGET_SOURCE_ORDER: TargetSource[] = ['BHXH_TINH', 'BHXH_VN', 'UBND_TINH', 'GOV', 'INTERNAL'];

export interface Target {
  id: number;
  unitCode: string;
  unitName: string;
  indicatorCode: string;
  year: number;
  /** '' for the whole year, 'Q1'…'Q4', 'M01'…'M12'. */
  period: string;
  /** People for counts; a ratio (0.9225) for rate indicators. */
  value: number;
  isRate: boolean;
  source: TargetSource;
  decisionNo: string | null;
  decisionDate: string | null;
  /** 0 = the original plan; 1, 2 … = kế hoạch bổ sung/điều chỉnh. */
  revision: number;
  note: string | null;
  isDemo: boolean;
}

/** One unit × indicator figure with every comparison reports show. Missing figures are null. */
export interface Comparison {
  code: string;
  name: string;
  level: UnitLevel;
  hasChildren: boolean;
  actual: number | null;
  /** Children (leaf units) with no figure for the month, when `actual` is a sum. */
  missingUnits: number;
  target: number | null;
  targetSource: TargetSource | null;
  progress: number | null;
  revisedTarget: number | null;
  revisedProgress: number | null;
  /** The plan in force (shared/calc/plan.ts): revisedTarget when there is one, else target. */
  plan: number | null;
  /** actual ÷ plan: what every screen, the report and the rankings call "% kế hoạch". */
  planProgress: number | null;
  sameLastYear: number | null;
  deltaSameLastYear: number | null;
  deltaSameLastYearRatio: number | null;
  endLastYear: number | null;
  deltaEndLastYear: number | null;
  remaining: number | null;
  monthlyPace: number | null;
  /** For rate indicators and coverage columns: the recomputed rate. */
  rate: number | null;
}

export interface ComparisonTable {
  period: Period;
  periodLabel: string;
  /** The month whose figures stand for the period. */
  month: string;
  indicatorCode: string;
  indicatorName: string;
  unitCode: string | null;
  unitName: string;
  /** The tree the figures are shown on (older units roll into their successors). */
  viewDate: string;
  rows: Comparison[];
  total: Comparison;
}

export interface TrendPoint {
  month: string;
  actual: number | null;
  /** Straight path from last December's figure to the year's target. */
  targetPath: number | null;
}

export interface Kpi extends Comparison {
  indicatorCode: string;
  indicatorName: string;
  kind: 'count' | 'rate';
}

export interface CoverageRow {
  code: string;
  name: string;
  bhyt: number | null;
  bhxh: number | null;
  bhtn: number | null;
  voluntary: number | null;
}

export interface DashboardData {
  table: ComparisonTable;
  kpis: Kpi[];
  trend: TrendPoint[];
  coverage: CoverageRow[];
  /**
   * Leaders (at or above the 80% band, best first) and laggards (below it, lowest first),
   * up to 5 each by % of the plan in force; never the same unit in both (shared/calc/rankings.ts).
   */
  best: Comparison[];
  worst: Comparison[];
  /** How many children were ranked, above and below the threshold, or left out: the lists' notes. */
  rankings: RankingCounts;
  /** Ancestors of the unit shown, for the drill-down breadcrumb. */
  path: { code: string; name: string }[];
}

export interface GridRow {
  code: string;
  name: string;
  level: UnitLevel;
  /** Values entered for this month on this unit, by indicator code. */
  values: Record<string, number | null>;
  previous: Record<string, number | null>;
  notes: Record<string, string | null>;
}

export interface ResultGrid {
  month: string;
  asOf: string;
  parentCode: string | null;
  parentName: string;
  /** Units whose communes can be entered (provinces, districts), for the parent picker. */
  parents: { code: string; name: string; level: UnitLevel }[];
  indicators: { code: string; name: string }[];
  rows: GridRow[];
  /** The parent's own figures, for the "child above parent" check. */
  parentValues: Record<string, number | null>;
  jumpThreshold: number;
}

export type GridIssueKind = 'negative' | 'childAboveParent' | 'jump' | 'partAboveTotal' | 'notWhole' | 'absurd' | 'abovePopulation';

export interface GridIssue {
  unitCode: string;
  indicatorCode: string;
  kind: GridIssueKind;
  message: string;
  /** Blocking issues stop the save; others are accepted with a note. */
  blocking: boolean;
}

export interface GridSaveOutcome {
  saved: number;
  cleared: number;
  issues: GridIssue[];
  /** False when blocking issues, or flagged values without a note, stopped the save. */
  committed: boolean;
}

export interface BreakdownProposal {
  parentCode: string;
  indicatorCode: string;
  year: number;
  method: 'lastYear' | 'population' | 'labour' | 'manual';
  parentTarget: number | null;
  rows: {
    code: string;
    name: string;
    basis: number | null;
    value: number;
    /** The unit's own target of that year from the same authority, which committing overwrites (revision 0 = the original plan). */
    existing: { value: number; revision: number } | null;
  }[];
  sum: number;
  /** parentTarget − sum; non-zero means the children do not add up. */
  difference: number | null;
  committed: boolean;
}
