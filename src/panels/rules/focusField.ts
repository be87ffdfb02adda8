/**
 * Puts the keyboard in a field of the inspector once it shows the element
 * just selected: the inspector draws its form on the next frame, so this
 * looks for the field by its label for a few frames, then gives up quietly
 * (the element is selected either way).
 */
export function focusInspectorField(label: string, frames = 20): void {
  const tryFocus = (left: number) => {
    const inspector = document.querySelector('section[aria-labelledby="inspector-heading"]');
    const forId = [...(inspector?.querySelectorAll('label') ?? [])].find(
      (l) => l.textContent?.trim() === label,
    )?.htmlFor;
    const field = forId ? document.getElementById(forId) : null;
    if (field instanceof HTMLInputElement) {
      field.focus();
      field.scrollIntoView({ block: 'nearest' });
    } else if (left > 0) requestAnimationFrame(() => tryFocus(left - 1));
  };
  // One frame first, so the inspector has drawn the new selection rather than the old one.
  requestAnimationFrame(() => tryFocus(frames));
}
