/**
 * Rows as PostgreSQL's COPY … WITH (FORMAT csv) reads them: an unquoted empty field is NULL, a
 * quoted one is the empty string. Plain functions, so a worker thread can build the text too.
 */
export function copyCsvValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? '1' : '0';
  const text = String(value);
  // Most values hold no quote: the regular expression would be the costly part of a line.
  return text.includes('"') ? `"${text.replace(/"/g, '""')}"` : `"${text}"`;
}

/** One row, ended by a newline (joined, not concatenated: a flat string encodes faster). */
export function copyCsvLine(values: readonly unknown[]): string {
  const parts = new Array<string>(values.length);
  for (let i = 0; i < values.length; i++) parts[i] = copyCsvValue(values[i]);
  return `${parts.join(',')}\n`;
}
