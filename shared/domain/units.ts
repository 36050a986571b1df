/** The levels from the top of the tree down: this order is the one every list sorts by. */
export const UNIT_LEVELS = ['province', 'district', 'commune', 'hamlet'] as const;
export type UnitLevel = (typeof UNIT_LEVELS)[number];

/** 0 for a province … 3 for a hamlet; an unknown level sorts after all of them. */
export function levelRank(level: string): number {
  const i = (UNIT_LEVELS as readonly string[]).indexOf(level);
  return i < 0 ? UNIT_LEVELS.length : i;
}

/** Higher levels first (province, district, commune, hamlet). */
export function compareLevels(a: string, b: string): number {
  return levelRank(a) - levelRank(b);
}

export const UNIT_LEVEL_LABELS: Record<UnitLevel, string> = {
  province: 'Tỉnh/Thành phố',
  district: 'Huyện/Quận',
  commune: 'Xã/Phường',
  hamlet: 'Thôn/Ấp',
};

/** A unit of the dated administrative tree. Dates are ISO `YYYY-MM-DD`; null means open-ended. */
export interface Unit {
  id: number;
  code: string;
  name: string;
  level: UnitLevel;
  /** What the list calls it: "Xã", "Phường", "Thị trấn", "Huyện", "Tỉnh", "Đặc khu" … */
  kind: string | null;
  parentId: number | null;
  parentCode: string | null;
  validFrom: string | null;
  validTo: string | null;
  isDemo: boolean;
}

export interface UnitLink {
  fromCode: string;
  fromName: string;
  toCode: string;
  toName: string;
  effectiveDate: string;
  /** Share of the old unit that went to the new one (1 for a merge, < 1 for a split). */
  share: number;
}

export interface UnitDetail extends Unit {
  parentName: string | null;
  childCount: number;
  predecessors: UnitLink[];
  successors: UnitLink[];
}

/** Whether a unit exists on a given day. */
export function isValidOn(unit: Pick<Unit, 'validFrom' | 'validTo'>, day: string): boolean {
  return (unit.validFrom === null || unit.validFrom <= day) && (unit.validTo === null || unit.validTo >= day);
}
