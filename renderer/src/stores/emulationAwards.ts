import { create } from 'zustand';
import type { Award, RequestOf, Result } from '../../../shared/contract';
import type { AwardKind, EmulationLevel } from '../../../shared/domain/emulation';
import { call } from '../api/client';
import { compact } from './networkShared';
import { pagedList, type PagedList } from './pagedList';
import { refreshAfterChange } from './refresh';
import { saveExport } from './emulation';

export const AWARD_PAGE_SIZE = 20;
export type AwardForm = RequestOf<'awards:save'>;

export interface AwardFilters {
  level?: EmulationLevel;
  kind?: AwardKind;
  year?: number;
}

type AwardSort = 'decisionDate' | 'name' | 'amount';

interface AwardsState extends PagedList<AwardFilters, AwardSort, Award> {
  save: (form: AwardForm) => Promise<Result<Award>>;
  remove: (id: number) => Promise<Result<{ deleted: number }>>;
  exportList: () => Promise<Result<{ fileName: string | null }>>;
}

/** Khen thưởng: award records a page at a time, newest decision first; add, change, delete, export. */
export const useAwardsStore = create<AwardsState>((set, get) => ({
  ...pagedList<'awards:search', AwardFilters, AwardSort>(set, get, { channel: 'awards:search', pageSize: AWARD_PAGE_SIZE, defaultSort: 'decisionDate' }),
  desc: true,
  save: async (form) => {
    const res = await call('awards:save', form);
    if (res.ok) void Promise.all([get().load(), refreshAfterChange('emulation')]);
    return res;
  },
  remove: async (id) => {
    const res = await call('awards:delete', { id });
    if (res.ok) void Promise.all([get().load(), refreshAfterChange('emulation')]);
    return res;
  },
  exportList: async () => {
    const { filters, query } = get();
    return saveExport(await call('exports:awards', { ...compact({ ...filters }), ...(query.trim() ? { query: query.trim() } : {}) }));
  },
}));
