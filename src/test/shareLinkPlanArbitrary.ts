/**
 * A fast-check arbitrary of valid plans (SPEC §2) with every
 * default filled in, covering what the share-link codec must carry: every
 * node type and field value, absent and present optional fields, ids and names
 * that count up (`srv-1`, `srv-2`) as well as arbitrary ones, non-ASCII
 * names, and references to objects before and after the referring one.
 */
import fc from 'fast-check';
import { drawingCoordinate } from '../io/compactPlan';
import type {
  ClientNode,
  Connector,
  Link,
  Plan,
  PlanNode,
  Position,
  ServerNode,
  Site,
  Size,
} from '../model/types';
import { CONNECTOR_TYPES, CURRENT_PLAN_VERSION, NODE_TYPES, PLAN_FORMAT } from '../model/types';
import {
  clientSettings,
  distinctPair,
  serverSettings,
  smtpHostSettings,
  idArbitrary as validIdArbitrary,
} from './planArbitraryCore';

export interface ShareLinkPlanOptions {
  /** Allow positions and sizes with fractions (the share link rounds them). */
  fractionalCoordinates?: boolean;
  maxNodes?: number;
}

const idArbitrary = fc.oneof(
  validIdArbitrary,
  fc.tuple(fc.constantFrom('n', 'srv-', 'l', 'x.', 'site0', 'k'), fc.nat(40)).map(([p, n]) => `${p}${n}`),
);

const nameArbitrary = fc.oneof(
  fc.string({ maxLength: 120 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.constantFrom('', 'EXAMS01', 'EXAMS02', 'Client 1', 'Client 2', 'FW-EDGE', 'Amsterdam LAN', '0'),
);

function coordinate(fractional: boolean): fc.Arbitrary<number> {
  const whole = fc.integer({ min: -100_000, max: 100_000 });
  if (!fractional) return whole;
  return fc.oneof(whole, fc.double({ noNaN: true, noDefaultInfinity: true }));
}

export function shareLinkPlanArbitrary(options: ShareLinkPlanOptions = {}): fc.Arbitrary<Plan> {
  const c = coordinate(options.fractionalCoordinates ?? false);
  const position = fc.option(fc.record({ x: c, y: c }), { nil: undefined });
  const size = fc.option(fc.record({ width: c, height: c }), { nil: undefined });
  const ref = fc.nat(1000);
  const maxNodes = options.maxNodes ?? 14;

  const nodeSpec = fc.record({
    type: fc.constantFrom(...NODE_TYPES),
    name: nameArbitrary,
    site: fc.option(ref, { nil: undefined }),
    position,
    ...serverSettings(),
    ...clientSettings(),
    server: fc.option(ref, { nil: null }),
    ...smtpHostSettings(),
  });

  return fc
    .record({
      name: nameArbitrary,
      ids: fc.uniqueArray(idArbitrary, { maxLength: 40 }),
      sites: fc.array(fc.record({ name: nameArbitrary, position, size }), { maxLength: 4 }),
      nodes: fc.array(nodeSpec, { maxLength: maxNodes }),
      links: fc.array(fc.record({ a: ref, b: ref, name: fc.option(nameArbitrary, { nil: undefined }) }), {
        maxLength: 14,
      }),
      connectors: fc.array(
        fc.record({
          type: fc.constantFrom(...CONNECTOR_TYPES),
          a: ref,
          b: ref,
          name: fc.option(nameArbitrary, { nil: undefined }),
        }),
        { maxLength: 4 },
      ),
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
      const pending: { node: ClientNode; server: number | null }[] = [];
      for (const spec of m.nodes) {
        const id = takeId();
        if (id === undefined) break;
        const type = spec.type === 'server' && sites.length === 0 ? 'firewall' : spec.type;
        const site = spec.site === undefined ? undefined : sites[spec.site % Math.max(1, sites.length)]?.id;
        const base = { id, name: spec.name, ...(site !== undefined && { site }) };
        const withPosition = <T extends PlanNode>(node: T): T => {
          if (spec.position) node.position = spec.position as Position;
          return node;
        };
        switch (type) {
          case 'server':
            nodes.push(
              withPosition<ServerNode>({
                ...base,
                type,
                site: site ?? (sites[0] as Site).id,
                exchange: spec.exchange,
                servicePack: spec.servicePack,
                services: spec.services,
                staticPorts: spec.staticPorts,
                rfc1006Port: spec.rfc1006Port,
              }),
            );
            break;
          case 'client': {
            const node = withPosition<ClientNode>({
              ...base,
              type,
              protocol: spec.protocol,
              auth: spec.auth,
              server: null,
              sendsMail: spec.sendsMail,
            });
            nodes.push(node);
            pending.push({ node, server: spec.server });
            break;
          }
          case 'smtpHost':
            nodes.push(withPosition({ ...base, type, direction: spec.direction }));
            break;
          case 'firewall':
          case 'network':
            nodes.push(withPosition({ ...base, type }));
            break;
        }
      }
      // A client may name any node, even one that comes after it.
      for (const { node, server } of pending) {
        node.server = server === null ? null : (nodes[server % nodes.length] as PlanNode).id;
      }

      const links: Link[] = [];
      if (nodes.length >= 2) {
        for (const spec of m.links) {
          const id = takeId();
          if (id === undefined) break;
          const [a, b] = distinctPair(nodes.length, spec.a, spec.b);
          const link: Link = { id, a: (nodes[a] as PlanNode).id, b: (nodes[b] as PlanNode).id };
          if (spec.name !== undefined) link.name = spec.name;
          links.push(link);
        }
      }

      const servers = nodes.filter((node) => node.type === 'server');
      const connectors: Connector[] = [];
      if (servers.length >= 2) {
        for (const spec of m.connectors) {
          const id = takeId();
          if (id === undefined) break;
          const [a, b] = distinctPair(servers.length, spec.a, spec.b);
          const connector: Connector = {
            id,
            type: spec.type,
            a: (servers[a] as ServerNode).id,
            b: (servers[b] as ServerNode).id,
          };
          if (spec.name !== undefined) connector.name = spec.name;
          connectors.push(connector);
        }
      }

      return {
        format: PLAN_FORMAT,
        version: CURRENT_PLAN_VERSION,
        name: m.name,
        sites,
        nodes,
        links,
        connectors,
      } satisfies Plan;
    });
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
