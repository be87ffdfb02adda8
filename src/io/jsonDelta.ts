/**
 * A small difference between two JSON values, for a share link that carries
 * a review baseline beside the plan (shareLink.ts): the baseline is written
 * as the edits that turn the plan's compact form into the baseline's, so a
 * link with a baseline a few edits away is hardly longer than one without.
 *
 * A delta is one of:
 *   { v: value }        the value itself (replaces whatever was there)
 *   { p?: [[index, delta], …], s?: [start, deleteCount, [items…]] }
 *                       an array with some items changed in place (p), then
 *                       a run of items replaced (s)
 * Arrays are the only containers looked into: the compact form is arrays of
 * columns.
 */
export type JsonDelta = { v: unknown } | { p?: [number, JsonDelta][]; s?: [number, number, unknown[]] };

const same = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);
const size = (delta: JsonDelta) => JSON.stringify(delta).length;

/** The delta that turns `from` into `to`, or null when they are equal. */
export function jsonDelta(from: unknown, to: unknown): JsonDelta | null {
  if (same(from, to)) return null;
  if (!Array.isArray(from) || !Array.isArray(to)) return { v: to };
  let start = 0;
  while (start < from.length && start < to.length && same(from[start], to[start])) start++;
  let end = 0;
  while (
    end < from.length - start &&
    end < to.length - start &&
    same(from[from.length - 1 - end], to[to.length - 1 - end])
  ) {
    end++;
  }
  // Either the run between the equal ends is written out, or the items both
  // arrays have are patched in place and only the longer one's tail written.
  const splice: JsonDelta = { s: [start, from.length - start - end, to.slice(start, to.length - end)] };
  const common = Math.min(from.length, to.length);
  const patches: [number, JsonDelta][] = [];
  for (let i = start; i < common; i++) {
    const inner = jsonDelta(from[i], to[i]);
    if (inner) patches.push([i, inner]);
  }
  const patch: JsonDelta =
    from.length === to.length
      ? { p: patches }
      : { p: patches, s: [common, from.length - common, to.slice(common)] };
  return size(patch) <= size(splice) ? patch : splice;
}

/** Why a delta could not be applied. */
export class JsonDeltaError extends Error {}

const isIndex = (value: unknown, limit: number): value is number =>
  Number.isInteger(value) && (value as number) >= 0 && (value as number) <= limit;

/** `from` with `delta` applied (a null delta leaves it as it is); a malformed delta throws JsonDeltaError. */
export function applyJsonDelta(from: unknown, delta: unknown): unknown {
  if (delta === null) return from;
  if (typeof delta !== 'object' || Array.isArray(delta))
    throw new JsonDeltaError('a change is not an object');
  if ('v' in delta) return (delta as { v: unknown }).v;
  if (!('p' in delta) && !('s' in delta)) throw new JsonDeltaError('a change is of no known kind');
  if (!Array.isArray(from)) throw new JsonDeltaError('a change looks into something that is not a list');
  let out = [...from];
  if ('p' in delta) {
    const patches = (delta as { p: unknown }).p;
    if (!Array.isArray(patches)) throw new JsonDeltaError('a list change is not a list');
    for (const patch of patches) {
      if (!Array.isArray(patch) || patch.length !== 2 || !isIndex(patch[0], from.length - 1)) {
        throw new JsonDeltaError('a list change names no item of the list');
      }
      out[patch[0]] = applyJsonDelta(from[patch[0]], patch[1]);
    }
  }
  if ('s' in delta) {
    const splice = (delta as { s: unknown }).s;
    if (
      !Array.isArray(splice) ||
      splice.length !== 3 ||
      !isIndex(splice[0], out.length) ||
      !isIndex(splice[1], out.length - splice[0]) ||
      !Array.isArray(splice[2])
    ) {
      throw new JsonDeltaError('a run of replaced items lies outside the list');
    }
    out = [...out.slice(0, splice[0]), ...splice[2], ...out.slice(splice[0] + splice[1])];
  }
  return out;
}
