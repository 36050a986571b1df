import { create } from 'zustand';
import type { AppErrorShape, Inspection, Page, RequestOf, Result } from '../../../shared/contract';
import { call } from '../api/client';
import { afterNetworkWrite, compact, exportNetwork } from './networkShared';

export const INSPECTION_PAGE_SIZE = 20;
export type InspectionForm = RequestOf<'inspections:save'>;

export interface InspectionFilters {
  agentCode?: string;
  officeCode?: string;
  year?: number;
}

interface InspectionsState {
  filters: InspectionFilters;
  page: number;
  desc: boolean;
  result: Page<Inspection> | null;
  loading: boolean;
  error: AppErrorShape | null;
  load: () => Promise<void>;
  setFilters: (patch: Partial<InspectionFilters>) => void;
  setPage: (page: number) => void;
  setDesc: (desc: boolean) => void;
  save: (form: InspectionForm) => Promise<Result<Inspection>>;
  exportList: () => ReturnType<typeof exportNetwork>;
}

let seq = 0;

export const useInspectionsStore = create<InspectionsState>((set, get) => ({
  filters: {},
  page: 1,
  desc: true,
  result: null,
  loading: false,
  error: null,
  load: async () => {
    const mine = ++seq;
    const { filters, page, desc } = get();
    set({ loading: true, error: null });
    const res = await call('inspections:search', { ...compact({ ...filters }), sort: 'date', desc, offset: (page - 1) * INSPECTION_PAGE_SIZE, limit: INSPECTION_PAGE_SIZE });
    if (mine !== seq) return;
    if (res.ok) set({ result: res.value, loading: false });
    else set({ loading: false, error: res.error });
  },
  setFilters: (patch) => {
    set({ filters: { ...get().filters, ...patch }, page: 1 });
    void get().load();
  },
  setPage: (page) => {
    set({ page });
    void get().load();
  },
  setDesc: (desc) => {
    set({ desc });
    void get().load();
  },
  save: async (form) => {
    const res = await call('inspections:save', form);
    // The dialog closes now; the list reloads behind it.
    if (res.ok) void Promise.all([get().load(), afterNetworkWrite()]);
    return res;
  },
  exportList: () => {
    const { officeCode, agentCode } = get().filters;
    return exportNetwork({ list: 'inspections', ...compact({ officeCode, agentCode }) });
  },
}));
