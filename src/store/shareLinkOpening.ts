/**
 * Opening the plan of a share link, at startup or when the page's fragment
 * changes. Its plan becomes a new entry of the list, so the person's own plans
 * are left as they are; a refused link changes nothing but says why.
 */
import { decodeShareFragment, isShareFragment } from '../io/shareLink';
import { UNTITLED_PLAN_NAME } from '../model/defaults';
import { PLAN_LIMITS } from '../model/types';
import { notifyError } from './libraryReport';
import { openNewPlan, type PersistenceContext } from './planOpening';

/** Said when a share link opens. */
export const SHARED_PLAN_OPENED =
  'Opened a shared plan as a new plan; your own plans are in the plan list (Plans).';
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
  const shared = decodeShareFragment(hash);
  if (!shared.ok) return `${shared.error} ${SHARE_LINK_REFUSED}`;
  openNewPlan(context, { ...shared.plan, name: sharedPlanName(shared.plan.name) });
  context.store.getState().notify({ kind: 'info', text: SHARED_PLAN_OPENED });
  return null;
}

/** Opens a share link and says whether it did; a fragment that is no share link is left alone. */
export function openShareLink(context: PersistenceContext, hash: string): boolean {
  if (!isShareFragment(hash)) return false;
  const refusal = openSharedPlan(context, hash);
  if (refusal !== null) notifyError(context.store, refusal);
  return refusal === null;
}
