/**
 * `npm run --silent matrix -- PLAN.json [--all] [--json]` (SPEC §7). Runs
 * straight from the sources with tsx; no build step.
 */
import { nodeCliIo } from './nodeIo';
import { runMatrixCli } from './runMatrix';

// A reader that closes the pipe early (`| head`) is not an error of the plan.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

runMatrixCli(process.argv.slice(2), nodeCliIo).then(
  (status) => {
    // exitCode rather than exit(): lets a large CSV finish flushing to a pipe.
    process.exitCode = status;
  },
  (error: unknown) => {
    process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
