import { create } from 'zustand';
import type { AppErrorShape, CriteriaSet, DownloadRef, EmulationRanking, ReportDocument, RequestOf, Result } from '../../../shared/contract';
import type { EmulationLevel } from '../../../shared/domain/emulation';
import { lastClosedMonth } from '../../../shared/domain/periods';
import { call, saveDownload } from '../api/client';
import { todayIso, whenTodayKnown } from '../format/dates';
import { refreshAfterChange } from './refresh';

export const EMULATION_PAGE_SIZE = 50;

/** 0 = the whole year, 1–4 = a quarter. */
export type QuarterChoice = 0 | 1 | 2 | 3 | 4;

/** The quarter whose last month is closed or running: what the ranking opens on. */
export function defaultPeriod(today: string): { year: number; quarter: QuarterChoice } {
  const month = lastClosedMonth(today);
  return { year: Number(month.slice(0, 4)), quarter: Math.ceil(Number(month.slice(5)) / 3) as QuarterChoice };
}

export function periodText(year: number, quarter: QuarterChoice): string {
  return quarter === 0 ? String(year) : `${year}-Q${quarter}`;
}

export type CriteriaSetForm = RequestOf<'emulation:saveCriteriaSet'>;

interface EmulationState {
  year: number;
  quarter: QuarterChoice;
  level: EmulationLevel;
  officeCode: string | null;
  page: number;
  ranking: EmulationRanking | null;
  loading: boolean;
  error: AppErrorShape | null;
  sets: CriteriaSet[];
  setsLoading: boolean;
  setsError: AppErrorShape | null;
  /** Bumped after every write: tabs reload when it changes. */
  version: number;
  load: () => Promise<void>;
  setPeriod: (patch: { year?: number; quarter?: QuarterChoice }) => void;
  setLevel: (level: EmulationLevel) => void;
  setOfficeCode: (officeCode: string | null) => void;
  setPage: (page: number) => void;
  loadSets: () => Promise<void>;
  saveSet: (form: CriteriaSetForm) => Promise<Result<CriteriaSet>>;
  exportRanking: () => Promise<Result<{ fileName: string | null }>>;
  /** The ranking as a printable document (the whole ranking, not the page shown). */
  printDocument: () => Promise<Result<ReportDocument>>;
}

let seq = 0;

const scope = (s: Pick<EmulationState, 'year' | 'quarter' | 'level' | 'officeCode'>) => ({
  period: periodText(s.year, s.quarter),
  level: s.level,
  ...(s.officeCode ? { officeCode: s.officeCode } : {}),
});

/** Has core build a workbook, then saves it; fileName null when the save was cancelled. */
export async function saveExport(made: Result<DownloadRef>): Promise<Result<{ fileName: string | null }>> {
  if (!made.ok) return made;
  const saved = await saveDownload(made.value);
  if (!saved.ok) return saved;
  return { ok: true, value: { fileName: saved.value ? made.value.fileName : null } };
}

/** Thi đua: the ranking of a quarter or a year at one level, and the dated criteria sets. */
export const useEmulationStore = create<EmulationState>((set, get) => ({
  ...defaultPeriod(todayIso()),
  level: 'unit',
  officeCode: null,
  page: 1,
  ranking: null,
  loading: false,
  error: null,
  sets: [],
  setsLoading: false,
  setsError: null,
  version: 0,
  load: async () => {
    const mine = ++seq;
    const s = get();
    set({ loading: true, error: null });
    const res = await call('emulation:score', { ...scope(s), offset: (s.page - 1) * EMULATION_PAGE_SIZE, limit: EMULATION_PAGE_SIZE });
    if (mine !== seq) return;
    if (res.ok) set({ ranking: res.value, loading: false });
    else set({ loading: false, error: res.error, ranking: null });
  },
  setPeriod: (patch) => {
    set({ ...patch, page: 1 });
    void get().load();
  },
  setLevel: (level) => {
    set({ level, page: 1 });
    void get().load();
    void get().loadSets();
  },
  setOfficeCode: (officeCode) => {
    set({ officeCode, page: 1 });
    void get().load();
  },
  setPage: (page) => {
    set({ page });
    void get().load();
  },
  loadSets: async () => {
    set({ setsLoading: true, setsError: null });
    const res = await call('emulation:criteriaSets', { level: get().level });
    if (res.ok) set({ sets: res.value, setsLoading: false });
    else set({ setsLoading: false, setsError: res.error });
  },
  saveSet: async (form) => {
    const res = await call('emulation:saveCriteriaSet', form);
    if (res.ok) {
      set((s) => ({ version: s.version + 1 }));
      void Promise.all([get().loadSets(), get().load(), refreshAfterChange('emulation')]);
    }
    return res;
  },
  exportRanking: async () => saveExport(await call('exports:emulation', scope(get()))),
  printDocument: () => call('emulation:document', scope(get())),
}));

// The quarter of the last month closed, following core's clock once known (BHXH_TODAY in tests).
whenTodayKnown((today) => useEmulationStore.setState(defaultPeriod(today)));
