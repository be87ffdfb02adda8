import { describe, expect, it } from 'vitest';
import { decodePlanBytes } from './textDecoding';
import { PLAN, READABLE, REFUSED } from './textDecoding.fixtures';

describe('decodePlanBytes', () => {
  for (const [name, bytes] of Object.entries(READABLE)) {
    it(`reads ${name} as the plan text`, () => {
      expect(decodePlanBytes(bytes)).toEqual({ ok: true, text: PLAN });
    });
  }
  for (const [name, [bytes, message]] of Object.entries(REFUSED)) {
    it(`refuses ${name}, saying why`, () => {
      const decoded = decodePlanBytes(bytes);
      expect(decoded.ok).toBe(false);
      if (!decoded.ok) expect(decoded.error).toMatch(message);
    });
  }
  it('reads an empty file as empty text (loadPlan then says it is not JSON)', () => {
    expect(decodePlanBytes(new Uint8Array())).toEqual({ ok: true, text: '' });
  });
});
