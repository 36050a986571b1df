import { memo, useCallback, useEffect, useMemo, useRef, useState, type FormEvent, type RefObject } from 'react';
import {
  createTextColumn,
  DynamicDataSheetGrid,
  type CellProps,
  type Column,
  type DataSheetGridRef,
} from 'react-datasheet-grid';
import 'react-datasheet-grid/dist/style.css';
import { jumpRatio, jumpText } from '../../../../shared/calc/jump';
import type { GridIssue, ResultGrid } from '../../../../shared/contract/resultsTypes';
import { indicatorByCode } from '../../../../shared/domain/indicators';
import { formatCount } from '../../../../shared/format/vi';
import { cellKey, isInvalid, type CellValue, type EditRow } from '../../stores/results';
import { parseViCount } from './viNumber';

/** Text typed or pasted into a cell → a count, a missing figure, or the text kept with its error. */
export function toCellValue(text: string): CellValue {
  const parsed = parseViCount(text);
  return parsed.ok ? parsed.value : { raw: text.trim(), message: parsed.message };
}

const baseColumn = createTextColumn<CellValue>({
  alignRight: true,
  // Commit on Enter/Tab/blur, so one edit is one undo step.
  continuousUpdates: false,
  deletedValue: null,
  parseUserInput: toCellValue,
  parsePastedValue: toCellValue,
  formatBlurredInput: (v) => (isInvalid(v) ? v.raw : v === null || v === undefined ? '' : formatCount(v)),
  formatInputOnFocus: (v) => (isInvalid(v) ? v.raw : v === null || v === undefined ? '' : String(v)),
  // Plain digits paste correctly into Excel whatever its regional settings.
  formatForCopy: (v) => (isInvalid(v) ? v.raw : v === null || v === undefined ? '' : String(v)),
});
const BaseCell = baseColumn.component!;

/** What the cells need to know besides their own value. */
export interface GridContext {
  previous: Map<string, Record<string, number | null>>;
  original: Map<string, Record<string, number | null>>;
  savedNotes: Map<string, Record<string, string | null>>;
  issues: Map<string, GridIssue>;
  notes: Record<string, string>;
  /** The share of last month's figure above which a change needs a note (core checks the same on save). */
  jumpThreshold: number;
}

interface NumberColumnData {
  code: string;
  name: string;
  ctx: GridContext;
}

type CellState = 'invalid' | 'blocking' | 'flagged' | 'jump' | 'changed' | null;

/** An edited value far from last month's: flagged before saving, so the note can be ready. */
function localJump(row: EditRow, code: string, value: CellValue, ctx: GridContext): number | null {
  if (isInvalid(value) || value === (ctx.original.get(row.code)?.[code] ?? null)) return null;
  return jumpRatio(ctx.previous.get(row.code)?.[code], value, ctx.jumpThreshold);
}

/** `draft` is the text being typed in the cell, read the way it will be taken on Enter. */
function cellState(row: EditRow, code: string, ctx: GridContext, draft?: CellValue): CellState {
  const value = draft !== undefined ? draft : (row.values[code] ?? null);
  if (isInvalid(value)) return 'invalid';
  const issue = draft === undefined ? ctx.issues.get(cellKey(row.code, code)) : undefined;
  if (issue) return issue.blocking ? 'blocking' : 'flagged';
  if (localJump(row, code, value, ctx) !== null) return 'jump';
  const before = ctx.original.get(row.code)?.[code] ?? null;
  return before !== value ? 'changed' : null;
}

function cellTitle(row: EditRow, code: string, ctx: GridContext): string {
  const lines: string[] = [];
  const value = row.values[code] ?? null;
  const prev = ctx.previous.get(row.code)?.[code] ?? null;
  lines.push(`Tháng trước: ${prev === null ? 'chưa có số liệu' : formatCount(prev)}`);
  const before = ctx.original.get(row.code)?.[code] ?? null;
  if (isInvalid(value)) lines.push(`Lỗi: ${value.message}`);
  else if (before !== value) lines.push(`Đã sửa, chưa lưu (giá trị cũ: ${before === null ? 'trống' : formatCount(before)})`);
  const issue = ctx.issues.get(cellKey(row.code, code));
  if (issue) lines.push(`${issue.blocking ? 'Lỗi' : 'Cảnh báo'}: ${issue.message}`);
  else if (!isInvalid(value) && value !== null && prev !== null && localJump(row, code, value, ctx) !== null)
    lines.push(`Biến động bất thường: ${jumpText(prev, value, ctx.jumpThreshold)}`);
  const note = ctx.notes[cellKey(row.code, code)] || ctx.savedNotes.get(row.code)?.[code];
  if (note) lines.push(`Ghi chú: ${note}`);
  return lines.join('\n');
}

const NumberCell = memo(function NumberCell(props: CellProps<EditRow, NumberColumnData>) {
  const { rowData, setRowData, columnData, ...rest } = props;
  const { code, ctx } = columnData;
  const rowRef = useRef(rowData);
  rowRef.current = rowData;
  const setValue = useCallback(
    (value: CellValue) => setRowData({ ...rowRef.current, values: { ...rowRef.current.values, [code]: value } }),
    [code, setRowData],
  );
  // What is being typed colours the cell at once; Enter, Tab or leaving the cell commits it.
  const [draft, setDraft] = useState<CellValue | undefined>(undefined);
  useEffect(() => {
    if (!rest.focus) setDraft(undefined);
  }, [rest.focus]);
  const onInput = (e: FormEvent<HTMLDivElement>) => {
    if (rest.focus) setDraft(toCellValue((e.target as HTMLInputElement).value));
  };
  const value = rowData.values[code] ?? null;
  const prev = ctx.previous.get(rowData.code)?.[code] ?? null;
  const state = cellState(rowData, code, ctx, draft);
  const hasNote = Boolean(ctx.notes[cellKey(rowData.code, code)] || ctx.savedNotes.get(rowData.code)?.[code]);
  return (
    <div
      className={`rg-cell${state ? ` rg-cell-${state}` : ''}`}
      title={cellTitle(rowData, code, ctx)}
      data-unit={rowData.code}
      data-indicator={code}
      data-state={state ?? undefined}
      onInput={onInput}
    >
      <BaseCell {...rest} rowData={value} setRowData={setValue} columnData={baseColumn.columnData!} />
      <span className="rg-prev" aria-hidden>
        {hasNote ? <span className="rg-note-mark">ghi chú · </span> : null}
        {prev === null ? '' : `T.trước: ${formatCount(prev)}`}
      </span>
    </div>
  );
});

function withValue(row: EditRow, code: string, value: CellValue): EditRow {
  return { ...row, values: { ...row.values, [code]: value } };
}

function UnitCell({ rowData }: { rowData: EditRow }) {
  return (
    <div className="rg-unit" title={`${rowData.name} (${rowData.code})`} data-unit-row={rowData.code}>
      <span className="rg-unit-name">{rowData.name}</span>
      <span className="rg-unit-code">{rowData.code}</span>
    </div>
  );
}

/** The total of one indicator over the rows shown: what was typed counts, unreadable text does not. */
export interface ColumnTotal {
  sum: number | null;
  /** Rows shown with a figure. */
  counted: number;
  invalid: number;
}

export function columnTotals(rows: EditRow[], codes: string[]): Record<string, ColumnTotal> {
  const out: Record<string, ColumnTotal> = {};
  for (const code of codes) {
    const total: ColumnTotal = { sum: null, counted: 0, invalid: 0 };
    for (const row of rows) {
      const v = row.values[code] ?? null;
      if (isInvalid(v)) total.invalid++;
      else if (v !== null) {
        total.sum = (total.sum ?? 0) + v;
        total.counted++;
      }
    }
    out[code] = total;
  }
  return out;
}

function totalTitle(name: string, t: ColumnTotal, shown: number): string {
  const parts = [`Tổng cộng ${name} của ${formatCount(shown)} đơn vị đang hiện, gồm cả số đã sửa chưa lưu`];
  if (t.counted < shown) parts.push(`${formatCount(shown - t.counted)} đơn vị chưa có số liệu hoặc nhập chưa đúng`);
  if (t.invalid > 0) parts.push(`${formatCount(t.invalid)} ô nhập chưa đúng không được cộng`);
  return parts.join('; ');
}

export interface EntryGridProps {
  grid: ResultGrid;
  /** The rows shown (all units, or those of the BHXH cơ sở chosen). */
  rows: EditRow[];
  issues: GridIssue[];
  notes: Record<string, string>;
  height: number;
  onChange: (rows: EditRow[]) => void;
  gridRef?: RefObject<DataSheetGridRef | null>;
}

/**
 * The Excel-like sheet: units down, indicators across; keyboard, block paste, copy.
 * The dynamic grid, because the columns carry the issues and notes and change after a save
 * (the library's default export freezes its columns at mount). The total row lives in the
 * sticky header, so it stays in view while scrolling, cannot be edited and is never saved.
 */
export default function EntryGrid({ grid, rows, issues, notes, height, onChange, gridRef }: EntryGridProps) {
  const ctx = useMemo<GridContext>(() => {
    const issueMap = new Map<string, GridIssue>();
    for (const issue of issues) {
      const key = cellKey(issue.unitCode, issue.indicatorCode);
      const known = issueMap.get(key);
      if (!known || (issue.blocking && !known.blocking)) issueMap.set(key, issue);
    }
    return {
      previous: new Map(grid.rows.map((r) => [r.code, r.previous])),
      original: new Map(grid.rows.map((r) => [r.code, r.values])),
      savedNotes: new Map(grid.rows.map((r) => [r.code, r.notes])),
      issues: issueMap,
      notes,
      jumpThreshold: grid.jumpThreshold,
    };
  }, [grid, issues, notes]);

  // Kept apart from the titles so a new total does not re-render every cell.
  const columnData = useMemo(() => grid.indicators.map((ind) => ({ code: ind.code, name: ind.name, ctx })), [grid.indicators, ctx]);
  const totals = useMemo(() => columnTotals(rows, grid.indicators.map((i) => i.code)), [rows, grid.indicators]);

  const columns = useMemo<Column<EditRow, NumberColumnData, string>[]>(
    () =>
      grid.indicators.map((ind, k) => {
        const short = indicatorByCode(ind.code)?.shortName ?? ind.name;
        const total = totals[ind.code]!;
        return {
          id: ind.code,
          title: (
            <div className="rg-head-cell">
              <span className="rg-head" title={ind.name} data-indicator-head={ind.code}>
                {short}
              </span>
              <span className="rg-total" data-testid="rg-total" data-indicator={ind.code} title={totalTitle(short, total, rows.length)}>
                {total.sum === null ? '—' : formatCount(total.sum)}
              </span>
            </div>
          ),
          basis: 106,
          grow: 1,
          shrink: 0,
          minWidth: 100,
          component: NumberCell,
          columnData: columnData[k]!,
          deleteValue: ({ rowData }) => withValue(rowData, ind.code, null),
          copyValue: ({ rowData, rowIndex }) => baseColumn.copyValue!({ rowData: rowData.values[ind.code] ?? null, rowIndex }),
          pasteValue: ({ rowData, value }) => withValue(rowData, ind.code, toCellValue(value)),
          isCellEmpty: ({ rowData }) => (rowData.values[ind.code] ?? null) === null,
        };
      }),
    [grid.indicators, columnData, totals, rows.length],
  );

  const gutter = useMemo(
    () => ({
      basis: 206,
      title: (
        <div className="rg-head-cell">
          <span className="rg-head rg-head-unit">Đơn vị</span>
          <span className="rg-total rg-total-label" data-testid="rg-total-label">
            Tổng cộng ({formatCount(rows.length)} đơn vị)
          </span>
        </div>
      ),
      component: UnitCell,
    }),
    [rows.length],
  );

  return (
    <div className="rg-grid" data-testid="results-grid">
      <DynamicDataSheetGrid<EditRow>
        ref={gridRef}
        value={rows}
        onChange={onChange}
        columns={columns}
        gutterColumn={gutter}
        rowKey="code"
        height={height}
        rowHeight={44}
        headerRowHeight={74}
        // Rows are the units of the tree: none added or removed here (this also turns off the
        // library's English context menu; Ctrl+C / Ctrl+V / Delete work from the keyboard).
        lockRows
        addRowsComponent={false}
        disableExpandSelection={false}
      />
    </div>
  );
}
