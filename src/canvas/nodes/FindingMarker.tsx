import type { FindingMark } from '../derive';

const MARK_STYLE = {
  error: 'bg-red-600 text-white',
  warning: 'bg-amber-400 text-amber-950',
  info: 'bg-sky-500 text-white',
} as const;

/** On a node off the highlighted path: white with the severity's colour in its ring, the count in grey (4.8:1). */
const MUTED_STYLE = {
  error: 'bg-white text-slate-500 ring-1 ring-red-300',
  warning: 'bg-white text-slate-500 ring-1 ring-amber-300',
  info: 'bg-white text-slate-500 ring-1 ring-sky-300',
} as const;

/** The dot on a node that has findings: its colour is the worst severity, its number the count. */
export function FindingMarker({ mark, muted = false }: { mark: FindingMark; muted?: boolean }) {
  const label = mark.count === 1 ? '1 finding' : `${mark.count} findings`;
  return (
    <span
      role="img"
      aria-label={label}
      title={`${label} (worst: ${mark.severity})`}
      className={`absolute -top-2 -right-2 flex h-[18px] min-w-[18px] items-center justify-center rounded-full px-1 text-[10px] font-semibold leading-none border-2 border-white ${(muted ? MUTED_STYLE : MARK_STYLE)[mark.severity]}`}
    >
      {mark.count}
    </span>
  );
}
