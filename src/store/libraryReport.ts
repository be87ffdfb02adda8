/**
 * How the plan library's answers reach the screen: the list shown in the
 * store's library slice, a storage problem shown until it goes away, and
 * one-off errors as notices.
 */
import type { PlanLibrary, SaveResult } from '../io/planLibrary';
import type { PlannerStore } from './store';

/** The library and the store whose library slice mirrors it. */
export interface LibraryLink {
  library: PlanLibrary;
  store: PlannerStore;
}

export function notifyError(store: PlannerStore, text: string): void {
  store.getState().notify({ kind: 'error', text });
}

/** Shows the library's list as it is now. */
export function refreshPlanList({ library, store }: LibraryLink): void {
  store.setState({ storedPlans: library.list() });
}

/** Shows a storage failure until a later write succeeds; other failures are one-off errors. Says whether it was stored. */
export function reportSaveResult(store: PlannerStore, result: SaveResult): boolean {
  if (result.ok) {
    if (store.getState().storageProblem) store.setState({ storageProblem: null });
    return true;
  }
  if (result.error === 'quota' || result.error === 'unavailable') store.setState({ storageProblem: result });
  else notifyError(store, result.message);
  return false;
}
