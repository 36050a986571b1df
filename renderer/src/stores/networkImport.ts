import { create } from 'zustand';
import type { AppErrorShape, FileRef, NetworkImportOutcome, NetworkImportPreview, ResultsImportPreview } from '../../../shared/contract';
import { api, call } from '../api/client';
import { toErrorShape } from '../api/errors';
import { afterNetworkWrite } from './networkShared';

export const NETWORK_IMPORT_EXTENSIONS = ['xlsx', 'xls', 'ods', 'csv'];

export type NetworkImportKind = 'lists' | 'results';

interface NetworkImportState {
  open: NetworkImportKind | null;
  file: FileRef | null;
  /** YYYY-MM the results file is for (results only; empty: the month the file names). */
  month: string | null;
  busy: boolean;
  listPreview: NetworkImportPreview | null;
  resultsPreview: ResultsImportPreview | null;
  outcome: NetworkImportOutcome | null;
  error: AppErrorShape | null;
  openDialog: (kind: NetworkImportKind) => void;
  close: () => void;
  pick: () => Promise<void>;
  setMonth: (month: string | null) => Promise<void>;
  commit: () => Promise<void>;
}

export const useNetworkImport = create<NetworkImportState>((set, get) => {
  const preview = async (file: FileRef) => {
    set({ busy: true, error: null, listPreview: null, resultsPreview: null });
    if (get().open === 'lists') {
      const res = await call('network:previewImport', { file });
      set(res.ok ? { listPreview: res.value, busy: false } : { busy: false, error: res.error });
    } else {
      const month = get().month;
      const res = await call('network:previewResults', { file, ...(month ? { month } : {}) });
      set(res.ok ? { resultsPreview: res.value, busy: false } : { busy: false, error: res.error });
    }
  };
  return {
    open: null,
    file: null,
    month: null,
    busy: false,
    listPreview: null,
    resultsPreview: null,
    outcome: null,
    error: null,
    openDialog: (kind) => set({ open: kind, file: null, month: null, busy: false, listPreview: null, resultsPreview: null, outcome: null, error: null }),
    close: () => set({ open: null }),
    pick: async () => {
      let file: FileRef | null;
      try {
        file = await api.pickFile({
          title: get().open === 'lists' ? 'Chọn tệp Excel danh sách đại lý thu, điểm thu, nhân viên thu' : 'Chọn tệp Excel kết quả tháng của nhân viên thu',
          extensions: NETWORK_IMPORT_EXTENSIONS,
        });
      } catch (err) {
        set({ error: toErrorShape(err) });
        return;
      }
      if (!file) return;
      set({ file, outcome: null });
      await preview(file);
    },
    setMonth: async (month) => {
      set({ month });
      const file = get().file;
      if (file) await preview(file);
    },
    commit: async () => {
      const planId = get().open === 'lists' ? get().listPreview?.planId : get().resultsPreview?.planId;
      if (!planId) return;
      set({ busy: true, error: null });
      const res = get().open === 'lists' ? await call('network:commitImport', { planId }) : await call('network:commitResults', { planId });
      if (res.ok) {
        set({ busy: false, outcome: res.value, listPreview: null, resultsPreview: null });
        await afterNetworkWrite();
      } else set({ busy: false, error: res.error });
    },
  };
});
