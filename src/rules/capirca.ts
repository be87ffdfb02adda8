/**
 * Capirca (SPEC §9): a policy tree that Capirca's or Aerleon's `aclgen`
 * turns into any of their platforms: `def/NETWORK.net` (one token per
 * address object), `def/SERVICES.svc` (one token per protocol's list of
 * ports) and `policies/pol/<firewall>.pol`. The policy has one header per
 * ingress interface for Cisco IOS and ASA (an access list applied inbound),
 * one per zone pair for Juniper SRX, and one for iptables whose terms match
 * the interfaces. A term naming a placeholder is written commented out.
 */
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
 * the interfaces between them. A term is written as its pieces put together,
 * not as its lines joined, so its text is copied once, when the policy is.
 */
interface Term {
  rule: FirewallRule;
  /** `term … {`, the `comment::` lines of its reasons and its addresses, each line ending in a line break. */
  head: string;
  /** Its protocol, port and action lines, then `}`. */
  tail: string;
  /** The term as the Cisco and SRX sections write it (no interfaces). */
  plain: string;
}

/** Writes the Capirca tree of the firewalls in `only` (every firewall when absent); the definitions hold what they name. */
export function capircaFiles(set: RuleSet, only?: ReadonlySet<string>): GeneratedFile[] {
  const names = platformNames(set, CAPIRCA_NAMES, FILE_STYLE);
  const firewalls = set.firewalls.filter((fw) => !only || only.has(fw.firewall.id));
  const objects = new Map<string, AddressObject>();
  const services = new Map<string, { protocol: FlowProtocol; ports: readonly PortRange[] }>();
  for (const fw of firewalls) {
    for (const o of fw.objects) if (o.address !== null) objects.set(o.key, o);
    for (const rule of fw.rules) {
      for (const protocol of PROTOCOLS) {
        const ports = rulePorts(rule, protocol);
        if (ports.length) services.set(portToken(protocol, ports), { protocol, ports });
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
        (protocol, ports) => serviceNames.get(portToken(protocol, ports)) as string,
        comment,
      ),
    });
  }
  return files;
}

function policy(
  set: RuleSet,
  fw: FirewallRules,
  names: PlatformNames,
  serviceName: (protocol: FlowProtocol, ports: readonly PortRange[]) => string,
  comment: (text: string, number: number) => string,
): string {
  const termNames = assignNameList(names.rules(fw), TERM_NAMES, new Set([DENY_ALL]));
  const terms: Term[] = [];
  fw.rules.forEach((rule, i) => {
    const base = termNames[i] as string;
    const protocols = PROTOCOLS.filter((p) => rulePorts(rule, p).length > 0);
    for (const protocol of protocols) {
      const ports = rulePorts(rule, protocol);
      const name = protocols.length > 1 ? `${base}-${protocol.toLowerCase()}` : base;
      let head = `term ${name} {\n`;
      for (const s of rule.services) {
        if (s.protocol !== protocol) continue;
        for (let j = 0; j < s.reasons.length; j++)
          head += `  comment:: "${comment(s.reasons[j] as string, s.reasonNumbers[j] as number)}"\n`;
      }
      if (rule.source.kind === 'object') head += `  source-address:: ${names.object(rule.source.object)}\n`;
      if (rule.destination.kind === 'object')
        head += `  destination-address:: ${names.object(rule.destination.object)}\n`;
      const tail = `  protocol:: ${protocol === 'TCP' ? 'tcp' : 'udp'}\n  destination-port:: ${serviceName(protocol, ports)}\n  action:: accept\n}`;
      const t: Term = { rule, head, tail, plain: '' };
      t.plain = term(t, names, false);
      terms.push(t);
    }
  });
  const out: string[] = [
    `# Capirca policy: firewall rules for ${cleanText(fw.firewall.name, HASH_LINE)}, from the plan "${cleanText(set.planName, HASH_LINE)}".`,
    '# Written by Exchange Port Planner from the flows that cross this firewall (KB 176466).',
    `# ${fw.matrixRows} port matrix rows, ${fw.rules.length} rules.`,
  ];
  const section = (targets: string[], comment: string, selected: Term[], interfaces: boolean) => {
    out.push('', 'header {', `  comment:: "${cleanText(comment, COMMENT)}"`);
    for (const t of targets) out.push(`  target:: ${t}`);
    out.push('}');
    for (const t of selected) out.push(interfaces ? term(t, names, true) : t.plain);
    // Every filter ends by refusing the rest, as the firewall does; it also keeps a filter whose terms all wait for an address a valid policy.
    out.push(
      `term ${DENY_ALL} {`,
      '  comment:: "Everything the plan does not list."',
      '  action:: deny',
      '}',
    );
  };
  const ingresses = [...new Set(fw.rules.map((r) => r.ingress))].sort();
  for (const ingress of ingresses) {
    const acl = `${names.iface(ingress).replace(/\./g, '_')}_in`;
    section(
      [`cisco ${acl} extended`, `ciscoasa ${acl}`],
      `${fw.firewall.name}: traffic entering on ${ingress}`,
      terms.filter((t) => t.rule.ingress === ingress),
      false,
    );
  }
  const pairs = [...new Set(fw.rules.map((r) => `${r.ingress}\u0000${r.egress}`))].sort();
  for (const pair of pairs) {
    const [from, to] = pair.split('\u0000') as [string, string];
    section(
      [`srx from-zone ${names.iface(from)} to-zone ${names.iface(to)}`],
      `${fw.firewall.name}: from zone ${from} to zone ${to}`,
      terms.filter((t) => t.rule.ingress === from && t.rule.egress === to),
      false,
    );
  }
  if (terms.length > 0)
    section(['iptables FORWARD DROP'], `${fw.firewall.name}: forwarded traffic`, terms, true);
  return `${out.join('\n')}\n`;
}

/** A term's text: one entry of the policy's lines. */
function term(t: Term, names: PlatformNames, interfaces: boolean): string {
  const { rule } = t;
  const text = interfaces
    ? `${t.head}  source-interface:: ${names.iface(rule.ingress)}\n  destination-interface:: ${names.iface(rule.egress)}\n${t.tail}`
    : `${t.head}${t.tail}`;
  // Commented out line by line: no line of a term holds a line break of its own (names and comments are cleaned).
  if (rule.mixedFamilies) {
    return `# NOT WRITTEN: one end is IPv4, the other IPv6; no single term can permit this.\n# ${text.replaceAll('\n', '\n# ')}`;
  }
  if (rule.placeholders.length > 0) {
    const notes = rule.placeholders.map((o) => `# ${cleanText(placeholderNote(o), HASH_LINE)}\n`).join('');
    return `${notes}# TO FILL IN: define ${rule.placeholders.map((o) => names.object(o)).join(' and ')} in def/NETWORK.net, then remove the "# " below.\n# ${text.replaceAll('\n', '\n# ')}`;
  }
  return text;
}
