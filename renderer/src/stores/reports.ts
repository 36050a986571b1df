import { create } from 'zustand';
import type { AppErrorShape, DownloadRef, ReportDefinition, ReportDocument, ReportPdfPreview, ReportSectionInfo, Result, SavedReport, SavedReportSummary, Unit } from '../../../shared/contract';
import { api, call, isElectron, saveDownload } from '../api/client';
import { currentToken } from '../api/httpClient';
import { printUrl } from '../print/printMode';
import { useAppStore } from './app';

/** The preview is rebuilt this long after the last change, not on every keystroke. */
export const PREVIEW_DEBOUNCE_MS = 400;

export interface ReportsState {
  /** Sections core can build, in catalogue order. */
  catalogue: ReportSectionInfo[];
  /** Units of today's tree: the choices of "Phạm vi" besides the province and the offices. */
  units: Unit[];
  loaded: boolean;
  loadError: AppErrorShape | null;

  /** The form. */
  definition: ReportDefinition | null;
  /** The saved report being edited; null for a new one. */
  savedId: number | null;
  /** The form or the figures changed since the report was saved (or it was never saved). */
  dirty: boolean;
  /** The saved report's figures are older than the data (shown until "Cập nhật số liệu"). */
  dataChanged: boolean;

  /** What the preview shows: the last build, or the saved snapshot of an opened report. */
  document: ReportDocument | null;
  building: boolean;
  buildError: AppErrorShape | null;
  saving: boolean;

  list: SavedReportSummary[];
  listLoading: boolean;
  listError: AppErrorShape | null;

  /** Catalogue, scope choices, defaults, saved list; then the first preview. */
  init: () => Promise<void>;
  /** Changes the form; the preview follows after a pause. */
  update: (patch: Partial<ReportDefinition>) => void;
  /** Builds the preview now (no debounce). */
  rebuild: () => Promise<void>;
  /** "Cập nhật số liệu": rebuild with today's data; saving then stores the new figures. */
  refreshFigures: () => Promise<void>;
  /** A new report from core's defaults (keeps the chosen period and scope). */
  newReport: () => Promise<void>;
  save: () => Promise<Result<SavedReport>>;
  open: (id: number) => Promise<Result<SavedReport>>;
  remove: (id: number) => Promise<Result<{ deleted: number }>>;
  loadList: () => Promise<void>;
  /** Saves first when needed, then has core make the file and downloads it. */
  exportFile: (kind: 'pdf' | 'excel') => Promise<Result<{ fileName: string | null }>>;
  /** Saves first when needed, then has core print the PDF and hands it back to show page by page. */
  previewPdf: () => Promise<Result<ReportPdfPreview>>;
  /** Electron: the system print dialog. Browser mode: the print page in a new window, which prints itself. */
  print: () => Promise<Result<{ via: 'dialog' | 'window'; printed: boolean }>>;
  /** Rebuilds or re-checks when core reports changed figures; returns the unsubscribe function. */
  watchDataChanges: () => () => void;
}

let buildSeq = 0;
let debounce: ReturnType<typeof setTimeout> | null = null;

function cancelPendingBuild(): void {
  if (debounce) clearTimeout(debounce);
  debounce = null;
  // A build already running must not overwrite what comes next (an opened report, a save).
  buildSeq++;
}

export const useReportsStore = create<ReportsState>((set, get) => {
  const scheduleBuild = () => {
    if (debounce) clearTimeout(debounce);
    debounce = setTimeout(() => {
      debounce = null;
      void get().rebuild();
    }, PREVIEW_DEBOUNCE_MS);
  };

  /** Makes sure the report on screen is saved as shown; returns its id. */
  const ensureSaved = async (): Promise<Result<number>> => {
    const { savedId, dirty } = get();
    if (savedId !== null && !dirty) return { ok: true, value: savedId };
    const saved = await get().save();
    return saved.ok ? { ok: true, value: saved.value.id } : saved;
  };

  const showSaved = (saved: SavedReport, dataChanged: boolean) => {
    cancelPendingBuild();
    set({
      savedId: saved.id,
      definition: saved.definition,
      document: saved.document,
      dirty: false,
      dataChanged,
      building: false,
      buildError: null,
    });
  };

  return {
    catalogue: [],
    units: [],
    loaded: false,
    loadError: null,
    definition: null,
    savedId: null,
    dirty: false,
    dataChanged: false,
    document: null,
    building: false,
    buildError: null,
    saving: false,
    list: [],
    listLoading: false,
    listError: null,

    init: async () => {
      if (get().loaded && get().definition) {
        void get().loadList();
        return;
      }
      const [catalogue, defaults, units] = await Promise.all([
        call('reports:sections', {}),
        call('reports:defaults', {}),
        call('units:list', {}),
        get().loadList(),
      ]);
      const error = !catalogue.ok ? catalogue.error : !defaults.ok ? defaults.error : null;
      if (error) {
        set({ loadError: error, loaded: true });
        return;
      }
      set({
        catalogue: catalogue.ok ? catalogue.value : [],
        units: units.ok ? units.value : [],
        definition: defaults.ok ? defaults.value : null,
        savedId: null,
        dirty: true,
        loaded: true,
        loadError: null,
      });
      await get().rebuild();
    },

    update: (patch) => {
      const definition = get().definition;
      if (!definition) return;
      set({ definition: { ...definition, ...patch }, dirty: true });
      scheduleBuild();
    },

    rebuild: async () => {
      const definition = get().definition;
      if (!definition) return;
      if (debounce) clearTimeout(debounce);
      debounce = null;
      const seq = ++buildSeq;
      set({ building: true });
      const res = await call('reports:build', { definition });
      if (seq !== buildSeq) return;
      if (res.ok) set({ document: res.value, building: false, buildError: null });
      else set({ building: false, buildError: res.error });
    },

    refreshFigures: async () => {
      set({ dirty: true, dataChanged: false });
      await get().rebuild();
    },

    newReport: async () => {
      const current = get().definition;
      cancelPendingBuild();
      const defaults = await call('reports:defaults', current ? { period: current.period, scopeCode: current.scopeCode } : {});
      if (!defaults.ok) {
        set({ buildError: defaults.error });
        return;
      }
      set({ definition: defaults.value, savedId: null, dirty: true, dataChanged: false, buildError: null });
      await get().rebuild();
    },

    save: async () => {
      const { definition, savedId } = get();
      if (!definition) return { ok: false, error: { code: 'VALIDATION', message: 'Chưa có báo cáo để lưu.' } };
      set({ saving: true });
      const res = await call('reports:save', { id: savedId, definition });
      set({ saving: false });
      if (res.ok) {
        // Changes typed while saving stay unsaved (and keep their preview).
        if (get().definition === definition) showSaved(res.value, false);
        else set({ savedId: res.value.id });
        void get().loadList();
      }
      return res;
    },

    open: async (id) => {
      const res = await call('reports:get', { id });
      if (res.ok) showSaved(res.value, res.value.dataChanged);
      return res;
    },

    remove: async (id) => {
      const res = await call('reports:delete', { id });
      if (res.ok) {
        // The form stays: it becomes a new, unsaved report.
        if (get().savedId === id) set({ savedId: null, dirty: true, dataChanged: false });
        await get().loadList();
      }
      return res;
    },

    loadList: async () => {
      set({ listLoading: true });
      const res = await call('reports:list', {});
      if (res.ok) set({ list: res.value, listLoading: false, listError: null });
      else set({ listLoading: false, listError: res.error });
    },

    exportFile: async (kind) => {
      const id = await ensureSaved();
      if (!id.ok) return id;
      const made = (await call(kind === 'pdf' ? 'reports:pdf' : 'reports:excel', { id: id.value })) as Result<DownloadRef>;
      if (!made.ok) return made;
      const saved = await saveDownload(made.value);
      if (!saved.ok) return saved;
      return { ok: true, value: { fileName: saved.value ? made.value.fileName : null } };
    },

    previewPdf: async () => {
      const id = await ensureSaved();
      if (!id.ok) return id;
      return call('reports:pdfPreview', { id: id.value });
    },

    print: async () => {
      const id = await ensureSaved();
      if (!id.ok) return id;
      const mode = useAppStore.getState().info?.mode ?? (isElectron ? 'electron' : 'browser');
      if (mode === 'electron') {
        const res = await call('reports:print', { id: id.value });
        return res.ok ? { ok: true, value: { via: 'dialog', printed: res.value.printed } } : res;
      }
      const opened = window.open(printUrl(id.value, { autoprint: true, token: currentToken() }), '_blank');
      if (!opened) return { ok: false, error: { code: 'UNAVAILABLE', message: 'Trình duyệt đã chặn cửa sổ in. Hãy cho phép cửa sổ bật lên (pop-up) cho BHXH Desk rồi bấm "In" lại.' } };
      return { ok: true, value: { via: 'window', printed: false } };
    },

    watchDataChanges: () =>
      api.onEvent((event) => {
        if (event.type !== 'data-changed' || event.area === 'backups') return;
        const { savedId, dirty, definition } = get();
        if (!definition) return;
        void get().loadList();
        // A saved report keeps its figures; only tell the user they are out of date.
        if (savedId !== null && !dirty) {
          void call('reports:get', { id: savedId }).then((res) => {
            if (res.ok && get().savedId === savedId && !get().dirty) set({ dataChanged: res.value.dataChanged });
          });
        } else scheduleBuild();
      }),
  };
});
