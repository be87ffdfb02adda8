import {
  DEFAULT_CLIENT_PROTOCOL,
  DEFAULT_EXCHANGE_VERSION,
  LINK_DEFAULTS,
  NODE_DEFAULTS,
  SITE_CONNECTOR_DEFAULTS,
} from '../model/defaults';
import { type DrawableKind, type IdKind, idPrefixOf, KINDS } from '../model/kinds';
import type {
  Connector,
  ConnectorType,
  Link,
  NodeType,
  OwaNode,
  Plan,
  PlanNode,
  Position,
  ServerNode,
  Site,
  SiteConnector,
  Size,
} from '../model/types';
import { DEFAULT_SITE_SIZE, NODE_BOX, SITE_HEADER, withLayout } from './layout';

export { DEFAULT_SITE_SIZE, NODE_BOX };

/**
 * Pure edits of a plan, the only way the planner changes one. Each returns a
 * new plan and leaves every untouched object as it was, so the canvas can keep
 * the views of unchanged nodes (STYLE.md: stable objects).
 */

export type EditResult = { ok: true; plan: Plan; id: string } | { ok: false; error: string };

function allIds(plan: Plan): Set<string> {
  const ids = new Set<string>();
  for (const list of [plan.sites, plan.nodes, plan.links, plan.connectors, plan.notes]) {
    for (const item of list) ids.add(item.id);
  }
  return ids;
}

/** The first free id `prefix1`, `prefix2`, … across every kind of object (ids are unique plan-wide, SPEC §2). */
export function nextId(plan: Plan, kind: IdKind): string {
  const ids = allIds(plan);
  const prefix = idPrefixOf(kind);
  for (let n = 1; ; n++) {
    const id = `${prefix}${n}`;
    if (!ids.has(id)) return id;
  }
}

/** The first free display name `EX01`, `EX02`, … for a new object of this kind. */
export function nextName(plan: Plan, kind: DrawableKind): string {
  const names = new Set<string>([...plan.sites.map((s) => s.name), ...plan.nodes.map((n) => n.name)]);
  const prefix = KINDS[kind].namePrefix;
  for (let n = 1; ; n++) {
    const name = `${prefix}${String(n).padStart(2, '0')}`;
    if (!names.has(name)) return name;
  }
}

/** A new node of `type` with the defaults of SPEC §2. */
export function newNode(plan: Plan, type: NodeType, position: Position, site?: string): PlanNode {
  const id = nextId(plan, type);
  const name = nextName(plan, type);
  const base = { id, name, position, ...(site ? { site } : {}) };
  switch (type) {
    case 'server':
      return {
        ...base,
        type,
        site: site ?? '',
        exchange: DEFAULT_EXCHANGE_VERSION,
        ...NODE_DEFAULTS.server,
        services: { ...NODE_DEFAULTS.server.services },
        staticPorts: { ...NODE_DEFAULTS.server.staticPorts },
      };
    case 'client': {
      // Unlike a loaded client, a new one is pointed at the first server, which is what a person drawing one wants.
      const server = plan.nodes.find((n) => n.type === 'server');
      return {
        ...base,
        type,
        protocol: DEFAULT_CLIENT_PROTOCOL,
        ...NODE_DEFAULTS.client,
        server: server?.id ?? null,
      };
    }
    case 'smtpHost':
      return { ...base, type, ...NODE_DEFAULTS.smtpHost };
    case 'firewall':
      return { ...base, type, ...NODE_DEFAULTS.firewall };
    case 'network':
      return { ...base, type, ...NODE_DEFAULTS.network };
    case 'owa': {
      // Like a new client, a new OWA server opens the first server that can serve it (5.0 or later, KB 198920).
      const server = plan.nodes.find((n) => n.type === 'server' && n.exchange !== '4.0');
      return {
        ...base,
        type,
        exchange: OWA_EXCHANGE_VERSION,
        ...NODE_DEFAULTS.owa,
        servers: server ? [server.id] : [],
      };
    }
    case 'dns':
      return { ...base, type, ...NODE_DEFAULTS.dns };
    case 'newsHost': {
      const server = plan.nodes.find((n) => n.type === 'server');
      return { ...base, type, ...NODE_DEFAULTS.newsHost, server: server?.id ?? null };
    }
  }
}

/** A new OWA server runs the version a new Exchange server runs (OWA came with 5.0, so never 4.0). */
const OWA_EXCHANGE_VERSION: OwaNode['exchange'] =
  DEFAULT_EXCHANGE_VERSION === '4.0' ? '5.5' : DEFAULT_EXCHANGE_VERSION;

function siteBox(site: Site): { x: number; y: number; width: number; height: number } {
  const position = site.position ?? { x: 0, y: 0 };
  const size = site.size ?? DEFAULT_SITE_SIZE;
  return { ...position, ...size };
}

/** The innermost (smallest) site whose rectangle contains the point, if any. */
export function siteAt(plan: Plan, point: Position): Site | undefined {
  let best: Site | undefined;
  let bestArea = Number.POSITIVE_INFINITY;
  for (const site of plan.sites) {
    const box = siteBox(site);
    const inside =
      point.x >= box.x && point.x <= box.x + box.width && point.y >= box.y && point.y <= box.y + box.height;
    const area = box.width * box.height;
    if (inside && area < bestArea) {
      best = site;
      bestArea = area;
    }
  }
  return best;
}

function clampInto(site: Site, position: Position): Position {
  const box = siteBox(site);
  const pad = 16;
  return {
    x: Math.min(Math.max(position.x, box.x + pad), box.x + Math.max(pad, box.width - NODE_BOX.width - pad)),
    y: Math.min(
      Math.max(position.y, box.y + SITE_HEADER),
      box.y + Math.max(SITE_HEADER, box.height - NODE_BOX.height - pad),
    ),
  };
}

function nearestSite(plan: Plan, point: Position): Site | undefined {
  let best: Site | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const site of plan.sites) {
    const box = siteBox(site);
    const dx = Math.max(box.x - point.x, 0, point.x - (box.x + box.width));
    const dy = Math.max(box.y - point.y, 0, point.y - (box.y + box.height));
    const distance = dx * dx + dy * dy;
    if (distance < bestDistance) {
      best = site;
      bestDistance = distance;
    }
  }
  return best;
}

/** Adds a site; its rectangle's top-left corner is `position`. */
export function addSite(plan: Plan, position: Position, size: Size = DEFAULT_SITE_SIZE): EditResult {
  const site: Site = { id: nextId(plan, 'site'), name: nextName(plan, 'site'), position, size };
  return { ok: true, plan: { ...plan, sites: [...plan.sites, site] }, id: site.id };
}

/**
 * Adds a node at `position`. A node dropped inside a site is drawn in it. A
 * server always belongs to exactly one site: dropped outside every site it
 * goes into the nearest site, or into a new site created around it when the
 * plan has none.
 */
export function addNode(plan: Plan, type: NodeType, position: Position): EditResult {
  // Sites are found by their drawn rectangles, so a plan without them gets the canvas's layout first.
  let working = withLayout(plan);
  let site = siteAt(working, position);
  let at = position;
  if (type === 'server' && !site) {
    site = nearestSite(working, position);
    if (!site) {
      const created = addSite(working, { x: position.x - 40, y: position.y - 60 });
      if (!created.ok) return created;
      working = created.plan;
      site = working.sites.find((s) => s.id === created.id);
    }
  }
  if (type === 'server' && site) at = clampInto(site, position);
  const node = newNode(working, type, at, site?.id);
  return { ok: true, plan: { ...working, nodes: [...working.nodes, node] }, id: node.id };
}

/** Applies a partial change to one node; the node keeps its id and type. */
export function updateNode(plan: Plan, id: string, patch: Partial<PlanNode>): Plan {
  return {
    ...plan,
    nodes: plan.nodes.map((n) =>
      n.id === id ? ({ ...n, ...patch, id: n.id, type: n.type } as PlanNode) : n,
    ),
  };
}

export function updateSite(plan: Plan, id: string, patch: Partial<Site>): Plan {
  return { ...plan, sites: plan.sites.map((s) => (s.id === id ? { ...s, ...patch, id: s.id } : s)) };
}

/** What the inspector may change on a connector: its name, and a site connector's two halves. */
export type ConnectorPatch = { name?: string } & Partial<
  Pick<SiteConnector, 'bridgeheadA' | 'targetsA' | 'bridgeheadB' | 'targetsB'>
>;

/**
 * Applies a change to one connector; it keeps its id, type and ends. The
 * halves of a site connector are patched only on a site connector.
 */
export function updateConnector(plan: Plan, id: string, patch: ConnectorPatch): Plan {
  const { name, ...halves } = patch;
  return {
    ...plan,
    connectors: plan.connectors.map((c): Connector => {
      if (c.id !== id) return c;
      const named = name === undefined ? c : { ...c, name };
      return named.type === 'site' ? { ...named, ...halves, id: c.id } : { ...named, id: c.id };
    }),
  };
}

/** What the inspector may change on a link: its name and, at a firewall end, that end's interface. */
export type LinkPatch = Partial<Pick<Link, 'name' | 'aInterface' | 'bInterface'>>;

export function updateLink(plan: Plan, id: string, patch: LinkPatch): Plan {
  return { ...plan, links: plan.links.map((l) => (l.id === id ? { ...l, ...patch, id: l.id } : l)) };
}

function nodeLabel(plan: Plan, id: string): string {
  const node = plan.nodes.find((n) => n.id === id);
  return node ? node.name || node.id : id;
}

/** Draws a network link; refuses a link to itself, to a site, to a missing node, or a duplicate. */
export function addLink(plan: Plan, a: string, b: string): EditResult {
  if (a === b) return { ok: false, error: 'A link must join two different nodes.' };
  if (plan.sites.some((s) => s.id === a || s.id === b)) {
    return {
      ok: false,
      error: 'A link joins two nodes, not a site: link the nodes inside the site instead.',
    };
  }
  for (const end of [a, b]) {
    if (!plan.nodes.some((n) => n.id === end))
      return { ok: false, error: `"${end}" is not a node of this plan.` };
  }
  const duplicate = plan.links.find((l) => (l.a === a && l.b === b) || (l.a === b && l.b === a));
  if (duplicate) {
    return {
      ok: false,
      error: `${nodeLabel(plan, a)} and ${nodeLabel(plan, b)} are already linked.`,
    };
  }
  const id = nextId(plan, 'link');
  return { ok: true, plan: { ...plan, links: [...plan.links, { id, a, b, ...LINK_DEFAULTS }] }, id };
}

/**
 * Adds a messaging connector drawn between two servers of different sites.
 * An X.400 connector joins the two servers. A Site Connector joins their
 * sites (SPEC §2, v2); because the person joined these two servers, each
 * half sends from its server to the other one, as a version 1 connector
 * between them did (SPEC §2.1). The inspector widens a half to "Any server"
 * or "All servers".
 */
export function addConnector(plan: Plan, type: ConnectorType, a: string, b: string): EditResult {
  const serverA = plan.nodes.find((n) => n.id === a);
  const serverB = plan.nodes.find((n) => n.id === b);
  if (serverA?.type !== 'server' || serverB?.type !== 'server') {
    return { ok: false, error: 'A connector joins two Exchange servers.' };
  }
  if (a === b) return { ok: false, error: 'A connector must join two different servers.' };
  if (serverA.site === serverB.site) {
    return {
      ok: false,
      error: `${serverA.name} and ${serverB.name} are in the same site; connectors join servers of different sites.`,
    };
  }
  return type === 'site'
    ? addSiteConnector(plan, serverA, serverB)
    : addX400Connector(plan, serverA, serverB);
}

function addX400Connector(plan: Plan, serverA: ServerNode, serverB: ServerNode): EditResult {
  const [a, b] = [serverA.id, serverB.id];
  const duplicate = plan.connectors.find(
    (c) => c.type === 'x400' && ((c.a === a && c.b === b) || (c.a === b && c.b === a)),
  );
  if (duplicate) {
    return { ok: false, error: `${serverA.name} and ${serverB.name} already have an X.400 connector.` };
  }
  const id = nextId(plan, 'connector');
  const connector: Connector = { id, type: 'x400', a, b };
  return { ok: true, plan: { ...plan, connectors: [...plan.connectors, connector] }, id };
}

function siteLabel(plan: Plan, id: string): string {
  const site = plan.sites.find((s) => s.id === id);
  return site ? site.name || site.id : id;
}

function addSiteConnector(plan: Plan, serverA: ServerNode, serverB: ServerNode): EditResult {
  const [a, b] = [serverA.site, serverB.site];
  const duplicate = plan.connectors.find(
    (c) => c.type === 'site' && ((c.a === a && c.b === b) || (c.a === b && c.b === a)),
  );
  if (duplicate) {
    return {
      ok: false,
      error: `${siteLabel(plan, a)} and ${siteLabel(plan, b)} already have a site connector: select it to change its bridgeheads and target servers.`,
    };
  }
  const id = nextId(plan, 'connector');
  const connector: SiteConnector = {
    id,
    type: 'site',
    a,
    b,
    ...SITE_CONNECTOR_DEFAULTS,
    bridgeheadA: serverA.id,
    targetsA: [serverB.id],
    bridgeheadB: serverB.id,
    targetsB: [serverA.id],
  };
  return { ok: true, plan: { ...plan, connectors: [...plan.connectors, connector] }, id };
}

/** Adds a site connector between two sites with both halves at Exchange's defaults: any server sends, to all servers. */
export function addSiteConnectorBetween(plan: Plan, a: string, b: string): EditResult {
  if (a === b) return { ok: false, error: 'A site connector joins two different sites.' };
  for (const end of [a, b]) {
    if (!plan.sites.some((s) => s.id === end))
      return { ok: false, error: `"${end}" is not a site of this plan.` };
  }
  const duplicate = plan.connectors.find(
    (c) => c.type === 'site' && ((c.a === a && c.b === b) || (c.a === b && c.b === a)),
  );
  if (duplicate) {
    return {
      ok: false,
      error: `${siteLabel(plan, a)} and ${siteLabel(plan, b)} already have a site connector.`,
    };
  }
  const id = nextId(plan, 'connector');
  const connector: SiteConnector = {
    id,
    type: 'site',
    a,
    b,
    ...SITE_CONNECTOR_DEFAULTS,
    targetsA: [],
    targetsB: [],
  };
  return { ok: true, plan: { ...plan, connectors: [...plan.connectors, connector] }, id };
}

/**
 * Deletes sites, nodes, links and connectors by id, and keeps every
 * reference of the rest naming something that exists (SPEC §2):
 * - deleting a site deletes what is drawn inside it and its site connectors;
 * - deleting a node deletes its links and X.400 connectors;
 * - a reference to a deleted node is cleared: a client, news host or
 *   server's smart host or DNS becomes "none" (the findings then say so), an
 *   OWA server or a site connector half drops it from its list, and a half
 *   whose bridgehead was deleted sends from any server of its site;
 * - review notes about what is deleted go with it (Undo brings them back).
 */
export function deleteElements(plan: Plan, ids: Iterable<string>): Plan {
  const gone = new Set(ids);
  if (gone.size === 0) return plan;
  const sites = plan.sites.filter((s) => !gone.has(s.id));
  const removedSites = new Set(plan.sites.filter((s) => gone.has(s.id)).map((s) => s.id));
  const removedNodes = new Set(
    plan.nodes.filter((n) => gone.has(n.id) || (n.site && removedSites.has(n.site))).map((n) => n.id),
  );
  const alive = (id: string | null) => (id !== null && removedNodes.has(id) ? null : id);
  const kept = (list: string[]) =>
    list.some((id) => removedNodes.has(id)) ? list.filter((id) => !removedNodes.has(id)) : list;
  const nodes = plan.nodes
    .filter((n) => !removedNodes.has(n.id))
    .map((n): PlanNode => {
      switch (n.type) {
        case 'client': {
          const server = alive(n.server);
          const smtpServer = alive(n.smtpServer);
          return server === n.server && smtpServer === n.smtpServer ? n : { ...n, server, smtpServer };
        }
        case 'server': {
          const smartHost = alive(n.smartHost);
          const dns = alive(n.dns);
          return smartHost === n.smartHost && dns === n.dns ? n : { ...n, smartHost, dns };
        }
        case 'owa': {
          const servers = kept(n.servers);
          return servers === n.servers ? n : { ...n, servers };
        }
        case 'newsHost': {
          const server = alive(n.server);
          return server === n.server ? n : { ...n, server };
        }
        default:
          return n;
      }
    });
  const links = plan.links.filter((l) => !gone.has(l.id) && !removedNodes.has(l.a) && !removedNodes.has(l.b));
  const connectors = plan.connectors
    .filter((c) => {
      if (gone.has(c.id)) return false;
      if (c.type === 'site') return !removedSites.has(c.a) && !removedSites.has(c.b);
      return !removedNodes.has(c.a) && !removedNodes.has(c.b);
    })
    .map((c): Connector => {
      if (c.type !== 'site') return c;
      const next = {
        ...c,
        bridgeheadA: alive(c.bridgeheadA),
        targetsA: kept(c.targetsA),
        bridgeheadB: alive(c.bridgeheadB),
        targetsB: kept(c.targetsB),
      };
      const same =
        next.bridgeheadA === c.bridgeheadA &&
        next.targetsA === c.targetsA &&
        next.bridgeheadB === c.bridgeheadB &&
        next.targetsB === c.targetsB;
      return same ? c : next;
    });
  const remaining = new Set([...sites, ...nodes, ...links, ...connectors].map((o) => o.id));
  const notes = plan.notes.some((n) => gone.has(n.id) || (n.about !== null && !remaining.has(n.about)))
    ? plan.notes.filter((n) => !gone.has(n.id) && (n.about === null || remaining.has(n.about)))
    : plan.notes;
  return { ...plan, sites, nodes, links, connectors, notes };
}

export interface NodeMove {
  id: string;
  position: Position;
}

/**
 * Moves nodes (one drag is one call). A node moved into a site is drawn in
 * it; a server moved into another site belongs to that site, and a server
 * moved outside every site stays in its own site, drawn just inside its edge
 * (a server always has exactly one site).
 */
export function moveNodes(original: Plan, moves: readonly NodeMove[]): Plan {
  if (moves.length === 0) return original;
  // Positions are given as drawn, so a plan without a layout gets the canvas's layout first.
  const plan = withLayout(original);
  const byId = new Map(moves.map((m) => [m.id, m.position]));
  // A site carries what is drawn inside it: nodes not moved themselves shift with their site.
  const siteShift = new Map<string, Position>();
  const sites = plan.sites.map((s) => {
    const position = byId.get(s.id);
    if (!position) return s;
    const from = s.position ?? { x: 0, y: 0 };
    siteShift.set(s.id, { x: position.x - from.x, y: position.y - from.y });
    return { ...s, position };
  });
  for (const n of plan.nodes) {
    const shift = n.site ? siteShift.get(n.site) : undefined;
    if (shift && n.position && !byId.has(n.id)) {
      byId.set(n.id, { x: n.position.x + shift.x, y: n.position.y + shift.y });
    }
  }
  const moved = { ...plan, sites };
  const nodes = plan.nodes.map((n) => {
    const position = byId.get(n.id);
    if (!position) return n;
    const center = { x: position.x + NODE_BOX.width / 2, y: position.y + NODE_BOX.height / 2 };
    const site = siteAt(moved, center);
    if (n.type === 'server') {
      if (site) return { ...n, position, site: site.id };
      const own = moved.sites.find((s) => s.id === n.site);
      return { ...n, position: own ? clampInto(own, position) : position };
    }
    const { site: _previous, ...rest } = n;
    return site ? { ...rest, position, site: site.id } : { ...rest, position };
  });
  return { ...moved, nodes };
}
