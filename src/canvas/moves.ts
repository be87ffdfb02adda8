import type { Node } from '@xyflow/react';
import type { Plan } from '../model/types';
import type { NodeMove } from '../store/planEdits';

/**
 * The absolute positions of moved nodes, for the plan. React Flow keeps a
 * node inside a site at a position relative to the site; the plan stores
 * absolute positions. Sites are never nested, so one parent step suffices.
 * Rounded: a plan file holds whole pixels.
 */
export function absoluteMoves(nodes: readonly Node[], ids: Iterable<string>): NodeMove[] {
  const byId = new Map(nodes.map((n) => [n.id, n] as const));
  const moves: NodeMove[] = [];
  for (const id of new Set(ids)) {
    const node = byId.get(id);
    if (!node) continue;
    const parent = node.parentId ? byId.get(node.parentId) : undefined;
    const x = node.position.x + (parent?.position.x ?? 0);
    const y = node.position.y + (parent?.position.y ?? 0);
    moves.push({ id, position: { x: Math.round(x), y: Math.round(y) } });
  }
  return moves;
}

/** What dragging a connection from one node to another should do. */
export type ConnectionIntent = { kind: 'link' } | { kind: 'choose' };

/**
 * Between two servers of different sites a person may mean a network link or
 * a messaging connector, so the canvas asks; anything else is a link (which
 * the plan edit refuses, with its reason, when it cannot be one).
 */
export function connectionIntent(plan: Plan, from: string, to: string): ConnectionIntent {
  const a = plan.nodes.find((n) => n.id === from);
  const b = plan.nodes.find((n) => n.id === to);
  if (a?.type === 'server' && b?.type === 'server' && a.id !== b.id && a.site !== b.site) {
    return { kind: 'choose' };
  }
  return { kind: 'link' };
}

/** Ids of the nodes to bring into view for some ids of nodes, sites, links or connectors. */
export function nodesToFocus(plan: Plan, ids: readonly string[]): string[] {
  const wanted = new Set(ids);
  const out = new Set<string>();
  for (const s of plan.sites) if (wanted.has(s.id)) out.add(s.id);
  for (const n of plan.nodes) if (wanted.has(n.id)) out.add(n.id);
  for (const e of [...plan.links, ...plan.connectors]) {
    if (wanted.has(e.id)) {
      out.add(e.a);
      out.add(e.b);
    }
  }
  return [...out];
}

/**
 * Whether a new plan replaces the drawing rather than editing it (an
 * import, a template, an undo past one): then the canvas fits the view. Edits
 * keep most ids; a replacement shares fewer than half of them.
 */
export function isReplacement(previous: Plan, next: Plan): boolean {
  if (previous === next) return false;
  const before = new Set([...previous.sites, ...previous.nodes].map((o) => o.id));
  const after = [...next.sites, ...next.nodes].map((o) => o.id);
  if (after.length === 0) return false;
  // On an empty canvas one palette addition brings at most a server and the site made around it:
  // that is an edit, drawn where it was dropped, not a plan to fit into view.
  if (before.size === 0) return after.length > 2;
  const shared = after.filter((id) => before.has(id)).length;
  const union = before.size + after.length - shared;
  return shared / union < 0.5;
}
