import { foldText } from '../../../shared/text/fold';

/**
 * The period a report speaks of, from its title lines: "Tháng 9 năm 2020", "Kỳ báo cáo: tháng 09/2020", "tính đến ngày 25/09/2020".
 * `asOf` is the stated day when it lies in the period; `statedAsOf` is the day as written, wherever it lies, for the checks.
 */
export function periodFromTitle(lines: string[]): { period: string | null; asOf: string | null; statedAsOf: string | null } {
  let period: string | null = null;
  let asOf: string | null = null;
  for (const line of lines) {
    const t = foldText(line);
    const day = /(?:den|ngay)\s+(\d{1,2})\s+(\d{1,2})\s+(\d{4})/.exec(t);
    if (day && !asOf) {
      const [d, m, y] = [Number(day[1]), Number(day[2]), Number(day[3])];
      if (m >= 1 && m <= 12 && d >= 1 && d <= 31) asOf = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    }
    const month = /thang\s+(\d{1,2})\s+(?:nam\s+)?(\d{4})/.exec(t);
    if (month && !period) {
      const m = Number(month[1]);
      if (m >= 1 && m <= 12) period = `${month[2]}-${String(m).padStart(2, '0')}`;
    }
  }
  const statedAsOf = asOf;
  if (!period && asOf) period = asOf.slice(0, 7);
  if (asOf && period && !asOf.startsWith(period)) asOf = null;
  return { period, asOf, statedAsOf };
}
