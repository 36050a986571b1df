import { create } from 'zustand';
import type { RequestOf, Result, StaffDetail, StaffSummary } from '../../../shared/contract';
import type { AgentKind, StaffRole, StaffStatus } from '../../../shared/domain/network';
import { call } from '../api/client';
import { afterNetworkWrite, compact, exportNetwork } from './networkShared';
import { pagedList, type PagedList } from './pagedList';
import { refreshAfterChange } from './refresh';

export const STAFF_PAGE_SIZE = 20;
export type StaffSort = 'name' | 'code' | 'agent';
export type StaffForm = Omit<RequestOf<'staff:create'>, 'code'>;
export type RevealField = 'cccd' | 'phone';

export interface StaffFilters {
  officeCode?: string;
  unitCode?: string;
  kind?: AgentKind;
  agentCode?: string;
  status?: StaffStatus;
  role?: StaffRole;
}

interface StaffState extends PagedList<StaffFilters, StaffSort, StaffSummary> {
  selected: StaffDetail | null;
  /** Numbers shown in full after "Hiện", by `code:field`; forgotten when the tab closes. */
  revealed: Record<string, string | null>;
  select: (code: string | null) => Promise<void>;
  create: (code: string, form: StaffForm) => Promise<Result<StaffDetail>>;
  update: (code: string, form: StaffForm) => Promise<Result<StaffDetail>>;
  /** The full number, from core (each reveal is written to the audit log). */
  reveal: (code: string, field: RevealField) => Promise<Result<{ value: string | null }>>;
  exportList: (withPersonal?: boolean) => ReturnType<typeof exportNetwork>;
  forgetRevealed: () => void;
  /** Active staff matching typed words (name without diacritics or code), for pickers. */
  options: (query: string) => Promise<StaffSummary[]>;
}

export const useStaffStore = create<StaffState>((set, get) => {
  const afterWrite = async (res: Result<StaffDetail>): Promise<Result<StaffDetail>> => {
    if (res.ok) {
      set({ selected: res.value });
      // The dialog closes now; the lists reload behind it.
      void Promise.all([get().load(), afterNetworkWrite()]);
    }
    return res;
  };
  return {
    ...pagedList<'staff:search', StaffFilters, StaffSort>(set, get, { channel: 'staff:search', pageSize: STAFF_PAGE_SIZE, defaultSort: 'name' }),
    selected: null,
    revealed: {},
    select: async (code) => {
      if (!code) {
        set({ selected: null });
        return;
      }
      const res = await call('staff:get', { code });
      set({ selected: res.ok ? res.value : null, error: res.ok ? null : res.error });
    },
    create: async (code, form) => afterWrite(await call('staff:create', { code, ...form })),
    update: async (code, form) => afterWrite(await call('staff:update', { code, ...form })),
    reveal: async (code, field) => {
      const res = await call('staff:reveal', { code, field });
      if (res.ok) {
        set({ revealed: { ...get().revealed, [`${code}:${field}`]: res.value.value } });
        // The reveal is in the audit log now; the lists themselves did not change.
        void refreshAfterChange('network');
      }
      return res;
    },
    forgetRevealed: () => set({ revealed: {} }),
    options: async (query) => {
      const res = await call('staff:search', { query: query.trim() || undefined, status: 'active', sort: 'name', limit: 50 });
      return res.ok ? res.value.items : [];
    },
    exportList: (withPersonal) => {
      const { officeCode, unitCode, kind, agentCode } = get().filters;
      return exportNetwork({ list: 'staff', ...compact({ officeCode, unitCode, kind, agentCode }), ...(withPersonal ? { withPersonal: true } : {}) });
    },
  };
});
