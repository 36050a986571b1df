import type { Comparison, ReportBlock, ReportRow } from '../../../../shared/contract';
import { indicatorByCode, type IndicatorDef } from '../../../../shared/domain/indicators';
import { TARGET_SOURCE_LABELS } from '../../../../shared/contract';
import { formatCount, formatPercent } from '../../../../shared/format/vi';
import { bySources, changeWords, remainingWords, sourcePhrase } from './wording';
import type { SectionContext, SectionDef } from './types';
import { planCells } from './plan';
import { isPlanRevised } from '../../../../shared/calc/plan';

/** The schemes a headline covers, in the order reports list them. */
const HEADLINE_CODES = ['BHXH_BB', 'BHXH_TN', 'BHTN', 'BHYT', 'BHYT_HGD'];

/** One comparison per source that set a target; the province's own when none did. */
function comparisonsBySource(sc: SectionContext, def: IndicatorDef): Comparison[] {
  const list = bySources(sc.figures, def, sc.scope.focus);
  return list.length > 0 ? list : [sc.figures.compare(def, sc.scope.focus)];
}

function paragraph(sc: SectionContext, def: IndicatorDef, list: Comparison[]): string {
  const first = list[0]!;
  const parts: string[] = [`${def.shortName}: ${formatCount(first.actual)} người`];
  const against = list.filter((c) => c.planProgress !== null).map((c) => `${formatPercent(c.planProgress)} kế hoạch ${isPlanRevised(c) ? 'điều chỉnh ' : ''}${sourcePhrase(c.targetSource!)} (${formatCount(c.plan)} người${isPlanRevised(c) ? `; kế hoạch ban đầu ${formatCount(c.target)} người` : ''})`);
  if (against.length > 0) parts.push(`đạt ${against.join(', ')}`);
  const same = changeWords(first.deltaSameLastYear, first.deltaSameLastYearRatio);
  if (same) parts.push(`${same} so với cùng kỳ năm ${sc.year - 1}`);
  const end = changeWords(first.deltaEndLastYear, null);
  if (end) parts.push(`${end} so với ngày ${sc.endLastYearLabel}`);
  const rest = remainingWords(list.find((c) => c.target !== null) ?? first, sc.monthIndex);
  if (rest) parts.push(rest);
  const missing = first.missingUnits > 0 ? ` (còn ${formatCount(first.missingUnits)} đơn vị chưa báo cáo số liệu)` : '';
  return `- ${parts.join('; ')}${missing}.`;
}

export const headlineSection: SectionDef = {
  info: { id: 'headline', title: 'Kết quả thực hiện các chỉ tiêu', description: 'Số người tham gia từng loại hình so với kế hoạch Chính phủ, BHXH Việt Nam, UBND tỉnh giao; so với cùng kỳ và cuối năm trước; số còn phải thực hiện.', defaultOn: true, editable: false },
  build(sc) {
    const blocks: ReportBlock[] = [];
    const rows: ReportRow[] = [];
    for (const code of HEADLINE_CODES) {
      const def = indicatorByCode(code)!;
      const list = comparisonsBySource(sc, def);
      if (list.every((c) => c.actual === null && c.target === null)) continue;
      blocks.push({ kind: 'paragraph', text: paragraph(sc, def, list) });
      list.forEach((c, i) => {
        rows.push({
          cells: {
            indicator: i === 0 ? def.shortName : '',
            source: c.targetSource ? TARGET_SOURCE_LABELS[c.targetSource] + (isPlanRevised(c) ? ' (điều chỉnh)' : '') : '—',
            ...planCells(c, sc.monthIndex),
          },
        });
      });
    }
    if (rows.length === 0) blocks.push({ kind: 'paragraph', text: `Chưa có số liệu tháng ${sc.month.slice(5)}/${sc.year} cho ${sc.scope.name}.` });
    else {
      blocks.unshift({ kind: 'paragraph', text: `Đến ngày ${sc.cutoffLabel}, kết quả phát triển người tham gia của ${sc.scope.name} như sau:` });
      blocks.push({
        kind: 'table',
        caption: 'Kết quả so với kế hoạch được giao',
        columns: [
          { key: 'indicator', label: 'Chỉ tiêu', format: 'text', width: 14 },
          { key: 'source', label: 'Kế hoạch của', format: 'text', width: 13 },
          { key: 'target', label: 'Kế hoạch (người)', format: 'count', width: 11 },
          { key: 'actual', label: 'Thực hiện (người)', format: 'count', width: 11 },
          { key: 'progress', label: '% kế hoạch', format: 'percent', width: 10 },
          { key: 'deltaSame', label: 'Cùng kỳ', group: 'Tăng, giảm so với', format: 'signedCount', width: 10 },
          { key: 'deltaEnd', label: sc.endLastYearLabel, group: 'Tăng, giảm so với', format: 'signedCount', width: 12 },
          { key: 'remaining', label: 'Còn phải thực hiện', format: 'count', width: 11 },
          { key: 'pace', label: 'Bình quân/tháng', format: 'count', width: 11 },
        ],
        rows,
        notes: ['Kế hoạch điều chỉnh (nếu có) thay cho kế hoạch ban đầu khi tính % kế hoạch và số còn phải thực hiện.'],
      });
    }
    return { title: 'KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU', orientation: 'portrait', blocks };
  },
};
