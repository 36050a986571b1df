/**
 * Emulation (thi đua) and awards (khen thưởng) as the renderer, the CLI and exports see them.
 * Values stay raw (ratios, counts); points are already rounded (shared/calc/emulation.ts).
 */
import type { AwardKind, EmulationLevel, EmulationMeasure, MeasureKind } from '../domain/emulation';

export interface Criterion {
  position: number;
  measure: EmulationMeasure;
  label: string;
  shortLabel: string;
  kind: MeasureKind;
  /** Points at the benchmark. */
  weight: number;
  /** A ratio for percent and growth measures, a count per quarter for counts. */
  benchmark: number;
  /** Most that value ÷ benchmark counts for. */
  cap: number;
}

export interface CriteriaSet {
  id: number;
  name: string;
  level: EmulationLevel;
  /** First day (ISO) the set applies to: a period uses the set in force on its last day. */
  validFrom: string;
  validTo: string | null;
  decisionNo: string | null;
  note: string | null;
  createdBy: string;
  createdAt: string;
  criteria: Criterion[];
  /** Sum of weight × cap: the most points the set gives. */
  maxPoints: number;
  /** The set in force today. */
  current: boolean;
}

export interface EmulationPart {
  measure: EmulationMeasure;
  label: string;
  /** Ratio (percent, growth) or count; null when it cannot be worked out (no plan, no figure last year). */
  value: number | null;
  points: number;
  weight: number;
}

export interface EmulationRow {
  rank: number;
  code: string;
  name: string;
  /** The office of an agent, the agent of a staff member. */
  parentName: string | null;
  score: number;
  parts: EmulationPart[];
}

export interface EmulationRanking {
  /** YYYY or YYYY-Qn. */
  period: string;
  periodLabel: string;
  level: EmulationLevel;
  /** First and last day of the period (ISO). */
  from: string;
  to: string;
  /** Last month whose figures count (YYYY-MM): the period's last month, or the current one while it runs. */
  throughMonth: string;
  officeCode: string | null;
  officeName: string | null;
  criteriaSet: { id: number; name: string; validFrom: string; validTo: string | null; decisionNo: string | null };
  criteria: Criterion[];
  maxPoints: number;
  /** One page of the ranking, best first. */
  rows: EmulationRow[];
  total: number;
  offset: number;
  limit: number;
  /** Why some rows score less than they seem to ("3 đơn vị chưa có kế hoạch …"). */
  notes: string[];
  isDemo: boolean;
}

export interface Award {
  id: number;
  recipientLevel: EmulationLevel;
  recipientCode: string | null;
  recipientName: string;
  kind: AwardKind;
  title: string;
  decisionNo: string;
  decisionDate: string;
  /** Whole đồng. */
  amount: number;
  /** YYYY or YYYY-Qn the award is for, when it rewards a period. */
  period: string | null;
  note: string | null;
  isDemo: boolean;
  updatedAt: string;
}
