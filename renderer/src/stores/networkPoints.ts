import { create } from 'zustand';
import type { AppErrorShape, CollectionPoint, Page, RequestOf, Result } from '../../../shared/contract';
import type { AgentKind } from '../../../shared/domain/network';
import { call } from '../api/client';
import { afterNetworkWrite, compact, exportNetwork } from './networkShared';

export const POINT_PAGE_SIZE = 20;
export type PointSort = 'name' | 'agent' | 'commune';
export type PointForm = RequestOf<'points:save'>;

export interface PointFilters {
  officeCode?: string;
  unitCode?: string;
  kind?: AgentKind;
  agentCode?: string;
  open?: boolean;
}

interface PointsState {
  query: string;
  filters: PointFilters;
  page: number;
  sort: PointSort;
  desc: boolean;
  result: Page<CollectionPoint> | null;
  loading: boolean;
  error: AppErrorShape | null;
  load: () => Promise<void>;
  setQuery: (query: string) => void;
  setFilters: (patch: Partial<PointFilters>) => void;
  setPage: (page: number) => void;
  setSort: (sort: PointSort | null, desc: boolean) => void;
  save: (form: PointForm) => Promise<Result<CollectionPoint>>;
  exportList: () => ReturnType<typeof exportNetwork>;
}

let seq = 0;

export const usePointsStore = create<PointsState>((set, get) => ({
  query: '',
  filters: {},
  page: 1,
  sort: 'name',
  desc: false,
  result: null,
  loading: false,
  error: null,
  load: async () => {
    const mine = ++seq;
    const { query, filters, page, sort, desc } = get();
    set({ loading: true, error: null });
    const res = await call('points:search', {
      ...compact({ ...filters }),
      query: query.trim() || undefined,
      sort,
      desc,
      offset: (page - 1) * POINT_PAGE_SIZE,
      limit: POINT_PAGE_SIZE,
    });
    if (mine !== seq) return;
    if (res.ok) set({ result: res.value, loading: false });
    else set({ loading: false, error: res.error });
  },
  setQuery: (query) => {
    set({ query, page: 1 });
    void get().load();
  },
  setFilters: (patch) => {
    set({ filters: { ...get().filters, ...patch }, page: 1 });
    void get().load();
  },
  setPage: (page) => {
    set({ page });
    void get().load();
  },
  setSort: (sort, desc) => {
    set({ sort: sort ?? 'name', desc: sort ? desc : false });
    void get().load();
  },
  save: async (form) => {
    const res = await call('points:save', form);
    // The dialog closes now; the list reloads behind it.
    if (res.ok) void Promise.all([get().load(), afterNetworkWrite()]);
    return res;
  },
  exportList: () => {
    const { officeCode, unitCode, kind, agentCode } = get().filters;
    return exportNetwork({ list: 'points', ...compact({ officeCode, unitCode, kind, agentCode }) });
  },
}));
