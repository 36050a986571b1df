import type { ReportCellFormat } from '../../../shared/contract/reportTypes';
import { formatCount, formatDecimal, formatPercent } from '../../../shared/format/vi';
import { formatSignedCount, formatSignedPoints } from '../pages/dashboard/dashboardFormat';

/**
 * One table cell as printed, vi-VN: 1.234; +1.234 / −56; 85,25%; +1,25 điểm %; "—" where a
 * figure is missing (never a made-up 0).
 */
export function formatCell(value: string | number | null | undefined, format: ReportCellFormat): string {
  if (value === null || value === undefined || value === '') return format === 'text' ? '' : '—';
  if (typeof value === 'string') return value;
  switch (format) {
    case 'count':
      return formatCount(value);
    case 'signedCount':
      return formatSignedCount(value);
    case 'percent':
      return formatPercent(value, 2);
    case 'signedPoints':
      return formatSignedPoints(value);
    case 'decimal':
      return formatDecimal(value);
    default:
      return String(value);
  }
}

export function isNumericFormat(format: ReportCellFormat): boolean {
  return format !== 'text';
}
