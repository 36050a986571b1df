import { AppError, type ColumnRole, type FileRef, type ImportChange, type ImportIssue, type ImportPreview, type ImportPreviewRow, type ImportWarning, type TotalsCheck } from '../../../shared/contract';
import { indicatorByCode } from '../../../shared/domain/indicators';
import { monthBounds, monthLabel, treeDateOf } from '../../../shared/domain/periods';
import { formatCount } from '../../../shared/format/vi';
import { parseViCell } from '../../../shared/format/viNumber';
import { foldText, unitNameKey } from '../../../shared/text/fold';
import { localToday, type CoreContext } from '../app/context';
import { cancelledError } from '../excel/readInWorker';
import { readWorkbookStreamed } from '../excel/stream/grid';
import { officeNamedInTitle } from '../offices/match';
import { cellAddress, type SheetGrid } from '../excel/readWorkbook';
import { defaultAsOf } from '../results/grid';
import { ResultRepository } from '../results/repository';
import { TargetRepository } from '../targets/repository';
import { viewTree, type ViewTree } from '../units/viewTree';
import { detectLegacyEncoding, LEGACY_WARNINGS, restoreHeadingCase, TO_UNICODE, type LegacyEncoding } from './legacyText';
import type { ImportOperation } from './operations';
import { applyValueRules, noReportError, ownerIssues, periodIssues, sheetSizeIssue } from './reportChecks';
import { findReportTable, planYearFromHeader, type ReportTable } from './reportTable';
import type { Located, RawRow } from './pipeline/types';
import { periodFromTitle } from './reportPeriod';
import { ImportRepository } from './repository';
import { candidatesFor, suggestions, type Candidate } from './unitMatch';

export interface PreviewRequest {
  file: FileRef;
  sheet?: string;
  period?: string;
  columns?: Pick<ColumnRole, 'column' | 'role' | 'indicatorCode'>[];
  unitChoices?: { typedName: string; unitCode: string }[];
  /** Chosen by the caller so it can cancel this preview and follow its progress events. */
  operationId?: string;
}

/** A value the commit will write, with the unit id it goes to. */
export interface PlannedValue {
  unitId: number;
  kind: 'result' | 'target';
  indicatorCode: string;
  value: number;
  /** Plan year of a target (from the column header, else the report's); null for results. */
  year: number | null;
  /** Excel row it comes from (the staged row that carries it). */
  row?: number;
}

export interface ImportSession {
  preview: ImportPreview;
  planned: PlannedValue[];
  asOf: string;
  sourceKey: string;
  headerSignature: string;
  columnsOverridden: boolean;
  aliases: { typedKey: string; unitId: number }[];
  /** Set while a commit of this preview is running. */
  committing?: boolean;
}

/** The target authority a district report's "Kế hoạch" columns are recorded under. */
export const IMPORTED_TARGET_SOURCE = 'BHXH_TINH' as const;


function legacyConvert(sheet: SheetGrid, encoding: LegacyEncoding | null): SheetGrid {
  if (!encoding) return sheet;
  const convert = TO_UNICODE[encoding];
  return { ...sheet, rows: sheet.rows.map((r) => (r ?? []).map((v) => (typeof v === 'string' ? convert(v) : v))) };
}

/** What re-validating a report needs besides its data rows: the table found and the rows around it. */
export interface ReportMeta {
  sheetNames: string[];
  legacy: LegacyEncoding | null;
  /** The table as found (heading case restored for .VnTimeH). */
  table: ReportTable;
  grid: { name: string; firstRow: number; firstCol: number; merges: SheetGrid['merges']; totalRows?: number };
  /** Grid rows above the data (title, header, column numbers), cells encoded (cellsToJson). */
  head: unknown[][];
  /** Grid rows after the data up to the totals row, cells encoded. */
  tail: unknown[][];
}

/** Cells as JSON keeps them: a date becomes { d: ISO }, read back as a Date (cellsFromJson). */
export function cellsToJson(cells: unknown[] | undefined): unknown[] {
  return (cells ?? []).map((v) => (v instanceof Date ? { d: v.toISOString() } : v === undefined ? null : v));
}

export function cellsFromJson(cells: unknown[] | undefined): unknown[] {
  return (cells ?? []).map((v) => (v && typeof v === 'object' && 'd' in v ? new Date(String((v as { d: string }).d)) : v));
}

/**
 * Reads a district report and finds its table: the sheet (the one asked for, else the first with
 * a report table), the legacy font converted, the data rows by Excel row number.
 */
export async function readReport(ctx: CoreContext, req: PreviewRequest, op: ImportOperation): Promise<Located<ReportMeta>> {
  const { name: fileName, path } = ctx.files.workbookPath(req.file);
  op.progress('Đang đọc tệp…', 0, 1);
  const workbook = await readWorkbookStreamed(path, fileName, { signal: op.signal, onProgress: (p) => op.progress(p.label, p.done, p.total + 1) });
  // The read may finish just as a cancel arrives: the cancel still wins, before any lookup.
  if (op.signal.aborted) throw cancelledError(fileName);
  const sheetNames = workbook.sheets.map((s) => s.name);
  let sheet = req.sheet ? workbook.sheets.find((s) => s.name === req.sheet) : undefined;
  if (req.sheet && !sheet) throw new AppError('VALIDATION', `Tệp "${fileName}" không có trang tính "${req.sheet}".`);
  const samples = (s: SheetGrid) => s.rows.slice(0, 40).flatMap((r) => (r ?? []).filter((v): v is string => typeof v === 'string'));
  const encodingOf = (s: SheetGrid) => detectLegacyEncoding(samples(s), workbook.fonts);
  const readable = (s: SheetGrid) => legacyConvert(s, encodingOf(s));
  let table = null;
  if (sheet) table = findReportTable(readable(sheet));
  else {
    for (const candidate of workbook.sheets) {
      table = findReportTable(readable(candidate));
      if (table) {
        sheet = candidate;
        break;
      }
    }
  }
  if (!sheet || !table) throw noReportError(fileName, workbook.sheets, req.sheet);
  const legacy = encodingOf(sheet);
  const grid = legacyConvert(sheet, legacy);
  // Only .VnTimeH stores capitals as lower-case codes; VNI has capitals of its own.
  if (legacy === 'tcvn3') {
    table.titleLines = table.titleLines.map(restoreHeadingCase);
    for (const c of table.columns) c.header = restoreHeadingCase(c.header);
  }
  const rows: RawRow[] = [];
  for (let r = table.firstData; r <= table.lastData; r++) rows.push({ rowNo: grid.firstRow + r + 1, cells: cellsToJson(grid.rows[r]) });
  const tailEnd = table.totalsRow ?? table.lastData;
  return {
    fileName, sheet: sheet.name, headerRow: cellAddress(grid, table.headerBottom, 0).row,
    columns: table.columns.map(({ index: _index, ...c }) => c),
    meta: {
      sheetNames, legacy, table,
      grid: { name: grid.name, firstRow: grid.firstRow, firstCol: grid.firstCol, merges: grid.merges, ...(grid.totalRows !== undefined ? { totalRows: grid.totalRows } : {}) },
      head: grid.rows.slice(0, table.firstData).map((r) => cellsToJson(r)),
      tail: grid.rows.slice(table.lastData + 1, tailEnd + 1).map((r) => cellsToJson(r)),
    },
    rows,
  };
}

/** The sheet again from what was read (or staged): the head, the data rows at their places, the totals. */
function gridOf(meta: ReportMeta, rows: RawRow[]): SheetGrid {
  const { table } = meta;
  const grid: unknown[][] = meta.head.map((r) => cellsFromJson(r));
  for (let r = grid.length; r < table.firstData; r++) grid.push([]);
  for (const raw of rows) grid[raw.rowNo - meta.grid.firstRow - 1] = cellsFromJson(raw.cells);
  for (let r = table.firstData; r <= table.lastData; r++) grid[r] ??= [];
  meta.tail.forEach((cells, i) => (grid[table.lastData + 1 + i] = cellsFromJson(cells)));
  return { ...meta.grid, rows: grid };
}

/**
 * Works out, without writing anything, exactly what importing the report would change: from the
 * rows just read or from the staged ones (a correction). The commit later writes this plan and
 * nothing else.
 */
export async function validateReport(ctx: CoreContext, source: { fileName: string; meta: ReportMeta; rows: RawRow[] }, req: PreviewRequest, op: Pick<ImportOperation, 'progress'>): Promise<ImportSession> {
  const { fileName, meta } = source;
  const { sheetNames, legacy } = meta;
  // A copy: the stored meta is read again by the next correction.
  const table: ReportTable = structuredClone(meta.table);
  const grid = gridOf(meta, source.rows);
  const sheet = { name: grid.name };
  op.progress('Đang đối chiếu đơn vị…', sheetNames.length, sheetNames.length + 1);

  const fromTitle = periodFromTitle(table.titleLines);
  const period = req.period ?? fromTitle.period;
  const periodSource = req.period ? ('override' as const) : fromTitle.period ? ('title' as const) : null;
  const today = localToday(ctx.now());
  const errors: ImportIssue[] = [];
  const warnings: ImportWarning[] = [];
  let asOf: string | null = null;
  errors.push(...periodIssues({ file: fileName, grid, headerTop: table.headerTop, period, fromTitle: periodSource === 'title', statedAsOf: fromTitle.statedAsOf, today }));
  const tooLong = sheetSizeIssue(fileName, grid);
  if (tooLong) errors.push(tooLong);
  if (period && errors.length === 0) {
    try {
      asOf = req.period || !fromTitle.asOf ? defaultAsOf(period, today) : fromTitle.asOf;
    } catch (error) {
      errors.push({ kind: 'period', sheet: sheet.name, row: 1, column: null, cell: null, message: (error as Error).message });
    }
  } else if (!period) {
    errors.push({ kind: 'period', sheet: sheet.name, row: 1, column: null, cell: null, message: 'Không đọc được kỳ báo cáo từ tiêu đề; hãy chọn tháng báo cáo.' });
  }
  // The same tree the entry grid shows for the month (shared treeDateOf), so names match alike.
  const tree = await viewTree(ctx.store, period ? treeDateOf(period, today) : today);
  const { candidates, office } = candidatesFor(tree, table.titleLines);
  const officeCode = await officeNamedInTitle(ctx.store, table.titleLines, tree.date);
  const sourceKey = office ? `unit:${tree.nodes.get(office.id)!.code}` : `file:${foldText(table.titleLines[0] ?? fileName)}`;
  const headerSignature = table.columns.map((c) => foldText(c.header)).join('|');

  // Columns: detected, then the office's remembered mapping, then what the user chose now.
  const imports = new ImportRepository(ctx.store);
  const [remembered, aliasIds] = await Promise.all([imports.mapping(sourceKey, headerSignature), imports.aliases(sourceKey)]);
  const overrides = req.columns ?? (remembered ? (JSON.parse(remembered) as PreviewRequest['columns']) : undefined);
  const columns = table.columns.map((c) => {
    const o = overrides?.find((x) => x.column === c.column);
    if (!o) return c;
    return { ...c, role: o.role, indicatorCode: o.role === 'result' || o.role === 'target' ? o.indicatorCode : null, year: o.role === 'target' ? planYearFromHeader(c.header) : null };
  });
  const reportYear = period ? Number(period.slice(0, 4)) : null;
  const valueColumns = columns.filter((c) => (c.role === 'result' || c.role === 'target') && c.indicatorCode && indicatorByCode(c.indicatorCode)?.kind === 'count');
  const codeColumn = columns.find((c) => c.role === 'code');
  const nameColumn = columns.find((c) => c.role === 'name') ?? { index: table.nameColumn };
  if (valueColumns.length === 0) {
    errors.push({ kind: 'columns', sheet: sheet.name, row: cellAddress(grid, table.headerTop, 0).row, column: null, cell: null, message: 'Không nhận ra cột số liệu nào (Kế hoạch, Thực hiện, Số người tham gia, Dân số …); hãy chọn nội dung cho các cột.' });
  }

  const choices = new Map((req.unitChoices ?? []).map((c) => [unitNameKey(c.typedName), c.unitCode]));
  const byKey = new Map<string, Candidate[]>();
  for (const c of candidates) byKey.set(c.key, [...(byKey.get(c.key) ?? []), c]);
  const byCode = new Map(candidates.map((c) => [c.code, c]));
  const aliases: ImportSession['aliases'] = [];
  const seenUnits = new Map<number, number>();
  const rows: ImportPreviewRow[] = [];
  const planned: PlannedValue[] = [];
  for (let r = table.firstData; r <= table.lastData; r++) {
    const raw = grid.rows[r] ?? [];
    const excelRow = cellAddress(grid, r, 0).row;
    const typedName = String(raw[nameColumn.index] ?? '').trim();
    const issues: ImportIssue[] = [];
    const at = (col: number, message: string): ImportIssue => ({ kind: 'row', sheet: sheet!.name, row: excelRow, ...pick(cellAddress(grid, r, col)), message });
    let unit: Candidate | null = null;
    let suggested: Candidate[] = [];
    const typedKey = unitNameKey(typedName);
    const chosen = choices.get(typedKey);
    const typedCode = codeColumn ? String(raw[codeColumn.index] ?? '').trim() : '';
    if (chosen) {
      unit = byCode.get(chosen) ?? null;
      if (!unit) issues.push(at(nameColumn.index, `Đơn vị mã ${chosen} không thuộc phạm vi báo cáo.`));
      else aliases.push({ typedKey, unitId: unit.id });
    } else if (typedCode) {
      unit = byCode.get(typedCode) ?? null;
      if (!unit) issues.push(at(codeColumn!.index, `Mã đơn vị "${typedCode}" không có trong danh mục ${monthLabel(period ?? today.slice(0, 7))}.`));
    } else {
      const aliasId = aliasIds.get(typedKey) ?? null;
      const hits = aliasId !== null ? candidates.filter((c) => c.id === aliasId) : (byKey.get(typedKey) ?? []);
      if (hits.length === 1) unit = hits[0]!;
      else {
        suggested = hits.length > 1 ? hits : suggestions(typedName, candidates);
        issues.push(at(nameColumn.index, hits.length > 1 ? `Tên "${typedName}" trùng với ${hits.length} đơn vị; hãy chọn đúng đơn vị.` : `Không tìm thấy đơn vị "${typedName}" trong danh mục; hãy chọn đơn vị.`));
      }
    }
    if (unit && seenUnits.has(unit.id)) issues.push(at(nameColumn.index, `${unit.name} đã có ở dòng ${seenUnits.get(unit.id)}.`));
    if (unit) seenUnits.set(unit.id, excelRow);
    const values: Record<string, number | null> = {};
    for (const c of valueColumns) {
      const parsed = parseViCell(raw[c.index], 'count');
      const key = `${c.role}:${c.indicatorCode}`;
      if (!parsed.ok) {
        issues.push(at(c.index, `${c.header}: ${parsed.message}.`));
        values[key] = null;
      } else values[key] = parsed.value;
    }
    const status = !unit ? 'unmatched' : issues.length ? 'error' : 'ok';
    if (status === 'ok') {
      for (const c of valueColumns) {
        const value = values[`${c.role}:${c.indicatorCode}`];
        if (value !== null && value !== undefined) {
          planned.push({ unitId: unit!.id, kind: c.role as 'result' | 'target', indicatorCode: c.indicatorCode!, value, year: c.role === 'target' ? (c.year ?? reportYear) : null, row: excelRow });
        }
      }
    }
    rows.push({ row: excelRow, typedName, unitCode: unit?.code ?? null, unitName: unit?.name ?? null, status, values, issues, suggestions: suggested.map((s) => ({ code: s.code, name: s.name })) });
  }
  const checked = await applyValueRules(ctx, { file: fileName, sheet: sheet.name, period, rows, columns: valueColumns, unitIdOf: (code) => byCode.get(code)?.id, planned });
  warnings.push(...checked.warnings);
  const matchedUnitIds = rows.flatMap((r) => (r.unitCode && byCode.has(r.unitCode) ? [byCode.get(r.unitCode)!.id] : []));
  const owner = await ownerIssues(ctx, { file: fileName, grid, headerTop: table.headerTop, titleLines: table.titleLines, tree, matchedUnitIds });
  errors.push(...owner.errors);
  warnings.push(...owner.warnings);
  if (rows.length === 0) errors.push({ kind: 'table', sheet: sheet.name, row: cellAddress(grid, table.firstData, 0).row, column: null, cell: null, message: 'Bảng không có dòng số liệu nào.' });

  const totals: TotalsCheck[] = [];
  if (table.totalsRow !== null) {
    for (const c of valueColumns) {
      const parsed = parseViCell(grid.rows[table.totalsRow]?.[c.index], 'count');
      const key = `${c.role}:${c.indicatorCode}`;
      const sum = rows.reduce((s, row) => s + (row.values[key] ?? 0), 0);
      const fileTotal = parsed.ok ? parsed.value : null;
      const matches = fileTotal === null || fileTotal === sum;
      const cell = cellAddress(grid, table.totalsRow, c.index).cell;
      totals.push({ key, label: c.header, fileTotal, sumOfRows: sum, matches, cell });
      if (!matches) warnings.push({ kind: 'totals', cell, message: `Dòng tổng cộng (ô ${cell}) ghi ${formatCount(fileTotal)} nhưng tổng các dòng là ${formatCount(sum)} — ${c.header}.` });
    }
  }

  const { changes, changed } = asOf && period ? await diff(ctx, checked.planned, period, tree) : { changes: [], changed: [] };
  const rowIssues = rows.flatMap((r) => r.issues);
  if (legacy) warnings.unshift({ kind: 'legacy', cell: null, message: LEGACY_WARNINGS[legacy] });
  const preview: ImportPreview = {
    sessionId: '',
    fileName, sheets: sheetNames, sheet: sheet.name, period, periodSource, asOf, officeName: office?.line ?? null, officeCode,
    headerRows: [cellAddress(grid, table.headerTop, 0).row, cellAddress(grid, table.headerBottom, 0).row],
    firstDataRow: cellAddress(grid, table.firstData, 0).row, lastDataRow: cellAddress(grid, table.lastData, 0).row,
    columns: columns.map(({ index: _index, ...c }) => c), rows, totals, changes, legacyEncoding: legacy,
    errors: [...errors, ...rowIssues], warnings: warnings.map((w) => w.message), warningDetails: warnings,
    rowCount: rows.length,
    rowCounts: { ok: rows.filter((r) => r.status === 'ok').length, error: rows.filter((r) => r.status === 'error').length, unmatched: rows.filter((r) => r.status === 'unmatched').length },
    canCommit: errors.length === 0 && rowIssues.length === 0 && rows.every((r) => r.status === 'ok') && changes.length > 0,
    canCommitValidRows: errors.length === 0 && Boolean(period) && changes.length > 0 && rows.some((r) => r.status !== 'ok'),
  };
  return { preview, planned: changed, asOf: asOf ?? '', sourceKey, headerSignature, columnsOverridden: Boolean(req.columns), aliases };
}

function pick(a: { row: number; column: string; cell: string }): { column: string; cell: string } {
  return { column: a.column, cell: a.cell };
}

/**
 * Old → new for every planned value that differs from what the database holds: the month's
 * results of the file's units in one query, their targets in one query per plan year.
 */
async function diff(ctx: CoreContext, planned: PlannedValue[], period: string, tree: ViewTree): Promise<{ changes: ImportChange[]; changed: PlannedValue[] }> {
  const { from, to } = monthBounds(period);
  const unitIds = [...new Set(planned.map((p) => p.unitId))];
  const resultsNow = new Map<string, number>();
  for (const r of await new ResultRepository(ctx.store).forUnitsInRange(unitIds, from, to)) resultsNow.set(`${r.unitId}|${r.indicatorCode}`, r.value);
  const targetsNow = new Map<number, Map<string, { value: number }>>();
  const repo = new TargetRepository(ctx.store);
  for (const year of new Set(planned.filter((p) => p.kind === 'target').map((p) => p.year!))) targetsNow.set(year, await repo.latestMany(unitIds, year, '', IMPORTED_TARGET_SOURCE));
  const out: ImportChange[] = [];
  const changed: PlannedValue[] = [];
  for (const p of planned) {
    const node = tree.nodes.get(p.unitId)!;
    const key = `${p.unitId}|${p.indicatorCode}`;
    const old = p.kind === 'result' ? (resultsNow.get(key) ?? null) : (targetsNow.get(p.year!)?.get(key)?.value ?? null);
    if (old === p.value) continue;
    out.push({ unitCode: node.code, unitName: node.name, kind: p.kind, indicatorCode: p.indicatorCode, year: p.year, oldValue: old, newValue: p.value });
    changed.push(p);
  }
  return { changes: out, changed };
}
