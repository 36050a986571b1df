import dayjs, { type Dayjs } from 'dayjs';

/** Today as an ISO date in local time. */
export function todayIso(): string {
  return dayjs().format('YYYY-MM-DD');
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
