import { analysisLimited, analyzePlan } from '../engine/analyze';
import type { Finding } from '../engine/types';
import { PLAN_EXPORTS, type PlanExport, PORT_MATRIX_CSV } from '../io/exports';
import { escapeControlCharacters } from '../io/terminalText';
import { loadPlan } from '../model/load';
import { PLAN_LIMITS } from '../model/types';

/** What the command line needs from the outside world; tests pass fakes. */
export interface CliIo {
  /**
   * Reads a whole text file, refusing (with an Error) one larger than
   * `maxBytes` before reading it.
   */
  readFile(path: string, maxBytes: number): Promise<string>;
  /**
   * Writes to standard output; a promise when the reader has fallen behind
   * (a pipe), which resolves once it has caught up. A writer of many pieces
   * awaits it, so they never pile up in memory.
   */
  stdout(text: string): void | Promise<void>;
  stderr(text: string): void;
  /** True when standard output is a terminal: names then never carry control characters (SPEC §7). */
  stdoutIsTerminal?: boolean;
}

/** The `--json` export: flows and findings, which say what stopped a plan past the analysis limit. */
const FLOWS_JSON_ID = 'flows-json';

export const EXIT_OK = 0;
export const EXIT_ERROR_FINDING = 1;
export const EXIT_BAD_INPUT = 2;

/** The exports the command line writes on request, each by its option (`--all`, `--json`). */
const OPTIONAL_EXPORTS = PLAN_EXPORTS.filter((format) => format.cliOption !== undefined);

export const MATRIX_USAGE = `usage: npm run --silent matrix -- PLAN.json ${OPTIONAL_EXPORTS.map((f) => `[${f.cliOption}]`).join(' ')}`;

interface MatrixOptions {
  file: string;
  /** What to write: the port matrix CSV unless an option asks for another export. */
  format: PlanExport;
}

type ParsedArgs =
  | { ok: true; options: MatrixOptions }
  | { ok: true; help: true }
  | { ok: false; error: string };

/**
 * Reads the arguments; `--` ends the options so a file may start with a dash.
 * Of several export options the one later in the table wins (`--json` over
 * `--all`).
 */
export function parseMatrixArgs(argv: readonly string[]): ParsedArgs {
  const chosen = new Set<PlanExport>();
  const files: string[] = [];
  let optionsEnded = false;
  for (const arg of argv) {
    const format = optionsEnded ? undefined : OPTIONAL_EXPORTS.find((f) => f.cliOption === arg);
    if (!optionsEnded && arg === '--') optionsEnded = true;
    else if (format) chosen.add(format);
    else if (!optionsEnded && (arg === '--help' || arg === '-h')) return { ok: true, help: true };
    else if (!optionsEnded && arg.startsWith('-') && arg !== '-')
      return { ok: false, error: `unknown option ${arg}` };
    else files.push(arg);
  }
  const [file, extra] = files;
  if (file === undefined) return { ok: false, error: 'no plan file given' };
  if (extra !== undefined) return { ok: false, error: `only one plan file, got ${files.length}` };
  const format = OPTIONAL_EXPORTS.findLast((f) => chosen.has(f)) ?? PORT_MATRIX_CSV;
  return { ok: true, options: { file, format } };
}

/**
 * One finding as one line: a control character in a name is written as
 * `\xHH`, so it can neither split the line nor drive a terminal.
 */
export function findingLine(finding: Finding): string {
  return `${finding.severity} ${finding.code} ${escapeControlCharacters(finding.message)}`;
}

function describeReadError(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

/**
 * The `matrix` command (SPEC §7): reads a plan file and writes the port matrix
 * CSV, the all-flows CSV (`--all`) or flows and findings as JSON (`--json`) to
 * stdout, one line per finding to stderr. Resolves to the exit status: 0 with
 * no error finding, 1 with one, 2 for bad usage or a file that cannot be read
 * or is not a valid plan. A plan past the analysis limit (ANALYSIS_LIMIT) has
 * no matrix: no CSV is written (the JSON still is), and the status is 1.
 */
export async function runMatrixCli(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseMatrixArgs(argv);
  if (!args.ok) {
    io.stderr(`error: ${args.error}\n${MATRIX_USAGE}\n`);
    return EXIT_BAD_INPUT;
  }
  if ('help' in args) {
    io.stdout(`${MATRIX_USAGE}\n`);
    return EXIT_OK;
  }
  const { file, format } = args.options;

  let text: string;
  try {
    text = await io.readFile(file, PLAN_LIMITS.fileBytes);
  } catch (error) {
    io.stderr(`error: cannot read ${file}: ${describeReadError(error)}\n`);
    return EXIT_BAD_INPUT;
  }
  const loaded = loadPlan(text);
  if (!loaded.ok) {
    io.stderr(`error: ${loaded.error}\n`);
    return EXIT_BAD_INPUT;
  }
  const plan = loaded.plan;
  const analysis = analyzePlan(plan);

  // A plan past the analysis limit has no matrix: an empty CSV would read as "no port to open".
  // The JSON still carries the finding.
  const limited = analysisLimited(analysis);
  if (limited && format.id !== FLOWS_JSON_ID) {
    io.stderr(
      'error: the plan is too large to analyse (ANALYSIS_LIMIT), so there is no port matrix to write\n',
    );
  } else {
    // Bytes to a file or a pipe are the export exactly; a terminal sees no control characters (SPEC §7).
    // A format made in pieces is written piece by piece, so a large matrix is never held whole.
    const input = { plan, analysis, terminal: io.stdoutIsTerminal === true };
    for (const chunk of format.chunks?.(input) ?? [format.render(input)]) await io.stdout(chunk);
  }

  if (analysis.findings.length > 0) io.stderr(analysis.findings.map((f) => `${findingLine(f)}\n`).join(''));
  return analysis.findings.some((f) => f.severity === 'error') ? EXIT_ERROR_FINDING : EXIT_OK;
}
