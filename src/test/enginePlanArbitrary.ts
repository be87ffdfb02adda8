/**
 * A fast-check arbitrary of valid plans shaped for the rules engine: small
 * graphs dense in firewalls, networks and parallel links, names drawn from a
 * tiny pool (so that ties between names are common) and ports drawn from the
 * values the rules care about (135, the client pool, well-known ports).
 * `filePlanArbitrary` covers the breadth of the file format.
 */
import fc from 'fast-check';
import type { Connector, Link, Plan, PlanNode, ServerNode } from '../model/types';
import { makePlan, site, siteConnector } from './factories';
import {
  clientSettings,
  firewallSettings,
  newsHostSettings,
  serverSettings,
  smtpHostSettings,
} from './planArbitraryCore';
import { servicePackOf } from './v2Arbitraries';

const NAMES = ['EX', 'ex', 'Alpha', 'Ω', ''];
const name = fc.constantFrom(...NAMES);
const staticPort = fc.constantFrom<number | null>(null, null, null, 25, 102, 135, 1024, 5000, 5001, 6000);

const nodeKind = fc.constantFrom(
  'server',
  'server',
  'client',
  'client',
  'firewall',
  'firewall',
  'network',
  'smtpHost',
  'owa',
  'dns',
  'newsHost',
);

const nodeShape = fc.record({
  kind: nodeKind,
  name,
  site: fc.nat(2),
  ...serverSettings({
    staticPort,
    rfc1006Port: fc.constantFrom(102, 102, 2000),
    ldapPort: fc.constantFrom(389, 389, 390),
    rpcPorts: fc.constantFrom(null, null, { from: 5000, to: 5020 }, { from: 1500, to: 1510 }),
  }),
  ...clientSettings(),
  ...firewallSettings(),
  ...newsHostSettings(),
  smartHost: fc.option(fc.nat(), { nil: null }),
  dnsServer: fc.option(fc.nat(), { nil: null }),
  address: fc.constantFrom(null, 'any', '10.0.0.1'),
  smtpServer: fc.option(fc.nat(), { nil: null }),
  servers: fc.array(fc.nat(), { maxLength: 3 }),
  server: fc.option(fc.nat(), { nil: null }),
  ...smtpHostSettings(),
});

type NodeShape = typeof nodeShape extends fc.Arbitrary<infer T> ? T : never;

function buildNode(shape: NodeShape, id: string, count: number, kinds: readonly string[]): PlanNode {
  const base = { id, name: shape.name };
  const addressed = { ...base, address: shape.address };
  // A reference of the kind its field asks for (SPEC §2), or null when the plan has none.
  const ref = (n: number | null, kind: string) => {
    if (n === null) return null;
    for (let k = 0; k < count; k++) {
      const i = (n + k) % count;
      if (kinds[i] === kind) return `n${i}`;
    }
    return null;
  };
  switch (shape.kind) {
    case 'server': {
      const server: ServerNode = {
        ...addressed,
        type: 'server',
        site: `site${shape.site}`,
        exchange: shape.exchange,
        servicePack: servicePackOf(shape.exchange, shape.servicePack),
        services: shape.services,
        staticPorts: shape.staticPorts,
        rfc1006Port: shape.rfc1006Port,
        ldapPort: shape.ldapPort,
        rpcPorts: shape.rpcPorts,
        smartHost: ref(shape.smartHost, 'smtpHost'),
        dns: ref(shape.dnsServer, 'dns'),
      };
      return server;
    }
    case 'client':
      return {
        ...addressed,
        type: 'client',
        protocol: shape.protocol,
        auth: shape.auth,
        server: shape.server === null ? null : `n${shape.server % count}`,
        sendsMail: shape.sendsMail,
        smtpServer: ref(
          shape.smtpServer,
          shape.smtpServer !== null && shape.smtpServer % 2 ? 'smtpHost' : 'server',
        ),
        notifications: shape.notifications,
      };
    case 'smtpHost':
      return { ...addressed, type: 'smtpHost', direction: shape.direction };
    case 'firewall':
      return { ...base, type: 'firewall', nat: shape.nat };
    case 'owa':
      return {
        ...addressed,
        type: 'owa',
        exchange: shape.exchange === '5.0' ? '5.0' : '5.5',
        servers: shape.servers.flatMap((n) => ref(n, 'server') ?? []),
      };
    case 'dns':
      return { ...addressed, type: 'dns' };
    case 'newsHost':
      return { ...addressed, type: 'newsHost', server: ref(shape.server, 'server'), feed: shape.feed };
    default:
      return { ...addressed, type: 'network' };
  }
}

/** Valid plans of up to `maxNodes` nodes, dense in links, for engine properties. */
export function enginePlanArbitrary(maxNodes = 14): fc.Arbitrary<Plan> {
  return fc
    .record({
      nodes: fc.array(nodeShape, { minLength: 2, maxLength: maxNodes, size: 'medium' }),
      // Most links end at a firewall or network, so that most endpoints can reach each other.
      links: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat(9)), {
        minLength: 2,
        maxLength: maxNodes * 2,
        size: 'medium',
      }),
      connectors: fc.array(fc.tuple(fc.constantFrom('site' as const, 'x400' as const), fc.nat(), fc.nat()), {
        maxLength: 4,
      }),
    })
    .map(({ nodes: shapes, links: pairs, connectors: triples }) => {
      const count = shapes.length;
      const kinds = shapes.map((shape) => shape.kind);
      const nodes = shapes.map((shape, i) => buildNode(shape, `n${i}`, count, kinds));
      const transit = nodes.filter((n) => n.type === 'firewall' || n.type === 'network');
      const links: Link[] = [];
      pairs.forEach(([x, y, toTransit], i) => {
        const a = nodes[x % count] as PlanNode;
        const b = toTransit < 8 && transit.length > 0 ? transit[y % transit.length] : nodes[y % count];
        if (!b || a === b) return;
        // Some firewall ends get a named interface, shared between links so that names repeat.
        const named = (node: PlanNode) =>
          node.type === 'firewall' && toTransit % 3 === 0 ? `if${y % 2}` : null;
        links.push({ id: `l${i}`, a: a.id, b: b.id, aInterface: named(a), bInterface: named(b) });
      });
      const servers = nodes.filter((n) => n.type === 'server');
      const connectors: Connector[] = [];
      triples.forEach(([type, x, y], i) => {
        const a = servers[x % Math.max(servers.length, 1)];
        const b = servers[y % Math.max(servers.length, 1)];
        if (!a || !b || a === b) return;
        if (type === 'x400') connectors.push({ id: `k${i}`, type, a: a.id, b: b.id });
        // Site connectors between the servers' sites: open halves, or halves from a bridgehead to one target.
        else
          connectors.push(
            siteConnector(
              a.site as string,
              b.site as string,
              x % 2 ? { bridgeheadA: a.id, targetsA: [b.id], bridgeheadB: b.id, targetsB: [a.id] } : {},
              `k${i}`,
            ),
          );
      });
      return makePlan({
        sites: [site('site0', { name: 'Alpha' }), site('site1', { name: 'EX' }), site('site2', { name: '' })],
        nodes,
        links,
        connectors,
      });
    });
}
