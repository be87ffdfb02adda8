import { temporal } from 'zundo';
import { create } from 'zustand';
import { createPlanSlice, type PlanSlice } from './planSlice';
import { createSelectionSlice, type SelectionSlice } from './selectionSlice';

export type PlannerState = PlanSlice & SelectionSlice;

/** How many edits Undo can step back through. */
export const UNDO_LIMIT = 300;

/**
 * The planner's one store, built from slices. Undo history (zundo) covers the
 * plan only: selection and highlights are never part of an undo step, and are
 * never persisted (STYLE.md).
 */
export const usePlanner = create<PlannerState>()(
  temporal(
    (...a) => ({
      ...createPlanSlice(...a),
      ...createSelectionSlice(...a),
    }),
    {
      partialize: (state) => ({ plan: state.plan }),
      equality: (past, current) => past.plan === current.plan,
      limit: UNDO_LIMIT,
    },
  ),
);

export type PlannerStore = typeof usePlanner;
