/**
 * Plan files (SPEC §2): "Import plan" reads one through the same validation as
 * every other way in (`loadPlan`); "Export plan" (`PLAN_FILE` in the exports
 * table) writes the document that `serializePlan` makes.
 */
import { fileSizeMessage, loadPlan } from '../model/load';
import type { LoadResult, Plan } from '../model/types';
import { PLAN_LIMITS } from '../model/types';
import { isolate } from './bidi';
import { decodePlanBytes } from './textDecoding';

/** What `readPlanFile` needs of a browser `File` (a `Blob` with a name). */
export type PlanFileInput = Blob & { readonly name?: string };

function refuse(file: PlanFileInput, problem: string): LoadResult {
  const name = typeof file.name === 'string' && file.name !== '' ? ` "${isolate(file.name)}"` : '';
  return { ok: false, error: `The file${name} cannot be imported: ${problem}` };
}

/**
 * The plan in a file the user chose. The size is checked before a byte is
 * read, so a 6 MB file is refused at once; the text then goes through
 * `loadPlan`. Never rejects: every problem is `{ ok: false, error }` naming
 * the file and the problem.
 */
export async function readPlanFile(file: PlanFileInput): Promise<LoadResult> {
  try {
    if (file.size > PLAN_LIMITS.fileBytes) return refuse(file, fileSizeMessage(file.size));
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await file.arrayBuffer());
    } catch (error) {
      const reason = error instanceof Error && error.message !== '' ? `: ${error.message}` : '';
      return refuse(file, `it could not be read${reason}`);
    }
    // The same decoding as the command line's (byte-order marks, UTF-16, a refusal of the rest).
    const decoded = decodePlanBytes(bytes);
    if (!decoded.ok) return refuse(file, decoded.error);
    const loaded = loadPlan(decoded.text);
    return loaded.ok ? loaded : refuse(file, loaded.error);
  } catch {
    return refuse(file, 'it could not be read');
  }
}

/**
 * A file name for the plan: its name in lower case, accents dropped, every run
 * of other characters a hyphen (`Contoso Benelux` → `contoso-benelux.plan.json`);
 * `plan.json` when nothing of the name is left.
 */
export function planFileName(plan: Pick<Plan, 'name'>): string {
  const stem = fileStem(plan.name);
  return stem === '' ? 'plan.json' : `${stem}.plan.json`;
}

/**
 * The part of a download's name that comes from the plan name: lower-case
 * letters and digits joined by dashes ("Contoso Benelux" → "contoso-benelux"),
 * at most 80 characters; empty when the name has none.
 */
export function fileStem(planName: string): string {
  return planName
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 80)
    .replace(/^-+|-+$/g, '');
}
