import { z } from 'zod';

/**
 * The one paging convention of every list that can grow (units, import history, audit, and
 * the lists of agents, campaigns and people): offset and limit, one sort key with a direction,
 * and a text filter matched without diacritics on the list's folded key. Bulk actions take the
 * same filter, never a list of ids.
 */
export interface PageRequest<S extends string = string> {
  offset?: number;
  /** Rows per page: 1–1000, 100 when not given. */
  limit?: number;
  sort?: S;
  desc?: boolean;
  /** Matched on the folded key: "ninh hoa" finds "Xã Ninh Hòa". */
  query?: string;
}

export interface Page<T> {
  items: T[];
  /** Rows matching the filter, on every page. */
  total: number;
  /**
   * True when counting stopped early: `total` is then a lower bound ("more than 10.000"), not the
   * exact number. Only lists that can hold a million rows (people) ever set it.
   */
  totalIsEstimate?: boolean;
  offset: number;
  limit: number;
}

export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 1000;

/** The request schema of a paged list: its own filters plus the convention's fields, the sort keys it allows. */
export function pageRequest<const S extends readonly [string, ...string[]], F extends z.ZodRawShape>(sorts: S, filters: F) {
  return z.object({
    ...filters,
    offset: z.number().int().min(0).optional(),
    limit: z.number().int().min(1).max(MAX_PAGE_SIZE, `Tối đa ${MAX_PAGE_SIZE} dòng một trang`).optional(),
    sort: z.enum(sorts).optional(),
    desc: z.boolean().optional(),
    query: z.string().trim().max(200, 'Chuỗi tìm kiếm quá dài (tối đa 200 ký tự)').optional(),
  });
}
