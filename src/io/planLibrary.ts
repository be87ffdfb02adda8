/**
 * The plans kept in the browser: a list of plans, each autosaved with its
 * viewport, and which one was open. Only the plan document (SPEC §2) and the
 * view are stored, never selection or other UI state.
 *
 * Storage is injected (`localStorage` in the app, a map in tests). Nothing
 * here throws: a full or unavailable storage gives a result the UI can show
 * while the plan stays in memory (planLibraryStorage.ts), and a stored plan
 * goes through `loadPlan` on the way back, so a damaged entry is refused with
 * a message. The keys and what is stored under each are in
 * planLibraryEntries.ts; the list of plans in planLibraryIndex.ts.
 */

import { UNTITLED_PLAN_NAME } from '../model/defaults';
import type { LoadResult, Plan } from '../model/types';
import { PLAN_LIMITS } from '../model/types';
import {
  baselineKey,
  CURRENT_KEY,
  decodePlan,
  decodeView,
  encodePlan,
  encodeView,
  type PlanView,
  planKey,
  viewKey,
} from './planLibraryEntries';
import {
  type PlanEntry,
  readIndex,
  storedPlanIds,
  upsertEntry,
  withoutEntry,
  writeIndex,
} from './planLibraryIndex';
import type { StorageLike } from './planLibraryStorage';
import { type Failure, type SaveResult, type StorageAccess, storageAccess } from './planLibraryStorage';
import { loadBaseline, type StoredBaseline, saveBaseline } from './reviewBaseline';

export { type PlanView, VIEW_ZOOM } from './planLibraryEntries';
export type { PlanEntry } from './planLibraryIndex';
export {
  browserStorage,
  type Failure,
  type SaveResult,
  type StorageLike,
  type StorageProblem,
} from './planLibraryStorage';

/** The id is chosen even when storing failed, so the plan can live on in memory. */
export type CreateResult = SaveResult & { id: string };

/** Everything a removal took away, to put back with `restore` (undo). */
export interface RemovedPlan {
  entry: PlanEntry;
  planText: string | null;
  viewText: string | null;
  /** Its review baseline (reviewBaseline.ts), if it had one. */
  baselineText?: string | null;
  wasCurrent: boolean;
}
export type RemoveResult = { ok: true; removed: RemovedPlan } | Failure;

export interface PlanLibrary {
  /** The stored plans, most recently saved first. */
  list(): PlanEntry[];
  load(id: string): LoadResult;
  /** Stores `plan` (and `view` when given) under `id`, adding it to the list if new. */
  save(id: string, plan: Plan, view?: PlanView): SaveResult;
  saveView(id: string, view: PlanView): SaveResult;
  /** The stored viewport of a plan, or null when there is none (or it is damaged). */
  loadView(id: string): PlanView | null;
  /** Stores `plan` as a new entry of the list. */
  create(plan: Plan, view?: PlanView): CreateResult;
  /** Renames a stored plan (its `name` field). The open plan is renamed in the store, which autosaves it. */
  rename(id: string, name: string): SaveResult;
  /** A copy of a stored plan, named "<name> (copy)", with its view. */
  duplicate(id: string): CreateResult;
  remove(id: string): RemoveResult;
  /** Puts back what `remove` took away. */
  restore(removed: RemovedPlan): SaveResult;
  /** The review baseline of a stored plan (reviewBaseline.ts), or null when it has none. */
  loadBaseline(id: string): StoredBaseline | null;
  /** Keeps `baseline` as the review baseline of the stored plan `id`. */
  saveBaseline(id: string, baseline: StoredBaseline): SaveResult;
  /** The plan that was open, if it is still stored; setting it never throws. */
  currentId: string | null;
}

export interface PlanLibraryOptions {
  now?: () => number;
  newId?: () => string;
}

/** What every operation of one library works with. */
interface LibraryContext {
  access: StorageAccess;
  now: () => number;
  newId: () => string;
}

const UNAVAILABLE_TO_LOAD =
  'This browser does not let the app read stored data (private window or blocked site data), so no stored plan can be opened.';

const missing = (id: string): Failure => ({
  ok: false,
  error: 'missing',
  message: `There is no stored plan with id "${id}".`,
});

function defaultNewId(): string {
  const random = Math.floor(Math.random() * 36 ** 6)
    .toString(36)
    .padStart(6, '0');
  return `${Date.now().toString(36)}${random}`;
}

function save({ access, now }: LibraryContext, id: string, plan: Plan, view?: PlanView): SaveResult {
  const text = encodePlan(plan);
  return access.attempt((store) => {
    store.setItem(planKey(id), text);
    writeIndex(access, store, upsertEntry({ id, name: plan.name, updatedAt: now() }));
    if (view) store.setItem(viewKey(id), encodeView(view));
  });
}

function load({ access }: LibraryContext, id: string): LoadResult {
  let text: string | null;
  try {
    if (!access.storage) throw new Error('no storage');
    text = access.storage.getItem(planKey(id));
  } catch {
    return { ok: false, error: UNAVAILABLE_TO_LOAD };
  }
  if (text === null) return { ok: false, error: missing(id).message };
  return decodePlan(text);
}

function create(lib: LibraryContext, plan: Plan, view?: PlanView): CreateResult {
  const taken = storedPlanIds(lib.access);
  let id = lib.newId();
  while (taken.has(id)) id = lib.newId();
  return { ...save(lib, id, plan, view), id };
}

function rename(lib: LibraryContext, id: string, name: string): SaveResult {
  if (name.length > PLAN_LIMITS.nameLength) {
    return {
      ok: false,
      error: 'invalid',
      message: `A plan name has at most ${PLAN_LIMITS.nameLength} characters.`,
    };
  }
  if (lib.access.read(planKey(id)) === null) return missing(id);
  const loaded = load(lib, id);
  if (!loaded.ok) return { ok: false, error: 'invalid', message: loaded.error };
  return save(lib, id, { ...loaded.plan, name });
}

function duplicate(lib: LibraryContext, id: string): CreateResult {
  if (lib.access.read(planKey(id)) === null) return { ...missing(id), id };
  const loaded = load(lib, id);
  if (!loaded.ok) return { ok: false, error: 'invalid', message: loaded.error, id };
  const name = `${loaded.plan.name || UNTITLED_PLAN_NAME} (copy)`.slice(0, PLAN_LIMITS.nameLength);
  return create(lib, { ...loaded.plan, name }, decodeView(lib.access.read(viewKey(id))) ?? undefined);
}

function remove({ access }: LibraryContext, id: string): RemoveResult {
  const entry = readIndex(access).find((e) => e.id === id);
  if (!entry) return missing(id);
  const removed: RemovedPlan = {
    entry,
    planText: access.read(planKey(id)),
    viewText: access.read(viewKey(id)),
    baselineText: access.read(baselineKey(id)),
    wasCurrent: access.read(CURRENT_KEY) === id,
  };
  const result = access.attempt((store) => {
    store.removeItem(planKey(id));
    store.removeItem(viewKey(id));
    store.removeItem(baselineKey(id));
    writeIndex(access, store, withoutEntry(id));
    if (removed.wasCurrent) store.removeItem(CURRENT_KEY);
  });
  return result.ok ? { ok: true, removed } : result;
}

function restore({ access }: LibraryContext, removed: RemovedPlan): SaveResult {
  const { entry, planText, viewText, baselineText } = removed;
  if (planText === null) return missing(entry.id);
  return access.attempt((store) => {
    store.setItem(planKey(entry.id), planText);
    if (viewText !== null) store.setItem(viewKey(entry.id), viewText);
    if (baselineText) store.setItem(baselineKey(entry.id), baselineText);
    writeIndex(access, store, upsertEntry(entry));
    if (removed.wasCurrent) store.setItem(CURRENT_KEY, entry.id);
  });
}

export function createPlanLibrary(
  storage: StorageLike | null | undefined,
  options: PlanLibraryOptions = {},
): PlanLibrary {
  const lib: LibraryContext = {
    access: storageAccess(storage),
    now: options.now ?? Date.now,
    newId: options.newId ?? defaultNewId,
  };
  const { access } = lib;
  return {
    list: () => readIndex(access),
    load: (id) => load(lib, id),
    save: (id, plan, view) => save(lib, id, plan, view),
    saveView: (id, view) => access.attempt((store) => store.setItem(viewKey(id), encodeView(view))),
    loadView: (id) => decodeView(access.read(viewKey(id))),
    create: (plan, view) => create(lib, plan, view),
    rename: (id, name) => rename(lib, id, name),
    duplicate: (id) => duplicate(lib, id),
    remove: (id) => remove(lib, id),
    restore: (removed) => restore(lib, removed),
    loadBaseline: (id) => loadBaseline(storage, id),
    saveBaseline: (id, baseline) =>
      access.read(planKey(id)) === null ? missing(id) : saveBaseline(storage, id, baseline),
    get currentId() {
      const id = access.read(CURRENT_KEY);
      return id !== null && access.read(planKey(id)) !== null ? id : null;
    },
    set currentId(id: string | null) {
      access.attempt((store) =>
        id === null ? store.removeItem(CURRENT_KEY) : store.setItem(CURRENT_KEY, id),
      );
    },
  };
}
