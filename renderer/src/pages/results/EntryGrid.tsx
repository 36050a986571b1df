import { memo, useCallback, useMemo, useRef, type RefObject } from 'react';
import {
  createTextColumn,
  DynamicDataSheetGrid,
  type CellProps,
  type Column,
  type DataSheetGridRef,
} from 'react-datasheet-grid';
import 'react-datasheet-grid/dist/style.css';
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
}

interface NumberColumnData {
  code: string;
  name: string;
  ctx: GridContext;
}

type CellState = 'invalid' | 'blocking' | 'flagged' | 'changed' | null;

function cellState(row: EditRow, code: string, ctx: GridContext): CellState {
  const value = row.values[code] ?? null;
  if (isInvalid(value)) return 'invalid';
  const issue = ctx.issues.get(cellKey(row.code, code));
  if (issue) return issue.blocking ? 'blocking' : 'flagged';
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
  const value = rowData.values[code] ?? null;
  const prev = ctx.previous.get(rowData.code)?.[code] ?? null;
  const state = cellState(rowData, code, ctx);
  const hasNote = Boolean(ctx.notes[cellKey(rowData.code, code)] || ctx.savedNotes.get(rowData.code)?.[code]);
  return (
    <div
      className={`rg-cell${state ? ` rg-cell-${state}` : ''}`}
      title={cellTitle(rowData, code, ctx)}
      data-unit={rowData.code}
      data-indicator={code}
      data-state={state ?? undefined}
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

const GUTTER = { basis: 206, title: <span className="rg-head rg-head-unit">Đơn vị</span>, component: UnitCell };

export interface EntryGridProps {
  grid: ResultGrid;
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
 * (the library's default export freezes its columns at mount).
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
    };
  }, [grid, issues, notes]);

  const columns = useMemo<Column<EditRow, NumberColumnData, string>[]>(
    () =>
      grid.indicators.map((ind) => {
        const short = indicatorByCode(ind.code)?.shortName ?? ind.name;
        return {
          id: ind.code,
          title: (
            <span className="rg-head" title={ind.name} data-indicator-head={ind.code}>
              {short}
            </span>
          ),
          basis: 106,
          grow: 1,
          shrink: 0,
          minWidth: 100,
          component: NumberCell,
          columnData: { code: ind.code, name: ind.name, ctx },
          deleteValue: ({ rowData }) => withValue(rowData, ind.code, null),
          copyValue: ({ rowData, rowIndex }) => baseColumn.copyValue!({ rowData: rowData.values[ind.code] ?? null, rowIndex }),
          pasteValue: ({ rowData, value }) => withValue(rowData, ind.code, toCellValue(value)),
          isCellEmpty: ({ rowData }) => (rowData.values[ind.code] ?? null) === null,
        };
      }),
    [grid.indicators, ctx],
  );

  return (
    <div className="rg-grid" data-testid="results-grid">
      <DynamicDataSheetGrid<EditRow>
        ref={gridRef}
        value={rows}
        onChange={onChange}
        columns={columns}
        gutterColumn={GUTTER}
        rowKey="code"
        height={height}
        rowHeight={44}
        headerRowHeight={44}
        // Rows are the units of the tree: none added or removed here (this also turns off the
        // library's English context menu; Ctrl+C / Ctrl+V / Delete work from the keyboard).
        lockRows
        addRowsComponent={false}
        disableExpandSelection={false}
      />
    </div>
  );
}
