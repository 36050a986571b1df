import { compareLevels, type Unit } from '../../../../shared/domain/units';
import { formatDate, viCollator } from '../../../../shared/format/vi';
import { levelLabel } from '../../text/labels';
import type { UnitOption } from '../catalogs/unitOptions';

function label(u: Unit): string {
  const ended = u.validTo ? ` · đến ${formatDate(u.validTo)}` : '';
  return `${u.name} (${u.code}) — ${levelLabel(u.level)}${ended}`;
}

function byLevelThenName(a: Unit, b: Unit): number {
  return (
    compareLevels(a.level, b.level) ||
    Number(Boolean(a.validTo)) - Number(Boolean(b.validTo)) ||
    viCollator.compare(a.name, b.name) ||
    viCollator.compare(a.code, b.code)
  );
}

/** Units that have children (province, districts before the reform …): whose children get figures or targets. */
export function parentUnitOptions(units: readonly Unit[]): UnitOption[] {
  const parents = new Set(units.map((u) => u.parentCode).filter((c): c is string => Boolean(c)));
  return units
    .filter((u) => parents.has(u.code))
    .sort(byLevelThenName)
    .map((u) => ({ value: u.code, label: label(u), search: `${u.name} ${u.code}` }));
}

/** Every unit, higher levels first: who a target can be given to. */
export function targetUnitOptions(units: readonly Unit[]): UnitOption[] {
  return [...units].sort(byLevelThenName).map((u) => ({ value: u.code, label: label(u), search: `${u.name} ${u.code}` }));
}
