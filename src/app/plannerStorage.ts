import { useOnViewportChange } from '@xyflow/react';
import { useStore } from 'zustand';
import { browserStorage, createPlanLibrary } from '../io/planLibrary';
import { usePlanner } from '../store/store';
import { createPersistence, type Persistence, type PersistenceState } from './persistence';
import { clearShareFragment, shareFragmentInAddress, watchShareLinks } from './sharing';
import { loadInitialPlan } from './startup';

let instance: Persistence | null = null;

/** The planner's plans in this browser's localStorage. */
export function plannerStorage(): Persistence {
  instance ??= createPersistence({ library: createPlanLibrary(browserStorage()), store: usePlanner });
  return instance;
}

export function usePlannerStorage<T>(selector: (state: PersistenceState) => T): T {
  return useStore(plannerStorage().state, selector);
}

/**
 * Opens the startup plan (a share link, else the plan open last time, else
 * the first-visit example), then keeps it saved: a pending save is written
 * when the page is hidden or closed, since a timer may never run then.
 */
export function startPlanner(): void {
  const persistence = plannerStorage();
  const hash = shareFragmentInAddress();
  void persistence
    .start(hash, () => loadInitialPlan())
    .then((opened) => {
      // An opened link leaves the address bar; a refused one stays there for the person to look at.
      if (opened === 'shared') clearShareFragment();
    });
  const flush = () => persistence.flush();
  window.addEventListener('pagehide', flush);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') flush();
  });
  watchShareLinks(persistence);
}

/** Saves the canvas viewport of the open plan when the person stops panning or zooming. */
export function ViewportAutosave() {
  useOnViewportChange({ onEnd: (viewport) => plannerStorage().viewChanged(viewport) });
  return null;
}
