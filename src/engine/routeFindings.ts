/**
 * Findings that need the routed flows (SPEC §4, §5): unreachable pairs,
 * dynamic RPC through firewalls, RPC through address translation, the MTA
 * bind-back of 5.5 before SP2, endpoints without an address, UDP
 * notifications and unused firewalls.
 */
import type { ServerNode } from '../model/types';
import { compareStrings } from './compare';
import type { DraftFinding } from './concerns';
import { mtaReplyKey, pairKey, rpcPairKey } from './concerns';
import { makeFinding } from './findingCatalog';
import type { PlanIndex } from './planIndex';
import type { Flow } from './types';
import { mtaRepliesOnStaticPort } from './versions';

/** Adds each of `items` to the set under `key`. */
function collect(map: Map<string, Set<string>>, key: string, items: readonly string[]): void {
  let set = map.get(key);
  if (!set) {
    set = new Set();
    map.set(key, set);
  }
  for (const item of items) set.add(item);
}

/**
 * Findings that need the routed flows (SPEC §4, §5): unreachable pairs,
 * dynamic RPC and RPC through address translation, the MTA bind-back of 5.5
 * before SP2, endpoints without an address, UDP notifications, unused firewalls.
 */
export function routeFindings(
  index: PlanIndex,
  flows: readonly Flow[],
  flowsByFirewall: ReadonlyMap<string, readonly number[]>,
): DraftFinding[] {
  const out: DraftFinding[] = [];
  const byName = (x: string, y: string) =>
    compareStrings(index.nameOf(x), index.nameOf(y)) || compareStrings(x, y);
  const sortedNames = (ids: Iterable<string>) => [...ids].sort(byName);
  const unreachable = new Set<string>();
  const dynamic = new Set<string>();
  const nat = new Set<string>();
  const natFirewalls = new Set(
    index.plan.nodes.filter((n) => n.type === 'firewall' && n.nat).map((n) => n.id),
  );
  const mapiClients = new Map<string, { server: string; firewalls: Set<string> }>();
  const mtaReply = new Map<string, Set<string>>();
  const unaddressed = new Map<string, Set<string>>();

  for (const flow of flows) {
    if (!flow.routed) {
      const key = pairKey(flow.source, flow.destination);
      if (unreachable.has(key)) continue;
      unreachable.add(key);
      const [x, y] = sortedNames([flow.source, flow.destination]) as [string, string];
      out.push({
        finding: makeFinding('NO_NETWORK_PATH', { a: index.nameOf(x), b: index.nameOf(y) }, [x, y]),
        concerns: [key],
      });
      continue;
    }
    if (flow.firewalls.length === 0) continue;
    const rpc = flow.rpc;
    if (flow.dynamic && rpc && rpc !== 'endpointMapper' && rpc !== 'reply') {
      const server = index.serverOf(flow.destination);
      for (const fw of flow.firewalls) {
        const key = `${fw}|${flow.destination}|${rpc}`;
        if (!server || dynamic.has(key)) continue;
        dynamic.add(key);
        out.push({
          finding: makeFinding(
            'DYNAMIC_RPC_PORTS',
            {
              firewall: index.nameOf(fw),
              server: index.nameOf(server.id),
              rpc,
              exchange: server.exchange,
              servicePack: server.servicePack,
              range: flow.ports,
              narrowed: server.rpcPorts !== null,
            },
            [fw, server.id],
          ),
          concerns: [],
        });
      }
    }
    if (rpc && natFirewalls.size > 0) {
      for (const fw of flow.firewalls) {
        if (!natFirewalls.has(fw)) continue;
        const [x, y] = sortedNames([flow.source, flow.destination]) as [string, string];
        const key = `${fw}|${x}|${y}`;
        if (nat.has(key)) continue;
        nat.add(key);
        out.push({
          finding: makeFinding(
            'RPC_THROUGH_NAT',
            { firewall: index.nameOf(fw), a: index.nameOf(x), b: index.nameOf(y) },
            [x, y, fw],
          ),
          concerns: [rpcPairKey(x, y)],
        });
      }
    }
    if (flow.relationship.kind === 'siteConnector') {
      for (const end of [flow.source, flow.destination]) {
        const s = index.serverOf(end);
        if (s && s.staticPorts.mta !== null && !mtaRepliesOnStaticPort(s)) {
          collect(mtaReply, s.id, flow.firewalls);
        }
      }
    }
    for (const end of [flow.source, flow.destination]) {
      const node = index.nodes.get(end);
      if (node && 'address' in node && node.address === null) collect(unaddressed, end, flow.firewalls);
    }
    const r = flow.relationship;
    if (r.kind === 'client' && r.protocol === 'mapi') {
      const c = index.nodes.get(r.client);
      if (c?.type === 'client' && c.notifications) continue;
      let entry = mapiClients.get(r.client);
      if (!entry) {
        entry = { server: r.server, firewalls: new Set() };
        mapiClients.set(r.client, entry);
      }
      for (const fw of flow.firewalls) entry.firewalls.add(fw);
    }
  }

  for (const [serverId, firewalls] of mtaReply) {
    const s = index.serverOf(serverId) as ServerNode;
    const crossed = sortedNames(firewalls);
    out.push({
      finding: makeFinding(
        'STATIC_MTA_PORT_REPLY',
        {
          server: index.nameOf(s.id),
          servicePack: s.servicePack,
          port: s.staticPorts.mta as number,
          firewalls: crossed.map(index.nameOf),
        },
        [s.id, ...crossed],
      ),
      concerns: [mtaReplyKey(s.id)],
    });
  }

  for (const [endpoint, firewalls] of unaddressed) {
    const crossed = sortedNames(firewalls);
    out.push({
      finding: makeFinding(
        'ADDRESS_MISSING',
        { endpoint: index.nameOf(endpoint), firewalls: crossed.map(index.nameOf) },
        [endpoint, ...crossed],
      ),
      concerns: [],
    });
  }

  for (const [clientId, { server, firewalls }] of mapiClients) {
    const crossed = sortedNames(firewalls);
    out.push({
      finding: makeFinding(
        'MAPI_NOTIFICATIONS_UDP',
        {
          client: index.nameOf(clientId),
          server: index.nameOf(server),
          firewalls: crossed.map(index.nameOf),
        },
        [clientId, server, ...crossed],
      ),
      concerns: [],
    });
  }

  for (const [fw, crossing] of flowsByFirewall) {
    if (crossing.length === 0) {
      out.push({
        finding: makeFinding('FIREWALL_UNUSED', { firewall: index.nameOf(fw) }, [fw]),
        concerns: [],
      });
    }
  }
  return out;
}
