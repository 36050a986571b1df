import { formatDate } from '../../../shared/format/vi';
import { isValidOn } from '../../../shared/domain/units';

/** A span of days, both ends included; null: open on that side. */
export interface Span {
  validFrom: string | null;
  validTo: string | null;
}

const MIN = '0000-01-01';
const MAX = '9999-12-31';

/** The one rule of membership: two spans share at least one day. */
export function overlaps(a: Span, b: Span): boolean {
  return (a.validFrom ?? MIN) <= (b.validTo ?? MAX) && (b.validFrom ?? MIN) <= (a.validTo ?? MAX);
}

/** The span includes `day` (the units' own rule: a membership is valid on a day like a unit is). */
export const covers = (span: Span, day: string): boolean => isValidOn(span, day);

/** The days of `span` inside `within` (a commune's own life), or null when they share none. */
export function clip(span: Span, within: Span): Span | null {
  const from = maxDay(span.validFrom, within.validFrom);
  const to = minDay(span.validTo, within.validTo);
  if (from !== null && to !== null && from > to) return null;
  return { validFrom: from, validTo: to };
}

function maxDay(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return a > b ? a : b;
}

function minDay(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return a < b ? a : b;
}

/** "từ 01/07/2025 đến 31/12/2025", "từ 01/07/2025", "đến 30/06/2025", "không giới hạn thời gian". */
export function spanText(span: Span): string {
  if (span.validFrom && span.validTo) return `từ ${formatDate(span.validFrom)} đến ${formatDate(span.validTo)}`;
  if (span.validFrom) return `từ ${formatDate(span.validFrom)}`;
  if (span.validTo) return `đến ${formatDate(span.validTo)}`;
  return 'không giới hạn thời gian';
}
