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
      <button type="button" className={BUTTON} onClick={requestNote}>
        New note
      </button>
      {comparing ? (
        <button
          type="button"
          className={`${BUTTON} border-[#0072B2] bg-[#0072B2]/10 text-[#00466e]`}
          onClick={() => usePlanner.getState().stopCompare()}
        >
          Stop comparing
        </button>
      ) : (
        <button type="button" className={BUTTON} aria-haspopup="dialog" onClick={openCompare}>
          Compare with…
        </button>
      )}
      <button
        type="button"
        className={BUTTON}
        title={baseline ? `Last marked as reviewed on ${reviewDateText(baseline.reviewedAt)}` : undefined}
        onClick={() => markReviewed()}
      >
        Mark as reviewed
      </button>
    </div>
  );
}
