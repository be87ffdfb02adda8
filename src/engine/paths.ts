/**
 * Shortest paths between endpoints (SPEC.md §4). Links form an undirected
 * graph; traffic passes only through transit nodes (firewalls and networks),
 * never through an endpoint. A flow travels every shortest path, so it
 * crosses every firewall and uses every link that lies on one: both
 * firewalls of a redundant pair need the rule. Where it enters a firewall
 * over one link and leaves over another, those links' interfaces are its
 * ingress and egress.
 */
import type { Plan } from '../model/types';
import type { FirewallCrossing } from './types';

/** The part of the network one flow uses. */
export interface Route {
  routed: boolean;
  /** Ids of the firewalls on at least one shortest path (unsorted). */
  firewalls: string[];
  /**
   * Every (firewall, ingress, egress) of the shortest paths (unsorted): any
   * shortest way in joined to any shortest way out is a shortest path.
   */
  crossings: FirewallCrossing[];
  /** Ids of the links on at least one shortest path (unsorted). */
  links: string[];
}

const UNROUTED: Route = Object.freeze({
  routed: false,
  firewalls: Object.freeze([]) as unknown as string[],
  crossings: Object.freeze([]) as unknown as FirewallCrossing[],
  links: Object.freeze([]) as unknown as string[],
});

/**
 * The routes of every pair, or, when the pairs need more (flow, firewall)
 * crossings than allowed, no route: the crossings counted and each pair's
 * number of firewalls (0 for a direct link or no path).
 */
export type RoutedWithin =
  | { ok: true; routes: Route[] }
  | { ok: false; crossings: number; firewallsOfPair: Int32Array };

const NO_CROSSINGS: FirewallCrossing[] = Object.freeze([]) as unknown as FirewallCrossing[];

/** Above this many links a node's predecessors are remembered for the rest of a search. */
const HUB_DEGREE = 32;

const ENDPOINT = 0;
const FIREWALL = 1;
const NETWORK = 2;

/**
 * Routes flows over a plan's links.
 *
 * Since an endpoint is never passed through, every path from a source leaves
 * it by a direct link to its destination or through one of its transit
 * neighbours. Sources with the same transit neighbours (the clients and
 * servers of one LAN, the users on the Internet) therefore share their
 * distances: one breadth-first search per such group, started from those
 * neighbours, serves every destination of every source in the group. The
 * search stops as soon as the last destination is reached, which is enough
 * because it settles nodes level by level.
 */
export class Router {
  // Stryker disable next-line ArrayDeclaration: an unused first index changes no route
  private readonly ids: string[] = [];
  private readonly indexOf = new Map<string, number>();
  private readonly kind: Uint8Array;
  private readonly offsets: Int32Array;
  private readonly neighbours: Int32Array;
  private readonly viaLink: Int32Array;
  private readonly linkIds: string[] = [];
  /** Per link index: its end `a` (node index) and the interface names of its two ends (null: unnamed). */
  private readonly linkA: number[] = [];
  private readonly linkAInterface: (string | null)[] = [];
  private readonly linkBInterface: (string | null)[] = [];
  private readonly dist: Int32Array;
  private readonly queue: Int32Array;
  private readonly mark: Int32Array;
  private readonly target: Int32Array;
  /** The interfaces of the firewalls on the route being walked (see `route`). */
  private readonly sides = new Map<number, { ingress: string[]; egress: string[] }>();
  /** Predecessors of hub nodes under the current search's distances. */
  private readonly hubPredecessors = new Map<number, number[]>();
  /** How many firewalls the plan has: no flow crosses more. */
  private firewallCount = 0;
  /** Increases for every search and walk, so marks never need clearing. */
  private stamp = 0;

  constructor(plan: Plan) {
    for (const node of plan.nodes) {
      // Stryker disable next-line ConditionalExpression: ids are unique in a valid plan (SPEC §2)
      if (this.indexOf.has(node.id)) continue;
      this.indexOf.set(node.id, this.ids.length);
      this.ids.push(node.id);
    }
    const n = this.ids.length;
    this.kind = new Uint8Array(n);
    for (const node of plan.nodes) {
      const i = this.indexOf.get(node.id) as number;
      this.kind[i] = node.type === 'firewall' ? FIREWALL : node.type === 'network' ? NETWORK : ENDPOINT;
    }
    // Stryker disable next-line EqualityOperator,ConditionalExpression: the count only bounds the shortcut in routePairsWithin, whose two ways route alike
    for (let i = 0; i < n; i++) if (this.kind[i] === FIREWALL) this.firewallCount++;
    // Compressed adjacency lists: the neighbours of i are neighbours[offsets[i] .. offsets[i+1]).
    const ends: number[] = [];
    const degree = new Int32Array(n);
    for (const l of plan.links) {
      const a = this.indexOf.get(l.a);
      const b = this.indexOf.get(l.b);
      if (a === undefined || b === undefined) continue;
      // Stryker disable next-line ConditionalExpression: a link from a node to itself is never on a shortest path
      if (a === b) continue;
      ends.push(a, b);
      this.linkIds.push(l.id);
      this.linkA.push(a);
      this.linkAInterface.push(l.aInterface ?? null);
      this.linkBInterface.push(l.bInterface ?? null);
      degree[a] = (degree[a] as number) + 1;
      degree[b] = (degree[b] as number) + 1;
    }
    this.offsets = new Int32Array(n + 1);
    // Stryker disable next-line EqualityOperator: a write past the end of a typed array does nothing
    for (let i = 0; i < n; i++) this.offsets[i + 1] = (this.offsets[i] as number) + (degree[i] as number);
    this.neighbours = new Int32Array(ends.length);
    this.viaLink = new Int32Array(ends.length);
    const fill = this.offsets.slice(0, n);
    // Stryker disable next-line EqualityOperator: the link past the end has no ends and joins nothing
    for (let l = 0; l < this.linkIds.length; l++) {
      const a = ends[2 * l] as number;
      const b = ends[2 * l + 1] as number;
      const pa = fill[a] as number;
      this.neighbours[pa] = b;
      this.viaLink[pa] = l;
      fill[a] = pa + 1;
      const pb = fill[b] as number;
      this.neighbours[pb] = a;
      this.viaLink[pb] = l;
      fill[b] = pb + 1;
    }
    this.dist = new Int32Array(n).fill(-1);
    this.queue = new Int32Array(n);
    this.mark = new Int32Array(n);
    this.target = new Int32Array(n);
  }

  /** Routes from one source to each of its destinations (see `routePairs`). */
  routeFrom(source: string, destinations: Iterable<string>): Map<string, Route> {
    const targets = [...new Set(destinations)];
    const routes = this.routePairs(
      targets.map(() => source),
      targets,
    );
    return new Map(targets.map((d, i) => [d, routes[i] as Route]));
  }

  /**
   * Routes each pair `sources[i]` → `destinations[i]` (the pairs should be
   * distinct). A pair whose ends are not both nodes, whose ends are the same
   * node, or that no path joins gets an unrouted Route.
   */
  routePairs(sources: readonly string[], destinations: readonly string[]): Route[] {
    const routed = this.routePairsWithin(sources, destinations, null, Number.POSITIVE_INFINITY);
    // Stryker disable next-line ArrayDeclaration: without a limit the routes always come back
    return routed.ok ? routed.routes : [];
  }

  /**
   * Routes the pairs as `routePairs` does while counting (flow, firewall)
   * crossings: pair i carries `flowsOfPair[i]` flows (1 each when null), and
   * each of them crosses every firewall of the pair's shortest paths (SPEC
   * §4). A group of sources whose flows could pass `limit` even if each
   * crossed every firewall of the plan is counted before its routes are
   * built (the firewalls of its shortest-path DAGs, per destination), so once
   * the count passes `limit` no further route is made and those made are let
   * go: the answer is then the total and every pair's firewall count, in time
   * of the searches and memory of one number per pair.
   */
  routePairsWithin(
    sources: readonly string[],
    destinations: readonly string[],
    flowsOfPair: Int32Array | null,
    limit: number,
  ): RoutedWithin {
    const count = sources.length;
    let routes: Route[] | null = new Array(count).fill(UNROUTED);
    const firewallsOfPair = new Int32Array(count);
    let crossings = 0;
    const src = new Int32Array(count);
    const dst = new Int32Array(count);
    // Group the pairs by the transit neighbours of their source.
    const groupOfSource = new Map<number, number>();
    const groupByKey = new Map<string, number>();
    const groups: { starts: number[]; pairs: number[] }[] = [];
    // Stryker disable next-line EqualityOperator: the pair past the end has no ids and is skipped
    for (let i = 0; i < count; i++) {
      const s = this.indexOf.get(sources[i] as string);
      const t = this.indexOf.get(destinations[i] as string);
      if (s === undefined || t === undefined || s === t) continue;
      src[i] = s;
      dst[i] = t;
      let g = groupOfSource.get(s);
      // Stryker disable next-line ConditionalExpression: working out a source's group again finds the same group
      if (g === undefined) {
        const starts = this.transitNeighbours(s);
        const key = starts.join(',');
        g = groupByKey.get(key);
        if (g === undefined) {
          g = groups.length;
          groups.push({ starts, pairs: [] });
          groupByKey.set(key, g);
        }
        groupOfSource.set(s, g);
      }
      // Stryker disable next-line OptionalChaining: every group index names a group
      groups[g]?.pairs.push(i);
    }

    // Firewalls on the way to a target, per target of the current group.
    const firewallsTo = new Map<number, number>();
    for (const { starts, pairs } of groups) {
      const stamp = ++this.stamp;
      // Stryker disable next-line ArrayDeclaration: an extra target only makes the search run to the end
      const targets: number[] = [];
      for (const i of pairs) {
        const t = dst[i] as number;
        // Stryker disable next-line ConditionalExpression: a target listed twice only makes the search run to the end
        if (this.target[t] !== stamp) {
          this.target[t] = stamp;
          targets.push(t);
        }
      }
      this.hubPredecessors.clear();
      const reached = this.search(starts, targets);
      // Cheap bound first: every flow of the group crossing every firewall of the plan. Only a group
      // that could pass the limit is counted exactly before its routes are built.
      let groupFlows = 0;
      for (const i of pairs) groupFlows += flowsOfPair ? (flowsOfPair[i] as number) : 1;
      // Stryker disable next-line ConditionalExpression,EqualityOperator,BlockStatement: within the limit both ways route every pair alike
      if (routes && crossings + groupFlows * this.firewallCount <= limit) {
        for (const i of pairs) {
          const route = this.route(src[i] as number, dst[i] as number);
          routes[i] = route;
          firewallsOfPair[i] = route.firewalls.length;
          crossings += route.firewalls.length * (flowsOfPair ? (flowsOfPair[i] as number) : 1);
        }
        // Stryker disable next-line EqualityOperator: the stale entry past the reached ones has its distance reset already
        for (let k = 0; k < reached; k++) this.dist[this.queue[k] as number] = -1;
        continue;
      }
      // Sources of one group share their first hops, so the firewalls on the way depend on the target only.
      firewallsTo.clear();
      for (const i of pairs) {
        const s = src[i] as number;
        const t = dst[i] as number;
        // Stryker disable next-line ConditionalExpression,UnaryOperator: an unreached target counts no firewalls either way
        if (this.dist[t] === -1 || this.linked(s, t)) continue;
        let firewalls = firewallsTo.get(t);
        if (firewalls === undefined) {
          firewalls = this.countFirewalls(t);
          firewallsTo.set(t, firewalls);
        }
        firewallsOfPair[i] = firewalls;
        crossings += firewalls * (flowsOfPair ? (flowsOfPair[i] as number) : 1);
      }
      if (crossings > limit) routes = null;
      if (routes) for (const i of pairs) routes[i] = this.route(src[i] as number, dst[i] as number);
      // Stryker disable next-line EqualityOperator: the stale entry past the reached ones has its distance reset already
      for (let k = 0; k < reached; k++) this.dist[this.queue[k] as number] = -1;
    }
    return routes ? { ok: true, routes } : { ok: false, crossings, firewallsOfPair };
  }

  /** True when a link joins `s` and `t` directly: their flows take it and cross no firewall. */
  private linked(s: number, t: number): boolean {
    const end = this.offsets[s + 1] as number;
    for (let p = this.offsets[s] as number; p < end; p++) if (this.neighbours[p] === t) return true;
    return false;
  }

  /** How many firewalls lie on the shortest-path DAG to `t` under the current search (the walk of `route`, counting only). */
  private countFirewalls(t: number): number {
    const { dist, neighbours, kind, mark } = this;
    const stamp = ++this.stamp;
    const queue: number[] = [t];
    mark[t] = stamp;
    let firewalls = 0;
    // Stryker disable next-line EqualityOperator: past the end of the queue there is no node and so no predecessor
    for (let head = 0; head < queue.length; head++) {
      const v = queue[head] as number;
      const want = (dist[v] as number) - 1;
      // Stryker disable next-line ConditionalExpression: no node lies at distance 0, so it has no predecessors
      if (want === 0) continue;
      for (const p of this.predecessors(v, want)) {
        const u = neighbours[p] as number;
        if (mark[u] === stamp) continue;
        mark[u] = stamp;
        if (kind[u] === FIREWALL) firewalls++;
        queue.push(u);
      }
    }
    return firewalls;
  }

  /** The distinct transit neighbours of a node, in ascending order. */
  private transitNeighbours(src: number): number[] {
    const out: number[] = [];
    const end = this.offsets[src + 1] as number;
    for (let p = this.offsets[src] as number; p < end; p++) {
      const u = this.neighbours[p] as number;
      if (this.kind[u] !== ENDPOINT && !out.includes(u)) out.push(u);
    }
    // Stryker disable next-line MethodExpression,ArrowFunction,ArithmeticOperator: the order of the starts only decides which sources share a search
    return out.sort((x, y) => x - y);
  }

  /**
   * Breadth-first search that leaves a source through its transit neighbours
   * `starts` (distance 1) and expands transit nodes only. A target is reached
   * through one of its own transit neighbours, its gates: once a gate is
   * found at level L, the target lies at L + 1. The search stops when every
   * target has a gate and every node up to the deepest such level is found,
   * without expanding the gates themselves (a busy LAN need not be walked to
   * find the one server on it). Targets then get their distance from their
   * gates. Returns how many nodes have a distance (they sit in `queue`).
   */
  private search(starts: readonly number[], targets: readonly number[]): number {
    const { dist, offsets, neighbours, kind, queue, mark, stamp } = this;
    // Gate → the targets behind it; `mark` flags gates with this search's stamp.
    const behind = new Map<number, number[]>();
    for (const t of targets) {
      const end = offsets[t + 1] as number;
      // Stryker disable next-line ConditionalExpression,BlockStatement: without gates the search runs to the end and finds the same distances
      for (let p = offsets[t] as number; p < end; p++) {
        const g = neighbours[p] as number;
        if (kind[g] === ENDPOINT) continue;
        mark[g] = stamp;
        const list = behind.get(g);
        // Stryker disable next-line ConditionalExpression: a gate that forgets a target only makes the search run to the end
        if (list) list.push(t);
        // Stryker disable next-line ArrayDeclaration: a gate that forgets a target only makes the search run to the end
        else behind.set(g, [t]);
      }
    }
    let remaining = targets.length;
    let deepest = 0;
    const resolved = new Set<number>();
    const found = (g: number) => {
      // Stryker disable next-line ConditionalExpression: a target found through no gate only makes the search run to the end
      if (mark[g] !== stamp) return;
      // Stryker disable next-line ArrayDeclaration,LogicalOperator: a target found through no gate only makes the search run to the end
      for (const t of behind.get(g) ?? []) {
        if (resolved.has(t)) continue;
        resolved.add(t);
        remaining--;
        // Stryker disable next-line EqualityOperator: an equal distance leaves the deepest level as it is
        if ((dist[g] as number) > deepest) deepest = dist[g] as number;
      }
    };

    let tail = 0;
    for (const s of starts) {
      dist[s] = 1;
      queue[tail++] = s;
      found(s);
    }
    for (let head = 0; head < tail; head++) {
      const u = queue[head] as number;
      // Stryker disable next-line ConditionalExpression,EqualityOperator: stopping later finds the same distances
      if (remaining === 0 && (dist[u] as number) >= deepest) break;
      if (kind[u] === ENDPOINT) continue;
      const next = (dist[u] as number) + 1;
      const end = offsets[u + 1] as number;
      for (let p = offsets[u] as number; p < end; p++) {
        const v = neighbours[p] as number;
        if (dist[v] !== -1) continue;
        dist[v] = next;
        queue[tail++] = v;
        found(v);
      }
    }

    for (const t of targets) {
      if (dist[t] !== -1) continue;
      let best = -1;
      const end = offsets[t + 1] as number;
      for (let p = offsets[t] as number; p < end; p++) {
        const g = neighbours[p] as number;
        const dg = dist[g] as number;
        if (kind[g] !== ENDPOINT && dg !== -1 && (best === -1 || dg < best)) best = dg;
      }
      if (best !== -1) {
        dist[t] = best + 1;
        queue[tail++] = t;
      }
    }
    return tail;
  }

  /**
   * The shortest-path DAG from `src` to `t`. A direct link wins (one hop).
   * Otherwise walk back from `t`: a link u–v is on a shortest path when
   * dist[u] + 1 === dist[v] and u is a transit node; at distance 1 the walk
   * reaches the source's own neighbours, joined to it by their links.
   */
  private route(src: number, t: number): Route {
    const { dist, offsets, neighbours, viaLink, kind, mark, linkIds, ids } = this;
    const links: string[] = [];
    const srcEnd = offsets[src + 1] as number;
    for (let p = offsets[src] as number; p < srcEnd; p++) {
      if (neighbours[p] === t) links.push(linkIds[viaLink[p] as number] as string);
    }
    if (links.length > 0) return { routed: true, firewalls: [], crossings: NO_CROSSINGS, links };
    if (dist[t] === -1) return UNROUTED;

    const stamp = ++this.stamp;
    const firewalls: string[] = [];
    // Firewall node → the interfaces it is entered and left by on these paths.
    const sides = this.sides;
    sides.clear();
    const queue: number[] = [t];
    mark[t] = stamp;
    for (let head = 0; head < queue.length; head++) {
      const v = queue[head] as number;
      const want = (dist[v] as number) - 1;
      // A neighbour of the source: its link to the source is added below; nothing lies nearer.
      // Stryker disable next-line ConditionalExpression: no node lies at distance 0, so it has no predecessors
      if (want === 0) continue;
      // Stryker disable next-line ConditionalExpression: a crossing needs a way in and a way out, and only a firewall gets both
      const vIsFirewall = kind[v] === FIREWALL;
      for (const p of this.predecessors(v, want)) {
        const u = neighbours[p] as number;
        const l = viaLink[p] as number;
        links.push(linkIds[l] as string);
        // Stryker disable next-line ConditionalExpression: a crossing needs a way in and a way out, and only a firewall gets both
        if (vIsFirewall) this.addSide(v, true, this.interfaceName(l, v, u));
        // Stryker disable next-line ConditionalExpression: a crossing needs a way in and a way out, and only a firewall gets both
        if (kind[u] === FIREWALL) this.addSide(u, false, this.interfaceName(l, u, v));
        if (mark[u] === stamp) continue;
        mark[u] = stamp;
        if (kind[u] === FIREWALL) firewalls.push(ids[u] as string);
        queue.push(u);
      }
    }
    // The first hops: the source's links to the neighbours the walk reached.
    for (let p = offsets[src] as number; p < srcEnd; p++) {
      const u = neighbours[p] as number;
      // Stryker disable next-line ConditionalExpression: only the source's transit neighbours are marked there, all at distance 1
      if (mark[u] === stamp && dist[u] === 1 && kind[u] !== ENDPOINT) {
        const l = viaLink[p] as number;
        links.push(linkIds[l] as string);
        // Stryker disable next-line ConditionalExpression: a crossing needs a way in and a way out, and only a firewall gets both
        if (kind[u] === FIREWALL) this.addSide(u, true, this.interfaceName(l, u, src));
      }
    }
    // Stryker disable next-line ConditionalExpression: no sides give no crossings either way
    if (sides.size === 0) return { routed: true, firewalls, crossings: NO_CROSSINGS, links };
    const crossings: FirewallCrossing[] = [];
    for (const [f, { ingress, egress }] of sides) {
      const firewall = ids[f] as string;
      for (const i of ingress) for (const e of egress) crossings.push({ firewall, ingress: i, egress: e });
    }
    return { routed: true, firewalls, crossings, links };
  }

  /** Notes that firewall `f` is entered (or left) over the interface `name` on the current route. */
  private addSide(f: number, ingress: boolean, name: string): void {
    let entry = this.sides.get(f);
    if (!entry) {
      entry = { ingress: [], egress: [] };
      this.sides.set(f, entry);
    }
    const list = ingress ? entry.ingress : entry.egress;
    if (!list.includes(name)) list.push(name);
  }

  /** The name of firewall `f`'s interface on link `l`, whose other end is `other` (SPEC §4). */
  private interfaceName(l: number, f: number, other: number): string {
    const name = this.linkA[l] === f ? this.linkAInterface[l] : this.linkBInterface[l];
    return name ?? (this.ids[other] as string);
  }

  /**
   * Positions in `neighbours` of the transit neighbours of `v` at distance
   * `want`. A hub (a WAN joining every site) is scanned once per search, not
   * once per destination behind it.
   */
  private predecessors(v: number, want: number): number[] {
    const { dist, offsets, neighbours, kind } = this;
    const start = offsets[v] as number;
    const end = offsets[v + 1] as number;
    // Stryker disable next-line EqualityOperator,ArithmeticOperator: remembering predecessors is a shortcut: a search's distances do not change
    const hub = end - start > HUB_DEGREE;
    const known = hub ? this.hubPredecessors.get(v) : undefined;
    // Stryker disable next-line ConditionalExpression: remembering predecessors is a shortcut: a search's distances do not change
    if (known) return known;
    const found: number[] = [];
    for (let p = start; p < end; p++) {
      const u = neighbours[p] as number;
      if (dist[u] === want && kind[u] !== ENDPOINT) found.push(p);
    }
    // Stryker disable next-line ConditionalExpression: remembering predecessors is a shortcut: a search's distances do not change
    if (hub) this.hubPredecessors.set(v, found);
    return found;
  }
}
