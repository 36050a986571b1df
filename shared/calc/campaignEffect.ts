/**
 * Did a campaign move the numbers? The participants its units gained in the weeks after it
 * started, against the same number of weeks just before, and against the same weeks a year
 * earlier. Results are stocks reported once a month, so a stock on a day between two reports is
 * read on the straight line between them (a month's figure stands on its last day); a day before
 * the first report or after the last one has no figure, and a window touching it has none either.
 */
import { addDays } from '../format/vi';

export interface StockPoint {
  /** ISO date the stock stands on. */
  day: string;
  value: number;
}

const dayNumber = (iso: string): number => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;

/** The stock on a day, on the line between the reports around it; null outside the reports. */
export function stockOn(points: readonly StockPoint[], day: string): number | null {
  if (points.length === 0) return null;
  // Series come in date order from core; a copy is sorted only when they do not (ISO days compare as text).
  const inOrder = points.every((p, i) => i === 0 || points[i - 1]!.day <= p.day);
  const sorted = inOrder ? points : [...points].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
  const t = dayNumber(day);
  for (let i = 0; i < sorted.length; i++) {
    const p = sorted[i]!;
    if (p.day === day) return p.value;
    if (p.day > day) {
      if (i === 0) return null;
      const q = sorted[i - 1]!;
      const t0 = dayNumber(q.day);
      const t1 = dayNumber(p.day);
      return q.value + ((p.value - q.value) * (t - t0)) / (t1 - t0);
    }
  }
  return null;
}

export interface EffectWindow {
  from: string;
  /** Exclusive: the gain is stock(to) − stock(from). */
  to: string;
}

export interface EffectWindows {
  before: EffectWindow;
  after: EffectWindow;
  lastYear: EffectWindow;
}

/** Same weekday a year before (364 days), so weekly habits line up. */
export function effectWindows(startsOn: string, weeks: number): EffectWindows {
  const days = weeks * 7;
  const after = { from: startsOn, to: addDays(startsOn, days) };
  return {
    before: { from: addDays(startsOn, -days), to: startsOn },
    after,
    lastYear: { from: addDays(after.from, -364), to: addDays(after.to, -364) },
  };
}

/** Gain over a window, whole people (rounded half up); null when either end has no figure. */
export function gainOver(points: readonly StockPoint[], window: EffectWindow): number | null {
  const a = stockOn(points, window.from);
  const b = stockOn(points, window.to);
  return a === null || b === null ? null : Math.floor(b - a + 0.5);
}

export interface EffectFigures {
  before: number | null;
  after: number | null;
  lastYear: number | null;
  /** (after − before) ÷ |before|: the lift over the weeks just before; null when before is 0 or missing. */
  liftOnBefore: number | null;
  liftOnLastYear: number | null;
}

function lift(after: number | null, base: number | null): number | null {
  return after === null || base === null || base === 0 ? null : (after - base) / Math.abs(base);
}

export function effectOf(points: readonly StockPoint[], windows: EffectWindows): EffectFigures {
  const before = gainOver(points, windows.before);
  const after = gainOver(points, windows.after);
  const lastYear = gainOver(points, windows.lastYear);
  return { before, after, lastYear, liftOnBefore: lift(after, before), liftOnLastYear: lift(after, lastYear) };
}

/**
 * Effects summed over several campaigns (per kind over a year): gains add, lifts are recomputed.
 * Only campaigns with all three windows count, so the sums compare like with like.
 */
export function sumEffects(items: readonly EffectFigures[]): EffectFigures & { counted: number } {
  const complete = items.filter((e) => e.before !== null && e.after !== null && e.lastYear !== null);
  if (complete.length === 0) return { before: null, after: null, lastYear: null, liftOnBefore: null, liftOnLastYear: null, counted: 0 };
  const before = complete.reduce((a, e) => a + e.before!, 0);
  const after = complete.reduce((a, e) => a + e.after!, 0);
  const lastYear = complete.reduce((a, e) => a + e.lastYear!, 0);
  return { before, after, lastYear, liftOnBefore: lift(after, before), liftOnLastYear: lift(after, lastYear), counted: complete.length };
}
