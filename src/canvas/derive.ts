import { comparePorts } from '../engine/compare';
import { formatPorts } from '../engine/matrix';
import type { Analysis, Flow, PortRange, Severity } from '../engine/types';
import type { Plan } from '../model/types';
import { type FirewallExposure, firewallExposure } from '../rules/exposure';
import { firewallRuleCounts } from '../rules/model';

/**
 * What the canvas draws from the engine's answer: port badges on firewall
 * edges, rule counts and widest ports on firewalls, finding markers on nodes. Computed once
 * per analysis (the analysis object is the cache key), never per component.
 */

export type BadgeTone = 'neutral' | 'warning' | 'error';

/** One distinct port (or range) on a firewall edge. */
export interface PortBadge {
  text: string;
  tone: BadgeTone;
}

export interface FindingMark {
  count: number;
  /** The most severe of the findings. */
  severity: Severity;
}

export interface CanvasFacts {
  /** Link id → its badges, for links that touch a firewall; sorted by port. */
  badgesByLink: Map<string, PortBadge[]>;
  /** Firewall id → its rules (SPEC §9) and the widest port it opens. */
  exposureByFirewall: Map<string, FirewallExposure>;
  /** Node, link or connector id → the findings about it. */
  marks: Map<string, FindingMark>;
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * The distinct ports of some flows, sorted numerically (a single port before
 * a range that starts at it). A port is an error when a flow using it comes
 * from a broken relationship, a warning when it is a dynamic range or a
 * warned flow, else neutral.
 */
export function portBadges(flows: readonly Flow[]): PortBadge[] {
  const byText = new Map<string, { range: PortRange; tone: BadgeTone }>();
  for (const flow of flows) {
    const text = formatPorts(flow.ports);
    const tone: BadgeTone =
      flow.status === 'error'
        ? 'error'
        : flow.status === 'warning' || flow.ports.from !== flow.ports.to
          ? 'warning'
          : 'neutral';
    const seen = byText.get(text);
    if (!seen) byText.set(text, { range: flow.ports, tone });
    else if (tone === 'error' || (tone === 'warning' && seen.tone === 'neutral')) seen.tone = tone;
  }
  return [...byText.entries()]
    .sort((x, y) => comparePorts(x[1].range, y[1].range))
    .map(([text, { tone }]) => ({ text, tone }));
}

const factsCache = new WeakMap<Analysis, { plan: Plan; facts: CanvasFacts }>();

/** The canvas facts of a plan's analysis; the same object for the same analysis. */
export function canvasFacts(plan: Plan, analysis: Analysis): CanvasFacts {
  const cached = factsCache.get(analysis);
  if (cached && cached.plan === plan) return cached.facts;

  const firewalls = new Set(plan.nodes.filter((n) => n.type === 'firewall').map((n) => n.id));
  const badgesByLink = new Map<string, PortBadge[]>();
  for (const link of plan.links) {
    if (!firewalls.has(link.a) && !firewalls.has(link.b)) continue;
    const indexes = analysis.flowsByLink.get(link.id) ?? [];
    badgesByLink.set(link.id, portBadges(indexes.flatMap((i) => analysis.flows[i] ?? [])));
  }

  const exposureByFirewall = new Map<string, FirewallExposure>();
  for (const [id, count] of firewallRuleCounts(plan, analysis))
    exposureByFirewall.set(id, firewallExposure(count));

  const marks = new Map<string, FindingMark>();
  for (const finding of analysis.findings) {
    for (const id of new Set(finding.subjects)) {
      const mark = marks.get(id);
      if (!mark) marks.set(id, { count: 1, severity: finding.severity });
      else {
        mark.count += 1;
        if (SEVERITY_RANK[finding.severity] < SEVERITY_RANK[mark.severity]) mark.severity = finding.severity;
      }
    }
  }

  const facts = { badgesByLink, exposureByFirewall, marks };
  factsCache.set(analysis, { plan, facts });
  return facts;
}
