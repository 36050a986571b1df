import { AppError } from '../../../shared/contract';
import { toNfc } from '../../../shared/text/fold';
import type { Store } from '../db/store';
import { OfficeRepository } from '../offices/repository';
import { UnitRepository } from '../units/repository';

/** Communes by code; a code that is not a commune of the catalogue is a field error. */
export async function communeIds(store: Store, codes: string[], field: string): Promise<Map<string, { id: number; name: string }>> {
  const out = new Map<string, { id: number; name: string }>();
  for (const u of await new UnitRepository(store).byCodes(codes)) if (u.level === 'commune') out.set(u.code, { id: u.id, name: u.name });
  const missing = codes.filter((c) => !out.has(c));
  if (missing.length > 0) throw new AppError('VALIDATION', `Không có xã, phường mã ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? '…' : ''} trong danh mục.`, { field });
  return out;
}

/** The id a list filters on; an unknown commune filters to nothing rather than to everything. */
export async function unitIdOf(store: Store, code: string | undefined): Promise<number | undefined> {
  if (!code) return undefined;
  return (await new UnitRepository(store).byCode(code))?.id ?? -1;
}

export async function officeIdOf(store: Store, code: string | null | undefined, field = 'officeCode'): Promise<{ id: number; name: string } | null> {
  if (!code) return null;
  const office = await new OfficeRepository(store).byCode(code);
  if (!office) throw new AppError('VALIDATION', `Không có cơ quan BHXH cơ sở mã "${code}".`, { field });
  return { id: office.id, name: office.name };
}

/** Text fields as stored: NFC, single spaces (the shared rule), empty → null. */
export function cleanText(v: string | null | undefined): string | null {
  return v && v.trim() ? toNfc(v) : null;
}

/** One line per changed field for the history: "tên "A" → "B"". */
export function changeLines(pairs: [string, unknown, unknown][]): string[] {
  const show = (v: unknown) => (v === null || v === undefined || v === '' ? '—' : Array.isArray(v) ? v.join(', ') || '—' : typeof v === 'boolean' ? (v ? 'có' : 'không') : `"${String(v)}"`);
  const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
  return pairs.filter(([, a, b]) => !same(a, b)).map(([label, a, b]) => `${label} ${show(a)} → ${show(b)}`);
}
