import { create } from 'zustand';
import type { AppErrorShape, RequestOf, Result } from '../../../shared/contract';
import { TARGET_SOURCE_ORDER, type BreakdownProposal, type Target, type TargetSource } from '../../../shared/contract/resultsTypes';
import { call, exportTable } from '../api/client';
import { todayIso, whenTodayKnown } from '../format/dates';

export type BreakdownRequest = RequestOf<'targets:breakdown'>;

/** What the "Giao chỉ tiêu" dialog opens with (a revision opens prefilled). */
export interface TargetFormInitial {
  unitCode?: string;
  indicatorCode?: string;
  year?: number;
  source?: TargetSource;
  revise?: boolean;
}

interface TargetsState {
  year: number;
  indicatorCode: string | null;
  source: TargetSource | null;
  unitCode: string | null;

  /** Every revision of every target matching year/unit/indicator (source is filtered on screen). */
  items: Target[];
  loaded: boolean;
  loading: boolean;
  error: AppErrorShape | null;

  saving: boolean;

  proposal: BreakdownProposal | null;
  proposalLoading: boolean;
  proposalError: AppErrorShape | null;
  committing: boolean;

  /** The open "Giao chỉ tiêu" dialog, if any, and the breakdown dialog. */
  formInitial: TargetFormInitial | null;
  breakdownOpen: boolean;
  openForm: (initial?: TargetFormInitial) => void;
  closeForm: () => void;
  setBreakdownOpen: (open: boolean) => void;

  setFilters: (filters: Partial<Pick<TargetsState, 'year' | 'indicatorCode' | 'source' | 'unitCode'>>) => void;
  load: () => Promise<void>;
  exportTargets: () => Promise<Result<{ fileName: string | null }>>;
  setTarget: (request: RequestOf<'targets:set'>) => Promise<Result<Target>>;
  previewBreakdown: (request: BreakdownRequest) => Promise<Result<BreakdownProposal>>;
  commitBreakdown: (request: BreakdownRequest) => Promise<Result<BreakdownProposal>>;
  clearProposal: () => void;
  /**
   * The authority of a unit's own target for the year (the one core would use when none is asked
   * for, TARGET_SOURCE_ORDER): the breakdown dialog's default source. Null when it has none.
   */
  parentSource: (unitCode: string, indicatorCode: string, year: number) => Promise<TargetSource | null>;
  /** Edits one value of the proposal on screen (manual breakdown). */
  editProposalValue: (code: string, value: number) => void;
}

let listSeq = 0;
let proposalSeq = 0;

export const useTargetsStore = create<TargetsState>((set, get) => ({
  year: Number(todayIso().slice(0, 4)),
  indicatorCode: null,
  source: null,
  unitCode: null,
  items: [],
  loaded: false,
  loading: false,
  error: null,
  saving: false,
  proposal: null,
  proposalLoading: false,
  proposalError: null,
  committing: false,
  formInitial: null,
  breakdownOpen: false,

  openForm: (initial) => {
    const { year, indicatorCode, source, unitCode } = get();
    set({
      formInitial: initial ?? {
        year,
        ...(indicatorCode ? { indicatorCode } : {}),
        ...(source ? { source } : {}),
        ...(unitCode ? { unitCode } : {}),
      },
    });
  },
  closeForm: () => set({ formInitial: null }),
  setBreakdownOpen: (breakdownOpen) => set({ breakdownOpen }),

  setFilters: (filters) => {
    const before = get();
    set(filters);
    // The source is filtered on screen; the others are asked of core.
    if (
      (filters.year !== undefined && filters.year !== before.year) ||
      (filters.indicatorCode !== undefined && filters.indicatorCode !== before.indicatorCode) ||
      (filters.unitCode !== undefined && filters.unitCode !== before.unitCode) ||
      !before.loaded
    )
      void get().load();
  },

  exportTargets: () =>
    exportTable('exports:targets', { year: get().year, ...(get().indicatorCode ? { indicatorCode: get().indicatorCode! } : {}) }),

  load: async () => {
    const { year, indicatorCode, unitCode } = get();
    const seq = ++listSeq;
    set({ loading: true, error: null });
    const res = await call('targets:list', {
      year,
      ...(indicatorCode ? { indicatorCode } : {}),
      ...(unitCode ? { unitCode } : {}),
    });
    if (seq !== listSeq) return;
    if (res.ok) set({ items: res.value, loaded: true, loading: false });
    else set({ items: [], loaded: true, loading: false, error: res.error });
  },

  setTarget: async (request) => {
    set({ saving: true });
    const res = await call('targets:set', request);
    set({ saving: false });
    if (res.ok) await get().load();
    return res;
  },

  previewBreakdown: async (request) => {
    const seq = ++proposalSeq;
    set({ proposalLoading: true, proposalError: null });
    const res = await call('targets:breakdown', { ...request, commit: false });
    if (seq !== proposalSeq) return res;
    if (res.ok) set({ proposal: res.value, proposalLoading: false });
    else set({ proposal: null, proposalLoading: false, proposalError: res.error });
    return res;
  },

  commitBreakdown: async (request) => {
    proposalSeq++;
    set({ committing: true, proposalError: null });
    const res = await call('targets:breakdown', { ...request, commit: true });
    set({ committing: false });
    if (res.ok) {
      set({ proposal: res.value });
      await get().load();
    } else set({ proposalError: res.error });
    return res;
  },

  parentSource: async (unitCode, indicatorCode, year) => {
    const res = await call('targets:list', { year, unitCode, indicatorCode });
    if (!res.ok) return null;
    const own = new Set(res.value.filter((t) => t.unitCode === unitCode && t.period === '').map((t) => t.source));
    return TARGET_SOURCE_ORDER.find((s) => own.has(s)) ?? null;
  },

  clearProposal: () => {
    proposalSeq++;
    set({ proposal: null, proposalError: null, proposalLoading: false });
  },

  editProposalValue: (code, value) => {
    const p = get().proposal;
    if (!p) return;
    const rows = p.rows.map((r) => (r.code === code ? { ...r, value } : r));
    const sum = rows.reduce((acc, r) => acc + r.value, 0);
    set({
      // `method` stays the one the bases came from; the dialog switches its own choice to manual.
      proposal: { ...p, rows, sum, difference: p.parentTarget === null ? null : p.parentTarget - sum, committed: false },
    });
  },
}));

whenTodayKnown((today) => {
  if (!useTargetsStore.getState().loaded) useTargetsStore.setState({ year: Number(today.slice(0, 4)) });
});
