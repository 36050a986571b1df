import type { ComparisonTable, TargetSource } from '../../shared/contract';
import { isPlanRevised } from '../../shared/calc/plan';
import { indicatorByCode } from '../../shared/domain/indicators';
import { parseYm } from '../../shared/domain/periods';
import { formatCount, formatPercent } from '../../shared/format/vi';
import { parseViNumber } from '../../shared/format/viNumber';
import type { AppCore } from '../core/app/appCore';
import type { CliIo } from './commands';
import { CliFailure, table } from './output';

const SOURCES: TargetSource[] = ['GOV', 'BHXH_VN', 'UBND_TINH', 'BHXH_TINH', 'INTERNAL'];

function required(value: string | undefined, flag: string, example: string): string {
  if (!value) throw new CliFailure(`Thiếu ${flag}. Ví dụ: ${example}`, 2);
  return value;
}

/**
 * A number flag read by the shared vi-VN parser: "3.285", "3 285" and "3285" are three
 * thousand two hundred eighty-five people ("3,5" is refused: people are whole); for a rate,
 * "92,25%" and "0,9225" are the same rate.
 */
export function numberOption(value: string, flag: string, kind: 'count' | 'rate' = 'count'): number {
  const parsed = kind === 'count' ? parseViNumber(value, 'count') : parseViNumber(value, value.trim().endsWith('%') ? 'percent' : 'decimal');
  if (!parsed.ok) throw new CliFailure(`Giá trị ${flag}: ${parsed.message}.`, 2);
  if (parsed.value === null) throw new CliFailure(`Giá trị ${flag} "${value}" không phải số.`, 2);
  return parsed.value;
}

function show(value: number | null, isRate: boolean): string {
  return isRate ? formatPercent(value) : formatCount(value === null ? null : Math.round(value));
}

export async function results(core: AppCore, io: CliIo, flags: { period?: string; indicator?: string; unit?: string; source?: string }): Promise<number> {
  const period = parseYm(required(flags.period, '--period', 'npm run cli -- results --period 2026-09 --indicator BHXH_TN'))!;
  const indicatorCode = required(flags.indicator, '--indicator', 'npm run cli -- results --period 2026-09 --indicator BHXH_TN').toUpperCase();
  if (flags.source && !SOURCES.includes(flags.source as TargetSource)) throw new CliFailure(`Nguồn giao "${flags.source}" không hợp lệ (${SOURCES.join(', ')}).`, 2);
  const result = await core.invoke('results:compare', {
    period: { kind: 'month', year: period.year, index: period.month }, indicatorCode, unitCode: flags.unit ?? null, ...(flags.source ? { source: flags.source as TargetSource } : {}),
  });
  if (io.json) {
    io.out(JSON.stringify(result, null, 2));
    return 0;
  }
  const isRate = indicatorByCode(indicatorCode)?.kind === 'rate';
  // Kế hoạch and % KH are the plan in force (shared/calc/plan.ts); the original stays beside it once revised.
  const all = [...result.rows, result.total];
  const revised = all.some(isPlanRevised);
  const line = (r: ComparisonTable['total']) => [
    r.code, r.name, show(r.actual, isRate), show(r.plan, isRate), formatPercent(r.planProgress),
    ...(revised ? [isPlanRevised(r) ? show(r.target, isRate) : '', isPlanRevised(r) ? formatPercent(r.progress) : ''] : []),
    show(r.sameLastYear, isRate),
    r.deltaSameLastYear === null ? '—' : (r.deltaSameLastYear >= 0 ? '+' : '') + show(r.deltaSameLastYear, isRate), show(r.remaining, false), show(r.monthlyPace, false),
  ];
  io.out(`${result.indicatorName} — ${result.periodLabel} — ${result.unitName} (cây đơn vị ngày ${result.viewDate.split('-').reverse().join('/')})`);
  const headers = ['Mã', 'Đơn vị', 'Thực hiện', 'Kế hoạch', '% KH', ...(revised ? ['KH ban đầu', '% KH ban đầu'] : []), 'Cùng kỳ', 'Tăng/giảm', 'Còn thiếu', 'Cần/tháng'];
  io.out(table(headers, [...result.rows.map(line), line({ ...result.total, code: '', name: 'Tổng cộng' })]));
  if (revised) io.out('Kế hoạch, % KH và còn thiếu tính theo kế hoạch điều chỉnh nơi có; KH ban đầu là kế hoạch giao lần đầu.');
  return 0;
}

export async function targetsSet(
  core: AppCore,
  io: CliIo,
  flags: { unit?: string; indicator?: string; year?: number; value?: string; source?: string; decisionNo?: string; decisionDate?: string; revise?: boolean },
): Promise<number> {
  const example = 'npm run cli -- targets set --unit 99 --indicator BHXH_TN --year 2026 --value 25.000 --source BHXH_VN';
  const source = required(flags.source, '--source', example) as TargetSource;
  if (!SOURCES.includes(source)) throw new CliFailure(`Nguồn giao "${flags.source}" không hợp lệ (${SOURCES.join(', ')}).`, 2);
  const target = await core.invoke('targets:set', {
    unitCode: required(flags.unit, '--unit', example),
    indicatorCode: required(flags.indicator, '--indicator', example).toUpperCase(),
    year: flags.year!,
    value: numberOption(required(flags.value, '--value', example), '--value', indicatorByCode((flags.indicator ?? '').toUpperCase())?.kind === 'rate' ? 'rate' : 'count'),
    source,
    decisionNo: flags.decisionNo ?? null,
    decisionDate: flags.decisionDate ?? null,
    revise: Boolean(flags.revise),
  });
  io.out(io.json ? JSON.stringify(target, null, 2) : `Đã ghi chỉ tiêu ${target.indicatorCode} năm ${target.year} cho ${target.unitName}: ${show(target.value, target.isRate)} (lần điều chỉnh ${target.revision}).`);
  return 0;
}

export async function resultsSet(core: AppCore, io: CliIo, flags: { unit?: string; indicator?: string; asOf?: string; value?: string }): Promise<number> {
  const example = 'npm run cli -- results set --unit 99500 --indicator BHXH_TN --as-of 25/09/2026 --value 1.759';
  const asOf = required(flags.asOf, '--as-of', example);
  const raw = required(flags.value, '--value', example);
  const value = raw.trim() === '' || raw === 'null' ? null : numberOption(raw, '--value');
  const outcome = await core.invoke('results:set', { unitCode: required(flags.unit, '--unit', example), indicatorCode: required(flags.indicator, '--indicator', example).toUpperCase(), asOf, value });
  io.out(io.json ? JSON.stringify(outcome, null, 2) : value === null ? `Đã xóa ${outcome.saved} số liệu.` : `Đã ghi số liệu ${formatCount(value)}.`);
  return 0;
}
