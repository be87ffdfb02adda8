/**
 * Opening the plan of a share link, at startup or when the page's fragment
 * changes. Its plan becomes a new entry of the list, so the person's own plans
 * are left as they are — unless the list already holds that very plan (the
 * same link opened again), which then opens instead of a second copy. A
 * refused link changes nothing but says why.
 */
import type { PlanLibrary } from '../io/planLibrary';
import { decodeSharedReview, isShareFragment, type SharedBaseline } from '../io/shareLink';
import { UNTITLED_PLAN_NAME } from '../model/defaults';
import { serializePlan } from '../model/serialize';
import { PLAN_LIMITS, type Plan } from '../model/types';
import { notifyError } from './libraryReport';
import { openNewPlan, openStoredPlan, type PersistenceContext } from './planOpening';
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

/** Said when the plan of a share link is already in the list, and that entry opened. */
export function sharedPlanAlreadyListed(name: string): string {
  return `Opened a shared plan that is already in your plan list, as "${name || UNTITLED_PLAN_NAME}"; no copy was added.`;
}

/** Whether two plans are the same but for their names. */
function sameContent(a: Plan, b: Plan): boolean {
  return serializePlan({ ...a, name: '' }) === serializePlan({ ...b, name: '' });
}

/** Whether `stored` is `shared` as it was kept when its link opened: "<name> (shared)", the same content. */
function isCopyOf(stored: Plan, shared: Plan): boolean {
  return stored.name === sharedPlanName(shared.name) && sameContent(stored, shared);
}

/**
 * The entry (most recently saved first) an earlier opening of the same link
 * made: the "(shared)" name and the link's content. A link with a review
 * baseline matches only an entry with that baseline, so opening the entry
 * shows the same changes the link would. An entry edited or renamed since is
 * no copy: the link then opens anew, and nothing typed there is overwritten.
 * The person's own plan (not "(shared)") is never taken for the link's: the
 * link then opens beside it as before.
 */
export function listedCopyOf(
  library: PlanLibrary,
  plan: Plan,
  baseline: SharedBaseline | null,
): string | null {
  const name = sharedPlanName(plan.name);
  for (const entry of library.list()) {
    if (entry.name !== name) continue;
    const stored = library.load(entry.id);
    if (!stored.ok || !isCopyOf(stored.plan, plan)) continue;
    if (baseline) {
      const kept = library.loadBaseline(entry.id);
      if (!kept || kept.reviewedAt !== baseline.reviewedAt || !isCopyOf(kept.plan, baseline.plan)) continue;
    }
    return entry.id;
  }
  return null;
}

/** Opens the listed copy `id` of a shared plan (comparing with its review baseline when the link had one). */
function openListedCopy(context: PersistenceContext, id: string, withBaseline: boolean): boolean {
  const { store } = context;
  if (store.getState().openPlanId !== id) {
    context.autosave.flush();
    if (!openStoredPlan(context, id)) return false;
  }
  const state = store.getState();
  if (withBaseline && state.baseline) {
    state.startCompare({
      plan: state.baseline.plan,
      source: 'baseline',
      label: baselineLabel(state.baseline.reviewedAt),
    });
  }
  state.notify({ kind: 'info', text: sharedPlanAlreadyListed(state.plan.name) });
  return true;
}

/**
 * The one way a share link opens. Returns why a link was refused (nothing is
 * changed then), or null when it opened.
 */
export function openSharedPlan(context: PersistenceContext, hash: string): string | null {
  const shared = decodeSharedReview(hash);
  if (!shared.ok) return `${shared.error} ${SHARE_LINK_REFUSED}`;
  context.autosave.flush();
  const listed = listedCopyOf(context.library, shared.plan, shared.baseline);
  if (listed !== null && openListedCopy(context, listed, shared.baseline !== null)) return null;
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
