import { useEffect } from 'react';
import { usePlanner } from '../store/store';

/** Inputs that take no typing: a checkbox or radio button has no Ctrl+Z or Escape of its own. */
const UNTYPED_INPUTS = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'file', 'color', 'range']);

/** True when keys typed go into a field, which keeps its own Ctrl+Z and Escape. */
export function typingIn(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target instanceof HTMLInputElement) return !UNTYPED_INPUTS.has(target.type);
  return target.isContentEditable || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT';
}

export function undo(): void {
  usePlanner.temporal.getState().undo();
}

export function redo(): void {
  usePlanner.temporal.getState().redo();
}

/** The canvas element (node or edge) drawn for a plan id, if any. */
function canvasItem(id: string): HTMLElement | null {
  const escaped = CSS.escape(id);
  return document.querySelector<HTMLElement>(
    `.react-flow__node[data-id="${escaped}"], .react-flow__edge[data-id="${escaped}"]`,
  );
}

/**
 * Escape must not drop the keyboard on the page body: React Flow blurs a
 * node it unselects, and clearing the selection removes the inspector form
 * that may hold the focus. Once both have happened (two frames on), a focus
 * left on the body goes back to the element that had it, else to the item
 * that was selected.
 */
function keepFocus(had: Element | null, selection: readonly string[]): void {
  if (!(had instanceof HTMLElement) || had === document.body) return;
  const restore = () => {
    if (document.activeElement && document.activeElement !== document.body) return;
    const target = had.isConnected ? had : (selection.map(canvasItem).find((el) => el !== null) ?? null);
    target?.focus({ preventScroll: true });
  };
  requestAnimationFrame(() => requestAnimationFrame(restore));
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
        keepFocus(document.activeElement, store.selection);
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
