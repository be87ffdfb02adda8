import type { PortRange } from './types';

/** Orders strings by Unicode code point, never by locale, so every machine sorts alike (SPEC §3, §6). */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Orders ports numerically: by first port, then a single port before a range that starts at it (SPEC §6). */
export function comparePorts(a: PortRange, b: PortRange): number {
  return a.from - b.from || a.to - b.to;
}

/** Orders two lists of strings element by element; a list that is a prefix of the other comes first. */
export function compareStringLists(a: readonly string[], b: readonly string[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const c = compareStrings(a[i] as string, b[i] as string);
    if (c !== 0) return c;
  }
  return a.length - b.length;
}
