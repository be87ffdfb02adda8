import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { comparePlans } from '../../compare/comparePlans';
import { analyzePlan } from '../../engine/analyze';
import { loadPlan } from '../../model/load';
import type { Plan } from '../../model/types';
import { note } from '../../test/factories';
import { reviewPackContent } from './reviewPack';

function combined(): Plan {
  const loaded = loadPlan(readFileSync(join(process.cwd(), 'public', 'examples', 'combined.json'), 'utf8'));
  if (!loaded.ok) throw new Error(loaded.error);
  return loaded.plan;
}

const analysed = (plan: Plan) => ({ plan, analysis: analyzePlan(plan) });

describe('the review pack content', () => {
  it('holds every port matrix row once, per firewall in name order, and says when there is no baseline', () => {
    const plan = combined();
    const analysis = analyzePlan(plan);
    const pack = reviewPackContent({ plan, analysis, review: null, printed: '2 Dec 2026, 03:20' });
    expect(pack.title).toBe(plan.name);
    expect(pack.baseline).toBeNull();
    expect(pack.changes).toBeNull();
    expect(pack.matrix.map((g) => g.firewall.name)).toEqual(['FW-EDGE', 'FW-INTERNAL', 'FW-WAN']);
    expect(pack.matrix.reduce((n, g) => n + g.rows.length, 0)).toBe(pack.counts.matrixRows);
    for (const g of pack.matrix) for (const r of g.rows) expect(r.firewallId).toBe(g.firewall.id);
    expect(pack.findings).toBe(analysis.findings);
  });

  it('lists open notes only, the plan’s first, each named by what it is about', () => {
    const base = combined();
    const firewall = base.nodes.find((n) => n.name === 'FW-EDGE');
    if (!firewall) throw new Error('no FW-EDGE');
    const plan: Plan = {
      ...base,
      notes: [
        note('n1', firewall.id, 'Is POP3 still needed?'),
        note('n2', null, 'Reviewed on Monday'),
        note('n3', firewall.id, 'Done', true),
      ],
    };
    const pack = reviewPackContent({ plan, analysis: analyzePlan(plan), review: null, printed: '' });
    expect(pack.openNotes).toEqual([
      { about: 'The plan', text: 'Reviewed on Monday' },
      { about: 'Firewall FW-EDGE', text: 'Is POP3 still needed?' },
    ]);
  });

  it('lists the rules to remove and add per firewall and the changed fields since the baseline', () => {
    const before = combined();
    const server = before.nodes.find((n) => n.name === 'EXAMS01');
    if (!server || !('address' in server)) throw new Error('no EXAMS01');
    const after: Plan = {
      ...before,
      nodes: before.nodes.map((n) => (n.id === server.id ? { ...n, address: '10.1.0.12' } : n)),
    };
    const comparison = comparePlans(analysed(before), analysed(after));
    const pack = reviewPackContent({
      plan: after,
      analysis: analyzePlan(after),
      review: { comparison, since: 'the review of 1 Dec 2026, 10:00' },
      printed: '',
    });
    expect(pack.baseline).toBe('the review of 1 Dec 2026, 10:00');
    const changes = pack.changes;
    if (!changes) throw new Error('no changes');
    const count = (groups: typeof changes.added) => groups.reduce((n, g) => n + g.rows.length, 0);
    expect(count(changes.removed)).toBe(comparison.rows.removed.length);
    expect(count(changes.added)).toBe(comparison.rows.added.length);
    expect(count(changes.added)).toBeGreaterThan(0);
    for (const r of changes.removed.flatMap((g) => g.rows))
      expect([r.sourceAddress, r.destinationAddress]).toContain(server.address);
    for (const r of changes.added.flatMap((g) => g.rows))
      expect([r.sourceAddress, r.destinationAddress]).toContain('10.1.0.12');
    expect(changes.objects).toEqual([
      {
        change: 'changed',
        kind: 'server',
        name: 'EXAMS01',
        fields: [`address: ${server.address} → 10.1.0.12`],
      },
    ]);
  });
});
