import { describe, expect, it } from 'vitest';
import { distinctPair } from './planArbitraryCore';

describe('distinctPair', () => {
  it('gives every ordered pair of different indices, and never an index with itself', () => {
    for (let count = 2; count <= 6; count++) {
      const seen = new Set<string>();
      for (let a = 0; a < count * 2; a++) {
        for (let b = 0; b < count * 2; b++) {
          const [i, j] = distinctPair(count, a, b);
          expect(i).not.toBe(j);
          expect(Math.max(i, j)).toBeLessThan(count);
          seen.add(`${i},${j}`);
        }
      }
      expect(seen.size).toBe(count * (count - 1));
    }
  });
});
