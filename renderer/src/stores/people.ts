import { create } from 'zustand';
import type { AppErrorShape, AssignOutcome, PersonDetail, PersonRevealed, PersonRow, RequestOf, Result } from '../../../shared/contract';
import type { PersonalField, PersonProduct, PersonStatus } from '../../../shared/domain/people';
import { call, saveDownload } from '../api/client';
import { compact } from './networkShared';
import { refreshAfterChange } from './refresh';

/** Rows fetched per request while the table scrolls: a screenful several times over. */
export const PEOPLE_PAGE_SIZE = 200;

export type PeopleSort = 'name' | 'commune' | 'status' | 'due';

export interface PeopleFilters {
  listId?: number;
  unitCode?: string;
  hamlet?: string;
  staffCode?: string;
  unassigned?: boolean;
  status?: PersonStatus[];
  product?: PersonProduct;
  dueMonth?: string;
}

export type ContactForm = RequestOf<'people:logContact'>;
export type PersonUpdate = RequestOf<'people:update'>;

interface PeopleState {
  query: string;
  filters: PeopleFilters;
  sort: PeopleSort;
  desc: boolean;
  /** The rows loaded so far, in order: the table grows as it scrolls, never holding the whole list. */
  rows: PersonRow[];
  total: number;
  /** The count stopped at a cap (a filter no index can count): "more than" total. */
  totalIsEstimate: boolean;
  /** The last page came back short: nothing more to load. */
  exhausted: boolean;
  loaded: boolean;
  loading: boolean;
  loadingMore: boolean;
  error: AppErrorShape | null;
  /** Bumped after every write: lists and counts elsewhere reload when it changes. */
  version: number;
  selectedId: number | null;
  detail: PersonDetail | null;
  detailLoading: boolean;
  detailError: AppErrorShape | null;
  /** Real values shown for a person after "Hiện số" (audited); forgotten when another person opens. */
  revealed: PersonRevealed | null;
  load: () => Promise<void>;
  loadMore: () => Promise<void>;
  setQuery: (query: string) => void;
  setFilters: (patch: Partial<PeopleFilters>) => void;
  resetFilters: () => void;
  setSort: (sort: PeopleSort | null, desc: boolean) => void;
  select: (id: number | null) => Promise<void>;
  reveal: (fields?: PersonalField[]) => Promise<Result<PersonRevealed>>;
  logContact: (form: ContactForm) => Promise<Result<PersonDetail>>;
  update: (form: PersonUpdate) => Promise<Result<PersonDetail>>;
  assign: (staffCodes: string[]) => Promise<Result<AssignOutcome>>;
  exportList: (withPersonal: boolean) => Promise<Result<{ fileName: string | null }>>;
  afterWrite: () => Promise<void>;
}

/** The filter as the contract takes it: empty values left out. */
export function filterOf(filters: PeopleFilters): PeopleFilters {
  const out = compact({ ...filters } as Record<string, unknown>) as PeopleFilters;
  if (out.status && out.status.length === 0) delete out.status;
  if (!out.unassigned) delete out.unassigned;
  return out;
}

function request(state: PeopleState, offset: number): RequestOf<'people:search'> {
  const { query, filters, sort, desc } = state;
  return {
    ...filterOf(filters),
    query: query.trim() || undefined,
    sort,
    desc,
    offset,
    limit: PEOPLE_PAGE_SIZE,
  };
}

/** Tra cứu người: the search over every list, the person open in the drawer, and what staff do to them. */
export const usePeopleStore = create<PeopleState>((set, get) => {
  // The newest search wins; a page that arrives for an older one is dropped.
  let seq = 0;
  const reload = (patch: Partial<PeopleState>) => {
    set(patch);
    void get().load();
  };
  return {
    query: '',
    filters: {},
    sort: 'name',
    desc: false,
    rows: [],
    total: 0,
    totalIsEstimate: false,
    exhausted: false,
    loaded: false,
    loading: false,
    loadingMore: false,
    error: null,
    version: 0,
    selectedId: null,
    detail: null,
    detailLoading: false,
    detailError: null,
    revealed: null,
    load: async () => {
      const mine = ++seq;
      set({ loading: true, error: null });
      const res = await call('people:search', request(get(), 0));
      if (mine !== seq) return;
      if (res.ok) set({ rows: res.value.items, total: res.value.total, totalIsEstimate: Boolean(res.value.totalIsEstimate), exhausted: res.value.items.length < PEOPLE_PAGE_SIZE, loading: false, loaded: true });
      else set({ loading: false, error: res.error, loaded: true });
    },
    loadMore: async () => {
      const state = get();
      if (state.loading || state.loadingMore || state.exhausted) return;
      const mine = seq;
      set({ loadingMore: true });
      const res = await call('people:search', request(state, state.rows.length));
      if (mine !== seq) return;
      if (res.ok) set((s) => ({ rows: [...s.rows, ...res.value.items], total: Math.max(res.value.total, s.rows.length + res.value.items.length), totalIsEstimate: Boolean(res.value.totalIsEstimate), exhausted: res.value.items.length < PEOPLE_PAGE_SIZE, loadingMore: false }));
      else set({ loadingMore: false, error: res.error });
    },
    setQuery: (query) => reload({ query }),
    setFilters: (patch) => reload({ filters: { ...get().filters, ...patch } }),
    resetFilters: () => reload({ filters: {}, query: '' }),
    setSort: (sort, desc) => reload({ sort: sort ?? 'name', desc: sort ? desc : false }),
    select: async (id) => {
      set({ selectedId: id, revealed: null, detailError: null });
      if (id === null) {
        set({ detail: null });
        return;
      }
      set({ detailLoading: true });
      const res = await call('people:get', { id });
      if (get().selectedId !== id) return;
      set({ detailLoading: false, detail: res.ok ? res.value : null, detailError: res.ok ? null : res.error });
    },
    reveal: async (fields) => {
      const id = get().selectedId;
      if (id === null) return { ok: false, error: { code: 'NOT_FOUND', message: 'Chưa chọn người cần xem.' } };
      const res = await call('people:reveal', { id, fields });
      if (res.ok && get().selectedId === id) set({ revealed: res.value });
      return res;
    },
    logContact: async (form) => {
      const res = await call('people:logContact', form);
      if (res.ok) {
        set({ detail: res.value });
        await get().afterWrite();
      }
      return res;
    },
    update: async (form) => {
      const res = await call('people:update', form);
      if (res.ok) {
        set({ detail: res.value });
        await get().afterWrite();
      }
      return res;
    },
    assign: async (staffCodes) => {
      const { filters } = get();
      const res = await call('people:assign', { filter: filterOf(filters), staffCodes });
      if (res.ok) await get().afterWrite();
      return res;
    },
    exportList: async (withPersonal) => {
      const { filters } = get();
      const res = await call('people:export', { filter: filterOf(filters), withPersonal });
      if (!res.ok) return res;
      const saved = await saveDownload(res.value);
      if (!saved.ok) return saved;
      return { ok: true, value: { fileName: saved.value ? res.value.fileName : null } };
    },
    afterWrite: async () => {
      set((s) => ({ version: s.version + 1 }));
      // Rows already on screen keep their place: reload the first page only when no person is open.
      await Promise.all([get().load(), refreshAfterChange('people')]);
    },
  };
});
