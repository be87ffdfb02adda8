/**
 * Every file the planner exports, as one table: the Export menu, the port
 * matrix panel's download buttons and the command line all read it, so a new
 * format (firewall rules for a given product, a change request) is one entry
 * here and shows up in each place its entry asks for.
 *
 * The diagram pictures are entries of the same shape, added by the app: they
 * are drawn from the canvas, which this layer does not know.
 */
import { strToU8, zipSync } from 'fflate';
import { ANALYSIS_LIMIT, analysisLimited } from '../engine/analyze';
import { allFlowsRows, eachPortMatrixRow, portMatrixRows } from '../engine/matrix';
import type { Analysis } from '../engine/types';
import { serializePlan } from '../model/serialize';
import type { Plan } from '../model/types';
import { type RuleFormat, ruleSetOf } from '../rules/formats';
import type { GeneratedFile } from '../rules/platform';
import { allFlowsCsv, matrixCsvChunks, portMatrixCsv } from './csv';
import { flowsJson } from './flowsJson';
import { fileStem, planFileName } from './planFile';
import { escapeJsonForTerminal } from './terminalText';

/**
 * Why `format` cannot be made from `input`, naming the limit, or null when
 * it can: an export made from the flows of a plan past the analysis limit
 * (ANALYSIS_LIMIT), which has no port matrix and no flows (SPEC §4).
 */
export function exportRefusal(format: ExportFormat, input: ExportInput): string | null {
  if (!format.needsFlows || !analysisLimited(input.analysis)) return null;
  return `No ${format.label} for this plan: it needs more than ${ANALYSIS_LIMIT.toLocaleString('en-US')} firewall crossings, the most the planner analyses, so it has no port matrix and no flows to write (ANALYSIS_LIMIT, under Findings, names the flows that cause it). Give each flow one way through the firewalls, then export again.`;
}

/** What every export is made from: the plan and the engine's analysis of that same plan. */
export interface ExportInput {
  readonly plan: Plan;
  readonly analysis: Analysis;
  /**
   * The text goes to a terminal: names then carry no control characters
   * (SPEC §7), each written visibly instead. Files, pipes and downloads get
   * the exact text.
   */
  readonly terminal?: boolean;
}

/** A file's content: text (saved as UTF-8 with no byte order mark) or bytes. */
export type ExportContent = string | Blob;

/**
 * What `render` gives: the content at once, or later (a picture takes a
 * while to draw) and then null when there is nothing to export.
 */
export type ExportRendering = ExportContent | Promise<ExportContent | null>;

/** One row of the exports table. */
export interface ExportFormat<Rendering extends ExportRendering = ExportRendering> {
  /** Stable and unique: `port-matrix`, `plan`, `png`. */
  readonly id: string;
  /** What the file is, as buttons name it after "Export " or "Download ": `port matrix CSV`. */
  readonly label: string;
  /** One line saying what it is for, under the label in the Export menu. */
  readonly description: string;
  /** What was exported, as a notice names it: "Exported the port matrix as …". */
  readonly subject: string;
  readonly mimeType: string;
  /** The name the file is saved under, from the plan's name. */
  fileName(plan: Pick<Plan, 'name'>): string;
  render(input: ExportInput): Rendering;
  /**
   * The text of `render` in pieces that join to it exactly, made as they are
   * asked for, for a writer that passes each on at once (the command line):
   * a large port matrix is then never held whole. Absent for a format
   * written in one piece.
   */
  chunks?(input: ExportInput): Iterable<string>;
  /** Offered in the toolbar's Export menu. */
  readonly inMenu: boolean;
  /** Offered as a download button above the port matrix. */
  readonly besideMatrix: boolean;
  /** The command-line option that writes it to standard output; absent when the command line does not. */
  readonly cliOption?: `--${string}`;
  /** Said while a slow rendering runs. */
  readonly workingText?: string;
  /** Said instead of saving when the rendering is null. */
  readonly emptyText?: string;
  /**
   * Made from the flows: a plan past the analysis limit has none (SPEC §4),
   * so it is refused rather than written as a header alone, which would read
   * as "no port to open".
   */
  readonly needsFlows?: boolean;
}

/** An export made as text, at once, from the plan and its analysis: what the command line can write. */
export type PlanExport = ExportFormat<string>;

/**
 * A download's file name from the plan name and what it holds
 * ("Contoso Benelux" → "contoso-benelux-port-matrix.csv"); "plan" stands in
 * for a name with no letters or digits.
 */
export function exportFileName(planName: string, what: string, extension: string): string {
  return `${fileStem(planName) || 'plan'}-${what}.${extension}`;
}

const CSV_TYPE = 'text/csv;charset=utf-8';

/** What each firewall must allow: one row per (firewall, flow) crossing it (SPEC §6). The command line's default. */
export const PORT_MATRIX_CSV: PlanExport = {
  id: 'port-matrix',
  label: 'port matrix CSV',
  description: 'The ports each firewall must open, one row per rule',
  subject: 'the port matrix',
  mimeType: CSV_TYPE,
  fileName: (plan) => exportFileName(plan.name, 'port-matrix', 'csv'),
  render: ({ plan, analysis, terminal }) => portMatrixCsv(eachPortMatrixRow(plan, analysis), { terminal }),
  chunks: ({ plan, analysis, terminal }) => matrixCsvChunks(eachPortMatrixRow(plan, analysis), { terminal }),
  inMenu: true,
  besideMatrix: true,
  needsFlows: true,
};

/**
 * A firewall's name as a part of a file name: letters and digits kept (case
 * too, so it reads as in the plan), every other run of characters one hyphen
 * ("FW-EDGE" → "FW-EDGE", "Pare-feu Zürich" → "Pare-feu-Zurich").
 */
export function fileNamePart(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .slice(0, 60)
    .replace(/^-+|-+$/g, '');
}

/**
 * The port matrix of one firewall: its rows only, the file named after it
 * (`contoso-benelux-port-matrix-FW-EDGE.csv`). What the matrix tab downloads
 * while it is filtered to that firewall.
 */
export function firewallPortMatrixCsv(firewall: { id: string; name: string }): PlanExport {
  const part = fileNamePart(firewall.name) || fileNamePart(firewall.id) || 'firewall';
  const rows = (input: ExportInput) =>
    portMatrixRows(input.plan, input.analysis).filter((row) => row.firewallId === firewall.id);
  return {
    ...PORT_MATRIX_CSV,
    subject: `the port matrix of ${firewall.name}`,
    fileName: (plan) => exportFileName(plan.name, `port-matrix-${part}`, 'csv'),
    render: (input) => portMatrixCsv(rows(input), { terminal: input.terminal }),
    chunks: (input) => matrixCsvChunks(rows(input), { terminal: input.terminal }),
  };
}

/** Every flow, firewalls crossed or not, one row each (SPEC §6). */
export const ALL_FLOWS_CSV: PlanExport = {
  id: 'all-flows',
  label: 'all flows CSV',
  description: 'Every flow of the plan, with the firewalls it crosses',
  subject: 'all flows',
  mimeType: CSV_TYPE,
  fileName: (plan) => exportFileName(plan.name, 'all-flows', 'csv'),
  render: ({ plan, analysis, terminal }) => allFlowsCsv(allFlowsRows(plan, analysis), { terminal }),
  chunks: ({ plan, analysis, terminal }) => matrixCsvChunks(allFlowsRows(plan, analysis), { terminal }),
  inMenu: true,
  besideMatrix: true,
  cliOption: '--all',
  needsFlows: true,
};

/** The plan file (SPEC §2): what Import plan and the command line read. */
export const PLAN_FILE: PlanExport = {
  id: 'plan',
  label: 'plan',
  description: 'The plan file (JSON) to import again or share',
  subject: 'the plan',
  mimeType: 'application/json',
  fileName: planFileName,
  render: ({ plan, terminal }) =>
    terminal ? escapeJsonForTerminal(serializePlan(plan)) : serializePlan(plan),
  inMenu: true,
  besideMatrix: false,
};

/** Flows and findings for other programs (SPEC §7 `--json`). */
export const FLOWS_JSON: PlanExport = {
  id: 'flows-json',
  label: 'flows and findings JSON',
  description: 'Every flow and finding, for other programs',
  subject: 'the flows and findings',
  mimeType: 'application/json',
  fileName: (plan) => exportFileName(plan.name, 'flows', 'json'),
  render: ({ plan, analysis, terminal }) => flowsJson(plan, analysis, { terminal }),
  inMenu: false,
  besideMatrix: false,
  cliOption: '--json',
};

/**
 * The exports made from the plan, in the order they are offered: the port
 * matrix first, as it is what most people come for.
 */
export const PLAN_EXPORTS: readonly PlanExport[] = [PORT_MATRIX_CSV, ALL_FLOWS_CSV, PLAN_FILE, FLOWS_JSON];

/** Files as one ZIP under their own paths (`def/NETWORK.net`), as the rules command's `--out` writes them. */
export function zipOfFiles(files: readonly GeneratedFile[]): Blob {
  const entries: Record<string, Uint8Array> = {};
  for (const f of files) entries[f.path] = strToU8(f.content);
  // A fixed date, so the same plan gives the same bytes.
  const zipped = zipSync(entries, { level: 6, mtime: new Date(2000, 0, 1) });
  return new Blob([zipped as Uint8Array<ArrayBuffer>], { type: 'application/zip' });
}

/**
 * The rules of every firewall in one format as a ZIP (SPEC §9): one file per
 * firewall and file of the format, at the paths `rules --format F --out DIR`
 * writes under DIR. Null (nothing saved) for a plan without a firewall.
 */
export function firewallRulesZip(format: RuleFormat): ExportFormat<Blob | Promise<null>> {
  return {
    id: `rules-${format.id}`,
    label: `${format.id} firewall rules (ZIP)`,
    description: `Every firewall's rules as ${format.label}; the format is the one chosen under Firewall rules`,
    subject: `the ${format.id} rules of every firewall`,
    mimeType: 'application/zip',
    fileName: (plan) => exportFileName(plan.name, `${format.id}-rules`, 'zip'),
    render: ({ plan, analysis }) => {
      const set = ruleSetOf(plan, analysis);
      return set.firewalls.length === 0 ? Promise.resolve(null) : zipOfFiles(format.files(set));
    },
    inMenu: true,
    besideMatrix: false,
    emptyText: 'The plan has no firewall: there are no firewall rules to export yet.',
  };
}
