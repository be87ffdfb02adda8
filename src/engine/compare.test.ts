/** The orders every sort of the engine uses (SPEC §3, §6): code points, ports, lists of names. */
import { describe, expect, it } from 'vitest';
import { comparePorts, compareStringLists, compareStrings } from './compare';

describe('comparePorts', () => {
  it('orders by first port, then a single port before a range that starts at it', () => {
    const ports = [
      { from: 1024, to: 65535 },
      { from: 135, to: 135 },
      { from: 1024, to: 1024 },
      { from: 25, to: 25 },
      { from: 1024, to: 5000 },
      { from: 1000, to: 2000 },
    ];
    expect([...ports].sort(comparePorts)).toEqual([
      { from: 25, to: 25 },
      { from: 135, to: 135 },
      { from: 1000, to: 2000 },
      { from: 1024, to: 1024 },
      { from: 1024, to: 5000 },
      { from: 1024, to: 65535 },
    ]);
  });

  it('says how far apart two ports are, 0 for the same range', () => {
    expect(comparePorts({ from: 110, to: 110 }, { from: 25, to: 25 })).toBe(85);
    expect(comparePorts({ from: 25, to: 25 }, { from: 110, to: 110 })).toBe(-85);
    expect(comparePorts({ from: 1024, to: 5000 }, { from: 1024, to: 65535 })).toBe(-60535);
    expect(comparePorts({ from: 1024, to: 65535 }, { from: 1024, to: 65535 })).toBe(0);
  });
});

describe('compareStringLists', () => {
  it('decides at the first element that differs, by code point', () => {
    expect(compareStringLists(['EX', 'FW'], ['EX', 'fw'])).toBe(-1);
    expect(compareStringLists(['EX', 'b', 'a'], ['EX', 'a', 'z'])).toBe(1);
    expect(compareStringLists(['EX', 'FW'], ['EX', 'FW'])).toBe(0);
  });

  it('puts a list before the longer lists it begins', () => {
    expect(compareStringLists(['EX'], ['EX', 'FW'])).toBeLessThan(0);
    expect(compareStringLists(['EX', 'FW'], ['EX'])).toBeGreaterThan(0);
    expect(compareStringLists([], [])).toBe(0);
  });

  it('agrees with compareStrings on one-element lists', () => {
    expect(compareStringLists(['Z'], ['a'])).toBe(compareStrings('Z', 'a'));
  });
});
