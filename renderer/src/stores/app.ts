import { create } from 'zustand';
import type { AppErrorShape, AppInfo, DemoOutcome, ProgressEvent, Result } from '../../../shared/contract';
import { call } from '../api/client';
import { setTodayIso } from '../format/dates';

interface AppState {
  info: AppInfo | null;
  loading: boolean;
  error: AppErrorShape | null;
  /** The user chose "Bỏ qua, vào ứng dụng" on the first-run screen. */
  skippedFirstRun: boolean;
  demoLoading: boolean;
  /** Long-running work reported by core, keyed by task id. */
  tasks: Record<string, ProgressEvent>;
  loadInfo: (opts?: { quiet?: boolean }) => Promise<void>;
  loadDemo: () => Promise<Result<DemoOutcome>>;
  skipFirstRun: () => void;
  trackProgress: (event: ProgressEvent) => void;
}

export const useAppStore = create<AppState>((set, get) => ({
  info: null,
  loading: false,
  error: null,
  skippedFirstRun: false,
  demoLoading: false,
  tasks: {},

  loadInfo: async (opts) => {
    if (!opts?.quiet || !get().info) set({ loading: true, error: null });
    const res = await call('app:info', {});
    if (res.ok) {
      setTodayIso(res.value.today);
      set({ info: res.value, loading: false, error: null });
    } else set({ loading: false, error: res.error });
  },

  loadDemo: async () => {
    set({ demoLoading: true });
    const res = await call('demo:load', {});
    set({ demoLoading: false });
    if (res.ok) await get().loadInfo({ quiet: true });
    return res;
  },

  skipFirstRun: () => set({ skippedFirstRun: true }),

  trackProgress: (event) =>
    set((s) => {
      const tasks = { ...s.tasks };
      if (event.total > 0 && event.done >= event.total) delete tasks[event.taskId];
      else tasks[event.taskId] = event;
      return { tasks };
    }),
}));
