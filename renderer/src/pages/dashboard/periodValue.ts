import dayjs, { type Dayjs } from 'dayjs';
import { periodLabel, type Period, type PeriodKind } from '../../../../shared/domain/periods';
import { todayDayjs } from '../../format/dates';

/** The first day of a period, for the antd pickers. */
export function periodToDayjs(period: Period): Dayjs {
  const month = period.kind === 'month' ? period.index : period.kind === 'quarter' ? (period.index - 1) * 3 + 1 : 1;
  return dayjs(new Date(period.year, month - 1, 1));
}

export function dayjsToPeriod(kind: PeriodKind, d: Dayjs): Period {
  const month = d.month() + 1;
  if (kind === 'month') return { kind, year: d.year(), index: month };
  if (kind === 'quarter') return { kind, year: d.year(), index: Math.floor((month - 1) / 3) + 1 };
  return { kind, year: d.year(), index: 1 };
}

/**
 * Switching Tháng/Quý/Năm keeps the same time: a month goes into its quarter and year;
 * a quarter or year opens on its last month, or on the current month when it is still running.
 */
export function switchKind(period: Period, kind: PeriodKind, now = todayDayjs().toDate()): Period {
  if (kind === period.kind) return period;
  const lastMonth = period.kind === 'month' ? period.index : period.kind === 'quarter' ? period.index * 3 : 12;
  const currentMonth = now.getFullYear() === period.year ? now.getMonth() + 1 : 13;
  const month = Math.min(lastMonth, currentMonth);
  return dayjsToPeriod(kind, dayjs(new Date(period.year, month - 1, 1)));
}

/** "Quý I/2026" for the quarter picker's input (antd has no Vietnamese quarter format). */
export function quarterText(d: Dayjs): string {
  return periodLabel(dayjsToPeriod('quarter', d));
}

/** Periods starting after today cannot be chosen. */
export function isFuture(d: Dayjs, kind: PeriodKind, now = todayDayjs()): boolean {
  return d.startOf(kind === 'year' ? 'year' : 'month').isAfter(now);
}
