import type { ColumnRole, ImportIssue, ImportPreview, ImportRowStatus } from '../../../../shared/contract';
import { INDICATORS, indicatorByCode } from '../../../../shared/domain/indicators';

/** How a report column's content is called on screen. */
export const KIND_LABELS: Record<'result' | 'target', string> = { result: 'Thực hiện', target: 'Kế hoạch' };

export const STATUS_LABELS: Record<ImportRowStatus, { label: string; color: string }> = {
  ok: { label: 'Hợp lệ', color: 'green' },
  error: { label: 'Có lỗi', color: 'red' },
  unmatched: { label: 'Chưa khớp đơn vị', color: 'orange' },
};

export const LEGACY_ENCODING_NOTICES: Record<'tcvn3' | 'vni', string> = {
  tcvn3: 'Tệp dùng phông TCVN3 (.VnTime); nội dung đã được chuyển sang Unicode để xem trước',
  vni: 'Tệp dùng phông VNI (VNI-Times); nội dung đã được chuyển sang Unicode để xem trước',
};

export function indicatorShortName(code: string | null): string {
  if (!code) return '';
  return indicatorByCode(code)?.shortName ?? code;
}

/** "Thực hiện — BHXH tự nguyện", "Tên đơn vị", "Bỏ qua". */
export function roleLabel(role: ColumnRole['role'], indicatorCode: string | null): string {
  if (role === 'name') return 'Tên đơn vị';
  if (role === 'code') return 'Mã đơn vị';
  if (role === 'ignore') return 'Bỏ qua';
  return `${KIND_LABELS[role]} — ${indicatorShortName(indicatorCode)}`;
}

/** Select value of a role: "name", "code", "ignore", "result:BHXH_TN", "target:BHYT_HGD". */
export function roleValue(role: ColumnRole['role'], indicatorCode: string | null): string {
  return role === 'result' || role === 'target' ? `${role}:${indicatorCode ?? ''}` : role;
}

export function parseRoleValue(value: string): { role: ColumnRole['role']; indicatorCode: string | null } {
  const [role, code] = value.split(':') as [ColumnRole['role'], string | undefined];
  return { role, indicatorCode: code || null };
}

/** Figures a report can carry: counts only (rates are computed, never imported). */
const COUNT_INDICATORS = INDICATORS.filter((i) => i.kind === 'count');
/** Population and labour force are denominators: they have results, not targets. */
const DENOMINATORS = new Set(['POP', 'LABOUR']);

export interface RoleOptionGroup {
  label: string;
  title: string;
  options: { value: string; label: string }[];
}

/** Options of the "Nội dung" picker of a column, grouped as offices think of them. */
export const ROLE_OPTIONS: RoleOptionGroup[] = [
  {
    label: 'Đơn vị',
    title: 'Đơn vị',
    options: [
      { value: 'name', label: roleLabel('name', null) },
      { value: 'code', label: roleLabel('code', null) },
    ],
  },
  {
    label: 'Kế hoạch (chỉ tiêu giao)',
    title: 'Kế hoạch',
    options: COUNT_INDICATORS.filter((i) => !DENOMINATORS.has(i.code)).map((i) => ({
      value: roleValue('target', i.code),
      label: roleLabel('target', i.code),
    })),
  },
  {
    label: 'Thực hiện (số người tham gia)',
    title: 'Thực hiện',
    options: COUNT_INDICATORS.map((i) => ({ value: roleValue('result', i.code), label: roleLabel('result', i.code) })),
  },
  { label: 'Khác', title: 'Khác', options: [{ value: 'ignore', label: roleLabel('ignore', null) }] },
];

/** A figure column of the rows table: one per (kind, indicator) the mapping reads. */
export interface ValueColumn {
  key: string;
  kind: 'result' | 'target';
  indicatorCode: string;
  /** Sheet column letter the figure comes from. */
  column: string;
}

export function valueColumns(preview: ImportPreview): ValueColumn[] {
  const seen = new Set<string>();
  const out: ValueColumn[] = [];
  for (const c of preview.columns) {
    if ((c.role !== 'result' && c.role !== 'target') || !c.indicatorCode) continue;
    const key = `${c.role}:${c.indicatorCode}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ key, kind: c.role, indicatorCode: c.indicatorCode, column: c.column });
  }
  return out;
}

/**
 * Warnings not already shown by a structured part of the preview: the totals mismatch has the
 * totals check and the legacy font its own notice.
 */
export function otherWarnings(p: ImportPreview): string[] {
  const totalsShown = p.totals.some((t) => t.fileTotal !== null && !t.matches);
  return p.warningDetails
    .filter((w) => !(w.kind === 'legacy' && p.legacyEncoding) && !(w.kind === 'totals' && totalsShown))
    .map((w) => w.message);
}

/**
 * Value columns grouped by indicator in the order the file has them (so the preview reads like the
 * sheet), plan before result inside a group whatever the file's order.
 */
export function groupByIndicator(columns: ValueColumn[]): { indicatorCode: string; columns: ValueColumn[] }[] {
  const groups: { indicatorCode: string; columns: ValueColumn[] }[] = [];
  for (const c of columns) {
    const g = groups.find((x) => x.indicatorCode === c.indicatorCode);
    if (g) g.columns.push(c);
    else groups.push({ indicatorCode: c.indicatorCode, columns: [c] });
  }
  for (const g of groups) g.columns.sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'target' ? -1 : 1));
  return groups;
}

/**
 * Errors of the file itself (no figure column…). Those of a row are shown under that row, and a
 * missing period beside the period picker, so neither is listed twice.
 */
export function fileErrors(p: ImportPreview): ImportIssue[] {
  return p.errors.filter((e) => e.kind !== 'row' && !(e.kind === 'period' && p.period === null));
}
