import { BUTTON } from '../panels/fields';
import { plannerPersistence } from '../store/persistence';
import { usePlanner } from '../store/store';

/**
 * A banner while another tab of this browser has saved (or deleted) the plan
 * open here. This tab stops saving over that version until the person
 * chooses: open the other tab's version here, or keep this tab's as a copy.
 * It floats over the top of the canvas with the notices, so its arrival never
 * moves the palette or the canvas under a drag in progress.
 */
export function OtherTabBanner() {
  const change = usePlanner((s) => s.otherTabChange);
  const openPlanId = usePlanner((s) => s.openPlanId);
  if (!change || change.id !== openPlanId) return null;
  const persistence = plannerPersistence();
  return (
    <section
      role="alert"
      aria-label="Plan changed in another tab"
      className="pointer-events-auto flex max-w-[min(560px,90%)] flex-wrap items-center gap-2 rounded-lg border border-blue-300 bg-blue-50 px-3 py-2 text-[12.5px] text-blue-900 shadow-md"
    >
      <span className="min-w-0 flex-1">
        {change.deleted ? (
          <>This plan was deleted in another tab. Your version here is not saved until you keep it.</>
        ) : (
          <>
            This plan was saved in another tab
            {change.name ? (
              <>
                {' '}
                as “<bdi>{change.name}</bdi>”
              </>
            ) : null}
            . Your changes here are not saved over it until you choose.
          </>
        )}
      </span>
      {change.deleted ? null : (
        <button type="button" className={BUTTON} onClick={() => persistence.openOtherTabVersion()}>
          Open the other tab's version
        </button>
      )}
      <button type="button" className={BUTTON} onClick={() => persistence.keepMineAsCopy()}>
        Keep mine as a copy
      </button>
    </section>
  );
}
