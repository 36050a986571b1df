import { create } from 'zustand';
import type { AppErrorShape, IndicatorDef, Office } from '../../../shared/contract';
import { call } from '../api/client';

interface Slice<T> {
  items: T[];
  loaded: boolean;
  loading: boolean;
  error: AppErrorShape | null;
}

interface CatalogsState {
  indicators: Slice<IndicatorDef>;
  offices: Slice<Office>;
  loadIndicators: () => Promise<void>;
  loadOffices: () => Promise<void>;
  reset: () => void;
}

const emptySlice = <T>(): Slice<T> => ({ items: [], loaded: false, loading: false, error: null });

export const useCatalogsStore = create<CatalogsState>((set) => ({
  indicators: emptySlice(),
  offices: emptySlice(),

  loadIndicators: async () => {
    set((s) => ({ indicators: { ...s.indicators, loading: true, error: null } }));
    const res = await call('indicators:list', {});
    set({
      indicators: res.ok
        ? { items: res.value, loaded: true, loading: false, error: null }
        : { items: [], loaded: true, loading: false, error: res.error },
    });
  },

  loadOffices: async () => {
    set((s) => ({ offices: { ...s.offices, loading: true, error: null } }));
    const res = await call('offices:list', {});
    set({
      offices: res.ok
        ? { items: res.value, loaded: true, loading: false, error: null }
        : { items: [], loaded: true, loading: false, error: res.error },
    });
  },

  reset: () => set({ indicators: emptySlice(), offices: emptySlice() }),
}));
