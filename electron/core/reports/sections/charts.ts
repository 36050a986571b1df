import type { ReportBlock } from '../../../../shared/contract';
import { ym } from '../../../../shared/domain/periods';
import { unitComparisons } from './unitRows';
import { noChildrenText } from './wording';
import type { SectionDef } from './types';

export const progressChartSection: SectionDef = {
  info: { id: 'progressChart', title: 'Biểu đồ tiến độ theo đơn vị', description: '% kế hoạch năm của từng đơn vị, có vạch 100%.', defaultOn: true, editable: false },
  build(sc) {
    if (sc.scope.rows.length === 0) return { title: 'BIỂU ĐỒ TIẾN ĐỘ THEO ĐƠN VỊ', orientation: 'portrait', blocks: [{ kind: 'paragraph', text: noChildrenText(sc.scope.name) }] };
    const blocks: ReportBlock[] = sc.indicators.slice(0, 2).map((def) => {
      const units = unitComparisons(sc, def);
      return {
        kind: 'chart',
        chart: 'progressBars',
        title: `${def.shortName}: % kế hoạch năm theo đơn vị`,
        labels: units.map((u) => u.displayName),
        series: [{ label: '% kế hoạch', values: units.map((u) => u.planProgress), style: 'bar' }],
        valueFormat: 'percent',
        referenceLine: { value: 1, label: 'Kế hoạch (100%)' },
      };
    });
    return { title: 'BIỂU ĐỒ TIẾN ĐỘ THEO ĐƠN VỊ', orientation: 'portrait', blocks };
  },
};

export const trendChartSection: SectionDef = {
  info: { id: 'trendChart', title: 'Diễn biến theo tháng', description: 'Số người tham gia từng tháng từ đầu năm so với lộ trình đạt kế hoạch (từ số 31/12 năm trước đến kế hoạch năm).', defaultOn: true, editable: false },
  build(sc) {
    const blocks: ReportBlock[] = sc.indicators.slice(0, 2).map((def) => {
      const total = sc.figures.compare(def, sc.scope.focus);
      const start = total.endLastYear;
      const goal = total.plan;
      const labels: string[] = [];
      const actual: (number | null)[] = [];
      const path: (number | null)[] = [];
      for (let m = 1; m <= 12; m++) {
        labels.push(`T${m}`);
        actual.push(m <= sc.monthIndex ? sc.figures.count(def.code, ym(sc.year, m), sc.scope.focus).value : null);
        path.push(start !== null && goal !== null ? Math.round(start + ((goal - start) * m) / 12) : null);
      }
      return {
        kind: 'chart',
        chart: 'trend',
        title: `${def.shortName}: số người tham gia năm ${sc.year} so với lộ trình kế hoạch`,
        labels,
        series: [
          { label: 'Thực hiện', values: actual, style: 'line' },
          { label: 'Lộ trình đạt kế hoạch', values: path, style: 'dashed' },
        ],
        valueFormat: 'count',
        referenceLine: null,
      };
    });
    return { title: 'DIỄN BIẾN THEO THÁNG', orientation: 'portrait', blocks };
  },
};
