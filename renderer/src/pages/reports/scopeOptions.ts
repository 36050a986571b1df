import type { Office, Unit } from '../../../../shared/contract';
import { viCollator } from '../../../../shared/format/vi';
import { matchesFolded } from '../../../../shared/text/fold';
import { levelLabel } from '../../text/labels';

/** The province as a whole is `null` in the definition; a Select needs a real value. */
export const PROVINCE_SCOPE = '__province__';

export interface ScopeOption {
  value: string;
  label: string;
  search: string;
}

export interface ScopeGroup {
  label: string;
  title: string;
  options: ScopeOption[];
}

/**
 * Phạm vi: the whole province, one BHXH cơ sở (office), or one unit of today's tree below the
 * province. Offices first: they are what leaders ask about most.
 */
export function scopeGroups(offices: readonly Office[], units: readonly Unit[]): (ScopeOption | ScopeGroup)[] {
  const byName = <T extends { name: string; code: string }>(a: T, b: T) => viCollator.compare(a.name, b.name) || viCollator.compare(a.code, b.code);
  const groups: (ScopeOption | ScopeGroup)[] = [{ value: PROVINCE_SCOPE, label: 'Toàn tỉnh', search: 'Toàn tỉnh' }];
  if (offices.length > 0)
    groups.push({
      label: 'BHXH cơ sở',
      title: 'BHXH cơ sở',
      options: [...offices].sort(byName).map((o) => ({ value: o.code, label: `${o.name} (${o.code})`, search: `${o.name} ${o.code}` })),
    });
  const below = units.filter((u) => u.level !== 'province' && !u.validTo);
  if (below.length > 0)
    groups.push({
      label: 'Đơn vị hành chính',
      title: 'Đơn vị hành chính',
      options: [...below].sort(byName).map((u) => ({ value: u.code, label: `${u.name} (${u.code}) — ${levelLabel(u.level)}`, search: `${u.name} ${u.code}` })),
    });
  return groups;
}

export const filterScopeOption = (input: string, option?: ScopeOption | ScopeGroup): boolean =>
  option && 'search' in option ? matchesFolded(option.search, input) : false;

