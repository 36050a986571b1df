// Pure: no 'electron' import, so it runs under Vitest in plain Node.

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Position is absent when the window should be centred by Electron. */
export interface WindowState {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

export interface DisplayLike {
  workArea: Rect;
}

export const DEFAULT_WIDTH = 1366;
export const DEFAULT_HEIGHT = 768;
export const MIN_WIDTH = 1280;
export const MIN_HEIGHT = 720;

/** How much of the saved window must still be on a display for its position to be kept. */
const MIN_VISIBLE_PX = 100;

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function overlapArea(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

function fitSize(width: number, height: number, area: Rect | undefined): { width: number; height: number } {
  // A window larger than the screen hides its title bar and buttons; smaller than the
  // minimum is refused by Electron anyway, so keep the minimum when the screen is tiny.
  const maxW = area ? Math.max(area.width, MIN_WIDTH) : Number.POSITIVE_INFINITY;
  const maxH = area ? Math.max(area.height, MIN_HEIGHT) : Number.POSITIVE_INFINITY;
  return {
    width: Math.round(Math.min(Math.max(width, MIN_WIDTH), maxW)),
    height: Math.round(Math.min(Math.max(height, MIN_HEIGHT), maxH)),
  };
}

function defaultState(primary: Rect | undefined): WindowState {
  return { ...fitSize(DEFAULT_WIDTH, DEFAULT_HEIGHT, primary), maximized: false };
}

/**
 * Turns the saved JSON (possibly missing, corrupt or from a since-unplugged monitor) into a
 * state that puts the window on a visible display. The first display is taken as primary.
 */
export function loadWindowState(json: string | undefined, displays: readonly DisplayLike[]): WindowState {
  const primary = displays[0]?.workArea;
  if (!json) return defaultState(primary);
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return defaultState(primary);
  }
  if (typeof raw !== 'object' || raw === null) return defaultState(primary);
  const saved = raw as Record<string, unknown>;
  if (!isFiniteNumber(saved.width) || !isFiniteNumber(saved.height) || saved.width <= 0 || saved.height <= 0) {
    return defaultState(primary);
  }
  const maximized = saved.maximized === true;

  if (!isFiniteNumber(saved.x) || !isFiniteNumber(saved.y)) {
    return { ...fitSize(saved.width, saved.height, primary), maximized };
  }
  const rect: Rect = { x: saved.x, y: saved.y, width: saved.width, height: saved.height };
  let best: Rect | undefined;
  let bestArea = 0;
  for (const display of displays) {
    const area = overlapArea(rect, display.workArea);
    if (area > bestArea) {
      bestArea = area;
      best = display.workArea;
    }
  }
  if (!best || bestArea < MIN_VISIBLE_PX * MIN_VISIBLE_PX) {
    return { ...fitSize(saved.width, saved.height, primary), maximized };
  }
  const size = fitSize(saved.width, saved.height, best);
  const x = Math.round(Math.min(Math.max(rect.x, best.x), best.x + Math.max(best.width - size.width, 0)));
  const y = Math.round(Math.min(Math.max(rect.y, best.y), best.y + Math.max(best.height - size.height, 0)));
  return { x, y, ...size, maximized };
}

/** `bounds` should be the normal (restored) bounds so un-maximizing later lands somewhere sane. */
export function serializeWindowState(bounds: Rect, maximized: boolean): string {
  const state: WindowState = {
    x: Math.round(bounds.x),
    y: Math.round(bounds.y),
    width: Math.round(bounds.width),
    height: Math.round(bounds.height),
    maximized,
  };
  return JSON.stringify(state);
}
