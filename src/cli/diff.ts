/**
 * `npm run --silent diff -- OLD.json NEW.json [--json]` (SPEC §10). Runs
 * straight from the sources with tsx; no build step.
 */
import { nodeCliIo } from './nodeIo';
import { runDiffCli } from './runDiff';

// A reader that closes the pipe early (`| head`) is not a difference between the plans.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

runDiffCli(process.argv.slice(2), nodeCliIo).then(
  (status) => {
    // exitCode rather than exit(): lets a large CSV finish flushing to a pipe.
    process.exitCode = status;
  },
  (error: unknown) => {
    process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
