/**
 * Juniper SRX (SPEC §9): `set` commands for `load set`: the global address
 * book, an application per protocol and port with an application set per
 * service group, and the policies from the ingress zone to the egress zone.
 * A placeholder is an address with a description and no prefix, so the
 * commit refuses it until its address is written in.
 */
import { formatPorts } from '../engine/matrix';
import type { FlowProtocol, PortRange } from '../engine/types';
import type { FirewallRule, FirewallRules, RuleEnd } from './model';
import type { NameStyle, TextStyle } from './naming';
import { assignNames, cleanShaped, cleanText } from './naming';
import type { GeneratedFile, PlatformNames, RuleSet, RuleTexts } from './platform';
import { FILE_STYLE, firewallTexts, placeholderNote, platformNames } from './platform';

/** Junos names: up to 63 characters; `any` is the address book's own. */
export const SRX_NAMES: NameStyle = {
  maxLength: 63,
  extra: '_-.',
  reserved: ['any', 'any-ipv4', 'any-ipv6'],
};
/** A description: in double quotes, printable ASCII. */
const DESCRIPTION: TextStyle = { maxBytes: 255, forbidden: '"\\', ascii: true };

/** An application: one protocol and port (or range). */
interface Application {
  protocol: FlowProtocol;
  ports: PortRange;
  /** `tcp-135`: what its name is made from. */
  key: string;
  name: string;
}

/** A protocol and port (or range) as one number, so finding its application spells nothing. */
function applicationId(protocol: FlowProtocol, ports: PortRange): number {
  return (ports.from * 65536 + ports.to) * 2 + (protocol === 'TCP' ? 0 : 1);
}

/** Adds the applications of a firewall's rules that `apps` lacks, in rule order. */
function addApplications(apps: Map<number, Application>, fw: FirewallRules): Map<number, Application> {
  for (const rule of fw.rules) {
    for (const s of rule.services) {
      const id = applicationId(s.protocol, s.ports);
      if (!apps.has(id)) {
        const key = `${s.protocol.toLowerCase()}-${formatPorts(s.ports)}`;
        apps.set(id, { protocol: s.protocol, ports: s.ports, key, name: key });
      }
    }
  }
  return apps;
}

function applicationName(apps: Map<number, Application>, protocol: FlowProtocol, ports: PortRange): string {
  return (apps.get(applicationId(protocol, ports)) as Application).name;
}

function end(e: RuleEnd, names: PlatformNames): string {
  return e.kind === 'any' ? 'any' : names.object(e.object);
}

/** Writes the SRX `set` commands of the firewalls in `only` (every firewall when absent). */
export function srxFiles(set: RuleSet, only?: ReadonlySet<string>): GeneratedFile[] {
  const names = platformNames(set, SRX_NAMES, FILE_STYLE);
  return set.firewalls.filter((fw) => !only || only.has(fw.firewall.id)).map((fw) => file(set, fw, names));
}

function file(set: RuleSet, fw: FirewallRules, names: PlatformNames): GeneratedFile {
  const text = (t: string) => `"${cleanText(t, DESCRIPTION)}"`;
  const apps = addApplications(new Map(), fw);
  // Applications are named from the firewall's whole rule set, so a change names them as its full file does.
  const full = set.namesFrom?.firewalls.find((f) => f.firewall.id === fw.firewall.id) ?? fw;
  const named = full === fw ? apps : addApplications(new Map(apps), full);
  const appNames = assignNames(
    [...named.values()].map(({ key }) => ({ key, name: key })),
    SRX_NAMES,
    new Set(
      [...full.objects.map(names.object), ...full.serviceGroups.map(names.group)].map((n) => n.toLowerCase()),
    ),
  );
  for (const app of apps.values()) app.name = appNames.get(app.key) as string;
  const lines = [
    `# Juniper SRX set commands for ${cleanText(fw.firewall.name, DESCRIPTION)}, from the plan ${text(set.planName)}.`,
    '# Written by Exchange Port Planner from the flows that cross this firewall (KB 176466).',
    `# ${fw.matrixRows} port matrix rows, ${fw.rules.length} rules.`,
  ];
  if (fw.objects.some((o) => o.address === null)) {
    lines.push(
      '# TO FILL IN: the addresses named fill_in_* have no prefix yet; the commit fails until they do.',
    );
  }
  const book = 'set security address-book global address';
  for (const o of fw.objects) {
    const name = names.object(o);
    if (o.address === null) lines.push(`${book} ${name} description ${text(placeholderNote(o))}`);
    else {
      const prefix = o.address.includes('/') ? o.address : `${o.address}/${o.family === 4 ? 32 : 128}`;
      lines.push(`${book} ${name} ${prefix}`);
      lines.push(`${book} ${name} description ${text(o.nodes.map((n) => n.name).join(', '))}`);
    }
  }
  for (const app of apps.values()) {
    const base = `set applications application ${app.name}`;
    lines.push(`${base} protocol ${app.protocol.toLowerCase()}`);
    lines.push(`${base} destination-port ${formatPorts(app.ports)}`);
  }
  for (const g of fw.serviceGroups) {
    for (const e of g.entries) {
      lines.push(
        `set applications application-set ${names.group(g)} application ${applicationName(apps, e.protocol, e.ports)}`,
      );
    }
  }
  const ruleNames = names.rules(fw);
  const texts = firewallTexts(fw);
  for (let i = 0; i < fw.rules.length; i++) {
    const rule = fw.rules[i] as FirewallRule;
    const name = ruleNames[i] as string;
    const policy = `set security policies from-zone ${names.iface(rule.ingress)} to-zone ${names.iface(rule.egress)} policy ${name}`;
    if (rule.mixedFamilies) {
      lines.push(`# NOT WRITTEN: ${name}: one end is IPv4, the other IPv6`);
      continue;
    }
    const service = rule.services[0];
    const application = rule.group
      ? names.group(rule.group)
      : service
        ? applicationName(apps, service.protocol, service.ports)
        : 'any';
    lines.push(
      `${policy} description "${cleanShaped(rule.summary, (texts[i] as RuleTexts).summaryShape, DESCRIPTION)}"`,
    );
    lines.push(`${policy} match source-address ${end(rule.source, names)}`);
    lines.push(`${policy} match destination-address ${end(rule.destination, names)}`);
    lines.push(`${policy} match application ${application}`);
    lines.push(`${policy} then permit`);
  }
  return { path: `${names.file(fw)}.srx.txt`, content: `${lines.join('\n')}\n` };
}
