import { analyzePlan } from '../engine/analyze';
import { allFlowsRows, formatPorts, portMatrixRows } from '../engine/matrix';
import type { Analysis, Finding, Flow } from '../engine/types';
import { allFlowsCsv, escapeControlCharacters, portMatrixCsv } from '../io/csv';
import { loadPlan } from '../model/load';
import type { Plan } from '../model/types';
import { PLAN_LIMITS } from '../model/types';

/** What the command line needs from the outside world; tests pass fakes. */
export interface CliIo {
  /**
   * Reads a whole text file, refusing (with an Error) one larger than
   * `maxBytes` before reading it.
   */
  readFile(path: string, maxBytes: number): Promise<string>;
  stdout(text: string): void;
  stderr(text: string): void;
  /** True when standard output is a terminal: names then never carry control characters (SPEC §7). */
  stdoutIsTerminal?: boolean;
}

export const EXIT_OK = 0;
export const EXIT_ERROR_FINDING = 1;
export const EXIT_BAD_INPUT = 2;

export const MATRIX_USAGE = 'usage: npm run --silent matrix -- PLAN.json [--all] [--json]';

interface MatrixOptions {
  file: string;
  all: boolean;
  json: boolean;
}

type ParsedArgs =
  | { ok: true; options: MatrixOptions }
  | { ok: true; help: true }
  | { ok: false; error: string };

/** Reads the arguments; `--` ends the options so a file may start with a dash. */
export function parseMatrixArgs(argv: readonly string[]): ParsedArgs {
  let all = false;
  let json = false;
  const files: string[] = [];
  let optionsEnded = false;
  for (const arg of argv) {
    if (!optionsEnded && arg === '--') optionsEnded = true;
    else if (!optionsEnded && arg === '--all') all = true;
    else if (!optionsEnded && arg === '--json') json = true;
    else if (!optionsEnded && (arg === '--help' || arg === '-h')) return { ok: true, help: true };
    else if (!optionsEnded && arg.startsWith('-') && arg !== '-')
      return { ok: false, error: `unknown option ${arg}` };
    else files.push(arg);
  }
  const [file, extra] = files;
  if (file === undefined) return { ok: false, error: 'no plan file given' };
  if (extra !== undefined) return { ok: false, error: `only one plan file, got ${files.length}` };
  return { ok: true, options: { file, all, json } };
}

/**
 * One finding as one line: a control character in a name is written as
 * `\xHH`, so it can neither split the line nor drive a terminal.
 */
export function findingLine(finding: Finding): string {
  return `${finding.severity} ${finding.code} ${escapeControlCharacters(finding.message)}`;
}

/**
 * JSON for a terminal: JSON.stringify already escapes U+0000–U+001F; this
 * escapes U+007F–U+009F too (still valid JSON of the same value).
 */
export function terminalJson(text: string): string {
  return text.replace(/[\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The flows and findings as the `--json` output writes them. */
export function matrixJson(plan: Plan, analysis: Analysis) {
  const nodes = new Map(plan.nodes.map((n) => [n.id, n]));
  const sites = new Map(plan.sites.map((s) => [s.id, s.name]));
  const endpoint = (id: string) => {
    const node = nodes.get(id);
    const site = node?.type === 'server' ? (sites.get(node.site) ?? null) : null;
    const address = node && 'address' in node ? node.address : null;
    return { id, name: node?.name || id, address, site };
  };
  const firewallName = (id: string) => nodes.get(id)?.name || id;
  return {
    flows: analysis.flows.map((flow: Flow) => ({
      source: endpoint(flow.source),
      destination: endpoint(flow.destination),
      protocol: flow.protocol,
      port: formatPorts(flow.ports),
      service: flow.service,
      reason: flow.reason,
      firewalls: flow.firewalls.map(firewallName),
      crossings: flow.crossings.map((c) => ({
        firewall: firewallName(c.firewall),
        ingress: c.ingress,
        egress: c.egress,
      })),
      routed: flow.routed,
      status: flow.status,
    })),
    findings: analysis.findings.map((f) => ({
      severity: f.severity,
      code: f.code,
      message: f.message,
      kb: f.kb,
      subjects: f.subjects,
    })),
  };
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
 * or is not a valid plan.
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
  const { file, all, json } = args.options;

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

  const terminal = io.stdoutIsTerminal === true;
  if (json) {
    const text = JSON.stringify(matrixJson(plan, analysis), null, 2);
    io.stdout(`${terminal ? terminalJson(text) : text}\n`);
  } else if (all) io.stdout(allFlowsCsv(allFlowsRows(plan, analysis), { terminal }));
  else io.stdout(portMatrixCsv(portMatrixRows(plan, analysis), { terminal }));

  if (analysis.findings.length > 0) io.stderr(analysis.findings.map((f) => `${findingLine(f)}\n`).join(''));
  return analysis.findings.some((f) => f.severity === 'error') ? EXIT_ERROR_FINDING : EXIT_OK;
}
