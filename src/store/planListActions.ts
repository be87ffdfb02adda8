/**
 * The plan list's actions: open, new, rename, duplicate, delete and undo a
 * delete. Deleting the open plan opens the next most recent one, or a new
 * empty plan when nothing else is left (a stand-in that goes again if the
 * delete is undone while it is still untouched).
 */
import type { CreateResult, PlanLibrary, RemovedPlan } from '../io/planLibrary';
import { createEmptyPlan, isEmptyPlan } from '../model/defaults';
import type { Plan } from '../model/types';
import { refreshPlanList, reportSaveResult } from './libraryReport';
import { openNewPlan, openStoredPlan, type PersistenceContext } from './planOpening';

export interface PlanListActions {
  open(id: string): void;
  /** A new, empty plan in the list, opened. */
  newPlan(): void;
  rename(id: string, name: string): void;
  duplicate(id: string): CreateResult;
  /** Deletes a plan (the open one too: the next most recent opens). What it returns puts it back. */
  remove(id: string): RemovedPlan | null;
  restore(removed: RemovedPlan): void;
}

/** A plan made only because the open plan was deleted and nothing else was left. */
type StandIn = { id: string; plan: Plan };

/** After the open plan was deleted: opens the next plan that opens, else a new empty one (the stand-in it returns). */
function openNextAfterRemoval(context: PersistenceContext): StandIn | null {
  const { library, store } = context;
  const next = library.list().find((entry) => library.load(entry.id).ok);
  if (next && openStoredPlan(context, next.id)) return null;
  const plan = createEmptyPlan();
  openNewPlan(context, plan);
  return { id: store.getState().openPlanId ?? '', plan };
}

/** The empty plan made only to have something open goes again, if it was left untouched. */
function dropUntouchedStandIn(library: PlanLibrary, standIn: StandIn): void {
  const stored = library.load(standIn.id);
  if (stored.ok && isEmptyPlan(stored.plan) && stored.plan.name === '') library.remove(standIn.id);
}

export function createPlanListActions(context: PersistenceContext): PlanListActions {
  const { library, store, autosave } = context;
  const currentId = () => store.getState().openPlanId;
  let standIn: StandIn | null = null;

  return {
    open(id) {
      if (id === currentId()) return;
      autosave.flush();
      openStoredPlan(context, id);
    },

    newPlan() {
      openNewPlan(context, createEmptyPlan());
    },

    rename(id, name) {
      if (id === currentId()) {
        // Through the store, so it is one undo step and autosaved like any edit.
        store.getState().renamePlan(name);
        autosave.flush();
        return;
      }
      reportSaveResult(store, library.rename(id, name));
      refreshPlanList(context);
    },

    duplicate(id) {
      autosave.flush();
      const result = library.duplicate(id);
      reportSaveResult(store, result);
      refreshPlanList(context);
      return result;
    },

    remove(id) {
      autosave.flush();
      standIn = null;
      const wasOpen = id === currentId();
      const result = library.remove(id);
      if (!result.ok) {
        reportSaveResult(store, result);
        return null;
      }
      if (wasOpen) standIn = openNextAfterRemoval(context);
      // Deleting may have made room: try the open plan again.
      else if (store.getState().storageProblem) autosave.retry();
      refreshPlanList(context);
      return result.removed;
    },

    restore(removed) {
      autosave.flush();
      if (!reportSaveResult(store, library.restore(removed))) return;
      if (removed.wasCurrent) {
        const left = standIn;
        standIn = null;
        if (openStoredPlan(context, removed.entry.id) && left) dropUntouchedStandIn(library, left);
      }
      refreshPlanList(context);
    },
  };
}
