import { create } from 'zustand';
import type { AppErrorShape, DashboardData, Result } from '../../../shared/contract';
import { lastClosedMonth, monthPeriod, periodEndMonth, treeDateOf, type Period } from '../../../shared/domain/periods';
import { api, call, exportTable } from '../api/client';
import { todayIso, whenTodayKnown } from '../format/dates';

export const DEFAULT_DASHBOARD_INDICATOR = 'BHXH_TN';

/** The last month whose data is cut off (the 25th; December on 31/12): what the dashboard opens on, as the report does. */
export function defaultDashboardPeriod(today = todayIso()): Period {
  return monthPeriod(lastClosedMonth(today));
}

/** Which administrative tree the figures are shown on: today's, or the one in force at the period's end. */
export type TreeMode = 'current' | 'period';

/** The day whose tree is shown: undefined lets core use today's. */
export function viewDateFor(period: Period, mode: TreeMode, today = todayIso()): string | undefined {
  if (mode === 'current') return undefined;
  const date = treeDateOf(periodEndMonth(period, today.slice(0, 7)), today);
  return date < today ? date : undefined;
}

export interface ExportOutcome {
  /** The file saved, or null when the user cancelled the save dialog (Electron). */
  fileName: string | null;
}

interface DashboardState {
  period: Period;
  indicatorCode: string;
  /** The unit whose children are shown; null = the whole province (the roots). */
  unitCode: string | null;
  treeMode: TreeMode;
  data: DashboardData | null;
  /** Said once when the unit shown does not exist on the chosen tree and the view went back to the top. */
  notice: string | null;
  loading: boolean;
  error: AppErrorShape | null;
  exporting: boolean;
  load: () => Promise<void>;
  setPeriod: (period: Period) => Promise<void>;
  setIndicator: (code: string) => Promise<void>;
  setTreeMode: (mode: TreeMode) => Promise<void>;
  /** Shows the children of `code` (null = back to the whole province). */
  drillTo: (code: string | null) => Promise<void>;
  exportComparison: () => Promise<Result<ExportOutcome>>;
  exportCoverage: () => Promise<Result<ExportOutcome>>;
  /** Reloads when core reports changed data; returns the unsubscribe function. */
  watchDataChanges: () => () => void;
}

/** Only the latest request may write its answer (fast period clicks overtake each other). */
let latestRequest = 0;

export const useDashboardStore = create<DashboardState>((set, get) => ({
  period: defaultDashboardPeriod(),
  indicatorCode: DEFAULT_DASHBOARD_INDICATOR,
  unitCode: null,
  treeMode: 'current',
  data: null,
  notice: null,
  loading: false,
  error: null,
  exporting: false,

  load: async () => {
    const { period, indicatorCode, unitCode, treeMode } = get();
    const id = ++latestRequest;
    set({ loading: true, error: null });
    const res = await call('dashboard:get', { period, indicatorCode, unitCode, viewDate: viewDateFor(period, treeMode) });
    if (id !== latestRequest) return;
    if (res.ok) set({ data: res.value, loading: false, error: null });
    else set({ loading: false, error: res.error });
  },

  setPeriod: async (period) => {
    set({ period, notice: null });
    await loadOrGoUp();
  },

  setIndicator: async (code) => {
    set({ indicatorCode: code, notice: null });
    await get().load();
  },

  setTreeMode: async (mode) => {
    set({ treeMode: mode, notice: null });
    await loadOrGoUp();
  },

  drillTo: async (code) => {
    set({ unitCode: code, notice: null });
    await get().load();
  },

  exportComparison: () => {
    const { period, indicatorCode, unitCode, treeMode } = get();
    return exportWith(() =>
      exportTable('exports:comparison', { period, indicatorCode, unitCode, viewDate: viewDateFor(period, treeMode) }),
    );
  },

  exportCoverage: () => {
    const { period, unitCode, treeMode } = get();
    return exportWith(() => exportTable('exports:coverage', { period, unitCode, viewDate: viewDateFor(period, treeMode) }));
  },

  watchDataChanges: () =>
    api.onEvent((event) => {
      // Backups do not change figures; everything else (units, demo, results, targets…) may.
      if (event.type !== 'data-changed' || event.area === 'backups') return;
      if (get().data || get().error) void get().load();
    }),
}));

/**
 * After the period or the tree changed, the unit being looked at may not exist on the new
 * tree (a district before 01/07/2025): go back to the top instead of showing an error.
 */
async function loadOrGoUp(): Promise<void> {
  const store = useDashboardStore;
  await store.getState().load();
  const { error, unitCode, data } = store.getState();
  if (error?.code === 'NOT_FOUND' && unitCode) {
    const name = data?.path.find((p) => p.code === unitCode)?.name ?? (data?.table.unitCode === unitCode ? data.table.unitName : unitCode);
    store.setState({ unitCode: null, notice: `${name} không có trên cây đơn vị của kỳ đã chọn; đang xem toàn tỉnh.` });
    await store.getState().load();
  }
}

/** `exporting` drives the export buttons' spinners while core builds the workbook. */
async function exportWith(make: () => Promise<Result<ExportOutcome>>): Promise<Result<ExportOutcome>> {
  useDashboardStore.setState({ exporting: true });
  try {
    return await make();
  } finally {
    useDashboardStore.setState({ exporting: false });
  }
}

// The store is created before app:info answers; the day core knows replaces the browser's.
whenTodayKnown((today) => {
  if (!useDashboardStore.getState().data) useDashboardStore.setState({ period: defaultDashboardPeriod(today) });
});
