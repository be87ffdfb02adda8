import { markReviewed, reviewDateText } from '../../store/reviewActions';
import { usePlanner } from '../../store/store';
import { usePanelState } from '../panelState';

const BUTTON =
  'inline-flex items-center gap-1 whitespace-nowrap rounded border border-slate-300 bg-white px-2 py-1 text-xs font-medium text-slate-700 hover:bg-slate-50 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-blue-500';

/**
 * The design review commands: a note about the selection (or the plan),
 * comparing with another version (or stopping), and marking the plan as
 * reviewed.
 */
export function ReviewButtons() {
  const comparing = usePlanner((s) => s.compared !== null);
  const baseline = usePlanner((s) => s.baseline);
  const requestNote = usePanelState((s) => s.requestNote);
  const openCompare = usePanelState((s) => s.openCompareDialog);
  return (
    <div className="flex items-center gap-1.5">
      <button type="button" className={BUTTON} aria-label="New note" title="New note" onClick={requestNote}>
        <Icon d="M6 2h4l-.8 5 2.3 2v1.5H8.8L8 15l-.8-4.5H4.5V9l2.3-2z" />
        <span className="hidden 2xl:inline">New note</span>
      </button>
      {comparing ? (
        <button
          type="button"
          className={`${BUTTON} border-[#0072B2] bg-[#0072B2]/10 text-[#00466e]`}
          aria-label="Stop comparing"
          title="Stop comparing (Escape)"
          onClick={() => usePlanner.getState().stopCompare()}
        >
          <Icon d="M4 4l8 8M12 4l-8 8" />
          <span className="hidden 2xl:inline">Stop comparing</span>
        </button>
      ) : (
        <button
          type="button"
          className={BUTTON}
          aria-haspopup="dialog"
          aria-label="Compare with…"
          title="Compare with…"
          onClick={openCompare}
        >
          <Icon d="M2 3h5v10H2zM9 3h5v10H9zM4 6h1M4 9h1M11 6h1M11 9h1" />
          <span className="hidden 2xl:inline">Compare with…</span>
        </button>
      )}
      <button
        type="button"
        className={BUTTON}
        aria-label="Mark as reviewed"
        title={
          baseline ? `Mark as reviewed (last on ${reviewDateText(baseline.reviewedAt)})` : 'Mark as reviewed'
        }
        onClick={() => markReviewed()}
      >
        <Icon d="M3 8.5l3 3 7-7" />
        <span className="hidden 2xl:inline">Mark as reviewed</span>
      </button>
    </div>
  );
}

/** A 16px line icon; below 1536px the review buttons show only these (their names stay). */
function Icon({ d }: { d: string }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 16 16" className="size-3.5 text-slate-500">
      <path d={d} fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinejoin="round" />
    </svg>
  );
}
