import type { NotePin } from '../adapter';
import type { ChangeKind } from '../changeMarks';

/**
 * Compare mode's marks, told apart by shape and symbol as well as colour
 * (Okabe–Ito colours, safe for the common colour-vision deficiencies): added
 * a solid outline and "+", changed a dotted outline and "Δ", firewall rules
 * changed a double outline and "±", removed a dashed ghost and "−".
 */
export const CHANGE_STYLE: Readonly<
  Record<ChangeKind, { symbol: string; word: string; colour: string; dash: string; badge: string }>
> = {
  added: { symbol: '+', word: 'Added', colour: '#0072B2', dash: '', badge: 'bg-[#0072B2] text-white' },
  changed: { symbol: 'Δ', word: 'Changed', colour: '#E69F00', dash: '2 3', badge: 'bg-[#E69F00] text-black' },
  rules: {
    symbol: '±',
    word: 'Rules changed',
    colour: '#CC79A7',
    dash: '10 3 2 3',
    badge: 'bg-[#CC79A7] text-black',
  },
  removed: { symbol: '−', word: 'Removed', colour: '#D55E00', dash: '5 4', badge: 'bg-[#D55E00] text-white' },
};

/** The class a changed node or site carries (index.css draws the outline). */
export function changeClass(change: ChangeKind | null): string {
  return change ? `epp-change epp-change-${change}` : '';
}

/** The symbol and word of a change, on the node's top-left corner (the name says it in words). */
export function ChangeBadge({ change }: { change: ChangeKind }) {
  const style = CHANGE_STYLE[change];
  return (
    <span
      aria-hidden="true"
      className={`pointer-events-none absolute -top-2.5 left-2 z-10 flex items-center gap-0.5 rounded px-1 text-[10px] font-bold leading-[14px] whitespace-nowrap shadow-sm ${style.badge}`}
    >
      <span>{style.symbol}</span>
      <span className="font-semibold">{style.word}</span>
    </span>
  );
}

/** A pin with the number of open notes (a tick when every note is resolved). */
export function NotePinMark({ pin, className = '' }: { pin: NotePin; className?: string }) {
  const open = pin.open > 0;
  const title = [
    pin.open > 0 ? `${pin.open} open ${pin.open === 1 ? 'note' : 'notes'}` : '',
    pin.resolved > 0 ? `${pin.resolved} resolved` : '',
  ]
    .filter(Boolean)
    .join(', ');
  return (
    <span
      aria-hidden="true"
      title={title}
      className={`epp-note-pin pointer-events-auto flex h-[18px] items-center gap-0.5 rounded-full border px-1 text-[10px] font-semibold leading-none shadow-sm ${
        open ? 'border-amber-500 bg-amber-300 text-amber-950' : 'border-slate-300 bg-white text-slate-500'
      } ${className}`}
    >
      <svg viewBox="0 0 12 12" className="h-2.5 w-2.5" aria-hidden="true">
        <path d="M4 1h4l-.6 4 1.6 1.5v1H6.6L6 11l-.6-3.5H3v-1L4.6 5z" fill="currentColor" />
      </svg>
      {open ? pin.open : '✓'}
    </span>
  );
}
