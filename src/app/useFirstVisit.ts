import { useEffect } from 'react';
import { usePlanner } from '../store/store';
import { isEmptyPlan, loadInitialPlan } from './startup';

let started = false;

/**
 * Opens the initial plan once per page load when the planner starts empty.
 * The loaded plan is where undo history begins: undo never returns to the
 * blank canvas that was only there while it loaded.
 */
export function useFirstVisit(): void {
  useEffect(() => {
    if (started) return;
    started = true;
    if (!isEmptyPlan(usePlanner.getState().plan)) return;
    void loadInitialPlan().then((result) => {
      const store = usePlanner.getState();
      // The person may have started drawing while the example loaded.
      if (!isEmptyPlan(store.plan)) return;
      if (result.ok) {
        store.setPlan(result.plan);
        usePlanner.temporal.getState().clear();
      } else {
        store.notify({ kind: 'error', text: result.error });
      }
    });
  }, []);
}
