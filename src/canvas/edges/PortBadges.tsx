import type { PortBadge } from '../derive';

/** Beyond this many ports, the last badge becomes "+N" and the full list is in its tooltip. */
export const MAX_BADGES = 6;

const BADGE_TONE = {
  neutral: 'border-slate-300 bg-white text-slate-700',
  warning: 'border-amber-300 bg-amber-50 text-amber-800',
  error: 'border-red-300 bg-red-50 text-red-700',
} as const;

/**
 * A badge off the highlighted path, or not the port highlighted: drawn faint
 * by its colours, not by opacity, so its text keeps 4.5:1 (slate-500 on white
 * is 4.8:1) while a pale border and grey text still read as set aside. A
 * warning or error keeps a hint of its colour in the border.
 */
const MUTED_TONE = {
  neutral: 'border-slate-200 bg-white text-slate-500',
  warning: 'border-amber-200 bg-white text-slate-500',
  error: 'border-red-200 bg-white text-slate-500',
} as const;

/** The ports that cross a firewall edge, as small badges stacked across the edge. */
export function PortBadges({
  badges,
  vertical,
  active = null,
  muted = false,
}: {
  badges: readonly PortBadge[];
  vertical: boolean;
  /** The port of a highlighted flow: shown first, the others muted. */
  active?: string | null;
  /** The edge is off the highlighted paths: every badge muted. */
  muted?: boolean;
}) {
  const ordered = active
    ? [...badges.filter((b) => b.text === active), ...badges.filter((b) => b.text !== active)]
    : badges;
  const shown = ordered.length > MAX_BADGES ? ordered.slice(0, MAX_BADGES - 1) : ordered;
  const hidden = badges.length - shown.length;
  const all = badges.map((b) => b.text).join(', ');
  return (
    <div
      className={`flex shrink-0 gap-0.5 ${vertical ? 'flex-col items-center' : 'flex-row flex-wrap justify-center'}`}
      title={`Ports: ${all}`}
    >
      {shown.map((b) => (
        <span
          key={b.text}
          className={`rounded border px-1 py-px font-mono text-[10px] leading-tight tabular-nums ${
            muted || (active !== null && b.text !== active) ? MUTED_TONE[b.tone] : BADGE_TONE[b.tone]
          } ${!muted && active !== null && b.text === active ? 'outline-2 outline-blue-500' : ''}`}
        >
          {b.text}
        </span>
      ))}
      {hidden > 0 && (
        <span
          className={`rounded border px-1 py-px font-mono text-[10px] leading-tight ${
            muted
              ? 'border-slate-200 bg-white text-slate-500'
              : 'border-slate-400 bg-slate-100 text-slate-700'
          }`}
        >
          +{hidden}
        </span>
      )}
    </div>
  );
}
