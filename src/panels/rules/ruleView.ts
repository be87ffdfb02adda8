/**
 * What the firewall rules view shows, made once per plan, analysis, firewall
 * and format: the rules model of the plan (SPEC §9) and one firewall's files,
 * so typing in the inspector re-makes only what the view shows.
 */
import { formatPorts } from '../../engine/matrix';
import type { Analysis } from '../../engine/types';
import { fileStem } from '../../io/planFile';
import type { Plan } from '../../model/types';
import { type RuleFormat, ruleSetOf } from '../../rules/formats';
import { type FirewallRule, type FirewallRules, firewallRules } from '../../rules/model';
import type { GeneratedFile, RuleSet } from '../../rules/platform';

/** Lines drawn at most: past this the view stays fast and the download has them all. */
export const RULES_RENDER_LIMIT = 3000;

const sets = new WeakMap<Plan, { analysis: Analysis; set: RuleSet }>();
const files = new WeakMap<RuleSet, Map<string, GeneratedFile[]>>();

/** The rules of every firewall of the plan, made once per plan and analysis. */
export function ruleSetFor(plan: Plan, analysis: Analysis): RuleSet {
  const cached = sets.get(plan);
  if (cached && cached.analysis === analysis) return cached.set;
  const set = ruleSetOf(plan, analysis);
  sets.set(plan, { analysis, set });
  return set;
}

/**
 * One firewall's rules, as in `ruleSetFor`: taken from the plan's rule set
 * when it is made already (the Firewall rules tab), else made for that
 * firewall alone. The inspector asks on every edit of the plan; writing every
 * firewall's rules for it took 29 s per keystroke on the 20 × 20 grid.
 */
export function firewallRulesFor(
  plan: Plan,
  analysis: Analysis,
  firewallId: string,
): FirewallRules | undefined {
  const cached = sets.get(plan);
  if (cached && cached.analysis === analysis)
    return cached.set.firewalls.find((f) => f.firewall.id === firewallId);
  return firewallRules(plan, analysis, new Set([firewallId]))[0];
}

/** One firewall's files in one format, as the rules command writes them; made once per rule set. */
export function firewallFiles(set: RuleSet, format: RuleFormat, firewallId: string): GeneratedFile[] {
  let byKey = files.get(set);
  if (!byKey) {
    byKey = new Map();
    files.set(set, byKey);
  }
  const key = `${format.id}\u0000${firewallId}`;
  let made = byKey.get(key);
  if (!made) {
    made = format.files(set, new Set([firewallId]));
    byKey.set(key, made);
  }
  return made;
}

/** The firewall the view shows: the one chosen if the plan still has it, else the first. */
export function shownFirewall(set: RuleSet, chosen: string | null): FirewallRules | null {
  return set.firewalls.find((f) => f.firewall.id === chosen) ?? set.firewalls[0] ?? null;
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** How much the grouping saved: "7 matrix rows → 5 rules". */
export function reductionText(fw: FirewallRules): string {
  return `${count(fw.matrixRows, 'matrix row', 'matrix rows')} → ${count(fw.rules.length, 'rule', 'rules')}`;
}

/** A rule's protocols and ports: "TCP 25, 995", "TCP 135, 1024-65535; UDP 1024-65535". */
export function rulePorts(rule: FirewallRule): string {
  const byProtocol = new Map<string, string[]>();
  for (const s of rule.services) {
    const ports = byProtocol.get(s.protocol) ?? [];
    ports.push(formatPorts(s.ports));
    byProtocol.set(s.protocol, ports);
  }
  return [...byProtocol].map(([protocol, list]) => `${protocol} ${list.join(', ')}`).join('; ');
}

/** A rule's direction and ports, under its name in the list: "outside → inside · TCP 25, 995". */
export function ruleDetail(rule: FirewallRule): string {
  return `${rule.ingress} → ${rule.egress} · ${rulePorts(rule)}`;
}

/** One end of a rule as a person reads it: the platform's any, or its address object's name. */
export function ruleEndText(end: FirewallRule['source']): string {
  return end.kind === 'any' ? 'any' : end.object.label;
}

/** The nodes whose address the firewall's rules need and the plan lacks (ADDRESS_MISSING), by name. */
export function nodesWithoutAddress(fw: FirewallRules): { id: string; name: string }[] {
  return fw.objects.filter((o) => o.address === null).flatMap((o) => o.nodes);
}

/** The last part of a path: what a single file is saved as. */
export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** The ZIP of one firewall's files: "contoso-benelux-fw-edge-iptables-rules.zip". */
export function firewallZipName(planName: string, firewallName: string, formatId: string): string {
  return `${fileStem(planName) || 'plan'}-${fileStem(firewallName) || 'firewall'}-${formatId}-rules.zip`;
}

/** A line of a file and whether it is a comment (or remark), for the view to tell them apart. */
export interface ShownLine {
  /** Its line number, from 1. */
  number: number;
  text: string;
  comment: boolean;
}

/** The lines of a file, each marked comment or not, at most `limit` of them. */
export function linesOf(content: string, format: RuleFormat, limit: number): ShownLine[] {
  const lines = content.endsWith('\n') ? content.slice(0, -1).split('\n') : content.split('\n');
  return lines
    .slice(0, Math.max(0, limit))
    .map((text, i) => ({ number: i + 1, text, comment: format.comment.test(text) }));
}
