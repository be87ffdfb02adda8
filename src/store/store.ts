import { temporal } from 'zundo';
import { create } from 'zustand';
import { createLibrarySlice, type LibrarySlice } from './librarySlice';
import { createPlanSlice, type PlanSlice } from './planSlice';
import { createReviewSlice, type ReviewSlice } from './reviewSlice';
import { createSelectionSlice, type SelectionSlice } from './selectionSlice';
import { undoGrouping } from './undoGroups';

export type PlannerState = PlanSlice & SelectionSlice & LibrarySlice & ReviewSlice;

/** How many edits Undo can step back through. */
export const UNDO_LIMIT = 300;

/**
 * The planner's one store, built from slices. Undo history (zundo) covers the
 * plan only: selection, highlights and the plan list are never part of an
 * undo step, and only the plan and its view are persisted (persistence.ts,
 * STYLE.md). Typing in one field is one step, not one per
 * keystroke (undoGroups.ts).
 */
export const usePlanner = create<PlannerState>()(
  temporal(
    (...a) => ({
      ...createPlanSlice(...a),
      ...createSelectionSlice(...a),
      ...createLibrarySlice(...a),
      ...createReviewSlice(...a),
    }),
    {
      partialize: (state) => ({ plan: state.plan }),
      equality: (past, current) => past.plan === current.plan,
      limit: UNDO_LIMIT,
      // Keystrokes in one field make one step (undoGroups.ts).
      handleSet: (record) => {
        // zundo hands in its recorder, typed as a setState but called with all four arguments.
        const recordStep = record as unknown as (...args: unknown[]) => void;
        return (pastState, replace, currentState, deltaState) => {
          const before = (pastState as Pick<PlannerState, 'plan'>).plan;
          if (undoGrouping.continues(before, currentState.plan)) return;
          recordStep(pastState, replace, currentState, deltaState);
        };
      },
    },
  ),
);

export type PlannerStore = typeof usePlanner;
