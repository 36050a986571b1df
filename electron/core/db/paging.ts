import { sql, type Expression, type SqlBool, type SelectQueryBuilder } from 'kysely';
import { DEFAULT_PAGE_SIZE, type Page, type PageRequest } from '../../../shared/contract/paging';

/** `%text%` for LIKE … ESCAPE '!' with the user's own %, _ and ! taken literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[!%_]/g, (c) => `!${c}`)}%`;
}

/**
 * Every word of a folded query inside a folded key column (words in any order): the one
 * diacritic-free search of every list. Escaped the same way on both engines; callers apply it
 * only when the user typed something.
 */
export function foldedWordsMatch(column: string, foldedQuery: string): Expression<SqlBool> {
  const words = foldedQuery.split(' ').filter(Boolean);
  // Only punctuation typed ("%", "--"): nothing is named by it.
  if (words.length === 0) return sql<SqlBool>`1 = 0`;
  return sql<SqlBool>`(${sql.join(
    words.map((w) => sql`${sql.ref(column)} LIKE ${containsPattern(w)} ESCAPE '!'`),
    sql` AND `,
  )})`;
}

/**
 * One page of a query and the total matching it, in two statements whatever the page.
 * `order` applies the request's sort (and a unique tie-breaker, so pages never overlap).
 */
export async function pageOf<DB, TB extends keyof DB, O>(
  query: SelectQueryBuilder<DB, TB, O>,
  req: PageRequest,
  order: (q: SelectQueryBuilder<DB, TB, O>) => SelectQueryBuilder<DB, TB, O>,
): Promise<Page<O>> {
  const offset = req.offset ?? 0;
  const limit = req.limit ?? DEFAULT_PAGE_SIZE;
  const counted = await query
    .clearSelect()
    .clearOrderBy()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  const items = await order(query).offset(offset).limit(limit).execute();
  return { items, total: Number((counted as { n?: number } | undefined)?.n ?? 0), offset, limit };
}
