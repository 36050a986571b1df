import { TARGET_SOURCE_LABELS, type Comparison, type TargetSource } from '../../../../shared/contract';
import { isPlanRevised } from '../../../../shared/calc/plan';
import type { IndicatorDef } from '../../../../shared/domain/indicators';
import { formatCount, formatPercent } from '../../../../shared/format/vi';
import type { Figures } from '../../results/compare';

/** Target sources a steering committee compares against, in the order reports state them. */
export const REPORT_SOURCES: TargetSource[] = ['GOV', 'BHXH_VN', 'UBND_TINH'];

/**
 * Comparisons against every authority that set a target for the node; an office or commune
 * usually has only the province's own breakdown (BHXH tỉnh), used when no authority did.
 */
export function bySources(figures: Figures, def: IndicatorDef, id: number): Comparison[] {
  const external = REPORT_SOURCES.map((s) => figures.compare(def, id, s)).filter((c) => c.target !== null);
  if (external.length > 0) return external;
  const own = figures.compare(def, id, 'BHXH_TINH');
  return own.target !== null ? [own] : [];
}

/** "Chính phủ giao", "BHXH Việt Nam giao" … as the reports word it. */
export function sourcePhrase(source: TargetSource): string {
  return `${TARGET_SOURCE_LABELS[source]} giao`;
}

/** "tăng 1.234 người (+11,06%)", "giảm 56 người (−1,20%)", "không đổi". */
export function changeWords(delta: number | null, ratio: number | null, unit = 'người'): string | null {
  if (delta === null) return null;
  if (delta === 0) return 'không đổi';
  const pct = ratio === null ? '' : ` (${ratio > 0 ? '+' : '−'}${formatPercent(Math.abs(ratio))})`;
  return `${delta > 0 ? 'tăng' : 'giảm'} ${formatCount(Math.abs(delta))} ${unit}${pct}`;
}

/** "còn phải phát triển 2.135 người, bình quân 712 người/tháng" or "đã vượt kế hoạch 120 người". */
export function remainingWords(c: Pick<Comparison, 'actual' | 'plan' | 'remaining' | 'monthlyPace'>, monthIndex: number): string | null {
  const goal = c.plan;
  if (c.actual === null || goal === null) return null;
  if (c.actual >= goal) return c.actual === goal ? 'đã hoàn thành kế hoạch' : `đã vượt kế hoạch ${formatCount(c.actual - goal)} người`;
  const pace = monthIndex < 12 && c.monthlyPace !== null ? `, bình quân ${formatCount(Math.ceil(c.monthlyPace))} người/tháng` : '';
  return `còn phải phát triển ${formatCount(c.remaining)} người${pace}`;
}

/**
 * Under a table whose "Kế hoạch" column shows the plan in force: which units' plans were
 * revised and what the original was, so the original stays visible (null when none was).
 */
export function revisedPlansNote(rows: (Pick<Comparison, 'target' | 'revisedTarget'> & { displayName: string })[]): string | null {
  const revised = rows.filter(isPlanRevised);
  if (revised.length === 0) return null;
  return `Kế hoạch điều chỉnh thay cho kế hoạch ban đầu: ${revised.map((r) => `${r.displayName} (ban đầu ${formatCount(r.target)} người)`).join(', ')}.`;
}

/** What the parts by unit say when the scope is a single commune. */
export function noChildrenText(scopeName: string): string {
  return `${scopeName} không có đơn vị cấp dưới; số liệu của đơn vị đã nêu ở các phần trên.`;
}
