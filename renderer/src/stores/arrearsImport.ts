import { create } from 'zustand';
import type { AppErrorShape, ArrearsImportOutcome, ArrearsImportPreview, FileRef } from '../../../shared/contract';
import { api, call } from '../api/client';
import { toErrorShape } from '../api/errors';
import { afterArrearsWrite, useArrearsStore } from './arrears';

export const ARREARS_IMPORT_EXTENSIONS = ['xlsx', 'xls', 'ods', 'csv'];

interface ArrearsImportState {
  open: boolean;
  file: FileRef | null;
  /** YYYY-MM the list stands at (null: as the file's title says). */
  period: string | null;
  /** The office the list is from (null: as the file's heading says). */
  officeCode: string | null;
  busy: boolean;
  preview: ArrearsImportPreview | null;
  outcome: ArrearsImportOutcome | null;
  error: AppErrorShape | null;
  openDialog: () => void;
  close: () => void;
  pick: () => Promise<void>;
  setPeriod: (period: string | null) => Promise<void>;
  setOfficeCode: (code: string | null) => Promise<void>;
  commit: () => Promise<void>;
}

/** "Nhập danh sách nợ": pick a file, preview it (period and office chosen or read from it), commit exactly that preview. */
export const useArrearsImport = create<ArrearsImportState>((set, get) => {
  const preview = async () => {
    const { file, period, officeCode } = get();
    if (!file) return;
    set({ busy: true, error: null, preview: null });
    const res = await call('arrears:previewImport', { file, ...(period ? { period } : {}), ...(officeCode ? { officeCode } : {}) });
    set(res.ok ? { preview: res.value, busy: false } : { busy: false, error: res.error });
  };
  return {
    open: false,
    file: null,
    period: null,
    officeCode: null,
    busy: false,
    preview: null,
    outcome: null,
    error: null,
    openDialog: () => set({ open: true, file: null, period: null, officeCode: null, busy: false, preview: null, outcome: null, error: null }),
    close: () => set({ open: false }),
    pick: async () => {
      let file: FileRef | null;
      try {
        file = await api.pickFile({ title: 'Chọn tệp Excel danh sách đơn vị nợ đóng BHXH, BHYT, BHTN', extensions: ARREARS_IMPORT_EXTENSIONS });
      } catch (err) {
        set({ error: toErrorShape(err) });
        return;
      }
      if (!file) return;
      set({ file, outcome: null });
      await preview();
    },
    setPeriod: async (period) => {
      set({ period });
      await preview();
    },
    setOfficeCode: async (officeCode) => {
      set({ officeCode });
      await preview();
    },
    commit: async () => {
      const planId = get().preview?.planId;
      if (!planId) return;
      set({ busy: true, error: null });
      const res = await call('arrears:commitImport', { planId });
      if (res.ok) {
        set({ busy: false, outcome: res.value, preview: null });
        // The screens turn to the month and office just imported.
        useArrearsStore.setState({ period: res.value.period, officeCode: res.value.officeCode });
        await afterArrearsWrite();
      } else set({ busy: false, error: res.error });
    },
  };
});
