/**
 * The review baseline of a stored plan: a copy of the plan as it was when it
 * was marked reviewed, with the date, kept beside the plan in the library:
 *   epp:v1:baseline:<id>   { reviewedAt, plan }   (the plan as a plan file document)
 * The planner compares the plan with it ("Changes since review").
 */
import { loadPlan } from '../model/load';
import type { Plan } from '../model/types';
import { baselineKey } from './planLibraryEntries';
import { type SaveResult, type StorageLike, storageAccess } from './planLibraryStorage';

export interface StoredBaseline {
  plan: Plan;
  /** When the plan was marked reviewed, in ms since 1970. */
  reviewedAt: number;
}

/** Keeps `baseline` as the review baseline of the stored plan `id`, replacing any earlier one. */
export function saveBaseline(
  storage: StorageLike | null | undefined,
  id: string,
  baseline: StoredBaseline,
): SaveResult {
  const text = JSON.stringify({ reviewedAt: baseline.reviewedAt, plan: baseline.plan });
  return storageAccess(storage).attempt((store) => store.setItem(baselineKey(id), text));
}

/**
 * The review baseline of the stored plan `id`, or null when it has none. A
 * damaged one (edited by hand, from a newer version) reads as none: the plan
 * itself is untouched, and the next "Mark as reviewed" writes a good one.
 */
export function loadBaseline(storage: StorageLike | null | undefined, id: string): StoredBaseline | null {
  const text = storageAccess(storage).read(baselineKey(id));
  if (text === null) return null;
  try {
    const value = JSON.parse(text) as { reviewedAt?: unknown; plan?: unknown };
    if (typeof value.reviewedAt !== 'number' || !Number.isFinite(value.reviewedAt)) return null;
    const loaded = loadPlan(value.plan);
    return loaded.ok ? { plan: loaded.plan, reviewedAt: value.reviewedAt } : null;
  } catch {
    return null;
  }
}
