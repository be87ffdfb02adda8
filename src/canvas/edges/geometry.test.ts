import { describe, expect, it } from 'vitest';
import { arc, borderPoint, straightEnds } from './geometry';

const box = { x: 0, y: 0, width: 100, height: 50 };

describe('edge geometry', () => {
  it('finds where a ray from the centre leaves the rectangle', () => {
    expect(borderPoint(box, { x: 500, y: 25 })).toEqual({ x: 100, y: 25 });
    expect(borderPoint(box, { x: 50, y: -300 })).toEqual({ x: 50, y: 0 });
    expect(borderPoint(box, { x: 150, y: 75 })).toEqual({ x: 100, y: 50 });
    expect(borderPoint(box, { x: 50, y: 25 })).toEqual({ x: 50, y: 25 });
  });

  it('joins two rectangles border to border', () => {
    const ends = straightEnds(box, { x: 300, y: 0, width: 100, height: 50 });
    expect(ends).toEqual({ source: { x: 100, y: 25 }, target: { x: 300, y: 25 } });
  });

  it('bows an arc to one side of the straight line', () => {
    const { path, middle } = arc(box, { x: 400, y: 0, width: 100, height: 50 });
    expect(path.startsWith('M ')).toBe(true);
    expect(middle.x).toBeCloseTo(250);
    expect(middle.y).not.toBeCloseTo(25);
  });
});
