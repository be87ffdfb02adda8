import { comparePlans, matricesEqual } from '../compare/comparePlans';
import type { AnalysedPlan, ChangedFinding, ChangedRow, PlanComparison } from '../compare/types';
import { analysisLimited, analyzePlan } from '../engine/analyze';
import { changeCsv } from '../io/changeCsv';
import { escapeControlCharacters, escapeJsonForTerminal } from '../io/terminalText';
import { loadPlan } from '../model/load';
import { PLAN_LIMITS } from '../model/types';
import { changeRequestFiles, filesAsText, RULE_FORMATS, ruleFormat, ruleSetOf } from '../rules/formats';
import { type CliIo, EXIT_BAD_INPUT, EXIT_OK, findingLine } from './runMatrix';

/** Exit status when the two port matrices differ: a change the firewall team must review (SPEC §10). */
export const EXIT_MATRICES_DIFFER = 1;

export const DIFF_USAGE = `usage: npm run --silent diff -- OLD.json NEW.json [--json | --format FORMAT]
--format writes the change request in that firewall format instead of the CSV: ${RULE_FORMATS.map((f) => f.id).join(', ')}`;

type ParsedArgs =
  | { ok: true; options: { before: string; after: string; json: boolean; format: string | null } }
  | { ok: true; help: true }
  | { ok: false; error: string };

/** Reads the arguments; `--` ends the options so a file may start with a dash. */
export function parseDiffArgs(argv: readonly string[]): ParsedArgs {
  let json = false;
  let format: string | null = null;
  const files: string[] = [];
  let optionsEnded = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (!optionsEnded && arg === '--') optionsEnded = true;
    else if (!optionsEnded && arg === '--json') json = true;
    else if (!optionsEnded && (arg === '--format' || arg.startsWith('--format='))) {
      const value = arg === '--format' ? argv[++i] : arg.slice('--format='.length);
      if (value === undefined || value === '') return { ok: false, error: '--format needs a value' };
      if (format !== null) return { ok: false, error: '--format given twice' };
      if (!ruleFormat(value))
        return {
          ok: false,
          error: `unknown format ${escapeControlCharacters(value)} (one of ${RULE_FORMATS.map((f) => f.id).join(', ')})`,
        };
      format = value;
    } else if (!optionsEnded && (arg === '--help' || arg === '-h')) return { ok: true, help: true };
    else if (!optionsEnded && arg.startsWith('-') && arg !== '-')
      return { ok: false, error: `unknown option ${escapeControlCharacters(arg)}` };
    else files.push(arg);
  }
  const [before, after] = files;
  if (before === undefined || after === undefined || files.length > 2)
    return { ok: false, error: `two plan files, old and new, got ${files.length}` };
  if (json && format !== null) return { ok: false, error: '--json and --format cannot be used together' };
  return { ok: true, options: { before, after, json, format } };
}

/** One finding that appeared (`+`) or went away (`-`) as one line; names never carry control characters. */
export function findingChangeLine(change: ChangedFinding): string {
  return `${change.change === 'appeared' ? '+' : '-'} ${findingLine(change.finding)}`;
}

function endpointJson(id: string, name: string, address: string, site: string) {
  return { id, name, address: address === '' ? null : address, site: site === '' ? null : site };
}

function rowJson(r: ChangedRow) {
  const { row } = r;
  return {
    change: r.change,
    firewall: { id: r.firewallId, name: row.firewall },
    source: endpointJson(r.sourceId, row.source, row.sourceAddress, row.sourceSite),
    destination: endpointJson(r.destinationId, row.destination, row.destinationAddress, row.destinationSite),
    protocol: row.protocol,
    port: row.port,
    service: row.service,
    reason: row.reason,
  };
}

function findingJson(f: ChangedFinding) {
  const { severity, code, message, kb, subjects } = f.finding;
  return {
    change: f.change,
    severity,
    code,
    message,
    kb,
    subjects,
    ...(f.rpc === undefined ? {} : { rpc: f.rpc }),
  };
}

/**
 * The whole comparison as the `--json` output writes it: rows with the ids and
 * names of their firewall and endpoints, findings, and the objects changed,
 * each with the indexes of the rows (in `rows.removed` and `rows.added`) it
 * took part in.
 */
export function comparisonJson(comparison: PlanComparison) {
  return {
    matricesEqual: matricesEqual(comparison),
    rows: { removed: comparison.rows.removed.map(rowJson), added: comparison.rows.added.map(rowJson) },
    findings: {
      wentAway: comparison.findings.wentAway.map(findingJson),
      appeared: comparison.findings.appeared.map(findingJson),
    },
    objects: comparison.objects,
  };
}

/** Reads and loads one plan file; on failure, a message that names the file (and the path inside it). */
async function readPlan(
  file: string,
  io: CliIo,
): Promise<{ ok: true; plan: AnalysedPlan } | { ok: false; error: string }> {
  const shown = escapeControlCharacters(file);
  let text: string;
  try {
    text = await io.readFile(file, PLAN_LIMITS.fileBytes);
  } catch (error) {
    return {
      ok: false,
      error: `cannot read ${shown}: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
  const loaded = loadPlan(text);
  if (!loaded.ok) return { ok: false, error: `${shown}: ${escapeControlCharacters(loaded.error)}` };
  return { ok: true, plan: { plan: loaded.plan, analysis: analyzePlan(loaded.plan) } };
}

/**
 * The `diff` command (SPEC §10): compares an old and a new plan file and writes
 * the change CSV (or, with `--json`, the whole comparison; with `--format F`,
 * the change request in firewall format F) to stdout, one line
 * per finding that went away (`- `) or appeared (`+ `) to stderr. Resolves to
 * the exit status: 0 when both plans ask the firewalls for the same rules, 1
 * when they differ, 2 for bad usage, a file that cannot be read or is not a
 * valid plan, or a plan too large to analyse (ANALYSIS_LIMIT: no matrix). A build can fail on status 1 to stop a change that opens ports
 * nobody reviewed.
 */
export async function runDiffCli(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseDiffArgs(argv);
  if (!args.ok) {
    io.stderr(`error: ${args.error}\n${DIFF_USAGE}\n`);
    return EXIT_BAD_INPUT;
  }
  if ('help' in args) {
    io.stdout(`${DIFF_USAGE}\n`);
    return EXIT_OK;
  }
  const { before, after, json, format } = args.options;
  const [oldPlan, newPlan] = await Promise.all([readPlan(before, io), readPlan(after, io)]);
  if (!oldPlan.ok || !newPlan.ok) {
    for (const loaded of [oldPlan, newPlan]) if (!loaded.ok) io.stderr(`error: ${loaded.error}\n`);
    return EXIT_BAD_INPUT;
  }
  // A plan past the analysis limit has no matrix to compare: an empty side would read as every row added or removed.
  const limited = [
    { file: before, loaded: oldPlan.plan },
    { file: after, loaded: newPlan.plan },
  ].filter(({ loaded }) => analysisLimited(loaded.analysis));
  if (limited.length > 0) {
    for (const { file, loaded } of limited) {
      io.stderr(
        `error: ${escapeControlCharacters(file)} is too large to analyse (ANALYSIS_LIMIT), so it has no port matrix to compare\n${loaded.analysis.findings.map((f) => `${findingLine(f)}\n`).join('')}`,
      );
    }
    return EXIT_BAD_INPUT;
  }
  const comparison = comparePlans(oldPlan.plan, newPlan.plan);

  const terminal = io.stdoutIsTerminal === true;
  if (json) {
    const text = JSON.stringify(comparisonJson(comparison), null, 2);
    io.stdout(`${terminal ? escapeJsonForTerminal(text) : text}\n`);
  } else if (format !== null) {
    // The rules to close and open on each firewall, in that format (docs/review.md); nothing when none change.
    const rules = ruleFormat(format);
    if (rules) {
      const content = filesAsText(
        changeRequestFiles(
          rules,
          ruleSetOf(oldPlan.plan.plan, oldPlan.plan.analysis),
          ruleSetOf(newPlan.plan.plan, newPlan.plan.analysis),
        ),
      );
      io.stdout(terminal ? content.split('\n').map(escapeControlCharacters).join('\n') : content);
    }
  } else io.stdout(changeCsv(comparison.rows, { terminal }));

  const lines = [...comparison.findings.wentAway, ...comparison.findings.appeared].map(findingChangeLine);
  if (lines.length > 0) io.stderr(lines.map((l) => `${l}\n`).join(''));
  return matricesEqual(comparison) ? EXIT_OK : EXIT_MATRICES_DIFFER;
}
