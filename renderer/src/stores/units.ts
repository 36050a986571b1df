import { create } from 'zustand';
import type { AppErrorShape, RequestOf, Result, Unit, UnitDetail } from '../../../shared/contract';
import { call } from '../api/client';
import { todayIso } from '../format/dates';

interface UnitsState {
  /** Filters of the tree. */
  asOf: string;
  includeEnded: boolean;
  query: string;

  /** Every unit of the tree for (asOf, includeEnded), without the query. */
  list: Unit[];
  listLoaded: boolean;
  listLoading: boolean;
  listError: AppErrorShape | null;

  /** Server-side matches of the query (null when there is no query). */
  matches: Unit[] | null;
  matchesLoading: boolean;

  /** Every unit ever (all dates, ended included): options of the pickers in forms. */
  allUnits: Unit[];
  allLoaded: boolean;
  allLoading: boolean;

  selectedCode: string | null;
  detail: UnitDetail | null;
  detailLoading: boolean;
  detailError: AppErrorShape | null;

  load: () => Promise<void>;
  loadAll: (force?: boolean) => Promise<void>;
  setAsOf: (asOf: string) => void;
  setIncludeEnded: (value: boolean) => void;
  setQuery: (query: string) => void;
  select: (code: string | null) => Promise<void>;
  update: (request: RequestOf<'units:update'>) => Promise<Result<UnitDetail>>;
  recordMerge: (request: RequestOf<'units:recordMerge'>) => Promise<Result<UnitDetail>>;
  /** After an import, a merge, a restore or the demo: reload what is on screen. */
  refresh: () => Promise<void>;
  reset: () => void;
}

let listSeq = 0;
let matchSeq = 0;
let detailSeq = 0;

export const useUnitsStore = create<UnitsState>((set, get) => {
  const runQuery = async () => {
    const { query, asOf, includeEnded } = get();
    const seq = ++matchSeq;
    const q = query.trim();
    if (!q) {
      set({ matches: null, matchesLoading: false });
      return;
    }
    set({ matchesLoading: true });
    const res = await call('units:list', { asOf, includeEnded, query: q });
    if (seq !== matchSeq) return;
    if (res.ok) set({ matches: res.value, matchesLoading: false });
    else set({ matches: [], matchesLoading: false, listError: res.error });
  };

  return {
    asOf: todayIso(),
    includeEnded: false,
    query: '',
    list: [],
    listLoaded: false,
    listLoading: false,
    listError: null,
    matches: null,
    matchesLoading: false,
    allUnits: [],
    allLoaded: false,
    allLoading: false,
    selectedCode: null,
    detail: null,
    detailLoading: false,
    detailError: null,

    load: async () => {
      const { asOf, includeEnded } = get();
      const seq = ++listSeq;
      set({ listLoading: true, listError: null });
      const res = await call('units:list', { asOf, includeEnded });
      if (seq !== listSeq) return;
      if (res.ok) set({ list: res.value, listLoaded: true, listLoading: false });
      else set({ list: [], listLoaded: true, listLoading: false, listError: res.error });
      if (get().query.trim()) await runQuery();
    },

    loadAll: async (force) => {
      if (get().allLoading || (get().allLoaded && !force)) return;
      set({ allLoading: true });
      const res = await call('units:list', { asOf: null, includeEnded: true });
      set({ allUnits: res.ok ? res.value : [], allLoaded: true, allLoading: false });
    },

    setAsOf: (asOf) => {
      set({ asOf });
      void get().load();
    },

    setIncludeEnded: (includeEnded) => {
      set({ includeEnded });
      void get().load();
    },

    setQuery: (query) => {
      set({ query });
      void runQuery();
    },

    select: async (code) => {
      const seq = ++detailSeq;
      if (!code) {
        set({ selectedCode: null, detail: null, detailError: null, detailLoading: false });
        return;
      }
      set({ selectedCode: code, detailLoading: true, detailError: null });
      const res = await call('units:get', { code });
      if (seq !== detailSeq) return;
      if (res.ok) set({ detail: res.value, detailLoading: false });
      else set({ detail: null, detailLoading: false, detailError: res.error });
    },

    update: async (request) => {
      const res = await call('units:update', request);
      if (res.ok) {
        set({ detail: res.value, selectedCode: res.value.code });
        await Promise.all([get().load(), get().loadAll(true)]);
      }
      return res;
    },

    recordMerge: async (request) => {
      const res = await call('units:recordMerge', request);
      if (res.ok) {
        set({ detail: res.value, selectedCode: res.value.code, detailError: null });
        await Promise.all([get().load(), get().loadAll(true)]);
      }
      return res;
    },

    refresh: async () => {
      const { selectedCode, allLoaded } = get();
      await Promise.all([get().load(), allLoaded ? get().loadAll(true) : Promise.resolve()]);
      if (selectedCode) await get().select(selectedCode);
    },

    reset: () => {
      listSeq++;
      matchSeq++;
      detailSeq++;
      set({
        list: [],
        listLoaded: false,
        listLoading: false,
        listError: null,
        matches: null,
        allUnits: [],
        allLoaded: false,
        selectedCode: null,
        detail: null,
        detailError: null,
      });
    },
  };
});
