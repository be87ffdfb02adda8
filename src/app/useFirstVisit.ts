import { useEffect } from 'react';
import { startPlanner } from './plannerStorage';

let started = false;

/**
 * Opens the initial plan once per page load: a share link in the address
 * bar, else the plan that was open last time (at its viewport), else on a
 * first visit the combined example (`loadInitialPlan`). The opened plan is
 * where undo history begins: undo never returns to the blank canvas that was
 * only there while it loaded. From then on the plan is autosaved.
 */
export function useFirstVisit(): void {
  useEffect(() => {
    if (started) return;
    started = true;
    startPlanner();
  }, []);
}
