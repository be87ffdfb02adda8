/**
 * Plan files (SPEC §2): "Import plan" reads one through the same validation as
 * every other way in (`loadPlan`); "Export plan" writes the document that
 * `serializePlan` makes.
 */
import { loadPlan } from '../model/load';
import { formatCount } from '../model/schema';
import { serializePlan } from '../model/serialize';
import type { LoadResult, Plan } from '../model/types';
import { PLAN_LIMITS } from '../model/types';

/** What `readPlanFile` needs of a browser `File` (a `Blob` with a name). */
export type PlanFileInput = Blob & { readonly name?: string };

const MIB = 1024 * 1024;

/**
 * The size refusal, worded as `loadPlan` words it for a text of that many
 * bytes, so a file refused before reading reads the same as one refused after.
 */
export function fileSizeMessage(bytes: number): string {
  const limitMb = PLAN_LIMITS.fileBytes / MIB;
  const shown = (bytes / MIB).toFixed(1);
  if (Number(shown) > limitMb) return `the plan file is ${shown} MB; the limit is ${limitMb} MB`;
  return `the plan file is ${formatCount(bytes)} bytes; the limit is ${limitMb} MB (${formatCount(PLAN_LIMITS.fileBytes)} bytes)`;
}

function refuse(file: PlanFileInput, problem: string): LoadResult {
  const name = typeof file.name === 'string' && file.name !== '' ? ` "${file.name}"` : '';
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
    let text: string;
    try {
      text = await file.text();
    } catch (error) {
      const reason = error instanceof Error && error.message !== '' ? `: ${error.message}` : '';
      return refuse(file, `it could not be read${reason}`);
    }
    const loaded = loadPlan(text);
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
  const slug = plan.name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 80)
    .replace(/^-+|-+$/g, '');
  return slug === '' ? 'plan.json' : `${slug}.plan.json`;
}

/** The plan file to download: the serialized plan as `application/json`. */
export function planFileBlob(plan: Plan): Blob {
  return new Blob([serializePlan(plan)], { type: 'application/json' });
}
