import { create } from 'zustand';
import type { AppErrorShape, ArrearsOverview, ArrearsTarget, EmployerDetail, ReportDocument, RequestOf, Result } from '../../../shared/contract';
import { lastClosedMonth } from '../../../shared/domain/periods';
import { call } from '../api/client';
import { todayIso, whenTodayKnown } from '../format/dates';
import { refreshAfterChange } from './refresh';

/**
 * Nợ đọng: what every tab shares (the month and office looked at, a version bumped after each
 * write), the overview, the employer open in the drawer with its writes, and the ratio targets.
 */
interface ArrearsState {
  /** YYYY-MM the figures stand at. */
  period: string;
  officeCode: string | null;
  version: number;
  overview: ArrearsOverview | null;
  overviewLoading: boolean;
  overviewError: AppErrorShape | null;
  /** The employer open in the drawer. */
  selectedId: number | null;
  detail: EmployerDetail | null;
  detailLoading: boolean;
  detailError: AppErrorShape | null;
  targets: ArrearsTarget[] | null;
  targetsLoading: boolean;
  targetsError: AppErrorShape | null;
  setPeriod: (period: string) => void;
  setOfficeCode: (code: string | null) => void;
  loadOverview: () => Promise<void>;
  select: (id: number | null) => Promise<void>;
  saveEmployer: (request: RequestOf<'arrears:saveEmployer'>) => Promise<Result<EmployerDetail>>;
  logAction: (request: RequestOf<'arrears:logAction'>) => Promise<Result<EmployerDetail>>;
  deleteAction: (id: number) => Promise<Result<EmployerDetail>>;
  savePromise: (request: RequestOf<'arrears:savePromise'>) => Promise<Result<EmployerDetail>>;
  settlePromise: (request: RequestOf<'arrears:settlePromise'>) => Promise<Result<EmployerDetail>>;
  reminderDocument: (request: RequestOf<'arrears:reminderDocument'>) => Promise<Result<ReportDocument>>;
  loadTargets: () => Promise<void>;
  saveTarget: (request: RequestOf<'arrears:saveTarget'>) => Promise<Result<ArrearsTarget[]>>;
}

let overviewSeq = 0;
let detailSeq = 0;

/** After a write: every tab reloads its figures, the app info and audit log theirs. */
export async function afterArrearsWrite(): Promise<void> {
  useArrearsStore.setState((s) => ({ version: s.version + 1 }));
  await refreshAfterChange('arrears');
}

export const useArrearsStore = create<ArrearsState>((set, get) => {
  /** A write answering the employer's new detail: shown in the drawer, then every tab reloads. */
  const employerWrite = async (res: Result<EmployerDetail>): Promise<Result<EmployerDetail>> => {
    if (res.ok) {
      set({ detail: res.value, selectedId: res.value.employer.id, detailError: null });
      await afterArrearsWrite();
    }
    return res;
  };
  return {
    period: lastClosedMonth(todayIso()),
    officeCode: null,
    version: 0,
    overview: null,
    overviewLoading: false,
    overviewError: null,
    selectedId: null,
    detail: null,
    detailLoading: false,
    detailError: null,
    targets: null,
    targetsLoading: false,
    targetsError: null,
    setPeriod: (period) => set({ period }),
    setOfficeCode: (officeCode) => set({ officeCode }),
    loadOverview: async () => {
      const mine = ++overviewSeq;
      set({ overviewLoading: true, overviewError: null });
      const res = await call('arrears:overview', { period: get().period, officeCode: get().officeCode });
      if (mine !== overviewSeq) return;
      set(res.ok ? { overview: res.value, overviewLoading: false } : { overviewLoading: false, overviewError: res.error });
    },
    select: async (id) => {
      const mine = ++detailSeq;
      if (id === null) {
        set({ selectedId: null, detail: null, detailError: null, detailLoading: false });
        return;
      }
      set({ selectedId: id, detailLoading: true, detailError: null, ...(get().detail?.employer.id === id ? {} : { detail: null }) });
      const res = await call('arrears:employer', { id });
      if (mine !== detailSeq) return;
      set(res.ok ? { detail: res.value, detailLoading: false } : { detailLoading: false, detailError: res.error });
    },
    saveEmployer: async (request) => employerWrite(await call('arrears:saveEmployer', request)),
    logAction: async (request) => employerWrite(await call('arrears:logAction', request)),
    deleteAction: async (id) => employerWrite(await call('arrears:deleteAction', { id })),
    savePromise: async (request) => employerWrite(await call('arrears:savePromise', request)),
    settlePromise: async (request) => employerWrite(await call('arrears:settlePromise', request)),
    reminderDocument: (request) => call('arrears:reminderDocument', request),
    loadTargets: async () => {
      set({ targetsLoading: true, targetsError: null });
      const res = await call('arrears:targets', {});
      set(res.ok ? { targets: res.value, targetsLoading: false } : { targetsLoading: false, targetsError: res.error });
    },
    saveTarget: async (request) => {
      const res = await call('arrears:saveTarget', request);
      if (res.ok) {
        set({ targets: res.value });
        await afterArrearsWrite();
      }
      return res;
    },
  };
});

// The last month closed, as the other areas open on; it follows core's clock (BHXH_TODAY in tests).
whenTodayKnown((today) => useArrearsStore.setState({ period: lastClosedMonth(today) }));
