import type { StateCreator } from 'zustand';
import type { Failure, PlanEntry } from '../io/planLibrary';
import type { PlannerState } from './store';

/**
 * What the plan list and the storage warning show of the plans kept in the
 * browser. Written only by the persistence actions (persistence.ts and the
 * modules it puts together), which keep it in step with the library; never
 * part of an undo step, and never itself stored.
 */
export interface LibrarySlice {
  /** The stored plans, most recently saved first. */
  storedPlans: PlanEntry[];
  /** The library id of the open plan (null only before the first plan opens). */
  openPlanId: string | null;
  /** Why the open plan is not being saved (storage full or unavailable), until a save succeeds again. */
  storageProblem: Failure | null;
  /**
   * Another tab saved (or deleted) the plan open here: until the person
   * chooses (otherTabs.ts), this tab does not write over that version.
   */
  otherTabChange: OtherTabChange | null;
}

/** The open plan, as another tab of this browser left it in storage. */
export interface OtherTabChange {
  /** The library id of the plan. */
  id: string;
  /** The plan's name as the other tab saved it (empty when it deleted the plan). */
  name: string;
  /** The other tab deleted it. */
  deleted: boolean;
}

export const EMPTY_LIBRARY: LibrarySlice = {
  storedPlans: [],
  openPlanId: null,
  storageProblem: null,
  otherTabChange: null,
};

export const createLibrarySlice: StateCreator<PlannerState, [], [], LibrarySlice> = () => ({
  ...EMPTY_LIBRARY,
});
