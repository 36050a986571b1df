import type { ReportColumn, ReportDocument, ReportRow } from '../../../shared/contract';
import { benchmarkFor } from '../../../shared/calc/emulation';
import { EMULATION_LEVEL_PLURAL, type MeasureKind } from '../../../shared/domain/emulation';
import { formatCount, formatDate, formatDecimal, formatPercent } from '../../../shared/format/vi';
import { localToday, type CoreContext } from '../app/context';
import { officialDocument } from '../reports/officialDocument';
import { scoreEmulation, type ScoreRequest } from './scoring';

const maxText = (x: number) => formatDecimal(x).replace(/,?0+$/, '');
const VALUE_FORMAT: Record<MeasureKind, ReportColumn['format']> = { percent: 'percent', growth: 'percent', count: 'count' };

const signed = (kind: MeasureKind, v: number | null) => (kind === 'growth' && v !== null ? `${v > 0 ? '+' : ''}${formatPercent(v)}` : v);

/** "đạt 100% được đủ điểm, tối đa 120%": a criterion's rule in words, printed under the table. */
function ruleText(c: { kind: MeasureKind; benchmark: number; cap: number }, period: 'quarter' | 'year'): string {
  const bench = benchmarkFor({ measure: c.kind === 'count' ? 'CAMPAIGNS_HELD' : 'TN_TARGET_PCT', weight: 1, benchmark: c.benchmark, cap: c.cap }, period);
  const at = c.kind === 'count' ? `${formatCount(bench)} buổi` : c.kind === 'growth' ? `tăng ${formatPercent(bench, 0)}` : formatPercent(bench, 0);
  const cap = c.cap > 1 ? `, tính tối đa ${formatPercent(c.cap, 0)} mức chuẩn` : '';
  return `đạt ${at} được đủ điểm${cap}`;
}

/**
 * The ranking as a document in the Decree 30 layout: issuing body and motto, place and date,
 * "BẢNG XẾP HẠNG THI ĐUA", the table (each criterion's result and points, the total), how each
 * criterion is scored, "Nơi nhận" and the signature of the emulation council. The renderer's
 * print page draws it on landscape A4 with the reports' print styles.
 */
export async function emulationDocument(ctx: CoreContext, req: ScoreRequest): Promise<ReportDocument> {
  const r = await scoreEmulation(ctx, { ...req, offset: 0, limit: undefined });
  const today = localToday(ctx.now());
  const levelName = r.level === 'staff' ? 'Họ và tên' : r.level === 'agent' ? 'Tổ chức dịch vụ thu' : 'Đơn vị';
  const columns: ReportColumn[] = [
    { key: 'rank', label: 'Hạng', format: 'count', width: 4 },
    { key: 'name', label: levelName, format: 'text', width: r.level === 'unit' ? 16 : 14 },
    ...(r.level === 'unit' ? [] : [{ key: 'parent', label: r.level === 'staff' ? 'Tổ chức dịch vụ thu' : 'BHXH cơ sở', format: 'text' as const, width: 12 }]),
    ...r.criteria.flatMap((c): ReportColumn[] => [
      { key: `v${c.position}`, label: 'Kết quả', group: `${c.shortLabel} (tối đa ${maxText(c.weight * c.cap)} điểm)`, format: VALUE_FORMAT[c.kind], width: 6 },
      { key: `p${c.position}`, label: 'Điểm', group: `${c.shortLabel} (tối đa ${maxText(c.weight * c.cap)} điểm)`, format: 'decimal', width: 5 },
    ]),
    { key: 'score', label: 'Tổng điểm', format: 'decimal', width: 6 },
  ];
  const rows: ReportRow[] = r.rows.map((row) => ({
    cells: {
      rank: row.rank, name: row.name, parent: row.parentName ?? '', score: row.score,
      // Growth keeps its sign (+12,40%); the cell is then text in a figure column, aligned as one.
      ...Object.fromEntries(row.parts.flatMap((p, i) => [[`v${r.criteria[i]!.position}`, signed(r.criteria[i]!.kind, p.value)], [`p${r.criteria[i]!.position}`, p.points]])),
    },
  }));
  const notes = [
    `Cách tính: điểm mỗi tiêu chí = điểm chuẩn × (kết quả ÷ mức chuẩn), không âm và không vượt quá hệ số trần; tổng điểm là tổng điểm các tiêu chí (làm tròn 2 chữ số thập phân); bằng điểm thì cùng hạng. "—": chưa đủ số liệu để tính (không được điểm).`,
    ...r.criteria.map((c) => `- ${c.label}: điểm chuẩn ${formatDecimal(c.weight)}; ${ruleText(c, r.period.includes('Q') ? 'quarter' : 'year')}.`),
    ...r.notes,
  ];
  return officialDocument(ctx, {
    dated: 'blank',
    month: r.throughMonth,
    title: 'BẢNG XẾP HẠNG THI ĐUA',
    subtitle: `Các ${EMULATION_LEVEL_PLURAL[r.level]}${r.officeName ? ` thuộc ${r.officeName}` : ''} — ${r.periodLabel}`,
    cutoff: `(Theo bộ tiêu chí "${r.criteriaSet.name}"${r.criteriaSet.decisionNo ? `, ${r.criteriaSet.decisionNo}` : ''}, hiệu lực từ ${formatDate(r.criteriaSet.validFrom)}; số liệu đến tháng ${r.throughMonth.slice(5)}/${r.throughMonth.slice(0, 4)})`,
    ...(r.officeName ? { scopeName: r.officeName } : {}),
    cutoffDate: r.to < today ? r.to : today,
    sections: [{ id: 'emulationRanking', heading: '', orientation: 'landscape', blocks: [{ kind: 'table', caption: null, columns, rows, notes }] }],
    recipients: ['Hội đồng Thi đua - Khen thưởng;', `Các ${EMULATION_LEVEL_PLURAL[r.level]};`, 'Lưu: VT, TĐKT.'],
    signature: { authority: 'TM. HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG', title: 'CHỦ TỊCH', name: '' },
  });
}
