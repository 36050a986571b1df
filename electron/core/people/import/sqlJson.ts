import { sql, type RawBuilder } from 'kysely';
import type { Store } from '../../db/store';

/**
 * The little JSON the import writes and reads in SQL (what a staged row duplicates, what an
 * update replaced), where the engines spell it differently: json_object / json_quote /
 * json_extract on SQLite, json_build_object / to_json / ->> on PostgreSQL.
 */

/** A JSON string literal of a text column (JSON null for NULL). */
export function jsonQuote(store: Store, column: string): RawBuilder<string> {
  return store.engine === 'sqlite' ? sql<string>`json_quote(${sql.ref(column)})` : sql<string>`coalesce(to_json(${sql.ref(column)})::text, 'null')`;
}

/** Texts of a group joined by commas in `order` (group_concat on SQLite, string_agg on PostgreSQL). */
export function joinedTexts(store: Store, text: RawBuilder<string>, order: RawBuilder<unknown>): RawBuilder<string> {
  return store.engine === 'sqlite' ? sql<string>`group_concat(${text}, ',' ORDER BY ${order})` : sql<string>`string_agg(${text}, ',' ORDER BY ${order})`;
}

/** A JSON object of columns under their own names, as text; `from` reads some of them elsewhere (column → qualified reference). */
export function jsonObjectOf(store: Store, table: string, columns: readonly string[], from: Record<string, string> = {}): RawBuilder<string> {
  const args = sql.join(columns.map((c) => sql`${sql.lit(c)}, ${sql.ref(from[c] ?? `${table}.${c}`)}`));
  return store.engine === 'sqlite' ? sql<string>`json_object(${args})` : sql<string>`json_build_object(${args})::text`;
}

/** A field of a JSON text column, as text or as an integer. */
export function jsonField(store: Store, column: string, key: string, type: 'text' | 'integer'): RawBuilder<unknown> {
  if (store.engine === 'sqlite') return sql`json_extract(${sql.ref(column)}, ${sql.lit('$.' + key)})`;
  return type === 'integer' ? sql`(${sql.ref(column)}::json->>${sql.lit(key)})::integer` : sql`(${sql.ref(column)}::json->>${sql.lit(key)})`;
}
