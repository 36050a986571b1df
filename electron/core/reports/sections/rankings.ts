import type { ReportBlock, ReportRow } from '../../../../shared/contract';
import { laggardsEmptyText, laggardsShortNote, leadersEmptyText, leadersShortNote, rankUnits, unrankedNote } from '../../../../shared/calc/rankings';
import { formatPercent } from '../../../../shared/format/vi';
import { unitComparisons, type UnitComparison } from './unitRows';
import { noChildrenText, revisedPlansNote } from './wording';
import type { SectionDef } from './types';

const TITLE = 'ĐƠN VỊ DẪN ĐẦU VÀ ĐƠN VỊ CHẬM';

export const rankingsSection: SectionDef = {
  info: { id: 'rankings', title: 'Đơn vị dẫn đầu và đơn vị chậm', description: 'Tối đa năm đơn vị đạt từ 80% kế hoạch cao nhất và năm đơn vị dưới 80% thấp nhất của chỉ tiêu đầu tiên đã chọn (theo kế hoạch điều chỉnh nếu có).', defaultOn: true, editable: false },
  build(sc) {
    if (sc.scope.rows.length === 0) return { title: TITLE, orientation: 'portrait', blocks: [{ kind: 'paragraph', text: noChildrenText(sc.scope.name) }] };
    const def = sc.indicators[0]!;
    // The same rule as the dashboard's lists (shared/calc/rankings.ts).
    const { leaders, laggards, ordered, counts } = rankUnits(unitComparisons(sc, def, 'progress-desc'), (c) => c.planProgress, (c) => c.displayName);
    if (counts.ranked === 0) return { title: TITLE, orientation: 'portrait', blocks: [{ kind: 'paragraph', text: `${leadersEmptyText(counts)} ${def.shortName}.` }] };
    const list = (items: UnitComparison[]) => items.map((c) => `${c.displayName} (${formatPercent(c.planProgress)})`).join(', ');
    const lead = leaders.length > 0 ? `các đơn vị đạt tỷ lệ cao là ${list(leaders)}` : leadersEmptyText(counts).toLocaleLowerCase('vi');
    const lag = laggards.length > 0 ? `các đơn vị đạt thấp, cần tập trung chỉ đạo là ${list(laggards)}` : laggardsEmptyText(counts).toLocaleLowerCase('vi');
    const blocks: ReportBlock[] = [{ kind: 'paragraph', text: `- ${def.shortName}: ${lead}; ${lag}.` }];
    const table = (caption: string, items: UnitComparison[], note: string | null): ReportBlock => ({
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
      rows: items.map((c): ReportRow => ({ cells: { rank: String(ordered.indexOf(c) + 1), name: c.displayName, target: c.plan, actual: c.actual, progress: c.planProgress, remaining: c.remaining } })),
      notes: [note, revisedPlansNote(items)].filter((n): n is string => n !== null),
    });
    if (leaders.length > 0) blocks.push(table(`${leaders.length} đơn vị dẫn đầu — ${def.shortName}`, leaders, leadersShortNote(counts)));
    if (laggards.length > 0) blocks.push(table(`${laggards.length} đơn vị đạt thấp nhất — ${def.shortName}`, laggards, laggardsShortNote(counts)));
    const left = unrankedNote(counts);
    if (left) blocks.push({ kind: 'paragraph', text: left });
    return { title: TITLE, orientation: 'portrait', blocks };
  },
};
