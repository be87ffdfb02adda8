import type { PlanLibrary, PlanView } from '../io/planLibrary';
import { UNTITLED_PLAN_NAME } from '../model/defaults';
import type { Plan } from '../model/types';

/** Which of the person's own plans the planner opens when the page loads (a share link comes first, in startupOpening.ts). */
export type StartupChoice =
  /** A plan of the list (the one open last time, else the most recent one that opens). */
  | { kind: 'stored'; id: string; plan: Plan; view: PlanView | null }
  /** Nothing stored: a first visit, which opens the worked example as a new entry. */
  | { kind: 'example' };

export interface StartupDecision {
  choice: StartupChoice;
  /** Refusals to show in an alert: a stored plan that no longer opens. */
  problems: string[];
}

/**
 * Decides which stored plan to open, in this order:
 * 1. the plan that was open last time, at its saved view; if it no longer
 *    opens it is reported and left in the list untouched (so it can still be
 *    looked at or deleted), and the most recent plan that opens is used;
 * 2. else the first-visit example.
 */
export function chooseStartupPlan(library: PlanLibrary): StartupDecision {
  const problems: string[] = [];
  const currentId = library.currentId;
  const entries = library.list();
  const order = currentId === null ? entries.map((e) => e.id) : [currentId, ...entries.map((e) => e.id)];
  for (const id of new Set(order)) {
    const loaded = library.load(id);
    if (loaded.ok)
      return { choice: { kind: 'stored', id, plan: loaded.plan, view: library.loadView(id) }, problems };
    if (id === currentId) {
      const name = entries.find((e) => e.id === id)?.name || UNTITLED_PLAN_NAME;
      problems.push(
        `Your last plan "${name}" could not be opened and stays in the plan list as it is. ${loaded.error}`,
      );
    }
  }
  return { choice: { kind: 'example' }, problems };
}
