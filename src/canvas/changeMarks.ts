import type { Connector, Link, PlanNode, Site } from '../model/types';
import type { ReviewComparison } from '../store/comparison';
import { withLayout } from '../store/layout';

/**
 * What compare mode draws over the open plan: how each object changed since
 * the compared plan, the firewalls and firewall edges whose rules changed,
 * and what only the compared plan had (drawn as ghosts at their old place).
 */
export type ChangeKind = 'added' | 'removed' | 'changed' | 'rules';

export interface ChangeMarks {
  /** Ids of the open plan → how they changed. */
  byId: ReadonlyMap<string, ChangeKind>;
  /** What the compared plan had and the open plan does not, laid out as it was drawn there. */
  ghosts: {
    sites: readonly Site[];
    nodes: readonly PlanNode[];
    links: readonly Link[];
    connectors: readonly Connector[];
  };
}

/** Words for each kind of change, for names read aloud and the legend. */
export const CHANGE_WORDS: Readonly<Record<ChangeKind, string>> = {
  added: 'added',
  removed: 'removed',
  changed: 'changed',
  rules: 'firewall rules changed',
};

const cache = new WeakMap<ReviewComparison, ChangeMarks>();

/** The change marks of a comparison; the same object for the same comparison. */
export function changeMarksOf(review: ReviewComparison): ChangeMarks {
  const cached = cache.get(review);
  if (cached) return cached;
  const { before, after, comparison } = review;
  const byId = new Map<string, ChangeKind>();
  const removed = new Set<string>();
  for (const change of comparison.objects) {
    if (change.collection === 'notes') continue;
    if (change.change === 'removed') removed.add(change.id);
    else byId.set(change.id, change.change);
  }
  // Rows added or removed: their firewall, and the firewall edges their flows cross there.
  const afterLinks = new Map(after.plan.links.map((l) => [l.id, l] as const));
  const afterNodes = new Set(after.plan.nodes.map((n) => n.id));
  const markRules = (id: string) => {
    if (!byId.has(id) && (afterLinks.has(id) || afterNodes.has(id))) byId.set(id, 'rules');
  };
  const beforeLinks = new Map(before.plan.links.map((l) => [l.id, l] as const));
  const rowSides = [
    { rows: comparison.rows.added, analysis: after.analysis, links: afterLinks },
    { rows: comparison.rows.removed, analysis: before.analysis, links: beforeLinks },
  ];
  for (const { rows, analysis, links } of rowSides) {
    for (const { firewallId, row } of rows) {
      markRules(firewallId);
      for (const linkId of analysis.flows[row.flowIndex]?.links ?? []) {
        const link = links.get(linkId);
        if (link && (link.a === firewallId || link.b === firewallId)) markRules(linkId);
      }
    }
  }
  const old = removed.size > 0 ? withLayout(before.plan) : before.plan;
  const marks: ChangeMarks = {
    byId,
    ghosts: {
      sites: old.sites.filter((o) => removed.has(o.id)),
      nodes: old.nodes.filter((o) => removed.has(o.id)),
      links: old.links.filter((o) => removed.has(o.id)),
      connectors: old.connectors.filter((o) => removed.has(o.id)),
    },
  };
  cache.set(review, marks);
  return marks;
}
