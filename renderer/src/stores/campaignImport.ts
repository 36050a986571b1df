import { create } from 'zustand';
import type { AppErrorShape, CampaignBatch, CampaignImportOutcome, CampaignImportPreview, FileRef, Result } from '../../../shared/contract';
import { api, call } from '../api/client';
import { toErrorShape } from '../api/errors';
import { useCampaignsStore } from './campaigns';
import { pagedList, type PagedList } from './pagedList';
import { refreshAfterChange } from './refresh';

const EXTENSIONS = ['xlsx', 'xls', 'ods', 'csv'];

interface CampaignImportState {
  open: boolean;
  busy: boolean;
  preview: CampaignImportPreview | null;
  outcome: CampaignImportOutcome | null;
  error: AppErrorShape | null;
  openDialog: () => void;
  close: () => void;
  pick: () => Promise<void>;
  commit: () => Promise<void>;
}

async function afterImportWrite(): Promise<void> {
  useCampaignsStore.setState((s) => ({ version: s.version + 1 }));
  await Promise.all([useCampaignsStore.getState().load(), useCampaignBatches.getState().load(), refreshAfterChange('campaigns')]);
}

/** "Nhập từ Excel": pick a workbook, preview it, commit exactly that preview. */
export const useCampaignImport = create<CampaignImportState>((set, get) => ({
  open: false,
  busy: false,
  preview: null,
  outcome: null,
  error: null,
  openDialog: () => set({ open: true, busy: false, preview: null, outcome: null, error: null }),
  close: () => set({ open: false }),
  pick: async () => {
    let file: FileRef | null;
    try {
      file = await api.pickFile({ title: 'Chọn tệp Excel danh sách hoạt động tuyên truyền', extensions: EXTENSIONS });
    } catch (err) {
      set({ error: toErrorShape(err) });
      return;
    }
    if (!file) return;
    set({ busy: true, error: null, preview: null, outcome: null });
    const res = await call('campaigns:previewImport', { file });
    set(res.ok ? { preview: res.value, busy: false } : { busy: false, error: res.error });
  },
  commit: async () => {
    const planId = get().preview?.planId;
    if (!planId) return;
    set({ busy: true, error: null });
    const res = await call('campaigns:commitImport', { planId });
    if (res.ok) {
      set({ busy: false, outcome: res.value, preview: null });
      await afterImportWrite();
    } else set({ busy: false, error: res.error });
  },
}));

export const CAMPAIGN_BATCH_PAGE_SIZE = 20;

interface BatchesState extends PagedList<Record<string, never>, 'at', CampaignBatch> {
  undo: (batchId: number) => Promise<Result<{ undone: number }>>;
}

/** Lịch sử nhập: campaign imports, newest first, each undoable once. */
export const useCampaignBatches = create<BatchesState>((set, get) => ({
  ...pagedList<'campaigns:batches', Record<string, never>, 'at'>(set, get, { channel: 'campaigns:batches', pageSize: CAMPAIGN_BATCH_PAGE_SIZE, defaultSort: 'at' }),
  desc: true,
  undo: async (batchId) => {
    const res = await call('campaigns:undo', { batchId });
    if (res.ok) await afterImportWrite();
    return res;
  },
}));
