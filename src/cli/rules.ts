/**
 * `npm run --silent rules -- PLAN.json --format FORMAT [--firewall NAME] [--out DIR]`
 * (SPEC §9). Runs straight from the sources with tsx; no build step.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { nodeCliIo } from './nodeIo';
import { runRulesCli } from './runRules';

process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

runRulesCli(process.argv.slice(2), {
  ...nodeCliIo,
  writeFile: async (path, content) => {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, content);
  },
}).then(
  (status) => {
    process.exitCode = status;
  },
  (error: unknown) => {
    process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
