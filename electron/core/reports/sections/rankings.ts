import type { ReportBlock, ReportRow } from '../../../../shared/contract';
import { formatPercent } from '../../../../shared/format/vi';
import { unitComparisons, type UnitComparison } from './unitRows';
import { noChildrenText } from './wording';
import type { SectionDef } from './types';
import { planOf, progressOf } from './plan';

const SIZE = 5;

export const rankingsSection: SectionDef = {
  info: { id: 'rankings', title: 'Đơn vị dẫn đầu và đơn vị chậm', description: 'Năm đơn vị có % kế hoạch cao nhất và năm đơn vị thấp nhất của chỉ tiêu đầu tiên đã chọn.', defaultOn: true, editable: false },
  build(sc) {
    if (sc.scope.rows.length === 0) return { title: 'ĐƠN VỊ DẪN ĐẦU VÀ ĐƠN VỊ CHẬM', orientation: 'portrait', blocks: [{ kind: 'paragraph', text: noChildrenText(sc.scope.name) }] };
    const def = sc.indicators[0]!;
    const ranked = unitComparisons(sc, def, 'progress-desc').filter((c) => progressOf(c) !== null);
    const blocks: ReportBlock[] = [];
    if (ranked.length === 0) {
      blocks.push({ kind: 'paragraph', text: `Chưa xếp hạng được: các đơn vị chưa có kế hoạch hoặc số liệu ${def.shortName}.` });
      return { title: 'ĐƠN VỊ DẪN ĐẦU VÀ ĐƠN VỊ CHẬM', orientation: 'portrait', blocks };
    }
    const size = Math.min(SIZE, Math.ceil(ranked.length / 2));
    const best = ranked.slice(0, size);
    const worst = ranked.slice(-size).reverse();
    const list = (items: UnitComparison[]) => items.map((c) => `${c.displayName} (${formatPercent(progressOf(c))})`).join(', ');
    blocks.push({ kind: 'paragraph', text: `- ${def.shortName}: các đơn vị đạt tỷ lệ cao là ${list(best)}; các đơn vị đạt thấp, cần tập trung chỉ đạo là ${list(worst)}.` });
    const table = (caption: string, items: UnitComparison[]): ReportBlock => ({
      kind: 'table',
      caption,
      columns: [
        { key: 'rank', label: 'Hạng', format: 'text', width: 6 },
        { key: 'name', label: sc.scope.rowLabel, format: 'text', width: 30 },
        { key: 'target', label: 'Kế hoạch', format: 'count', width: 12 },
        { key: 'actual', label: 'Thực hiện', format: 'count', width: 12 },
        { key: 'progress', label: '% kế hoạch', format: 'percent', width: 11 },
        { key: 'remaining', label: 'Còn phải thực hiện', format: 'count', width: 12 },
      ],
      rows: items.map((c): ReportRow => ({ cells: { rank: String(ranked.indexOf(c) + 1), name: c.displayName, target: planOf(c), actual: c.actual, progress: progressOf(c), remaining: c.remaining } })),
      notes: [],
    });
    blocks.push(table(`${size} đơn vị dẫn đầu — ${def.shortName}`, best));
    blocks.push(table(`${size} đơn vị đạt thấp nhất — ${def.shortName}`, worst));
    return { title: 'ĐƠN VỊ DẪN ĐẦU VÀ ĐƠN VỊ CHẬM', orientation: 'portrait', blocks };
  },
};
