import { isShareFragment } from '../io/shareLink';
import type { Persistence } from './persistence';

/** The share link in the address bar, if there is one (with its `#`), else ''. */
export function shareFragmentInAddress(): string {
  return isShareFragment(window.location.hash) ? window.location.hash : '';
}

/**
 * Takes an opened share link out of the address bar, so a reload shows the
 * person's plan as it is now rather than the link's plan once more. Replaced,
 * not pushed: Back does not bring the link back either.
 */
export function clearShareFragment(): void {
  const { pathname, search } = window.location;
  window.history.replaceState(window.history.state, '', `${pathname}${search}`);
}

/**
 * Opens the share link in the address bar (at startup, or pasted into the
 * address bar of an open planner, which changes only the fragment). An opened
 * link is cleared from the address bar; a refused one stays there for the
 * person to look at, and changes nothing.
 */
export function openShareLinkInAddress(persistence: Persistence): void {
  const hash = shareFragmentInAddress();
  if (hash === '') return;
  if (persistence.openShareLink(hash)) clearShareFragment();
}

/** Follows share links pasted into the address bar while the planner is open; returns the stop function. */
export function watchShareLinks(persistence: Persistence): () => void {
  const onHashChange = () => openShareLinkInAddress(persistence);
  window.addEventListener('hashchange', onHashChange);
  return () => window.removeEventListener('hashchange', onHashChange);
}
