import { describe, expect, it } from 'vitest';
import { NODE_BOX } from '../store/layout';
import { firewall, makePlan } from '../test/factories';
import { freeSpot } from './addItem';

describe('freeSpot', () => {
  it('keeps a spot that no node covers', () => {
    expect(
      freeSpot(makePlan({ nodes: [firewall('a', { position: { x: 0, y: 0 } })] }), { x: 400, y: 0 }),
    ).toEqual({
      x: 400,
      y: 0,
    });
  });

  it('moves off a node to the nearest spot clear of every node', () => {
    const plan = makePlan({
      nodes: [firewall('a', { position: { x: 0, y: 0 } }), firewall('b', { position: { x: 0, y: 80 } })],
    });
    const spot = freeSpot(plan, { x: 10, y: 10 });
    for (const n of plan.nodes) {
      const p = n.position ?? { x: 0, y: 0 };
      const clear = Math.abs(p.x - spot.x) >= NODE_BOX.width || Math.abs(p.y - spot.y) >= NODE_BOX.height;
      expect(clear).toBe(true);
    }
    expect(Math.hypot(spot.x - 10, spot.y - 10)).toBeLessThan(NODE_BOX.width * 1.5);
  });
});
