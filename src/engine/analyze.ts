/**
 * The rules engine's entry point: flows (SPEC.md §3), their paths through
 * firewalls (§4) and the findings (§5) of one plan, in an order that does not
 * depend on the order of the plan's arrays.
 */
import type { Plan } from '../model/types';
import { compareStringLists, compareStrings } from './compare';
import type { DraftFinding } from './concerns';
import { brokenFlowTest } from './concerns';
import { makeFinding } from './findingCatalog';
import { planFindings } from './findings';
import { planFlows } from './flows';
import type { Route } from './paths';
import { Router } from './paths';
import type { PlanIndex } from './planIndex';
import { indexPlan } from './planIndex';
import { routeFindings } from './routeFindings';
import type { Analysis, Finding, Flow, Severity } from './types';

const SEVERITY_RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

/**
 * Routes every flow in place: one search per group of sources (see Router);
 * flows of one pair share one route. When the flows would cross firewalls
 * more than `limit` times, routes none and returns the ANALYSIS_LIMIT finding.
 */
function routeFlows(index: PlanIndex, flows: readonly Flow[], limit: number): Finding | null {
  // Pairs by number (source rank × node count + destination rank), to avoid a string key per flow.
  const n = index.plan.nodes.length + 1;
  const pairOf = new Map<number, number>();
  const pairIndex = new Int32Array(flows.length);
  const sources: string[] = [];
  const destinations: string[] = [];
  flows.forEach((f, i) => {
    const key = (index.idRank.get(f.source) ?? 0) * n + (index.idRank.get(f.destination) ?? 0);
    let pair = pairOf.get(key);
    if (pair === undefined) {
      pair = sources.length;
      pairOf.set(key, pair);
      sources.push(f.source);
      destinations.push(f.destination);
    }
    pairIndex[i] = pair;
  });
  const flowsOfPair = new Int32Array(sources.length);
  for (const pair of pairIndex) flowsOfPair[pair] = (flowsOfPair[pair] as number) + 1;
  const routed = new Router(index.plan).routePairsWithin(sources, destinations, flowsOfPair, limit);
  if (!routed.ok) return analysisLimitFinding(index, flows, pairIndex, routed, limit);
  const routes = routed.routes;
  const rank = (m: Map<string, number>, id: string) => m.get(id) ?? -1;
  const byName = (x: string, y: string) =>
    rank(index.nameRank, x) - rank(index.nameRank, y) || rank(index.idRank, x) - rank(index.idRank, y);
  for (const route of routes) {
    if (!route.routed) continue;
    route.firewalls.sort(byName);
    route.links.sort(compareStrings);
    if (route.crossings.length > 1) {
      // A map, not indexOf: a route through a mesh has thousands of crossings.
      const order = new Map(route.firewalls.map((f, k) => [f, k] as const));
      const at = (f: string) => order.get(f) ?? -1;
      route.crossings.sort(
        (x, y) =>
          at(x.firewall) - at(y.firewall) ||
          compareStrings(x.ingress, y.ingress) ||
          compareStrings(x.egress, y.egress),
      );
    }
  }
  flows.forEach((f, i) => {
    const route = routes[pairIndex[i] as number] as Route;
    f.routed = route.routed;
    // An unrouted flow gets arrays of its own; the unrouted Route's are shared.
    f.firewalls = route.routed ? route.firewalls : [];
    f.crossings = route.routed ? route.crossings : [];
    f.links = route.routed ? route.links : [];
  });
  return null;
}

/** How many of the flows that cross the most firewalls the ANALYSIS_LIMIT message names. */
const LIMIT_FLOWS_NAMED = 3;

/**
 * The ANALYSIS_LIMIT finding: the crossings counted and the pairs of
 * endpoints whose flows cross the most firewalls (ties in flow order), with
 * their services, so the user sees where the mesh is.
 */
function analysisLimitFinding(
  index: PlanIndex,
  flows: readonly Flow[],
  pairIndex: Int32Array,
  routed: { crossings: number; firewallsOfPair: Int32Array },
  limit: number,
): Finding {
  const { firewallsOfPair } = routed;
  const firstFlow = new Map<number, number>();
  const services = new Map<number, string[]>();
  flows.forEach((f, i) => {
    const pair = pairIndex[i] as number;
    if (!firstFlow.has(pair)) firstFlow.set(pair, i);
    const list = services.get(pair) ?? [];
    if (!list.includes(f.service)) list.push(f.service);
    services.set(pair, list);
  });
  const contribution = (pair: number) =>
    (firewallsOfPair[pair] as number) * (services.get(pair)?.length ?? 0);
  const pairs = [...firstFlow.keys()]
    .filter((pair) => (firewallsOfPair[pair] as number) > 0)
    .sort(
      (x, y) =>
        (firewallsOfPair[y] as number) - (firewallsOfPair[x] as number) ||
        contribution(y) - contribution(x) ||
        (firstFlow.get(x) as number) - (firstFlow.get(y) as number),
    );
  const named = pairs.slice(0, LIMIT_FLOWS_NAMED).map((pair) => {
    const flow = flows[firstFlow.get(pair) as number] as Flow;
    return { flow, firewalls: firewallsOfPair[pair] as number, services: services.get(pair) ?? [] };
  });
  const subjects: string[] = [];
  for (const { flow } of named) {
    for (const id of [flow.source, flow.destination]) if (!subjects.includes(id)) subjects.push(id);
  }
  return makeFinding(
    'ANALYSIS_LIMIT',
    {
      crossings: routed.crossings,
      limit,
      pairs: pairs.length,
      flows: named.map(({ flow, firewalls, services }) => ({
        source: index.nameOf(flow.source),
        destination: index.nameOf(flow.destination),
        services,
        firewalls,
      })),
    },
    subjects,
  );
}

/** Sorts flows by source name, destination name, port, protocol (TCP first), service, then ids (SPEC §6), comparing integers only. */
function sortFlows(index: PlanIndex, flows: Flow[]): Flow[] {
  const n = flows.length;
  const services = [...new Set(flows.map((f) => f.service))].sort(compareStrings);
  const serviceRank = new Map(services.map((s, i) => [s, i] as const));
  const rank = (m: Map<string, number>, id: string) => m.get(id) ?? -1;
  const srcName = new Int32Array(n);
  const dstName = new Int32Array(n);
  const from = new Int32Array(n);
  const to = new Int32Array(n);
  const udp = new Int32Array(n);
  const service = new Int32Array(n);
  const srcId = new Int32Array(n);
  const dstId = new Int32Array(n);
  flows.forEach((f, i) => {
    srcName[i] = rank(index.nameRank, f.source);
    dstName[i] = rank(index.nameRank, f.destination);
    from[i] = f.ports.from;
    to[i] = f.ports.to;
    udp[i] = f.protocol === 'UDP' ? 1 : 0;
    service[i] = serviceRank.get(f.service) ?? -1;
    srcId[i] = rank(index.idRank, f.source);
    dstId[i] = rank(index.idRank, f.destination);
  });
  const order = flows.map((_, i) => i);
  const at = (a: Int32Array, i: number) => a[i] as number;
  order.sort(
    (i, j) =>
      at(srcName, i) - at(srcName, j) ||
      at(dstName, i) - at(dstName, j) ||
      at(from, i) - at(from, j) ||
      at(to, i) - at(to, j) ||
      at(udp, i) - at(udp, j) ||
      at(service, i) - at(service, j) ||
      at(srcId, i) - at(srcId, j) ||
      at(dstId, i) - at(dstId, j),
  );
  return order.map((i) => flows[i] as Flow);
}

function sortFindings(index: PlanIndex, drafts: DraftFinding[]): Finding[] {
  const keyed = drafts.map(({ finding }) => ({ finding, names: finding.subjects.map(index.nameOf) }));
  keyed.sort(
    (x, y) =>
      SEVERITY_RANK[x.finding.severity] - SEVERITY_RANK[y.finding.severity] ||
      compareStrings(x.finding.code, y.finding.code) ||
      compareStringLists(x.names, y.names) ||
      compareStrings(x.finding.message, y.finding.message) ||
      compareStringLists(x.finding.subjects, y.finding.subjects),
  );
  return keyed.map((k) => k.finding);
}

/**
 * The most (flow, firewall) crossings a plan may ask for (SPEC §4): a mesh of
 * firewalls with very many equal shortest paths asks for millions, more than
 * a port matrix anyone could review, and more than memory and time allow.
 */
export const ANALYSIS_LIMIT = 1_000_000;

export interface AnalyzeOptions {
  /** The most crossings analysed (default ANALYSIS_LIMIT); tests set a small one. */
  crossingLimit?: number;
}

/**
 * Analyses a plan: every flow its relationships need (KB 176466), the
 * firewalls and links each flow crosses on its shortest paths, and the
 * findings that say what is wrong or worth knowing. Pure: the same plan, in
 * any array order, gives the same answer. A plan whose flows would cross
 * firewalls more than `crossingLimit` times gets only the ANALYSIS_LIMIT
 * finding, no flows and so no matrix, in time and memory bounded by the plan's
 * size (SPEC §4).
 */
export function analyzePlan(plan: Plan, options: AnalyzeOptions = {}): Analysis {
  const index = indexPlan(plan);
  const flows = sortFlows(index, planFlows(index));
  const limited = routeFlows(index, flows, options.crossingLimit ?? ANALYSIS_LIMIT);

  const flowsByFirewall = new Map<string, number[]>();
  const flowsByLink = new Map<string, number[]>();
  const firewalls = plan.nodes.filter((n) => n.type === 'firewall').map((n) => n.id);
  for (const id of [...firewalls].sort(compareStrings)) flowsByFirewall.set(id, []);
  for (const id of plan.links.map((l) => l.id).sort(compareStrings)) flowsByLink.set(id, []);
  if (limited) return { flows: [], findings: [limited], flowsByFirewall, flowsByLink };

  flows.forEach((f, i) => {
    for (const fw of f.firewalls) flowsByFirewall.get(fw)?.push(i);
    for (const l of f.links) flowsByLink.get(l)?.push(i);
  });

  const drafts = [...planFindings(index), ...routeFindings(index, flows, flowsByFirewall)];
  const broken = new Set<string>();
  for (const d of drafts) {
    if (d.finding.severity === 'error') for (const key of d.concerns) broken.add(key);
  }
  const isBroken = brokenFlowTest(broken);
  for (const flow of flows) {
    if (isBroken(flow)) flow.status = 'error';
    else if (isDynamicThroughFirewall(flow)) flow.status = 'warning';
  }

  return { flows, findings: sortFindings(index, drafts), flowsByFirewall, flowsByLink };
}

/** True when the plan was too large to analyse (ANALYSIS_LIMIT): the analysis has no flows and so no matrix. */
export function analysisLimited(analysis: Analysis): boolean {
  return analysis.findings.some((f) => f.code === 'ANALYSIS_LIMIT');
}

/** A dynamic RPC port through a firewall: the firewall must open DYN(s) (KB 176466, KB 154596). */
function isDynamicThroughFirewall(flow: Flow): boolean {
  return flow.dynamic && flow.firewalls.length > 0;
}
