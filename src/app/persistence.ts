/**
 * The planner's plans in the browser: autosave of the open plan and its
 * viewport, the plan list (new, open, rename, duplicate, delete, undo a
 * delete), and what opens at startup. Only the plan document and the view are
 * stored (planLibrary.ts), never selection or other state of the screen.
 *
 * The store's plan is saved a moment after it changes, not on every change:
 * a drag commits once when the node is let go, typing is saved after a pause,
 * and the rest of the time nothing is written. A pending save is written at
 * once before another plan opens and when the page is hidden or closed.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type {
  CreateResult,
  Failure,
  PlanEntry,
  PlanLibrary,
  PlanView,
  RemovedPlan,
  SaveResult,
} from '../io/planLibrary';
import { decodeShareFragment } from '../io/shareLink';
import { createEmptyPlan, isEmptyPlan } from '../model/defaults';
import type { LoadResult, Plan } from '../model/types';
import type { OpeningView } from '../store/planSlice';
import type { PlannerStore } from '../store/store';
import { chooseStartupPlan, type StartupChoice, sharedPlanName } from './openAtStartup';

/** How long after the last change the plan is saved. */
export const AUTOSAVE_DELAY_MS = 400;

export interface PersistenceState {
  /** The stored plans, most recently saved first. */
  plans: PlanEntry[];
  /** The library id of the open plan (null only before the first plan opens). */
  currentId: string | null;
  /** Why the open plan is not being saved (storage full or unavailable), until a save succeeds again. */
  problem: Failure | null;
}

export interface Persistence {
  readonly state: StoreApi<PersistenceState>;
  /** Opens the startup plan (share link, last plan, else the example) and starts autosaving; says which opened. */
  start(hash: string, loadExample: () => Promise<LoadResult>): Promise<StartupChoice['kind']>;
  /** Stops autosaving (a pending save is written first). */
  stop(): void;
  /** Opens the plan of a share link as a new entry of the list; a refused link changes nothing. */
  openShareLink(hash: string): boolean;
  open(id: string): void;
  /** A new, empty plan in the list, opened. */
  newPlan(): void;
  rename(id: string, name: string): void;
  duplicate(id: string): CreateResult;
  /** Deletes a plan (the open one too: the next most recent opens). What it returns puts it back. */
  remove(id: string): RemovedPlan | null;
  restore(removed: RemovedPlan): void;
  /** The canvas viewport moved; saved after a pause. */
  viewChanged(view: PlanView): void;
  /** Writes a pending save now. */
  flush(): void;
}

export interface PersistenceOptions {
  library: PlanLibrary;
  store: PlannerStore;
  delayMs?: number;
  /** Timers, injected for tests. */
  setTimer?: (run: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

const SHARED_OPENED = 'Opened a shared plan as a new plan; your own plans are in the plan list (Plans).';

export function createPersistence({
  library,
  store,
  delayMs = AUTOSAVE_DELAY_MS,
  setTimer = (run, ms) => setTimeout(run, ms),
  clearTimer = (timer) => clearTimeout(timer as ReturnType<typeof setTimeout>),
}: PersistenceOptions): Persistence {
  const state = createStore<PersistenceState>(() => ({ plans: [], currentId: null, problem: null }));
  /** The plan object last written (or read) under the current id: saving it again would change nothing. */
  let saved: Plan | null = null;
  let pendingView: PlanView | null = null;
  let timer: unknown = null;
  let unsubscribe: (() => void) | null = null;
  /** A plan made only because the open plan was deleted and nothing else was left. */
  let standIn: { id: string; plan: Plan } | null = null;

  const currentId = () => state.getState().currentId;
  const notifyError = (text: string) => store.getState().notify({ kind: 'error', text });

  function refresh(): void {
    state.setState({ plans: library.list() });
  }

  /** Shows a storage failure until a later write succeeds; other failures are one-off errors. */
  function report(result: SaveResult): boolean {
    if (result.ok) {
      if (state.getState().problem) state.setState({ problem: null });
      return true;
    }
    if (result.error === 'quota' || result.error === 'unavailable') state.setState({ problem: result });
    else notifyError(result.message);
    return false;
  }

  function save(): void {
    const plan = store.getState().plan;
    const view = pendingView;
    pendingView = null;
    let id = currentId();
    if (plan !== saved) {
      if (id === null) {
        const created = library.create(plan, view ?? undefined);
        id = created.id;
        state.setState({ currentId: id });
        library.currentId = id;
        if (report(created)) saved = plan;
      } else if (report(library.save(id, plan, view ?? undefined))) {
        saved = plan;
      }
      refresh();
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

  /** Makes `plan` the open plan, stored as `id`, with no undo history before it. */
  function show(id: string, plan: Plan, stored: boolean, view: OpeningView): void {
    flush();
    pendingView = null;
    saved = stored ? plan : null;
    state.setState({ currentId: id });
    library.currentId = id;
    store.getState().openPlan(plan, view);
    store.temporal.getState().clear();
    refresh();
  }

  /** Stores `plan` as a new entry and opens it; it stays open in memory if storing fails. */
  function openNew(plan: Plan): void {
    flush();
    const created = library.create(plan);
    report(created);
    show(created.id, plan, created.ok, 'fit');
  }

  function openStored(id: string): boolean {
    const loaded = library.load(id);
    if (!loaded.ok) {
      notifyError(loaded.error);
      return false;
    }
    show(id, loaded.plan, true, library.loadView(id) ?? 'fit');
    return true;
  }

  function openShared(plan: Plan): void {
    openNew({ ...plan, name: sharedPlanName(plan.name) });
    store.getState().notify({ kind: 'info', text: SHARED_OPENED });
  }

  return {
    state,

    async start(hash, loadExample) {
      if (!unsubscribe) {
        unsubscribe = store.subscribe((next, previous) => {
          if (next.plan !== previous.plan) schedule();
        });
      }
      const { choice, problems } = chooseStartupPlan(library, hash);
      if (problems.length > 0) notifyError(problems.join(' '));
      if (choice.kind === 'shared') openShared(choice.plan);
      else if (choice.kind === 'stored') show(choice.id, choice.plan, true, choice.view ?? 'fit');
      else {
        const example = await loadExample();
        // The person may have started drawing while the example loaded: that drawing is kept.
        if (!isEmptyPlan(store.getState().plan)) return choice.kind;
        if (example.ok) openNew(example.plan);
        else notifyError(example.error);
      }
      return choice.kind;
    },

    stop() {
      flush();
      unsubscribe?.();
      unsubscribe = null;
    },

    openShareLink(hash) {
      const shared = decodeShareFragment(hash);
      if (!shared.ok) {
        notifyError(`${shared.error} Your own plan is open as it was.`);
        return false;
      }
      openShared(shared.plan);
      return true;
    },

    open(id) {
      if (id === currentId()) return;
      flush();
      openStored(id);
    },

    newPlan() {
      openNew(createEmptyPlan());
    },

    rename(id, name) {
      if (id === currentId()) {
        // Through the store, so it is one undo step and autosaved like any edit.
        store.getState().renamePlan(name);
        flush();
        return;
      }
      report(library.rename(id, name));
      refresh();
    },

    duplicate(id) {
      flush();
      const result = library.duplicate(id);
      report(result);
      refresh();
      return result;
    },

    remove(id) {
      flush();
      standIn = null;
      const wasOpen = id === currentId();
      const result = library.remove(id);
      if (!result.ok) {
        report(result);
        return null;
      }
      if (wasOpen) {
        const next = library.list().find((entry) => library.load(entry.id).ok);
        if (!next || !openStored(next.id)) {
          const plan = createEmptyPlan();
          openNew(plan);
          standIn = { id: currentId() ?? '', plan };
        }
      } else if (state.getState().problem) {
        // Deleting may have made room: try the open plan again.
        saved = null;
        save();
      }
      refresh();
      return result.removed;
    },

    restore(removed) {
      flush();
      if (!report(library.restore(removed))) return;
      if (removed.wasCurrent) {
        const left = standIn;
        standIn = null;
        // The empty plan made only to have something open goes again, if it was left untouched.
        if (openStored(removed.entry.id) && left) {
          const stored = library.load(left.id);
          if (stored.ok && isEmptyPlan(stored.plan) && stored.plan.name === '') library.remove(left.id);
        }
      }
      refresh();
    },

    viewChanged(view) {
      pendingView = view;
      schedule();
    },

    flush,
  };
}
