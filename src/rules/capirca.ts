/**
 * Capirca (SPEC §9): a policy tree that Capirca's or Aerleon's `aclgen`
 * turns into any of their platforms: `def/NETWORK.net` (one token per
 * address object), `def/SERVICES.svc` (one token per protocol's list of
 * ports) and `policies/pol/<firewall>.pol`. The policy has one header per
 * ingress interface for Cisco IOS and ASA (an access list applied inbound),
 * one per zone pair for Juniper SRX, and one for iptables whose terms match
 * the interfaces. A term naming a placeholder is written commented out.
 */
import { compareStrings } from '../engine/compare';
import { formatPorts } from '../engine/matrix';
import type { FlowProtocol, PortRange } from '../engine/types';
import type { AddressObject, FirewallRule, FirewallRules } from './model';
import type { NameStyle, TextStyle } from './naming';
import { assignNameList, assignNames, cleanText } from './naming';
import type { GeneratedFile, PlatformNames, RuleSet } from './platform';
import {
  FILE_STYLE,
  HASH_LINE,
  PROTOCOLS,
  placeholderNote,
  platformNames,
  reasonWriter,
  rulePorts,
} from './platform';

/** Tokens: letters, digits, `_` and `-`. Term names stay short enough for every target (iptables takes 24). */
export const CAPIRCA_NAMES: NameStyle = { maxLength: 40, extra: '_-' };
const TERM_NAMES: NameStyle = { maxLength: 20, extra: '_-' };
/** `comment:: "…"`: a double quote would end it; a `#` starts a comment of the policy language. */
const COMMENT: TextStyle = { maxBytes: 400, forbidden: '"\\#' };
const DENY_ALL = 'deny-all';

/** A reason as the text of a `comment::`. */
function commentText(text: string): string {
  return cleanText(text, COMMENT);
}

function portToken(protocol: FlowProtocol, ports: readonly PortRange[]): string {
  return `${protocol}_${ports.map(formatPorts).join('_')}`;
}

/**
 * One term, in two pieces every section shares: the iptables section adds
 * the interfaces between them. Each piece is one flat string, so the three
 * sections a term is in copy it whole rather than rebuild or walk it.
 */
interface Term {
  rule: FirewallRule;
  /** `term … {`, the `comment::` lines of its reasons and its addresses, each line ending in a line break. */
  head: string;
  /** Its protocol, port and action lines, then `}`. */
  tail: string;
}

/** Writes the Capirca tree of the firewalls in `only` (every firewall when absent); the definitions hold what they name. */
export function capircaFiles(set: RuleSet, only?: ReadonlySet<string>): GeneratedFile[] {
  const names = platformNames(set, CAPIRCA_NAMES, FILE_STYLE);
  const firewalls = set.firewalls.filter((fw) => !only || only.has(fw.firewall.id));
  const objects = new Map<string, AddressObject>();
  const services = new Map<string, { protocol: FlowProtocol; ports: readonly PortRange[] }>();
  // Each rule's list of ports for a protocol, to its token: a term finds its service by it without spelling it again.
  const tokens = new Map<readonly PortRange[], string>();
  for (const fw of firewalls) {
    for (const o of fw.objects) if (o.address !== null) objects.set(o.key, o);
    for (const rule of fw.rules) {
      for (const protocol of PROTOCOLS) {
        const ports = rulePorts(rule, protocol);
        if (ports.length === 0) continue;
        const token = portToken(protocol, ports);
        tokens.set(ports, token);
        services.set(token, { protocol, ports });
      }
    }
  }
  const serviceNames = assignNames(
    [...services.keys()].map((key) => ({ key, name: key })),
    CAPIRCA_NAMES,
    new Set([...objects.values()].map((o) => names.object(o).toLowerCase())),
  );
  const net = [
    '# Address tokens of the firewall rules, written by Exchange Port Planner.',
    ...[...objects.values()]
      .sort((x, y) => (names.object(x) < names.object(y) ? -1 : 1))
      .map(
        (o) =>
          `${names.object(o)} = ${o.address}  # ${cleanText(o.nodes.map((n) => n.name).join(', '), HASH_LINE)}`,
      ),
  ];
  const svc = [
    '# Service tokens of the firewall rules, written by Exchange Port Planner.',
    ...[...services.entries()]
      .map(([key, s]) => ({ name: serviceNames.get(key) as string, s }))
      .sort((x, y) => (x.name < y.name ? -1 : 1))
      .map(({ name, s }) => {
        const values = s.ports.map((p) => `${formatPorts(p)}/${s.protocol.toLowerCase()}`);
        return `${name} = ${values.join(`\n${' '.repeat(name.length + 3)}`)}`;
      }),
  ];
  const files: GeneratedFile[] = [
    { path: 'def/NETWORK.net', content: `${net.join('\n')}\n` },
    { path: 'def/SERVICES.svc', content: `${svc.join('\n')}\n` },
  ];
  const comment = reasonWriter(set, commentText);
  for (const fw of firewalls) {
    files.push({
      path: `policies/pol/${names.file(fw)}.pol`,
      content: policy(
        set,
        fw,
        names,
        (ports) => serviceNames.get(tokens.get(ports) as string) as string,
        comment,
      ),
    });
  }
  return files;
}

/**
 * A firewall's policy. Its text is a list of pieces, every line ending in its
 * line break, joined once: a policy is up to a megabyte, and writing it as
 * lines made of concatenations, then joined, made and walked a string for
 * every piece of every line.
 */
function policy(
  set: RuleSet,
  fw: FirewallRules,
  names: PlatformNames,
  serviceName: (ports: readonly PortRange[]) => string,
  comment: (text: string, number: number) => string,
): string {
  const termNames = assignNameList(names.rules(fw), TERM_NAMES, new Set([DENY_ALL]));
  const terms: Term[] = [];
  // The terms of each ingress interface (the Cisco targets' sections) and of each zone pair (SRX's), in rule order.
  const byIngress = new Map<string, Term[]>();
  const byZones = new Map<string, Map<string, Term[]>>();
  const head: string[] = [];
  fw.rules.forEach((rule, i) => {
    const base = termNames[i] as string;
    const protocols = PROTOCOLS.filter((p) => rulePorts(rule, p).length > 0);
    for (const protocol of protocols) {
      const ports = rulePorts(rule, protocol);
      const name = protocols.length > 1 ? `${base}-${protocol.toLowerCase()}` : base;
      head.length = 0;
      head.push('term ', name, ' {\n');
      for (const s of rule.services) {
        if (s.protocol !== protocol) continue;
        for (let j = 0; j < s.reasons.length; j++)
          head.push('  comment:: "', comment(s.reasons[j] as string, s.reasonNumbers[j] as number), '"\n');
      }
      if (rule.source.kind === 'object')
        head.push('  source-address:: ', names.object(rule.source.object), '\n');
      if (rule.destination.kind === 'object')
        head.push('  destination-address:: ', names.object(rule.destination.object), '\n');
      const tail = `  protocol:: ${protocol === 'TCP' ? 'tcp' : 'udp'}\n  destination-port:: ${serviceName(ports)}\n  action:: accept\n}`;
      const t: Term = { rule, head: head.join(''), tail };
      terms.push(t);
      listOf(byIngress, rule.ingress).push(t);
      let byEgress = byZones.get(rule.ingress);
      if (!byEgress) {
        byEgress = new Map();
        byZones.set(rule.ingress, byEgress);
      }
      listOf(byEgress, rule.egress).push(t);
    }
  });
  const out: string[] = [
    `# Capirca policy: firewall rules for ${cleanText(fw.firewall.name, HASH_LINE)}, from the plan "${cleanText(set.planName, HASH_LINE)}".\n`,
    '# Written by Exchange Port Planner from the flows that cross this firewall (KB 176466).\n',
    `# ${fw.matrixRows} port matrix rows, ${fw.rules.length} rules.\n`,
  ];
  const section = (targets: string[], comment: string, selected: Term[], interfaces: boolean) => {
    out.push('\nheader {\n  comment:: "', cleanText(comment, COMMENT), '"\n');
    for (const t of targets) out.push('  target:: ', t, '\n');
    out.push('}\n');
    for (const t of selected) writeTerm(out, t, names, interfaces);
    // Every filter ends by refusing the rest, as the firewall does; it also keeps a filter whose terms all wait for an address a valid policy.
    out.push(`term ${DENY_ALL} {\n  comment:: "Everything the plan does not list."\n  action:: deny\n}\n`);
  };
  // Sections by interface name (code point), then by egress for a zone pair.
  for (const ingress of [...byIngress.keys()].sort(compareStrings)) {
    const acl = `${names.iface(ingress).replace(/\./g, '_')}_in`;
    section(
      [`cisco ${acl} extended`, `ciscoasa ${acl}`],
      `${fw.firewall.name}: traffic entering on ${ingress}`,
      byIngress.get(ingress) as Term[],
      false,
    );
  }
  for (const from of [...byZones.keys()].sort(compareStrings)) {
    const byEgress = byZones.get(from) as Map<string, Term[]>;
    for (const to of [...byEgress.keys()].sort(compareStrings)) {
      section(
        [`srx from-zone ${names.iface(from)} to-zone ${names.iface(to)}`],
        `${fw.firewall.name}: from zone ${from} to zone ${to}`,
        byEgress.get(to) as Term[],
        false,
      );
    }
  }
  if (terms.length > 0)
    section(['iptables FORWARD DROP'], `${fw.firewall.name}: forwarded traffic`, terms, true);
  return out.join('');
}

function listOf<K, V>(map: Map<K, V[]>, key: K): V[] {
  let list = map.get(key);
  if (!list) {
    list = [];
    map.set(key, list);
  }
  return list;
}

/** Adds a term's text to a policy's pieces, commented out when it cannot be loaded as it is. */
function writeTerm(out: string[], t: Term, names: PlatformNames, interfaces: boolean): void {
  const { rule } = t;
  if (rule.mixedFamilies || rule.placeholders.length > 0) {
    out.push(commentedTerm(t, names, interfaces), '\n');
    return;
  }
  out.push(t.head);
  if (interfaces) {
    out.push(
      '  source-interface:: ',
      names.iface(rule.ingress),
      '\n  destination-interface:: ',
      names.iface(rule.egress),
      '\n',
    );
  }
  out.push(t.tail, '\n');
}

/** A term that cannot be loaded yet, commented out line by line, after why. */
function commentedTerm(t: Term, names: PlatformNames, interfaces: boolean): string {
  const { rule } = t;
  const text = interfaces
    ? `${t.head}  source-interface:: ${names.iface(rule.ingress)}\n  destination-interface:: ${names.iface(rule.egress)}\n${t.tail}`
    : `${t.head}${t.tail}`;
  // No line of a term holds a line break of its own (names and comments are cleaned).
  if (rule.mixedFamilies) {
    return `# NOT WRITTEN: one end is IPv4, the other IPv6; no single term can permit this.\n# ${text.replaceAll('\n', '\n# ')}`;
  }
  const notes = rule.placeholders.map((o) => `# ${cleanText(placeholderNote(o), HASH_LINE)}\n`).join('');
  return `${notes}# TO FILL IN: define ${rule.placeholders.map((o) => names.object(o)).join(' and ')} in def/NETWORK.net, then remove the "# " below.\n# ${text.replaceAll('\n', '\n# ')}`;
}
