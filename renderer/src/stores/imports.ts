import { create } from 'zustand';
import type {
  AppErrorShape,
  ColumnRole,
  FileRef,
  ImportBatch,
  ImportCommitOutcome,
  ImportPreview,
  ImportPreviewRow,
  RequestOf,
  Result,
  Unit,
} from '../../../shared/contract';
import { parseYm } from '../../../shared/domain/periods';
import { api, call, saveDownload } from '../api/client';
import { toErrorShape } from '../api/errors';
import { useDashboardStore } from './dashboard';
import { useRoute } from './route';

export const REPORT_IMPORT_EXTENSIONS = ['xlsx', 'xls', 'ods', 'csv'];

export type ImportsTab = 'import' | 'history';

/** A column role as the preview request carries it (the header stays in the file). */
export type ColumnChoice = Pick<ColumnRole, 'column' | 'role' | 'indicatorCode'>;

/** What the user corrected on top of the detection; sent again with every re-preview. */
export interface ImportCorrections {
  sheet?: string;
  period?: string;
  columns?: ColumnChoice[];
  unitChoices: { typedName: string; unitCode: string }[];
}

/** The preview that was committed, kept for the success screen. */
export interface CommittedImport {
  outcome: ImportCommitOutcome;
  fileName: string;
  period: string | null;
  officeName: string | null;
}

interface ImportsState {
  tab: ImportsTab;

  file: FileRef | null;
  picking: boolean;
  previewing: boolean;
  /** Id of the preview running now: its progress events carry it and "Hủy" sends it. */
  operationId: string | null;
  /** Set when the user stopped the last preview (the previous preview, if any, stays). */
  cancelled: string | null;
  preview: ImportPreview | null;
  /** The corrections the preview on screen was computed with. */
  corrections: ImportCorrections;
  /** A failed pick or preview (the previous preview, if any, stays on screen). */
  error: AppErrorShape | null;
  committing: boolean;
  committed: CommittedImport | null;

  /** Units found by the search of an unmatched row's picker. */
  unitSearch: { query: string; units: Unit[]; loading: boolean };

  /** The page of the import history on screen; the history is paged in core. */
  history: ImportBatch[];
  historyTotal: number;
  historyOffset: number;
  historyLoaded: boolean;
  historyLoading: boolean;
  historyError: AppErrorShape | null;
  undoingId: number | null;

  setTab: (tab: ImportsTab) => void;
  /** Opens the file dialog, uploads the file and previews it with no corrections. */
  pickFile: () => Promise<void>;
  setSheet: (sheet: string) => Promise<void>;
  /** 'YYYY-MM', or null to go back to the period read from the title. */
  setPeriod: (period: string | null) => Promise<void>;
  setColumnRole: (column: string, role: ColumnRole['role'], indicatorCode: string | null) => Promise<void>;
  chooseUnit: (typedName: string, unitCode: string) => Promise<void>;
  searchUnits: (query: string) => Promise<void>;
  /** Stops the running preview ("Hủy"); the worker reading the file is terminated. */
  cancelPreview: () => Promise<void>;
  /** skipErrorRows: write the valid rows only (the user chose to leave the rows with errors out). */
  commit: (options?: { skipErrorRows?: boolean }) => Promise<Result<ImportCommitOutcome> | null>;
  /** Builds the workbook of the rows with errors and saves it; fileName null when the save was cancelled. */
  exportErrors: () => Promise<Result<{ fileName: string | null }>>;
  /** A page (1-based) of the preview's rows from core's stage: a long report's rows are not all sent with its preview. */
  loadPreviewPage: (page: number, pageSize: number) => Promise<ImportPreviewRow[] | null>;
  startOver: () => void;
  /** Opens Tổng quan on the month just imported. */
  showOnDashboard: () => void;

  /** Loads a page (1-based) of the history, or reloads the one on screen. */
  loadHistory: (page?: number) => Promise<void>;
  undo: (batchId: number) => Promise<Result<{ restored: number }>>;
}

const NO_CORRECTIONS: ImportCorrections = { unitChoices: [] };

const initialSession = {
  file: null,
  picking: false,
  previewing: false,
  operationId: null,
  cancelled: null,
  preview: null,
  corrections: NO_CORRECTIONS,
  error: null,
  committing: false,
  committed: null,
};

let previewSeq = 0;
let searchSeq = 0;

function newOperationId(): string {
  return globalThis.crypto?.randomUUID?.() ?? `xem-truoc-${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

function previewRequest(file: FileRef, c: ImportCorrections, operationId: string, sessionId: string | null): RequestOf<'imports:preview'> {
  return {
    file,
    operationId,
    // A correction of the preview on screen: core validates its staged rows again, without the file.
    ...(sessionId ? { sessionId } : {}),
    ...(c.sheet ? { sheet: c.sheet } : {}),
    ...(c.period ? { period: c.period } : {}),
    ...(c.columns ? { columns: c.columns } : {}),
    ...(c.unitChoices.length ? { unitChoices: c.unitChoices } : {}),
  };
}

/** Imports listed per page of the history. */
export const HISTORY_PAGE_SIZE = 15;

export const useImportsStore = create<ImportsState>((set, get) => {
  /**
   * Previews the file with these corrections. Only the latest request may write its answer;
   * on failure the preview on screen and its corrections stay, with the error above them.
   */
  const runPreview = async (corrections: ImportCorrections): Promise<void> => {
    const { file, preview } = get();
    if (!file) return;
    const seq = ++previewSeq;
    const operationId = newOperationId();
    set({ previewing: true, error: null, cancelled: null, operationId });
    const res = await call('imports:preview', previewRequest(file, corrections, operationId, preview?.sessionId ?? null));
    if (seq !== previewSeq) return;
    if (res.ok) set({ preview: res.value, corrections, previewing: false, operationId: null });
    else if (res.error.code === 'CANCELLED') {
      // Nothing was read: a first preview goes back to choosing a file, a re-preview keeps the last one.
      set((s) => ({ previewing: false, operationId: null, cancelled: res.error.message, file: s.preview ? s.file : null }));
    } else set({ previewing: false, operationId: null, error: res.error });
  };

  return {
    tab: 'import',
    ...initialSession,
    unitSearch: { query: '', units: [], loading: false },
    history: [],
    historyTotal: 0,
    historyOffset: 0,
    historyLoaded: false,
    historyLoading: false,
    historyError: null,
    undoingId: null,

    setTab: (tab) => set({ tab }),

    pickFile: async () => {
      set({ picking: true, error: null });
      let file: FileRef | null;
      try {
        file = await api.pickFile({ title: 'Chọn tệp Excel báo cáo của BHXH cơ sở', extensions: REPORT_IMPORT_EXTENSIONS });
      } catch (err) {
        set({ picking: false, error: toErrorShape(err) });
        return;
      }
      set({ picking: false });
      if (!file) return;
      previewSeq++;
      set({ ...initialSession, file });
      await runPreview(NO_CORRECTIONS);
    },

    setSheet: async (sheet) => {
      // Another sheet has its own layout: the column corrections of this one do not apply.
      const { columns: _columns, ...rest } = get().corrections;
      await runPreview({ ...rest, sheet });
    },

    setPeriod: async (period) => {
      const { period: _period, ...rest } = get().corrections;
      await runPreview(period ? { ...rest, period } : rest);
    },

    setColumnRole: async (column, role, indicatorCode) => {
      const { preview, corrections } = get();
      if (!preview) return;
      // The whole mapping is sent, so the other columns keep what is on screen.
      const columns = preview.columns.map((c) =>
        c.column === column ? { column, role, indicatorCode } : { column: c.column, role: c.role, indicatorCode: c.indicatorCode },
      );
      await runPreview({ ...corrections, columns });
    },

    chooseUnit: async (typedName, unitCode) => {
      const { corrections } = get();
      const unitChoices = [...corrections.unitChoices.filter((u) => u.typedName !== typedName), { typedName, unitCode }];
      await runPreview({ ...corrections, unitChoices });
    },

    searchUnits: async (query) => {
      const q = query.trim();
      const seq = ++searchSeq;
      if (q.length < 2) {
        set({ unitSearch: { query: q, units: [], loading: false } });
        return;
      }
      set((s) => ({ unitSearch: { ...s.unitSearch, query: q, loading: true } }));
      const res = await call('units:search', { query: q, asOf: null, sort: 'name', limit: 50 });
      if (seq !== searchSeq) return;
      set({ unitSearch: { query: q, units: res.ok ? res.value.items : [], loading: false } });
    },

    cancelPreview: async () => {
      const { operationId } = get();
      if (operationId) await call('imports:cancel', { operationId });
    },

    commit: async (options = {}) => {
      const { preview } = get();
      const skipErrorRows = Boolean(options.skipErrorRows) && !preview?.canCommit && Boolean(preview?.canCommitValidRows);
      if (!preview || (!preview.canCommit && !skipErrorRows)) return null;
      set({ committing: true, error: null });
      const res = await call('imports:commit', { sessionId: preview.sessionId, ...(skipErrorRows ? { skipErrorRows } : {}) });
      if (res.ok) {
        set({
          committing: false,
          committed: { outcome: res.value, fileName: preview.fileName, period: preview.period, officeName: preview.officeName },
        });
        if (get().historyLoaded) void get().loadHistory(1);
      } else set({ committing: false, error: res.error });
      return res;
    },

    loadPreviewPage: async (page, pageSize) => {
      const { preview } = get();
      if (!preview) return null;
      const res = await call('imports:stagedRows', { sessionId: preview.sessionId, page, pageSize });
      return res.ok ? res.value.items : null;
    },
    exportErrors: async () => {
      const { preview } = get();
      if (!preview) return { ok: true, value: { fileName: null } };
      const made = await call('imports:errorsWorkbook', { sessionId: preview.sessionId });
      if (!made.ok) return made;
      const saved = await saveDownload(made.value);
      if (!saved.ok) return saved;
      return { ok: true, value: { fileName: saved.value ? made.value.fileName : null } };
    },

    startOver: () => {
      previewSeq++;
      set({ ...initialSession });
    },

    showOnDashboard: () => {
      const period = get().committed?.period;
      const p = period ? parseYm(period) : null;
      // Tổng quan loads itself when it opens; the district imported sits below the roots, so start from the top.
      if (p) useDashboardStore.setState({ period: { kind: 'month', year: p.year, index: p.month }, unitCode: null, notice: null });
      useRoute.getState().navigate('overview');
    },

    loadHistory: async (page) => {
      const offset = page === undefined ? get().historyOffset : (page - 1) * HISTORY_PAGE_SIZE;
      set({ historyLoading: true, historyError: null });
      const res = await call('imports:list', { offset, limit: HISTORY_PAGE_SIZE });
      if (res.ok) set({ history: res.value.items, historyTotal: res.value.total, historyOffset: offset, historyLoaded: true, historyLoading: false });
      else set({ historyLoaded: true, historyLoading: false, historyError: res.error });
    },

    undo: async (batchId) => {
      set({ undoingId: batchId });
      const res = await call('imports:undo', { batchId });
      set({ undoingId: null });
      await get().loadHistory();
      return res;
    },
  };
});
