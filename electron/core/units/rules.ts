import type { UnitLevel } from '../../../shared/domain/units';

export { levelRank } from '../../../shared/domain/units';

/** A district list calls its units "Huyện", "Quận", "Thị xã", "Thành phố"; the kind is read off the name. */
export function kindFromName(name: string, level: UnitLevel): string | null {
  const prefixes: Record<UnitLevel, string[]> = {
    province: ['Thành phố', 'Tỉnh'],
    district: ['Thành phố', 'Thị xã', 'Huyện', 'Quận'],
    commune: ['Thị trấn', 'Phường', 'Đặc khu', 'Xã'],
    hamlet: ['Thôn', 'Ấp', 'Khóm', 'Khu phố', 'Bản', 'Buôn', 'Tổ dân phố'],
  };
  const hit = prefixes[level].find((p) => name.toLocaleLowerCase('vi').startsWith(p.toLocaleLowerCase('vi') + ' '));
  return hit ?? null;
}

/** The code lengths QĐ 124/2004 and QĐ 19/2025 use; numeric cells lose leading zeros in Excel. */
export const CODE_LENGTH: Partial<Record<UnitLevel, number>> = { province: 2, district: 3, commune: 5 };

export function normaliseCode(raw: unknown, level: UnitLevel): string | null {
  if (raw === null || raw === undefined) return null;
  const text = typeof raw === 'number' ? String(Math.trunc(raw)) : String(raw).trim();
  if (!/^\d+$/.test(text)) return null;
  const length = CODE_LENGTH[level];
  if (length === undefined) return text;
  if (text.length > length) return null;
  return text.padStart(length, '0');
}
