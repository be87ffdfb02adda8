import { CONNECTOR_LABEL, NODE_KINDS, SITE_KIND } from '../../model/kinds';
import type { Plan } from '../../model/types';

/**
 * What each object of a plan is called in the review panels: its kind and
 * name ("Firewall FW-EDGE", "Link EX01 – FW-EDGE", "Site connector Amsterdam –
 * Utrecht"). Built once per plan and looked up by id.
 */
export function objectLabels(plan: Plan): Map<string, string> {
  const labels = new Map<string, string>();
  const named = (id: string) => plan.sites.find((s) => s.id === id)?.name ?? nodeNames.get(id) ?? id;
  const nodeNames = new Map(plan.nodes.map((n) => [n.id, n.name || n.id] as const));
  for (const site of plan.sites) labels.set(site.id, `${SITE_KIND.label} ${site.name || site.id}`);
  for (const node of plan.nodes)
    labels.set(node.id, `${NODE_KINDS[node.type].label} ${node.name || node.id}`);
  for (const link of plan.links) {
    labels.set(link.id, `Link ${link.name ? `${link.name} ` : ''}${named(link.a)} – ${named(link.b)}`);
  }
  for (const connector of plan.connectors) {
    labels.set(
      connector.id,
      `${CONNECTOR_LABEL[connector.type]} ${named(connector.a)} – ${named(connector.b)}`,
    );
  }
  return labels;
}

/** The plan itself, as the subject of a note. */
export const PLAN_SUBJECT = 'The plan';
