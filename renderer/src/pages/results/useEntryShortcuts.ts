import { useEffect, useRef, type RefObject } from 'react';
import type { DataSheetGridRef } from 'react-datasheet-grid';

function isEditable(el: Element | null): boolean {
  if (!el) return false;
  const tag = el.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || (el as HTMLElement).isContentEditable;
}

function dialogOpen(): boolean {
  return document.querySelector('.ant-modal-wrap:not([style*="display: none"]) .ant-modal') !== null;
}

/**
 * Excel's keys on the entry sheet: Ctrl+Z outside text fields undoes the last edit; Ctrl+S saves
 * (never the browser's "save page" dialog), the cell being typed in included.
 */
export function useEntryShortcuts(gridRef: RefObject<DataSheetGridRef | null>, onUndo: () => void, onSave: () => void): void {
  const handlers = useRef({ onUndo, onSave });
  handlers.current = { onUndo, onSave };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.shiftKey || e.altKey) return;
      const key = e.key.toLowerCase();
      if (key === 'z' && !isEditable(document.activeElement)) {
        if (dialogOpen()) return;
        e.preventDefault();
        handlers.current.onUndo();
      } else if (key === 's') {
        e.preventDefault();
        // A dialog (notes to explain a jump) has its own button; a second save would race it.
        if (dialogOpen()) return;
        // Leaving the cell commits what is being typed; the save then reads it from the store.
        const grid = gridRef.current;
        const active = grid?.activeCell;
        if (grid && active) grid.setActiveCell({ col: active.col, row: active.row });
        setTimeout(() => handlers.current.onSave(), 0);
      }
    };
    // Capture: the sheet's own key handling must not see Ctrl+S first.
    document.addEventListener('keydown', onKey, true);
    return () => document.removeEventListener('keydown', onKey, true);
  }, [gridRef]);
}
