/**
 * The rule formats of SPEC §9, as one table: the command line (and later the
 * planner's exports) read it, so a new platform is one generator and one entry.
 */
import type { Analysis } from '../engine/types';
import type { Plan } from '../model/types';
import { capircaFiles } from './capirca';
import {
  asaChanges,
  type ChangeWriter,
  capircaChanges,
  iosChanges,
  iptablesChanges,
  nftablesChanges,
  ruleChanges,
  srxChanges,
} from './changes';
import { asaFiles, iosFiles } from './cisco';
import { iptablesFiles } from './iptables';
import { firewallRules } from './model';
import { nftablesFiles } from './nftables';
import type { GeneratedFile, RuleSet } from './platform';
import { srxFiles } from './srx';

/** One platform the rules can be written for. */
export interface RuleFormat {
  /** What `--format` takes. */
  readonly id: string;
  /** What the files are, for people. */
  readonly label: string;
  /** The files for the firewalls whose ids are in `only` (every firewall when absent). */
  files(set: RuleSet, only?: ReadonlySet<string>): GeneratedFile[];
  /** A line of its files that is a comment or remark, for a reader to tell from what the device runs. */
  readonly comment: RegExp;
  /** The change request from one version's rules to another's (src/rules/changes.ts). */
  readonly changeFiles: ChangeWriter;
}

const HASH_COMMENT = /^\s*#/;
/** Cisco: `!` lines, and the remarks of an access list (`access-list X remark …`, ` remark …`). */
const CISCO_COMMENT = /^\s*(?:!|(?:access-list \S+ )?remark\b)/;

export const RULE_FORMATS: readonly RuleFormat[] = [
  {
    id: 'nftables',
    label: 'nftables script (nft -f)',
    files: nftablesFiles,
    comment: HASH_COMMENT,
    changeFiles: nftablesChanges,
  },
  {
    id: 'iptables',
    label: 'iptables-restore and ip6tables-restore files',
    files: iptablesFiles,
    comment: HASH_COMMENT,
    changeFiles: iptablesChanges,
  },
  {
    id: 'asa',
    label: 'Cisco ASA objects and access lists',
    files: asaFiles,
    comment: CISCO_COMMENT,
    changeFiles: asaChanges,
  },
  {
    id: 'ios',
    label: 'Cisco IOS extended named access lists',
    files: iosFiles,
    comment: CISCO_COMMENT,
    changeFiles: iosChanges,
  },
  {
    id: 'srx',
    label: 'Juniper SRX set commands',
    files: srxFiles,
    comment: HASH_COMMENT,
    changeFiles: srxChanges,
  },
  {
    id: 'capirca',
    label: 'Capirca policy tree (def/, policies/pol/)',
    files: capircaFiles,
    comment: HASH_COMMENT,
    changeFiles: capircaChanges,
  },
];

/**
 * Several files as one text, each after a line `# ==> PATH <==` (a comment in
 * every multi-file format): what the command line prints and the planner copies.
 */
export function filesAsText(files: readonly GeneratedFile[]): string {
  if (files.length === 1) return (files[0] as GeneratedFile).content;
  return files.map((f) => `# ==> ${f.path} <==\n${f.content}`).join('\n');
}

/** The format with this id, or undefined. */
export function ruleFormat(id: string): RuleFormat | undefined {
  return RULE_FORMATS.find((f) => f.id === id);
}

/** The rules of every firewall of an analysed plan, ready for any format. */
export function ruleSetOf(plan: Plan, analysis: Analysis): RuleSet {
  return { planName: plan.name, firewalls: firewallRules(plan, analysis) };
}

/**
 * The change request from the older version's rules to the newer's in one
 * format: for each firewall whose rules differ, what closes and what opens.
 * Empty when every firewall keeps its rules.
 */
export function changeRequestFiles(format: RuleFormat, before: RuleSet, after: RuleSet): GeneratedFile[] {
  const changes = ruleChanges(before, after);
  return changes.length === 0 ? [] : format.changeFiles(before, after, changes);
}
