import { useEffect } from 'react';
import { usePlanner } from '../store/store';

/** True when keys typed go into a field, which keeps its own Ctrl+Z and Escape. */
function typingIn(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    target.tagName === 'INPUT' ||
    target.tagName === 'TEXTAREA' ||
    target.tagName === 'SELECT'
  );
}

export function undo(): void {
  usePlanner.temporal.getState().undo();
}

export function redo(): void {
  usePlanner.temporal.getState().redo();
}

/**
 * Planner-wide keys: Ctrl/Cmd+Z undo, Ctrl/Cmd+Shift+Z or Ctrl+Y redo,
 * Escape clears the selection and the highlight (with neither, it leaves
 * compare mode), Ctrl/Cmd+A on the canvas
 * selects everything. Delete and Backspace belong to the canvas.
 */
export function useShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || typingIn(event.target)) return;
      const mod = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      if (mod && key === 'z' && !event.altKey) {
        event.preventDefault();
        if (event.shiftKey) redo();
        else undo();
      } else if (mod && key === 'y' && !event.shiftKey) {
        event.preventDefault();
        redo();
      } else if (event.key === 'Escape') {
        const store = usePlanner.getState();
        // What is picked goes first; with nothing picked, Escape leaves compare mode.
        if (store.selection.length === 0 && !store.highlight) store.stopCompare();
        if (store.selection.length > 0) store.select([]);
        if (store.highlight) store.setHighlight(null);
      } else if (
        mod &&
        key === 'a' &&
        event.target instanceof Element &&
        event.target.closest('.react-flow')
      ) {
        event.preventDefault();
        const { plan, select } = usePlanner.getState();
        select([...plan.sites, ...plan.nodes].map((o) => o.id));
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
