import { type Edge, type Node, type NodeHandle, Position as Side } from '@xyflow/react';
import type { Analysis } from '../engine/types';
import {
  AUTH_LABEL,
  CONNECTOR_LABEL,
  DIRECTION_LABEL,
  NEWS_FEED_LABEL,
  NODE_KINDS,
  PROTOCOL_LABEL,
  PROTOCOL_TRAITS,
  SITE_KIND,
} from '../model/kinds';
import type { ClientNode, Connector, Link, Plan, PlanNode, Position, ServerNode, Site } from '../model/types';
import { DEFAULT_SITE_SIZE, NODE_BOX } from '../store/layout';
import { ghostId } from '../store/reviewSlice';
import { CHANGE_WORDS, type ChangeKind, type ChangeMarks } from './changeMarks';
import { canvasFacts, type FindingMark, type PortBadge } from './derive';

/**
 * The one adapter from the plan to React Flow: nodes and edges are a view of
 * the plan, its analysis and the selection. React Flow re-measures a node
 * whenever it gets a new object, so the adapter keeps the previous object for
 * everything whose drawing did not change (STYLE.md: stable objects).
 */

/** How a node or edge stands against a highlight: nothing highlighted, on the highlighted paths, or not. */
export type Tone = 'normal' | 'emphasis' | 'dim';

/** The review notes about one object, for its pin. */
export interface NotePin {
  open: number;
  resolved: number;
}

/** What compare mode and review notes add to every node and edge. */
interface ReviewData {
  /** How it changed since the compared plan; null outside compare mode or when unchanged. */
  change: ChangeKind | null;
  notes: NotePin | null;
}

export interface SiteData extends Record<string, unknown>, ReviewData {
  name: string;
  serverCount: number;
  tone: Tone;
}

export interface PlanNodeData extends Record<string, unknown>, ReviewData {
  name: string;
  /** Second line: version, protocol, a firewall's rules… */
  detail: string;
  /** Third line, when there is one (a server's site, a client's server). */
  note: string | null;
  /** Firewalls only: how many rules it needs (its detail says the widest port they open). */
  ruleCount: number | null;
  mark: FindingMark | null;
  tone: Tone;
}

export interface LinkData extends Record<string, unknown>, ReviewData {
  /** Present for firewall edges (a link touching a firewall): the ports of the flows using it. */
  badges: PortBadge[] | null;
  /** On the path of a highlighted flow: that flow's port, which its badge stands out for. */
  activePort: string | null;
  mark: FindingMark | null;
  tone: Tone;
}

export interface ConnectorData extends Record<string, unknown>, ReviewData {
  label: string;
  /** X.400: the RFC1006 port(s) of the two MTAs. */
  ports: string | null;
  mark: FindingMark | null;
  tone: Tone;
}

export type SiteFlowNode = Node<SiteData, 'site'>;
export type PlanFlowNode = Node<PlanNodeData, PlanNode['type']>;

/**
 * The four handles of a plan node, declared up front with the node's expected
 * size. React Flow otherwise mounts every node once just to measure its
 * handles, even with only the nodes in view drawn; declared, a large plan's
 * first render mounts only what is in view. The measured values replace these
 * once a node is drawn.
 */
const HANDLE_SIZE = 8;
const { width: W, height: H } = NODE_BOX;
const PLAN_NODE_HANDLES: NodeHandle[] = (
  [
    ['t', Side.Top, W / 2, 0],
    ['r', Side.Right, W, H / 2],
    ['b', Side.Bottom, W / 2, H],
    ['l', Side.Left, 0, H / 2],
  ] as const
).map(([id, position, x, y]) => ({
  id,
  type: 'source',
  position,
  x: x - HANDLE_SIZE / 2,
  y: y - HANDLE_SIZE / 2,
  width: HANDLE_SIZE,
  height: HANDLE_SIZE,
}));
/**
 * A site has one handle nobody can grab, at its top centre: React Flow draws
 * an edge only between handles, and a Site Connector joins two sites. The
 * connector's own geometry runs from border to border, so the handle's place
 * does not show.
 */
export const SITE_HANDLE_ID = 'site';
const SITE_HANDLES: NodeHandle[] = [
  { id: SITE_HANDLE_ID, type: 'source', position: Side.Top, x: 0, y: 0, width: 1, height: 1 },
];
export type CanvasNode = SiteFlowNode | PlanFlowNode;
export type LinkEdge = Edge<LinkData, 'link'>;
export type ConnectorEdge = Edge<ConnectorData, 'connector'>;
export type CanvasEdge = LinkEdge | ConnectorEdge;

export interface Dimensions {
  width: number;
  height: number;
}

export interface AdapterInput {
  /** A plan with a layout (every position and size present). */
  plan: Plan;
  analysis: Analysis;
  selection: ReadonlySet<string>;
  /** Ids on the highlighted paths; null when nothing is highlighted. */
  emphasis: ReadonlySet<string> | null;
  /** The port of a highlighted flow (a matrix row), if that is what is highlighted. */
  highlightPort?: string | null;
  /** Sizes React Flow measured, so a rebuilt node is not measured again. */
  measured: ReadonlyMap<string, Dimensions>;
  /** Compare mode: how things changed since the compared plan, and what it had that is gone. */
  changes?: ChangeMarks | null;
}

export interface CanvasView {
  nodes: CanvasNode[];
  edges: CanvasEdge[];
}

export function serverDetail(server: ServerNode): string {
  return server.servicePack > 0
    ? `Exchange ${server.exchange} SP${server.servicePack}`
    : `Exchange ${server.exchange}`;
}

export function clientDetail(client: ClientNode): string {
  return PROTOCOL_TRAITS[client.protocol].usesAuth
    ? `${PROTOCOL_LABEL[client.protocol]} · ${AUTH_LABEL[client.auth]}`
    : PROTOCOL_LABEL[client.protocol];
}

function findingsText(mark: FindingMark | null): string {
  return mark ? `, ${mark.count === 1 ? '1 finding' : `${mark.count} findings`}` : '';
}

function notePins(plan: Plan): Map<string, NotePin> {
  const pins = new Map<string, NotePin>();
  for (const note of plan.notes) {
    if (note.about === null) continue;
    const pin = pins.get(note.about) ?? { open: 0, resolved: 0 };
    if (note.resolved) pin.resolved += 1;
    else pin.open += 1;
    pins.set(note.about, pin);
  }
  return pins;
}

/** The words a node or edge's accessible name ends with for its notes and its change. */
function reviewText({ change, notes }: ReviewData): string {
  const parts: string[] = [];
  if (notes) {
    if (notes.open > 0) parts.push(notes.open === 1 ? '1 open note' : `${notes.open} open notes`);
    if (notes.resolved > 0)
      parts.push(notes.resolved === 1 ? '1 resolved note' : `${notes.resolved} resolved notes`);
  }
  if (change) parts.push(CHANGE_WORDS[change]);
  return parts.map((p) => `, ${p}`).join('');
}

function toneOf(id: string, emphasis: ReadonlySet<string> | null): Tone {
  if (!emphasis) return 'normal';
  return emphasis.has(id) ? 'emphasis' : 'dim';
}

/** Highlighted edges are drawn above the others (and above the nodes they pass). */
function edgeZ(id: string, emphasis: ReadonlySet<string> | null): number {
  return emphasis?.has(id) ? 1 : 0;
}

/** Equal as drawn: primitives by value, arrays and plain objects member by member. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    return Array.isArray(b) && a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  }
  if (Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

function sameArray<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/**
 * Creates an adapter with its own cache. Call it with each new input; it
 * returns the same arrays when nothing drawn changed, and otherwise new
 * arrays that hold the previous object of every unchanged node and edge.
 */
export function createAdapter(): (input: AdapterInput) => CanvasView {
  let nodeCache = new Map<string, CanvasNode>();
  let edgeCache = new Map<string, CanvasEdge>();
  let last: CanvasView = { nodes: [], edges: [] };

  const keepNode = (next: CanvasNode, cache: Map<string, CanvasNode>): CanvasNode => {
    const previous = nodeCache.get(next.id);
    const kept = previous && sameValue(previous, next) ? previous : next;
    cache.set(next.id, kept);
    return kept;
  };
  const keepEdge = (next: CanvasEdge, cache: Map<string, CanvasEdge>): CanvasEdge => {
    const previous = edgeCache.get(next.id);
    const kept = previous && sameValue(previous, next) ? previous : next;
    cache.set(next.id, kept);
    return kept;
  };

  return (input) => {
    const { plan, analysis, selection, emphasis, measured } = input;
    const highlightPort = input.highlightPort ?? null;
    const facts = canvasFacts(plan, analysis);
    const pins = notePins(plan);
    const changes = input.changes ?? null;
    const review = (id: string): ReviewData => ({
      change: changes?.byId.get(id) ?? null,
      notes: pins.get(id) ?? null,
    });
    const sitePosition = new Map<string, Position>();
    const siteName = new Map<string, string>();
    const serverCount = new Map<string, number>();
    for (const site of plan.sites) {
      sitePosition.set(site.id, site.position ?? { x: 0, y: 0 });
      siteName.set(site.id, site.name);
    }
    const nodeName = new Map<string, string>();
    for (const node of plan.nodes) {
      nodeName.set(node.id, node.name);
      if (node.type === 'server') serverCount.set(node.site, (serverCount.get(node.site) ?? 0) + 1);
    }

    const nodeCacheNext = new Map<string, CanvasNode>();
    const nodes: CanvasNode[] = [];
    // Parents come before their children, as React Flow requires.
    for (const site of changes?.ghosts.sites ?? [])
      nodes.push(keepNode(ghostSite(site, emphasis), nodeCacheNext));
    for (const site of plan.sites) {
      const size = site.size ?? DEFAULT_SITE_SIZE;
      const count = serverCount.get(site.id) ?? 0;
      const extra = review(site.id);
      const node: SiteFlowNode = {
        id: site.id,
        type: 'site',
        position: site.position ?? { x: 0, y: 0 },
        width: size.width,
        height: size.height,
        selected: selection.has(site.id),
        ariaLabel: `${SITE_KIND.label} ${site.name}, ${count === 1 ? '1 server' : `${count} servers`}${reviewText(extra)}`,
        data: { name: site.name, serverCount: count, tone: toneOf(site.id, emphasis), ...extra },
        handles: SITE_HANDLES,
      };
      const size2 = measured.get(site.id);
      if (size2) node.measured = { width: size2.width, height: size2.height };
      nodes.push(keepNode(node, nodeCacheNext));
    }
    for (const planNode of plan.nodes) {
      const at = planNode.position ?? { x: 0, y: 0 };
      const parent = planNode.site ? sitePosition.get(planNode.site) : undefined;
      const mark = facts.marks.get(planNode.id) ?? null;
      let detail: string;
      let note: string | null = null;
      let ruleCount: number | null = null;
      switch (planNode.type) {
        case 'server':
          detail = serverDetail(planNode);
          note = siteName.get(planNode.site) ?? null;
          break;
        case 'client':
          detail = clientDetail(planNode);
          note = planNode.server
            ? `uses ${nodeName.get(planNode.server) ?? planNode.server}`
            : 'No server chosen';
          break;
        case 'firewall':
          {
            const exposure = facts.exposureByFirewall.get(planNode.id);
            ruleCount = exposure?.count ?? 0;
            detail = exposure?.text ?? 'No rules';
          }
          if (planNode.nat) note = 'Translates addresses (NAT)';
          break;
        case 'network':
          detail = NODE_KINDS.network.label;
          note = planNode.address;
          break;
        case 'smtpHost':
          detail = DIRECTION_LABEL[planNode.direction];
          note = planNode.address;
          break;
        case 'owa': {
          detail = `Outlook Web Access ${planNode.exchange}`;
          const [first] = planNode.servers;
          note =
            first === undefined
              ? 'No server chosen'
              : `opens ${nodeName.get(first) ?? first}${planNode.servers.length > 1 ? ` +${planNode.servers.length - 1}` : ''}`;
          break;
        }
        case 'dns':
          detail = NODE_KINDS.dns.label;
          note = planNode.address;
          break;
        case 'newsHost':
          detail = NEWS_FEED_LABEL[planNode.feed];
          note = planNode.server
            ? `feeds ${nodeName.get(planNode.server) ?? planNode.server}`
            : 'No server chosen';
          break;
      }
      const extra = review(planNode.id);
      const node: PlanFlowNode = {
        id: planNode.id,
        type: planNode.type,
        position: parent ? { x: at.x - parent.x, y: at.y - parent.y } : at,
        selected: selection.has(planNode.id),
        ariaLabel: `${NODE_KINDS[planNode.type].label} ${planNode.name}, ${detail}${findingsText(mark)}${reviewText(extra)}`,
        data: {
          name: planNode.name,
          detail,
          note,
          ruleCount,
          mark,
          tone: toneOf(planNode.id, emphasis),
          ...extra,
        },
        handles: PLAN_NODE_HANDLES,
        initialWidth: NODE_BOX.width,
        initialHeight: NODE_BOX.height,
      };
      if (parent && planNode.site) node.parentId = planNode.site;
      const size = measured.get(planNode.id);
      if (size) node.measured = { width: size.width, height: size.height };
      nodes.push(keepNode(node, nodeCacheNext));
    }

    for (const ghost of changes?.ghosts.nodes ?? [])
      nodes.push(keepNode(ghostNode(ghost, emphasis), nodeCacheNext));

    const edgeCacheNext = new Map<string, CanvasEdge>();
    const edges: CanvasEdge[] = [];
    if (changes) {
      const present = new Set([...plan.sites, ...plan.nodes].map((o) => o.id));
      const end = (id: string) => (present.has(id) ? id : ghostId(id));
      for (const link of changes.ghosts.links) {
        edges.push(keepEdge(ghostLink(link, end(link.a), end(link.b), emphasis), edgeCacheNext));
      }
      for (const connector of changes.ghosts.connectors) {
        edges.push(
          keepEdge(ghostConnector(connector, end(connector.a), end(connector.b), emphasis), edgeCacheNext),
        );
      }
    }
    for (const link of plan.links) {
      const badges = facts.badgesByLink.get(link.id) ?? null;
      const mark = facts.marks.get(link.id) ?? null;
      const ports = badges && badges.length > 0 ? `, ports ${badges.map((b) => b.text).join(', ')}` : '';
      const extra = review(link.id);
      const edge: LinkEdge = {
        id: link.id,
        type: 'link',
        source: link.a,
        target: link.b,
        selected: selection.has(link.id),
        zIndex: edgeZ(link.id, emphasis),
        ariaLabel: `Link ${nodeName.get(link.a) ?? link.a} – ${nodeName.get(link.b) ?? link.b}${ports}${reviewText(extra)}`,
        data: {
          badges,
          activePort: highlightPort && emphasis?.has(link.id) ? highlightPort : null,
          mark,
          tone: toneOf(link.id, emphasis),
          ...extra,
        },
      };
      edges.push(keepEdge(edge, edgeCacheNext));
    }
    const rfc1006 = new Map<string, number>();
    for (const node of plan.nodes) if (node.type === 'server') rfc1006.set(node.id, node.rfc1006Port);
    for (const connector of plan.connectors) {
      const label = CONNECTOR_LABEL[connector.type];
      let ports: string | null = null;
      let ends: string;
      if (connector.type === 'x400') {
        const distinct = [...new Set([rfc1006.get(connector.a), rfc1006.get(connector.b)])];
        ports = distinct.filter((p) => p !== undefined).join(' ≠ ');
        ends = `${nodeName.get(connector.a) ?? connector.a} – ${nodeName.get(connector.b) ?? connector.b}`;
      } else {
        ends = `${siteName.get(connector.a) ?? connector.a} – ${siteName.get(connector.b) ?? connector.b}`;
      }
      const extra = review(connector.id);
      const edge: ConnectorEdge = {
        id: connector.id,
        type: 'connector',
        source: connector.a,
        target: connector.b,
        selected: selection.has(connector.id),
        zIndex: edgeZ(connector.id, emphasis),
        ariaLabel: `${label} ${ends}${ports ? `, port ${ports}` : ''}${reviewText(extra)}`,
        data: {
          label,
          ports,
          mark: facts.marks.get(connector.id) ?? null,
          tone: toneOf(connector.id, emphasis),
          ...extra,
        },
      };
      if (connector.type === 'site') {
        edge.sourceHandle = SITE_HANDLE_ID;
        edge.targetHandle = SITE_HANDLE_ID;
      }
      edges.push(keepEdge(edge, edgeCacheNext));
    }

    nodeCache = nodeCacheNext;
    edgeCache = edgeCacheNext;
    const view: CanvasView = {
      nodes: sameArray(nodes, last.nodes) ? last.nodes : nodes,
      edges: sameArray(edges, last.edges) ? last.edges : edges,
    };
    last = view;
    return view;
  };
}

/**
 * What compare mode draws of an object only the compared plan had: at its
 * old place, not selectable, movable or deletable (it is not in the plan).
 */
const GHOST = {
  selectable: false,
  draggable: false,
  connectable: false,
  deletable: false,
  focusable: false,
} as const;
const GHOST_REVIEW: ReviewData = { change: 'removed', notes: null };

function ghostSite(site: Site, emphasis: ReadonlySet<string> | null): SiteFlowNode {
  const size = site.size ?? DEFAULT_SITE_SIZE;
  const id = ghostId(site.id);
  return {
    id,
    type: 'site',
    position: site.position ?? { x: 0, y: 0 },
    width: size.width,
    height: size.height,
    ...GHOST,
    className: 'epp-ghost',
    ariaLabel: `${SITE_KIND.label} ${site.name}, removed`,
    data: { name: site.name, serverCount: 0, tone: toneOf(id, emphasis), ...GHOST_REVIEW },
    handles: SITE_HANDLES,
  };
}

function ghostNode(planNode: PlanNode, emphasis: ReadonlySet<string> | null): PlanFlowNode {
  const id = ghostId(planNode.id);
  const kind = NODE_KINDS[planNode.type].label;
  return {
    id,
    type: planNode.type,
    position: planNode.position ?? { x: 0, y: 0 },
    ...GHOST,
    className: 'epp-ghost',
    ariaLabel: `${kind} ${planNode.name}, removed`,
    data: {
      name: planNode.name,
      detail: 'Removed',
      note: null,
      ruleCount: null,
      mark: null,
      tone: toneOf(id, emphasis),
      ...GHOST_REVIEW,
    },
    handles: PLAN_NODE_HANDLES,
    initialWidth: NODE_BOX.width,
    initialHeight: NODE_BOX.height,
  };
}

function ghostLink(
  link: Link,
  source: string,
  target: string,
  emphasis: ReadonlySet<string> | null,
): LinkEdge {
  const id = ghostId(link.id);
  return {
    id,
    type: 'link',
    source,
    target,
    ...GHOST,
    ariaLabel: `Link ${link.name ?? ''}, removed`,
    data: { badges: null, activePort: null, mark: null, tone: toneOf(id, emphasis), ...GHOST_REVIEW },
  };
}

function ghostConnector(
  connector: Connector,
  source: string,
  target: string,
  emphasis: ReadonlySet<string> | null,
): ConnectorEdge {
  const id = ghostId(connector.id);
  const label = CONNECTOR_LABEL[connector.type];
  const edge: ConnectorEdge = {
    id,
    type: 'connector',
    source,
    target,
    ...GHOST,
    ariaLabel: `${label}, removed`,
    data: { label, ports: null, mark: null, tone: toneOf(id, emphasis), ...GHOST_REVIEW },
  };
  if (connector.type === 'site') {
    edge.sourceHandle = SITE_HANDLE_ID;
    edge.targetHandle = SITE_HANDLE_ID;
  }
  return edge;
}
