import { create } from 'zustand';
import type { AppErrorShape, CampaignCalendarItem, CampaignTotals } from '../../../shared/contract';
import type { CampaignKind } from '../../../shared/domain/campaigns';
import { monthBounds } from '../../../shared/domain/periods';
import { call } from '../api/client';
import { todayIso, whenTodayKnown } from '../format/dates';

interface CalendarState {
  /** YYYY-MM shown. */
  month: string;
  kind: CampaignKind | null;
  officeCode: string | null;
  items: CampaignCalendarItem[];
  loading: boolean;
  error: AppErrorShape | null;
  setMonth: (month: string) => void;
  setKind: (kind: CampaignKind | null) => void;
  setOfficeCode: (code: string | null) => void;
  load: () => Promise<void>;
}

let calendarSeq = 0;

/** Lịch: the campaigns of one month (and the days of the weeks around it the grid shows). */
export const useCampaignCalendar = create<CalendarState>((set, get) => ({
  month: todayIso().slice(0, 7),
  kind: null,
  officeCode: null,
  items: [],
  loading: false,
  error: null,
  setMonth: (month) => {
    set({ month });
    void get().load();
  },
  setKind: (kind) => {
    set({ kind });
    void get().load();
  },
  setOfficeCode: (officeCode) => {
    set({ officeCode });
    void get().load();
  },
  load: async () => {
    const mine = ++calendarSeq;
    const { month, kind, officeCode } = get();
    const { from, to } = monthBounds(month);
    set({ loading: true, error: null });
    // The grid shows up to six days of the months on either side.
    const res = await call('campaigns:calendar', { from: shift(from, -7), to: shift(to, 7), ...(kind ? { kind } : {}), ...(officeCode ? { officeCode } : {}) });
    if (mine !== calendarSeq) return;
    set(res.ok ? { items: res.value, loading: false } : { loading: false, error: res.error });
  },
}));

function shift(iso: string, days: number): string {
  const d = new Date(iso + 'T00:00:00Z');
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

interface TotalsState {
  year: number;
  officeCode: string | null;
  effectWeeks: number;
  totals: CampaignTotals | null;
  loading: boolean;
  error: AppErrorShape | null;
  setYear: (year: number) => void;
  setOfficeCode: (code: string | null) => void;
  setEffectWeeks: (weeks: number) => void;
  load: () => Promise<void>;
}

let totalsSeq = 0;

/** Tổng hợp: a year's campaigns by kind, office and month, and the effect per kind. */
export const useCampaignTotals = create<TotalsState>((set, get) => ({
  year: Number(todayIso().slice(0, 4)),
  officeCode: null,
  effectWeeks: 4,
  totals: null,
  loading: false,
  error: null,
  setYear: (year) => {
    set({ year });
    void get().load();
  },
  setOfficeCode: (officeCode) => {
    set({ officeCode });
    void get().load();
  },
  setEffectWeeks: (effectWeeks) => {
    set({ effectWeeks });
    void get().load();
  },
  load: async () => {
    const mine = ++totalsSeq;
    const { year, officeCode, effectWeeks } = get();
    set({ loading: true, error: null });
    const res = await call('campaigns:totals', { from: `${year}-01-01`, to: `${year}-12-31`, effectWeeks, ...(officeCode ? { officeCode } : {}) });
    if (mine !== totalsSeq) return;
    set(res.ok ? { totals: res.value, loading: false } : { loading: false, error: res.error });
  },
}));

// Both open on core's today (BHXH_TODAY in tests), not the browser's.
whenTodayKnown((today) => {
  useCampaignCalendar.setState({ month: today.slice(0, 7) });
  useCampaignTotals.setState({ year: Number(today.slice(0, 4)) });
});
