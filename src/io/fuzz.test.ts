/**
 * Reliability of the two doors through which outside data enters: the share
 * link decoder and the plan file importer. Thousands of random and mutated
 * inputs; for each: nothing throws or rejects, a refusal names its problem,
 * a damaged link never yields a different plan, and neither the input nor the
 * plan the user has open is changed by a refusal.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadPlan } from '../model/load';
import { serializePlan } from '../model/serialize';
import type { LoadResult, Plan } from '../model/types';
import { shareLinkPlanArbitrary } from '../test/shareLinkPlanArbitrary';
import { compactPlan } from './compactPlan';
import { readPlanFile } from './planFile';
import { decodeShareFragment, encodeShareFragment, packFragment } from './shareLink';

function loaded(input: unknown): Plan {
  const result = loadPlan(input);
  if (!result.ok) throw new Error(result.error);
  return result.plan;
}

const EXAMPLES = [
  'combined',
  'mapi',
  'pop3',
  'imap4',
  'ldap',
  'nntp',
  'intrasite',
  'site-connector',
  'x400-connector',
];
const examplePlans = EXAMPLES.map((name) =>
  loaded(readFileSync(new URL(`../../public/examples/${name}.json`, import.meta.url), 'utf8')),
);
// Plans with whole-number positions, so a link carries them exactly.
const basePlans = [
  ...examplePlans,
  ...fc.sample(shareLinkPlanArbitrary(), { numRuns: 30, seed: 176466 }).map(loaded),
];
const baseFragments = basePlans.map((plan) => ({ plan, fragment: encodeShareFragment(plan) }));

/**
 * The app's open plan, as the UI keeps it: replaced only by an accepted
 * result. After a refusal it must equal its snapshot.
 */
function openedPlanModel() {
  const initial = examplePlans[0] as Plan;
  const snapshot = structuredClone(initial);
  const model = {
    current: initial,
    open(result: LoadResult) {
      if (result.ok) model.current = result.plan;
    },
    expectUnchanged() {
      expect(model.current).toBe(initial);
      expect(model.current).toEqual(snapshot);
    },
  };
  return model;
}

/** A refusal message that says what is wrong: text, not a stray value. */
function expectNamedRefusal(error: unknown): asserts error is string {
  expect(typeof error).toBe('string');
  const text = error as string;
  expect(text.trim().length).toBeGreaterThan(20);
  expect(text).not.toMatch(/\bundefined\b|\[object |\bNaN\b|^Error:/);
}

const LINK_REFUSAL =
  /^(This link holds no Exchange Port Planner plan|The share link is damaged or incomplete \(.+\)|This shared plan was made by a newer version of Exchange Port Planner|The shared plan is not valid: \S)/;

function expectLinkRefusal(result: LoadResult): void {
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expectNamedRefusal(result.error);
  expect(result.error).toMatch(LINK_REFUSAL);
}

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

type Mutation = (fragment: string) => string;
const at = (i: number, text: string) => (text.length === 0 ? 0 : i % text.length);
const PAYLOAD_START = 'plan=1.'.length;

const fragmentMutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.nat().map(
    (n): Mutation =>
      (f) =>
        f.slice(0, at(n, f)),
  ),
  fc.tuple(fc.nat(), fc.constantFrom(...BASE64URL)).map(
    ([i, c]): Mutation =>
      (f) => {
        const k = at(i, f);
        return f.slice(0, k) + c + f.slice(k + 1);
      },
  ),
  fc.tuple(fc.nat(), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })).map(
    ([i, c]): Mutation =>
      (f) => {
        const k = at(i, f);
        return f.slice(0, k) + c + f.slice(k + 1);
      },
  ),
  fc.tuple(fc.nat(), fc.string({ minLength: 1, maxLength: 4 })).map(
    ([i, s]): Mutation =>
      (f) => {
        const k = at(i, f);
        return f.slice(0, k) + s + f.slice(k);
      },
  ),
  fc.nat().map(
    (i): Mutation =>
      (f) => {
        const k = at(i, f);
        return f.slice(0, k) + f.slice(k + 1);
      },
  ),
  // Swap two parts of the payload.
  fc.tuple(fc.nat(), fc.nat()).map(
    ([i, j]): Mutation =>
      (f) => {
        const payload = f.slice(PAYLOAD_START);
        const [a, b] = [at(i, payload), at(j, payload)].sort((x, y) => x - y) as [number, number];
        return f.slice(0, PAYLOAD_START) + payload.slice(b) + payload.slice(a, b) + payload.slice(0, a);
      },
  ),
  fc.constantFrom('2', '999', '-1', 'abc', '', '1.5', '01', '0', '1e0', ' 1', '99999999999').map(
    (v): Mutation =>
      (f) =>
        f.replace(/^plan=[^.]*\./, `plan=${v}.`),
  ),
  fc.constantFrom('', 'Plan=', 'plans=', 'p=', 'x', 'plan:', '?plan=', 'plan =', 'view=1&plan2=').map(
    (p): Mutation =>
      (f) =>
        p + f.replace(/^plan=/, ''),
  ),
  fc.constant<Mutation>((f) => f + f.slice(PAYLOAD_START)),
  fc.constant<Mutation>((f) => `${f}.${f.slice(PAYLOAD_START)}`),
);

describe('share link decoder under random and mutated input', { timeout: 60_000 }, () => {
  it('refuses random text with a named problem and never throws', () => {
    const model = openedPlanModel();
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 200 }),
          fc.string({ unit: 'binary', maxLength: 200 }),
          fc.stringMatching(/^#?plan=[0-9a-z-]{0,3}\.[A-Za-z0-9_\-%.]{0,300}$/),
          fc
            .uint8Array({ maxLength: 300 })
            .map((bytes) => `plan=1.${Buffer.from(bytes).toString('base64url')}`),
        ),
        (fragment) => {
          const result = decodeShareFragment(fragment);
          expectLinkRefusal(result);
          model.open(result);
          model.expectUnchanged();
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('never turns a mutated link into a different plan', () => {
    const model = openedPlanModel();
    let refused = 0;
    fc.assert(
      fc.property(
        fc.constantFrom(...baseFragments),
        fc.array(fragmentMutation, { minLength: 1, maxLength: 3 }),
        ({ plan, fragment }, mutations) => {
          const snapshot = structuredClone(plan);
          const mutated = mutations.reduce((f, mutate) => mutate(f), fragment);
          const result = decodeShareFragment(mutated);
          // Some mutations change nothing that matters (a leading zero in the version,
          // the unused low bits of the last character); then the plan is the same.
          if (result.ok) expect(result.plan).toEqual(plan);
          else {
            refused++;
            expectLinkRefusal(result);
            model.open(result);
            model.expectUnchanged();
          }
          expect(plan).toEqual(snapshot);
        },
      ),
      { numRuns: 2500 },
    );
    expect(refused).toBeGreaterThan(2000);
  });

  it('names the newer version for a too-new link and the damage for a bad version', () => {
    const { fragment } = baseFragments[0] as { fragment: string };
    const payload = fragment.slice(PAYLOAD_START);
    for (const version of ['3', '999']) {
      const result = decodeShareFragment(`plan=${version}.${payload}`);
      expect(result.ok || result.error).toContain('made by a newer version of Exchange Port Planner');
    }
    for (const version of ['-1', 'abc', '', '0']) {
      const result = decodeShareFragment(`plan=${version}.${payload}`);
      expect(result.ok || result.error).toContain('damaged or incomplete');
    }
  });

  it('refuses well-packed content that is not a compact plan as damaged', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (value) => {
        const result = decodeShareFragment(packFragment(value));
        if (result.ok) {
          // A short list can be a real compact plan (`[]` is the empty plan); it is then a valid plan.
          expect(Array.isArray(value)).toBe(true);
          expect(loadPlan(result.plan)).toEqual(result);
        } else {
          expectLinkRefusal(result);
          expect(result.error).toMatch(/damaged or incomplete|The shared plan is not valid: \S/);
        }
      }),
      { numRuns: 800 },
    );
  });

  it('refuses a well-packed compact plan with a changed value, naming the damage or the rule it breaks', () => {
    const junk = fc.constantFrom<unknown>(null, 0, -1, 1.5, 7, 99, 70000, '', 'x', 'nowhere', true, [], {});
    fc.assert(
      fc.property(fc.constantFrom(...basePlans), fc.nat(), junk, (plan, pick, value) => {
        const compact = compactPlan(plan) as unknown[];
        const slots = leafPaths(compact);
        if (slots.length === 0) return;
        const path = slots[pick % slots.length] as (string | number)[];
        setAt(compact, path, value);
        const result = decodeShareFragment(packFragment(compact));
        if (result.ok) {
          // The change may be valid (another name, another port); it is then what the plan says.
          expect(loadPlan(result.plan)).toEqual(result);
        } else {
          expectLinkRefusal(result);
          expect(result.error).toMatch(
            /damaged or incomplete \(its content is malformed at \S|^The shared plan is not valid: [a-z]+(\[\d+\])?[.:[]/,
          );
        }
      }),
      { numRuns: 1000 },
    );
  });
});

function leafPaths(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) {
    return [path, ...value.flatMap((item, i) => leafPaths(item, [...path, i]))].filter((p) => p.length > 0);
  }
  if (typeof value === 'object' && value !== null) {
    return [path, ...Object.entries(value).flatMap(([key, item]) => leafPaths(item, [...path, key]))].filter(
      (p) => p.length > 0,
    );
  }
  return [path];
}

function setAt(root: unknown, path: (string | number)[], value: unknown): void {
  let node = root as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path[path.length - 1] as string | number] = value;
}

function deleteAt(root: unknown, path: (string | number)[]): void {
  let node = root as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1] as string | number;
  if (Array.isArray(node)) node.splice(last as number, 1);
  else delete node[last];
}

function fileOf(text: string): Blob & { name: string } {
  return Object.assign(new Blob([text], { type: 'application/json' }), { name: 'shared.json' });
}

const FILE_PREFIX = 'The file "\u2068shared.json\u2069" cannot be imported: ';
/** After the prefix: a path (`nodes[3].staticPorts.mta: `) or one of loadPlan's named problems. */
const NAMED_PROBLEM =
  /^(not a plan: |not valid JSON: |the plan file is |format: |version: |[A-Za-z]\w*(\[\d+\])?(\.\w+|\[\d+\])*: )\S/;

function expectFileRefusal(result: LoadResult): string {
  expect(result.ok).toBe(false);
  if (result.ok) return '';
  expectNamedRefusal(result.error);
  expect(result.error.startsWith(FILE_PREFIX)).toBe(true);
  const problem = result.error.slice(FILE_PREFIX.length);
  expect(problem).toMatch(NAMED_PROBLEM);
  return problem;
}

const planLikeValue = fc.record(
  {
    format: fc.oneof(fc.constant('exchange-port-plan'), fc.jsonValue({ maxDepth: 1 })),
    version: fc.oneof(fc.constantFrom(1, 2, 0, -1, 1.5, '1'), fc.jsonValue({ maxDepth: 1 })),
    name: fc.jsonValue({ maxDepth: 1 }),
    sites: fc.oneof(fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 3 }), fc.jsonValue({ maxDepth: 2 })),
    nodes: fc.oneof(fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 3 }), fc.jsonValue({ maxDepth: 2 })),
    links: fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 3 }),
    connectors: fc.jsonValue({ maxDepth: 2 }),
  },
  { requiredKeys: ['format', 'version'] },
);

describe('plan file importer under random and mutated input', { timeout: 60_000 }, () => {
  it('refuses random JSON with a named problem, and neither the input nor the open plan changes', async () => {
    const model = openedPlanModel();
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.jsonValue({ maxDepth: 4 }), planLikeValue), async (value) => {
        const snapshot = structuredClone(value);
        const direct = loadPlan(value);
        expect(direct.ok).toBe(false);
        expect(value).toEqual(snapshot);
        const result = await readPlanFile(fileOf(JSON.stringify(value)));
        expectFileRefusal(result);
        model.open(result);
        model.expectUnchanged();
      }),
      { numRuns: 1200 },
    );
  });

  it('refuses random text that is not JSON, saying so', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 100 }), async (text) => {
        fc.pre(!isJson(text));
        const problem = expectFileRefusal(await readPlanFile(fileOf(text)));
        expect(problem).toMatch(/^not valid JSON: /);
      }),
      { numRuns: 500 },
    );
  });

  const documentMutation = fc.oneof(
    fc.record({ kind: fc.constant('drop' as const), pick: fc.nat() }),
    fc.record({
      kind: fc.constant('retype' as const),
      pick: fc.nat(),
      value: fc.constantFrom<unknown>(null, 0, -1, 1.5, 70000, '', 'x', true, [], {}, [1], { a: 1 }),
    }),
    fc.record({ kind: fc.constant('duplicateId' as const), pick: fc.nat(), other: fc.nat() }),
    fc.record({ kind: fc.constant('breakReference' as const), pick: fc.nat() }),
    fc.record({ kind: fc.constant('truncateText' as const), pick: fc.nat() }),
  );

  it('refuses a mutated valid plan with the path of the problem; the source plan is untouched', async () => {
    const model = openedPlanModel();
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...basePlans), documentMutation, async (plan, mutation) => {
        const snapshot = structuredClone(plan);
        const document = JSON.parse(serializePlan(plan)) as Record<string, unknown>;
        let text: string;
        let expected: RegExp | undefined;
        switch (mutation.kind) {
          case 'drop':
          case 'retype': {
            const paths = leafPaths(document);
            const path = paths[mutation.pick % paths.length] as (string | number)[];
            if (mutation.kind === 'drop') deleteAt(document, path);
            else setAt(document, path, mutation.value);
            text = JSON.stringify(document);
            break;
          }
          case 'duplicateId': {
            const objects = identified(document);
            fc.pre(objects.length >= 2);
            const a = objects[mutation.pick % objects.length] as { id: string };
            const b = objects[
              (mutation.pick + 1 + (mutation.other % (objects.length - 1))) % objects.length
            ] as {
              id: string;
            };
            b.id = a.id;
            text = JSON.stringify(document);
            // Whichever comes first in the file: the reused id, or a reference that the
            // reuse broke (to the old id, or to an id that now names two objects).
            expected =
              /is already used by (sites|nodes|links|connectors|notes)\[\d+\]|" is not an? |" is a (site|node|link|connector|note), not /;
            break;
          }
          case 'breakReference': {
            const references = referenceSlots(document);
            fc.pre(references.length > 0);
            const [owner, key] = references[mutation.pick % references.length] as [
              Record<string, unknown>,
              string,
            ];
            owner[key] = 'no-such-object';
            text = JSON.stringify(document);
            expected = /"no-such-object" is not an? (site|node|server|smtpHost|dns node)/;
            break;
          }
          case 'truncateText': {
            const full = JSON.stringify(document);
            text = full.slice(0, mutation.pick % full.length);
            expected = /^not valid JSON: /;
            break;
          }
        }
        const result = await readPlanFile(fileOf(text));
        if (result.ok) {
          // Dropping an optional field or writing a still-valid value is accepted as the plan it now is.
          expect(expected).toBeUndefined();
          expect(loadPlan(text)).toEqual(result);
        } else {
          refused++;
          const problem = expectFileRefusal(result);
          if (expected) expect(problem).toMatch(expected);
          expect(problem).not.toMatch(/^could not/);
          model.open(result);
          model.expectUnchanged();
        }
        expect(plan).toEqual(snapshot);
      }),
      { numRuns: 1200 },
    );
    expect(refused).toBeGreaterThan(400);
  });

  it('refuses a 6 MB file with the size message, without reading it', async () => {
    const big = Object.assign(new Blob([new Uint8Array(6 * 1024 * 1024)]), { name: 'shared.json' });
    big.text = () => Promise.reject(new Error('must not be read'));
    const model = openedPlanModel();
    const result = await readPlanFile(big);
    expect(result).toEqual({ ok: false, error: `${FILE_PREFIX}the plan file is 6.0 MB; the limit is 5 MB` });
    model.open(result);
    model.expectUnchanged();
  });
});

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** Every object of the document that has an id. */
function identified(document: Record<string, unknown>): { id: string }[] {
  return ['sites', 'nodes', 'links', 'connectors', 'notes'].flatMap(
    (key) => document[key] as { id: string }[],
  );
}

/** Every field of the document that names another object. */
function referenceSlots(document: Record<string, unknown>): [Record<string, unknown>, string][] {
  const slots: [Record<string, unknown>, string][] = [];
  for (const node of document.nodes as Record<string, unknown>[]) {
    if (typeof node.site === 'string') slots.push([node, 'site']);
    for (const key of ['server', 'smtpServer', 'smartHost', 'dns']) {
      if (typeof node[key] === 'string') slots.push([node, key]);
    }
    if (Array.isArray(node.servers))
      for (let i = 0; i < node.servers.length; i++) slots.push([node.servers as never, String(i)]);
  }
  for (const key of ['links', 'connectors']) {
    for (const item of document[key] as Record<string, unknown>[]) {
      slots.push([item, 'a'], [item, 'b']);
      for (const half of ['bridgeheadA', 'bridgeheadB'])
        if (typeof item[half] === 'string') slots.push([item, half]);
      for (const half of ['targetsA', 'targetsB']) {
        const targets = item[half];
        if (Array.isArray(targets))
          for (let i = 0; i < targets.length; i++) slots.push([targets as never, String(i)]);
      }
    }
  }
  for (const note of document.notes as Record<string, unknown>[]) {
    if (typeof note.about === 'string') slots.push([note, 'about']);
  }
  return slots;
}
