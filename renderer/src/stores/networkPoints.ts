import { create } from 'zustand';
import type { CollectionPoint, RequestOf, Result } from '../../../shared/contract';
import type { AgentKind } from '../../../shared/domain/network';
import { call } from '../api/client';
import { afterNetworkWrite, compact, exportNetwork } from './networkShared';
import { pagedList, type PagedList } from './pagedList';

export const POINT_PAGE_SIZE = 20;
export type PointSort = 'name' | 'agent' | 'commune';
export type PointForm = RequestOf<'points:save'>;

export interface PointFilters {
  officeCode?: string;
  unitCode?: string;
  kind?: AgentKind;
  agentCode?: string;
  open?: boolean;
}

interface PointsState extends PagedList<PointFilters, PointSort, CollectionPoint> {
  save: (form: PointForm) => Promise<Result<CollectionPoint>>;
  exportList: () => ReturnType<typeof exportNetwork>;
}

export const usePointsStore = create<PointsState>((set, get) => ({
  ...pagedList<'points:search', PointFilters, PointSort>(set, get, { channel: 'points:search', pageSize: POINT_PAGE_SIZE, defaultSort: 'name' }),
  save: async (form) => {
    const res = await call('points:save', form);
    // The dialog closes now; the list reloads behind it.
    if (res.ok) void Promise.all([get().load(), afterNetworkWrite()]);
    return res;
  },
  exportList: () => {
    const { officeCode, unitCode, kind, agentCode } = get().filters;
    return exportNetwork({ list: 'points', ...compact({ officeCode, unitCode, kind, agentCode }) });
  },
}));
