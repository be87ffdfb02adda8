import { usePlanner } from '../store/store';
import type { ChangeKind } from './changeMarks';
import { CHANGE_STYLE } from './nodes/ReviewMarks';

const ORDER: readonly ChangeKind[] = ['added', 'removed', 'changed', 'rules'];

/** The key to compare mode's marks, over the canvas while comparing. */
export function ChangeLegend() {
  const label = usePlanner((s) => s.compared?.label ?? null);
  if (label === null) return null;
  return (
    <section
      aria-label="Change legend"
      className="absolute right-2 bottom-5 z-10 max-w-[300px] rounded-md border border-slate-300 bg-white/95 px-2.5 py-1.5 text-[11px] shadow-sm"
    >
      <p className="mb-1 truncate font-semibold text-slate-800" title={`Changes since ${label}`}>
        Changes since {label}
      </p>
      <ul className="grid grid-cols-2 gap-x-3 gap-y-0.5">
        {ORDER.map((kind) => {
          const style = CHANGE_STYLE[kind];
          return (
            <li key={kind} className="flex items-center gap-1.5">
              <svg aria-hidden="true" viewBox="0 0 28 10" className="h-2.5 w-7 shrink-0">
                <line
                  x1="1"
                  y1="5"
                  x2="27"
                  y2="5"
                  stroke={style.colour}
                  strokeWidth="3"
                  strokeDasharray={style.dash || undefined}
                />
              </svg>
              <span
                aria-hidden="true"
                className={`flex h-4 min-w-4 items-center justify-center rounded px-0.5 text-[10px] font-bold ${style.badge}`}
              >
                {style.symbol}
              </span>
              <span className="text-slate-700">{style.word}</span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
