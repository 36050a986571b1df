import { AppError } from '../../../shared/contract';
import { chunks } from '../db/batching';
import type { Store } from '../db/store';

/** Communes by code, in one query per thousand codes; a code that is not a commune is a field error. */
export async function communeIds(store: Store, codes: string[], field: string): Promise<Map<string, { id: number; name: string }>> {
  const out = new Map<string, { id: number; name: string }>();
  for (const chunk of chunks([...new Set(codes)])) {
    const rows = await store.db.selectFrom('units').select(['id', 'code', 'name', 'level']).where('code', 'in', chunk).execute();
    for (const r of rows) if (r.level === 'commune') out.set(r.code, { id: r.id, name: r.name });
  }
  const missing = codes.filter((c) => !out.has(c));
  if (missing.length > 0) throw new AppError('VALIDATION', `Không có xã, phường mã ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? '…' : ''} trong danh mục.`, { field });
  return out;
}

export async function unitIdOf(store: Store, code: string | undefined): Promise<number | undefined> {
  if (!code) return undefined;
  const row = await store.db.selectFrom('units').select('id').where('code', '=', code).executeTakeFirst();
  // An unknown commune filters to nothing rather than to everything.
  return row?.id ?? -1;
}

export async function officeIdOf(store: Store, code: string | null | undefined, field = 'officeCode'): Promise<{ id: number; name: string } | null> {
  if (!code) return null;
  const row = await store.db.selectFrom('offices').select(['id', 'name']).where('code', '=', code).executeTakeFirst();
  if (!row) throw new AppError('VALIDATION', `Không có cơ quan BHXH cơ sở mã "${code}".`, { field });
  return row;
}

/** Text fields as stored: NFC, single spaces, empty → null. */
export function cleanText(v: string | null | undefined): string | null {
  return v && v.trim() ? v.normalize('NFC').replace(/\s+/g, ' ').trim() : null;
}

/** One line per changed field for the history: "tên "A" → "B"". */
export function changeLines(pairs: [string, unknown, unknown][]): string[] {
  const show = (v: unknown) => (v === null || v === undefined || v === '' ? '—' : Array.isArray(v) ? v.join(', ') || '—' : typeof v === 'boolean' ? (v ? 'có' : 'không') : `"${String(v)}"`);
  const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
  return pairs.filter(([, a, b]) => !same(a, b)).map(([label, a, b]) => `${label} ${show(a)} → ${show(b)}`);
}
