import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface Example {
  id: string;
  title: string;
  file: string;
  /** The example's plan file on disk. */
  path: string;
  /** The name inside the plan file, which the planner shows once it is open. */
  planName: string;
}

const EXAMPLES = new URL('../public/examples/', import.meta.url);

/** The worked examples the Templates menu lists, from public/examples/index.json. */
export const examples: readonly Example[] = (
  JSON.parse(readFileSync(new URL('index.json', EXAMPLES), 'utf8')) as {
    id: string;
    title: string;
    file: string;
  }[]
).map((entry) => {
  const url = new URL(entry.file, EXAMPLES);
  const plan = JSON.parse(readFileSync(url, 'utf8')) as { name?: string };
  return { ...entry, path: fileURLToPath(url), planName: plan.name ?? '' };
});
