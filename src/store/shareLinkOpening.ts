/**
 * Opening the plan of a share link, at startup or when the page's fragment
 * changes. Its plan becomes a new entry of the list, so the person's own plans
 * are left as they are; a refused link changes nothing but says why.
 */
import { decodeSharedReview, isShareFragment } from '../io/shareLink';
import { UNTITLED_PLAN_NAME } from '../model/defaults';
import { PLAN_LIMITS } from '../model/types';
import { notifyError } from './libraryReport';
import { openNewPlan, type PersistenceContext } from './planOpening';
import { baselineLabel } from './reviewSlice';

/** Said when a share link opens. */
export const SHARED_PLAN_OPENED =
  'Opened a shared plan as a new plan; your own plans are in the plan list (Plans).';
/** Said when a share link with a review baseline opens. */
export const SHARED_REVIEW_OPENED =
  'Opened a shared plan as a new plan, showing what changed since its last review (Stop comparing shows the plan alone).';
/** Said after why a share link was refused (damaged, cut, too new). */
export const SHARE_LINK_REFUSED = 'Your own plan is open as it was.';

/** The name a shared plan gets in the list: "<name> (shared)", within the name limit. */
export function sharedPlanName(name: string): string {
  const suffix = ' (shared)';
  return `${(name || UNTITLED_PLAN_NAME).slice(0, PLAN_LIMITS.nameLength - suffix.length)}${suffix}`;
}

/**
 * The one way a share link opens. Returns why a link was refused (nothing is
 * changed then), or null when it opened.
 */
export function openSharedPlan(context: PersistenceContext, hash: string): string | null {
  const shared = decodeSharedReview(hash);
  if (!shared.ok) return `${shared.error} ${SHARE_LINK_REFUSED}`;
  openNewPlan(context, { ...shared.plan, name: sharedPlanName(shared.plan.name) });
  const store = context.store.getState();
  if (shared.baseline) {
    // The link's review baseline becomes the new entry's own, and the changes since it are shown.
    const baseline = {
      ...shared.baseline,
      plan: { ...shared.baseline.plan, name: sharedPlanName(shared.baseline.plan.name) },
    };
    if (store.openPlanId) context.library.saveBaseline(store.openPlanId, baseline);
    store.setBaseline(baseline);
    store.startCompare({
      plan: baseline.plan,
      source: 'baseline',
      label: baselineLabel(baseline.reviewedAt),
    });
    store.notify({ kind: 'info', text: SHARED_REVIEW_OPENED });
    return null;
  }
  store.notify({ kind: 'info', text: SHARED_PLAN_OPENED });
  return null;
}

/** Opens a share link and says whether it did; a fragment that is no share link is left alone. */
export function openShareLink(context: PersistenceContext, hash: string): boolean {
  if (!isShareFragment(hash)) return false;
  const refusal = openSharedPlan(context, hash);
  if (refusal !== null) notifyError(context.store, refusal);
  return refusal === null;
}
