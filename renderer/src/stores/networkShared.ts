import { create } from 'zustand';
import type { DownloadRef, Office, RequestOf, Result, Unit } from '../../../shared/contract';
import { lastClosedMonth } from '../../../shared/domain/periods';
import { call, saveDownload } from '../api/client';
import { todayIso, whenTodayKnown } from '../format/dates';
import { refreshAfterChange } from './refresh';

/** What every tab of "Đại lý thu" shares: the month looked at, the office, and the pick lists. */
interface NetworkSharedState {
  /** YYYY-MM of the results shown: the last month closed unless the user picks another. */
  month: string;
  officeCode: string | null;
  offices: Office[];
  communes: Unit[];
  listsLoaded: boolean;
  /** Bumped after every write: tabs showing figures reload when it changes. */
  version: number;
  setMonth: (month: string) => void;
  setOfficeCode: (code: string | null) => void;
  loadLists: (force?: boolean) => Promise<void>;
}

export const useNetworkShared = create<NetworkSharedState>((set, get) => ({
  month: lastClosedMonth(todayIso()),
  officeCode: null,
  offices: [],
  communes: [],
  listsLoaded: false,
  version: 0,
  setMonth: (month) => set({ month }),
  setOfficeCode: (officeCode) => set({ officeCode }),
  loadLists: async (force) => {
    if (get().listsLoaded && !force) return;
    const [offices, communes] = await Promise.all([call('offices:list', {}), call('units:list', { level: 'commune' })]);
    set({ offices: offices.ok ? offices.value : [], communes: communes.ok ? communes.value : [], listsLoaded: true });
  },
}));

// The last month closed (cut off on the 25th), as the dashboard and reports open on; it follows
// core's clock once that is known (BHXH_TODAY in tests).
whenTodayKnown((today) => useNetworkShared.setState({ month: lastClosedMonth(today) }));

/** Has core build one of the network's workbooks, then saves it; fileName null when the save was cancelled. */
export async function exportNetwork(request: RequestOf<'exports:network'>): Promise<Result<{ fileName: string | null }>> {
  const made = (await call('exports:network', request)) as Result<DownloadRef>;
  if (!made.ok) return made;
  const saved = await saveDownload(made.value);
  if (!saved.ok) return saved;
  return { ok: true, value: { fileName: saved.value ? made.value.fileName : null } };
}

/** Drops undefined and null filter values so requests carry only what was chosen. */
export function compact<T extends Record<string, unknown>>(obj: T): { [K in keyof T]?: Exclude<T[K], null> } {
  const out: { [K in keyof T]?: Exclude<T[K], null> } = {};
  for (const [k, v] of Object.entries(obj)) if (v !== undefined && v !== null && v !== '') (out as Record<string, unknown>)[k] = v;
  return out;
}

/** After a write in the network: the tabs reload their figures, the audit log and app info theirs. */
export async function afterNetworkWrite(): Promise<void> {
  useNetworkShared.setState((s) => ({ version: s.version + 1 }));
  await refreshAfterChange('results');
}
