import { formatPorts } from '../engine/matrix';
import type { Analysis, Flow } from '../engine/types';
import type { Plan } from '../model/types';
import type { Highlight } from '../store/selectionSlice';

/**
 * What the canvas emphasises (everything else is dimmed): the paths of the
 * flows through a selected firewall, of a highlighted flow (a matrix row) or
 * firewall rule (the flows it permits), or
 * the subjects of a highlighted finding with the paths between them. `null`
 * when nothing is highlighted, so nothing is dimmed.
 */
export function emphasisOf(
  plan: Plan,
  analysis: Analysis,
  selection: readonly string[],
  highlight: Highlight,
): ReadonlySet<string> | null {
  const linkEnds = new Map(plan.links.map((l) => [l.id, l] as const));
  const ids = new Set<string>();
  const addFlow = (flow: Flow) => {
    ids.add(flow.source);
    ids.add(flow.destination);
    for (const id of flow.firewalls) ids.add(id);
    for (const id of flow.links) {
      ids.add(id);
      const link = linkEnds.get(id);
      if (link) {
        ids.add(link.a);
        ids.add(link.b);
      }
    }
    const r = flow.relationship;
    if (r.kind === 'siteConnector' || r.kind === 'x400Connector') ids.add(r.connector);
  };

  if (highlight?.kind === 'flow') {
    const flow = analysis.flows.find((f) => f.id === highlight.flowId);
    if (!flow) return null;
    addFlow(flow);
    if (highlight.firewallId) ids.add(highlight.firewallId);
    return ids;
  }

  if (highlight?.kind === 'rule') {
    const wanted = new Set(highlight.flowIds);
    for (const flow of analysis.flows) if (wanted.has(flow.id)) addFlow(flow);
    if (ids.size === 0) return null;
    ids.add(highlight.firewallId);
    return ids;
  }
  if (highlight?.kind === 'change') return new Set(highlight.ids);

  if (highlight?.kind === 'finding') {
    const finding = analysis.findings[highlight.index];
    if (!finding) return null;
    const subjects = new Set(finding.subjects);
    for (const id of subjects) ids.add(id);
    const firewallSubjects = finding.subjects.filter((id) => analysis.flowsByFirewall.has(id));
    for (const flow of analysis.flows) {
      const both = subjects.has(flow.source) && subjects.has(flow.destination);
      const throughSubjectFirewall =
        firewallSubjects.some((fw) => flow.firewalls.includes(fw)) &&
        (subjects.has(flow.source) || subjects.has(flow.destination));
      if (both || throughSubjectFirewall) addFlow(flow);
    }
    return ids;
  }

  // A firewall no flow crosses has no paths to show: selecting it dims nothing.
  const firewalls = selection.filter((id) => (analysis.flowsByFirewall.get(id)?.length ?? 0) > 0);
  if (firewalls.length === 0) return null;
  for (const fw of firewalls) {
    ids.add(fw);
    for (const i of analysis.flowsByFirewall.get(fw) ?? []) {
      const flow = analysis.flows[i];
      if (flow) addFlow(flow);
    }
  }
  return ids;
}

/** The port of the highlighted flow (`135`, `1024-65535`), or null when no flow is highlighted. */
export function highlightedPort(analysis: Analysis, highlight: Highlight): string | null {
  if (highlight?.kind !== 'flow') return null;
  const flow = analysis.flows.find((f) => f.id === highlight.flowId);
  return flow ? formatPorts(flow.ports) : null;
}
