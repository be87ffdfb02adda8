import { comparePorts } from '../engine/compare';
import { formatPorts } from '../engine/matrix';
import type { Analysis, Flow, PortRange, Severity } from '../engine/types';
import type { Plan } from '../model/types';
import { exposureText, firewallExposure } from '../rules/exposure';
import { firewallRuleCounts } from '../rules/model';

/**
 * What the canvas draws from the engine's answer: port badges on firewall
 * edges, each firewall's exposure, finding markers on nodes. Computed once
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
  /** Firewall id → its exposure: how many rules (SPEC §9) and the widest port they open. */
  exposureByFirewall: Map<string, FirewallSummary>;
  /** Node, link or connector id → the findings about it. */
  marks: Map<string, FindingMark>;
}

/** A firewall's exposure as its node tells it. */
export interface FirewallSummary {
  /** Rules its team loads or, on a plan past RULES_ON_CANVAS, matrix rows that cross it. */
  count: number;
  /** "6 rules · opens 1024-65535"; "No rules". */
  text: string;
}

/**
 * Past this many firewall crossings the canvas counts matrix rows instead of
 * rules: even counting rules (firewallRuleCounts) costs more than an edit may
 * spend on a busy page of a large plan. The Firewall rules tab and a
 * selected firewall's inspector still group them. Hand-drawn plans stay far
 * below it (the combined example has 28).
 */
export const RULES_ON_CANVAS = 1_000;

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

/**
 * What every flow of one analysis contributes to a badge, worked out once:
 * the number of its port text among the analysis's distinct ports (numbered
 * in badge order) and its tone. A link's or firewall's badges are then a
 * pass over small integers, not a string per flow: on a mesh of firewalls
 * every link carries thousands of flows.
 */
interface FlowPorts {
  /** Distinct port texts, sorted as badges are (comparePorts). */
  texts: string[];
  /** Per flow: the index of its port text in `texts`. */
  textOf: Int32Array;
  /** Per flow: 0 neutral, 1 warning, 2 error. */
  toneOf: Int8Array;
}

const TONES: readonly BadgeTone[] = ['neutral', 'warning', 'error'];

function flowPortsOf(flows: readonly Flow[]): FlowPorts {
  const ranges = new Map<string, PortRange>();
  for (const flow of flows) {
    const text = formatPorts(flow.ports);
    if (!ranges.has(text)) ranges.set(text, flow.ports);
  }
  const texts = [...ranges.entries()].sort((x, y) => comparePorts(x[1], y[1])).map(([text]) => text);
  const number = new Map(texts.map((text, i) => [text, i] as const));
  const textOf = new Int32Array(flows.length);
  const toneOf = new Int8Array(flows.length);
  flows.forEach((flow, i) => {
    textOf[i] = number.get(formatPorts(flow.ports)) as number;
    toneOf[i] =
      flow.status === 'error' ? 2 : flow.status === 'warning' || flow.ports.from !== flow.ports.to ? 1 : 0;
  });
  return { texts, textOf, toneOf };
}

/** The badges of the flows `indexes` names: as `portBadges` gives for them. */
function badgesOf({ texts, textOf, toneOf }: FlowPorts, indexes: readonly number[]): PortBadge[] {
  // -1: not seen; else the strongest tone seen.
  const tone = new Int8Array(texts.length).fill(-1);
  for (const i of indexes) {
    const t = textOf[i];
    if (t === undefined) continue;
    const flowTone = toneOf[i] as number;
    if (flowTone > (tone[t] as number)) tone[t] = flowTone;
  }
  const badges: PortBadge[] = [];
  tone.forEach((seen, t) => {
    if (seen >= 0) badges.push({ text: texts[t] as string, tone: TONES[seen] as BadgeTone });
  });
  return badges;
}

/** The exposure of a large plan's firewall, in matrix rows: one pass over the flows' distinct ports. */
function rowSummary(flows: readonly Flow[], ports: FlowPorts, indexes: readonly number[]): FirewallSummary {
  const first = new Map<number, Flow>();
  const seen = new Uint8Array(ports.texts.length * 2);
  for (const i of indexes) {
    const flow = flows[i];
    const t = ports.textOf[i];
    if (!flow || t === undefined) continue;
    const slot = t * 2 + (flow.protocol === 'TCP' ? 0 : 1);
    if (seen[slot]) continue;
    seen[slot] = 1;
    first.set(slot, flow);
  }
  return { count: indexes.length, text: exposureText(indexes.length, 'matrix row', first.values()).text };
}

/**
 * Per analysis: its flows' ports, and the badges and row summaries already
 * worked out for each flow list of `flowsByLink` and `flowsByFirewall` (the
 * lists are the analysis's own arrays, so an edit that keeps the analysis —
 * a name, a move — finds every one of them here).
 */
interface AnalysisFacts {
  ports: FlowPorts;
  badges: WeakMap<readonly number[], PortBadge[]>;
  summaries: WeakMap<readonly number[], FirewallSummary>;
  marks: Map<string, FindingMark>;
}

const analysisCache = new WeakMap<Analysis, AnalysisFacts>();
const factsCache = new WeakMap<Analysis, { plan: Plan; facts: CanvasFacts }>();

function marksOf(analysis: Analysis): Map<string, FindingMark> {
  const marks = new Map<string, FindingMark>();
  // The finding that last counted each mark: a subject named twice by one finding counts once.
  const countedBy = new Map<FindingMark, number>();
  analysis.findings.forEach((finding, f) => {
    for (const id of finding.subjects) {
      const mark = marks.get(id);
      if (!mark) {
        const fresh = { count: 1, severity: finding.severity };
        marks.set(id, fresh);
        countedBy.set(fresh, f);
      } else if (countedBy.get(mark) !== f) {
        countedBy.set(mark, f);
        mark.count += 1;
        if (SEVERITY_RANK[finding.severity] < SEVERITY_RANK[mark.severity]) mark.severity = finding.severity;
      }
    }
  });
  return marks;
}

function analysisFacts(analysis: Analysis): AnalysisFacts {
  let facts = analysisCache.get(analysis);
  if (!facts) {
    facts = {
      ports: flowPortsOf(analysis.flows),
      badges: new WeakMap(),
      summaries: new WeakMap(),
      marks: marksOf(analysis),
    };
    analysisCache.set(analysis, facts);
  }
  return facts;
}

const NO_FLOWS: readonly number[] = [];

/**
 * The canvas facts of a plan's analysis; the same object for the same
 * analysis and plan. A new plan with the same analysis (an edit the worker
 * has not answered yet, a move) reuses every badge list and count.
 */
export function canvasFacts(plan: Plan, analysis: Analysis): CanvasFacts {
  const cached = factsCache.get(analysis);
  if (cached && cached.plan === plan) return cached.facts;
  const known = analysisFacts(analysis);

  const firewalls = new Set(plan.nodes.filter((n) => n.type === 'firewall').map((n) => n.id));
  const badgesByLink = new Map<string, PortBadge[]>();
  for (const link of plan.links) {
    if (!firewalls.has(link.a) && !firewalls.has(link.b)) continue;
    const indexes = analysis.flowsByLink.get(link.id) ?? NO_FLOWS;
    let badges = known.badges.get(indexes);
    if (!badges) {
      badges = badgesOf(known.ports, indexes);
      known.badges.set(indexes, badges);
    }
    badgesByLink.set(link.id, badges);
  }

  const exposureByFirewall = new Map<string, FirewallSummary>();
  let crossings = 0;
  for (const list of analysis.flowsByFirewall.values()) crossings += list.length;
  // With no crossing at all (a plan past the analysis limit, or before its answer) every firewall
  // has no rules, as the loop below says without grouping anything.
  if (crossings > 0 && crossings <= RULES_ON_CANVAS) {
    // Rules depend on the plan too (addresses group sources), so they are grouped again for each plan.
    for (const [id, count] of firewallRuleCounts(plan, analysis)) {
      const { rules, text } = firewallExposure(count);
      exposureByFirewall.set(id, { count: rules, text });
    }
  }
  for (const id of firewalls) {
    if (exposureByFirewall.has(id)) continue;
    const indexes = analysis.flowsByFirewall.get(id) ?? NO_FLOWS;
    if (indexes.length === 0) {
      exposureByFirewall.set(id, { count: 0, text: 'No rules' });
      continue;
    }
    let summary = known.summaries.get(indexes);
    if (!summary) {
      summary = rowSummary(analysis.flows, known.ports, indexes);
      known.summaries.set(indexes, summary);
    }
    exposureByFirewall.set(id, summary);
  }

  const facts = { badgesByLink, exposureByFirewall, marks: known.marks };
  factsCache.set(analysis, { plan, facts });
  return facts;
}
