import type { PlanLibrary, PlanView } from '../io/planLibrary';
import { decodeShareFragment, isShareFragment } from '../io/shareLink';
import type { Plan } from '../model/types';
import { PLAN_LIMITS } from '../model/types';

/** What the planner opens when the page loads. */
export type StartupChoice =
  /** The plan of a share link, to be stored as a new entry of the plan list. */
  | { kind: 'shared'; plan: Plan }
  /** A plan of the list (the one open last time, else the most recent one that opens). */
  | { kind: 'stored'; id: string; plan: Plan; view: PlanView | null }
  /** Nothing stored: a first visit, which opens the worked example as a new entry. */
  | { kind: 'example' };

export interface StartupDecision {
  choice: StartupChoice;
  /** Refusals to show in an alert: a damaged share link, a stored plan that no longer opens. */
  problems: string[];
}

const PLACEHOLDER_NAME = 'Untitled plan';

/** The name a shared plan gets in the list: "<name> (shared)", within the name limit. */
export function sharedPlanName(name: string): string {
  const suffix = ' (shared)';
  return `${(name || PLACEHOLDER_NAME).slice(0, PLAN_LIMITS.nameLength - suffix.length)}${suffix}`;
}

/**
 * Decides what to open, in this order:
 * 1. a share link in `hash` opens its plan (the caller stores it as a new
 *    entry, so the person's own plans are left as they are); a link that is
 *    refused is reported and the person's own plan opens as if there were none;
 * 2. the plan that was open last time, at its saved view; if it no longer
 *    opens it is reported and left in the list untouched (so it can still be
 *    looked at or deleted), and the most recent plan that opens is used;
 * 3. else the first-visit example.
 */
export function chooseStartupPlan(library: PlanLibrary, hash: string): StartupDecision {
  const problems: string[] = [];
  if (isShareFragment(hash)) {
    const shared = decodeShareFragment(hash);
    if (shared.ok) return { choice: { kind: 'shared', plan: shared.plan }, problems };
    problems.push(`${shared.error} Your own plan is open as it was.`);
  }

  const currentId = library.currentId;
  const entries = library.list();
  const order = currentId === null ? entries.map((e) => e.id) : [currentId, ...entries.map((e) => e.id)];
  for (const id of new Set(order)) {
    const loaded = library.load(id);
    if (loaded.ok)
      return { choice: { kind: 'stored', id, plan: loaded.plan, view: library.loadView(id) }, problems };
    if (id === currentId) {
      const name = entries.find((e) => e.id === id)?.name || PLACEHOLDER_NAME;
      problems.push(
        `Your last plan "${name}" could not be opened and stays in the plan list as it is. ${loaded.error}`,
      );
    }
  }
  return { choice: { kind: 'example' }, problems };
}
