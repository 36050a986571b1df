/** A cell read as a count of people: numbers, "3.285", "12 345", "1.234,5" (rejected: not whole). */
export type ParsedNumber = { ok: true; value: number | null } | { ok: false; message: string };

export function parseCount(raw: unknown): ParsedNumber {
  if (raw === null || raw === undefined) return { ok: true, value: null };
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) return { ok: false, message: 'không phải số' };
    return Number.isInteger(raw) ? { ok: true, value: raw } : { ok: false, message: `${String(raw).replace('.', ',')} không phải số nguyên (số người)` };
  }
  const text = String(raw).trim().replace(/\u00a0/g, ' ');
  if (text === '' || text === '-' || text === '—') return { ok: true, value: null };
  let normalized = text.replace(/\s/g, '');
  if (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(normalized)) normalized = normalized.replace(/\./g, '').replace(',', '.');
  else if (/^\d{1,3}(,\d{3})+$/.test(normalized)) normalized = normalized.replace(/,/g, '');
  else normalized = normalized.replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(normalized)) return { ok: false, message: `"${text}" không phải số` };
  const value = Number(normalized);
  if (!Number.isInteger(value)) return { ok: false, message: `"${text}" không phải số nguyên (số người)` };
  if (value < 0) return { ok: false, message: `"${text}" là số âm` };
  return { ok: true, value };
}
