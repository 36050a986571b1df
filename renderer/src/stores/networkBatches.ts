import { create } from 'zustand';
import type { AppErrorShape, NetworkBatch, Page, Result } from '../../../shared/contract';
import { call } from '../api/client';
import { afterNetworkWrite } from './networkShared';

export const BATCH_PAGE_SIZE = 20;

interface BatchesState {
  page: number;
  result: Page<NetworkBatch> | null;
  loading: boolean;
  error: AppErrorShape | null;
  load: () => Promise<void>;
  setPage: (page: number) => void;
  undo: (batchId: number) => Promise<Result<{ undone: number }>>;
}

let seq = 0;

/** Imports of network lists and month results, newest first, each undoable once. */
export const useNetworkBatchesStore = create<BatchesState>((set, get) => ({
  page: 1,
  result: null,
  loading: false,
  error: null,
  load: async () => {
    const mine = ++seq;
    set({ loading: true, error: null });
    const res = await call('network:batches', { offset: (get().page - 1) * BATCH_PAGE_SIZE, limit: BATCH_PAGE_SIZE });
    if (mine !== seq) return;
    if (res.ok) set({ result: res.value, loading: false });
    else set({ loading: false, error: res.error });
  },
  setPage: (page) => {
    set({ page });
    void get().load();
  },
  undo: async (batchId) => {
    const res = await call('network:undo', { batchId });
    if (res.ok) await afterNetworkWrite();
    return res;
  },
}));
