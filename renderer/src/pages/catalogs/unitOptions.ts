import type { Unit } from '../../../../shared/domain/units';
import { formatDate, viCollator } from '../../../../shared/format/vi';
import { matchesFolded } from '../../../../shared/text/fold';
import { levelLabel } from '../../text/labels';

export interface UnitOption {
  value: string;
  label: string;
  /** Text the folded search runs on: name, code, level. */
  search: string;
}

/** Select options for units: "Tên (mã)", searchable without diacritics. */
export function unitOptions(units: readonly Unit[], filter?: (u: Unit) => boolean): UnitOption[] {
  return units
    .filter((u) => (filter ? filter(u) : true))
    .sort((a, b) => viCollator.compare(a.name, b.name) || viCollator.compare(a.code, b.code))
    .map((u) => {
      const ended = u.validTo ? ` · đến ${formatDate(u.validTo)}` : '';
      return {
        value: u.code,
        label: `${u.name} (${u.code}) — ${levelLabel(u.level)}${ended}`,
        search: `${u.name} ${u.code}`,
      };
    });
}

export const filterUnitOption = (input: string, option?: UnitOption): boolean => (option ? matchesFolded(option.search, input) : false);
