import type { ReportBlock, ReportRow } from '../../../../shared/contract';
import { indicatorByCode } from '../../../../shared/domain/indicators';
import { formatCount, formatPercent } from '../../../../shared/format/vi';
import { cleanName } from '../scope';
import { bySources, sourcePhrase } from './wording';
import type { SectionContext, SectionDef } from './types';

const RATES = [
  { code: 'COV_BHYT', label: 'BHYT', of: 'dân số' },
  { code: 'COV_BHXH', label: 'BHXH', of: 'lực lượng lao động trong độ tuổi' },
  { code: 'COV_BHTN', label: 'BHTN', of: 'lực lượng lao động trong độ tuổi' },
  { code: 'SHARE_BHXH_TN', label: 'BHXH tự nguyện', of: 'lực lượng lao động trong độ tuổi' },
] as const;

function rateOf(sc: SectionContext, code: string, id: number): number | null {
  return sc.figures.rate(indicatorByCode(code)!, sc.month, id).rate;
}

/** "Tỷ lệ bao phủ BHYT đạt 92,50% dân số, bằng 99,27% mục tiêu Chính phủ giao (93,18%), còn thiếu 1.234 người". */
function sentence(sc: SectionContext, rate: (typeof RATES)[number]): string | null {
  const def = indicatorByCode(rate.code)!;
  const now = sc.figures.compare(def, sc.scope.focus);
  if (now.actual === null) return null;
  let text = `tỷ lệ bao phủ ${rate.label} đạt ${formatPercent(now.actual)} ${rate.of}`;
  const targets = bySources(sc.figures, def, sc.scope.focus);
  for (const t of targets) {
    const goal = t.plan!;
    const gap = now.actual - goal;
    text += `, ${gap >= 0 ? 'cao hơn' : 'thấp hơn'} mục tiêu ${sourcePhrase(t.targetSource!)} (${formatPercent(goal)}) ${formatPercent(Math.abs(gap)).replace('%', '')} điểm phần trăm`;
    if (gap < 0 && t.remaining) text += ` (cần thêm ${formatCount(t.remaining)} người)`;
  }
  if (now.deltaSameLastYear !== null) text += `; so với cùng kỳ ${now.deltaSameLastYear >= 0 ? 'tăng' : 'giảm'} ${formatPercent(Math.abs(now.deltaSameLastYear)).replace('%', '')} điểm phần trăm`;
  return text;
}

export const coverageSection: SectionDef = {
  info: { id: 'coverage', title: 'Tỷ lệ bao phủ', description: 'Tỷ lệ bao phủ BHYT (trên dân số), BHXH, BHTN, BHXH tự nguyện (trên lực lượng lao động) so với mục tiêu, theo đơn vị.', defaultOn: true, editable: false },
  build(sc) {
    const sentences = RATES.map((r) => sentence(sc, r)).filter((s): s is string => s !== null);
    const text = sentences.length > 0 ? `${sc.scope.name}: ${sentences.join('; ')}.` : 'Chưa đủ số liệu dân số, lực lượng lao động để tính tỷ lệ bao phủ.';
    const row = (id: number, name: string, emphasis?: 'total'): ReportRow => ({
      cells: { name, bhyt: rateOf(sc, 'COV_BHYT', id), bhxh: rateOf(sc, 'COV_BHXH', id), bhtn: rateOf(sc, 'COV_BHTN', id), voluntary: rateOf(sc, 'SHARE_BHXH_TN', id) },
      emphasis,
    });
    const rows = sc.scope.rows.map((id) => row(id, cleanName(sc.figures.node(id).name)));
    rows.push(row(sc.scope.focus, 'Tổng cộng', 'total'));
    const summary: ReportBlock = { kind: 'paragraph', text: text.charAt(0).toLocaleUpperCase('vi') + text.slice(1) };
    if (sc.scope.rows.length === 0) return { title: 'TỶ LỆ BAO PHỦ BHXH, BHYT, BHTN', orientation: 'portrait', blocks: [summary] };
    return {
      title: 'TỶ LỆ BAO PHỦ BHXH, BHYT, BHTN',
      orientation: 'portrait',
      blocks: [
        summary,
        {
          kind: 'table',
          // "theo xã, phường" but "theo BHXH cơ sở": an abbreviation keeps its capitals.
          caption: `Tỷ lệ bao phủ theo ${/^\p{Lu}{2,}/u.test(sc.scope.rowLabel) ? sc.scope.rowLabel : sc.scope.rowLabel.toLocaleLowerCase('vi')}`,
          columns: [
            { key: 'name', label: sc.scope.rowLabel, format: 'text', width: 30 },
            { key: 'bhyt', label: 'BHYT (/dân số)', group: 'Tỷ lệ bao phủ', format: 'percent', width: 13 },
            { key: 'bhxh', label: 'BHXH (/LLLĐ)', group: 'Tỷ lệ bao phủ', format: 'percent', width: 13 },
            { key: 'bhtn', label: 'BHTN (/LLLĐ)', group: 'Tỷ lệ bao phủ', format: 'percent', width: 13 },
            { key: 'voluntary', label: 'BHXH tự nguyện (/LLLĐ)', group: 'Tỷ lệ bao phủ', format: 'percent', width: 13 },
          ],
          rows,
          notes: ['Tỷ lệ tính từ tổng số người tham gia và tổng dân số/lực lượng lao động (LLLĐ) của đơn vị, không lấy bình quân các tỷ lệ.'],
        },
      ],
    };
  },
};
