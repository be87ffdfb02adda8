import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPlanFile } from '../io/planFile';
import { READABLE, REFUSED } from '../io/textDecoding.fixtures';
import { loadPlan } from '../model/load';
import { readFileWithLimit } from './nodeIo';

describe('one decoder for the planner and the command line', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'decode-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const cases = { ...READABLE, ...Object.fromEntries(Object.entries(REFUSED).map(([k, [b]]) => [k, b])) };
  for (const [name, bytes] of Object.entries(cases)) {
    it(`gives the same result for ${name} in both`, async () => {
      const path = join(dir, 'plan.json');
      await writeFile(path, bytes);
      const cli = await readFileWithLimit(path, 5 * 1024 * 1024).then(
        (text) => loadPlan(text),
        (error: Error) => ({ ok: false as const, error: error.message }),
      );
      const browser = await readPlanFile(new Blob([bytes as BlobPart]));
      if (cli.ok) expect(browser).toEqual(cli);
      else {
        expect(browser.ok).toBe(false);
        if (!browser.ok) expect(browser.error).toBe(`The file cannot be imported: ${cli.error}`);
      }
      if (name in READABLE) expect(cli.ok && cli.plan.name).toBe('Brüssel ✓ 𝄞');
    });
  }
});
