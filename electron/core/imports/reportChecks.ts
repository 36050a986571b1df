import { AppError, type ColumnRole, type ImportIssue, type ImportPreviewRow, type ImportWarning } from '../../../shared/contract';
import { asOfMessage, checkCount, checkParts, futureMonthMessage } from '../../../shared/calc/valueRules';
import { monthBounds } from '../../../shared/domain/periods';
import { formatCount } from '../../../shared/format/vi';
import { foldText, unitNameKey } from '../../../shared/text/fold';
import type { CoreContext } from '../app/context';
import { cellAddress, sheetRowLimit, type SheetGrid } from '../excel/readWorkbook';
import { OfficeRepository } from '../offices/repository';
import { ResultRepository } from '../results/repository';
import type { ViewTree } from '../units/viewTree';
import type { PlannedValue } from './preview';

/**
 * The checks of a district report as a whole (its period, the office its title names, its size)
 * and the value rules on its rows (shared/calc/valueRules, the grid's own). Each finding names
 * the file, the sheet, the row and the cell, in Vietnamese.
 */

type Place = { row: number; column: string | null; cell: string | null };

/** «Tệp "a.xlsx", trang tính "Sheet1", ô B4» — where a finding is. */
export function placeText(file: string, sheet: string, place: Partial<Place> = {}): string {
  const at = place.cell ? `, ô ${place.cell}` : place.row ? `, dòng ${place.row}` : '';
  return `Tệp "${file}", trang tính "${sheet}"${at}`;
}

/** The first title cell (above the header) whose folded text passes `test`. */
function titleCell(grid: SheetGrid, headerTop: number, test: (folded: string) => boolean): Place {
  for (let r = 0; r < Math.min(headerTop, grid.rows.length); r++) {
    const row = grid.rows[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (typeof v === 'string' && test(foldText(v))) return cellAddress(grid, r, c);
    }
  }
  return { row: grid.firstRow + 1, column: null, cell: null };
}

function issueAt(kind: ImportIssue['kind'], file: string, grid: SheetGrid, place: Place, message: string): ImportIssue {
  return { kind, sheet: grid.name, row: place.row, column: place.column, cell: place.cell, message: `${placeText(file, grid.name, place)}: ${message}` };
}

/**
 * A month that has not come yet, and a title's "as of" day outside its month or after today.
 * Empty when the period is fine; the preview then works out the as-of day as before.
 */
export function periodIssues(a: { file: string; grid: SheetGrid; headerTop: number; period: string | null; fromTitle: boolean; statedAsOf: string | null; today: string }): ImportIssue[] {
  if (!a.period) return [];
  const future = futureMonthMessage(a.period, a.today);
  if (future) {
    const place = a.fromTitle ? titleCell(a.grid, a.headerTop, (t) => /\bthang\s+\d/.test(t) || /\b(den|ngay)\s+\d/.test(t)) : { row: a.grid.firstRow + 1, column: null, cell: null };
    return [issueAt('period', a.file, a.grid, place, future)];
  }
  if (a.fromTitle && a.statedAsOf) {
    const wrong = asOfMessage(a.statedAsOf, a.period, a.today);
    if (wrong) return [issueAt('period', a.file, a.grid, titleCell(a.grid, a.headerTop, (t) => /\b(den|ngay)\s+\d/.test(t)), `${wrong} Hãy sửa tiêu đề hoặc chọn tháng báo cáo.`)];
  }
  return [];
}

/** A title line naming an office: "BẢO HIỂM XÃ HỘI HUYỆN HỒNG DÂN", "BHXH tỉnh Bạc Liêu", "BHXH cơ sở …" (not "BHXH tự nguyện"). */
const OFFICE_LINE = /^(?:bao hiem xa hoi|bhxh)\s+((?:tinh|huyen|quan|thi xa|thanh pho|co so|khu vuc|tp|tx)\s+.+)$/;

/** "bhxh co so hong dan" / "huyen hong dan" → "hong dan": the key an office or unit line is compared on. */
function officeKey(folded: string): string {
  const rest = folded.replace(/^(?:bao hiem xa hoi|bhxh)\s+/, '').replace(/^(?:co so|khu vuc)\s+/, '');
  return unitNameKey(rest);
}

/**
 * A title naming another district office or province than the units its rows matched: the file
 * was most likely sent by, or meant for, another office. A province or district named is an error;
 * so is a BHXH cơ sở or khu vực this database knows as another office. One it does not know (not
 * yet registered, a post-2025 regional office) cannot be checked and is a warning. Checked only
 * when rows matched units.
 */
export async function ownerIssues(
  ctx: CoreContext,
  a: { file: string; grid: SheetGrid; headerTop: number; titleLines: string[]; tree: ViewTree; matchedUnitIds: number[] },
): Promise<{ errors: ImportIssue[]; warnings: ImportWarning[] }> {
  const named = a.titleLines
    .map((line) => ({ line: line.trim(), m: OFFICE_LINE.exec(foldText(line)) }))
    .filter((x): x is { line: string; m: RegExpExecArray } => x.m !== null && !x.m[1]!.startsWith('viet nam'))
    .map((x) => ({ line: x.line, key: officeKey(x.m[0]), office: /^(?:co so|khu vuc)\s/.test(x.m[1]!) }))
    .filter((x) => x.key.length > 0);
  if (named.length === 0 || a.matchedUnitIds.length === 0) return { errors: [], warnings: [] };
  const owners = new Set<number>();
  for (const id of a.matchedUnitIds) {
    for (let n = a.tree.nodes.get(a.tree.nodes.get(id)?.parentId ?? -1); n; n = n.parentId === null ? undefined : a.tree.nodes.get(n.parentId)) owners.add(n.id);
  }
  const keys = new Set([...owners].map((id) => unitNameKey(a.tree.nodes.get(id)!.name)));
  const touched = new Set([...owners, ...a.matchedUnitIds]);
  // Every name the title could be checked against: units above communes on the tree, and every office.
  const known = new Set([...a.tree.nodes.values()].filter((n) => n.children.length > 0).map((n) => unitNameKey(n.name)));
  for (const office of await new OfficeRepository(ctx.store).withUnitIds(a.tree.date)) {
    const key = officeKey(foldText(office.name));
    known.add(key);
    if (office.unitIds.some((id) => touched.has(id))) keys.add(key);
  }
  const ownerNames = [...new Set(a.matchedUnitIds.map((id) => a.tree.nodes.get(id)?.parentId).filter((p): p is number => p !== null && p !== undefined))]
    .map((id) => a.tree.nodes.get(id)!.name)
    .slice(0, 3);
  const out = { errors: [] as ImportIssue[], warnings: [] as ImportWarning[] };
  for (const x of named.filter((n) => !keys.has(n.key))) {
    const place = titleCell(a.grid, a.headerTop, (t) => t === foldText(x.line));
    if (known.has(x.key) || !x.office) {
      out.errors.push(
        issueAt('office', a.file, a.grid, place, `tiêu đề ghi "${x.line}" nhưng các đơn vị khớp trong bảng thuộc ${ownerNames.join(', ') || 'đơn vị khác'}. Báo cáo có thể của đơn vị khác hoặc gửi nhầm; hãy kiểm tra lại tệp.`),
      );
    } else {
      const issue = issueAt('office', a.file, a.grid, place, `tiêu đề ghi "${x.line}", một tên chưa có trong danh mục đơn vị và cơ quan BHXH cơ sở nên chưa đối chiếu được với các đơn vị khớp trong bảng${ownerNames.length ? ` (thuộc ${ownerNames.join(', ')})` : ''}.`);
      out.warnings.push({ kind: 'office', message: issue.message, cell: issue.cell, sheet: issue.sheet, row: issue.row, column: issue.column });
    }
  }
  return out;
}

/**
 * The file read but holds no report: an empty workbook says so; otherwise which sheets were
 * searched for the header row.
 */
export function noReportError(fileName: string, sheets: SheetGrid[], requested: string | undefined): AppError {
  const names = sheets.map((s) => s.name);
  const searched = requested ? sheets.filter((s) => s.name === requested) : sheets;
  const quoted = searched.map((s) => `"${s.name}"`).join(', ');
  if (searched.every((s) => s.rows.every((r) => (r ?? []).every((v) => v === null || v === undefined || String(v).trim() === '')))) {
    return new AppError('FILE_INVALID', `Tệp "${fileName}" là bảng tính trống: ${searched.length > 1 ? `các trang tính ${quoted} đều` : `trang tính ${quoted}`} không có dữ liệu. Hãy chọn tệp báo cáo có số liệu.`, { file: fileName, sheets: names });
  }
  return new AppError(
    'FILE_INVALID',
    `Tệp "${fileName}" không có bảng báo cáo nhận ra được: không tìm thấy dòng tiêu đề có cột "Đơn vị"/"Tên xã" trong 30 dòng đầu của ${requested ? `trang tính "${requested}"` : `các trang tính ${quoted}`}.`,
    { file: fileName, sheets: names },
  );
}

/** A sheet longer than the row limit was read only in part: refused rather than imported in part. */
export function sheetSizeIssue(file: string, grid: SheetGrid): ImportIssue | null {
  const limit = sheetRowLimit();
  if (grid.totalRows === undefined || grid.totalRows <= limit) return null;
  const place = { row: grid.firstRow + limit + 1, column: null, cell: null };
  return issueAt(
    'table',
    file,
    grid,
    place,
    `trang tính có ${formatCount(grid.totalRows)} dòng, vượt giới hạn ${formatCount(limit)} dòng; các dòng từ dòng ${formatCount(place.row)} trở đi không được đọc. Hãy chia tệp thành nhiều tệp nhỏ hơn rồi nhập lần lượt.`,
  );
}

/** The latest figure of the month of each unit × indicator, for the rules that need the unit's other figures. */
async function storedMonth(ctx: CoreContext, unitIds: number[], period: string): Promise<Map<string, number>> {
  const { from, to } = monthBounds(period);
  const latest = new Map<string, { asOf: string; value: number }>();
  for (const r of await new ResultRepository(ctx.store).forUnitsInRange(unitIds, from, to)) {
    const key = `${r.unitId}|${r.indicatorCode}`;
    const seen = latest.get(key);
    if (!seen || seen.asOf < r.asOf) latest.set(key, { asOf: r.asOf, value: r.value });
  }
  return new Map([...latest].map(([k, v]) => [k, v.value]));
}

/**
 * The grid's value rules on every matched row: a blocking finding makes the row an error (and
 * drops its values from the plan), the others become warnings. The unit's population and its
 * other figures come from the row, else from what the month already holds.
 */
export async function applyValueRules(
  ctx: CoreContext,
  a: { file: string; sheet: string; period: string | null; rows: ImportPreviewRow[]; columns: Pick<ColumnRole, 'column' | 'header' | 'role' | 'indicatorCode'>[]; unitIdOf: (code: string) => number | undefined; planned: PlannedValue[] },
): Promise<{ planned: PlannedValue[]; warnings: ImportWarning[] }> {
  const valueColumns = a.columns.filter((c) => (c.role === 'result' || c.role === 'target') && c.indicatorCode);
  const unitIds = a.rows.map((r) => (r.unitCode ? a.unitIdOf(r.unitCode) : undefined)).filter((id): id is number => id !== undefined);
  const stored = a.period && unitIds.length ? await storedMonth(ctx, unitIds, a.period) : new Map<string, number>();
  const warnings: ImportWarning[] = [];
  const blocked = new Set<number>();
  for (const row of a.rows) {
    const unitId = row.unitCode ? a.unitIdOf(row.unitCode) : undefined;
    if (unitId === undefined) continue;
    const resultOf = (code: string) => row.values[`result:${code}`];
    const valueOf = (code: string) => resultOf(code) ?? stored.get(`${unitId}|${code}`);
    const columnOf = (role: string, code: string) => valueColumns.find((c) => c.role === role && c.indicatorCode === code);
    const found: { column: (typeof valueColumns)[number]; blocking: boolean; message: string }[] = [];
    for (const c of valueColumns) {
      const value = row.values[`${c.role}:${c.indicatorCode}`];
      if (value === null || value === undefined) continue;
      for (const issue of checkCount(c.indicatorCode!, value, c.role === 'result' ? valueOf('POP') : null)) found.push({ column: c, ...issue });
    }
    for (const issue of checkParts(valueOf, (code) => resultOf(code) !== null && resultOf(code) !== undefined)) {
      const column = columnOf('result', issue.indicatorCode) ?? valueColumns.find((c) => c.role === 'result' && resultOf(c.indicatorCode!) != null);
      if (column) found.push({ column, ...issue });
    }
    for (const f of found) {
      const cell = `${f.column.column}${row.row}`;
      if (f.blocking) {
        row.issues.push({ kind: 'row', sheet: a.sheet, row: row.row, column: f.column.column, cell, message: `${f.column.header}: ${f.message}` });
        if (row.status === 'ok') row.status = 'error';
        blocked.add(unitId);
      } else {
        const place = placeText(a.file, a.sheet, { row: row.row, cell });
        warnings.push({ kind: 'value', sheet: a.sheet, row: row.row, column: f.column.column, cell, message: `${place} — ${row.unitName ?? row.typedName}, ${f.column.header}: ${f.message}` });
      }
    }
  }
  return { planned: a.planned.filter((p) => !blocked.has(p.unitId)), warnings };
}
