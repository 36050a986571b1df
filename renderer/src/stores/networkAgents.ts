import { create } from 'zustand';
import type { AgentDetail, AgentSummary, RequestOf, Result } from '../../../shared/contract';
import type { AgentKind, AgentStatus } from '../../../shared/domain/network';
import { call } from '../api/client';
import { afterNetworkWrite, compact, exportNetwork } from './networkShared';
import { pagedList, type PagedList } from './pagedList';

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

interface AgentsState extends PagedList<AgentFilters, AgentSort, AgentSummary> {
  selected: AgentDetail | null;
  detailLoading: boolean;

  select: (code: string | null) => Promise<void>;
  create: (code: string, form: AgentForm) => Promise<Result<AgentDetail>>;
  update: (code: string, form: AgentForm) => Promise<Result<AgentDetail>>;
  /** Agents whose name or code matches, for the pick lists of other forms. */
  options: (query: string) => Promise<AgentSummary[]>;
  exportList: () => ReturnType<typeof exportNetwork>;
}

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
    ...pagedList<'agents:search', AgentFilters, AgentSort>(set, get, { channel: 'agents:search', pageSize: AGENT_PAGE_SIZE, defaultSort: 'code' }),
    selected: null,
    detailLoading: false,
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
