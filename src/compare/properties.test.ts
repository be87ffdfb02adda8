/** Properties of the plan comparison over generated plans (SPEC §10). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzePlan } from '../engine/analyze';
import { portMatrixRows } from '../engine/matrix';
import type { Plan } from '../model/types';
import { enginePlanArbitrary } from '../test/enginePlanArbitrary';
import { comparePlans } from './comparePlans';
import { identifiedFindings } from './findings';
import type { ChangedFinding, ChangedRow, ObjectChange, PlanComparison } from './types';

const analysed = (plan: Plan) => ({ plan, analysis: analyzePlan(plan) });
const compare = (a: Plan, b: Plan) => comparePlans(analysed(a), analysed(b));

const rowView = (r: ChangedRow) => ({
  firewall: r.firewallId,
  source: r.sourceId,
  destination: r.destinationId,
  row: r.row,
});
const findingView = (f: ChangedFinding) => ({ finding: f.finding, rpc: f.rpc });

/** An object change seen from the other side: added and removed swap, old and new swap, and so do its rows. */
function reversed(o: ObjectChange) {
  return {
    id: o.id,
    collection: o.collection,
    change: o.change === 'added' ? 'removed' : o.change === 'removed' ? 'added' : 'changed',
    fields: o.fields.map((f) => {
      const swapped: { field: string; old?: unknown; new?: unknown } = { field: f.field };
      if ('new' in f) swapped.old = f.new;
      if ('old' in f) swapped.new = f.old;
      return swapped;
    }),
    rows: { removed: o.rows.added, added: o.rows.removed },
  };
}

const plain = (o: ObjectChange) => ({
  id: o.id,
  collection: o.collection,
  change: o.change,
  fields: o.fields,
  rows: o.rows,
});
const byId = <T extends { collection: string; id: string }>(list: T[]) =>
  [...list].sort((x, y) => (x.collection + x.id < y.collection + y.id ? -1 : 1));

/** Some names of a plan replaced, nothing else touched. */
const renamed = (plan: Plan, names: string[]): Plan => ({
  ...plan,
  nodes: plan.nodes.map((n, i) => (i % 2 === 0 ? { ...n, name: names[i % names.length] ?? n.name } : n)),
  sites: plan.sites.map((s, i) => ({ ...s, name: names[(i + 1) % names.length] ?? s.name })),
});

/** A variation of a plan: some addresses changed, some nodes dropped (with their links and references left valid by dropping only networks and clients). */
function varied(plan: Plan, seed: number): Plan {
  const dropped = new Set(
    plan.nodes
      .filter((n, i) => (n.type === 'network' || n.type === 'client') && (i + seed) % 3 === 0)
      .map((n) => n.id),
  );
  return {
    ...plan,
    nodes: plan.nodes
      .filter((n) => !dropped.has(n.id))
      .map((n, i) =>
        'address' in n && (i + seed) % 2 === 0
          ? { ...n, address: n.address === 'any' ? '10.0.0.2' : 'any' }
          : n,
      ),
    links: plan.links.filter((l) => !dropped.has(l.a) && !dropped.has(l.b)),
  };
}

function isEmpty(c: PlanComparison): boolean {
  return (
    c.rows.removed.length === 0 &&
    c.rows.added.length === 0 &&
    c.findings.appeared.length === 0 &&
    c.findings.wentAway.length === 0 &&
    c.objects.length === 0
  );
}

function expectSwapped(there: PlanComparison, back: PlanComparison): void {
  expect(there.rows.removed.map(rowView)).toEqual(back.rows.added.map(rowView));
  expect(there.rows.added.map(rowView)).toEqual(back.rows.removed.map(rowView));
  expect(there.findings.wentAway.map(findingView)).toEqual(back.findings.appeared.map(findingView));
  expect(there.findings.appeared.map(findingView)).toEqual(back.findings.wentAway.map(findingView));
  expect(byId(there.objects.map(plain))).toEqual(byId(back.objects.map(reversed)));
}

describe('plan comparison properties', () => {
  it('finds nothing between a plan and itself', () => {
    fc.assert(
      fc.property(enginePlanArbitrary(), (plan) => {
        expect(isEmpty(compare(plan, plan))).toBe(true);
        // Nor between a plan and a copy of it analysed apart.
        expect(isEmpty(compare(plan, structuredClone(plan)))).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('compare(A, B) is compare(B, A) with added and removed swapped', () => {
    fc.assert(
      fc.property(enginePlanArbitrary(), enginePlanArbitrary(), (a, b) => {
        expectSwapped(compare(a, b), compare(b, a));
      }),
      { numRuns: 40 },
    );
  });

  it('is symmetric for a plan and a variation of it (addresses changed, nodes dropped)', () => {
    fc.assert(
      fc.property(enginePlanArbitrary(), fc.nat(5), (a, seed) => {
        const b = varied(a, seed);
        const there = compare(a, b);
        expectSwapped(there, compare(b, a));
        // A rule whose endpoint's address changed is removed and added again, never kept.
        const rule = (r: ChangedRow) =>
          [r.firewallId, r.sourceId, r.destinationId, r.row.protocol, r.row.port, r.row.service].join(' ');
        const oldAnalysis = analyzePlan(a);
        const oldRules = new Set(
          portMatrixRows(a, oldAnalysis).map((row) => {
            const flow = oldAnalysis.flows[row.flowIndex];
            return [
              row.firewallId,
              flow?.source,
              flow?.destination,
              row.protocol,
              row.port,
              row.service,
            ].join(' ');
          }),
        );
        const removedRules = new Set(there.rows.removed.map(rule));
        for (const r of there.rows.added) {
          if (oldRules.has(rule(r))) expect(removedRules.has(rule(r))).toBe(true);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('changes no row and no finding when only names change', () => {
    fc.assert(
      fc.property(
        enginePlanArbitrary(),
        fc.array(fc.constantFrom('EX', 'ex', 'Alpha', 'Ω', '', 'Zulu', '=cmd'), {
          minLength: 1,
          maxLength: 5,
        }),
        (plan, names) => {
          const c = compare(plan, renamed(plan, names));
          expect(c.rows).toEqual({ removed: [], added: [] });
          expect(c.findings).toEqual({ wentAway: [], appeared: [] });
          for (const o of c.objects) {
            expect(o.change).toBe('changed');
            expect(o.fields.map((f) => f.field)).toEqual(['name']);
            expect(o.rows).toEqual({ removed: [], added: [] });
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('knows the RPC service of every DYNAMIC_RPC_PORTS finding', () => {
    fc.assert(
      fc.property(enginePlanArbitrary(), (plan) => {
        for (const f of identifiedFindings(analysed(plan))) {
          if (f.finding.code === 'DYNAMIC_RPC_PORTS') expect(f.rpc).toBeDefined();
        }
      }),
      { numRuns: 60 },
    );
  });
});
