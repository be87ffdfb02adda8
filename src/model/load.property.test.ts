import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { filePlanArbitrary } from '../test/filePlanArbitrary';
import { loadPlan } from './load';
import { serializePlan } from './serialize';

/**
 * Every refusal starts with the path of the offending value
 * (`nodes[3].staticPorts.mta: `) or with one of the few messages about the
 * file as a whole.
 */
const REFUSAL =
  /^(?:[A-Za-z][A-Za-z0-9]*(?:\[\d+\])*(?:\.[A-Za-z][A-Za-z0-9]*(?:\[\d+\])*)*: \S|not valid JSON: \S|the plan file is |not a plan: \S)/;

function checkResult(input: unknown): void {
  let result: ReturnType<typeof loadPlan> | undefined;
  expect(() => {
    result = loadPlan(input);
  }).not.toThrow();
  if (result && !result.ok) {
    expect(result.error).toMatch(REFUSAL);
  }
}

/** Every path to a value inside `value`, objects and arrays included. */
function pathsOf(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const paths = [prefix];
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) paths.push(...pathsOf(item, [...prefix, i]));
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) paths.push(...pathsOf(item, [...prefix, key]));
  }
  return paths;
}

function replaceAt(doc: unknown, path: (string | number)[], replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  const copy = (Array.isArray(doc) ? [...doc] : { ...(doc as object) }) as Record<string | number, unknown>;
  copy[head] = replaceAt(copy[head], rest, replacement);
  return copy;
}

describe('loadPlan on arbitrary input', () => {
  it('never throws on arbitrary JSON values and refuses with a path or a known prefix', () => {
    fc.assert(fc.property(fc.jsonValue(), checkResult), { numRuns: 500 });
  });

  it('never throws on arbitrary JavaScript values', () => {
    fc.assert(
      fc.property(
        fc.anything({ withNullPrototype: true, withMap: true, withSet: true, withDate: true }),
        (value) => {
          const result = loadPlan(value);
          expect(result.ok ? '' : result.error).toMatch(REFUSAL);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('never throws on arbitrary text, JSON or not', () => {
    fc.assert(fc.property(fc.oneof(fc.string(), fc.json()), checkResult), { numRuns: 500 });
  });

  it('never throws on plan-shaped objects with arbitrary fields', () => {
    const small = fc.jsonValue({ maxDepth: 2 });
    const planish = fc.record({
      format: fc.constant('exchange-port-plan'),
      version: fc.constant(1),
      name: small,
      sites: fc.array(fc.dictionary(fc.constantFrom('id', 'name', 'position', 'size'), small)),
      nodes: fc.array(
        fc.dictionary(
          fc.constantFrom('id', 'type', 'name', 'site', 'exchange', 'services', 'staticPorts', 'server'),
          fc.oneof(fc.constantFrom('server', 'client', 'firewall', 'a', 'b'), small),
        ),
      ),
      links: fc.array(
        fc.dictionary(fc.constantFrom('id', 'a', 'b'), fc.oneof(fc.constantFrom('a', 'b'), small)),
      ),
    });
    fc.assert(fc.property(planish, checkResult), { numRuns: 200 });
  });

  it('either loads a valid plan with one value replaced, or refuses it naming a path', () => {
    const mutated = filePlanArbitrary().chain((plan) => {
      const doc = JSON.parse(serializePlan(plan));
      const paths = pathsOf(doc).filter((p) => p.length > 0);
      return fc.tuple(fc.constantFrom(...paths), fc.jsonValue()).map(([path, value]) => ({
        path,
        doc: replaceAt(doc, path, value),
      }));
    });
    fc.assert(
      fc.property(mutated, ({ doc }) => {
        checkResult(doc);
        checkResult(JSON.stringify(doc));
        const result = loadPlan(doc);
        if (!result.ok) expect(result.error).not.toMatch(/^not a plan|^could not/);
      }),
      { numRuns: 500 },
    );
  });
});
