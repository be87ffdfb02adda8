import { DEFAULT_CLIENT_PROTOCOL, DEFAULT_EXCHANGE_VERSION, NODE_DEFAULTS } from '../model/defaults';
import { type DrawableKind, type IdKind, idPrefixOf, KINDS } from '../model/kinds';
import type { ConnectorType, NodeType, Plan, PlanNode, Position, Site, Size } from '../model/types';
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
  for (const list of [plan.sites, plan.nodes, plan.links, plan.connectors]) {
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
      return { ...base, type };
    case 'network':
      return { ...base, type };
  }
}

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

export function updateConnector(
  plan: Plan,
  id: string,
  patch: { type?: ConnectorType; name?: string },
): Plan {
  return {
    ...plan,
    connectors: plan.connectors.map((c) => (c.id === id ? { ...c, ...patch, id: c.id } : c)),
  };
}

export function updateLink(plan: Plan, id: string, patch: { name?: string }): Plan {
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
  return { ok: true, plan: { ...plan, links: [...plan.links, { id, a, b }] }, id };
}

/** Adds a messaging connector; both ends must be servers, in different sites, not already connected. */
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
  const duplicate = plan.connectors.find((c) => (c.a === a && c.b === b) || (c.a === b && c.b === a));
  if (duplicate) return { ok: false, error: `${serverA.name} and ${serverB.name} already have a connector.` };
  const id = nextId(plan, 'connector');
  return { ok: true, plan: { ...plan, connectors: [...plan.connectors, { id, type, a, b }] }, id };
}

/**
 * Deletes sites, nodes, links and connectors by id. Deleting a site deletes
 * what is drawn inside it; deleting a node deletes its links and connectors,
 * and clients that used a deleted server are left without one (the finding
 * CLIENT_WITHOUT_SERVER then says so).
 */
export function deleteElements(plan: Plan, ids: Iterable<string>): Plan {
  const gone = new Set(ids);
  if (gone.size === 0) return plan;
  const sites = plan.sites.filter((s) => !gone.has(s.id));
  const removedSites = new Set(plan.sites.filter((s) => gone.has(s.id)).map((s) => s.id));
  const removedNodes = new Set(
    plan.nodes.filter((n) => gone.has(n.id) || (n.site && removedSites.has(n.site))).map((n) => n.id),
  );
  const nodes = plan.nodes
    .filter((n) => !removedNodes.has(n.id))
    .map((n) => (n.type === 'client' && n.server && removedNodes.has(n.server) ? { ...n, server: null } : n));
  const links = plan.links.filter((l) => !gone.has(l.id) && !removedNodes.has(l.a) && !removedNodes.has(l.b));
  const connectors = plan.connectors.filter(
    (c) => !gone.has(c.id) && !removedNodes.has(c.a) && !removedNodes.has(c.b),
  );
  return { ...plan, sites, nodes, links, connectors };
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
