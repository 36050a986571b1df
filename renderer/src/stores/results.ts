import { create } from 'zustand';
import type { AppErrorShape, Result } from '../../../shared/contract';
import type { GridIssue, GridSaveOutcome, ResultGrid } from '../../../shared/contract/resultsTypes';
import type { UnitLevel } from '../../../shared/domain/units';
import { call, exportTable } from '../api/client';
import { todayIso, whenTodayKnown } from '../format/dates';

/** What the user typed but could not be read as a count; kept so it can be corrected in place. */
export interface InvalidInput {
  raw: string;
  message: string;
}

export type CellValue = number | null | InvalidInput;

/** One unit of the entry grid as edited on screen. */
export interface EditRow {
  code: string;
  name: string;
  level: UnitLevel;
  values: Record<string, CellValue>;
}

export function isInvalid(value: CellValue | undefined): value is InvalidInput {
  return typeof value === 'object' && value !== null;
}

export function cellKey(unitCode: string, indicatorCode: string): string {
  return `${unitCode}|${indicatorCode}`;
}

/** A cell whose value differs from the one loaded from the database. */
export interface ChangedCell {
  unitCode: string;
  unitName: string;
  indicatorCode: string;
  before: number | null;
  after: CellValue;
}

export type SaveStatus =
  | { kind: 'nothing' }
  | { kind: 'invalid'; cells: ChangedCell[] }
  | { kind: 'blocked'; outcome: GridSaveOutcome }
  | { kind: 'needNotes'; outcome: GridSaveOutcome; flagged: GridIssue[] }
  | { kind: 'saved'; outcome: GridSaveOutcome }
  | { kind: 'error'; error: AppErrorShape };

const UNDO_LIMIT = 200;

interface ResultsState {
  month: string;
  parentCode: string | null;
  grid: ResultGrid | null;
  rows: EditRow[];
  /** Previous states of `rows`, newest last (Hoàn tác). */
  undoStack: EditRow[][];
  loading: boolean;
  error: AppErrorShape | null;
  saving: boolean;
  /** Issues the server returned for the last save attempt, still relevant to the values on screen. */
  issues: GridIssue[];
  /** Notes (Ghi chú giải trình) typed for flagged cells, by cellKey. */
  notes: Record<string, string>;
  jumpThreshold: number | null;
  settingsSaving: boolean;
  /** BHXH cơ sở whose communes the grid shows (null: every unit); edits of hidden rows are kept. */
  officeCode: string | null;

  load: (opts?: { month?: string; parentCode?: string | null }) => Promise<void>;
  /** The saved figures of the month shown (not unsaved edits) as a formatted workbook. */
  exportGrid: () => Promise<Result<{ fileName: string | null }>>;
  /** The grid changed (typing, paste, delete): remember the previous state for undo. */
  setRows: (rows: EditRow[]) => void;
  undo: () => boolean;
  /** Drops every unsaved edit. */
  discard: () => void;
  setNote: (key: string, note: string) => void;
  save: () => Promise<SaveStatus>;
  loadSettings: () => Promise<void>;
  setJumpThreshold: (ratio: number) => Promise<Result<{ jumpThreshold: number }>>;
  setOfficeCode: (code: string | null) => void;
}

function rowsFromGrid(grid: ResultGrid): EditRow[] {
  return grid.rows.map((r) => ({
    code: r.code,
    name: r.name,
    level: r.level,
    values: Object.fromEntries(grid.indicators.map((i) => [i.code, r.values[i.code] ?? null])),
  }));
}

function sameValue(a: CellValue | undefined, b: CellValue | undefined): boolean {
  if (isInvalid(a) || isInvalid(b)) return isInvalid(a) && isInvalid(b) && a.raw === b.raw;
  return (a ?? null) === (b ?? null);
}

/** The grid shows some of the rows (an office's communes): its edits go back into the full list by unit code. */
export function mergeShown(all: EditRow[], shown: EditRow[]): EditRow[] {
  const byCode = new Map(shown.map((r) => [r.code, r]));
  return all.map((r) => byCode.get(r.code) ?? r);
}

/** Cells edited since the grid was loaded. */
export function changedCells(grid: ResultGrid | null, rows: EditRow[]): ChangedCell[] {
  if (!grid) return [];
  const out: ChangedCell[] = [];
  grid.rows.forEach((orig, i) => {
    const row = rows[i];
    if (!row) return;
    for (const ind of grid.indicators) {
      const before = orig.values[ind.code] ?? null;
      const after = row.values[ind.code] ?? null;
      if (!sameValue(before, after)) out.push({ unitCode: row.code, unitName: row.name, indicatorCode: ind.code, before, after });
    }
  });
  return out;
}

let loadSeq = 0;

export const useResultsStore = create<ResultsState>((set, get) => ({
  month: todayIso().slice(0, 7),
  parentCode: null,
  grid: null,
  rows: [],
  undoStack: [],
  loading: false,
  error: null,
  saving: false,
  issues: [],
  notes: {},
  jumpThreshold: null,
  settingsSaving: false,
  officeCode: null,

  exportGrid: () => exportTable('exports:grid', { month: get().month, parentCode: get().parentCode }),

  load: async (opts) => {
    const month = opts?.month ?? get().month;
    const parentCode = opts && 'parentCode' in opts ? (opts.parentCode ?? null) : get().parentCode;
    const seq = ++loadSeq;
    set({ month, parentCode, loading: true, error: null });
    let res = await call('results:grid', parentCode ? { month, parentCode } : { month });
    if (seq !== loadSeq) return;
    // A district chosen for an old month does not exist after the 2025 reform: fall back to the root.
    if (!res.ok && res.error.code === 'NOT_FOUND' && parentCode) {
      set({ parentCode: null });
      res = await call('results:grid', { month });
      if (seq !== loadSeq) return;
    }
    if (res.ok) {
      set({
        grid: res.value,
        rows: rowsFromGrid(res.value),
        undoStack: [],
        issues: [],
        notes: {},
        loading: false,
        jumpThreshold: res.value.jumpThreshold ?? get().jumpThreshold,
      });
    } else set({ grid: null, rows: [], undoStack: [], issues: [], notes: {}, loading: false, error: res.error });
  },

  setRows: (rows) => {
    const { rows: previous, undoStack, issues, grid } = get();
    // Issues of cells the user just changed are out of date.
    const touched = new Set<string>();
    rows.forEach((row, i) => {
      const old = previous[i];
      if (!old || old === row) return;
      for (const ind of grid?.indicators ?? [])
        if (!sameValue(old.values[ind.code], row.values[ind.code])) touched.add(cellKey(row.code, ind.code));
    });
    if (touched.size === 0) return;
    set({
      rows,
      undoStack: [...undoStack, previous].slice(-UNDO_LIMIT),
      issues: issues.filter((i) => !touched.has(cellKey(i.unitCode, i.indicatorCode))),
    });
  },

  undo: () => {
    const { undoStack } = get();
    const previous = undoStack[undoStack.length - 1];
    if (!previous) return false;
    set({ rows: previous, undoStack: undoStack.slice(0, -1) });
    return true;
  },

  discard: () => {
    const { grid } = get();
    if (grid) set({ rows: rowsFromGrid(grid), undoStack: [], issues: [], notes: {} });
  },

  setNote: (key, note) => set((s) => ({ notes: { ...s.notes, [key]: note } })),

  save: async () => {
    const { grid, rows, month, notes } = get();
    const changed = changedCells(grid, rows);
    if (!grid || changed.length === 0) return { kind: 'nothing' };
    const invalid = changed.filter((c) => isInvalid(c.after));
    if (invalid.length > 0) return { kind: 'invalid', cells: invalid };
    const entries = changed.map((c) => {
      const note = notes[cellKey(c.unitCode, c.indicatorCode)]?.trim();
      return { unitCode: c.unitCode, indicatorCode: c.indicatorCode, value: c.after as number | null, ...(note ? { note } : {}) };
    });
    set({ saving: true });
    // No asOf: core keeps the as-of date of figures already entered for the month.
    const res = await call('results:saveGrid', { month, entries });
    set({ saving: false });
    if (!res.ok) return { kind: 'error', error: res.error };
    const outcome = res.value;
    if (outcome.committed) {
      await get().load();
      return { kind: 'saved', outcome };
    }
    set({ issues: outcome.issues });
    if (outcome.issues.some((i) => i.blocking)) return { kind: 'blocked', outcome };
    const flagged = outcome.issues.filter((i) => !i.blocking);
    if (flagged.length > 0) return { kind: 'needNotes', outcome, flagged };
    return { kind: 'blocked', outcome };
  },

  loadSettings: async () => {
    const res = await call('settings:get', {});
    if (res.ok) set({ jumpThreshold: res.value.jumpThreshold });
  },

  setJumpThreshold: async (ratio) => {
    set({ settingsSaving: true });
    const res = await call('settings:set', { jumpThreshold: ratio });
    set({ settingsSaving: false });
    if (res.ok) {
      const grid = get().grid;
      set({ jumpThreshold: res.value.jumpThreshold, grid: grid ? { ...grid, jumpThreshold: res.value.jumpThreshold } : grid });
    }
    return res;
  },

  setOfficeCode: (officeCode) => set({ officeCode }),
}));

whenTodayKnown((today) => {
  if (!useResultsStore.getState().grid) useResultsStore.setState({ month: today.slice(0, 7) });
});
