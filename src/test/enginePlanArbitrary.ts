/**
 * A fast-check arbitrary of valid plans shaped for the rules engine: small
 * graphs dense in firewalls, networks and parallel links, names drawn from a
 * tiny pool (so that ties between names are common) and ports drawn from the
 * values the rules care about (135, the client pool, well-known ports).
 * `filePlanArbitrary` covers the breadth of the file format.
 */
import fc from 'fast-check';
import type { Connector, Link, Plan, PlanNode, ServerNode } from '../model/types';
import { makePlan, site } from './factories';
import { clientSettings, serverSettings, smtpHostSettings } from './planArbitraryCore';

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
);

const nodeShape = fc.record({
  kind: nodeKind,
  name,
  site: fc.nat(2),
  ...serverSettings({ staticPort, rfc1006Port: fc.constantFrom(102, 102, 2000) }),
  ...clientSettings(),
  server: fc.option(fc.nat(), { nil: null }),
  ...smtpHostSettings(),
});

type NodeShape = typeof nodeShape extends fc.Arbitrary<infer T> ? T : never;

function buildNode(shape: NodeShape, id: string, count: number): PlanNode {
  const base = { id, name: shape.name };
  switch (shape.kind) {
    case 'server': {
      const server: ServerNode = {
        ...base,
        type: 'server',
        site: `site${shape.site}`,
        exchange: shape.exchange,
        servicePack: shape.servicePack,
        services: shape.services,
        staticPorts: shape.staticPorts,
        rfc1006Port: shape.rfc1006Port,
      };
      return server;
    }
    case 'client':
      return {
        ...base,
        type: 'client',
        protocol: shape.protocol,
        auth: shape.auth,
        server: shape.server === null ? null : `n${shape.server % count}`,
        sendsMail: shape.sendsMail,
      };
    case 'smtpHost':
      return { ...base, type: 'smtpHost', direction: shape.direction };
    case 'firewall':
      return { ...base, type: 'firewall' };
    default:
      return { ...base, type: 'network' };
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
      const nodes = shapes.map((shape, i) => buildNode(shape, `n${i}`, count));
      const transit = nodes.filter((n) => n.type === 'firewall' || n.type === 'network');
      const links: Link[] = [];
      pairs.forEach(([x, y, toTransit], i) => {
        const a = nodes[x % count] as PlanNode;
        const b = toTransit < 8 && transit.length > 0 ? transit[y % transit.length] : nodes[y % count];
        if (b && a !== b) links.push({ id: `l${i}`, a: a.id, b: b.id });
      });
      const servers = nodes.filter((n) => n.type === 'server');
      const connectors: Connector[] = [];
      triples.forEach(([type, x, y], i) => {
        const a = servers[x % Math.max(servers.length, 1)];
        const b = servers[y % Math.max(servers.length, 1)];
        if (a && b && a !== b) connectors.push({ id: `k${i}`, type, a: a.id, b: b.id });
      });
      return makePlan({
        sites: [site('site0', { name: 'Alpha' }), site('site1', { name: 'EX' }), site('site2', { name: '' })],
        nodes,
        links,
        connectors,
      });
    });
}
