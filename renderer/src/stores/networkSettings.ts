import { create } from 'zustand';
import type { AppErrorShape, CommissionRateRow, RequestOf, Result } from '../../../shared/contract';
import { call } from '../api/client';
import { afterNetworkWrite } from './networkShared';

export type CommissionRateForm = RequestOf<'network:addCommissionRate'>;

interface NetworkSettingsState {
  rates: CommissionRateRow[];
  inactiveMonths: number | null;
  loading: boolean;
  error: AppErrorShape | null;
  load: () => Promise<void>;
  addRate: (form: CommissionRateForm) => Promise<Result<CommissionRateRow[]>>;
  setInactiveMonths: (months: number) => Promise<Result<unknown>>;
}

export const useNetworkSettings = create<NetworkSettingsState>((set) => ({
  rates: [],
  inactiveMonths: null,
  loading: false,
  error: null,
  load: async () => {
    set({ loading: true, error: null });
    const [rates, settings] = await Promise.all([call('network:commissionRates', {}), call('settings:get', {})]);
    set({
      loading: false,
      rates: rates.ok ? rates.value : [],
      inactiveMonths: settings.ok ? settings.value.inactiveMonths : null,
      error: !rates.ok ? rates.error : !settings.ok ? settings.error : null,
    });
  },
  addRate: async (form) => {
    const res = await call('network:addCommissionRate', form);
    if (res.ok) {
      set({ rates: res.value });
      await afterNetworkWrite();
    }
    return res;
  },
  setInactiveMonths: async (months) => {
    const res = await call('settings:set', { inactiveMonths: months });
    if (res.ok) {
      set({ inactiveMonths: res.value.inactiveMonths });
      await afterNetworkWrite();
    }
    return res;
  },
}));
