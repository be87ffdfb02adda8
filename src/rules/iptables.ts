/**
 * iptables (SPEC §9): per firewall an `iptables-restore` file of the FORWARD
 * chain for the rules with IPv4 ends, and beside it an `ip6tables-restore`
 * file for the rules with an IPv6 end. A rule with neither (any to any) is in
 * both. A rule that names a placeholder is written commented out, since
 * iptables has no empty address to fill in later.
 */
import type { PortRange } from '../engine/types';
import type { AddressFamily, FirewallRule, FirewallRules, RuleEnd } from './model';
import type { NameStyle, TextStyle } from './naming';
import { cleanNamed, cleanShaped, cleanText } from './naming';
import type { GeneratedFile, PlatformNames, RuleSet, RuleTexts } from './platform';
import {
  FILE_STYLE,
  firewallTexts,
  HASH_LINE,
  hashLine,
  PROTOCOLS,
  placeholderNote,
  platformNames,
  reasonWriter,
  rulePorts,
} from './platform';

/** Rule names, in comments only: short enough to leave the comment room for the reasons. */
export const IPTABLES_NAMES: NameStyle = { maxLength: 40, extra: '_-.' };
/** `-m comment`: at most 255 bytes, in double quotes. */
const COMMENT: TextStyle = { maxBytes: 255, forbidden: '"\\\'' };
const IFNAME_MAX = 15;
/** multiport takes at most 15 ports, a range counting as two. */
const MULTIPORT_SLOTS = 15;

function ifname(name: string, notes: Set<string>): string {
  if (name.length <= IFNAME_MAX) return name;
  notes.add(
    `interface ${name} is longer than a Linux interface name (15 bytes): matched by its first 14 characters`,
  );
  return `${name.slice(0, IFNAME_MAX - 1)}+`;
}

function portArg(p: PortRange): string {
  return p.from === p.to ? String(p.from) : `${p.from}:${p.to}`;
}

/** Splits ports into multiport lists of at most 15 slots. */
function portChunks(ports: readonly PortRange[]): PortRange[][] {
  if (ports.length === 1) return [[ports[0] as PortRange]];
  const chunks: PortRange[][] = [];
  let chunk: PortRange[] = [];
  let slots = 0;
  for (const p of ports) {
    const size = p.from === p.to ? 1 : 2;
    if (slots + size > MULTIPORT_SLOTS) {
      chunks.push(chunk);
      chunk = [];
      slots = 0;
    }
    chunk.push(p);
    slots += size;
  }
  if (chunk.length) chunks.push(chunk);
  return chunks;
}

/** The address of an end; a placeholder as `<its object name>`, which is made of safe characters only. */
function address(end: RuleEnd, names: PlatformNames): string | null {
  if (end.kind === 'any') return null;
  return end.object.address ?? `<${names.object(end.object)}>`;
}

/** A rule with its name and texts, as a file writes it. */
interface NamedRule {
  rule: FirewallRule;
  name: string;
  texts: RuleTexts;
}

function ruleLines(
  out: string[],
  { rule, name, texts }: NamedRule,
  notes: Set<string>,
  names: PlatformNames,
  reasonLine: (text: string, number: number) => string,
): void {
  out.push(`# ${cleanShaped(texts.heading, texts.headingShape, HASH_LINE)}`);
  for (const s of rule.services) {
    for (let j = 0; j < s.reasons.length; j++)
      out.push(`# ${reasonLine(s.reasons[j] as string, s.reasonNumbers[j] as number)}`);
  }
  if (rule.mixedFamilies) {
    out.push('# NOT WRITTEN: one end is IPv4 and the other IPv6; no single rule can permit this.');
    return;
  }
  const placeholder = rule.placeholders.length > 0;
  for (const o of rule.placeholders) out.push(`# ${cleanText(placeholderNote(o), HASH_LINE)}`);
  const src = address(rule.source, names);
  const dst = address(rule.destination, names);
  const ends = `${src ? ` -s ${src}` : ''}${dst ? ` -d ${dst}` : ''}`;
  const ifaces = ` -i ${ifname(names.iface(rule.ingress), notes)} -o ${ifname(names.iface(rule.egress), notes)}`;
  const comment = ` -m comment --comment "${cleanNamed(name, rule.summary, texts.summaryShape, COMMENT)}"`;
  for (const protocol of PROTOCOLS) {
    const ports = rulePorts(rule, protocol);
    if (ports.length === 0) continue;
    const proto = protocol === 'TCP' ? ' -p tcp' : ' -p udp';
    for (const chunk of portChunks(ports)) {
      const dport =
        chunk.length === 1
          ? ` --dport ${portArg(chunk[0] as PortRange)}`
          : ` -m multiport --dports ${chunk.map(portArg).join(',')}`;
      const line = `-A FORWARD${ends}${ifaces}${proto}${dport}${comment} -j ACCEPT`;
      out.push(placeholder ? `# TO FILL IN, then remove "# ": ${line}` : line);
    }
  }
}

function restoreFile(
  set: RuleSet,
  fw: FirewallRules,
  family: AddressFamily,
  rules: readonly NamedRule[],
  names: PlatformNames,
  reasonLine: (text: string, number: number) => string,
): string {
  const notes = new Set<string>();
  // The rules first: the notes they raise go in the head of the file.
  const body: string[] = [];
  for (const rule of rules) ruleLines(body, rule, notes, names, reasonLine);
  const tool = family === 4 ? 'iptables-restore' : 'ip6tables-restore';
  const head = [
    `# ${tool} file: firewall rules for ${cleanText(fw.firewall.name, HASH_LINE)}, IPv${family}, from the plan "${cleanText(set.planName, HASH_LINE)}".`,
    '# Written by Exchange Port Planner from the flows that cross this firewall (KB 176466).',
    `# ${fw.matrixRows} port matrix rows, ${fw.rules.length} rules in all (IPv4 and IPv6 files together).`,
    `# Loading it (${tool} FILE) replaces the filter table; forwarded traffic it does not list is dropped.`,
  ];
  for (const n of notes) head.push(`# ${cleanText(n, HASH_LINE)}`);
  head.push(
    '*filter',
    ':FORWARD DROP [0:0]',
    '-A FORWARD -m conntrack --ctstate ESTABLISHED,RELATED -j ACCEPT',
    '-A FORWARD -m conntrack --ctstate INVALID -j DROP',
  );
  return body.length > 0
    ? `${head.join('\n')}\n${body.join('\n')}\nCOMMIT\n`
    : `${head.join('\n')}\nCOMMIT\n`;
}

/** Writes the iptables-restore and ip6tables-restore files of the firewalls in `only` (every firewall when absent). */
export function iptablesFiles(set: RuleSet, only?: ReadonlySet<string>): GeneratedFile[] {
  const names = platformNames(set, IPTABLES_NAMES, FILE_STYLE);
  const reasonLine = reasonWriter(set, hashLine);
  const files: GeneratedFile[] = [];
  for (const fw of set.firewalls) {
    if (only && !only.has(fw.firewall.id)) continue;
    const ruleNames = names.rules(fw);
    const texts = firewallTexts(fw);
    const named = fw.rules.map(
      (rule, i): NamedRule => ({ rule, name: ruleNames[i] as string, texts: texts[i] as RuleTexts }),
    );
    const v4 = named.filter(({ rule }) => rule.family !== 6 || rule.mixedFamilies);
    const v6 = named.filter(({ rule }) => rule.family !== 4 && !rule.mixedFamilies);
    const stem = names.file(fw);
    files.push({ path: `${stem}.rules.v4`, content: restoreFile(set, fw, 4, v4, names, reasonLine) });
    files.push({ path: `${stem}.rules.v6`, content: restoreFile(set, fw, 6, v6, names, reasonLine) });
  }
  return files;
}
