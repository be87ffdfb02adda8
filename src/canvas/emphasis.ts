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
  plan: Pick<Plan, 'links'>,
  analysis: Analysis,
  selection: readonly string[],
  highlight: Highlight,
): ReadonlySet<string> | null {
  const linkEnds = new Map(plan.links.map((l) => [l.id, l] as const));
  const ids = new Set<string>();
  // Flows between one pair of endpoints share their route lists: each list is walked once.
  const walked = new Set<readonly string[]>();
  const addFlow = (flow: Flow) => {
    ids.add(flow.source);
    ids.add(flow.destination);
    if (!walked.has(flow.firewalls)) {
      walked.add(flow.firewalls);
      for (const id of flow.firewalls) ids.add(id);
    }
    if (!walked.has(flow.links)) {
      walked.add(flow.links);
      for (const id of flow.links) {
        ids.add(id);
        const link = linkEnds.get(id);
        if (link) {
          ids.add(link.a);
          ids.add(link.b);
        }
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
  const chosen = new Uint8Array(analysis.flows.length);
  for (const fw of firewalls) {
    ids.add(fw);
    for (const i of analysis.flowsByFirewall.get(fw) ?? []) {
      const flow = analysis.flows[i];
      if (!flow || chosen[i]) continue;
      chosen[i] = 1;
      ids.add(flow.source);
      ids.add(flow.destination);
      const r = flow.relationship;
      if (r.kind === 'siteConnector' || r.kind === 'x400Connector') ids.add(r.connector);
    }
  }
  addRoutes(ids, plan, analysis, chosen);
  return ids;
}

/**
 * Adds the firewalls and links (with their ends) that some `chosen` flow
 * crosses or uses, as `addFlow` would flow by flow. A selected firewall of a
 * mesh has thousands of flows, each of which crosses hundreds of firewalls:
 * asking each firewall's and link's list whether it holds a chosen flow is a
 * pass over small integers, stopping at the first, and a list that several
 * links share (the analysis shares equal lists) is asked once.
 */
function addRoutes(
  ids: Set<string>,
  plan: Pick<Plan, 'links'>,
  analysis: Analysis,
  chosen: Uint8Array,
): void {
  const answered = new Map<readonly number[], boolean>();
  const holdsChosen = (list: readonly number[]) => {
    let yes = answered.get(list);
    if (yes === undefined) {
      yes = list.some((i) => chosen[i] === 1);
      answered.set(list, yes);
    }
    return yes;
  };
  for (const [fw, list] of analysis.flowsByFirewall) if (holdsChosen(list)) ids.add(fw);
  const linkEnds = new Map(plan.links.map((l) => [l.id, l] as const));
  for (const [id, list] of analysis.flowsByLink) {
    if (!holdsChosen(list)) continue;
    ids.add(id);
    const link = linkEnds.get(id);
    if (link) {
      ids.add(link.a);
      ids.add(link.b);
    }
  }
}

/** The port of the highlighted flow (`135`, `1024-65535`), or null when no flow is highlighted. */
export function highlightedPort(analysis: Analysis, highlight: Highlight): string | null {
  if (highlight?.kind !== 'flow') return null;
  const flow = analysis.flows.find((f) => f.id === highlight.flowId);
  return flow ? formatPorts(flow.ports) : null;
}
