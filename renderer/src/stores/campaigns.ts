import { create } from 'zustand';
import type { AppErrorShape, CampaignDetail, CampaignEffect, CampaignSummary, DownloadRef, RequestOf, Result } from '../../../shared/contract';
import type { CampaignKind } from '../../../shared/domain/campaigns';
import { call, saveDownload } from '../api/client';
import { compact } from './networkShared';
import { pagedList, type PagedList } from './pagedList';
import { refreshAfterChange } from './refresh';

export const CAMPAIGN_PAGE_SIZE = 20;

export type CampaignSort = 'startsOn' | 'name' | 'kind' | 'attendees' | 'signups';
export type CampaignForm = RequestOf<'campaigns:save'>;

export interface CampaignFilters {
  kind?: CampaignKind;
  officeCode?: string;
  unitCode?: string;
  partner?: string;
  from?: string;
  to?: string;
}

interface CampaignsState extends PagedList<CampaignFilters, CampaignSort, CampaignSummary> {
  /** Bumped after every write: the calendar and totals reload when it changes. */
  version: number;
  selected: CampaignDetail | null;
  detailLoading: boolean;
  detailError: AppErrorShape | null;
  effect: CampaignEffect | null;
  effectWeeks: number;
  effectError: AppErrorShape | null;
  select: (id: number | null) => Promise<void>;
  setEffectWeeks: (weeks: number) => Promise<void>;
  save: (form: CampaignForm) => Promise<Result<CampaignDetail>>;
  remove: (id: number) => Promise<Result<{ deleted: number }>>;
  exportList: () => Promise<Result<{ fileName: string | null }>>;
}

/** Hoạt động tuyên truyền: the paged list, the campaign open in the drawer with its effect, writes. */
export const useCampaignsStore = create<CampaignsState>((set, get) => {
  const loadEffect = async (id: number) => {
    set({ effect: null, effectError: null });
    const res = await call('campaigns:effect', { id, weeks: get().effectWeeks });
    if (get().selected?.id !== id) return;
    set(res.ok ? { effect: res.value } : { effectError: res.error });
  };
  const afterWrite = async () => {
    set((s) => ({ version: s.version + 1 }));
    await Promise.all([get().load(), refreshAfterChange('campaigns')]);
  };
  return {
    // Newest first: what staff look for is what they held last.
    ...pagedList<'campaigns:search', CampaignFilters, CampaignSort>(set, get, { channel: 'campaigns:search', pageSize: CAMPAIGN_PAGE_SIZE, defaultSort: 'startsOn' }),
    desc: true,
    version: 0,
    selected: null,
    detailLoading: false,
    detailError: null,
    effect: null,
    effectWeeks: 4,
    effectError: null,
    select: async (id) => {
      if (id === null) {
        set({ selected: null, effect: null, detailError: null });
        return;
      }
      set({ detailLoading: true, detailError: null });
      const res = await call('campaigns:get', { id });
      set({ detailLoading: false, selected: res.ok ? res.value : null, detailError: res.ok ? null : res.error });
      if (res.ok) void loadEffect(id);
    },
    setEffectWeeks: async (weeks) => {
      set({ effectWeeks: weeks });
      const id = get().selected?.id;
      if (id) await loadEffect(id);
    },
    save: async (form) => {
      const res = await call('campaigns:save', form);
      if (res.ok) {
        set({ selected: res.value });
        void loadEffect(res.value.id);
        void afterWrite();
      }
      return res;
    },
    remove: async (id) => {
      const res = await call('campaigns:delete', { id });
      if (res.ok) {
        set({ selected: null, effect: null });
        void afterWrite();
      }
      return res;
    },
    exportList: async () => {
      const { filters, query } = get();
      const made = (await call('exports:campaigns', { ...compact({ ...filters }), ...(query.trim() ? { query: query.trim() } : {}) })) as Result<DownloadRef>;
      if (!made.ok) return made;
      const saved = await saveDownload(made.value);
      if (!saved.ok) return saved;
      return { ok: true, value: { fileName: saved.value ? made.value.fileName : null } };
    },
  };
});
