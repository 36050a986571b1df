import type { IndicatorDef } from '../../../../shared/domain/indicators';
import { INDICATORS } from '../../../../shared/domain/indicators';
import type { BreakdownProposal, Target, TargetSource } from '../../../../shared/contract/resultsTypes';
import { TARGET_SOURCE_LABELS } from '../../../../shared/contract/resultsTypes';
import { formatCount, formatPercent } from '../../../../shared/format/vi';

export const SOURCE_OPTIONS = (Object.keys(TARGET_SOURCE_LABELS) as TargetSource[]).map((s) => ({ value: s, label: TARGET_SOURCE_LABELS[s] }));

export const SOURCE_COLORS: Record<TargetSource, string> = {
  GOV: 'magenta',
  BHXH_VN: 'blue',
  UBND_TINH: 'purple',
  BHXH_TINH: 'cyan',
  INTERNAL: 'default',
};

export const METHOD_LABELS: Record<BreakdownProposal['method'], string> = {
  lastYear: 'Theo kết quả năm trước',
  population: 'Theo dân số',
  labour: 'Theo lực lượng lao động',
  manual: 'Nhập tay',
};

export const METHOD_BASIS: Record<BreakdownProposal['method'], string> = {
  lastYear: 'Kết quả cuối năm trước',
  population: 'Dân số',
  labour: 'Lực lượng lao động',
  manual: 'Cơ sở tham khảo',
};

/** Indicators a target can be given for: counts of participants and coverage rates (not the denominators). */
export function targetIndicators(defs: readonly IndicatorDef[]): IndicatorDef[] {
  const list = defs.length > 0 ? defs : INDICATORS;
  return list.filter((d) => d.kind === 'rate' || (d.kind === 'count' && d.denominator !== null));
}

/** Indicators that can be split among units by summing: counts only. */
export function breakdownIndicators(defs: readonly IndicatorDef[]): IndicatorDef[] {
  return targetIndicators(defs).filter((d) => d.kind === 'count');
}

export function formatTargetValue(t: Pick<Target, 'value' | 'isRate'>): string {
  return t.isRate ? formatPercent(t.value) : formatCount(t.value);
}

export function periodText(period: string): string {
  if (!period) return 'Cả năm';
  const q = /^Q([1-4])$/.exec(period);
  if (q) return `Quý ${['I', 'II', 'III', 'IV'][Number(q[1]) - 1]}`;
  const m = /^M(\d{2})$/.exec(period);
  return m ? `Tháng ${m[1]}` : period;
}
