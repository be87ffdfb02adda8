import { describe, expect, it } from 'vitest';
import { sideOf } from './ViewCues';

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
