/**
 * The design review actions: comparing the open plan with another version
 * (a plan of the list, a plan file, a share link, the review baseline),
 * marking the open plan reviewed, and taking over a reviewer's notes.
 */

import { type PlanFileInput, readPlanFile } from '../io/planFile';
import { createPlanLibrary } from '../io/planLibrary';
import { browserStorage } from '../io/planLibraryStorage';
import { decodeSharedReview } from '../io/shareLink';
import { UNTITLED_PLAN_NAME } from '../model/defaults';
import type { Plan } from '../model/types';
import { baselineLabel, type ComparedSource, reviewDateText } from './reviewSlice';
import { usePlanner } from './store';

export { reviewDateText };

function compareWith(plan: Plan, source: ComparedSource, label: string): void {
  const store = usePlanner.getState();
  store.startCompare({ plan, source, label });
  store.notify({
    kind: 'info',
    text: `Comparing with ${label}. Stop comparing (or Escape) shows the plan alone.`,
  });
}

/** Compares with the open plan's review baseline; says so when it has none. */
export function compareWithBaseline(): boolean {
  const { baseline, notify } = usePlanner.getState();
  if (!baseline) {
    notify({
      kind: 'error',
      text: 'This plan has not been marked as reviewed yet, so there is nothing to compare it with.',
    });
    return false;
  }
  compareWith(baseline.plan, 'baseline', baselineLabel(baseline.reviewedAt));
  return true;
}

/** Compares with a plan of the plan list. */
export function compareWithStored(id: string): boolean {
  const loaded = createPlanLibrary(browserStorage()).load(id);
  if (!loaded.ok) {
    usePlanner.getState().notify({ kind: 'error', text: loaded.error });
    return false;
  }
  compareWith(loaded.plan, 'library', `"${loaded.plan.name || UNTITLED_PLAN_NAME}"`);
  return true;
}

/** Compares with a plan file, validated as an imported one is; a refused file changes nothing. */
export async function compareWithFile(file: PlanFileInput): Promise<boolean> {
  const loaded = await readPlanFile(file);
  if (!loaded.ok) {
    usePlanner.getState().notify({ kind: 'error', text: loaded.error });
    return false;
  }
  compareWith(loaded.plan, 'file', file.name ? `the file ${file.name}` : 'the plan file');
  return true;
}

/** Compares with the plan of a pasted share link; says why a link is refused. */
export function compareWithLink(link: string): string | null {
  const shared = decodeSharedReview(link);
  if (!shared.ok) return shared.error;
  compareWith(shared.plan, 'link', `the shared plan "${shared.plan.name || UNTITLED_PLAN_NAME}"`);
  return null;
}

/**
 * Keeps the open plan as it is now as its review baseline, dated now, beside
 * it in the plan list; "Changes since review" compares with it.
 */
export function markReviewed(now: number = Date.now()): void {
  const { plan, openPlanId, setBaseline, notify } = usePlanner.getState();
  const baseline = { plan, reviewedAt: now };
  // Kept in memory even when storage refuses it, so this visit can still compare.
  setBaseline(baseline);
  const saved = openPlanId ? createPlanLibrary(browserStorage()).saveBaseline(openPlanId, baseline) : null;
  if (saved && !saved.ok) {
    notify({ kind: 'error', text: `Marked as reviewed for this visit only: ${saved.message}` });
    return;
  }
  notify({
    kind: 'info',
    text: `Marked as reviewed on ${reviewDateText(now)}. Changes since review compares with it.`,
  });
}

/** Takes over the notes of the compared plan (a reviewer's copy) into the open plan, as one undo step. */
export function takeOverComparedNotes(): void {
  const { compared, takeOverNotes, notify } = usePlanner.getState();
  if (!compared) return;
  const { added, updated, skipped } = takeOverNotes(compared.plan);
  const parts = [`${added} new`, `${updated} updated`];
  const left = skipped > 0 ? ` ${skipped} about objects this plan does not have were left out.` : '';
  notify({
    kind: 'info',
    text:
      added + updated === 0
        ? `No notes to take over: this plan has every note of ${compared.label}.${left}`
        : `Took over the notes of ${compared.label}: ${parts.join(', ')}.${left} Undo takes them back.`,
  });
}
