import { create } from 'zustand';
import type { AppErrorShape, FileRef, OfficeDetail, OfficeImportOutcome, OfficeImportPreview, OfficeSummary, Page, Result, Unit } from '../../../shared/contract';
import { api, call } from '../api/client';
import { toErrorShape } from '../api/errors';
import { todayIso } from '../format/dates';
import { refreshAfterChange } from './refresh';

export const OFFICE_PAGE_SIZE = 20;
export const OFFICE_IMPORT_EXTENSIONS = ['xlsx', 'xls', 'ods', 'csv'];

export interface OfficeForm {
  name: string;
  address: string | null;
  phone: string | null;
  email: string | null;
  headName: string | null;
  note: string | null;
  validFrom: string | null;
}

interface OfficesState {
  query: string;
  asOf: string | null;
  includeClosed: boolean;
  page: number;
  result: Page<OfficeSummary> | null;
  loading: boolean;
  error: AppErrorShape | null;
  selected: OfficeDetail | null;
  detailLoading: boolean;

  importOpen: boolean;
  importFile: FileRef | null;
  importBusy: boolean;
  importPreview: OfficeImportPreview | null;
  importOutcome: OfficeImportOutcome | null;
  importError: AppErrorShape | null;

  load: () => Promise<void>;
  setQuery: (query: string) => void;
  setAsOf: (asOf: string | null) => void;
  setIncludeClosed: (on: boolean) => void;
  setPage: (page: number) => void;
  select: (code: string | null) => Promise<void>;
  create: (code: string, form: OfficeForm) => Promise<Result<OfficeDetail>>;
  update: (code: string, form: OfficeForm) => Promise<Result<OfficeDetail>>;
  close: (code: string, lastDay: string) => Promise<Result<OfficeDetail>>;
  assign: (code: string, unitCodes: string[], validFrom: string | null, validTo: string | null) => Promise<Result<OfficeDetail>>;
  unassign: (code: string, membershipId: number, lastDay: string | null) => Promise<Result<OfficeDetail>>;
  /** The communes an office can be given from `day` (every commune, ended ones too, when no day). */
  communesOn: (day: string | null) => Promise<Result<Unit[]>>;

  openImport: () => void;
  closeImport: () => void;
  pickImportFile: () => Promise<void>;
  setImportValidFrom: (validFrom: string | null) => Promise<void>;
  commitImport: () => Promise<void>;
}

let seq = 0;

export const useOfficesStore = create<OfficesState>((set, get) => {
  /** After a write: the detail shown is the one core returned; the list and the other screens reload. */
  const afterWrite = async (res: Result<OfficeDetail>): Promise<Result<OfficeDetail>> => {
    if (res.ok) {
      set({ selected: res.value });
      await Promise.all([get().load(), refreshAfterChange('offices')]);
    }
    return res;
  };
  let validFrom: string | null = null;
  const preview = async (file: FileRef) => {
    set({ importBusy: true, importError: null });
    const res = await call('offices:previewImport', { file, validFrom });
    if (res.ok) set({ importPreview: res.value, importBusy: false });
    else set({ importPreview: null, importBusy: false, importError: res.error });
  };
  return {
    query: '',
    asOf: null,
    includeClosed: false,
    page: 1,
    result: null,
    loading: false,
    error: null,
    selected: null,
    detailLoading: false,
    importOpen: false,
    importFile: null,
    importBusy: false,
    importPreview: null,
    importOutcome: null,
    importError: null,

    load: async () => {
      const mine = ++seq;
      const { query, asOf, includeClosed, page } = get();
      set({ loading: true, error: null });
      const res = await call('offices:search', {
        query: query.trim() || undefined,
        asOf: asOf ?? todayIso(),
        includeClosed,
        sort: 'code',
        offset: (page - 1) * OFFICE_PAGE_SIZE,
        limit: OFFICE_PAGE_SIZE,
      });
      if (mine !== seq) return;
      if (res.ok) set({ result: res.value, loading: false });
      else set({ loading: false, error: res.error });
    },
    setQuery: (query) => {
      set({ query, page: 1 });
      void get().load();
    },
    setAsOf: (asOf) => {
      set({ asOf, page: 1 });
      void get().load();
    },
    setIncludeClosed: (includeClosed) => {
      set({ includeClosed, page: 1 });
      void get().load();
    },
    setPage: (page) => {
      set({ page });
      void get().load();
    },
    select: async (code) => {
      if (!code) {
        set({ selected: null });
        return;
      }
      set({ detailLoading: true });
      const res = await call('offices:get', { code });
      set({ detailLoading: false, selected: res.ok ? res.value : null, error: res.ok ? null : res.error });
    },
    create: async (code, form) => afterWrite(await call('offices:create', { code, ...form })),
    update: async (code, form) => afterWrite(await call('offices:update', { code, ...form })),
    close: async (code, lastDay) => afterWrite(await call('offices:close', { code, lastDay })),
    assign: async (code, unitCodes, from, to) => afterWrite(await call('offices:assign', { code, unitCodes, validFrom: from, validTo: to })),
    unassign: async (code, membershipId, lastDay) => afterWrite(await call('offices:unassign', { code, membershipId, lastDay })),
    communesOn: (day) => call('units:list', day ? { asOf: day, level: 'commune' } : { includeEnded: true, level: 'commune' }),

    openImport: () => {
      validFrom = null;
      set({ importOpen: true, importFile: null, importPreview: null, importOutcome: null, importError: null, importBusy: false });
    },
    closeImport: () => set({ importOpen: false }),
    pickImportFile: async () => {
      let file: FileRef | null;
      try {
        file = await api.pickFile({ title: 'Chọn tệp Excel danh sách cơ quan BHXH cơ sở', extensions: OFFICE_IMPORT_EXTENSIONS });
      } catch (err) {
        set({ importError: toErrorShape(err) });
        return;
      }
      if (!file) return;
      set({ importFile: file, importPreview: null, importOutcome: null });
      await preview(file);
    },
    setImportValidFrom: async (date) => {
      validFrom = date;
      const file = get().importFile;
      if (file) await preview(file);
    },
    commitImport: async () => {
      const p = get().importPreview;
      if (!p) return;
      set({ importBusy: true, importError: null });
      const res = await call('offices:commitImport', { planId: p.planId });
      if (res.ok) {
        set({ importBusy: false, importOutcome: res.value, importPreview: null });
        await Promise.all([get().load(), refreshAfterChange('offices')]);
      } else set({ importBusy: false, importError: res.error });
    },
  };
});
