/**
 * The rows of the port matrix and of the all-flows export (SPEC.md §6), as
 * text values in column order. Turning them into CSV is the io layer's job.
 */
import type { Plan } from '../model/types';
import { compareStrings } from './compare';
import type { PlanIndex } from './planIndex';
import { indexPlan } from './planIndex';
import type { Analysis, Flow, MatrixRow, PortRange } from './types';

/** `135` for a single port, `1024-65535` for a range (SPEC §6). */
export function formatPorts(r: PortRange): string {
  return r.from === r.to ? String(r.from) : `${r.from}-${r.to}`;
}

function row(
  { nameOf, siteNameOf, addressOf }: Pick<PlanIndex, 'nameOf' | 'siteNameOf' | 'addressOf'>,
  flow: Flow,
  flowIndex: number,
  firewall: string,
  firewallId: string | null,
): MatrixRow {
  return {
    firewall,
    source: nameOf(flow.source),
    sourceAddress: addressOf(flow.source),
    sourceSite: siteNameOf(flow.source),
    destination: nameOf(flow.destination),
    destinationAddress: addressOf(flow.destination),
    destinationSite: siteNameOf(flow.destination),
    protocol: flow.protocol,
    port: formatPorts(flow.ports),
    service: flow.service,
    reason: flow.reason,
    flowIndex,
    firewallId,
  };
}

/**
 * One row per (firewall, flow) where the flow crosses that firewall: what each
 * firewall must allow (KB 176466). Sorted by firewall name, then as the flows
 * are (source name, destination name, port, protocol, service). Made one at a
 * time, so a writer that streams them (the command line) never holds them all.
 */
export function* eachPortMatrixRow(plan: Plan, analysis: Analysis): Generator<MatrixRow> {
  const index = indexPlan(plan);
  const { nameOf } = index;
  const firewalls = [...analysis.flowsByFirewall.keys()].sort(
    (x, y) => compareStrings(nameOf(x), nameOf(y)) || compareStrings(x, y),
  );
  for (const fw of firewalls) {
    const name = nameOf(fw);
    // Flow indexes ascend, and the flows are already in source, destination, port, service order.
    for (const i of analysis.flowsByFirewall.get(fw) ?? []) {
      const flow = analysis.flows[i];
      if (flow) yield row(index, flow, i, name, fw);
    }
  }
}

/** The rows of `eachPortMatrixRow` as one array. */
export function portMatrixRows(plan: Plan, analysis: Analysis): MatrixRow[] {
  return [...eachPortMatrixRow(plan, analysis)];
}

/**
 * One row per flow, in flow order; Firewall holds the names of every firewall
 * the flow crosses, sorted, joined by "; " (empty when it crosses none).
 */
export function allFlowsRows(plan: Plan, analysis: Analysis): MatrixRow[] {
  const index = indexPlan(plan);
  const { nameOf } = index;
  return analysis.flows.map((flow, i) =>
    row(index, flow, i, flow.firewalls.map(nameOf).sort(compareStrings).join('; '), null),
  );
}
