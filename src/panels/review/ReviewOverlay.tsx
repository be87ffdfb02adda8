import { useShallow } from 'zustand/react/shallow';
import { usePlanner } from '../../store/store';
import { usePanelState } from '../panelState';

/**
 * The plan's own review notes, as a badge in the canvas's top-left corner
 * (notes about an object sit on that object). It opens the Notes tab.
 */
export function ReviewOverlay() {
  const { open, resolved } = usePlanner(
    useShallow((s) => {
      let open = 0;
      let resolved = 0;
      for (const note of s.plan.notes) {
        if (note.about !== null) continue;
        if (note.resolved) resolved++;
        else open++;
      }
      return { open, resolved };
    }),
  );
  const setTab = usePanelState((s) => s.setTab);
  if (open + resolved === 0) return null;
  const label = `Plan notes: ${open} open${resolved > 0 ? `, ${resolved} resolved` : ''}`;
  return (
    <button
      type="button"
      onClick={() => setTab('notes')}
      className={`epp-plan-notes absolute top-2 left-2 z-10 flex items-center gap-1 rounded-full border px-2 py-0.5 text-[11px] font-semibold shadow-sm focus-visible:outline-2 focus-visible:outline-blue-500 ${
        open > 0 ? 'border-amber-500 bg-amber-200 text-amber-950' : 'border-slate-300 bg-white text-slate-600'
      }`}
    >
      <svg viewBox="0 0 12 12" className="h-3 w-3" aria-hidden="true">
        <path d="M4 1h4l-.6 4 1.6 1.5v1H6.6L6 11l-.6-3.5H3v-1L4.6 5z" fill="currentColor" />
      </svg>
      {label}
    </button>
  );
}
