/**
 * Turns a plan's relationships into directed TCP flows by reading the port
 * table (SPEC.md §3, KB 176466). Paths and status are added later.
 */
import type { ClientNode, ServerNode, SmtpHostNode } from '../model/types';
import { compareStrings } from './compare';
import type { PlanIndex } from './planIndex';
import type { PortSource, PortTableRow, RelationshipPattern, Role } from './portTable';
import { PORT_TABLE } from './portTable';
import type { Flow, PortRange, Relationship } from './types';

/** The ephemeral range an RPC service listens in while its port is not static (KB 176466, "Terminologie"). */
export const DYNAMIC_RPC_RANGE: Readonly<PortRange> = { from: 1024, to: 65535 };

/** A flow before routing: its path and status are still the placeholders (nothing crossed, ok). */
export type UnroutedFlow = Flow;

/** One concrete relationship of the plan, with its two parties (see `Role`). */
interface Instance {
  relationship: Relationship;
  a: string;
  b: string;
  client?: ClientNode;
  host?: SmtpHostNode;
}

/** The key that makes two flows identical (SPEC §3): source, destination, port and service. */
export function flowKey(source: string, destination: string, ports: PortRange, service: string): string {
  // `|` cannot occur in an id (SPEC §2), so the key is unambiguous.
  return `${source}|${destination}|${ports.from}-${ports.to}|${service}`;
}

const byId = <T extends { id: string }>(x: T, y: T) => compareStrings(x.id, y.id);

/** Every relationship of the plan, by kind, in an order that does not depend on the plan's array order. */
function instancesOf(index: PlanIndex): Record<RelationshipPattern['kind'], Instance[]> {
  const servers: ServerNode[] = [];
  const clients: ClientNode[] = [];
  const hosts: SmtpHostNode[] = [];
  for (const node of index.plan.nodes) {
    if (node.type === 'server') servers.push(node);
    else if (node.type === 'client') clients.push(node);
    else if (node.type === 'smtpHost') hosts.push(node);
  }
  servers.sort(byId);
  clients.sort(byId);
  hosts.sort(byId);

  const client: Instance[] = [];
  for (const c of clients) {
    // A client with no usable server has no flows (CLIENT_WITHOUT_SERVER says why).
    const s = index.serverOf(c.server);
    if (!s) continue;
    client.push({
      relationship: { kind: 'client', client: c.id, server: s.id, protocol: c.protocol, auth: c.auth },
      a: c.id,
      b: s.id,
      client: c,
    });
  }

  const intrasite: Instance[] = [];
  const bySite = new Map<string, ServerNode[]>();
  for (const s of servers) {
    const group = bySite.get(s.site);
    if (group) group.push(s);
    else bySite.set(s.site, [s]);
  }
  for (const siteId of [...bySite.keys()].sort(compareStrings)) {
    const group = bySite.get(siteId) ?? [];
    for (const s of group) {
      for (const t of group) {
        if (s !== t)
          intrasite.push({ relationship: { kind: 'intrasite', from: s.id, to: t.id }, a: s.id, b: t.id });
      }
    }
  }

  const siteConnector: Instance[] = [];
  const x400Connector: Instance[] = [];
  for (const k of [...index.plan.connectors].sort(byId)) {
    // A connector must join two different servers (SPEC §2); anything else carries no flow.
    if (k.a === k.b || !index.serverOf(k.a) || !index.serverOf(k.b)) continue;
    if (k.type === 'site') {
      siteConnector.push({ relationship: { kind: 'siteConnector', connector: k.id }, a: k.a, b: k.b });
    } else {
      x400Connector.push({ relationship: { kind: 'x400Connector', connector: k.id }, a: k.a, b: k.b });
    }
  }

  const smtpHost: Instance[] = [];
  const mailServers = servers.filter((s) => s.services.internetMail);
  for (const h of hosts) {
    for (const s of mailServers) {
      smtpHost.push({
        relationship: { kind: 'smtpHost', host: h.id, server: s.id },
        a: h.id,
        b: s.id,
        host: h,
      });
    }
  }
  return { client, intrasite, siteConnector, x400Connector, smtpHost };
}

function matches(pattern: RelationshipPattern, instance: Instance): boolean {
  switch (pattern.kind) {
    case 'client': {
      const c = instance.client;
      return (
        c !== undefined &&
        c.protocol === pattern.protocol &&
        pattern.auths.includes(c.auth) &&
        (pattern.sendsMail === undefined || c.sendsMail === pattern.sendsMail)
      );
    }
    case 'smtpHost':
      return instance.host !== undefined && pattern.directions.includes(instance.host.direction);
    default:
      return true;
  }
}

function resolvePort(source: PortSource, destination: ServerNode | undefined): PortRange | undefined {
  if (source.kind === 'fixed') return { from: source.port, to: source.port };
  if (!destination) return undefined;
  if (source.kind === 'rfc1006') return { from: destination.rfc1006Port, to: destination.rfc1006Port };
  const port = destination.staticPorts[source.of];
  return port === null ? { ...DYNAMIC_RPC_RANGE } : { from: port, to: port };
}

function fill(sentence: string, source: string, destination: string): string {
  return sentence.replaceAll('{source}', source).replaceAll('{destination}', destination);
}

/**
 * The flows of a plan, read from the port table (SPEC §3). Identical flows
 * (same source, destination, port and service) are one flow, keeping the
 * reason and relationship of the first row of the table that asks for it.
 * The result is in table order, not yet routed; the caller routes and sorts.
 */
export function planFlows(index: PlanIndex, table: readonly PortTableRow[] = PORT_TABLE): UnroutedFlow[] {
  const instances = instancesOf(index);
  const seen = new Set<string>();
  const flows: UnroutedFlow[] = [];
  const party = (instance: Instance, role: Role) => (role === 'a' ? instance.a : instance.b);
  for (const row of table) {
    for (const instance of instances[row.pattern.kind]) {
      if (!matches(row.pattern, instance)) continue;
      for (const template of row.flows) {
        const source = party(instance, template.from);
        const destination = party(instance, template.to);
        const ports = resolvePort(template.port, index.serverOf(destination));
        if (!ports) continue;
        const id = flowKey(source, destination, ports, template.service);
        if (seen.has(id)) continue;
        seen.add(id);
        const sentence = fill(template.sentence, index.nameOf(source), index.nameOf(destination));
        const flow: UnroutedFlow = {
          id,
          source,
          destination,
          ports,
          service: template.service,
          reason: `${sentence} (${row.citation}).`,
          relationship: instance.relationship,
          firewalls: [],
          links: [],
          routed: false,
          status: 'ok',
        };
        if (template.rpc) flow.rpc = template.rpc;
        flows.push(flow);
      }
    }
  }
  return flows;
}
