/**
 * Autosave of the open plan and its viewport. The store's plan is saved a
 * moment after it changes, not on every change: a drag commits once when the
 * node is let go, typing is saved after a pause, and the rest of the time
 * nothing is written. A pending save is written at once (`flush`) before
 * another plan opens and when the page is hidden or closed.
 */
import type { PlanLibrary, PlanView, SaveResult } from '../io/planLibrary';
import type { Plan } from '../model/types';
import { refreshPlanList, reportSaveResult } from './libraryReport';
import type { PlannerStore } from './store';

/** How long after the last change the plan is saved. */
export const AUTOSAVE_DELAY_MS = 400;

export interface AutosaveOptions {
  library: PlanLibrary;
  store: PlannerStore;
  delayMs?: number;
  /** Timers, injected for tests. */
  setTimer?: (run: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

export interface Autosave {
  /** Starts saving the store's plan after each change (once, however often it is called). */
  watch(): void;
  /** Stops watching the store's plan. */
  unwatch(): void;
  /** The canvas viewport moved; saved after a pause. */
  viewChanged(view: PlanView): void;
  /** Writes a pending save now. */
  flush(): void;
  /**
   * A plan is opening: `storedPlan` is what is stored under its id (null when
   * it is not stored yet), and a viewport pending for the plan before it is dropped.
   */
  opening(storedPlan: Plan | null): void;
  /** Writes the open plan now even though it was written before (storage may have room again). */
  retry(): void;
}

export function createAutosave({
  library,
  store,
  delayMs = AUTOSAVE_DELAY_MS,
  setTimer = (run, ms) => setTimeout(run, ms),
  clearTimer = (timer) => clearTimeout(timer as ReturnType<typeof setTimeout>),
}: AutosaveOptions): Autosave {
  /** The plan object last written (or read) under the current id: saving it again would change nothing. */
  let saved: Plan | null = null;
  let pendingView: PlanView | null = null;
  let timer: unknown = null;
  let unsubscribe: (() => void) | null = null;

  const report = (result: SaveResult) => reportSaveResult(store, result);

  function save(): void {
    const plan = store.getState().plan;
    const id = store.getState().openPlanId;
    // Another tab saved this plan: nothing is written over its version until the person chooses (otherTabs.ts).
    if (id !== null && store.getState().otherTabChange?.id === id) return;
    const view = pendingView;
    pendingView = null;
    if (plan !== saved) {
      if (id === null) {
        const created = library.create(plan, view ?? undefined);
        store.setState({ openPlanId: created.id });
        library.currentId = created.id;
        if (report(created)) saved = plan;
      } else if (report(library.save(id, plan, view ?? undefined))) {
        saved = plan;
      }
      refreshPlanList({ library, store });
    } else if (view && id !== null) {
      report(library.saveView(id, view));
    }
  }

  function flush(): void {
    if (timer !== null) {
      clearTimer(timer);
      timer = null;
      save();
    }
  }

  function schedule(): void {
    if (timer !== null) clearTimer(timer);
    timer = setTimer(() => {
      timer = null;
      save();
    }, delayMs);
  }

  return {
    watch() {
      unsubscribe ??= store.subscribe((next, previous) => {
        if (next.plan !== previous.plan) schedule();
      });
    },
    unwatch() {
      unsubscribe?.();
      unsubscribe = null;
    },
    viewChanged(view) {
      pendingView = view;
      schedule();
    },
    flush,
    opening(storedPlan) {
      pendingView = null;
      saved = storedPlan;
    },
    retry() {
      saved = null;
      save();
    },
  };
}
