import { create } from 'zustand';
import type { ArrearsAction, ArrearsBatch, ArrearsEmployerRow, ArrearsPromise, RequestOf, Result } from '../../../shared/contract';
import { call } from '../api/client';
import { afterArrearsWrite } from './arrears';
import { pagedList, type PagedList } from './pagedList';

export const EMPLOYER_PAGE_SIZE = 50;
export const LOG_PAGE_SIZE = 20;
export const ARREARS_BATCH_PAGE_SIZE = 20;

type EmployerRequest = RequestOf<'arrears:employers'>;
export type EmployerFilters = Omit<EmployerRequest, 'query' | 'sort' | 'desc' | 'offset' | 'limit'>;
export type EmployerSort = NonNullable<EmployerRequest['sort']>;

/** Đơn vị nợ: employers with their arrears in the month looked at, largest debt first. */
export const useArrearsEmployers = create<PagedList<EmployerFilters, EmployerSort, ArrearsEmployerRow>>((set, get) => ({
  ...pagedList<'arrears:employers', EmployerFilters, EmployerSort>(set, get, { channel: 'arrears:employers', pageSize: EMPLOYER_PAGE_SIZE, defaultSort: 'amount' }),
  filters: { inArrearsOnly: true },
  desc: true,
}));

type ActionRequest = RequestOf<'arrears:actions'>;
export type ActionFilters = Omit<ActionRequest, 'query' | 'sort' | 'desc' | 'offset' | 'limit'>;
export type ActionSort = NonNullable<ActionRequest['sort']>;

/** Nhật ký đôn đốc: the collection actions, newest first. */
export const useArrearsActions = create<PagedList<ActionFilters, ActionSort, ArrearsAction>>((set, get) => ({
  ...pagedList<'arrears:actions', ActionFilters, ActionSort>(set, get, { channel: 'arrears:actions', pageSize: LOG_PAGE_SIZE, defaultSort: 'date' }),
  desc: true,
}));

type PromiseRequest = RequestOf<'arrears:promises'>;
export type PromiseFilters = Omit<PromiseRequest, 'query' | 'sort' | 'desc' | 'offset' | 'limit'>;
export type PromiseSort = NonNullable<PromiseRequest['sort']>;

/** Hẹn trả nợ: instalment promises, the earliest date first (overdue ones on top). */
export const useArrearsPromises = create<PagedList<PromiseFilters, PromiseSort, ArrearsPromise>>((set, get) => ({
  ...pagedList<'arrears:promises', PromiseFilters, PromiseSort>(set, get, { channel: 'arrears:promises', pageSize: LOG_PAGE_SIZE, defaultSort: 'date' }),
}));

interface BatchesState extends PagedList<object, 'at', ArrearsBatch> {
  undo: (batchId: number) => Promise<Result<ArrearsBatch>>;
}

/** Lịch sử nhập: each arrears list imported, newest first, each undoable once. */
export const useArrearsBatches = create<BatchesState>((set, get) => ({
  ...pagedList<'arrears:batches', object, 'at'>(set, get, { channel: 'arrears:batches', pageSize: ARREARS_BATCH_PAGE_SIZE, defaultSort: 'at' }),
  desc: true,
  undo: async (batchId) => {
    const res = await call('arrears:undoBatch', { batchId });
    if (res.ok) await afterArrearsWrite();
    return res;
  },
}));
