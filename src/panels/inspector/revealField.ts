/** Controls a person types into or picks from, before buttons and boxes that only toggle. */
const ENTRY =
  'input:not([type="checkbox"]):not([type="radio"]):not(:disabled), select:not(:disabled), textarea:not(:disabled)';
const ANY = 'input:not(:disabled), select:not(:disabled), textarea:not(:disabled), button:not(:disabled)';

/**
 * Scrolls the inspector to the field marked `data-field="<field>"` and puts
 * the keyboard in it (its first box or list, else its first checkbox). The
 * inspector draws the form of a new selection on the next frame, so this
 * looks for a few frames and then gives up quietly: the object is selected
 * either way. Returns nothing; the field shows its own focus ring.
 */
export function revealInspectorField(field: string, frames = 20): void {
  const tryReveal = (left: number) => {
    const inspector = document.querySelector('section[aria-labelledby="inspector-heading"]');
    const marked = [...(inspector?.querySelectorAll<HTMLElement>('[data-field]') ?? [])].find(
      (el) => el.dataset.field === field,
    );
    const control =
      marked?.querySelector<HTMLElement>(ENTRY) ?? marked?.querySelector<HTMLElement>(ANY) ?? null;
    if (marked && control) {
      marked.scrollIntoView({ block: 'center' });
      control.focus({ preventScroll: true });
    } else if (left > 0) requestAnimationFrame(() => tryReveal(left - 1));
  };
  // One frame first, so the inspector has drawn the new selection rather than the old one.
  requestAnimationFrame(() => tryReveal(frames));
}

/**
 * Puts the keyboard on what `find` returns once a panel has drawn it (a tab
 * just opened draws on the next frames), scrolled into view; gives up quietly
 * after a few frames.
 */
export function focusWhenShown(find: () => HTMLElement | null, frames = 30): void {
  const tryFocus = (left: number) => {
    const target = find();
    if (target) {
      target.scrollIntoView({ block: 'nearest' });
      target.focus({ preventScroll: true });
    } else if (left > 0) requestAnimationFrame(() => tryFocus(left - 1));
  };
  requestAnimationFrame(() => tryFocus(frames));
}
