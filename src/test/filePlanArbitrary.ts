/**
 * A fast-check arbitrary of valid plans covering the breadth of the file
 * format (SPEC §2), for property tests of the model and of everything that
 * consumes a plan. Every plan it builds loads:
 * ids are unique across the four collections, servers sit in sites, links
 * join two different nodes, connectors two different servers, and every
 * optional field is sometimes present and sometimes absent.
 */
import fc from 'fast-check';
import type { Connector, Link, Plan, PlanNode, Site } from '../model/types';
import { CONNECTOR_TYPES, CURRENT_PLAN_VERSION, PLAN_FORMAT } from '../model/types';
import {
  clientSettings,
  distinctPair,
  idArbitrary,
  serverSettings,
  smtpHostSettings,
} from './planArbitraryCore';

/** A valid name: any text of at most 120 code points. */
const nameArbitrary = fc.string({ unit: 'binary', maxLength: 120 });

/** A finite number; -0 becomes 0, as JSON writes both as `0`. */
const coordinate = fc.double({ noNaN: true, noDefaultInfinity: true }).map((v) => (v === 0 ? 0 : v));
// Plain objects, as JSON.parse makes them (fast-check may otherwise build null-prototype records).
const plain = { noNullPrototype: true } as const;
const positionArbitrary = fc.record({ x: coordinate, y: coordinate }, plain);
const sizeArbitrary = fc.record({ width: coordinate, height: coordinate }, plain);

const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

const siteShape = fc.record({
  name: nameArbitrary,
  position: optional(positionArbitrary),
  size: optional(sizeArbitrary),
});

const common = {
  name: nameArbitrary,
  site: optional(fc.nat()),
  position: optional(positionArbitrary),
};

const nodeShape = fc.oneof(
  fc.record({
    type: fc.constant('server' as const),
    ...common,
    site: fc.nat(),
    ...serverSettings({ plainObjects: true }),
  }),
  fc.record({
    type: fc.constant('client' as const),
    ...common,
    ...clientSettings(),
    server: fc.option(fc.nat(), { nil: null }),
  }),
  fc.record({ type: fc.constantFrom('firewall' as const, 'network' as const), ...common }),
  fc.record({
    type: fc.constant('smtpHost' as const),
    ...common,
    ...smtpHostSettings(),
  }),
);

const pairShape = fc.record({ a: fc.nat(), b: fc.nat(), name: optional(nameArbitrary) });

interface PlanSizes {
  maxSites?: number;
  maxNodes?: number;
  maxLinks?: number;
  maxConnectors?: number;
}

function withOptional<T extends object>(base: T, extra: Record<string, unknown>): T {
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [key, value] of Object.entries(extra)) if (value !== undefined) out[key] = value;
  return out as unknown as T;
}

/** Arbitrary valid plans, small enough for many runs. */
export function filePlanArbitrary(sizes: PlanSizes = {}): fc.Arbitrary<Plan> {
  return fc
    .record({
      name: nameArbitrary,
      sites: fc.array(siteShape, { maxLength: sizes.maxSites ?? 4 }),
      nodes: fc.array(nodeShape, { maxLength: sizes.maxNodes ?? 14 }),
      links: fc.array(pairShape, { maxLength: sizes.maxLinks ?? 20 }),
      connectors: fc.array(fc.record({ type: fc.constantFrom(...CONNECTOR_TYPES), pair: pairShape }), {
        maxLength: sizes.maxConnectors ?? 6,
      }),
    })
    .chain((shape) => {
      const count = shape.sites.length + shape.nodes.length + shape.links.length + shape.connectors.length;
      return fc
        .uniqueArray(idArbitrary, { minLength: count, maxLength: count })
        .map((ids) => buildPlan(shape, ids));
    });
}

type Infer<A> = A extends fc.Arbitrary<infer T> ? T : never;
type NodeShape = Infer<typeof nodeShape>;
type PairShape = Infer<typeof pairShape>;
interface Shape {
  name: string;
  sites: Infer<typeof siteShape>[];
  nodes: NodeShape[];
  links: PairShape[];
  connectors: { type: Connector['type']; pair: PairShape }[];
}

function buildPlan(shape: Shape, ids: string[]): Plan {
  let next = 0;
  const takeId = () => ids[next++] as string;

  const sites: Site[] = shape.sites.map((s) =>
    withOptional<Site>({ id: takeId(), name: s.name }, { position: s.position, size: s.size }),
  );
  const siteId = (index: number | undefined) =>
    index === undefined || sites.length === 0 ? undefined : sites[index % sites.length]?.id;

  const nodeIds = shape.nodes.map(() => takeId());
  const nodes: PlanNode[] = shape.nodes.map((n, index) => {
    const id = nodeIds[index] as string;
    const extra = { site: siteId(n.site), position: n.position };
    switch (n.type) {
      case 'server': {
        const site = siteId(n.site);
        // Without any site a server cannot be valid; it stands in as a network.
        if (site === undefined) return withOptional<PlanNode>({ id, type: 'network', name: n.name }, extra);
        const { type, name, exchange, servicePack, services, staticPorts, rfc1006Port } = n;
        return withOptional<PlanNode>(
          { id, type, name, site, exchange, servicePack, services, staticPorts, rfc1006Port },
          { position: n.position },
        );
      }
      case 'client': {
        const server = n.server === null ? null : (nodeIds[n.server % nodeIds.length] as string);
        const { type, name, protocol, auth, sendsMail } = n;
        return withOptional<PlanNode>({ id, type, name, protocol, auth, server, sendsMail }, extra);
      }
      case 'smtpHost':
        return withOptional<PlanNode>({ id, type: n.type, name: n.name, direction: n.direction }, extra);
      default:
        return withOptional<PlanNode>({ id, type: n.type, name: n.name }, extra);
    }
  });

  const links: Link[] = [];
  for (const pair of shape.links) {
    const id = takeId();
    if (nodes.length < 2) continue;
    const [i, j] = distinctPair(nodes.length, pair.a, pair.b);
    links.push(
      withOptional<Link>({ id, a: nodes[i]?.id as string, b: nodes[j]?.id as string }, { name: pair.name }),
    );
  }

  const servers = nodes.filter((n) => n.type === 'server');
  const connectors: Connector[] = [];
  for (const { type, pair } of shape.connectors) {
    const id = takeId();
    if (servers.length < 2) continue;
    const [i, j] = distinctPair(servers.length, pair.a, pair.b);
    connectors.push(
      withOptional<Connector>(
        { id, type, a: servers[i]?.id as string, b: servers[j]?.id as string },
        { name: pair.name },
      ),
    );
  }

  return {
    format: PLAN_FORMAT,
    version: CURRENT_PLAN_VERSION,
    name: shape.name,
    sites,
    nodes,
    links,
    connectors,
  };
}
