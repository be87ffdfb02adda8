/**
 * The first tab stop: a skip button, drawn over the toolbar only while it has
 * the focus, that takes the keyboard past the toolbar, the palette and the
 * canvas's links to the first node of the diagram (on an empty plan, to the
 * palette, where items are added).
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
      className="fixed left-2 top-1.5 z-[60] -translate-y-20 whitespace-nowrap rounded bg-blue-700 px-3 py-1.5 text-[13px] font-medium text-white shadow focus:translate-y-0 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-400"
    >
      Skip to diagram
    </button>
  );
}
