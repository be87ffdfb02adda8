import { describe, expect, it } from 'vitest';
import { analyzePlan } from '../engine/analyze';
import { loadPlan } from '../model/load';
import { generatePlan, SITE_HEIGHT, SITE_WIDTH } from './generatePlan';

describe('generatePlan', () => {
  it('builds a valid plan of about the asked size', () => {
    for (const size of [100, 1000]) {
      const plan = generatePlan({ nodes: size, seed: 7 });
      const loaded = loadPlan(JSON.parse(JSON.stringify(plan)));
      expect(loaded.ok ? 'ok' : loaded.error).toBe('ok');
      expect(plan.nodes.length).toBeLessThanOrEqual(size);
      expect(plan.nodes.length).toBeGreaterThan(size * 0.9);
    }
  });

  it('is deterministic for a seed and differs between seeds', () => {
    expect(generatePlan({ nodes: 300, seed: 3 })).toEqual(generatePlan({ nodes: 300, seed: 3 }));
    expect(generatePlan({ nodes: 300, seed: 3 })).not.toEqual(generatePlan({ nodes: 300, seed: 4 }));
  });

  it('has every kind of node, both connector types, clients of every protocol and auth', () => {
    const plan = generatePlan({ nodes: 1000 });
    const kinds = new Set(plan.nodes.map((n) => n.type));
    expect([...kinds].sort()).toEqual([
      'client',
      'dns',
      'firewall',
      'network',
      'newsHost',
      'owa',
      'server',
      'smtpHost',
    ]);
    expect(new Set(plan.connectors.map((k) => k.type))).toEqual(new Set(['site', 'x400']));
    const clients = plan.nodes.flatMap((n) =>
      n.type === 'client' && n.protocol !== 'admin' && n.protocol !== 'web'
        ? [`${n.protocol}/${n.auth}`]
        : [],
    );
    expect(new Set(clients).size).toBe(5 * 3);
    const others = plan.nodes.flatMap((n) => (n.type === 'client' ? [n.protocol] : []));
    expect(others).toContain('admin');
    expect(others).toContain('web');
    // Site connectors both from one bridgehead to chosen targets and from every server to every server.
    const halves = plan.connectors.flatMap((k) => (k.type === 'site' ? [k.bridgeheadA === null] : []));
    expect(new Set(halves)).toEqual(new Set([true, false]));
    const versions = new Set(plan.nodes.flatMap((n) => (n.type === 'server' ? [n.exchange] : [])));
    expect(versions).toEqual(new Set(['4.0', '5.0', '5.5']));
  });

  it('lays sites out as a grid of rectangles that do not overlap, with each node inside its site', () => {
    const plan = generatePlan({ nodes: 1000 });
    const sites = new Map(plan.sites.map((s) => [s.id, s]));
    for (const a of plan.sites) {
      expect(a.size).toEqual({ width: SITE_WIDTH, height: SITE_HEIGHT });
      for (const b of plan.sites) {
        if (a === b || !a.position || !b.position) continue;
        const apart =
          Math.abs(a.position.x - b.position.x) >= SITE_WIDTH ||
          Math.abs(a.position.y - b.position.y) >= SITE_HEIGHT;
        expect(apart).toBe(true);
      }
    }
    for (const n of plan.nodes) {
      expect(n.position).toBeDefined();
      const s = n.site === undefined ? undefined : sites.get(n.site);
      if (!s?.position || !n.position) continue;
      expect(n.position.x).toBeGreaterThanOrEqual(s.position.x);
      expect(n.position.x).toBeLessThan(s.position.x + SITE_WIDTH);
      expect(n.position.y).toBeGreaterThanOrEqual(s.position.y);
      expect(n.position.y).toBeLessThan(s.position.y + SITE_HEIGHT);
    }
  });

  it('describes an organization that mostly works: every flow routed, few errors', () => {
    const analysis = analyzePlan(generatePlan({ nodes: 1000 }));
    expect(analysis.flows.every((f) => f.routed)).toBe(true);
    const codes = new Set(analysis.findings.filter((f) => f.severity === 'error').map((f) => f.code));
    expect([...codes]).toEqual([]);
    expect([...analysis.flowsByFirewall.values()].every((flows) => flows.length > 0)).toBe(true);
  });
});
