import { create } from 'zustand';
import type { AgentDetail, AgentSummary, AppErrorShape, Page, RequestOf, Result } from '../../../shared/contract';
import type { AgentKind, AgentStatus } from '../../../shared/domain/network';
import { call } from '../api/client';
import { afterNetworkWrite, compact, exportNetwork } from './networkShared';

export const AGENT_PAGE_SIZE = 20;

export type AgentSort = 'code' | 'name' | 'kind' | 'expiresOn';
export type AgentForm = Omit<RequestOf<'agents:create'>, 'code'>;

export interface AgentFilters {
  officeCode?: string;
  unitCode?: string;
  kind?: AgentKind;
  status?: AgentStatus;
  expiringWithin?: 30 | 60;
}

interface AgentsState {
  query: string;
  filters: AgentFilters;
  page: number;
  sort: AgentSort;
  desc: boolean;
  result: Page<AgentSummary> | null;
  loading: boolean;
  error: AppErrorShape | null;
  selected: AgentDetail | null;
  detailLoading: boolean;

  load: () => Promise<void>;
  setQuery: (query: string) => void;
  setFilters: (patch: Partial<AgentFilters>) => void;
  setPage: (page: number) => void;
  setSort: (sort: AgentSort | null, desc: boolean) => void;
  select: (code: string | null) => Promise<void>;
  create: (code: string, form: AgentForm) => Promise<Result<AgentDetail>>;
  update: (code: string, form: AgentForm) => Promise<Result<AgentDetail>>;
  /** Agents whose name or code matches, for the pick lists of other forms. */
  options: (query: string) => Promise<AgentSummary[]>;
  exportList: () => ReturnType<typeof exportNetwork>;
}

let seq = 0;

export const useAgentsStore = create<AgentsState>((set, get) => {
  const afterWrite = async (res: Result<AgentDetail>): Promise<Result<AgentDetail>> => {
    if (res.ok) {
      set({ selected: res.value });
      // The dialog closes now; the lists reload behind it.
      void Promise.all([get().load(), afterNetworkWrite()]);
    }
    return res;
  };
  return {
    query: '',
    filters: {},
    page: 1,
    sort: 'code',
    desc: false,
    result: null,
    loading: false,
    error: null,
    selected: null,
    detailLoading: false,

    load: async () => {
      const mine = ++seq;
      const { query, filters, page, sort, desc } = get();
      set({ loading: true, error: null });
      const res = await call('agents:search', {
        ...compact({ ...filters }),
        query: query.trim() || undefined,
        sort,
        desc,
        offset: (page - 1) * AGENT_PAGE_SIZE,
        limit: AGENT_PAGE_SIZE,
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
      set({ sort: sort ?? 'code', desc: sort ? desc : false });
      void get().load();
    },
    select: async (code) => {
      if (!code) {
        set({ selected: null });
        return;
      }
      set({ detailLoading: true });
      const res = await call('agents:get', { code });
      set({ detailLoading: false, selected: res.ok ? res.value : null, error: res.ok ? null : res.error });
    },
    create: async (code, form) => afterWrite(await call('agents:create', { code, ...form })),
    update: async (code, form) => afterWrite(await call('agents:update', { code, ...form })),
    options: async (query) => {
      const res = await call('agents:search', { query: query.trim() || undefined, sort: 'name', limit: 50 });
      return res.ok ? res.value.items : [];
    },
    exportList: () => {
      const { officeCode, unitCode, kind } = get().filters;
      return exportNetwork({ list: 'agents', ...compact({ officeCode, unitCode, kind }) });
    },
  };
});
