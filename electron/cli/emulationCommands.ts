import type { EmulationRanking } from '../../shared/contract';
import { EMULATION_LEVEL_LABELS, EMULATION_LEVEL_PLURAL, EMULATION_LEVELS, type EmulationLevel } from '../../shared/domain/emulation';
import { periodDays } from '../../shared/domain/periods';
import { formatCount, formatDate, formatDecimal, formatPercent } from '../../shared/format/vi';
import type { AppCore } from '../core/app/appCore';
import type { CliIo } from './commands';
import { CliFailure, table } from './output';

function levelOption(value: string | undefined): EmulationLevel {
  if (value === undefined) return 'unit';
  const v = value.trim().toLowerCase();
  if (!(EMULATION_LEVELS as readonly string[]).includes(v)) {
    throw new CliFailure(`Giá trị --level "${value}" không hợp lệ: dùng ${EMULATION_LEVELS.map((l) => `${l} (${EMULATION_LEVEL_LABELS[l]})`).join(', ')}.`, 2);
  }
  return v as EmulationLevel;
}

function periodOption(value: string | undefined): string {
  if (!value) throw new CliFailure('Thiếu --period. Ví dụ: npm run cli -- emulation score --period 2026-Q3 --level unit', 2);
  const days = periodDays(value);
  if (days?.kind === 'month') throw new CliFailure(`Thi đua chấm theo quý hoặc năm, không theo tháng: hãy dùng --period ${days.year}-Q${Math.ceil(days.index / 3)} (quý) hoặc --period ${days.year} (năm).`, 2);
  return value.trim().toUpperCase();
}

/** `emulation score` flags checked with the command line, before any data folder is opened. */
export function checkFlags(flags: { period?: string; level?: string }): void {
  periodOption(flags.period);
  levelOption(flags.level);
}

const valueText = (kind: string, value: number | null) => (value === null ? '—' : kind === 'count' ? formatCount(value) : formatPercent(value, 2));

/**
 * `emulation score --period YYYY|YYYY-Qn [--level unit|agent|staff] [--office CODE]`: everyone of
 * the level ranked with the criteria set in force on the period's last day. JSON:
 * {period, level, criteriaSet {id, name, validFrom}, rows: [{rank, code, name, score, parts}]}.
 */
export async function emulationScore(core: AppCore, io: CliIo, flags: { period?: string; level?: string; office?: string }): Promise<number> {
  const period = periodOption(flags.period);
  const level = levelOption(flags.level);
  const r: EmulationRanking = await core.invoke('emulation:score', { period, level, ...(flags.office ? { officeCode: flags.office } : {}) });
  if (io.json) {
    io.out(
      JSON.stringify(
        {
          period: r.period,
          level: r.level,
          criteriaSet: { id: r.criteriaSet.id, name: r.criteriaSet.name, validFrom: r.criteriaSet.validFrom },
          maxPoints: r.maxPoints,
          throughMonth: r.throughMonth,
          rows: r.rows.map((row) => ({
            rank: row.rank, code: row.code, name: row.name, ...(row.parentName !== null ? { parentName: row.parentName } : {}), score: row.score,
            parts: row.parts.map((p) => ({ measure: p.measure, label: p.label, value: p.value, points: p.points, weight: p.weight })),
          })),
          notes: r.notes,
        },
        null,
        2,
      ),
    );
    return 0;
  }
  const lines = [
    `Bảng xếp hạng thi đua các ${EMULATION_LEVEL_PLURAL[level]} — ${r.periodLabel}${r.officeName ? ` — ${r.officeName}` : ''}`,
    `Bộ tiêu chí: ${r.criteriaSet.name}${r.criteriaSet.decisionNo ? ` (${r.criteriaSet.decisionNo})` : ''}, hiệu lực từ ${formatDate(r.criteriaSet.validFrom)}; điểm tối đa ${formatDecimal(r.maxPoints)}`,
    '',
    table(
      ['Hạng', 'Mã', level === 'staff' ? 'Họ và tên' : 'Tên', ...r.criteria.map((c) => `${c.shortLabel} (điểm)`), 'Tổng điểm'],
      r.rows.map((row) => [
        row.rank, row.code, row.name,
        ...row.parts.map((p, i) => `${valueText(r.criteria[i]!.kind, p.value)} (${formatDecimal(p.points)})`),
        formatDecimal(row.score),
      ]),
    ),
    '',
    `${formatCount(r.total)} ${EMULATION_LEVEL_LABELS[level].toLocaleLowerCase('vi')} được xếp hạng.`,
    ...r.notes,
  ];
  io.out(lines.join('\n'));
  return 0;
}
