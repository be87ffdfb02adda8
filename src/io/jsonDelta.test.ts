import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyJsonDelta, JsonDeltaError, jsonDelta } from './jsonDelta';

describe('jsonDelta', () => {
  it('is null for equal values and turns one value into the other', () => {
    expect(jsonDelta([1, ['a', 'b']], [1, ['a', 'b']])).toBeNull();
    const ids = Array.from({ length: 40 }, (_, i) => `server-${i}`);
    const from = ['Plan', [ids, ids.map((id) => `${id} name`)], [['n1'], [3]]];
    const to = [
      'Plan',
      [ids, ids.map((id, i) => (i === 7 ? 'Renamed' : `${id} name`))],
      [
        ['n1', 'n2'],
        [3, 4],
      ],
    ];
    const delta = jsonDelta(from, to);
    expect(applyJsonDelta(from, delta)).toEqual(to);
    // Only what changed is written.
    expect(JSON.stringify(delta)).not.toContain('server-');
    expect(JSON.stringify(delta).length).toBeLessThan(100);
  });

  it('round-trips any pair of JSON values', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (a, b) => {
        // Compared as JSON text: the values travel as JSON, where -0 is 0.
        expect(JSON.stringify(applyJsonDelta(a, jsonDelta(a, b)))).toBe(JSON.stringify(b));
      }),
      { numRuns: 300 },
    );
  });

  it('round-trips lists that differ by insertions, deletions and edits', () => {
    const list = fc.array(
      fc.oneof(fc.integer({ min: 0, max: 5 }), fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 3 })),
      { maxLength: 12 },
    );
    fc.assert(
      fc.property(list, list, (a, b) => {
        expect(applyJsonDelta(a, jsonDelta(a, b))).toEqual(b);
      }),
      { numRuns: 500 },
    );
  });

  it('refuses a malformed delta with JsonDeltaError', () => {
    expect(() => applyJsonDelta([1], { p: [[5, { v: 1 }]] })).toThrow(JsonDeltaError);
    expect(() => applyJsonDelta([1], { s: [0, 3, []] })).toThrow(JsonDeltaError);
    expect(() => applyJsonDelta('x', { p: [] })).toThrow(JsonDeltaError);
    expect(() => applyJsonDelta([1], { q: 1 })).toThrow(JsonDeltaError);
    expect(() => applyJsonDelta([1], 3)).toThrow(JsonDeltaError);
  });
});
