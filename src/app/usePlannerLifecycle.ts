import { useEffect } from 'react';
import { loadFirstVisitExample } from '../io/firstVisitExample';
import { plannerPersistence } from '../store/persistence';
import { usePlanner } from '../store/store';

/**
 * Hands the fragment in the address bar to `open`. A share link it opened
 * leaves the address bar, so a reload shows the person's plan as it is now
 * rather than the link's plan once more (replaced, not pushed: Back does not
 * bring the link back either); a refused one stays there for the person to
 * look at.
 */
async function openFromAddress(open: (hash: string) => boolean | Promise<boolean>): Promise<void> {
  if (!(await open(window.location.hash))) return;
  const { pathname, search } = window.location;
  window.history.replaceState(window.history.state, '', `${pathname}${search}`);
}

let started = false;

/**
 * Connects the page to the plans kept in the browser, once per page load:
 * opens the startup plan (a share link in the address bar, else the plan that
 * was open last time at its viewport, else on a first visit the combined
 * example), which is where undo history begins; writes a pending save when
 * the page is hidden or closed, since a timer may never run then; and opens
 * share links pasted into the address bar of the open planner (which changes
 * only the fragment); and tells the persistence when another tab changed the
 * stored plans.
 */
export function usePlannerLifecycle(): void {
  useEffect(() => {
    if (started) return;
    started = true;
    const persistence = plannerPersistence();
    void openFromAddress(
      async (hash) => (await persistence.start(hash, () => loadFirstVisitExample())) === 'shared',
    );
    const flush = () => persistence.flush();
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'hidden') flush();
    });
    // Another tab saved or deleted a plan: the open one may need a choice (store/otherTabs.ts).
    window.addEventListener('storage', (event) => {
      if (event.storageArea !== window.localStorage) return;
      persistence.storageChanged(event.key, event.newValue);
    });
    // Leaving while that choice is open would drop this tab's version unseen: the browser asks first.
    window.addEventListener('beforeunload', (event) => {
      if (usePlanner.getState().otherTabChange) event.preventDefault();
    });
    window.addEventListener('hashchange', () => {
      void openFromAddress((hash) => persistence.openShareLink(hash));
    });
  }, []);
}
