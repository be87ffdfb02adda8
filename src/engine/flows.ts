/**
 * Turns a plan's relationships into directed flows by reading the port table
 * (SPEC.md §3, KB 176466 and the articles beside it). Paths and status are
 * added later.
 */
import type { ServerNode } from '../model/types';
import type { PlanIndex } from './planIndex';
import { dynamicRange, ldapPort as ldapPortInForce, rfc1006Port, staticRpcPort } from './portInForce';
import type { FlowTemplate, PortSource, PortTableRow, Role } from './portTable';
import { PORT_TABLE } from './portTable';
import type { Instance } from './relationships';
import { instancesOf, matches } from './relationships';
import type { Flow, FlowProtocol, PortRange } from './types';

/** A flow before routing: its path and status are still placeholders (nothing crossed, ok). */
export type UnroutedFlow = Flow;

/**
 * Placeholders until routing, shared by every unrouted flow: routing gives
 * each flow its own arrays (routeFlows in analyze.ts).
 */
const NOT_YET: never[] = [];

/** The key that makes two flows identical (SPEC §3.2): source, destination, protocol, port and service. */
export function flowKey(
  source: string,
  destination: string,
  protocol: FlowProtocol,
  ports: PortRange,
  service: string,
): string {
  // `|` cannot occur in an id (SPEC §2), so the key is unambiguous. join() gives a flat string, cheap to hash.
  return [source, destination, protocol, `${ports.from}-${ports.to}`, service].join('|');
}

/** Ports and ranges are shared between the flows of one analysis: a large plan has few distinct ones. */
type PortCache = Map<number, PortRange>;

function cached(cache: PortCache, from: number, to: number): PortRange {
  const key = from * 65536 + to;
  let range = cache.get(key);
  if (!range) {
    range = { from, to };
    cache.set(key, range);
  }
  return range;
}

/** The port a template asks of its destination (SPEC §3.1); undefined when the destination is no server. */
function resolvePort(
  cache: PortCache,
  source: PortSource,
  destination: ServerNode | undefined,
): PortRange | undefined {
  switch (source.kind) {
    case 'fixed':
      return cached(cache, source.port, source.port);
    case 'range':
      return cached(cache, source.from, source.to);
    default:
      break;
  }
  if (!destination) return undefined;
  if (source.kind === 'rfc1006') {
    const port = rfc1006Port(destination);
    return cached(cache, port, port);
  }
  if (source.kind === 'ldap') {
    const port = ldapPortInForce(destination);
    return cached(cache, port, port);
  }
  const port = staticRpcPort(destination, source.of);
  if (port !== null) return cached(cache, port, port);
  const range = dynamicRange(destination);
  return cached(cache, range.from, range.to);
}

/** True when the template's port is the destination's dynamic RPC range DYN(s) (SPEC §3.1). */
function isDynamic(source: PortSource, destination: ServerNode | undefined): boolean {
  return source.kind === 'rpc' && destination !== undefined && staticRpcPort(destination, source.of) === null;
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
 * The flows of a plan, read from the port table (SPEC §3.2). Identical flows
 * (same source, destination, protocol, port and service) are one flow,
 * keeping the reason and relationship of the first row of the table that
 * asks for it. No flow goes from a node to itself. The result is in table
 * order, not yet routed; the caller routes and sorts.
 */
export function planFlows(index: PlanIndex, table: readonly PortTableRow[] = PORT_TABLE): UnroutedFlow[] {
  const instances = instancesOf(index);
  const seen = new Set<string>();
  const portCache: PortCache = new Map();
  const flows: UnroutedFlow[] = [];
  const party = (instance: Instance, role: Role) => (role === 'a' ? instance.a : instance.b);
  for (const row of table) {
    const reasons = row.flows.map((template) => compileReason(template.sentence, row.citation));
    for (const instance of instances[row.pattern.kind]) {
      if (!matches(row.pattern, instance)) continue;
      if (instance.a === instance.b) continue;
      // Looked up once per instance: every template's destination is one of the two parties.
      const serverA = index.serverOf(instance.a);
      const serverB = index.serverOf(instance.b);
      for (let t = 0; t < row.flows.length; t++) {
        const template = row.flows[t] as FlowTemplate;
        const source = party(instance, template.from);
        const destination = party(instance, template.to);
        const server = template.to === 'a' ? serverA : serverB;
        const ports = resolvePort(portCache, template.port, server);
        if (!ports) continue;
        const dynamic = isDynamic(template.port, server);
        const protocol = template.protocol;
        const id = flowKey(source, destination, protocol, ports, template.service);
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
              protocol,
              ports,
              service,
              rpc: template.rpc,
              dynamic,
              reason,
              relationship,
              firewalls: NOT_YET,
              crossings: NOT_YET,
              links: NOT_YET,
              routed: false,
              status: 'ok',
            }
          : {
              id,
              source,
              destination,
              protocol,
              ports,
              service,
              dynamic,
              reason,
              relationship,
              firewalls: NOT_YET,
              crossings: NOT_YET,
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
