import type { Reference } from './compactPlan';

/**
 * Reading the columns of a compact plan (compactPlan.ts): shared by the
 * reader of each compact version. Every value is checked as it is read, so
 * anything that is not a compact plan ends in a `CompactFormError` that says
 * where, never in a half-built document.
 */

/** Why a compact form could not be read back: the link was damaged. */
export class CompactFormError extends Error {
  override readonly name = 'CompactFormError';
}

export function fail(where: string, what: string): never {
  throw new CompactFormError(`${where}: ${what}`);
}

/**
 * Reads the columns of one part. Column `i` of a part is `[]` (or left out)
 * when all its values are the default; otherwise it must have `count` values.
 */
export class ColumnReader {
  private readonly columns: unknown[];

  constructor(
    part: unknown,
    private readonly where: string,
    width: number,
  ) {
    if (!Array.isArray(part)) fail(where, 'expected a list');
    if (part.length > width) fail(where, 'too many columns');
    this.columns = part;
  }

  /** The raw column `i`, or undefined when it holds only defaults. */
  raw(i: number, count: number): unknown[] | undefined {
    const values = i < this.columns.length ? this.columns[i] : [];
    if (!Array.isArray(values)) fail(`${this.where} column ${i}`, 'expected a list');
    if (values.length === 0) return undefined;
    if (values.length !== count)
      fail(`${this.where} column ${i}`, `expected ${count} values, found ${values.length}`);
    return values;
  }

  /** Column `i` read value by value with `read`, or `fallback` throughout. */
  values<T>(
    i: number,
    count: number,
    fallback: T | undefined,
    read: (value: unknown, where: string, k: number) => T,
  ): T[] {
    const values = this.raw(i, count);
    if (values === undefined) {
      if (fallback === undefined && count > 0) fail(`${this.where} column ${i}`, 'is missing');
      return new Array<T>(count).fill(fallback as T);
    }
    return values.map((value, k) => read(value, `${this.where} column ${i}[${k}]`, k));
  }

  /** Column `i` as differences from the previous number (see `toDeltas`). */
  deltas(i: number, count: number, read: (value: unknown, where: string) => Reference): Reference[] {
    let previous = 0;
    return this.values<Reference>(i, count, null, (value, where) => {
      const item = read(value, where);
      if (typeof item !== 'number') return item;
      previous += item;
      if (!Number.isSafeInteger(previous)) fail(where, 'number out of range');
      return previous;
    });
  }
}

export function asNumber(value: unknown, where: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) fail(where, 'expected a number');
  return value;
}

export function asNullableNumber(value: unknown, where: string): number | null {
  return value === null ? null : asNumber(value, where);
}

export function asCode<T>(table: readonly T[], value: unknown, where: string): T {
  const code = asNumber(value, where);
  const entry = Number.isInteger(code) ? table[code] : undefined;
  if (entry === undefined) fail(where, `unknown code ${code}`);
  return entry;
}

export function asReferenceValue(value: unknown, where: string): Reference {
  if (value === null || typeof value === 'string') return value;
  const index = asNumber(value, where);
  if (!Number.isInteger(index)) fail(where, 'expected a whole number');
  return index;
}

export function resolve(ids: readonly string[], value: Reference, where: string): string | null {
  if (typeof value !== 'number') return value;
  const id = ids[value];
  if (id === undefined) fail(where, `reference ${value} points nowhere`);
  return id;
}

export function asOptionalText(value: unknown, where: string): string | null {
  if (value !== null && typeof value !== 'string') fail(where, 'expected a text');
  return value;
}

export function asCount(values: unknown, where: string): number {
  if (!Array.isArray(values)) fail(where, 'expected a list');
  return values.length;
}

export function readPair(x: Reference, y: Reference, where: string): { x: number; y: number } | undefined {
  if (x === null && y === null) return undefined;
  if (typeof x !== 'number' || typeof y !== 'number') fail(where, 'expected both numbers or neither');
  return { x, y };
}
