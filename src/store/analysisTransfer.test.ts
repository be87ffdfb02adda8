import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzePlan } from '../engine/analyze';
import { findingNameSpans } from '../engine/findingCatalog';
import { enginePlanArbitrary } from '../test/enginePlanArbitrary';
import { generatePlan } from '../test/generatePlan';
import { gridPlan } from '../test/gridPlan';
import { packAnalysis, unpackAnalysis } from './analysisTransfer';

/** Packs, sends through a structured clone moving the buffers (as postMessage does), and unpacks. */
function roundTrip(analysis: ReturnType<typeof analyzePlan>) {
  const [packed, buffers] = packAnalysis(analysis);
  return unpackAnalysis(structuredClone(packed, { transfer: buffers }));
}

describe('an analysis packed for the trip from the worker', () => {
  it('comes back equal, for a generated organization, a firewall mesh and a plan past the limit', () => {
    for (const plan of [generatePlan({ nodes: 300, seed: 3 }), gridPlan(6, 20, { spread: true })]) {
      const analysis = analyzePlan(plan);
      expect(analysis.flows.some((f) => f.crossings.length > 0)).toBe(true);
      expect(roundTrip(analysis)).toEqual(analysis);
    }
    const limited = analyzePlan(gridPlan(6, 20), { crossingLimit: 100 });
    expect(roundTrip(limited)).toEqual(limited);
  });

  it('comes back equal for any plan', () => {
    fc.assert(
      fc.property(enginePlanArbitrary(), (plan) => {
        const analysis = analyzePlan(plan);
        expect(roundTrip(analysis)).toEqual(analysis);
      }),
      { numRuns: 100 },
    );
  });

  it('holds each route’s lists once, shared again by the flows of one pair', () => {
    const analysis = analyzePlan(gridPlan(4, 2));
    const [packed] = packAnalysis(analysis);
    // 2 clients, 3 flows each, one route per client.
    expect(packed.routes).toHaveLength(2);
    const back = unpackAnalysis(packed);
    expect(back.flows[0]?.crossings).toBe(back.flows[1]?.crossings);
  });

  it('packs equal flow lists once and shares them again: every link of a mesh carries the same flows', () => {
    const analysis = analyzePlan(gridPlan(4, 3));
    const [packed] = packAnalysis(analysis);
    // The 24 links between firewalls and the server's link all carry the 9 flows; each client's link its own 3.
    expect(packed.byLink.keys).toHaveLength(28);
    expect(packed.byLink.offsets.length - 1).toBe(4);
    const back = unpackAnalysis(packed);
    expect(back).toEqual(analysis);
    expect(back.flowsByLink.get('l-fw-0-0-fw-0-1')).toBe(back.flowsByLink.get('l-fw-2-3-fw-3-3'));
  });

  it('keeps where each finding message names what the user named', () => {
    const analysis = analyzePlan(gridPlan(3, 2));
    const back = roundTrip(analysis);
    expect(back.findings.length).toBeGreaterThan(0);
    back.findings.forEach((finding, i) => {
      const spans = findingNameSpans(analysis.findings[i] as (typeof analysis.findings)[number]);
      expect(spans.length).toBeGreaterThan(0);
      expect(findingNameSpans(finding)).toEqual(spans);
    });
  });
});
