/**
 * fast-check arbitraries of valid plans (SPEC §2), for property tests of the
 * model and of everything that consumes a plan. Every plan they build loads:
 * ids are unique across the four collections, servers sit in sites, links
 * join two different nodes, connectors two different servers, and every
 * optional field is sometimes present and sometimes absent.
 */
import fc from 'fast-check';
import { cleanName } from '../model/text';
import type { Connector, Link, Note, Plan, PlanNode, Site } from '../model/types';
import {
  CLIENT_AUTHS,
  CLIENT_PROTOCOLS,
  CONNECTOR_TYPES,
  CURRENT_PLAN_VERSION,
  EXCHANGE_VERSIONS,
  NEWS_FEEDS,
  PLAN_FORMAT,
  SMTP_DIRECTIONS,
} from '../model/types';
import { idArbitrary, portArbitrary } from './planArbitraryCore';
import { addressArbitrary, interfaceArbitrary, noteTextArbitrary, servicePackOf } from './v2Arbitraries';

/** A valid name: any text of at most 120 code points, without control characters or lone surrogates. */
export const nameArbitrary = fc.string({ unit: 'binary', maxLength: 120 }).map(cleanName);

/** A number within ±1,000,000; -0 becomes 0, as JSON writes both as `0`. */
const coordinate = fc.double({ noNaN: true, min: -1_000_000, max: 1_000_000 }).map((v) => (v === 0 ? 0 : v));
const sizeValue = fc.double({ noNaN: true, min: 1, max: 1_000_000 });
// Plain objects, as JSON.parse makes them (fast-check may otherwise build null-prototype records).
const plain = { noNullPrototype: true } as const;
const positionArbitrary = fc.record({ x: coordinate, y: coordinate }, plain);
const sizeArbitrary = fc.record({ width: sizeValue, height: sizeValue }, plain);

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
  address: fc.option(addressArbitrary, { nil: null }),
};
const ref = fc.option(fc.nat(), { nil: null });

const nodeShape = fc.oneof(
  fc.record({
    type: fc.constant('server' as const),
    ...common,
    site: fc.nat(),
    exchange: fc.constantFrom(...EXCHANGE_VERSIONS),
    servicePack: fc.nat(5),
    services: fc.record(
      {
        pop3: fc.boolean(),
        imap4: fc.boolean(),
        ldap: fc.boolean(),
        nntp: fc.boolean(),
        internetMail: fc.boolean(),
      },
      plain,
    ),
    staticPorts: fc.record(
      {
        directory: fc.option(portArbitrary, { nil: null }),
        store: fc.option(portArbitrary, { nil: null }),
        mta: fc.option(portArbitrary, { nil: null }),
        systemAttendant: fc.option(portArbitrary, { nil: null }),
      },
      plain,
    ),
    rfc1006Port: fc.oneof(fc.constant(102), portArbitrary),
    ldapPort: fc.oneof(fc.constant(389), portArbitrary),
    rpcPorts: fc.option(
      fc
        .tuple(fc.integer({ min: 1024, max: 65535 }), fc.integer({ min: 1024, max: 65535 }))
        .map(([x, y]) => ({ from: Math.min(x, y), to: Math.max(x, y) })),
      { nil: null },
    ),
    smartHost: ref,
    dns: ref,
  }),
  fc.record({
    type: fc.constant('client' as const),
    ...common,
    protocol: fc.constantFrom(...CLIENT_PROTOCOLS),
    auth: fc.constantFrom(...CLIENT_AUTHS),
    server: ref,
    sendsMail: fc.boolean(),
    smtpServer: ref,
    notifications: fc.boolean(),
  }),
  fc.record({ type: fc.constant('firewall' as const), ...common, nat: fc.boolean() }),
  fc.record({ type: fc.constantFrom('network' as const, 'dns' as const), ...common }),
  fc.record({
    type: fc.constant('smtpHost' as const),
    ...common,
    direction: fc.constantFrom(...SMTP_DIRECTIONS),
  }),
  fc.record({
    type: fc.constant('owa' as const),
    ...common,
    exchange: fc.constantFrom('5.0' as const, '5.5' as const),
    servers: fc.array(fc.nat(), { maxLength: 3 }),
  }),
  fc.record({
    type: fc.constant('newsHost' as const),
    ...common,
    server: ref,
    feed: fc.constantFrom(...NEWS_FEEDS),
  }),
);

const pairShape = fc.record({
  a: fc.nat(),
  b: fc.nat(),
  name: optional(nameArbitrary),
  aInterface: fc.option(interfaceArbitrary, { nil: null }),
  bInterface: fc.option(interfaceArbitrary, { nil: null }),
  bridgeheadA: ref,
  targetsA: fc.array(fc.nat(), { maxLength: 3 }),
  bridgeheadB: ref,
  targetsB: fc.array(fc.nat(), { maxLength: 3 }),
});
const noteShape = fc.record({ about: ref, text: noteTextArbitrary, resolved: fc.boolean() });

interface PlanSizes {
  maxSites?: number;
  maxNodes?: number;
  maxLinks?: number;
  maxConnectors?: number;
  maxNotes?: number;
}

/** The `b`-th of `n` items other than the `a`-th one (n ≥ 2). */
function otherIndex(a: number, b: number, n: number): [number, number] {
  const i = a % n;
  const j = b % n;
  return [i, i === j ? (j + 1) % n : j];
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
      notes: fc.array(noteShape, { maxLength: sizes.maxNotes ?? 3 }),
    })
    .chain((shape) => {
      const count =
        shape.sites.length +
        shape.nodes.length +
        shape.links.length +
        shape.connectors.length +
        shape.notes.length;
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
  notes: Infer<typeof noteShape>[];
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
  // Which node each shape becomes, so references can name nodes of the right kind.
  const kinds = shape.nodes.map((n) => (n.type === 'server' && sites.length === 0 ? 'network' : n.type));
  const idsOf = (type: PlanNode['type']) => nodeIds.filter((_, i) => kinds[i] === type);
  const pick = (pool: readonly string[], index: number | null): string | null =>
    index === null || pool.length === 0 ? null : (pool[index % pool.length] as string);
  const servers = idsOf('server');
  const smtpHosts = idsOf('smtpHost');
  const dnsNodes = idsOf('dns');
  const mailServers = [...servers, ...smtpHosts];

  const nodes: PlanNode[] = shape.nodes.map((n, index) => {
    const id = nodeIds[index] as string;
    const extra = { site: siteId(n.site), position: n.position };
    const { name, address } = n;
    switch (n.type) {
      case 'server': {
        const site = siteId(n.site);
        // Without any site a server cannot be valid; it stands in as a network.
        if (site === undefined) return withOptional<PlanNode>({ id, type: 'network', name, address }, extra);
        const { type, exchange, services, staticPorts, rfc1006Port, ldapPort, rpcPorts } = n;
        const servicePack = servicePackOf(exchange, n.servicePack);
        const smartHost = pick(smtpHosts, n.smartHost);
        const dns = pick(dnsNodes, n.dns);
        return withOptional<PlanNode>(
          {
            id,
            type,
            name,
            site,
            address,
            exchange,
            servicePack,
            services,
            staticPorts,
            rfc1006Port,
            ldapPort,
            rpcPorts,
            smartHost,
            dns,
          },
          { position: n.position },
        );
      }
      case 'client': {
        const server = n.server === null ? null : (nodeIds[n.server % nodeIds.length] as string);
        const smtpServer = pick(mailServers, n.smtpServer);
        const { type, protocol, auth, sendsMail, notifications } = n;
        return withOptional<PlanNode>(
          { id, type, name, address, protocol, auth, server, sendsMail, smtpServer, notifications },
          extra,
        );
      }
      case 'smtpHost':
        return withOptional<PlanNode>({ id, type: n.type, name, address, direction: n.direction }, extra);
      case 'firewall':
        return withOptional<PlanNode>({ id, type: n.type, name, nat: n.nat }, extra);
      case 'owa': {
        const owaServers =
          servers.length === 0 ? [] : n.servers.map((i) => servers[i % servers.length] as string);
        return withOptional<PlanNode>(
          { id, type: n.type, name, address, exchange: n.exchange, servers: owaServers },
          extra,
        );
      }
      case 'newsHost':
        return withOptional<PlanNode>(
          { id, type: n.type, name, address, server: pick(servers, n.server), feed: n.feed },
          extra,
        );
      default:
        return withOptional<PlanNode>({ id, type: n.type, name, address }, extra);
    }
  });

  const links: Link[] = [];
  for (const pair of shape.links) {
    const id = takeId();
    if (nodes.length < 2) continue;
    const [i, j] = otherIndex(pair.a, pair.b, nodes.length);
    links.push(
      withOptional<Link>(
        {
          id,
          a: nodes[i]?.id as string,
          b: nodes[j]?.id as string,
          aInterface: pair.aInterface,
          bInterface: pair.bInterface,
        },
        { name: pair.name },
      ),
    );
  }

  const connectors: Connector[] = [];
  for (const { type, pair } of shape.connectors) {
    const id = takeId();
    if (type === 'x400') {
      if (servers.length < 2) continue;
      const [i, j] = otherIndex(pair.a, pair.b, servers.length);
      connectors.push(
        withOptional<Connector>(
          { id, type, a: servers[i] as string, b: servers[j] as string },
          { name: pair.name },
        ),
      );
      continue;
    }
    // A site connector may join a site to itself and name servers of any site: those are findings.
    if (sites.length === 0) continue;
    const targets = (list: number[]) =>
      servers.length === 0 ? [] : list.map((k) => servers[k % servers.length] as string);
    connectors.push(
      withOptional<Connector>(
        {
          id,
          type,
          a: sites[pair.a % sites.length]?.id as string,
          b: sites[pair.b % sites.length]?.id as string,
          bridgeheadA: pick(servers, pair.bridgeheadA),
          targetsA: targets(pair.targetsA),
          bridgeheadB: pick(servers, pair.bridgeheadB),
          targetsB: targets(pair.targetsB),
        },
        { name: pair.name },
      ),
    );
  }

  const objects = [...sites, ...nodes, ...links, ...connectors].map((o) => o.id);
  const notes: Note[] = shape.notes.map((note) => ({
    id: takeId(),
    about: pick(objects, note.about),
    text: note.text,
    resolved: note.resolved,
  }));

  return {
    format: PLAN_FORMAT,
    version: CURRENT_PLAN_VERSION,
    name: shape.name,
    sites,
    nodes,
    links,
    connectors,
    notes,
  };
}
