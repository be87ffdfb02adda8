import type { StateCreator } from 'zustand';
import type { Plan } from '../model/types';
import type { PlannerState } from './store';

/** Where a compared plan came from, for the words the panels use. */
export type ComparedSource = 'library' | 'file' | 'link' | 'baseline';

/** The plan the open plan is compared with: the older side of every change shown. */
export interface ComparedPlan {
  plan: Plan;
  source: ComparedSource;
  /** How the panels name it: "Branch design", "review of 3 May 2025, 14:02", "shared link". */
  label: string;
}

/** A reviewed copy of the open plan, kept beside it in the browser. */
export interface ReviewBaseline {
  plan: Plan;
  /** When it was marked reviewed (ms since 1970). */
  reviewedAt: number;
}

/**
 * Design review state: the plan the open plan is being compared with (compare
 * mode), and the open plan's review baseline. Neither is part of the plan nor
 * of an undo step; the baseline is stored by reviewActions.ts.
 */
export interface ReviewSlice {
  compared: ComparedPlan | null;
  baseline: ReviewBaseline | null;
  /** Enters compare mode (or compares with another plan); the highlight goes. */
  startCompare: (compared: ComparedPlan) => void;
  /** Leaves compare mode: the canvas and panels show the plan alone again. */
  stopCompare: () => void;
  setBaseline: (baseline: ReviewBaseline | null) => void;
}

/**
 * Ids of what the compared plan had and the open plan does not, as the
 * canvas draws them (ghosts). Plan ids never hold `:`, so these never meet
 * an id of the plan.
 */
export const GHOST_PREFIX = 'ghost:';
export const ghostId = (id: string) => `${GHOST_PREFIX}${id}`;
export const isGhostId = (id: string) => id.startsWith(GHOST_PREFIX);

/** How a review date is written: "3 May 2025, 14:02" in the person's time zone. */
export function reviewDateText(ms: number): string {
  return new Date(ms).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}

/** How compare mode names a review baseline. */
export const baselineLabel = (reviewedAt: number) => `the review of ${reviewDateText(reviewedAt)}`;

export const createReviewSlice: StateCreator<PlannerState, [], [], ReviewSlice> = (set) => ({
  compared: null,
  baseline: null,
  startCompare: (compared) => set({ compared, highlight: null }),
  stopCompare: () => set((s) => (s.compared ? { compared: null, highlight: null } : s)),
  setBaseline: (baseline) => set({ baseline }),
});
