/**
 * The plan library's list of plans (its index key), read so that it always
 * matches the plans actually stored: the index is only a cache of names and
 * save times, and the plan keys are the truth.
 */

import { INDEX_KEY, nameInPlanText, PLAN_PREFIX, planKey } from './planLibraryEntries';
import type { StorageAccess, StorageLike } from './planLibraryStorage';

export interface PlanEntry {
  id: string;
  /** The plan's own name (may be empty: the UI shows a placeholder). */
  name: string;
  /** Milliseconds since 1970; the list is sorted by it, most recent first. */
  updatedAt: number;
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

/** The ids that have a stored plan. */
export function storedPlanIds(access: StorageAccess): Set<string> {
  return access.keysUnder(PLAN_PREFIX);
}

/**
 * The list, repaired against the plan keys: an entry without a plan is
 * dropped, a plan without an entry (the index write failed, or the index is
 * damaged) is listed with the name it holds.
 */
export function readIndex(access: StorageAccess): PlanEntry[] {
  const ids = storedPlanIds(access);
  let stored: unknown;
  try {
    stored = JSON.parse(access.read(INDEX_KEY) ?? '[]');
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
    if (!entries.has(id))
      entries.set(id, { id, name: nameInPlanText(access.read(planKey(id))), updatedAt: 0 });
  }
  return [...entries.values()].sort(compareEntries);
}

/** Writes the (repaired) list after `change`; throws as the storage does, for `attempt` to report. */
export function writeIndex(
  access: StorageAccess,
  store: StorageLike,
  change: (entries: PlanEntry[]) => PlanEntry[],
): void {
  store.setItem(INDEX_KEY, JSON.stringify(change(readIndex(access))));
}

/** A change that puts `entry` first, in place of any entry with its id. */
export function upsertEntry(entry: PlanEntry) {
  return (entries: PlanEntry[]) => [entry, ...entries.filter((e) => e.id !== entry.id)];
}

/** A change that drops the entry of `id`. */
export function withoutEntry(id: string) {
  return (entries: PlanEntry[]) => entries.filter((e) => e.id !== id);
}
