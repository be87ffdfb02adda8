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
import {
  browserStorage,
  type CreateResult,
  createPlanLibrary,
  type PlanLibrary,
  type PlanView,
  type RemovedPlan,
  type SaveResult,
} from '../io/planLibrary';
import { decodeShareFragment, isShareFragment } from '../io/shareLink';
import { createEmptyPlan, isEmptyPlan, UNTITLED_PLAN_NAME } from '../model/defaults';
import type { LoadResult, Plan } from '../model/types';
import { PLAN_LIMITS } from '../model/types';
import type { OpeningView } from './planSlice';
import { chooseStartupPlan } from './startupPlan';
import { type PlannerStore, usePlanner } from './store';

/** How long after the last change the plan is saved. */
export const AUTOSAVE_DELAY_MS = 400;

/** What opened at startup: a share link's plan, a stored plan, or the first-visit example. */
export type OpenedAtStartup = 'shared' | 'stored' | 'example';

/**
 * The actions over the plans kept in the browser. What they show (the list,
 * the open plan's id, a storage problem) is in the store's library slice.
 */
export interface Persistence {
  /** Opens the startup plan (share link, last plan, else the example) and starts autosaving; says which opened. */
  start(hash: string, loadExample: () => Promise<LoadResult>): Promise<OpenedAtStartup>;
  /** Stops autosaving (a pending save is written first). */
  stop(): void;
  /**
   * Opens the plan of a share link as a new entry of the list and says
   * whether it did; a refused link changes nothing but says why, and a
   * fragment that is no share link is left alone.
   */
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

/** Said when a share link opens. */
export const SHARED_PLAN_OPENED =
  'Opened a shared plan as a new plan; your own plans are in the plan list (Plans).';
/** Said after why a share link was refused (damaged, cut, too new). */
export const SHARE_LINK_REFUSED = 'Your own plan is open as it was.';

/** The name a shared plan gets in the list: "<name> (shared)", within the name limit. */
export function sharedPlanName(name: string): string {
  const suffix = ' (shared)';
  return `${(name || UNTITLED_PLAN_NAME).slice(0, PLAN_LIMITS.nameLength - suffix.length)}${suffix}`;
}

export function createPersistence({
  library,
  store,
  delayMs = AUTOSAVE_DELAY_MS,
  setTimer = (run, ms) => setTimeout(run, ms),
  clearTimer = (timer) => clearTimeout(timer as ReturnType<typeof setTimeout>),
}: PersistenceOptions): Persistence {
  /** The plan object last written (or read) under the current id: saving it again would change nothing. */
  let saved: Plan | null = null;
  let pendingView: PlanView | null = null;
  let timer: unknown = null;
  let unsubscribe: (() => void) | null = null;
  /** A plan made only because the open plan was deleted and nothing else was left. */
  let standIn: { id: string; plan: Plan } | null = null;

  const currentId = () => store.getState().openPlanId;
  const notifyError = (text: string) => store.getState().notify({ kind: 'error', text });

  function refresh(): void {
    store.setState({ storedPlans: library.list() });
  }

  /** Shows a storage failure until a later write succeeds; other failures are one-off errors. */
  function report(result: SaveResult): boolean {
    if (result.ok) {
      if (store.getState().storageProblem) store.setState({ storageProblem: null });
      return true;
    }
    if (result.error === 'quota' || result.error === 'unavailable')
      store.setState({ storageProblem: result });
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
        store.setState({ openPlanId: id });
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
    store.setState({ openPlanId: id });
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

  /**
   * The one way a share link opens: its plan becomes a new entry of the list,
   * so the person's own plans are left as they are. Returns why a link was
   * refused (nothing is changed then), or null when it opened.
   */
  function openShared(hash: string): string | null {
    const shared = decodeShareFragment(hash);
    if (!shared.ok) return `${shared.error} ${SHARE_LINK_REFUSED}`;
    openNew({ ...shared.plan, name: sharedPlanName(shared.plan.name) });
    store.getState().notify({ kind: 'info', text: SHARED_PLAN_OPENED });
    return null;
  }

  return {
    async start(hash, loadExample) {
      if (!unsubscribe) {
        unsubscribe = store.subscribe((next, previous) => {
          if (next.plan !== previous.plan) schedule();
        });
      }
      // A share link comes first; a refused one is reported and the person's own plan opens as if there were none.
      const problems: string[] = [];
      if (isShareFragment(hash)) {
        const refusal = openShared(hash);
        if (refusal === null) return 'shared';
        problems.push(refusal);
      }
      const { choice, problems: unopened } = chooseStartupPlan(library);
      problems.push(...unopened);
      if (problems.length > 0) notifyError(problems.join(' '));
      if (choice.kind === 'stored') show(choice.id, choice.plan, true, choice.view ?? 'fit');
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
      if (!isShareFragment(hash)) return false;
      const refusal = openShared(hash);
      if (refusal !== null) notifyError(refusal);
      return refusal === null;
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
      } else if (store.getState().storageProblem) {
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

let instance: Persistence | null = null;

/** The planner's plans in this browser's localStorage, for the one store. */
export function plannerPersistence(): Persistence {
  instance ??= createPersistence({ library: createPlanLibrary(browserStorage()), store: usePlanner });
  return instance;
}
