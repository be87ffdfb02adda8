/**
 * The planner's plans in the browser: autosave of the open plan and its
 * viewport (autosave.ts), the plan list (new, open, rename, duplicate, delete,
 * undo a delete: planListActions.ts), what opens at startup
 * (startupOpening.ts) and share links (shareLinkOpening.ts). Only the plan
 * document and the view are stored (io/planLibrary.ts), never selection or
 * other state of the screen.
 */
import {
  browserStorage,
  type CreateResult,
  createPlanLibrary,
  type PlanView,
  type RemovedPlan,
} from '../io/planLibrary';
import type { LoadResult } from '../model/types';
import { type AutosaveOptions, createAutosave } from './autosave';
import { createOtherTabs } from './otherTabs';
import { createPlanListActions } from './planListActions';
import type { PersistenceContext } from './planOpening';
import { openShareLink } from './shareLinkOpening';
import { type OpenedAtStartup, openAtStartup } from './startupOpening';
import { usePlanner } from './store';

export { AUTOSAVE_DELAY_MS } from './autosave';
export {
  SHARE_LINK_REFUSED,
  SHARED_PLAN_OPENED,
  sharedPlanAlreadyListed,
  sharedPlanName,
} from './shareLinkOpening';
export type { OpenedAtStartup } from './startupOpening';

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
  /** Another tab of this browser changed the stored plans (otherTabs.ts). */
  storageChanged(key: string | null, newValue: string | null): void;
  /** The open plan was saved by another tab: open that version here. */
  openOtherTabVersion(): void;
  /** The open plan was saved by another tab: keep this tab's version as a new plan of the list. */
  keepMineAsCopy(): void;
}

/** The library, the store, and the autosave's pause and timers (injected for tests). */
export type PersistenceOptions = AutosaveOptions;

export function createPersistence(options: PersistenceOptions): Persistence {
  const autosave = createAutosave(options);
  const context: PersistenceContext = { library: options.library, store: options.store, autosave };
  const otherTabs = createOtherTabs(context);
  return {
    async start(hash, loadExample) {
      autosave.watch();
      return openAtStartup(context, hash, loadExample);
    },
    stop() {
      autosave.flush();
      autosave.unwatch();
    },
    openShareLink: (hash) => openShareLink(context, hash),
    ...createPlanListActions(context),
    viewChanged: autosave.viewChanged,
    flush: autosave.flush,
    storageChanged: otherTabs.storageChanged,
    openOtherTabVersion: otherTabs.openTheirs,
    keepMineAsCopy: otherTabs.keepMineAsCopy,
  };
}

let instance: Persistence | null = null;

/** The planner's plans in this browser's localStorage, for the one store. */
export function plannerPersistence(): Persistence {
  instance ??= createPersistence({ library: createPlanLibrary(browserStorage()), store: usePlanner });
  return instance;
}
