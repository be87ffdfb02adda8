/**
 * How a plan becomes the open plan: one that is stored, or a new entry of the
 * list. Whatever was pending for the plan before is saved first, and the new
 * plan starts with no undo history.
 */
import type { Plan } from '../model/types';
import type { Autosave } from './autosave';
import { type LibraryLink, notifyError, refreshPlanList, reportSaveResult } from './libraryReport';
import type { OpeningView } from './planSlice';

/** What the persistence actions work with: the library, the store, and the autosave between them. */
export interface PersistenceContext extends LibraryLink {
  autosave: Autosave;
}

/** Makes `plan` the open plan, stored as `id`, with no undo history before it. */
export function showPlan(
  context: PersistenceContext,
  id: string,
  plan: Plan,
  stored: boolean,
  view: OpeningView,
): void {
  const { library, store, autosave } = context;
  autosave.flush();
  autosave.opening(stored ? plan : null);
  // The review baseline is the plan's own; a comparison belonged to the plan that was open.
  store.setState({ openPlanId: id, baseline: library.loadBaseline(id), compared: null });
  library.currentId = id;
  store.getState().openPlan(plan, view);
  store.temporal.getState().clear();
  refreshPlanList(context);
}

/** Stores `plan` as a new entry and opens it; it stays open in memory if storing fails. */
export function openNewPlan(context: PersistenceContext, plan: Plan): void {
  context.autosave.flush();
  const created = context.library.create(plan);
  reportSaveResult(context.store, created);
  showPlan(context, created.id, plan, created.ok, 'fit');
}

/** Opens a stored plan at its saved view; one that no longer opens is reported and nothing changes. */
export function openStoredPlan(context: PersistenceContext, id: string): boolean {
  const { library, store } = context;
  const loaded = library.load(id);
  if (!loaded.ok) {
    notifyError(store, loaded.error);
    return false;
  }
  showPlan(context, id, loaded.plan, true, library.loadView(id) ?? 'fit');
  return true;
}
