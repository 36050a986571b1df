import type { ComparisonTable, Target, TargetSource } from '../../shared/contract';
import { indicatorByCode } from '../../shared/domain/indicators';
import { parseYm } from '../../shared/domain/periods';
import { formatCount, formatPercent, parseViDate } from '../../shared/format/vi';
import type { AppCore } from '../core/app/appCore';
import type { CliIo } from './commands';
import { CliFailure, table, unwrap } from './output';

const SOURCES: TargetSource[] = ['GOV', 'BHXH_VN', 'UBND_TINH', 'BHXH_TINH', 'INTERNAL'];

function required(value: string | undefined, flag: string, example: string): string {
  if (!value) throw new CliFailure(`Thiếu ${flag}. Ví dụ: ${example}`, 2);
  return value;
}

/**
 * "3.285", "3 285" and "3285" are three thousand two hundred eighty-five people; "92,25%",
 * "0,9225" and "0.9225" are the same rate.
 */
export function numberOption(value: string, flag: string): number {
  let text = value.trim().replace(/\s/g, '');
  const percent = text.endsWith('%');
  if (percent) text = text.slice(0, -1);
  if (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(text)) text = text.replace(/\./g, '');
  text = text.replace(',', '.');
  const n = Number(text);
  if (text === '' || !Number.isFinite(n)) throw new CliFailure(`Giá trị ${flag} "${value}" không phải số.`, 2);
  return percent ? n / 100 : n;
}

function show(value: number | null, isRate: boolean): string {
  return isRate ? formatPercent(value) : formatCount(value === null ? null : Math.round(value));
}

export async function results(core: AppCore, io: CliIo, flags: { period?: string; indicator?: string; unit?: string; source?: string }): Promise<number> {
  const period = parseYm(required(flags.period, '--period', 'npm run cli -- results --period 2026-09 --indicator BHXH_TN'));
  if (!period) throw new CliFailure(`Kỳ "${flags.period}" không hợp lệ: cần dạng YYYY-MM.`, 2);
  const indicatorCode = required(flags.indicator, '--indicator', 'npm run cli -- results --period 2026-09 --indicator BHXH_TN').toUpperCase();
  if (flags.source && !SOURCES.includes(flags.source as TargetSource)) throw new CliFailure(`Nguồn giao "${flags.source}" không hợp lệ (${SOURCES.join(', ')}).`, 2);
  const result = unwrap(
    await core.dispatch('results:compare', { period: { kind: 'month', year: period.year, index: period.month }, indicatorCode, unitCode: flags.unit ?? null, ...(flags.source ? { source: flags.source } : {}) }),
    2,
  ) as ComparisonTable;
  if (io.json) {
    io.out(JSON.stringify(result, null, 2));
    return 0;
  }
  const isRate = indicatorByCode(indicatorCode)?.kind === 'rate';
  const line = (r: ComparisonTable['total']) => [
    r.code, r.name, show(r.actual, isRate), show(r.target, isRate), formatPercent(r.progress), show(r.sameLastYear, isRate),
    r.deltaSameLastYear === null ? '—' : (r.deltaSameLastYear >= 0 ? '+' : '') + show(r.deltaSameLastYear, isRate), show(r.remaining, false), show(r.monthlyPace, false),
  ];
  io.out(`${result.indicatorName} — ${result.periodLabel} — ${result.unitName} (cây đơn vị ngày ${result.viewDate.split('-').reverse().join('/')})`);
  io.out(table(['Mã', 'Đơn vị', 'Thực hiện', 'Kế hoạch', '% KH', 'Cùng kỳ', 'Tăng/giảm', 'Còn thiếu', 'Cần/tháng'], [...result.rows.map(line), line({ ...result.total, code: '', name: 'Tổng cộng' })]));
  return 0;
}

export async function targetsSet(
  core: AppCore,
  io: CliIo,
  flags: { unit?: string; indicator?: string; year?: string; value?: string; source?: string; decisionNo?: string; decisionDate?: string; revise?: boolean },
): Promise<number> {
  const example = 'npm run cli -- targets set --unit 99 --indicator BHXH_TN --year 2026 --value 25.000 --source BHXH_VN';
  const source = required(flags.source, '--source', example) as TargetSource;
  if (!SOURCES.includes(source)) throw new CliFailure(`Nguồn giao "${flags.source}" không hợp lệ (${SOURCES.join(', ')}).`, 2);
  const decisionDate = flags.decisionDate ? parseViDate(flags.decisionDate) : null;
  if (flags.decisionDate && !decisionDate) throw new CliFailure(`Ngày quyết định "${flags.decisionDate}" không hợp lệ (dd/mm/yyyy).`, 2);
  const target = unwrap(
    await core.dispatch('targets:set', {
      unitCode: required(flags.unit, '--unit', example),
      indicatorCode: required(flags.indicator, '--indicator', example).toUpperCase(),
      year: Number(required(flags.year, '--year', example)),
      value: numberOption(required(flags.value, '--value', example), '--value'),
      source,
      decisionNo: flags.decisionNo ?? null,
      decisionDate,
      revise: Boolean(flags.revise),
    }),
    2,
  ) as Target;
  io.out(io.json ? JSON.stringify(target, null, 2) : `Đã ghi chỉ tiêu ${target.indicatorCode} năm ${target.year} cho ${target.unitName}: ${show(target.value, target.isRate)} (lần điều chỉnh ${target.revision}).`);
  return 0;
}

export async function resultsSet(core: AppCore, io: CliIo, flags: { unit?: string; indicator?: string; asOf?: string; value?: string }): Promise<number> {
  const example = 'npm run cli -- results set --unit 99500 --indicator BHXH_TN --as-of 25/09/2026 --value 1.759';
  const asOf = parseViDate(required(flags.asOf, '--as-of', example));
  if (!asOf) throw new CliFailure(`Ngày "${flags.asOf}" không hợp lệ (dd/mm/yyyy).`, 2);
  const raw = required(flags.value, '--value', example);
  const value = raw.trim() === '' || raw === 'null' ? null : numberOption(raw, '--value');
  const outcome = unwrap(await core.dispatch('results:set', { unitCode: required(flags.unit, '--unit', example), indicatorCode: required(flags.indicator, '--indicator', example).toUpperCase(), asOf, value }), 2) as { saved: number };
  io.out(io.json ? JSON.stringify(outcome, null, 2) : value === null ? `Đã xóa ${outcome.saved} số liệu.` : `Đã ghi số liệu ${formatCount(value)}.`);
  return 0;
}
