/**
 * The edges of loadPlan (SPEC §2) where a mistake would pass the other tests: which of several
 * problems is named when they arrive out of document order, how the size of a file is counted in
 * UTF-8 bytes at each boundary of the encoding, and what a refusal says about a thrown value.
 */
import { describe, expect, it } from 'vitest';
import { fullDoc, NAME_MSG, node, PORT_MSG, refusal } from './fixtures/loadHelpers';
import { compareInDocument, fileSizeMessage, loadPlan } from './load';
import { PLAN_MIGRATIONS } from './migrations';

const MB = 1024 * 1024;

describe('compareInDocument', () => {
  const doc = { b: [10, { y: 1, x: 2 }], a: { q: 1 } };

  it('orders array items by index and object fields as the document writes them', () => {
    expect(compareInDocument(doc, ['b', 0], ['b', 1])).toBe(-1);
    expect(compareInDocument(doc, ['b', 1], ['b', 0])).toBe(1);
    expect(compareInDocument(doc, ['b', 3], ['b', 1])).toBe(2);
    expect(compareInDocument(doc, ['b'], ['a'])).toBe(-1);
    expect(compareInDocument(doc, ['a'], ['b'])).toBe(1);
    expect(compareInDocument(doc, ['b', 1, 'y'], ['b', 1, 'x'])).toBe(-1);
    expect(compareInDocument(doc, ['b', 1, 'x'], ['b', 1, 'y'])).toBe(1);
  });

  it('puts a field the document lacks after every field it has, and two lacking fields level', () => {
    expect(compareInDocument(doc, ['a', 'missing'], ['a', 'q'])).toBe(1);
    expect(compareInDocument(doc, ['a', 'q'], ['a', 'missing'])).toBe(-1);
    expect(compareInDocument(doc, ['a', 'one'], ['a', 'other'])).toBe(0);
    expect(compareInDocument(doc, ['b', 0, 'p'], ['b', 0, 'q'])).toBe(0);
    expect(compareInDocument(doc, ['nothing', 'p'], ['nothing', 'q'])).toBe(0);
    expect(compareInDocument(doc, [Symbol('s')], ['a'])).toBe(1);
  });

  it('compares an index with a field name by the field order, and looks into no primitive or null', () => {
    // Integer-like keys come first in Object.keys, whatever order the document writes them in.
    expect(compareInDocument({ a: 1, 1: 2 }, ['a'], [1])).toBe(1);
    expect(compareInDocument({ a: 1, 1: 2 }, [1], ['a'])).toBe(-1);
    expect(compareInDocument([5, 6], [0], ['x'])).toBe(0);
    expect(compareInDocument({ n: null }, ['n', 'a', 'x'], ['n', 'a', 'y'])).toBe(0);
    expect(compareInDocument({ 'Symbol(s)': 1, a: 2 }, [Symbol('s')], ['a'])).toBe(1);
  });

  it('puts an object before the values inside it, and a path equal to itself level', () => {
    expect(compareInDocument(doc, ['b'], ['b', 1, 'x'])).toBe(-2);
    expect(compareInDocument(doc, ['b', 1, 'x'], ['b'])).toBe(2);
    expect(compareInDocument(doc, ['b', 1], ['b', 1])).toBe(0);
    expect(compareInDocument(doc, [], [])).toBe(0);
  });
});

describe('the first offending value, whatever order the problems are found in', () => {
  it('is the earliest in the document even when the schema meets it last', () => {
    const { connectors, ...rest } = fullDoc();
    // The connectors are written before the nodes here; the schema checks the nodes first.
    const doc = { ...rest, connectors };
    const reordered = { format: 'exchange-port-plan', version: 1, connectors, ...rest };
    Object.assign(node(doc, 9), { name: 5 });
    Object.assign(node(doc, 1), { rfc1006Port: 0 });
    Object.assign(connectors[1] as object, { name: 6 });
    expect(refusal(doc)).toBe(`nodes[1].rfc1006Port: ${PORT_MSG}`);
    expect(refusal(reordered)).toBe(`connectors[1].name: ${NAME_MSG}`);
  });

  it('is the first of two problems of one object as its fields are written', () => {
    const doc = fullDoc();
    const bad = { name: 5, id: 'ex9', type: 'server', site: 'ams', exchange: '5.5', rfc1006Port: 0 };
    doc.nodes.push(bad);
    expect(refusal(doc)).toBe(`nodes[10].name: ${NAME_MSG}`);
  });

  it('is a field the document writes before a field it lacks', () => {
    const { format, version } = fullDoc();
    expect(loadPlan({ format, version })).toEqual({
      ok: false,
      error: 'sites: required (must be an array of sites)',
    });
    expect(loadPlan({ format, version, nodes: 5 })).toEqual({
      ok: false,
      error: 'nodes: must be an array of nodes',
    });
  });
});

describe('the size of a file, counted in UTF-8 bytes', () => {
  // A file of exactly 5 MiB less one byte, then one more character: the refusal names the byte count.
  const sizeOf = (tail: string) => {
    const result = loadPlan(`{${' '.repeat(5 * MB - 2)}${tail}`);
    return result.ok ? 'loaded' : result.error;
  };
  const bytes = (n: number) =>
    `the plan file is ${(5 * MB - 1 + n).toLocaleString('en-US')} bytes; the limit is 5 MB (5,242,880 bytes)`;

  it.each([
    ['U+0080', '\u0080', 2],
    ['U+07FF', '\u07ff', 2],
    ['U+0800', '\u0800', 3],
    ['U+D7FF', '\ud7ff', 3],
    ['U+E000', '\ue000', 3],
    ['a surrogate pair from D800', '\ud800\udc00', 4],
    ['a surrogate pair from DBFF', '\udbff\udfff', 4],
    ['a lone high surrogate at the end', '\ud800', 3],
    ['a lone high surrogate before a letter', '\udbffa', 4],
    ['a high surrogate before another high surrogate', '\ud800\udbff', 6],
    ['a high surrogate before U+E000', '\ud800\ue000', 6],
    ['a lone low surrogate', '\udc00', 3],
  ])('%s', (_, tail, n) => {
    expect(sizeOf(tail)).toBe(bytes(n));
  });

  it('counts U+007F as one byte, so a file of exactly 5 MiB is read', () => {
    expect(sizeOf('\u007f')).toMatch(/^not valid JSON: /);
  });
});

describe('fileSizeMessage', () => {
  it('gives megabytes when one decimal shows the excess, else the byte counts', () => {
    // 5,295,309 bytes are 5.0500002 MiB, shown as 5.1; 5,295,308 are 5.0499992, shown as 5.0.
    expect(fileSizeMessage(5_295_309)).toBe('the plan file is 5.1 MB; the limit is 5 MB');
    expect(fileSizeMessage(5_295_308)).toBe(
      'the plan file is 5,295,308 bytes; the limit is 5 MB (5,242,880 bytes)',
    );
    expect(fileSizeMessage(12 * MB)).toBe('the plan file is 12.0 MB; the limit is 5 MB');
  });
});

describe('refusals of documents that are no plan', () => {
  it('skips one byte order mark, and only at the start', () => {
    const text = JSON.stringify(fullDoc());
    expect(loadPlan(`\ufeff${text}`).ok).toBe(true);
    expect(loadPlan(`\ufeff\ufeff${text}`)).toEqual({
      ok: false,
      error: expect.stringMatching(/^not valid JSON: /),
    });
    expect(loadPlan(` \ufeff${text}`).ok).toBe(false);
  });

  it('refuses an array, null and a number as no object', () => {
    const notAPlan = 'not a plan: must be a JSON object with "format": "exchange-port-plan"';
    expect(loadPlan([])).toEqual({ ok: false, error: notAPlan });
    expect(loadPlan('null')).toEqual({ ok: false, error: notAPlan });
    expect(loadPlan(7)).toEqual({ ok: false, error: notAPlan });
  });

  it('accepts versions 1 and 2 only, as numbers', () => {
    const versionMsg = 'version: must be a whole number of at least 1';
    const doc = fullDoc();
    expect(loadPlan({ ...doc, version: 0 })).toEqual({ ok: false, error: versionMsg });
    expect(loadPlan({ ...doc, version: '1' })).toEqual({ ok: false, error: versionMsg });
    expect(loadPlan({ ...doc, version: 1 }).ok).toBe(true);
    expect(loadPlan({ ...doc, version: 3 })).toEqual({
      ok: false,
      error:
        'version: this plan was made by a newer version of Exchange Port Planner (plan version 3; this version reads up to 2)',
    });
  });

  it('names a failing migration step and what it threw, and a value thrown that is no Error', () => {
    const step = PLAN_MIGRATIONS[0];
    if (!step) throw new Error('no migration');
    const original = step.up;
    const doc = { ...fullDoc(), version: 1 };
    try {
      (step as { up: typeof step.up }).up = () => {
        throw new Error('boom');
      };
      expect(loadPlan(doc)).toEqual({
        ok: false,
        error: `could not migrate the plan from version 1: the step "${step.name}" failed: boom`,
      });
      (step as { up: typeof step.up }).up = () => {
        throw 'plain';
      };
      expect(loadPlan(doc)).toEqual({
        ok: false,
        error: `could not migrate the plan from version 1: the step "${step.name}" failed: plain`,
      });
    } finally {
      (step as { up: typeof step.up }).up = original;
    }
  });

  it('says "could not load the plan" with the reason when reading the document itself throws', () => {
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error('no access');
        },
      },
    );
    expect(loadPlan(hostile)).toEqual({ ok: false, error: 'could not load the plan: no access' });
    const silent = new Proxy(
      {},
      {
        get() {
          throw new Error('');
        },
      },
    );
    expect(loadPlan(silent)).toEqual({ ok: false, error: 'could not load the plan: Error' });
    const unprintable = new Proxy(
      {},
      {
        get() {
          throw {
            toString() {
              throw new Error('no text either');
            },
          };
        },
      },
    );
    expect(loadPlan(unprintable)).toEqual({ ok: false, error: 'could not load the plan: unknown error' });
  });
});
