import { type ReactNode, useCallback, useRef, useState } from 'react';

const MIN_PERCENT = 18;
const MAX_PERCENT = 70;
const STEP = 4;

const clamp = (p: number) => Math.min(MAX_PERCENT, Math.max(MIN_PERCENT, Math.round(p)));

/**
 * The canvas above, the results below, and a separator between them that a
 * pointer drags or the arrow keys move.
 */
export function ResultsSplit({ top, bottom }: { top: ReactNode; bottom: ReactNode }) {
  const [percent, setPercent] = useState(36);
  const containerRef = useRef<HTMLDivElement>(null);

  const onPointerDown = useCallback((event: React.PointerEvent<HTMLDivElement>) => {
    event.preventDefault();
    const handle = event.currentTarget;
    handle.setPointerCapture(event.pointerId);
    const onMove = (move: PointerEvent) => {
      const box = containerRef.current?.getBoundingClientRect();
      if (!box) return;
      setPercent(clamp(((box.bottom - move.clientY) / box.height) * 100));
    };
    const onUp = () => {
      handle.removeEventListener('pointermove', onMove);
      handle.removeEventListener('pointerup', onUp);
      handle.removeEventListener('pointercancel', onUp);
    };
    handle.addEventListener('pointermove', onMove);
    handle.addEventListener('pointerup', onUp);
    handle.addEventListener('pointercancel', onUp);
  }, []);

  const onKeyDown = (event: React.KeyboardEvent) => {
    const change: Record<string, number> = {
      ArrowUp: STEP,
      ArrowDown: -STEP,
      Home: MAX_PERCENT,
      End: -MAX_PERCENT,
    };
    const delta = change[event.key];
    if (delta === undefined) return;
    event.preventDefault();
    setPercent((p) => clamp(p + delta));
  };

  return (
    <div ref={containerRef} className="flex min-h-0 min-w-0 flex-1 flex-col">
      <div className="relative min-h-0 flex-1">{top}</div>
      {/* biome-ignore lint/a11y/useSemanticElements: a focusable, movable separator has no native element */}
      <div
        role="separator"
        aria-orientation="horizontal"
        aria-label="Resize the results panel"
        aria-valuenow={percent}
        aria-valuemin={MIN_PERCENT}
        aria-valuemax={MAX_PERCENT}
        tabIndex={0}
        onPointerDown={onPointerDown}
        onKeyDown={onKeyDown}
        className="group relative z-10 h-1.5 shrink-0 cursor-row-resize border-t border-slate-200 bg-white hover:bg-blue-100 focus-visible:bg-blue-200 focus-visible:outline-none"
      >
        <span className="absolute top-1/2 left-1/2 h-1 w-8 -translate-x-1/2 -translate-y-1/2 rounded-full bg-slate-300 group-hover:bg-blue-400" />
      </div>
      <div className="min-h-0 shrink-0" style={{ height: `${percent}%` }}>
        {bottom}
      </div>
    </div>
  );
}
