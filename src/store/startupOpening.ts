/**
 * What opens when the page loads: a share link's plan first; else the plan
 * `chooseStartupPlan` picks from the list; else, on a first visit, the worked
 * example as a new entry.
 */
import { isShareFragment } from '../io/shareLink';
import { isEmptyPlan } from '../model/defaults';
import type { LoadResult } from '../model/types';
import { notifyError } from './libraryReport';
import { openNewPlan, type PersistenceContext, showPlan } from './planOpening';
import { openSharedPlan } from './shareLinkOpening';
import { chooseStartupPlan } from './startupPlan';

/** What opened at startup: a share link's plan, a stored plan, or the first-visit example. */
export type OpenedAtStartup = 'shared' | 'stored' | 'example';

/** Opens the startup plan and says which opened; every refusal on the way is reported in one notice. */
export async function openAtStartup(
  context: PersistenceContext,
  hash: string,
  loadExample: () => Promise<LoadResult>,
): Promise<OpenedAtStartup> {
  const { library, store } = context;
  // A share link comes first; a refused one is reported and the person's own plan opens as if there were none.
  const problems: string[] = [];
  if (isShareFragment(hash)) {
    const refusal = openSharedPlan(context, hash);
    if (refusal === null) return 'shared';
    problems.push(refusal);
  }
  const { choice, problems: unopened } = chooseStartupPlan(library);
  problems.push(...unopened);
  if (problems.length > 0) notifyError(store, problems.join(' '));
  if (choice.kind === 'stored') showPlan(context, choice.id, choice.plan, true, choice.view ?? 'fit');
  else {
    const example = await loadExample();
    // The person may have started drawing while the example loaded: that drawing is kept.
    if (!isEmptyPlan(store.getState().plan)) return choice.kind;
    if (example.ok) openNewPlan(context, example.plan);
    else notifyError(store, example.error);
  }
  return choice.kind;
}
