import { join } from 'node:path';
import { analysisLimited, analyzePlan } from '../engine/analyze';
import { escapeControlCharacters } from '../io/terminalText';
import { loadPlan } from '../model/load';
import { PLAN_LIMITS } from '../model/types';
import { filesAsText, RULE_FORMATS, ruleFormat, ruleSetOf } from '../rules/formats';
import type { CliIo } from './runMatrix';
import { EXIT_BAD_INPUT, EXIT_ERROR_FINDING, EXIT_OK, findingLine } from './runMatrix';

/** What the rules command needs besides the matrix command's input and output: writing files. */
export interface RulesIo extends CliIo {
  /** Writes a file, creating its directories. */
  writeFile(path: string, content: string): Promise<void>;
}

export const RULES_USAGE = `usage: npm run --silent rules -- PLAN.json --format FORMAT [--firewall NAME] [--out DIR]
formats: ${RULE_FORMATS.map((f) => f.id).join(', ')}`;

interface RulesOptions {
  file: string;
  format: string;
  firewall: string | null;
  out: string | null;
}

type ParsedArgs =
  | { ok: true; options: RulesOptions }
  | { ok: true; help: true }
  | { ok: false; error: string };

const VALUE_OPTIONS = ['--format', '--firewall', '--out'] as const;

/** Reads the arguments; `--` ends the options so a file may start with a dash; `--opt=value` works too. */
export function parseRulesArgs(argv: readonly string[]): ParsedArgs {
  const values = new Map<string, string>();
  const files: string[] = [];
  let optionsEnded = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (optionsEnded) files.push(arg);
    else if (arg === '--') optionsEnded = true;
    else if (arg === '--help' || arg === '-h') return { ok: true, help: true };
    else if (arg.startsWith('-') && arg !== '-') {
      const [name, inline] = arg.includes('=')
        ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
        : [arg, undefined];
      if (!(VALUE_OPTIONS as readonly string[]).includes(name))
        return { ok: false, error: `unknown option ${escapeControlCharacters(arg)}` };
      const value = inline ?? argv[++i];
      if (value === undefined || value === '') return { ok: false, error: `${name} needs a value` };
      if (values.has(name)) return { ok: false, error: `${name} given twice` };
      values.set(name, value);
    } else files.push(arg);
  }
  const [file, extra] = files;
  if (file === undefined) return { ok: false, error: 'no plan file given' };
  if (extra !== undefined) return { ok: false, error: `only one plan file, got ${files.length}` };
  const format = values.get('--format');
  if (format === undefined) return { ok: false, error: `--format is required (one of ${knownFormats()})` };
  return {
    ok: true,
    options: { file, format, firewall: values.get('--firewall') ?? null, out: values.get('--out') ?? null },
  };
}

function knownFormats(): string {
  return RULE_FORMATS.map((f) => f.id).join(', ');
}

/**
 * The `rules` command (SPEC §9): the firewall rules of a plan in one format,
 * of one firewall to stdout or of every firewall (or the one named) as files
 * under `--out`. Findings go to stderr as the matrix command writes them.
 * Resolves to the exit status of SPEC §7.
 */
export async function runRulesCli(argv: readonly string[], io: RulesIo): Promise<number> {
  const args = parseRulesArgs(argv);
  if (!args.ok) {
    io.stderr(`error: ${args.error}\n${RULES_USAGE}\n`);
    return EXIT_BAD_INPUT;
  }
  if ('help' in args) {
    io.stdout(`${RULES_USAGE}\n`);
    return EXIT_OK;
  }
  const { file, format: formatId, firewall, out } = args.options;
  const format = ruleFormat(formatId);
  if (!format) {
    io.stderr(
      `error: unknown format ${escapeControlCharacters(formatId)}; the formats are ${knownFormats()}\n`,
    );
    return EXIT_BAD_INPUT;
  }
  let text: string;
  try {
    text = await io.readFile(file, PLAN_LIMITS.fileBytes);
  } catch (error) {
    io.stderr(
      `error: cannot read ${escapeControlCharacters(file)}: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return EXIT_BAD_INPUT;
  }
  const loaded = loadPlan(text);
  if (!loaded.ok) {
    io.stderr(`error: ${loaded.error}\n`);
    return EXIT_BAD_INPUT;
  }
  const plan = loaded.plan;
  const analysis = analyzePlan(plan);
  if (analysisLimited(analysis)) {
    io.stderr(
      `error: the plan is too large to analyse (ANALYSIS_LIMIT), so there are no firewall rules to write\n${analysis.findings.map((f) => `${findingLine(f)}\n`).join('')}`,
    );
    return EXIT_ERROR_FINDING;
  }
  const set = ruleSetOf(plan, analysis);
  const names = set.firewalls.map((f) => escapeControlCharacters(f.firewall.name));
  let only: Set<string> | undefined;
  if (firewall !== null) {
    const matches = set.firewalls.filter((f) => f.firewall.name === firewall || f.firewall.id === firewall);
    if (matches.length === 0) {
      const list = names.length ? names.join(', ') : 'none: the plan has no firewall';
      io.stderr(`error: no firewall named ${escapeControlCharacters(firewall)}; the firewalls are ${list}\n`);
      return EXIT_BAD_INPUT;
    }
    if (matches.length > 1) {
      const ids = matches.map((f) => f.firewall.id).join(', ');
      io.stderr(
        `error: ${matches.length} firewalls are named ${escapeControlCharacters(firewall)}; give one id instead: ${ids}\n`,
      );
      return EXIT_BAD_INPUT;
    }
    only = new Set(matches.map((f) => f.firewall.id));
  } else if (out === null) {
    if (set.firewalls.length === 0) {
      io.stderr('error: the plan has no firewall, so there are no rules to write\n');
      return EXIT_BAD_INPUT;
    }
    if (set.firewalls.length > 1) {
      io.stderr(
        `error: the plan has ${set.firewalls.length} firewalls; name one with --firewall, or write them all with --out DIR. The firewalls are ${names.join(', ')}\n`,
      );
      return EXIT_BAD_INPUT;
    }
  }
  const files = format.files(set, only);
  if (out === null) {
    const content = filesAsText(files);
    // Line breaks are the format's own; any other control character is shown, never sent to a terminal.
    io.stdout(io.stdoutIsTerminal ? content.split('\n').map(escapeControlCharacters).join('\n') : content);
  } else {
    try {
      for (const f of files) await io.writeFile(join(out, f.path), f.content);
    } catch (error) {
      io.stderr(
        `error: cannot write under ${escapeControlCharacters(out)}: ${error instanceof Error ? error.message : String(error)}\n`,
      );
      return EXIT_BAD_INPUT;
    }
    io.stderr(files.map((f) => `wrote ${escapeControlCharacters(join(out, f.path))}\n`).join(''));
  }
  if (analysis.findings.length > 0) io.stderr(analysis.findings.map((f) => `${findingLine(f)}\n`).join(''));
  return analysis.findings.some((f) => f.severity === 'error') ? EXIT_ERROR_FINDING : EXIT_OK;
}
