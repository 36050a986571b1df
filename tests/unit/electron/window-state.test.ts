import { describe, expect, it } from 'vitest';
import { loadWindowState, serializeWindowState } from '../../../electron/main/security';

const fullHd = { workArea: { x: 0, y: 0, width: 1920, height: 1040 } };
const laptop = { workArea: { x: 0, y: 0, width: 1366, height: 728 } };
const rightMonitor = { workArea: { x: 1920, y: 0, width: 1920, height: 1040 } };

describe('loadWindowState', () => {
  it('defaults to 1366x768, centred, when nothing was saved', () => {
    expect(loadWindowState(undefined, [fullHd])).toEqual({ width: 1366, height: 768, maximized: false });
    expect(loadWindowState('', [fullHd])).toEqual({ width: 1366, height: 768, maximized: false });
  });

  it('falls back to defaults on corrupt or nonsensical JSON', () => {
    for (const json of ['{', 'null', '42', '"x"', '[]', '{"width":"big","height":700}', '{"width":-5,"height":700}', '{"width":1e400,"height":800}']) {
      expect(loadWindowState(json, [fullHd]), json).toEqual({ width: 1366, height: 768, maximized: false });
    }
  });

  it('keeps the default within a small screen (taskbar eats into 768)', () => {
    expect(loadWindowState(undefined, [laptop])).toEqual({ width: 1366, height: 728, maximized: false });
  });

  it('restores a saved window that is on screen', () => {
    const json = JSON.stringify({ x: 100, y: 50, width: 1500, height: 900, maximized: true });
    expect(loadWindowState(json, [fullHd])).toEqual({ x: 100, y: 50, width: 1500, height: 900, maximized: true });
  });

  it('restores onto a secondary monitor that is still attached', () => {
    const json = JSON.stringify({ x: 2000, y: 100, width: 1400, height: 800, maximized: false });
    expect(loadWindowState(json, [fullHd, rightMonitor])).toEqual({ x: 2000, y: 100, width: 1400, height: 800, maximized: false });
  });

  it('drops the position when the monitor it was on is gone, and fits the primary display', () => {
    const json = JSON.stringify({ x: 2000, y: 100, width: 1800, height: 1000, maximized: false });
    expect(loadWindowState(json, [laptop])).toEqual({ width: 1366, height: 728, maximized: false });
  });

  it('drops the position when only a sliver would be visible', () => {
    const json = JSON.stringify({ x: 1900, y: 1000, width: 1400, height: 800, maximized: false });
    const state = loadWindowState(json, [fullHd]);
    expect(state.x).toBeUndefined();
    expect(state.y).toBeUndefined();
  });

  it('pulls a partly off-screen window fully onto its display', () => {
    const json = JSON.stringify({ x: -300, y: -50, width: 1400, height: 800, maximized: false });
    expect(loadWindowState(json, [fullHd])).toEqual({ x: 0, y: 0, width: 1400, height: 800, maximized: false });
    const right = JSON.stringify({ x: 1000, y: 600, width: 1400, height: 800, maximized: false });
    expect(loadWindowState(right, [fullHd])).toEqual({ x: 520, y: 240, width: 1400, height: 800, maximized: false });
  });

  it('shrinks a window larger than its display, but never below the minimum size', () => {
    const huge = JSON.stringify({ x: 0, y: 0, width: 5000, height: 3000, maximized: false });
    expect(loadWindowState(huge, [fullHd])).toEqual({ x: 0, y: 0, width: 1920, height: 1040, maximized: false });
    const tiny = JSON.stringify({ x: 10, y: 10, width: 300, height: 200, maximized: false });
    expect(loadWindowState(tiny, [fullHd])).toEqual({ x: 10, y: 10, width: 1280, height: 720, maximized: false });
  });

  it('treats anything but true as not maximized', () => {
    const json = JSON.stringify({ x: 0, y: 0, width: 1400, height: 800, maximized: 'yes' });
    expect(loadWindowState(json, [fullHd]).maximized).toBe(false);
  });

  it('copes with no displays reported', () => {
    expect(loadWindowState(undefined, [])).toEqual({ width: 1366, height: 768, maximized: false });
  });
});

describe('serializeWindowState', () => {
  it('round-trips through loadWindowState', () => {
    const json = serializeWindowState({ x: 120.4, y: 80.6, width: 1500.2, height: 900.7 }, true);
    expect(JSON.parse(json)).toEqual({ x: 120, y: 81, width: 1500, height: 901, maximized: true });
    expect(loadWindowState(json, [fullHd])).toEqual({ x: 120, y: 81, width: 1500, height: 901, maximized: true });
  });
});
