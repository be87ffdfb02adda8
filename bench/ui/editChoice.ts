import { analyzePlan } from '../../src/engine/analyze';
import type { Plan, ServerNode, StaticPorts } from '../../src/model/types';

/** The static RPC ports an inspector edit can change, with the label of their box and the service of their flows. */
const FIELDS: readonly { key: keyof StaticPorts; label: string; service: string }[] = [
  { key: 'directory', label: 'Directory (DS) port', service: 'Directory (RPC)' },
  { key: 'store', label: 'Information Store (IS) port', service: 'Information Store (RPC)' },
  { key: 'mta', label: 'MTA port', service: 'MTA (RPC)' },
];

export interface EditChoice {
  serverId: string;
  serverName: string;
  fieldLabel: string;
  /** The port typed in the first repetition; each repetition types the next one (ten are free). */
  firstPort: number;
  /** A firewall the edited port's flows cross: its rules change with the edit. */
  firewallName: string;
}

/**
 * A server on screen, and one of its static RPC ports, such that some flow
 * to that port uses a firewall edge drawn on screen (a canvas may draw only
 * what is in view): changing the port changes a badge there. The new ports
 * are above 5000 and used nowhere in the plan.
 */
export function chosenEdit(plan: Plan, visibleIds: readonly string[]): EditChoice {
  const visible = new Set(visibleIds);
  const firewalls = new Set(plan.nodes.filter((n) => n.type === 'firewall').map((n) => n.id));
  const shownFirewallEdges = new Set(
    plan.links
      .filter((l) => (firewalls.has(l.a) || firewalls.has(l.b)) && visible.has(l.a) && visible.has(l.b))
      .map((l) => l.id),
  );
  const analysis = analyzePlan(plan);
  const servers = new Map(
    plan.nodes.filter((n): n is ServerNode => n.type === 'server').map((n) => [n.id, n] as const),
  );
  const used = new Set<number>();
  for (const flow of analysis.flows) {
    for (let p = flow.ports.from; p <= flow.ports.to && p - flow.ports.from < 10; p++) used.add(p);
  }
  let firstPort = 7771;
  while ([0, 1, 2, 3, 4, 5, 6, 7, 8, 9].some((i) => used.has(firstPort + i))) firstPort += 10;

  for (const id of visibleIds) {
    const server = servers.get(id);
    if (!server) continue;
    for (const field of FIELDS) {
      // A 4.0 server before SP4 cannot have a static MTA port (KB 161931): not an edit a person would make.
      if (field.key === 'mta' && server.exchange === '4.0' && server.servicePack < 4) continue;
      const crossing = analysis.flows.find(
        (f) =>
          f.destination === id &&
          f.service === field.service &&
          f.links.some((l) => shownFirewallEdges.has(l)),
      );
      const firewall = plan.nodes.find((n) => n.id === crossing?.firewalls[0]);
      if (crossing && firewall)
        return {
          serverId: id,
          serverName: server.name,
          fieldLabel: field.label,
          firstPort,
          firewallName: firewall.name,
        };
    }
  }
  throw new Error('No server on screen has a static RPC port whose flows cross a firewall.');
}
