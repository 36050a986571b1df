import { formatCount, formatPercent } from '../format/vi';

/**
 * A month-on-month change larger than the threshold (a share of last month's figure) is unusual
 * and needs a note (ghi chú giải trình). No previous figure, or a previous zero, gives no ratio
 * to judge by. The entry grid warns with this while typing; core enforces it on save.
 */
export function jumpRatio(before: number | null | undefined, value: number | null | undefined, threshold: number): number | null {
  if (value === null || value === undefined || before === null || before === undefined || before <= 0) return null;
  const ratio = (value - before) / before;
  return Math.abs(ratio) > threshold ? ratio : null;
}

/** Why a value is unusual, in the words the entry grid and core's save both use. */
export function jumpText(before: number, value: number, threshold: number): string {
  return `thay đổi ${formatPercent((value - before) / before, 1)} so với tháng trước (${formatCount(before)} → ${formatCount(value)}), vượt ngưỡng ${formatPercent(threshold, 0)}; cần ghi chú giải trình.`;
}
