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

/** A flow before routing: its path and status are still placeholders (nothing crossed, ok). */
export type UnroutedFlow = Flow;

/**
 * Placeholders until routing, shared by every unrouted flow: routing gives
 * each flow its own arrays (routeFlows in analyze.ts).
 */
const NOT_YET: string[] = [];

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
  // `|` cannot occur in an id (SPEC §2), so the key is unambiguous. join() gives a flat string, cheap to hash.
  return [source, destination, `${ports.from}-${ports.to}`, service].join('|');
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

/** Single ports are shared between the flows of one analysis: a large plan has few distinct ports. */
type PortCache = Map<number, PortRange>;

function single(cache: PortCache, port: number): PortRange {
  let range = cache.get(port);
  if (!range) {
    range = { from: port, to: port };
    cache.set(port, range);
  }
  return range;
}

function resolvePort(
  cache: PortCache,
  dynamic: PortRange,
  source: PortSource,
  destination: ServerNode | undefined,
): PortRange | undefined {
  if (source.kind === 'fixed') return single(cache, source.port);
  if (!destination) return undefined;
  if (source.kind === 'rfc1006') return single(cache, destination.rfc1006Port);
  const port = destination.staticPorts[source.of];
  return port === null ? dynamic : single(cache, port);
}

/** A reason split once at its placeholders, so that each flow only joins strings. */
type CompiledReason = (source: string, destination: string) => string;

function compileReason(sentence: string, citation: string): CompiledReason {
  const parts = [...sentence.split(/(\{source\}|\{destination\})/), ` (${citation}).`];
  const words = [...parts];
  return (source, destination) => {
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i] as string;
      words[i] = part === '{source}' ? source : part === '{destination}' ? destination : part;
    }
    // join() gives one flat string; += would keep a chain of pieces alive for every flow.
    return words.join('');
  };
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
  const portCache: PortCache = new Map();
  const dynamic: PortRange = { ...DYNAMIC_RPC_RANGE };
  const flows: UnroutedFlow[] = [];
  const party = (instance: Instance, role: Role) => (role === 'a' ? instance.a : instance.b);
  for (const row of table) {
    const reasons = row.flows.map((template) => compileReason(template.sentence, row.citation));
    for (const instance of instances[row.pattern.kind]) {
      if (!matches(row.pattern, instance)) continue;
      for (const [t, template] of row.flows.entries()) {
        const source = party(instance, template.from);
        const destination = party(instance, template.to);
        const ports = resolvePort(portCache, dynamic, template.port, index.serverOf(destination));
        if (!ports) continue;
        const id = flowKey(source, destination, ports, template.service);
        if (seen.has(id)) continue;
        seen.add(id);
        const service = template.service;
        const reason = (reasons[t] as CompiledReason)(index.nameOf(source), index.nameOf(destination));
        const relationship = instance.relationship;
        // Two literals rather than adding `rpc` later: each flow stays one allocation of one shape.
        const flow: UnroutedFlow = template.rpc
          ? {
              id,
              source,
              destination,
              ports,
              service,
              rpc: template.rpc,
              reason,
              relationship,
              firewalls: NOT_YET,
              links: NOT_YET,
              routed: false,
              status: 'ok',
            }
          : {
              id,
              source,
              destination,
              ports,
              service,
              reason,
              relationship,
              firewalls: NOT_YET,
              links: NOT_YET,
              routed: false,
              status: 'ok',
            };
        flows.push(flow);
      }
    }
  }
  return flows;
}
