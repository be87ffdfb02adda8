import { compareStrings } from '../../engine/compare';
import { formatPorts } from '../../engine/matrix';
import type { Flow, PortRange } from '../../engine/types';

/** One port a firewall, link or client needs, with how many flows ask for it. */
export interface PortLine {
  ports: string;
  service: string;
  flows: number;
  /** A dynamic RPC range (1024–65535): the port the firewall should not have to open. */
  dynamic: boolean;
}

/**
 * The distinct ports and services of some flows (those crossing a firewall or
 * using a link), by port then service: the short form of SPEC §4's "ports of a
 * firewall" for the inspector.
 */
export function portLines(flows: readonly Flow[], indexes: readonly number[]): PortLine[] {
  const lines = new Map<string, PortLine & { range: PortRange }>();
  for (const i of indexes) {
    const flow = flows[i];
    if (!flow) continue;
    const ports = formatPorts(flow.ports);
    const key = `${ports}\u0000${flow.service}`;
    const line = lines.get(key);
    if (line) line.flows += 1;
    else
      lines.set(key, {
        ports,
        service: flow.service,
        flows: 1,
        dynamic: flow.ports.from !== flow.ports.to,
        range: flow.ports,
      });
  }
  return [...lines.values()]
    .sort(
      (a, b) =>
        a.range.from - b.range.from || a.range.to - b.range.to || compareStrings(a.service, b.service),
    )
    .map(({ range: _range, ...line }) => line);
}

/** Indexes of the flows that start or end at a node. */
export function flowsOfNode(flows: readonly Flow[], nodeId: string): number[] {
  const indexes: number[] = [];
  flows.forEach((flow, i) => {
    if (flow.source === nodeId || flow.destination === nodeId) indexes.push(i);
  });
  return indexes;
}
