import { create } from 'zustand';
import type { AppErrorShape, BhxhTnResult, BhytHgdResult, ContributionRuleRow, ReportDocument, RequestOf, Result } from '../../../shared/contract';
import { call } from '../api/client';
import { todayIso } from '../format/dates';
import { useRoute } from './route';

export type CalculatorTab = 'bhxhTn' | 'bhytHgd' | 'rules';

interface CalculatorState {
  tab: CalculatorTab;
  /** The date the rules are read on (a person's due month opens it on that month's first day). */
  date: string;
  /** Printed on the quote ("Người tham gia: …"). */
  personName: string;
  rules: ContributionRuleRow[];
  rulesLoading: boolean;
  rulesError: AppErrorShape | null;
  setTab: (tab: CalculatorTab) => void;
  setDate: (date: string) => void;
  setPersonName: (name: string) => void;
  /** Opens the calculators page on a tab with a person's date and name (from the person's drawer). */
  openFor: (options: { tab: CalculatorTab; date: string; personName: string }) => void;
  loadRules: () => Promise<void>;
  saveRule: (req: RequestOf<'calc:saveRule'>) => Promise<Result<ContributionRuleRow>>;
  endRule: (req: RequestOf<'calc:endRule'>) => Promise<Result<ContributionRuleRow>>;
  bhxhTn: (req: RequestOf<'calc:bhxhTn'>) => Promise<Result<BhxhTnResult>>;
  bhytHgd: (req: RequestOf<'calc:bhytHgd'>) => Promise<Result<BhytHgdResult>>;
  quoteDocument: (req: RequestOf<'calc:quoteDocument'>) => Promise<Result<ReportDocument>>;
}

/** Tính mức đóng: the two calculators and the dated rules table. */
export const useCalculatorStore = create<CalculatorState>((set, get) => ({
  tab: 'bhxhTn',
  date: todayIso(),
  personName: '',
  rules: [],
  rulesLoading: false,
  rulesError: null,
  setTab: (tab) => set({ tab }),
  setDate: (date) => set({ date }),
  setPersonName: (personName) => set({ personName }),
  openFor: ({ tab, date, personName }) => {
    set({ tab, date, personName });
    useRoute.getState().navigate('calculators');
  },
  loadRules: async () => {
    set({ rulesLoading: true, rulesError: null });
    const res = await call('calc:rules', {});
    set(res.ok ? { rules: res.value, rulesLoading: false } : { rulesError: res.error, rulesLoading: false });
  },
  saveRule: async (req) => {
    const res = await call('calc:saveRule', req);
    if (res.ok) await get().loadRules();
    return res;
  },
  endRule: async (req) => {
    const res = await call('calc:endRule', req);
    if (res.ok) await get().loadRules();
    return res;
  },
  bhxhTn: (req) => call('calc:bhxhTn', req),
  bhytHgd: (req) => call('calc:bhytHgd', req),
  quoteDocument: (req) => call('calc:quoteDocument', req),
}));
