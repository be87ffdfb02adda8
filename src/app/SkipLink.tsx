/**
 * The first tab stop: a skip button, shown when it has the focus, that takes the
 * keyboard past the toolbar, the palette and the canvas's links to the first
 * node of the diagram (on an empty plan, to the palette, where items are added).
 */
export function SkipLink() {
  const skip = () => {
    const target =
      document.querySelector<HTMLElement>('.react-flow__node[tabindex="0"]') ??
      document.querySelector<HTMLElement>('nav[aria-label="Palette"] button');
    target?.focus();
  };
  return (
    <button
      type="button"
      onClick={skip}
      className="sr-only z-[60] rounded bg-blue-700 px-3 py-1.5 text-[13px] font-medium text-white focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-400"
    >
      Skip to diagram
    </button>
  );
}
