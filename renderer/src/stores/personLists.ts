import { create } from 'zustand';
import type { AppErrorShape, ConversionReport, ReportDocument, DeleteListOutcome, PersonImportBatch, PersonListSummary, RequestOf, Result } from '../../../shared/contract';
import { call, saveDownload } from '../api/client';
import { refreshAfterChange } from './refresh';
import { usePeopleStore } from './people';

export type ListForm = RequestOf<'people:saveList'>;

interface PersonListsState {
  lists: PersonListSummary[];
  loaded: boolean;
  loading: boolean;
  error: AppErrorShape | null;
  batches: PersonImportBatch[];
  batchesError: AppErrorShape | null;
  conversion: ConversionReport | null;
  conversionBy: 'commune' | 'staff' | 'campaign';
  conversionListId: number | null;
  conversionError: AppErrorShape | null;
  load: () => Promise<void>;
  save: (form: ListForm) => Promise<Result<PersonListSummary>>;
  remove: (listId: number, confirmName: string) => Promise<Result<DeleteListOutcome>>;
  loadBatches: () => Promise<void>;
  undoBatch: (batchId: number) => Promise<Result<PersonImportBatch>>;
  loadConversion: (patch?: { by?: 'commune' | 'staff' | 'campaign'; listId?: number | null }) => Promise<void>;
  exportSheet: (req: RequestOf<'people:exportSheet'>) => Promise<Result<{ fileName: string | null }>>;
  walkDocument: (req: RequestOf<'people:walkDocument'>) => Promise<Result<ReportDocument>>;
}

/** After a list changes: the lists, the search and everything counting people reload. */
export async function afterPeopleChange(): Promise<void> {
  await Promise.all([usePersonLists.getState().load(), usePersonLists.getState().loadBatches(), usePeopleStore.getState().afterWrite()]);
}

/** Danh sách: the lists with their counts and retention, import history, conversion, call sheets. */
export const usePersonLists = create<PersonListsState>((set, get) => ({
  lists: [],
  loaded: false,
  loading: false,
  error: null,
  batches: [],
  batchesError: null,
  conversion: null,
  conversionBy: 'commune',
  conversionListId: null,
  conversionError: null,
  load: async () => {
    set({ loading: true, error: null });
    const res = await call('people:lists', {});
    set(res.ok ? { lists: res.value, loading: false, loaded: true } : { loading: false, loaded: true, error: res.error });
  },
  save: async (form) => {
    const res = await call('people:saveList', form);
    if (res.ok) await Promise.all([get().load(), refreshAfterChange('people')]);
    return res;
  },
  remove: async (listId, confirmName) => {
    const res = await call('people:deleteList', { listId, confirmName });
    if (res.ok) {
      const people = usePeopleStore.getState();
      if (people.filters.listId === listId) people.setFilters({ listId: undefined });
      await afterPeopleChange();
    }
    return res;
  },
  loadBatches: async () => {
    const res = await call('people:batches', {});
    set(res.ok ? { batches: res.value, batchesError: null } : { batchesError: res.error });
  },
  undoBatch: async (batchId) => {
    const res = await call('people:undoBatch', { batchId });
    if (res.ok) await afterPeopleChange();
    return res;
  },
  loadConversion: async (patch = {}) => {
    const by = patch.by ?? get().conversionBy;
    const listId = patch.listId !== undefined ? patch.listId : get().conversionListId;
    set({ conversionBy: by, conversionListId: listId, conversionError: null });
    const res = await call('people:conversion', { by, ...(listId ? { listId } : {}) });
    if (get().conversionBy !== by || get().conversionListId !== listId) return;
    set(res.ok ? { conversion: res.value } : { conversionError: res.error });
  },
  exportSheet: async (req) => {
    const res = await call('people:exportSheet', req);
    if (!res.ok) return res;
    const saved = await saveDownload(res.value);
    if (!saved.ok) return saved;
    return { ok: true, value: { fileName: saved.value ? res.value.fileName : null } };
  },
  walkDocument: (req) => call('people:walkDocument', req),
}));
