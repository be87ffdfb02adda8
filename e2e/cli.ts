import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The project root: the command line runs from there, as `npm run matrix` does. */
export const ROOT = fileURLToPath(new URL('..', import.meta.url));

export interface CliResult {
  status: number | null;
  stdout: Buffer;
  stderr: string;
}

/**
 * Runs the command line (SPEC §7) on a plan file, as
 * `npm run --silent matrix -- PLAN.json [--all]` would, and keeps its
 * standard output as bytes for a byte-for-byte comparison.
 */
export function runMatrix(planFile: string, options: { all?: boolean } = {}): Promise<CliResult> {
  const args = ['src/cli/matrix.ts', planFile, ...(options.all ? ['--all'] : [])];
  return new Promise((resolve, reject) => {
    const child = spawn(`${ROOT}node_modules/.bin/tsx`, args, { cwd: ROOT });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (status) =>
      resolve({ status, stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString('utf8') }),
    );
  });
}

/** Runs the command line and insists it read the plan (status 0, or 1 when the plan has an error finding). */
export async function cliCsv(planFile: string, options: { all?: boolean } = {}): Promise<Buffer> {
  const result = await runMatrix(planFile, options);
  if (result.status !== 0 && result.status !== 1) {
    throw new Error(`matrix ${planFile} exited with ${result.status}: ${result.stderr}`);
  }
  return result.stdout;
}

/**
 * Runs the rules command (SPEC §9) on a plan file, as
 * `npm run --silent rules -- PLAN.json ARGS…` would, and insists it read the
 * plan (status 0, or 1 when the plan has an error finding).
 */
export async function cliRules(planFile: string, args: readonly string[]): Promise<Buffer> {
  const result = await runTsx(['src/cli/rules.ts', planFile, ...args]);
  if (result.status !== 0 && result.status !== 1) {
    throw new Error(`rules ${planFile} ${args.join(' ')} exited with ${result.status}: ${result.stderr}`);
  }
  return result.stdout;
}

/** Runs `npm run --silent diff -- OLD NEW [OPTIONS]` (SPEC §10) and keeps its standard output as bytes. */
export function runDiff(oldFile: string, newFile: string, ...options: string[]): Promise<CliResult> {
  return runTsx(['src/cli/diff.ts', oldFile, newFile, ...options]);
}

/** Runs one of the command-line entry points from the sources and keeps what it wrote. */
function runTsx(args: readonly string[]): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(`${ROOT}node_modules/.bin/tsx`, [...args], { cwd: ROOT });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (status) =>
      resolve({ status, stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString('utf8') }),
    );
  });
}
