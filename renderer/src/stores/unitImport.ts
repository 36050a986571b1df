import { create } from 'zustand';
import type { AppErrorShape, FileRef, Result, UnitImportOutcome, UnitImportPreview } from '../../../shared/contract';
import { api, call } from '../api/client';
import { toErrorShape } from '../api/errors';
import { refreshAfterChange } from './refresh';
import { useRoute, type AreaKey } from './route';

export const UNIT_IMPORT_EXTENSIONS = ['xlsx', 'xls', 'ods', 'csv'];

interface UnitImportState {
  open: boolean;
  /** Where to go once the import is committed (the first-run screen sends users to Danh mục). */
  navigateTo: AreaKey | null;
  file: FileRef | null;
  picking: boolean;
  previewing: boolean;
  /** The running preview's id: its progress events, and what "Dừng đọc tệp" cancels. */
  operationId: string | null;
  /** Set when the user stopped reading the file (Vietnamese, from core). */
  cancelled: string | null;
  preview: UnitImportPreview | null;
  error: AppErrorShape | null;
  committing: boolean;
  outcome: UnitImportOutcome | null;
  openDialog: (options?: { navigateTo?: AreaKey }) => void;
  close: () => void;
  /** Opens the file dialog, uploads the file and previews it. */
  pickFile: () => Promise<void>;
  /** Re-runs the preview with another validity date (2-level lists). */
  setValidFrom: (validFrom: string | null) => Promise<void>;
  commit: () => Promise<Result<UnitImportOutcome> | null>;
  /** Stops reading the file ("Dừng đọc tệp"): the worker is ended, nothing was written. */
  cancelPreview: () => Promise<void>;
  startOver: () => void;
}

const initial = {
  file: null,
  picking: false,
  previewing: false,
  operationId: null,
  cancelled: null,
  preview: null,
  error: null,
  committing: false,
  outcome: null,
};

let previewSeq = 0;

function newOperationId(): string {
  return globalThis.crypto?.randomUUID?.() ?? `danh-muc-${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

export const useUnitImportStore = create<UnitImportState>((set, get) => {
  const runPreview = async (file: FileRef, validFrom?: string | null) => {
    const seq = ++previewSeq;
    const operationId = newOperationId();
    // Another "valid from" for the preview on screen: core plans again from its staged rows, without the file.
    const planId = validFrom !== undefined ? get().preview?.planId : undefined;
    set({ previewing: true, error: null, cancelled: null, operationId });
    const res = await call('units:previewImport', { file, operationId, ...(validFrom !== undefined ? { validFrom } : {}), ...(planId ? { planId } : {}) });
    if (seq !== previewSeq) return;
    if (res.ok) set({ preview: res.value, previewing: false, operationId: null });
    else if (res.error.code === 'CANCELLED') set((s) => ({ previewing: false, operationId: null, cancelled: res.error.message, file: s.preview ? s.file : null }));
    else set({ preview: null, previewing: false, operationId: null, error: res.error });
  };

  return {
    open: false,
    navigateTo: null,
    ...initial,

    openDialog: (options) => set({ open: true, navigateTo: options?.navigateTo ?? null, ...initial }),
    close: () => {
      previewSeq++;
      set({ open: false, navigateTo: null, ...initial });
    },
    startOver: () => {
      previewSeq++;
      set({ ...initial });
    },

    pickFile: async () => {
      set({ picking: true, error: null });
      let file: FileRef | null;
      try {
        file = await api.pickFile({ title: 'Chọn tệp Excel danh mục đơn vị hành chính', extensions: UNIT_IMPORT_EXTENSIONS });
      } catch (err) {
        set({ picking: false, error: toErrorShape(err) });
        return;
      }
      set({ picking: false });
      if (!file) return;
      set({ file, preview: null, outcome: null });
      await runPreview(file);
    },

    setValidFrom: async (validFrom) => {
      const { file } = get();
      if (!file) return;
      await runPreview(file, validFrom);
    },

    cancelPreview: async () => {
      const { operationId } = get();
      if (operationId) await call('imports:cancel', { operationId });
    },

    commit: async () => {
      const { preview } = get();
      if (!preview) return null;
      set({ committing: true, error: null });
      const res = await call('units:commitImport', { planId: preview.planId });
      if (res.ok) {
        set({ committing: false, outcome: res.value });
        const target = get().navigateTo;
        if (target) useRoute.getState().navigate(target);
        await refreshAfterChange('units');
      } else set({ committing: false, error: res.error });
      return res;
    },
  };
});
