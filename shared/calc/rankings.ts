/**
 * Leaders and laggards (đơn vị dẫn đầu / đơn vị chậm), for the dashboard and the report alike.
 * A leader has reached the 80% band of the plan in force; a laggard is below it. So a unit is
 * never in both lists, a unit at 29% is never "dẫn đầu", and a short list says why it is short.
 */
import { formatCount, formatPercent, viCollator } from '../format/vi';
import { BAND_THRESHOLDS } from './bands';

/** Units per list. */
export const RANKING_SIZE = 5;

/** At or above this share of the plan a unit can lead; below it, it needs pushing. */
export const LEADER_THRESHOLD = BAND_THRESHOLDS.near;

export interface RankingCounts {
  /** Units with a plan and a figure: the ones ranked. */
  ranked: number;
  /** Ranked units at or above the threshold. */
  atOrAbove: number;
  /** Ranked units below it. */
  below: number;
  /** Units left out: no plan, or no figure, for the period. */
  unranked: number;
  /** Units per list. */
  size: number;
  threshold: number;
}

export interface Rankings<T> {
  /** Best first, at most `size`, all at or above the threshold. */
  leaders: T[];
  /** Lowest first, at most `size`, all below the threshold. */
  laggards: T[];
  /** Every ranked unit, best first (ties by name): its index + 1 is the unit's rank. */
  ordered: T[];
  counts: RankingCounts;
}

export function rankUnits<T>(rows: T[], progressOf: (row: T) => number | null, nameOf: (row: T) => string, size = RANKING_SIZE): Rankings<T> {
  const scored = rows.map((row) => ({ row, p: progressOf(row) })).filter((x): x is { row: T; p: number } => x.p !== null && Number.isFinite(x.p));
  scored.sort((a, b) => b.p - a.p || viCollator.compare(nameOf(a.row), nameOf(b.row)));
  const above = scored.filter((x) => x.p >= LEADER_THRESHOLD);
  const below = scored.filter((x) => x.p < LEADER_THRESHOLD);
  return {
    leaders: above.slice(0, size).map((x) => x.row),
    laggards: below.slice(-size).reverse().map((x) => x.row),
    ordered: scored.map((x) => x.row),
    counts: { ranked: scored.length, atOrAbove: above.length, below: below.length, unranked: rows.length - scored.length, size, threshold: LEADER_THRESHOLD },
  };
}

const pct = (c: RankingCounts) => formatPercent(c.threshold, 0);

const NOTHING_RANKED = 'Chưa xếp hạng được: chưa có đơn vị nào có cả kế hoạch và số liệu';

/** What the leaders' list says when it is empty. */
export function leadersEmptyText(c: RankingCounts): string {
  return c.ranked === 0 ? NOTHING_RANKED : `Chưa có đơn vị nào đạt ${pct(c)} kế hoạch`;
}

/** What the laggards' list says when it is empty. */
export function laggardsEmptyText(c: RankingCounts): string {
  return c.ranked === 0 ? NOTHING_RANKED : `Không có đơn vị nào dưới ${pct(c)} kế hoạch`;
}

/** Under a list shorter than `size` because too few units qualify ("Chỉ có 2 đơn vị …"). */
export function leadersShortNote(c: RankingCounts): string | null {
  return c.atOrAbove > 0 && c.atOrAbove < c.size ? `Chỉ có ${formatCount(c.atOrAbove)} đơn vị đạt từ ${pct(c)} kế hoạch.` : null;
}

export function laggardsShortNote(c: RankingCounts): string | null {
  return c.below > 0 && c.below < c.size ? `Chỉ có ${formatCount(c.below)} đơn vị dưới ${pct(c)} kế hoạch.` : null;
}

/** Units the lists leave out, and why. */
export function unrankedNote(c: RankingCounts): string | null {
  return c.unranked > 0 ? `${formatCount(c.unranked)} đơn vị chưa có kế hoạch hoặc số liệu nên không xếp hạng.` : null;
}
