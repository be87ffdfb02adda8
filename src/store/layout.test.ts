import { describe, expect, it } from 'vitest';
import type { Plan, Position, Site } from '../model/types';
import { client, firewall, makePlan, server, site } from '../test/factories';
import { NODE_BOX, withLayout } from './layout';

function inside(s: Site, p: Position | undefined): boolean {
  if (!p || !s.position || !s.size) return false;
  return (
    p.x >= s.position.x &&
    p.y >= s.position.y &&
    p.x + NODE_BOX.width <= s.position.x + s.size.width &&
    p.y + NODE_BOX.height <= s.position.y + s.size.height
  );
}

function overlaps(a: Site, b: Site): boolean {
  if (!a.position || !a.size || !b.position || !b.size) return true;
  return !(
    a.position.x + a.size.width <= b.position.x ||
    b.position.x + b.size.width <= a.position.x ||
    a.position.y + a.size.height <= b.position.y ||
    b.position.y + b.size.height <= a.position.y
  );
}

describe('withLayout', () => {
  it('returns the same plan when everything has a place', () => {
    const plan = makePlan({
      sites: [site('a', { position: { x: 0, y: 0 }, size: { width: 400, height: 300 } })],
      nodes: [firewall('fw', { position: { x: 10, y: 10 } })],
    });
    expect(withLayout(plan)).toBe(plan);
  });

  it('places every site and node of a plan that has no positions, servers inside their sites', () => {
    const plan: Plan = makePlan({
      nodes: [
        server('ex1', 'ams'),
        server('ex2', 'ams'),
        server('ex3', 'utr'),
        client('c1', 'ex1'),
        firewall('fw'),
      ],
    });
    const laid = withLayout(plan);
    for (const s of laid.sites) expect(s.position && s.size).toBeTruthy();
    for (const n of laid.nodes) expect(n.position).toBeDefined();
    const [ams, utr] = laid.sites as [Site, Site];
    expect(overlaps(ams, utr)).toBe(false);
    for (const n of laid.nodes) {
      if (n.type === 'server') expect(inside(n.site === 'ams' ? ams : utr, n.position)).toBe(true);
    }
    // Loose nodes are not drawn inside a site.
    for (const id of ['c1', 'fw']) {
      const p = laid.nodes.find((n) => n.id === id)?.position;
      expect(inside(ams, p) || inside(utr, p)).toBe(false);
    }
  });

  it('keeps what has a place and grows a site to hold its new nodes', () => {
    const ams = site('ams', { position: { x: 0, y: 0 }, size: { width: 300, height: 200 } });
    const placed = server('ex1', 'ams', { position: { x: 20, y: 50 } });
    const plan = makePlan({ sites: [ams], nodes: [placed, server('ex2', 'ams'), server('ex3', 'ams')] });
    const laid = withLayout(plan);
    expect(laid.nodes[0]).toBe(placed);
    const grown = laid.sites[0] as Site;
    expect(grown.position).toEqual({ x: 0, y: 0 });
    for (const n of laid.nodes) expect(inside(grown, n.position)).toBe(true);
  });

  it('sizes a site without a size around its placed nodes', () => {
    const plan = makePlan({
      sites: [site('ams')],
      nodes: [
        server('ex1', 'ams', { position: { x: 500, y: 500 } }),
        server('ex2', 'ams', { position: { x: 1200, y: 900 } }),
      ],
    });
    const laid = withLayout(plan);
    const ams = laid.sites[0] as Site;
    for (const n of laid.nodes) expect(inside(ams, n.position)).toBe(true);
  });

  it('gives the same layout whatever time it runs (deterministic)', () => {
    const plan = makePlan({ nodes: [server('ex1', 'a'), firewall('fw'), client('c', null)] });
    expect(withLayout(plan)).toEqual(withLayout(plan));
  });
});
