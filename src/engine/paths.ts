/**
 * Shortest paths between endpoints (SPEC.md §4). Links form an undirected
 * graph; traffic passes only through transit nodes (firewalls and networks),
 * never through a server, client or SMTP host. A flow travels every shortest
 * path, so it crosses every firewall and uses every link that lies on one:
 * both firewalls of a redundant pair need the rule.
 */
import type { Plan } from '../model/types';

/** The part of the network one flow uses. */
export interface Route {
  routed: boolean;
  /** Ids of the firewalls on at least one shortest path (unsorted). */
  firewalls: string[];
  /** Ids of the links on at least one shortest path (unsorted). */
  links: string[];
}

const UNROUTED: Route = Object.freeze({ routed: false, firewalls: [], links: [] }) as Route;

/**
 * Routes flows over a plan's links. One breadth-first search per source
 * endpoint serves every destination of that source; it stops as soon as the
 * last destination is reached, which is enough because the search settles
 * nodes level by level.
 */
export class Router {
  private readonly ids: string[] = [];
  private readonly indexOf = new Map<string, number>();
  /** 1 for firewalls, 2 for networks, 0 for endpoints. */
  private readonly transit: Uint8Array;
  private readonly offsets: Int32Array;
  private readonly neighbours: Int32Array;
  private readonly viaLink: Int32Array;
  private readonly linkIds: string[] = [];
  private readonly dist: Int32Array;
  private readonly mark: Int32Array;
  private stamp = 0;

  constructor(plan: Plan) {
    for (const node of plan.nodes) {
      if (this.indexOf.has(node.id)) continue;
      this.indexOf.set(node.id, this.ids.length);
      this.ids.push(node.id);
    }
    const n = this.ids.length;
    this.transit = new Uint8Array(n);
    for (const node of plan.nodes) {
      const i = this.indexOf.get(node.id) as number;
      this.transit[i] = node.type === 'firewall' ? 1 : node.type === 'network' ? 2 : 0;
    }
    // Compressed adjacency lists: neighbours of i are neighbours[offsets[i] .. offsets[i+1]).
    const ends: [number, number, number][] = [];
    const degree = new Int32Array(n + 1);
    for (const l of plan.links) {
      const a = this.indexOf.get(l.a);
      const b = this.indexOf.get(l.b);
      if (a === undefined || b === undefined || a === b) continue;
      ends.push([a, b, this.linkIds.length]);
      this.linkIds.push(l.id);
      degree[a] = (degree[a] as number) + 1;
      degree[b] = (degree[b] as number) + 1;
    }
    this.offsets = new Int32Array(n + 1);
    for (let i = 0; i < n; i++) this.offsets[i + 1] = (this.offsets[i] as number) + (degree[i] as number);
    this.neighbours = new Int32Array(ends.length * 2);
    this.viaLink = new Int32Array(ends.length * 2);
    const fill = this.offsets.slice(0, n);
    for (const [a, b, l] of ends) {
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
    this.mark = new Int32Array(n);
  }

  /**
   * Routes from one source to each of its destinations. Returns one Route per
   * destination id; a destination that is not a node, or that no path reaches,
   * gets an unrouted Route.
   */
  routeFrom(source: string, destinations: Iterable<string>): Map<string, Route> {
    const routes = new Map<string, Route>();
    const src = this.indexOf.get(source);
    const targets: number[] = [];
    for (const d of destinations) {
      const t = this.indexOf.get(d);
      if (src === undefined || t === undefined || t === src) routes.set(d, UNROUTED);
      else targets.push(t);
    }
    if (src === undefined || targets.length === 0) return routes;

    const touched = this.search(src, targets);
    for (const t of targets) {
      routes.set(this.ids[t] as string, this.walkBack(src, t));
    }
    for (const i of touched) this.dist[i] = -1;
    return routes;
  }

  /** Breadth-first search from `src` until every target has a distance; returns the nodes it touched. */
  private search(src: number, targets: number[]): number[] {
    const { dist, offsets, neighbours, transit } = this;
    const wanted = new Set(targets);
    let remaining = wanted.size;
    const queue: number[] = [src];
    dist[src] = 0;
    for (let head = 0; head < queue.length && remaining > 0; head++) {
      const u = queue[head] as number;
      // Endpoints are never passed through; only the source itself is left.
      if (u !== src && transit[u] === 0) continue;
      const du = dist[u] as number;
      const end = offsets[u + 1] as number;
      for (let p = offsets[u] as number; p < end; p++) {
        const v = neighbours[p] as number;
        if (dist[v] !== -1) continue;
        dist[v] = du + 1;
        queue.push(v);
        if (wanted.has(v)) remaining--;
      }
    }
    return queue;
  }

  /**
   * Collects the shortest-path DAG from `t` back to `src`: a link u–v is on a
   * shortest path when dist[u] + 1 === dist[v] and u may carry traffic (it is
   * the source or a transit node). The search settled every node nearer than
   * `t`, so those distances are exact.
   */
  private walkBack(src: number, t: number): Route {
    const { dist, offsets, neighbours, viaLink, transit, mark } = this;
    if (dist[t] === -1) return UNROUTED;
    const stamp = ++this.stamp;
    const firewalls: string[] = [];
    const links: string[] = [];
    const queue: number[] = [t];
    mark[t] = stamp;
    for (let head = 0; head < queue.length; head++) {
      const v = queue[head] as number;
      const want = (dist[v] as number) - 1;
      const end = offsets[v + 1] as number;
      for (let p = offsets[v] as number; p < end; p++) {
        const u = neighbours[p] as number;
        if (dist[u] !== want || (u !== src && transit[u] === 0)) continue;
        links.push(this.linkIds[viaLink[p] as number] as string);
        if (mark[u] === stamp) continue;
        mark[u] = stamp;
        if (u === src) continue;
        if (transit[u] === 1) firewalls.push(this.ids[u] as string);
        queue.push(u);
      }
    }
    return { routed: true, firewalls, links };
  }
}
