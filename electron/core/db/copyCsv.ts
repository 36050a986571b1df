/**
 * Rows as PostgreSQL's COPY … WITH (FORMAT csv) reads them: an unquoted empty field is NULL, a
 * quoted one is the empty string. Plain functions, so a worker thread can build the text too.
 */
export function copyCsvValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? '1' : '0';
  return `"${String(value).replace(/"/g, '""')}"`;
}

/** One row, ended by a newline. */
export function copyCsvLine(values: readonly unknown[]): string {
  let out = '';
  for (let i = 0; i < values.length; i++) out += (i ? ',' : '') + copyCsvValue(values[i]);
  return `${out}\n`;
}
