import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadPlan } from '../model/load';
import type { Plan } from '../model/types';
import { DEFAULT_SITE_SIZE, NODE_BOX, SITE_HEADER, withLayout } from '../store/layout';
import { firewall, makePlan, server, site } from '../test/factories';
import { placementFor } from './addItem';
import { intersects, placeBox, planObstacles } from './placement';

const box = (at: { x: number; y: number }, size = NODE_BOX) => ({ ...at, ...size });

describe('placementFor', () => {
  it('keeps the wanted spot when nothing is drawn there', () => {
    const plan = makePlan({ nodes: [firewall('a', { position: { x: 0, y: 0 } })] });
    expect(placementFor(plan, 'firewall', { x: 475, y: 28 })).toEqual({ x: 400, y: 0 });
  });

  it('moves a node off the nodes under the wanted spot to the nearest clear spot', () => {
    const plan = makePlan({
      nodes: [firewall('a', { position: { x: 0, y: 0 } }), firewall('b', { position: { x: 0, y: 80 } })],
    });
    const spot = placementFor(plan, 'network', { x: 85, y: 38 });
    for (const n of plan.nodes) expect(intersects(box(spot), box(n.position ?? { x: 0, y: 0 }))).toBe(false);
    expect(Math.hypot(spot.x - 10, spot.y - 10)).toBeLessThan(NODE_BOX.width * 1.5);
  });

  it('keeps a node off a site title, though it may go inside the site below it', () => {
    const plan = makePlan({
      sites: [site('s', { position: { x: 0, y: 0 }, size: { width: 520, height: 340 } })],
    });
    const spot = placementFor(plan, 'network', { x: 260, y: 40 });
    expect(intersects(box(spot), { x: 0, y: 0, width: 520, height: SITE_HEADER })).toBe(false);
    expect(spot.y).toBeGreaterThanOrEqual(SITE_HEADER);
    expect(spot.x + NODE_BOX.width).toBeLessThanOrEqual(520);
  });

  it('keeps a node off what the canvas draws besides nodes (an edge label)', () => {
    const label = { x: 200, y: 200, width: 90, height: 20 };
    const spot = placementFor(makePlan(), 'firewall', { x: 245, y: 210 }, { drawn: [label] });
    expect(intersects(box(spot), label)).toBe(false);
  });

  it('puts a second site beside the first, not on it', () => {
    const first = site('s1', { position: { x: 0, y: 0 }, size: DEFAULT_SITE_SIZE });
    const plan = makePlan({ sites: [first] });
    const spot = placementFor(plan, 'site', { x: 260, y: 170 });
    expect(intersects(box(spot, DEFAULT_SITE_SIZE), box({ x: 0, y: 0 }, DEFAULT_SITE_SIZE))).toBe(false);
    // Beside: it touches the first site's band, right next to it rather than far away.
    expect(Math.hypot(spot.x, spot.y)).toBeLessThan(DEFAULT_SITE_SIZE.width + 60);
  });

  it('prefers a spot wholly in view to a nearer one outside it', () => {
    const plan = makePlan({ nodes: [firewall('a', { position: { x: 0, y: 0 } })] });
    const visible = { x: -20, y: -20, width: 400, height: 120 };
    const spot = placementFor(plan, 'network', { x: 75, y: 28 }, { visible });
    expect(spot.x).toBeGreaterThanOrEqual(visible.x);
    expect(spot.y).toBeGreaterThanOrEqual(visible.y);
    expect(spot.x + NODE_BOX.width).toBeLessThanOrEqual(visible.x + visible.width);
    expect(spot.y + NODE_BOX.height).toBeLessThanOrEqual(visible.y + visible.height);
    expect(intersects(box(spot), box({ x: 0, y: 0 }))).toBe(false);
  });

  it('puts a server inside a site, clear of the servers already there', () => {
    const s = site('s', { position: { x: 0, y: 0 }, size: { width: 520, height: 340 } });
    const plan = makePlan({ sites: [s], nodes: [server('x', 's', { position: { x: 185, y: 140 } })] });
    const spot = placementFor(plan, 'server', { x: 260, y: 170 });
    expect(intersects(box(spot), box({ x: 185, y: 140 }))).toBe(false);
    expect(spot.y).toBeGreaterThanOrEqual(SITE_HEADER);
    expect(spot.x + NODE_BOX.width).toBeLessThanOrEqual(520);
    expect(spot.y + NODE_BOX.height).toBeLessThanOrEqual(340);
  });

  it('never covers anything on the combined example, wherever the view is', () => {
    const text = readFileSync(new URL('../../public/examples/combined.json', import.meta.url), 'utf8');
    const loaded = loadPlan(JSON.parse(text));
    if (!loaded.ok) throw new Error('the combined example does not load');
    const plan: Plan = withLayout(loaded.plan);
    for (const kind of ['site', 'firewall', 'network', 'server', 'client'] as const) {
      for (const centre of [
        { x: 378, y: 239 },
        { x: 1000, y: 200 },
        { x: 2400, y: 300 },
      ]) {
        const size = kind === 'site' ? DEFAULT_SITE_SIZE : NODE_BOX;
        const spot = placementFor(plan, kind, centre);
        for (const obstacle of planObstacles(plan, kind)) {
          expect(intersects(box(spot, size), obstacle), `${kind} at ${JSON.stringify(spot)}`).toBe(false);
        }
      }
    }
  });
});

describe('placeBox on a large plan', () => {
  it('finds a free spot among thousands of obstacles quickly', () => {
    // A wall of 3,600 nodes, 200 units apart, with one gap some 2,300 units from the wanted spot.
    const obstacles = [];
    for (let i = 0; i < 60; i++)
      for (let j = 0; j < 60; j++)
        if (i !== 38 || j !== 38) obstacles.push({ x: i * 200, y: j * 200, width: 180, height: 180 });
    const started = performance.now();
    const spot = placeBox({ width: 150, height: 56 }, { x: 6000, y: 6000 }, obstacles, { margin: 4 });
    expect(performance.now() - started).toBeLessThan(2000);
    expect(spot).not.toBeNull();
    for (const o of obstacles)
      expect(intersects({ ...(spot ?? { x: 0, y: 0 }), width: 150, height: 56 }, o, 4)).toBe(false);
  });
});
