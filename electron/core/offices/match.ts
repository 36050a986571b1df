import { foldText, unitNameKey } from '../../../shared/text/fold';
import type { Store } from '../db/store';
import { OfficeRepository } from './repository';
import { covers } from './rules';

/**
 * The key an office is recognised by in a report's title: "BẢO HIỂM XÃ HỘI HUYỆN HỒNG DÂN",
 * "BHXH cơ sở Hồng Dân" and "BHXH huyện Hồng Dân" all give "hong dan". Null for a line that
 * does not name a BHXH office.
 */
export function officeKey(line: string): string | null {
  const folded = foldText(line);
  const rest = /^(bao hiem xa hoi|bhxh) (.+)$/.exec(folded)?.[2];
  if (!rest) return null;
  const key = unitNameKey(rest.replace(/^co so /, ''));
  return key || null;
}

/** The office working on `day` that a title line names ("BHXH huyện Hồng Dân"), or null. */
export async function officeNamedInTitle(store: Store, titleLines: string[], day: string): Promise<string | null> {
  const keys = titleLines.map(officeKey).filter((k): k is string => k !== null);
  if (keys.length === 0) return null;
  const offices = (await new OfficeRepository(store).all()).filter((o) => covers(o, day));
  for (const key of keys.reverse()) {
    const hits = offices.filter((o) => officeKey(o.name) === key);
    if (hits.length === 1) return hits[0]!.code;
  }
  return null;
}
