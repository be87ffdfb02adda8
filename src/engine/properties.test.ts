import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Plan } from '../model/types';
import { enginePlanArbitrary } from '../test/enginePlanArbitrary';
import { filePlanArbitrary } from '../test/filePlanArbitrary';
import { generatePlan } from '../test/generatePlan';
import { seededRandom, shuffled } from '../test/random';
import { analyzePlan } from './analyze';
import { flowKey } from './flows';
import type { Analysis } from './types';

function shufflePlan(plan: Plan, seed: number): Plan {
  const random = seededRandom(seed);
  return {
    ...plan,
    sites: shuffled(random, plan.sites),
    nodes: shuffled(random, plan.nodes),
    links: shuffled(random, plan.links),
    connectors: shuffled(random, plan.connectors),
  };
}

/** What a caller sees of an analysis, as plain data. */
function observable(a: Analysis) {
  return {
    flows: a.flows,
    findings: a.findings,
    byFirewall: [...a.flowsByFirewall],
    byLink: [...a.flowsByLink],
  };
}

/**
 * Hop counts from any start, written independently of the engine: a path may
 * leave its start and pass through firewalls and networks only.
 */
function hopCounter(plan: Plan): (start: string) => Map<string, number> {
  const transit = new Set(
    plan.nodes.filter((n) => n.type === 'firewall' || n.type === 'network').map((n) => n.id),
  );
  const adjacent = new Map<string, string[]>(plan.nodes.map((n) => [n.id, []]));
  for (const l of plan.links) {
    if (l.a === l.b || !adjacent.has(l.a) || !adjacent.has(l.b)) continue;
    adjacent.get(l.a)?.push(l.b);
    adjacent.get(l.b)?.push(l.a);
  }
  const cache = new Map<string, Map<string, number>>();
  return (start) => {
    const cached = cache.get(start);
    if (cached) return cached;
    const dist = new Map([[start, 0]]);
    let frontier = [start];
    for (let d = 1; frontier.length > 0; d++) {
      const next: string[] = [];
      for (const u of frontier) {
        if (u !== start && !transit.has(u)) continue;
        for (const v of adjacent.get(u) ?? []) {
          if (!dist.has(v)) {
            dist.set(v, d);
            next.push(v);
          }
        }
      }
      frontier = next;
    }
    cache.set(start, dist);
    return dist;
  };
}

/** Checks that every flow crosses exactly the firewalls, and uses exactly the links, on its shortest paths. */
function expectShortestPaths(plan: Plan): void {
  const analysis = analyzePlan(plan);
  const types = new Map(plan.nodes.map((n) => [n.id, n.type]));
  const carries = (id: string) => types.get(id) === 'firewall' || types.get(id) === 'network';
  const hopsFrom = hopCounter(plan);
  const far = Number.POSITIVE_INFINITY;
  for (const flow of analysis.flows) {
    const fromSource = hopsFrom(flow.source);
    const toDestination = hopsFrom(flow.destination);
    const d = fromSource.get(flow.destination);
    expect(flow.routed).toBe(d !== undefined);
    if (d === undefined) {
      expect(flow.firewalls).toEqual([]);
      expect(flow.links).toEqual([]);
      continue;
    }
    const onShortest = (id: string) => (fromSource.get(id) ?? far) + (toDestination.get(id) ?? far) === d;
    const firewalls = plan.nodes.filter((n) => n.type === 'firewall' && onShortest(n.id)).map((n) => n.id);
    expect([...flow.firewalls].sort()).toEqual(firewalls.sort());
    const step = (u: string, v: string) =>
      (u === flow.source || carries(u)) &&
      (v === flow.destination || carries(v)) &&
      (fromSource.get(u) ?? far) + 1 + (toDestination.get(v) ?? far) === d;
    const links = plan.links
      .filter((l) => l.a !== l.b && (step(l.a, l.b) || step(l.b, l.a)))
      .map((l) => l.id);
    expect([...flow.links].sort()).toEqual(links.sort());
    // Ingress and egress (SPEC §4): the interfaces of the links a shortest path takes into and out of each firewall.
    const name = (l: Plan['links'][number], end: string) =>
      (l.a === end ? l.aInterface : l.bInterface) ?? (l.a === end ? l.b : l.a);
    const crossings = new Set<string>();
    for (const fw of firewalls) {
      const used = plan.links.filter((l) => l.a !== l.b && (l.a === fw || l.b === fw));
      const ins = new Set(used.filter((l) => step(l.a === fw ? l.b : l.a, fw)).map((l) => name(l, fw)));
      const outs = new Set(used.filter((l) => step(fw, l.a === fw ? l.b : l.a)).map((l) => name(l, fw)));
      for (const i of ins) for (const e of outs) crossings.add(`${fw} ${i} ${e}`);
    }
    expect(flow.crossings.map((c) => `${c.firewall} ${c.ingress} ${c.egress}`).sort()).toEqual(
      [...crossings].sort(),
    );
    expect(new Set(flow.crossings.map((c) => c.firewall))).toEqual(new Set(flow.firewalls));
  }
}

const plans = enginePlanArbitrary();
const largerPlans = enginePlanArbitrary(40);

describe('engine properties', () => {
  it('the output does not depend on the order of the plan arrays (engine-shaped plans)', () => {
    fc.assert(
      fc.property(plans, fc.integer(), (plan, seed) => {
        expect(observable(analyzePlan(shufflePlan(plan, seed)))).toEqual(observable(analyzePlan(plan)));
      }),
      { numRuns: 150 },
    );
  });

  it('the output does not depend on the order of the plan arrays (any valid plan)', () => {
    fc.assert(
      fc.property(filePlanArbitrary(), fc.integer(), (plan, seed) => {
        expect(observable(analyzePlan(shufflePlan(plan, seed)))).toEqual(observable(analyzePlan(plan)));
      }),
      { numRuns: 100 },
    );
  });

  it('a firewall on no path changes no flow and only adds FIREWALL_UNUSED', () => {
    fc.assert(
      fc.property(plans, fc.option(fc.nat(), { nil: null }), (plan, attachTo) => {
        const before = analyzePlan(plan);
        const fw = 'spare-firewall';
        const target = attachTo === null ? undefined : plan.nodes[attachTo % plan.nodes.length];
        const after = analyzePlan({
          ...plan,
          nodes: [...plan.nodes, { id: fw, type: 'firewall', name: 'Spare', nat: false }],
          links: target
            ? [...plan.links, { id: 'spare-link', a: fw, b: target.id, aInterface: null, bInterface: null }]
            : plan.links,
        });
        expect(after.flows).toEqual(before.flows);
        const added = after.findings.filter((f) => f.subjects.includes(fw));
        expect(added.map((f) => f.code)).toEqual(['FIREWALL_UNUSED']);
        expect(after.findings.filter((f) => !f.subjects.includes(fw))).toEqual(before.findings);
        expect(after.flowsByFirewall.get(fw)).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it.each([
    ['small', plans, 150],
    ['larger', largerPlans, 40],
  ] as const)(
    'a flow crosses exactly the firewalls, and uses exactly the links, on its shortest paths (%s plans)',
    (_, arbitrary, numRuns) => {
      fc.assert(fc.property(arbitrary, expectShortestPaths), { numRuns });
    },
  );

  it('the same holds in generated organizations, whose WAN and Internet join dozens of nodes', () => {
    for (const seed of [1, 2]) expectShortestPaths(generatePlan({ nodes: 700, seed }));
  });

  it('flows are unique by source, destination, port and service, and indexed by every firewall and link they use', () => {
    fc.assert(
      fc.property(plans, (plan) => {
        const analysis = analyzePlan(plan);
        const keys = analysis.flows.map((f) =>
          flowKey(f.source, f.destination, f.protocol, f.ports, f.service),
        );
        expect(new Set(keys).size).toBe(keys.length);
        for (const [fw, indexes] of analysis.flowsByFirewall) {
          const expected = analysis.flows.flatMap((f, i) => (f.firewalls.includes(fw) ? [i] : []));
          expect(indexes).toEqual(expected);
        }
        for (const [link, indexes] of analysis.flowsByLink) {
          const expected = analysis.flows.flatMap((f, i) => (f.links.includes(link) ? [i] : []));
          expect(indexes).toEqual(expected);
        }
        expect([...analysis.flowsByFirewall.keys()].sort()).toEqual(
          plan.nodes
            .filter((n) => n.type === 'firewall')
            .map((n) => n.id)
            .sort(),
        );
        expect(analysis.flowsByLink.size).toBe(plan.links.length);
      }),
      { numRuns: 150 },
    );
  });
});
