import { useLayoutEffect, useState, type RefObject } from 'react';
import { SHEET_WIDTH_PX, type Orientation } from '../../print/sheets';

/** Room left around the sheets inside the preview pane (its padding and the scroll bar). */
const GUTTER = 40;

/**
 * How much to shrink each kind of sheet so a whole sheet fits the preview pane's width: the
 * paper keeps its real proportions and layout (text wraps as on A4), only drawn smaller.
 */
export function usePaperZoom(ref: RefObject<HTMLElement | null>): Record<Orientation, number> {
  const [zoom, setZoom] = useState<Record<Orientation, number>>({ portrait: 1, landscape: 1 });
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => {
      const room = Math.max(200, el.clientWidth - GUTTER);
      const fit = (o: Orientation) => Math.min(1, Math.floor((room / SHEET_WIDTH_PX[o]) * 100) / 100);
      setZoom((z) => (z.portrait === fit('portrait') && z.landscape === fit('landscape') ? z : { portrait: fit('portrait'), landscape: fit('landscape') }));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return zoom;
}
