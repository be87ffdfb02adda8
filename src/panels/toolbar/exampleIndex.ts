/** One entry of public/examples/index.json. */
export interface ExampleEntry {
  id: string;
  title: string;
  description: string;
  file: string;
}

const SAFE_FILE = /^[A-Za-z0-9_.-]+\.json$/;

/**
 * Reads the examples index, keeping only well-formed entries whose file is a
 * plain name in the same folder (never a path or another site's URL).
 */
export function readExampleIndex(json: unknown): ExampleEntry[] {
  if (!Array.isArray(json)) return [];
  const entries: ExampleEntry[] = [];
  for (const item of json) {
    if (typeof item !== 'object' || item === null) continue;
    const { id, title, description, file } = item as Record<string, unknown>;
    if (typeof id !== 'string' || typeof title !== 'string' || typeof file !== 'string') continue;
    if (!SAFE_FILE.test(file) || file.startsWith('.')) continue;
    entries.push({ id, title, description: typeof description === 'string' ? description : '', file });
  }
  return entries;
}
