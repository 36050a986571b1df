import dayjs, { type Dayjs } from 'dayjs';

let appToday: string | null = null;
const listeners: ((today: string) => void)[] = [];

/**
 * Today as core's clock says (app:info.today, which follows BHXH_TODAY): the renderer never
 * trusts the browser's own date, so the app and its tests agree on what "today" is.
 */
export function todayIso(): string {
  return appToday ?? dayjs().format('YYYY-MM-DD');
}

/** Set when app:info answers; stores whose defaults depend on the day take it from here. */
export function setTodayIso(today: string): void {
  if (today === appToday) return;
  appToday = today;
  for (const listener of listeners) listener(today);
}

/** Runs `apply` now if the day is known, and whenever it becomes known or changes. */
export function whenTodayKnown(apply: (today: string) => void): void {
  listeners.push(apply);
  if (appToday) apply(appToday);
}

export function todayDayjs(): Dayjs {
  return dayjs(todayIso(), 'YYYY-MM-DD');
}

/** ISO date → dayjs for antd pickers (null stays null). */
export function isoToDayjs(iso: string | null | undefined): Dayjs | null {
  if (!iso) return null;
  const d = dayjs(iso.slice(0, 10), 'YYYY-MM-DD', true);
  return d.isValid() ? d : null;
}

export function dayjsToIso(d: Dayjs | null | undefined): string | null {
  return d && d.isValid() ? d.format('YYYY-MM-DD') : null;
}

/** Display format of every antd date picker. */
export const PICKER_FORMAT = 'DD/MM/YYYY';
