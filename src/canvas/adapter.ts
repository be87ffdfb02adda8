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
import type { ClientNode, Plan, PlanNode, Position, ServerNode } from '../model/types';
import { DEFAULT_SITE_SIZE, NODE_BOX } from '../store/layout';
import { canvasFacts, type FindingMark, type PortBadge } from './derive';

/**
 * The one adapter from the plan to React Flow: nodes and edges are a view of
 * the plan, its analysis and the selection. React Flow re-measures a node
 * whenever it gets a new object, so the adapter keeps the previous object for
 * everything whose drawing did not change (STYLE.md: stable objects).
 */

/** How a node or edge stands against a highlight: nothing highlighted, on the highlighted paths, or not. */
export type Tone = 'normal' | 'emphasis' | 'dim';

export interface SiteData extends Record<string, unknown> {
  name: string;
  serverCount: number;
  tone: Tone;
}

export interface PlanNodeData extends Record<string, unknown> {
  name: string;
  /** Second line: version, protocol, port count… */
  detail: string;
  /** Third line, when there is one (a server's site, a client's server). */
  note: string | null;
  /** Firewalls only: distinct ports or ranges it must open. */
  portCount: number | null;
  mark: FindingMark | null;
  tone: Tone;
}

export interface LinkData extends Record<string, unknown> {
  /** Present for firewall edges (a link touching a firewall): the ports of the flows using it. */
  badges: PortBadge[] | null;
  /** On the path of a highlighted flow: that flow's port, which its badge stands out for. */
  activePort: string | null;
  mark: FindingMark | null;
  tone: Tone;
}

export interface ConnectorData extends Record<string, unknown> {
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

export function portCountText(count: number): string {
  return count === 0 ? 'No ports' : count === 1 ? '1 port' : `${count} ports`;
}

function findingsText(mark: FindingMark | null): string {
  return mark ? `, ${mark.count === 1 ? '1 finding' : `${mark.count} findings`}` : '';
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
    for (const site of plan.sites) {
      const size = site.size ?? DEFAULT_SITE_SIZE;
      const count = serverCount.get(site.id) ?? 0;
      const node: SiteFlowNode = {
        id: site.id,
        type: 'site',
        position: site.position ?? { x: 0, y: 0 },
        width: size.width,
        height: size.height,
        selected: selection.has(site.id),
        ariaLabel: `${SITE_KIND.label} ${site.name}, ${count === 1 ? '1 server' : `${count} servers`}`,
        data: { name: site.name, serverCount: count, tone: toneOf(site.id, emphasis) },
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
      let portCount: number | null = null;
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
          portCount = facts.portCountByFirewall.get(planNode.id) ?? 0;
          detail = portCountText(portCount);
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
      const node: PlanFlowNode = {
        id: planNode.id,
        type: planNode.type,
        position: parent ? { x: at.x - parent.x, y: at.y - parent.y } : at,
        selected: selection.has(planNode.id),
        ariaLabel: `${NODE_KINDS[planNode.type].label} ${planNode.name}, ${detail}${findingsText(mark)}`,
        data: { name: planNode.name, detail, note, portCount, mark, tone: toneOf(planNode.id, emphasis) },
        handles: PLAN_NODE_HANDLES,
        initialWidth: NODE_BOX.width,
        initialHeight: NODE_BOX.height,
      };
      if (parent && planNode.site) node.parentId = planNode.site;
      const size = measured.get(planNode.id);
      if (size) node.measured = { width: size.width, height: size.height };
      nodes.push(keepNode(node, nodeCacheNext));
    }

    const edgeCacheNext = new Map<string, CanvasEdge>();
    const edges: CanvasEdge[] = [];
    for (const link of plan.links) {
      const badges = facts.badgesByLink.get(link.id) ?? null;
      const mark = facts.marks.get(link.id) ?? null;
      const ports = badges && badges.length > 0 ? `, ports ${badges.map((b) => b.text).join(', ')}` : '';
      const edge: LinkEdge = {
        id: link.id,
        type: 'link',
        source: link.a,
        target: link.b,
        selected: selection.has(link.id),
        zIndex: edgeZ(link.id, emphasis),
        ariaLabel: `Link ${nodeName.get(link.a) ?? link.a} – ${nodeName.get(link.b) ?? link.b}${ports}`,
        data: {
          badges,
          activePort: highlightPort && emphasis?.has(link.id) ? highlightPort : null,
          mark,
          tone: toneOf(link.id, emphasis),
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
      const edge: ConnectorEdge = {
        id: connector.id,
        type: 'connector',
        source: connector.a,
        target: connector.b,
        selected: selection.has(connector.id),
        zIndex: edgeZ(connector.id, emphasis),
        ariaLabel: `${label} ${ends}${ports ? `, port ${ports}` : ''}`,
        data: {
          label,
          ports,
          mark: facts.marks.get(connector.id) ?? null,
          tone: toneOf(connector.id, emphasis),
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
