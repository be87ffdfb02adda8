/**
 * nftables (SPEC §9): one `nft -f` script per firewall — one `inet` table, a
 * forward chain that drops what the plan does not list, a named set per
 * address object and per list of ports, and a comment on every rule.
 */
import { formatPorts } from '../engine/matrix';
import type { FlowProtocol, PortRange } from '../engine/types';
import type { AddressFamily, AddressObject, FirewallRule, FirewallRules, RuleEnd } from './model';
import type { NameStyle, TextStyle } from './naming';
import { assignNames, cleanNamed, cleanShaped, cleanText } from './naming';
import type { GeneratedFile, RuleSet, RuleTexts } from './platform';
import {
  FILE_STYLE,
  firewallTexts,
  HASH_LINE,
  hashLine,
  objectLabel,
  PROTOCOLS,
  placeholderNote,
  platformNames,
  reasonWriter,
  rulePorts,
} from './platform';

/** nft identifiers: a letter, then letters, digits and `_`. */
export const NFT_NAMES: NameStyle = { maxLength: 63, extra: '_' };
/** A rule's comment: at most 128 bytes, inside double quotes that cannot be escaped. */
const NFT_COMMENT: TextStyle = { maxBytes: 128, forbidden: '"\\' };
/** Linux interface names are at most 15 bytes (IFNAMSIZ). */
const IFNAME_MAX = 15;

const SET_TYPE: Record<AddressFamily, string> = { 4: 'ipv4_addr', 6: 'ipv6_addr' };
const MATCH: Record<AddressFamily, string> = { 4: 'ip', 6: 'ip6' };
/** The families a rule line is written for: its own, both for a placeholder (IPv4 or IPv6 to come), or none (any to any). */
const BOTH_FAMILIES: readonly (AddressFamily | null)[] = [4, 6];
const NO_FAMILY: readonly (AddressFamily | null)[] = [null];
/** A rule of one known family: one list each, shared by every such rule rather than made per rule. */
const ONE_FAMILY: Record<AddressFamily, readonly (AddressFamily | null)[]> = { 4: [4], 6: [6] };

function ifname(name: string, notes: Set<string>): string {
  if (name.length <= IFNAME_MAX) return `"${name}"`;
  notes.add(
    `interface ${name} is longer than a Linux interface name (15 bytes): matched by its first 14 characters`,
  );
  return `"${name.slice(0, IFNAME_MAX - 1)}*"`;
}

function portListKey(protocol: FlowProtocol, ports: readonly PortRange[]): string {
  return `${protocol} ${ports.map(portText).join(',')}`;
}

function portText(ports: PortRange): string {
  return formatPorts(ports);
}

/** Writes the nftables scripts of the firewalls in `only` (every firewall when absent). */
export function nftablesFiles(set: RuleSet, only?: ReadonlySet<string>): GeneratedFile[] {
  const names = platformNames(set, NFT_NAMES, FILE_STYLE);
  const reasonLine = reasonWriter(set, hashLine);
  return set.firewalls
    .filter((fw) => !only || only.has(fw.firewall.id))
    .map((fw) => ({ path: `${names.file(fw)}.nft`, content: script(set, fw, names, reasonLine) }));
}

interface AddressSet {
  name: string;
  family: AddressFamily;
  object: AddressObject;
}

function script(
  set: RuleSet,
  fw: FirewallRules,
  names: ReturnType<typeof platformNames>,
  reasonLine: (text: string, number: number) => string,
): string {
  // A placeholder may turn out IPv4 or IPv6: it gets an empty set of each, and rules for each.
  const addressSets: Record<AddressFamily, Map<AddressObject, AddressSet>> = { 4: new Map(), 6: new Map() };
  // One namespace for the file's sets: the objects', then the placeholders' IPv6 sets', then the port sets'.
  const taken = new Set(fw.objects.map((o) => names.object(o).toLowerCase()));
  const v6Names = assignNames(
    fw.objects.filter((o) => o.address === null).map((o) => ({ key: o.key, name: `${names.object(o)}_v6` })),
    NFT_NAMES,
    taken,
  );
  const setOf = (object: AddressObject, family: AddressFamily): AddressSet => {
    let s = addressSets[family].get(object);
    if (!s) {
      const name =
        object.address === null && family === 6 ? (v6Names.get(object.key) as string) : names.object(object);
      s = { name, family, object };
      addressSets[family].set(object, s);
    }
    return s;
  };
  const match = (end: RuleEnd, dir: 'saddr' | 'daddr', family: AddressFamily | null): string =>
    end.kind === 'any' || family === null
      ? ''
      : `${MATCH[family]} ${dir} @${setOf(end.object, family).name} `;
  // Port sets are named after their ports, one per distinct list, so equal lists share a set.
  const portLists = new Map<string, { protocol: FlowProtocol; ports: readonly PortRange[] }>();
  // Each rule's list of ports for a protocol, to its set's key: a rule line finds its set without spelling the key again.
  const listKeys = new Map<readonly PortRange[], string>();
  for (const rule of fw.rules) {
    for (const protocol of PROTOCOLS) {
      const ports = rulePorts(rule, protocol);
      if (ports.length <= 1) continue;
      const key = portListKey(protocol, ports);
      listKeys.set(ports, key);
      portLists.set(key, { protocol, ports });
    }
  }
  const portSetNames = assignNames(
    [...portLists.entries()].map(([key, list]) => ({
      key,
      name: `${list.protocol.toLowerCase()}_${list.ports.map(portText).join('_')}`,
    })),
    NFT_NAMES,
    taken,
  );
  const notes = new Set<string>();
  // The chain's rules come first: they say which sets and notes the head of the file needs.
  const body: string[] = [];

  const ruleNames = names.rules(fw);
  const ruleTexts = firewallTexts(fw);
  for (let i = 0; i < fw.rules.length; i++) {
    const rule = fw.rules[i] as FirewallRule;
    const name = ruleNames[i] as string;
    const texts = ruleTexts[i] as RuleTexts;
    const summary = cleanNamed(name, rule.summary, texts.summaryShape, NFT_COMMENT);
    if (body.length > 0) body.push('');
    body.push(`    # ${cleanShaped(texts.heading, texts.headingShape, HASH_LINE)}`);
    for (const s of rule.services) {
      for (let j = 0; j < s.reasons.length; j++)
        body.push(`    # ${reasonLine(s.reasons[j] as string, s.reasonNumbers[j] as number)}`);
    }
    if (rule.mixedFamilies) {
      body.push('    # NOT WRITTEN: one end is IPv4 and the other IPv6; no single rule can permit this.');
      continue;
    }
    if (rule.placeholders.length > 0) {
      body.push('    # TO FILL IN: an address set below is empty until its address is added.');
    }
    const families: readonly (AddressFamily | null)[] =
      rule.family !== null ? ONE_FAMILY[rule.family] : rule.placeholders.length ? BOTH_FAMILIES : NO_FAMILY;
    const iface = `iifname ${ifname(names.iface(rule.ingress), notes)} oifname ${ifname(names.iface(rule.egress), notes)}`;
    for (const protocol of PROTOCOLS) {
      const ports = rulePorts(rule, protocol);
      if (ports.length === 0) continue;
      const dport =
        ports.length === 1
          ? portText(ports[0] as PortRange)
          : `@${portSetNames.get(listKeys.get(ports) as string)}`;
      const tail = `${iface} ${protocol === 'TCP' ? 'tcp' : 'udp'} dport ${dport} counter accept comment "${summary}"`;
      for (const family of families) {
        body.push(
          `    ${match(rule.source, 'saddr', family)}${match(rule.destination, 'daddr', family)}${tail}`,
        );
      }
    }
  }

  const table = names.file(fw).replace(/[^A-Za-z0-9_]/g, '_');
  const lines: string[] = [];
  lines.push('#!/usr/sbin/nft -f');
  lines.push(
    `# Firewall rules for ${cleanText(fw.firewall.name, HASH_LINE)}, from the plan "${cleanText(set.planName, HASH_LINE)}".`,
  );
  lines.push('# Written by Exchange Port Planner from the flows that cross this firewall (KB 176466).');
  lines.push(`# ${fw.matrixRows} port matrix rows, ${fw.rules.length} rules.`);
  for (const note of notes) lines.push(`# ${cleanText(note, HASH_LINE)}`);
  if (fw.objects.some((o) => o.address === null)) {
    lines.push(
      '# TO FILL IN: the sets named fill_in_* are empty; add the address of their node before loading.',
    );
  }
  lines.push(
    '# Loading this script replaces the table of the same name; traffic it does not list is dropped.',
  );
  lines.push(`table inet exchange_${table}`);
  lines.push(`delete table inet exchange_${table}`);
  lines.push(`table inet exchange_${table} {`);
  const sets = [...addressSets[4].values(), ...addressSets[6].values()].sort((x, y) =>
    x.name < y.name ? -1 : x.name > y.name ? 1 : 0,
  );
  for (const s of sets) {
    const comment =
      s.object.address === null
        ? placeholderNote(s.object)
        : `${objectLabel(s.object)}: ${s.object.nodes.map((n) => n.name).join(', ')}`;
    lines.push(`  set ${s.name} {`);
    lines.push(`    type ${SET_TYPE[s.family]}`);
    lines.push('    flags interval');
    if (s.object.address !== null) lines.push(`    elements = { ${s.object.address} }`);
    lines.push(`    comment "${cleanText(comment, NFT_COMMENT)}"`);
    lines.push('  }');
  }
  const portSets = [...portLists.entries()]
    .map(([key, list]) => ({ name: portSetNames.get(key) as string, list }))
    .sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
  for (const { name, list } of portSets) {
    lines.push(`  set ${name} {`);
    lines.push('    type inet_service');
    lines.push('    flags interval');
    lines.push(`    elements = { ${list.ports.map(portText).join(', ')} }`);
    lines.push('  }');
  }
  lines.push('  chain forward {');
  lines.push('    type filter hook forward priority filter; policy drop;');
  lines.push('    ct state established,related accept');
  lines.push('    ct state invalid drop');
  const tail = '  }\n}\n';
  return body.length > 0
    ? `${lines.join('\n')}\n${body.join('\n')}\n${tail}`
    : `${lines.join('\n')}\n${tail}`;
}
