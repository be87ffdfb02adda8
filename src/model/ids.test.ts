import { describe, expect, it } from 'vitest';
import { isValidId, uniqueId } from './ids';

describe('isValidId', () => {
  it('accepts 1–64 ASCII letters, digits, _, - and .', () => {
    expect(isValidId('a')).toBe(true);
    expect(isValidId('Ex-1_b.2')).toBe(true);
    expect(isValidId('x'.repeat(64))).toBe(true);
  });

  it('refuses anything else', () => {
    for (const bad of ['', 'x'.repeat(65), 'a b', 'lån', 'a/b', 'a\n', '😀', 5, null, undefined]) {
      expect(isValidId(bad)).toBe(false);
    }
  });
});

describe('uniqueId', () => {
  it('numbers from 1 and skips ids in use', () => {
    expect(uniqueId('fw', new Set())).toBe('fw1');
    expect(uniqueId('fw', new Set(['fw1', 'fw2', 'fw4']))).toBe('fw3');
  });

  it('stays a valid id when the prefix is long', () => {
    const prefix = 'p'.repeat(70);
    const taken = new Set(Array.from({ length: 9 }, (_, i) => `${'p'.repeat(63)}${i + 1}`));
    const id = uniqueId(prefix, taken);
    expect(id).toBe(`${'p'.repeat(62)}10`);
    expect(isValidId(id)).toBe(true);
  });
});
