import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Plan } from '../model/types';
import { enginePlanArbitrary } from '../test/enginePlanArbitrary';
import { gridPlan } from '../test/gridPlan';
import { seededRandom, shuffled } from '../test/random';
import { ANALYSIS_LIMIT, analysisLimited, analyzePlan } from './analyze';
import type { Analysis } from './types';

/** The (flow, firewall) crossings of a full analysis: what the bound counts. */
function crossingsOf(analysis: Analysis): number {
  return analysis.flows.reduce((sum, f) => sum + f.firewalls.length, 0);
}

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

describe('the analysis limit (SPEC §4)', () => {
  it('analyses a plan that needs exactly the limit, and stops one crossing above it', () => {
    const plan = gridPlan(3, 2);
    const full = analyzePlan(plan);
    // 2 clients × 3 MAPI flows × 9 firewalls.
    expect(crossingsOf(full)).toBe(54);

    const atLimit = analyzePlan(plan, { crossingLimit: 54 });
    expect(analysisLimited(atLimit)).toBe(false);
    expect(atLimit).toEqual(full);

    const above = analyzePlan(plan, { crossingLimit: 53 });
    expect(analysisLimited(above)).toBe(true);
    expect(above.flows).toEqual([]);
    expect(above.findings.map((f) => f.code)).toEqual(['ANALYSIS_LIMIT']);
    expect([...above.flowsByFirewall.keys()]).toEqual([...full.flowsByFirewall.keys()]);
    expect([...above.flowsByFirewall.values()].every((list) => list.length === 0)).toBe(true);
    expect([...above.flowsByLink.keys()]).toEqual([...full.flowsByLink.keys()]);
  });

  it('names the crossings, the limit, and the flows that cross the most firewalls, with their services', () => {
    const plan = gridPlan(4, 5, { spread: true });
    const [finding] = analyzePlan(plan, { crossingLimit: 10 }).findings;
    expect(finding?.severity).toBe('error');
    expect(finding?.kb).toEqual(['KB 176466']);
    // Clients 0–4 sit on cells (0,0) (0,1) (0,2) (0,3) (1,0) and cross 1, 2, 3, 4, 2 firewalls:
    // 12 × 3 flows. Clients 1 and 4 tie; the first in flow order (by source name) is named.
    expect(finding?.message).toBe(
      'The plan needs 36 firewall crossings, more than the 10 the planner analyses, so it shows no port matrix and no other finding: its flows travel a mesh of firewalls with very many equal shortest paths. Most come from Client 3 → EX1 (RPC endpoint mapper, Directory (RPC), Information Store (RPC)): 4 firewalls a flow; Client 2 → EX1 (RPC endpoint mapper, Directory (RPC), Information Store (RPC)): 3 firewalls a flow; Client 1 → EX1 (RPC endpoint mapper, Directory (RPC), Information Store (RPC)): 2 firewalls a flow, and the flows of 2 more pairs of endpoints. Give each flow one way through the firewalls: remove the links that join the firewalls into a mesh, or put the endpoints on a network behind one firewall.',
    );
    expect(finding?.subjects).toEqual(['c-3', 'srv', 'c-2', 'c-1']);
  });

  it('gives the same finding whatever the order of the plan’s arrays', () => {
    const plan = gridPlan(5, 12, { spread: true });
    const expected = analyzePlan(plan, { crossingLimit: 100 });
    expect(analysisLimited(expected)).toBe(true);
    for (const seed of [1, 2, 3, 4]) {
      expect(analyzePlan(shufflePlan(plan, seed), { crossingLimit: 100 })).toEqual(expected);
    }
  });

  it('counts what the full analysis crosses: any plan is analysed at its own count and stopped one below', () => {
    fc.assert(
      fc.property(enginePlanArbitrary(), (plan) => {
        const full = analyzePlan(plan);
        const crossings = crossingsOf(full);
        expect(analyzePlan(plan, { crossingLimit: crossings })).toEqual(full);
        if (crossings > 0) {
          const limited = analyzePlan(plan, { crossingLimit: crossings - 1 });
          expect(limited.findings.map((f) => f.code)).toEqual(['ANALYSIS_LIMIT']);
          expect(limited.findings[0]?.message).toContain(
            `needs ${crossings.toLocaleString('en-US')} firewall`,
          );
        }
      }),
      { numRuns: 150 },
    );
  });

  it('counts small grids, spread or not, exactly', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 30 }),
        fc.boolean(),
        (n, clients, spread) => {
          const plan = gridPlan(n, clients, { spread });
          const full = analyzePlan(plan);
          const crossings = crossingsOf(full);
          if (!spread) expect(crossings).toBe(3 * clients * n * n);
          expect(analyzePlan(plan, { crossingLimit: crossings })).toEqual(full);
          const limited = analyzePlan(plan, { crossingLimit: crossings - 1 });
          expect(limited.findings[0]?.message).toContain(
            `needs ${crossings.toLocaleString('en-US')} firewall`,
          );
        },
      ),
      { numRuns: 60 },
    );
  });

  it('stops the 49 × 49 grid (18 million crossings) at once, without building its routes', () => {
    const plan = gridPlan(49, 2500);
    const start = performance.now();
    const analysis = analyzePlan(plan);
    const ms = performance.now() - start;
    expect(analysis.findings.map((f) => f.code)).toEqual(['ANALYSIS_LIMIT']);
    expect(analysis.findings[0]?.message).toContain('needs 18,007,500 firewall crossings');
    expect(analysis.findings[0]?.message).toContain(
      `more than the ${ANALYSIS_LIMIT.toLocaleString('en-US')}`,
    );
    // Unbounded, this ran out of memory after 85 s; a loaded machine still finishes well inside this.
    expect(ms).toBeLessThan(8000);
  }, 20_000);
});
