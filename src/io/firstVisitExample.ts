import { loadPlan } from '../model/load';
import type { LoadResult } from '../model/types';

/** The example a first visit opens: every KB 176466 scenario in one plan. */
export const FIRST_VISIT_EXAMPLE = 'examples/combined.json';

/**
 * The plan a first visit opens with: the combined example (not an empty
 * canvas), fetched from the app's own files. Goes through `loadPlan` like any
 * other plan file, and never throws: a failed fetch says why.
 */
export async function loadFirstVisitExample(fetchFile: typeof fetch = fetch): Promise<LoadResult> {
  const url = `${import.meta.env.BASE_URL}${FIRST_VISIT_EXAMPLE}`;
  try {
    const response = await fetchFile(url);
    if (!response.ok)
      return { ok: false, error: `could not open the example plan (HTTP ${response.status})` };
    return loadPlan(await response.text());
  } catch (error) {
    return {
      ok: false,
      error: `could not open the example plan: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}
