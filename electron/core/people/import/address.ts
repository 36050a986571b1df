import { foldText, toNfc } from '../../../../shared/text/fold';
import type { CommuneRef, PeopleLookups } from './lookups';

/** What one "Địa chỉ" cell gives: the commune it names (or why it names none known), the hamlet before it. */
export interface AddressParts {
  unit: CommuneRef | null;
  hamlet: string | null;
  /** Set when a part reads as a commune ("xã …", "phường …") that is not in the unit list. */
  message: string | null;
}

/** Commas, semicolons, " - ", and the space before a unit word written without a comma ("Ấp 3 xã Vĩnh Lộc huyện Hồng Dân"; not the "xã" of "thị xã"). */
const PART_BREAK = /[,;]|\s[-–]\s|(?<!thị)\s+(?=(?:xã|phường|thị trấn|thị xã|đặc khu|huyện|quận|thành phố|tỉnh|tp\.?)\s)/iu;

const COMMUNE_WORD = /^(xa|phuong|thi tran|dac khu) /;
/** Parts that name something above a commune: never taken for one. */
const ABOVE_COMMUNE = /^(huyen|tinh|thanh pho|tp|quan|thi xa|tx) /;

/**
 * Reads "Số 12, Ấp 3, xã Vĩnh Lộc, huyện Hồng Dân, tỉnh Bạc Liêu" (or "Ấp 3 - Vĩnh Lộc - Hồng Dân"):
 * the part naming a commune of the unit list, from the right; the part before it is the hamlet.
 * A part worded as a commune wins over a bare name; an address naming none known gives nothing.
 */
export function readAddress(text: string, lookups: PeopleLookups): AddressParts {
  const parts = toNfc(text).split(PART_BREAK).map((p) => p.trim()).filter((p) => p !== '');
  const hamletBefore = (i: number) => (i > 0 ? parts[i - 1]! : null);
  for (let i = parts.length - 1; i >= 0; i--) {
    if (!COMMUNE_WORD.test(foldText(parts[i]!))) continue;
    const hit = lookups.commune(parts[i]!);
    return hit.ok ? { unit: hit.unit, hamlet: hamletBefore(i), message: null } : { unit: null, hamlet: hamletBefore(i), message: `Địa chỉ "${text}": ${hit.message}` };
  }
  for (let i = parts.length - 1; i >= 0; i--) {
    if (ABOVE_COMMUNE.test(`${foldText(parts[i]!)} `)) continue;
    const hit = lookups.commune(parts[i]!);
    if (hit.ok) return { unit: hit.unit, hamlet: hamletBefore(i), message: null };
  }
  return { unit: null, hamlet: null, message: null };
}
