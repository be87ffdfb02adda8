import { describe, expect, it } from 'vitest';
import { isolate } from './bidi';

describe('isolate', () => {
  it('puts a name between first-strong and pop-directional isolates', () => {
    expect(isolate('\u202Eevil')).toBe('\u2068\u202Eevil\u2069');
    expect(isolate('')).toBe('\u2068\u2069');
  });
});
