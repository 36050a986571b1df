import type { ReportBlock, ReportRow, ReportSort } from '../../../../shared/contract';
import { formatCount } from '../../../../shared/format/vi';
import { unitComparisons, type UnitComparison } from './unitRows';
import { noChildrenText, revisedPlansNote } from './wording';
import type { SectionDef } from './types';
import { planCells } from './plan';

const SORT_NOTES: Record<ReportSort, string> = {
  'progress-desc': 'xếp theo % kế hoạch từ cao đến thấp',
  'progress-asc': 'xếp theo % kế hoạch từ thấp đến cao',
  'actual-desc': 'xếp theo số thực hiện từ cao đến thấp',
  name: 'xếp theo tên đơn vị',
  code: 'xếp theo mã đơn vị',
};

export const unitTableSection: SectionDef = {
  info: { id: 'unitTable', title: 'Kết quả theo đơn vị', description: 'Bảng từng đơn vị (xã, phường hoặc BHXH cơ sở): kế hoạch, thực hiện, % kế hoạch, so với cùng kỳ và cuối năm trước, còn phải thực hiện; có dòng tổng cộng. In trang ngang.', defaultOn: true, editable: false },
  build(sc) {
    if (sc.scope.rows.length === 0) return { title: 'KẾT QUẢ THEO ĐƠN VỊ', orientation: 'portrait', blocks: [{ kind: 'paragraph', text: noChildrenText(sc.scope.name) }] };
    const blocks: ReportBlock[] = [];
    sc.indicators.forEach((def, i) => {
      const units = unitComparisons(sc, def);
      const total = sc.figures.compare(def, sc.scope.focus);
      const cells = (c: UnitComparison | typeof total, name: string, index: number | string) => ({
        index,
        name,
        ...planCells(c, sc.monthIndex),
        sameLastYear: c.sameLastYear,
        endLastYear: c.endLastYear,
      });
      const rows: ReportRow[] = units.map((c, k) => ({ cells: cells(c, c.displayName, k + 1) }));
      rows.push({ cells: cells(total, 'Tổng cộng', ''), emphasis: 'total' });
      const notes = [`Đơn vị tính: người; ${SORT_NOTES[sc.def.sort]}.`];
      const revised = revisedPlansNote([...units, { ...total, displayName: 'Tổng cộng' }]);
      if (revised) notes.push(revised);
      const missing = units.filter((u) => u.actual === null).map((u) => u.displayName);
      if (missing.length > 0) notes.push(`Chưa có số liệu: ${missing.join(', ')}; dòng tổng cộng chỉ cộng các đơn vị đã báo cáo.`);
      if (total.missingUnits > 0 && missing.length === 0) notes.push(`Tổng cộng thiếu số liệu của ${formatCount(total.missingUnits)} đơn vị cấp dưới.`);
      if (sc.scope.unassigned.length > 0) notes.push(`Chưa thuộc BHXH cơ sở nào (có trong dòng tổng cộng): ${sc.scope.unassigned.join(', ')}.`);
      blocks.push({
        kind: 'table',
        caption: `Biểu ${i + 1}: ${def.name} — ${sc.scope.name}`,
        columns: [
          { key: 'index', label: 'STT', format: 'text', width: 5 },
          { key: 'name', label: sc.scope.rowLabel, format: 'text', width: 22 },
          { key: 'target', label: 'Kế hoạch năm', format: 'count', width: 10 },
          { key: 'actual', label: 'Thực hiện', format: 'count', width: 10 },
          { key: 'progress', label: '% kế hoạch', format: 'percent', width: 8 },
          { key: 'sameLastYear', label: 'Số người', group: 'Cùng kỳ năm trước', format: 'count', width: 10 },
          { key: 'deltaSame', label: 'Tăng, giảm', group: 'Cùng kỳ năm trước', format: 'signedCount', width: 9 },
          { key: 'endLastYear', label: 'Số người', group: sc.endLastYearLabel, format: 'count', width: 10 },
          { key: 'deltaEnd', label: 'Tăng, giảm', group: sc.endLastYearLabel, format: 'signedCount', width: 9 },
          { key: 'remaining', label: 'Còn phải thực hiện', format: 'count', width: 10 },
          { key: 'pace', label: 'Bình quân/tháng', format: 'count', width: 9 },
        ],
        rows,
        notes,
      });
    });
    return { title: 'KẾT QUẢ THEO ĐƠN VỊ', orientation: 'landscape', blocks };
  },
};
