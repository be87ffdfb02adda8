/**
 * For tests: a fast-check arbitrary of valid plans (SPEC §2) with every
 * default filled in, covering what the share-link codec must carry: every
 * node type and field value, absent and present optional fields, ids and names
 * that count up (`srv-1`, `srv-2`) as well as arbitrary ones, non-ASCII
 * names, and references to objects before and after the referring one.
 */
import fc from 'fast-check';
import { drawingCoordinate } from '../io/compactPlan';
import { cleanName } from '../model/text';
import type {
  ClientNode,
  Connector,
  Link,
  NewsHostNode,
  Note,
  OwaNode,
  Plan,
  PlanNode,
  Position,
  ServerNode,
  Site,
  Size,
} from '../model/types';
import {
  CLIENT_AUTHS,
  CLIENT_PROTOCOLS,
  CONNECTOR_TYPES,
  CURRENT_PLAN_VERSION,
  EXCHANGE_VERSIONS,
  NEWS_FEEDS,
  NODE_TYPES,
  PLAN_FORMAT,
  SMTP_DIRECTIONS,
} from '../model/types';
import { portArbitrary, idArbitrary as validIdArbitrary } from './planArbitraryCore';
import { addressArbitrary, interfaceArbitrary, noteTextArbitrary, servicePackOf } from './v2Arbitraries';

export interface ShareLinkPlanOptions {
  /** Allow positions and sizes with fractions (the share link rounds them). */
  fractionalCoordinates?: boolean;
  maxNodes?: number;
}

const idArbitrary = fc.oneof(
  validIdArbitrary,
  fc.tuple(fc.constantFrom('n', 'srv-', 'l', 'x.', 'site0', 'k'), fc.nat(40)).map(([p, n]) => `${p}${n}`),
);

// Names hold no control characters or lone surrogates (v2): generated text is cleaned as a v1 name would be.
const nameArbitrary = fc.oneof(
  fc.string({ maxLength: 120 }).map(cleanName),
  fc.string({ unit: 'grapheme', maxLength: 30 }).map(cleanName),
  fc.constantFrom('', 'EXAMS01', 'EXAMS02', 'Client 1', 'Client 2', 'FW-EDGE', 'Amsterdam LAN', '0'),
);

function coordinate(fractional: boolean): fc.Arbitrary<number> {
  const whole = fc.integer({ min: -100_000, max: 100_000 });
  if (!fractional) return whole;
  return fc.oneof(whole, fc.double({ noNaN: true, min: -1_000_000, max: 1_000_000 }));
}

export function shareLinkPlanArbitrary(options: ShareLinkPlanOptions = {}): fc.Arbitrary<Plan> {
  const c = coordinate(options.fractionalCoordinates ?? false);
  const position = fc.option(fc.record({ x: c, y: c }), { nil: undefined });
  const extent = options.fractionalCoordinates
    ? fc.oneof(fc.integer({ min: 1, max: 1_000_000 }), fc.double({ noNaN: true, min: 1, max: 1_000_000 }))
    : fc.integer({ min: 1, max: 100_000 });
  const size = fc.option(fc.record({ width: extent, height: extent }), { nil: undefined });
  const ref = fc.nat(1000);
  const nullableRef = fc.option(ref, { nil: null });
  const maxNodes = options.maxNodes ?? 14;

  const nodeSpec = fc.record({
    type: fc.constantFrom(...NODE_TYPES),
    name: nameArbitrary,
    site: fc.option(ref, { nil: undefined }),
    position,
    exchange: fc.constantFrom(...EXCHANGE_VERSIONS),
    servicePack: fc.nat(5),
    address: fc.option(addressArbitrary, { nil: null }),
    services: fc.record({
      pop3: fc.boolean(),
      imap4: fc.boolean(),
      ldap: fc.boolean(),
      nntp: fc.boolean(),
      internetMail: fc.boolean(),
    }),
    staticPorts: fc.record({
      directory: fc.option(portArbitrary, { nil: null }),
      store: fc.option(portArbitrary, { nil: null }),
      mta: fc.option(portArbitrary, { nil: null }),
      systemAttendant: fc.option(portArbitrary, { nil: null }),
    }),
    rfc1006Port: fc.oneof(fc.constant(102), portArbitrary),
    ldapPort: fc.oneof(fc.constant(389), portArbitrary),
    rpcPorts: fc.option(
      fc
        .tuple(fc.integer({ min: 1024, max: 65535 }), fc.integer({ min: 1024, max: 65535 }))
        .map(([x, y]) => ({ from: Math.min(x, y), to: Math.max(x, y) })),
      { nil: null },
    ),
    smartHost: nullableRef,
    dns: nullableRef,
    smtpServer: nullableRef,
    notifications: fc.boolean(),
    nat: fc.boolean(),
    owaExchange: fc.constantFrom('5.0' as const, '5.5' as const),
    servers: fc.array(ref, { maxLength: 3 }),
    feed: fc.constantFrom(...NEWS_FEEDS),
    protocol: fc.constantFrom(...CLIENT_PROTOCOLS),
    auth: fc.constantFrom(...CLIENT_AUTHS),
    server: fc.option(ref, { nil: null }),
    sendsMail: fc.boolean(),
    direction: fc.constantFrom(...SMTP_DIRECTIONS),
  });

  return fc
    .record({
      name: nameArbitrary,
      ids: fc.uniqueArray(idArbitrary, { maxLength: 40 }),
      sites: fc.array(fc.record({ name: nameArbitrary, position, size }), { maxLength: 4 }),
      nodes: fc.array(nodeSpec, { maxLength: maxNodes }),
      links: fc.array(
        fc.record({
          a: ref,
          b: ref,
          name: fc.option(nameArbitrary, { nil: undefined }),
          aInterface: fc.option(interfaceArbitrary, { nil: null }),
          bInterface: fc.option(interfaceArbitrary, { nil: null }),
        }),
        { maxLength: 14 },
      ),
      connectors: fc.array(
        fc.record({
          type: fc.constantFrom(...CONNECTOR_TYPES),
          a: ref,
          b: ref,
          name: fc.option(nameArbitrary, { nil: undefined }),
          bridgeheadA: nullableRef,
          targetsA: fc.array(ref, { maxLength: 3 }),
          bridgeheadB: nullableRef,
          targetsB: fc.array(ref, { maxLength: 3 }),
        }),
        { maxLength: 4 },
      ),
      notes: fc.array(fc.record({ about: nullableRef, text: noteTextArbitrary, resolved: fc.boolean() }), {
        maxLength: 3,
      }),
      // Whether ids are taken in order (so they often count up) or shuffled.
      sequentialIds: fc.boolean(),
    })
    .map((m) => {
      const ids = m.sequentialIds ? [...m.ids].sort() : m.ids;
      let next = 0;
      const takeId = () => ids[next++];

      const sites: Site[] = [];
      for (const spec of m.sites) {
        const id = takeId();
        if (id === undefined) break;
        const site: Site = { id, name: spec.name };
        if (spec.position) site.position = spec.position;
        if (spec.size) site.size = spec.size as Size;
        sites.push(site);
      }

      const nodes: PlanNode[] = [];
      // References are filled in once every node is known: they may name a later node.
      const later: ((nodes: PlanNode[]) => void)[] = [];
      for (const spec of m.nodes) {
        const id = takeId();
        if (id === undefined) break;
        const type = spec.type === 'server' && sites.length === 0 ? 'firewall' : spec.type;
        const site = spec.site === undefined ? undefined : sites[spec.site % Math.max(1, sites.length)]?.id;
        const base = { id, name: spec.name, ...(site !== undefined && { site }) };
        const addressed = { ...base, address: spec.address };
        const withPosition = <T extends PlanNode>(node: T): T => {
          if (spec.position) node.position = spec.position as Position;
          return node;
        };
        switch (type) {
          case 'server': {
            const node = withPosition<ServerNode>({
              ...addressed,
              type,
              site: site ?? (sites[0] as Site).id,
              exchange: spec.exchange,
              servicePack: servicePackOf(spec.exchange, spec.servicePack),
              services: spec.services,
              staticPorts: spec.staticPorts,
              rfc1006Port: spec.rfc1006Port,
              ldapPort: spec.ldapPort,
              rpcPorts: spec.rpcPorts,
              smartHost: null,
              dns: null,
            });
            nodes.push(node);
            later.push((all) => {
              node.smartHost = pickOf(all, ['smtpHost'], spec.smartHost);
              node.dns = pickOf(all, ['dns'], spec.dns);
            });
            break;
          }
          case 'client': {
            const node = withPosition<ClientNode>({
              ...addressed,
              type,
              protocol: spec.protocol,
              auth: spec.auth,
              server: null,
              sendsMail: spec.sendsMail,
              smtpServer: null,
              notifications: spec.notifications,
            });
            nodes.push(node);
            later.push((all) => {
              // A client may name any node, even one that comes after it.
              node.server = spec.server === null ? null : (all[spec.server % all.length] as PlanNode).id;
              node.smtpServer = pickOf(all, ['server', 'smtpHost'], spec.smtpServer);
            });
            break;
          }
          case 'smtpHost':
            nodes.push(withPosition({ ...addressed, type, direction: spec.direction }));
            break;
          case 'firewall':
            nodes.push(withPosition({ ...base, type, nat: spec.nat }));
            break;
          case 'network':
          case 'dns':
            nodes.push(withPosition({ ...addressed, type }));
            break;
          case 'owa': {
            const node = withPosition<OwaNode>({
              ...addressed,
              type,
              exchange: spec.owaExchange,
              servers: [],
            });
            nodes.push(node);
            later.push((all) => {
              node.servers = spec.servers.flatMap((k) => pickOf(all, ['server'], k) ?? []);
            });
            break;
          }
          case 'newsHost': {
            const node = withPosition<NewsHostNode>({ ...addressed, type, server: null, feed: spec.feed });
            nodes.push(node);
            later.push((all) => {
              node.server = pickOf(all, ['server'], spec.server);
            });
            break;
          }
        }
      }
      for (const fill of later) fill(nodes);

      const pair = (count: number, a: number, b: number): [number, number] => {
        const first = a % count;
        return [first, (first + 1 + (b % (count - 1))) % count];
      };

      const links: Link[] = [];
      if (nodes.length >= 2) {
        for (const spec of m.links) {
          const id = takeId();
          if (id === undefined) break;
          const [a, b] = pair(nodes.length, spec.a, spec.b);
          const link: Link = {
            id,
            a: (nodes[a] as PlanNode).id,
            b: (nodes[b] as PlanNode).id,
            aInterface: spec.aInterface,
            bInterface: spec.bInterface,
          };
          if (spec.name !== undefined) link.name = spec.name;
          links.push(link);
        }
      }

      const servers = nodes.filter((node) => node.type === 'server');
      const connectors: Connector[] = [];
      for (const spec of m.connectors) {
        if (spec.type === 'x400' ? servers.length < 2 : sites.length === 0) continue;
        const id = takeId();
        if (id === undefined) break;
        let connector: Connector;
        if (spec.type === 'x400') {
          const [a, b] = pair(servers.length, spec.a, spec.b);
          connector = {
            id,
            type: 'x400',
            a: (servers[a] as ServerNode).id,
            b: (servers[b] as ServerNode).id,
          };
        } else {
          // A site connector may join a site to itself, its halves name servers of any site: findings, not refusals.
          const serverIds = (refs: number[]) => refs.flatMap((k) => pickOf(servers, ['server'], k) ?? []);
          connector = {
            id,
            type: 'site',
            a: (sites[spec.a % sites.length] as Site).id,
            b: (sites[spec.b % sites.length] as Site).id,
            bridgeheadA: pickOf(servers, ['server'], spec.bridgeheadA),
            targetsA: serverIds(spec.targetsA),
            bridgeheadB: pickOf(servers, ['server'], spec.bridgeheadB),
            targetsB: serverIds(spec.targetsB),
          };
        }
        if (spec.name !== undefined) connector.name = spec.name;
        connectors.push(connector);
      }

      const objects = [...sites, ...nodes, ...links, ...connectors];
      const notes: Note[] = [];
      for (const spec of m.notes) {
        const id = takeId();
        if (id === undefined) break;
        const about =
          spec.about === null || objects.length === 0
            ? null
            : (objects[spec.about % objects.length]?.id ?? null);
        notes.push({ id, about, text: spec.text, resolved: spec.resolved });
      }

      return {
        format: PLAN_FORMAT,
        version: CURRENT_PLAN_VERSION,
        name: m.name,
        sites,
        nodes,
        links,
        connectors,
        notes,
      } satisfies Plan;
    });
}

/** The id of the `index`-th node (wrapping) of one of `types`, or null when there is none or no index. */
function pickOf(
  nodes: readonly PlanNode[],
  types: readonly PlanNode['type'][],
  index: number | null,
): string | null {
  if (index === null) return null;
  const pool = nodes.filter((node) => types.includes(node.type));
  return pool.length === 0 ? null : (pool[index % pool.length] as PlanNode).id;
}

/** `plan` with positions and sizes rounded to whole numbers (within ±1e9), as a share link carries them. */
export function withRoundedCoordinates(plan: Plan): Plan {
  const round = drawingCoordinate;
  const roundPosition = (p: Position) => ({ x: round(p.x), y: round(p.y) });
  return {
    ...plan,
    sites: plan.sites.map((site) => ({
      ...site,
      ...(site.position && { position: roundPosition(site.position) }),
      ...(site.size && { size: { width: round(site.size.width), height: round(site.size.height) } }),
    })),
    nodes: plan.nodes.map((node) => ({
      ...node,
      ...(node.position && { position: roundPosition(node.position) }),
    })),
  };
}
