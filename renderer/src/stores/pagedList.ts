import type { AppErrorShape, Page, RequestOf, ResponseOf } from '../../../shared/contract';
import { call } from '../api/client';
import { compact } from './networkShared';

type ListChannel = 'agents:search' | 'points:search' | 'staff:search' | 'campaigns:search' | 'campaigns:batches' | 'awards:search' | 'arrears:employers' | 'arrears:actions' | 'arrears:promises' | 'arrears:batches';
type ItemOf<C extends ListChannel> = ResponseOf<C> extends Page<infer T> ? T : never;

/** The state and actions of a server-paged list: text query, filters, page, sort; the newest request wins. */
export interface PagedList<F, S extends string, T> {
  query: string;
  filters: F;
  page: number;
  sort: S;
  desc: boolean;
  result: Page<T> | null;
  loading: boolean;
  error: AppErrorShape | null;
  load: () => Promise<void>;
  setQuery: (query: string) => void;
  setFilters: (patch: Partial<F>) => void;
  setPage: (page: number) => void;
  /** A cleared sort (null) goes back to the list's default. */
  setSort: (sort: S | null, desc: boolean) => void;
}

/**
 * One paged list of a zustand store: each list of the network (agents, points, staff) is this
 * slice plus its own actions. Any change of query, filter or sort goes back to page 1.
 */
export function pagedList<C extends ListChannel, F extends object, S extends string>(
  set: (patch: Partial<PagedList<F, S, ItemOf<C>>>) => void,
  get: () => PagedList<F, S, ItemOf<C>>,
  spec: { channel: C; pageSize: number; defaultSort: S },
): PagedList<F, S, ItemOf<C>> {
  let seq = 0;
  const reload = (patch: Partial<PagedList<F, S, ItemOf<C>>>) => {
    set(patch);
    void get().load();
  };
  return {
    query: '',
    filters: {} as F,
    page: 1,
    sort: spec.defaultSort,
    desc: false,
    result: null,
    loading: false,
    error: null,
    load: async () => {
      const mine = ++seq;
      const { query, filters, page, sort, desc } = get();
      set({ loading: true, error: null });
      const request = { ...compact({ ...filters } as Record<string, unknown>), query: query.trim() || undefined, sort, desc, offset: (page - 1) * spec.pageSize, limit: spec.pageSize };
      const res = await call(spec.channel, request as RequestOf<C>);
      if (mine !== seq) return;
      if (res.ok) set({ result: res.value as Page<ItemOf<C>>, loading: false });
      else set({ loading: false, error: res.error });
    },
    setQuery: (query) => reload({ query, page: 1 }),
    setFilters: (patch) => reload({ filters: { ...get().filters, ...patch }, page: 1 }),
    setPage: (page) => reload({ page }),
    setSort: (sort, desc) => reload({ sort: sort ?? spec.defaultSort, desc: sort ? desc : false }),
  };
}
