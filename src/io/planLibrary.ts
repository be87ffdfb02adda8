/**
 * The plans kept in the browser: a list of plans, each autosaved with its
 * viewport, and which one was open. Only the plan document (SPEC §2) and the
 * view are stored, never selection or other UI state.
 *
 * Storage is injected (`localStorage` in the app, a map in tests). Nothing
 * here throws: a full or unavailable storage gives a result the UI can show
 * while the plan stays in memory, and a stored plan goes through `loadPlan` on
 * the way back, so a damaged entry is refused with a message.
 *
 * Keys, versioned so that a later layout can migrate them:
 *   epp:v1:index        JSON list of { id, name, updatedAt }
 *   epp:v1:plan:<id>    the plan document of SPEC §2 (as a plan file, unindented)
 *   epp:v1:view:<id>    { x, y, zoom }
 *   epp:v1:current      the id of the plan that was open
 */

import { UNTITLED_PLAN_NAME, withDefaults } from '../model/defaults';
import { loadPlan } from '../model/load';
import type { LoadResult, Plan } from '../model/types';
import { PLAN_LIMITS } from '../model/types';

/** The part of the Web Storage API the library uses. */
export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
  key(index: number): string | null;
  readonly length: number;
}

export interface PlanEntry {
  id: string;
  /** The plan's own name (may be empty: the UI shows a placeholder). */
  name: string;
  /** Milliseconds since 1970; the list is sorted by it, most recent first. */
  updatedAt: number;
}

/** The canvas viewport, as React Flow reports it. */
export interface PlanView {
  x: number;
  y: number;
  zoom: number;
}

/**
 * Why a change was not stored: `quota` (storage full), `unavailable` (the
 * browser refuses storage, e.g. blocked cookies), `missing` (no plan with
 * that id), `invalid` (a bad name, or a stored plan that cannot be read).
 */
export type StorageProblem = 'quota' | 'unavailable' | 'missing' | 'invalid';

export type Failure = { ok: false; error: StorageProblem; message: string };
export type SaveResult = { ok: true } | Failure;
/** The id is chosen even when storing failed, so the plan can live on in memory. */
export type CreateResult = SaveResult & { id: string };

/** Everything a removal took away, to put back with `restore` (undo). */
export interface RemovedPlan {
  entry: PlanEntry;
  planText: string | null;
  viewText: string | null;
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
  /** The plan that was open, if it is still stored; setting it never throws. */
  currentId: string | null;
}

export interface PlanLibraryOptions {
  now?: () => number;
  newId?: () => string;
}

const PREFIX = 'epp:v1:';
const INDEX_KEY = `${PREFIX}index`;
const CURRENT_KEY = `${PREFIX}current`;
const PLAN_PREFIX = `${PREFIX}plan:`;
const planKey = (id: string) => `${PLAN_PREFIX}${id}`;
const viewKey = (id: string) => `${PREFIX}view:${id}`;

const MESSAGES: Record<'quota' | 'unavailable', string> = {
  quota:
    'The browser storage for this app is full, so the plan was not saved. It is still open here: export it as a file, or delete plans you no longer need.',
  unavailable:
    'This browser does not let the app store data (private window or blocked site data), so the plan was not saved. It is still open here: export it as a file to keep it.',
};

function storageFailure(error: unknown): Failure {
  const kind = isQuotaError(error) ? 'quota' : 'unavailable';
  return { ok: false, error: kind, message: MESSAGES[kind] };
}

function isQuotaError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { name, code } = error as { name?: unknown; code?: unknown };
  // Firefox once named it NS_ERROR_DOM_QUOTA_REACHED; old WebKit only set code 22.
  return (
    name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || code === 22 || code === 1014
  );
}

const UNAVAILABLE_TO_LOAD =
  'This browser does not let the app read stored data (private window or blocked site data), so no stored plan can be opened.';

const missing = (id: string): Failure => ({
  ok: false,
  error: 'missing',
  message: `There is no stored plan with id "${id}".`,
});

/** The browser's localStorage, or null where merely touching it throws (sandboxed frames, blocked site data). */
export function browserStorage(): StorageLike | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

function defaultNewId(): string {
  const random = Math.floor(Math.random() * 36 ** 6)
    .toString(36)
    .padStart(6, '0');
  return `${Date.now().toString(36)}${random}`;
}

function isEntry(value: unknown): value is PlanEntry {
  if (typeof value !== 'object' || value === null) return false;
  const { id, name, updatedAt } = value as Record<string, unknown>;
  return typeof id === 'string' && typeof name === 'string' && typeof updatedAt === 'number';
}

function compareEntries(a: PlanEntry, b: PlanEntry): number {
  if (a.updatedAt !== b.updatedAt) return b.updatedAt - a.updatedAt;
  if (a.name !== b.name) return a.name < b.name ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function parseView(text: string | null): PlanView | null {
  if (text === null) return null;
  try {
    const value = JSON.parse(text) as Record<string, unknown>;
    const { x, y, zoom } = value;
    if (typeof x !== 'number' || typeof y !== 'number' || typeof zoom !== 'number') return null;
    if (!Number.isFinite(x) || !Number.isFinite(y) || !Number.isFinite(zoom) || zoom <= 0) return null;
    return { x, y, zoom };
  } catch {
    return null;
  }
}

/** The name a stored plan text carries, read without full validation (for rebuilding the list). */
function nameIn(text: string | null): string {
  try {
    const name = (JSON.parse(text ?? '') as { name?: unknown } | null)?.name;
    return typeof name === 'string' ? name : '';
  } catch {
    return '';
  }
}

export function createPlanLibrary(
  storage: StorageLike | null | undefined,
  options: PlanLibraryOptions = {},
): PlanLibrary {
  const now = options.now ?? Date.now;
  const newId = options.newId ?? defaultNewId;

  /** Runs `action` on the storage; a throw or no storage becomes a failure. */
  function attempt(action: (store: StorageLike) => void): SaveResult {
    if (!storage) return storageFailure(undefined);
    try {
      action(storage);
      return { ok: true };
    } catch (error) {
      return storageFailure(error);
    }
  }

  function read(key: string): string | null {
    try {
      return storage ? storage.getItem(key) : null;
    } catch {
      return null;
    }
  }

  function storedPlanIds(): Set<string> {
    const ids = new Set<string>();
    if (!storage) return ids;
    try {
      for (let i = 0; i < storage.length; i++) {
        const key = storage.key(i);
        if (key?.startsWith(PLAN_PREFIX)) ids.add(key.slice(PLAN_PREFIX.length));
      }
    } catch {
      // Unavailable storage holds no plans.
    }
    return ids;
  }

  /**
   * The list, repaired against the plan keys: an entry without a plan is
   * dropped, a plan without an entry (the index write failed, or the index is
   * damaged) is listed with the name it holds.
   */
  function list(): PlanEntry[] {
    const ids = storedPlanIds();
    let stored: unknown;
    try {
      stored = JSON.parse(read(INDEX_KEY) ?? '[]');
    } catch {
      stored = [];
    }
    const entries = new Map<string, PlanEntry>();
    for (const value of Array.isArray(stored) ? stored : []) {
      if (isEntry(value) && ids.has(value.id) && !entries.has(value.id)) {
        entries.set(value.id, { id: value.id, name: value.name, updatedAt: value.updatedAt });
      }
    }
    for (const id of ids) {
      if (!entries.has(id)) entries.set(id, { id, name: nameIn(read(planKey(id))), updatedAt: 0 });
    }
    return [...entries.values()].sort(compareEntries);
  }

  function writeIndex(store: StorageLike, change: (entries: PlanEntry[]) => PlanEntry[]): void {
    store.setItem(INDEX_KEY, JSON.stringify(change(list())));
  }

  function upsert(entry: PlanEntry) {
    return (entries: PlanEntry[]) => [entry, ...entries.filter((e) => e.id !== entry.id)];
  }

  function save(id: string, plan: Plan, view?: PlanView): SaveResult {
    // The plan file document without the indentation of an exported file: a
    // 5,000-node plan takes 1.3 million characters instead of 2.2 of the few
    // million a browser grants.
    const text = JSON.stringify(withDefaults(plan));
    return attempt((store) => {
      store.setItem(planKey(id), text);
      writeIndex(store, upsert({ id, name: plan.name, updatedAt: now() }));
      if (view) store.setItem(viewKey(id), JSON.stringify(view));
    });
  }

  function load(id: string): LoadResult {
    let text: string | null;
    try {
      if (!storage) throw new Error('no storage');
      text = storage.getItem(planKey(id));
    } catch {
      return { ok: false, error: UNAVAILABLE_TO_LOAD };
    }
    if (text === null) return { ok: false, error: missing(id).message };
    const loaded = loadPlan(text);
    if (!loaded.ok) return { ok: false, error: `The stored plan cannot be opened: ${loaded.error}` };
    return loaded;
  }

  function freshId(): string {
    const taken = storedPlanIds();
    let id = newId();
    while (taken.has(id)) id = newId();
    return id;
  }

  function create(plan: Plan, view?: PlanView): CreateResult {
    const id = freshId();
    return { ...save(id, plan, view), id };
  }

  function rename(id: string, name: string): SaveResult {
    if (name.length > PLAN_LIMITS.nameLength) {
      return {
        ok: false,
        error: 'invalid',
        message: `A plan name has at most ${PLAN_LIMITS.nameLength} characters.`,
      };
    }
    if (read(planKey(id)) === null) return missing(id);
    const loaded = load(id);
    if (!loaded.ok) return { ok: false, error: 'invalid', message: loaded.error };
    return save(id, { ...loaded.plan, name });
  }

  function duplicate(id: string): CreateResult {
    if (read(planKey(id)) === null) return { ...missing(id), id };
    const loaded = load(id);
    if (!loaded.ok) return { ok: false, error: 'invalid', message: loaded.error, id };
    const name = `${loaded.plan.name || UNTITLED_PLAN_NAME} (copy)`.slice(0, PLAN_LIMITS.nameLength);
    return create({ ...loaded.plan, name }, parseView(read(viewKey(id))) ?? undefined);
  }

  function remove(id: string): RemoveResult {
    const entry = list().find((e) => e.id === id);
    if (!entry) return missing(id);
    const removed: RemovedPlan = {
      entry,
      planText: read(planKey(id)),
      viewText: read(viewKey(id)),
      wasCurrent: read(CURRENT_KEY) === id,
    };
    const result = attempt((store) => {
      store.removeItem(planKey(id));
      store.removeItem(viewKey(id));
      writeIndex(store, (entries) => entries.filter((e) => e.id !== id));
      if (removed.wasCurrent) store.removeItem(CURRENT_KEY);
    });
    return result.ok ? { ok: true, removed } : result;
  }

  function restore(removed: RemovedPlan): SaveResult {
    const { entry, planText, viewText } = removed;
    if (planText === null) return missing(entry.id);
    return attempt((store) => {
      store.setItem(planKey(entry.id), planText);
      if (viewText !== null) store.setItem(viewKey(entry.id), viewText);
      writeIndex(store, upsert(entry));
      if (removed.wasCurrent) store.setItem(CURRENT_KEY, entry.id);
    });
  }

  return {
    list,
    load,
    save,
    saveView: (id, view) => attempt((store) => store.setItem(viewKey(id), JSON.stringify(view))),
    loadView: (id) => parseView(read(viewKey(id))),
    create,
    rename,
    duplicate,
    remove,
    restore,
    get currentId() {
      const id = read(CURRENT_KEY);
      return id !== null && read(planKey(id)) !== null ? id : null;
    },
    set currentId(id: string | null) {
      attempt((store) => (id === null ? store.removeItem(CURRENT_KEY) : store.setItem(CURRENT_KEY, id)));
    },
  };
}
