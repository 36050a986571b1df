/** Rows per multi-row INSERT and ids per IN (…): far below SQLite's 32,766 and PostgreSQL's 65,535 parameters. */
export const BATCH = 500;

export function chunks<T>(items: readonly T[], size = BATCH): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** From this many rows, and at least as many as the table holds, a bulk load builds the table's indexes after it. */
export const BIG_LOAD_ROWS = 50_000;
