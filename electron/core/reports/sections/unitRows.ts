import type { Comparison, ReportSort } from '../../../../shared/contract';
import type { IndicatorDef } from '../../../../shared/domain/indicators';
import { viCollator } from '../../../../shared/format/vi';
import { cleanName } from '../scope';
import type { SectionContext } from './types';

export interface UnitComparison extends Comparison {
  displayName: string;
}

/** The scope's rows for one indicator, compared and ordered as the user chose. */
export function unitComparisons(sc: SectionContext, def: IndicatorDef, sort: ReportSort = sc.def.sort): UnitComparison[] {
  const rows = sc.scope.rows.map((id) => {
    const c = sc.figures.compare(def, id);
    return { ...c, displayName: cleanName(c.name) };
  });
  const byName = (a: UnitComparison, b: UnitComparison) => viCollator.compare(a.displayName, b.displayName);
  // Units without a figure always go last: "no data" is neither best nor worst.
  const byNumber = (pick: (c: UnitComparison) => number | null, dir: 1 | -1) => (a: UnitComparison, b: UnitComparison) => {
    const x = pick(a);
    const y = pick(b);
    if (x === null || y === null) return x === y ? byName(a, b) : x === null ? 1 : -1;
    return (x - y) * dir || byName(a, b);
  };
  const order: Record<ReportSort, (a: UnitComparison, b: UnitComparison) => number> = {
    'progress-desc': byNumber((c) => c.planProgress, -1),
    'progress-asc': byNumber((c) => c.planProgress, 1),
    'actual-desc': byNumber((c) => c.actual, -1),
    name: byName,
    code: (a, b) => a.code.localeCompare(b.code, 'en', { numeric: true }),
  };
  return rows.sort(order[sort]);
}
