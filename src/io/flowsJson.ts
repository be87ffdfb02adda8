import { formatPorts } from '../engine/matrix';
import type { Analysis, Flow } from '../engine/types';
import type { Plan } from '../model/types';
import { escapeJsonForTerminal } from './terminalText';

/**
 * The flows and findings as the command line's `--json` writes them (SPEC §7):
 * endpoints with their names, addresses and sites, firewalls by name, where
 * each flow enters and leaves each firewall (SPEC §4), and each finding's
 * code, message, KB article and subjects.
 */
export function flowsAndFindings(plan: Plan, analysis: Analysis) {
  const nodes = new Map(plan.nodes.map((n) => [n.id, n]));
  const sites = new Map(plan.sites.map((s) => [s.id, s.name]));
  const endpoint = (id: string) => {
    const node = nodes.get(id);
    const site = node?.type === 'server' ? (sites.get(node.site) ?? null) : null;
    const address = node && 'address' in node ? node.address : null;
    return { id, name: node?.name || id, address, site };
  };
  const firewallName = (id: string) => nodes.get(id)?.name || id;
  return {
    flows: analysis.flows.map((flow: Flow) => ({
      source: endpoint(flow.source),
      destination: endpoint(flow.destination),
      protocol: flow.protocol,
      port: formatPorts(flow.ports),
      service: flow.service,
      reason: flow.reason,
      firewalls: flow.firewalls.map(firewallName),
      crossings: flow.crossings.map((c) => ({
        firewall: firewallName(c.firewall),
        ingress: c.ingress,
        egress: c.egress,
      })),
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

/**
 * `flowsAndFindings` as indented JSON text ending with a line break; for a
 * terminal, with the C1 control characters escaped as well (SPEC §7).
 */
export function flowsJson(plan: Plan, analysis: Analysis, options: { terminal?: boolean } = {}): string {
  const text = JSON.stringify(flowsAndFindings(plan, analysis), null, 2);
  return `${options.terminal ? escapeJsonForTerminal(text) : text}\n`;
}
