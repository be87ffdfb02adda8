/**
 * An analysis in a form that crosses from the worker to the page quickly.
 * Structured clone copies every string of every flow's firewalls, links and
 * crossings: on a plan near the analysis limit that is millions of values and
 * seconds of the page's time. Here each id is a number into one table of
 * strings, each route's lists are typed arrays (moved, not copied), and the
 * page rebuilds the same Analysis with strings shared from the table.
 */
import { findingNameSpans, keepFindingNameSpans } from '../engine/findingCatalog';
import type { Analysis, Finding, FirewallCrossing, Flow } from '../engine/types';

/** A flow without its route lists, which `routes[route]` holds. */
type FlowHead = Omit<Flow, 'firewalls' | 'crossings' | 'links'> & { route: number };

type Ints = Int32Array<ArrayBuffer>;

export interface PackedAnalysis {
  strings: string[];
  flows: FlowHead[];
  /** Per distinct route: firewall string indexes, link string indexes, crossings as (firewall, ingress, egress) triples. */
  routes: { firewalls: Ints; links: Ints; crossings: Ints }[];
  /** The findings without their subjects, which `subjects` holds as string indexes, concatenated, with offsets. */
  findings: Omit<Finding, 'subjects'>[];
  subjects: { offsets: Ints; ids: Ints };
  /** Per finding: where its message names what the user named (findingNameSpans). */
  nameSpans: (readonly number[])[];
  byFirewall: PackedIndex;
  byLink: PackedIndex;
}

/** The keys of a map of flow lists (string indexes), each key's list, and the distinct lists concatenated, with offsets. */
interface PackedIndex {
  keys: Ints;
  /** Per key: which of the distinct lists is its list. */
  listOf: Ints;
  offsets: Ints;
  flows: Ints;
}

/**
 * Packs a map of flow lists. Equal lists are packed once (on a mesh of
 * firewalls most links carry the very same flows) and come back as one
 * shared array, which also lets the canvas work out their badges once.
 */
function packIndex(map: Map<string, number[]>, intern: (s: string) => number): PackedIndex {
  const keys = new Int32Array(map.size);
  const listOf = new Int32Array(map.size);
  const distinct: number[][] = [];
  const byHash = new Map<number, number[]>();
  let k = 0;
  for (const [key, list] of map) {
    keys[k] = intern(key);
    let hash = list.length;
    for (const i of list) hash = (Math.imul(hash, 31) + i) | 0;
    const candidates = byHash.get(hash) ?? [];
    let found = candidates.find((d) => sameList(distinct[d] as number[], list));
    if (found === undefined) {
      found = distinct.length;
      distinct.push(list);
      candidates.push(found);
      byHash.set(hash, candidates);
    }
    listOf[k++] = found;
  }
  const offsets = new Int32Array(distinct.length + 1);
  let total = 0;
  for (const list of distinct) total += list.length;
  const flows = new Int32Array(total);
  let at = 0;
  distinct.forEach((list, d) => {
    flows.set(list, at);
    at += list.length;
    offsets[d + 1] = at;
  });
  return { keys, listOf, offsets, flows };
}

function sameList(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function unpackIndex(
  { keys, listOf, offsets, flows }: PackedIndex,
  strings: readonly string[],
): Map<string, number[]> {
  // A plain loop: Array.from over a typed array takes several times as long, and these hold millions.
  const lists: number[][] = [];
  for (let d = 0; d + 1 < offsets.length; d++) {
    const from = offsets[d] as number;
    const list: number[] = new Array((offsets[d + 1] as number) - from);
    for (let i = 0; i < list.length; i++) list[i] = flows[from + i] as number;
    lists.push(list);
  }
  const map = new Map<string, number[]>();
  for (let k = 0; k < keys.length; k++) {
    map.set(strings[keys[k] as number] as string, lists[listOf[k] as number] as number[]);
  }
  return map;
}

/** The findings' subjects as string indexes: a finding about a flow through a mesh names hundreds of firewalls. */
function packSubjects(
  findings: readonly Finding[],
  intern: (s: string) => number,
): PackedAnalysis['subjects'] {
  const offsets = new Int32Array(findings.length + 1);
  let total = 0;
  findings.forEach((f, i) => {
    total += f.subjects.length;
    offsets[i + 1] = total;
  });
  const ids = new Int32Array(total);
  let at = 0;
  for (const f of findings) for (const id of f.subjects) ids[at++] = intern(id);
  return { offsets, ids };
}

/** Packs an analysis; the second value lists the buffers to transfer with it. */
export function packAnalysis(analysis: Analysis): [PackedAnalysis, ArrayBuffer[]] {
  const strings: string[] = [];
  const indexOf = new Map<string, number>();
  const intern = (s: string) => {
    let i = indexOf.get(s);
    if (i === undefined) {
      i = strings.length;
      strings.push(s);
      indexOf.set(s, i);
    }
    return i;
  };
  // Flows of one pair share their lists; so do their packed routes.
  const routeOf = new Map<string[], number>();
  const routes: PackedAnalysis['routes'] = [];
  const linksOf: string[][] = [];
  const flows = analysis.flows.map(({ firewalls, crossings, links, ...head }): FlowHead => {
    let route = routeOf.get(firewalls);
    if (route === undefined || linksOf[route] !== links) {
      route = routes.length;
      routeOf.set(firewalls, route);
      linksOf.push(links);
      const packedCrossings = new Int32Array(crossings.length * 3);
      crossings.forEach((c, i) => {
        packedCrossings[3 * i] = intern(c.firewall);
        packedCrossings[3 * i + 1] = intern(c.ingress);
        packedCrossings[3 * i + 2] = intern(c.egress);
      });
      routes.push({
        firewalls: Int32Array.from(firewalls, intern),
        links: Int32Array.from(links, intern),
        crossings: packedCrossings,
      });
    }
    return { ...head, route };
  });
  const packed: PackedAnalysis = {
    strings,
    flows,
    routes,
    findings: analysis.findings.map(({ subjects: _, ...head }) => head),
    subjects: packSubjects(analysis.findings, intern),
    nameSpans: analysis.findings.map(findingNameSpans),
    byFirewall: packIndex(analysis.flowsByFirewall, intern),
    byLink: packIndex(analysis.flowsByLink, intern),
  };
  const buffers: ArrayBuffer[] = [];
  for (const r of routes) buffers.push(r.firewalls.buffer, r.links.buffer, r.crossings.buffer);
  buffers.push(packed.subjects.offsets.buffer, packed.subjects.ids.buffer);
  for (const x of [packed.byFirewall, packed.byLink])
    buffers.push(x.keys.buffer, x.listOf.buffer, x.offsets.buffer, x.flows.buffer);
  return [packed, buffers];
}

/** A route's lists of names from its packed string indexes (a plain loop: Array.from over a typed array is slow). */
function names(indexes: Ints, strings: readonly string[]): string[] {
  const out: string[] = new Array(indexes.length);
  for (let i = 0; i < indexes.length; i++) out[i] = strings[indexes[i] as number] as string;
  return out;
}

/**
 * The analysis `packAnalysis` packed, equal to the original; flows of one
 * route share its lists again. A route's crossings are built when first
 * read: only the firewall rules read them, and on a mesh they are hundreds
 * of thousands of objects the page would otherwise build and collect on
 * every edit.
 */
export function unpackAnalysis(packed: PackedAnalysis): Analysis {
  const { strings } = packed;
  const routes = packed.routes.map((r) => {
    let crossings: FirewallCrossing[] | null = null;
    const crossingsOf = (): FirewallCrossing[] => {
      if (crossings) return crossings;
      crossings = [];
      for (let i = 0; i < r.crossings.length; i += 3) {
        crossings.push({
          firewall: strings[r.crossings[i] as number] as string,
          ingress: strings[r.crossings[i + 1] as number] as string,
          egress: strings[r.crossings[i + 2] as number] as string,
        });
      }
      return crossings;
    };
    return { firewalls: names(r.firewalls, strings), links: names(r.links, strings), crossingsOf };
  });
  const flows = packed.flows.map(({ route, ...head }): Flow => {
    const r = routes[route] as (typeof routes)[number];
    const flow = { ...head, firewalls: r.firewalls, links: r.links } as Flow;
    Object.defineProperty(flow, 'crossings', { get: r.crossingsOf, enumerable: true, configurable: true });
    return flow;
  });
  const { offsets, ids } = packed.subjects;
  const findings = packed.findings.map((head, i): Finding => {
    const finding = { ...head, subjects: names(ids.subarray(offsets[i], offsets[i + 1]), strings) };
    keepFindingNameSpans(finding, packed.nameSpans[i] ?? []);
    return finding;
  });
  return {
    flows,
    findings,
    flowsByFirewall: unpackIndex(packed.byFirewall, strings),
    flowsByLink: unpackIndex(packed.byLink, strings),
  };
}
