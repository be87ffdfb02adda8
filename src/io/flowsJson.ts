import { formatPorts } from '../engine/matrix';
import type { Analysis, Flow } from '../engine/types';
import type { Plan } from '../model/types';

/**
 * The flows and findings as the command line's `--json` writes them (SPEC §7):
 * endpoints with their names and sites, firewalls by name, and each finding's
 * code, message, KB article and subjects.
 */
export function flowsAndFindings(plan: Plan, analysis: Analysis) {
  const nodes = new Map(plan.nodes.map((n) => [n.id, n]));
  const sites = new Map(plan.sites.map((s) => [s.id, s.name]));
  const endpoint = (id: string) => {
    const node = nodes.get(id);
    const site = node?.type === 'server' ? (sites.get(node.site) ?? null) : null;
    return { id, name: node?.name ?? id, site };
  };
  const firewallName = (id: string) => nodes.get(id)?.name ?? id;
  return {
    flows: analysis.flows.map((flow: Flow) => ({
      source: endpoint(flow.source),
      destination: endpoint(flow.destination),
      protocol: 'TCP',
      port: formatPorts(flow.ports),
      service: flow.service,
      reason: flow.reason,
      firewalls: flow.firewalls.map(firewallName),
      routed: flow.routed,
      status: flow.status,
    })),
    findings: analysis.findings.map((f) => ({
      severity: f.severity,
      code: f.code,
      message: f.message,
      kb: f.kb,
      subjects: f.subjects,
    })),
  };
}

/** `flowsAndFindings` as indented JSON text ending with a line break. */
export function flowsJson(plan: Plan, analysis: Analysis): string {
  return `${JSON.stringify(flowsAndFindings(plan, analysis), null, 2)}\n`;
}
