import { describe, expect, it } from 'vitest';
import { type Box, cuePan, sideOf } from './viewEdges';

const view = { x: 0, y: 0, width: 800, height: 500 };

describe('sideOf', () => {
  it('says nothing of a node wholly in view', () => {
    expect(sideOf({ x: 10, y: 10, width: 150, height: 56 }, view)).toBeNull();
  });

  it('puts a node on the side it overshoots the most', () => {
    expect(sideOf({ x: 1200, y: 10, width: 150, height: 56 }, view)?.side).toBe('right');
    expect(sideOf({ x: -400, y: 10, width: 150, height: 56 }, view)?.side).toBe('left');
    expect(sideOf({ x: 100, y: 480, width: 150, height: 56 }, view)).toEqual({ side: 'down', by: 36 });
    expect(sideOf({ x: 790, y: -300, width: 150, height: 56 }, view)?.side).toBe('up');
  });

  it('counts a node cut by an edge as out of view', () => {
    expect(sideOf({ x: 700, y: 10, width: 150, height: 56 }, view)).toEqual({ side: 'right', by: 50 });
  });
});

/** Where `node` is seen after the view moves by `pan`. */
function seen(node: Box, pan: { x: number; y: number }): { side: string; by: number } | null {
  return sideOf(node, { ...view, x: view.x + pan.x, y: view.y + pan.y });
}

const PAD = 32;

describe('cuePan', () => {
  const inView = { x: 100, y: 200, width: 150, height: 56 };

  it('moves nowhere when nothing lies beyond that side', () => {
    expect(cuePan('right', view, [inView], PAD)).toBeNull();
    expect(cuePan('left', view, [inView, { x: 1200, y: 10, width: 150, height: 56 }], PAD)).toBeNull();
  });

  it('brings a node cut by the right edge wholly into view, not past the left edge', () => {
    // 240 wide, cut by 10: a move of three quarters of the view (600, toward the far node) would
    // carry it past the left edge.
    const cut = { x: 570, y: 200, width: 240, height: 56 };
    const far = { x: 2000, y: 200, width: 150, height: 56 };
    const pan = cuePan('right', view, [inView, cut, far], PAD);
    expect(pan).toEqual({ x: 10 + PAD, y: 0 });
    if (!pan) return;
    expect(seen(cut, pan)).toBeNull();
    // What was in view stays in view: the move was no longer than it had to be.
    expect(seen(inView, pan)).toBeNull();
  });

  it('brings the nearest node beyond each side, and every node that move brings along', () => {
    const near = { x: 900, y: 100, width: 150, height: 56 };
    const sameColumn = { x: 900, y: 300, width: 140, height: 56 };
    const far = { x: 1400, y: 100, width: 150, height: 56 };
    const pan = cuePan('right', view, [far, near, sameColumn, inView], PAD);
    expect(pan).toEqual({ x: 1050 - 800 + PAD, y: 0 });
    if (!pan) return;
    expect(seen(near, pan)).toBeNull();
    expect(seen(sameColumn, pan)).toBeNull();
    expect(seen(far, pan)?.side).toBe('right');
    // Beside the nearest node, only what had to make room leaves the view.
    expect(seen(inView, pan)?.side).toBe('left');
    expect(seen({ x: 400, y: 100, width: 150, height: 56 }, pan)).toBeNull();
  });

  it('works the same way to the left, above and below', () => {
    const left = { x: -400, y: 100, width: 150, height: 56 };
    expect(cuePan('left', view, [left, inView], PAD)).toEqual({ x: -400 - PAD, y: 0 });
    const above = { x: 100, y: -90, width: 150, height: 56 };
    expect(cuePan('up', view, [above], PAD)).toEqual({ x: 0, y: -90 - PAD });
    const below = { x: 100, y: 480, width: 150, height: 56 };
    expect(cuePan('down', view, [below], PAD)).toEqual({ x: 0, y: 36 + PAD });
    for (const [side, node] of [
      ['left', left],
      ['up', above],
      ['down', below],
    ] as const) {
      const pan = cuePan(side, view, [node], PAD);
      expect(pan && seen(node, pan), side).toBeNull();
    }
  });

  it('also moves across, as little as shows the node whole, when the node is cut that way too', () => {
    // Far to the right and cut by the bottom edge by 20.
    const node = { x: 1000, y: 464, width: 150, height: 56 };
    const pan = cuePan('right', view, [node], PAD);
    expect(pan).toEqual({ x: 1150 - 800 + PAD, y: 20 + PAD });
    expect(pan && seen(node, pan)).toBeNull();
    // Not cut across: no move across.
    expect(cuePan('right', view, [{ x: 1000, y: 0, width: 150, height: 56 }], PAD)?.y).toBe(0);
  });

  it('keeps the nodes of one step together across when they fit, else shows the first', () => {
    const top = { x: 1000, y: -30, width: 150, height: 56 };
    const bottom = { x: 1000, y: 400, width: 150, height: 56 };
    // Together they span 486 of the view's 500: both shown, the margin shrunk to what is left.
    const pan = cuePan('right', view, [top, bottom], PAD);
    expect(pan && [seen(top, pan), seen(bottom, pan)]).toEqual([null, null]);
    const lower = { x: 1000, y: 800, width: 150, height: 56 };
    const apart = cuePan('right', view, [top, lower], PAD);
    expect(apart && seen(top, apart)).toBeNull();
  });

  it('shows a node wider than the view from its start, and always moves toward it', () => {
    const wide = { x: 700, y: 100, width: 1200, height: 56 };
    expect(cuePan('right', view, [wide], PAD)).toEqual({ x: 700, y: 0 });
    // Already past its start: the view moves on toward its end.
    const spanning = { x: -100, y: 100, width: 1200, height: 56 };
    expect(cuePan('right', view, [spanning], PAD)).toEqual({ x: 300, y: 0 });
  });

  it('moves in the cue’s direction only, and shows the nearest node, wherever nodes lie', () => {
    // A pseudo-random layout, the same on every run.
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let run = 0; run < 200; run++) {
      const nodes = Array.from({ length: 12 }, () => ({
        x: random() * 3000 - 1200,
        y: random() * 2000 - 800,
        width: 100 + random() * 200,
        height: 40 + random() * 80,
      }));
      for (const side of ['left', 'right', 'up', 'down'] as const) {
        const pan = cuePan(side, view, nodes, PAD);
        const beyond = nodes.filter((n) => sideOf(n, view)?.side === side);
        if (beyond.length === 0) {
          expect(pan).toBeNull();
          continue;
        }
        if (!pan) throw new Error('no move');
        const forward = { left: -pan.x, right: pan.x, up: -pan.y, down: pan.y }[side];
        expect(forward).toBeGreaterThan(0);
        // At least one node that lay beyond that side is now wholly in view …
        expect(beyond.some((n) => seen(n, pan) === null)).toBe(true);
        // … and none of them went past the opposite edge.
        const opposite = { left: 'right', right: 'left', up: 'down', down: 'up' }[side];
        for (const n of beyond) {
          const after = seen(n, pan);
          if (after?.side === opposite) {
            // Only a node longer than the view may be cut by the opposite edge.
            const length = side === 'left' || side === 'right' ? n.width : n.height;
            const room = side === 'left' || side === 'right' ? view.width : view.height;
            expect(length).toBeGreaterThan(room - 2 * PAD);
          }
        }
      }
    }
  });
});
