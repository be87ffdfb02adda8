import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { withDefaults } from '../model/defaults';
import { loadPlan } from '../model/load';
import type { Plan } from '../model/types';
import {
  client,
  firewall,
  link,
  makePlan as makeFactoryPlan,
  network,
  server,
  site,
} from '../test/factories';
import { filePlanArbitrary } from '../test/filePlanArbitrary';
import { generatePlan } from '../test/generatePlan';
import { shareLinkPlanArbitrary, withRoundedCoordinates } from '../test/shareLinkPlanArbitrary';
import { toBase64Url } from './base64url';
import { compactPlan, successorOf } from './compactPlan';
import { decodeShareFragment, encodeShareFragment, isShareFragment, shareUrl } from './shareLink';

/** A plan of the given parts with every version 2 default filled in, as the planner holds it. */
const makePlan = (parts: Parameters<typeof makeFactoryPlan>[0] = {}) => withDefaults(makeFactoryPlan(parts));

function loaded(input: unknown): Plan {
  const result = loadPlan(input);
  if (!result.ok) throw new Error(result.error);
  return result.plan;
}

function example(name: string): Plan {
  return loaded(readFileSync(new URL(`../../public/examples/${name}.json`, import.meta.url), 'utf8'));
}

/** A generated organization (a version 2 plan), as loading a file of it gives it. */
function organization(options: Parameters<typeof generatePlan>[0]): Plan {
  const result = loadPlan(generatePlan(options));
  if (!result.ok) throw new Error(result.error);
  return result.plan;
}

function decodedPlan(fragment: string): Plan {
  const result = decodeShareFragment(fragment);
  if (!result.ok) throw new Error(result.error);
  return result.plan;
}

const small = makePlan({
  name: 'Amsterdam and Utrecht',
  sites: [site('ams', { name: 'Amsterdam', position: { x: 0, y: 0 }, size: { width: 600, height: 400 } })],
  nodes: [
    server('ex1', 'ams', { name: 'EXAMS01', services: { internetMail: true }, position: { x: 40, y: 60 } }),
    server('ex2', 'utr', { exchange: '5.0', staticPorts: { mta: 6003 } }),
    client('c1', 'ex1', { protocol: 'pop3', auth: 'ssl' }),
    firewall('fw1'),
    network('lan', { site: 'ams' }),
  ],
  links: [link('c1', 'fw1'), link('fw1', 'lan'), link('lan', 'ex1'), link('fw1', 'ex2')],
});

describe('encodeShareFragment', () => {
  it('starts with what it is and the plan format version', () => {
    expect(encodeShareFragment(small)).toMatch(/^plan=2\.[A-Za-z0-9_-]+$/);
  });

  it('gives the same fragment for the same plan', () => {
    expect(encodeShareFragment(small)).toBe(encodeShareFragment(structuredClone(small)));
  });
});

describe('decodeShareFragment', () => {
  it('gives back the plan, with or without the leading #, or as a whole URL', () => {
    const fragment = encodeShareFragment(small);
    expect(decodedPlan(fragment)).toEqual(small);
    expect(decodedPlan(`#${fragment}`)).toEqual(small);
    expect(decodedPlan(shareUrl(small, 'https://planner.example.org/'))).toEqual(small);
  });

  it('reads a link that a mail program percent-encoded', () => {
    const fragment = encodeShareFragment(small).replace('=', '%3D').replace('.', '%2E');
    expect(decodedPlan(`plan=${fragment.slice('plan%3D'.length)}`)).toEqual(small);
  });

  it('reads a link that a mail program broke over lines', () => {
    const fragment = encodeShareFragment(small);
    const broken = `${fragment.slice(0, 30)}\r\n  ${fragment.slice(30, 60)}\n${fragment.slice(60)}`;
    expect(decodedPlan(broken)).toEqual(small);
  });

  it('finds the plan among other fragment parameters', () => {
    expect(decodedPlan(`#view=1&${encodeShareFragment(small)}`)).toEqual(small);
  });

  it('round-trips every example plan exactly', () => {
    for (const name of ['combined', 'mapi', 'pop3', 'imap4', 'ldap', 'nntp', 'intrasite', 'site-connector']) {
      const plan = example(name);
      expect(decodedPlan(encodeShareFragment(plan)), name).toEqual(plan);
    }
  });

  it('round-trips every valid plan (positions as whole numbers)', () => {
    fc.assert(
      fc.property(shareLinkPlanArbitrary(), (document) => {
        const plan = loaded(document);
        expect(decodedPlan(encodeShareFragment(plan))).toStrictEqual(plan);
      }),
      { numRuns: 300 },
    );
  });

  it('rounds fractional positions and sizes to whole pixels and keeps everything else', () => {
    fc.assert(
      fc.property(shareLinkPlanArbitrary({ fractionalCoordinates: true }), (document) => {
        const plan = loaded(document);
        expect(decodedPlan(encodeShareFragment(plan))).toStrictEqual(withRoundedCoordinates(plan));
      }),
      { numRuns: 100 },
    );
  });

  it("round-trips the model's arbitrary plans, coordinates rounded", () => {
    fc.assert(
      fc.property(filePlanArbitrary(), (document) => {
        const plan = loaded(document);
        expect(decodedPlan(encodeShareFragment(plan))).toStrictEqual(withRoundedCoordinates(plan));
      }),
      { numRuns: 150 },
    );
  });

  it('round-trips generated organizations exactly', () => {
    for (const nodes of [300, 1000]) {
      const plan = organization({ nodes, seed: 7 });
      expect(decodedPlan(encodeShareFragment(plan))).toStrictEqual(plan);
    }
  });

  it('refuses a fragment that is no plan link, saying so', () => {
    for (const fragment of ['', '#', '#section-2', 'view=1&zoom=2', 'https://planner.example.org/']) {
      const result = decodeShareFragment(fragment);
      expect(result).toEqual({
        ok: false,
        error: expect.stringContaining('holds no Exchange Port Planner plan'),
      });
    }
    expect(isShareFragment('#section-2')).toBe(false);
    expect(isShareFragment('#plan=garbage')).toBe(true);
  });

  it('opens a link that a mail or chat program percent-encoded', () => {
    const fragment = encodeShareFragment(small);
    const encoded = [
      `#${encodeURIComponent(fragment)}`,
      `#plan%3D${fragment.slice('plan='.length)}`,
      `#%20${fragment}`,
      `#%20%20${encodeURIComponent(fragment)}%0A`,
      `#\u200b${fragment}`,
      `https://planner.example.org/#plan%3d${fragment.slice('plan='.length)}`,
    ];
    for (const link of encoded) {
      expect(isShareFragment(link)).toBe(true);
      expect(decodedPlan(link)).toStrictEqual(small);
    }
  });

  it('refuses a mangled link that still looks like a plan link, never ignoring it', () => {
    for (const link of ['#plan%3', '#plan:2.abc', '#Plan=2.abc', '#%20plan%3D', '#plan%3D2.%ZZ']) {
      expect(isShareFragment(link)).toBe(true);
      const result = decodeShareFragment(link);
      expect(result.ok).toBe(false);
      if (!result.ok)
        expect(result.error).toMatch(/damaged or incomplete|holds no Exchange Port Planner plan/);
    }
  });

  it('refuses a newer plan format as made by a newer version', () => {
    const payload = encodeShareFragment(small).slice('plan=2.'.length);
    for (const version of [3, 999]) {
      const result = decodeShareFragment(`plan=${version}.${payload}`);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error).toContain('made by a newer version of Exchange Port Planner');
        expect(result.error).toContain(`plan format ${version}`);
      }
    }
  });

  it('refuses a version that is no number or does not exist as damaged', () => {
    const payload = encodeShareFragment(small).slice('plan=1.'.length);
    expect(decodeShareFragment(`plan=abc.${payload}`)).toEqual({
      ok: false,
      error: expect.stringMatching(/damaged.*version "abc" is not a number/),
    });
    expect(decodeShareFragment(`plan=-1.${payload}`)).toEqual({
      ok: false,
      error: expect.stringMatching(/damaged.*version "-1" is not a number/),
    });
    expect(decodeShareFragment(`plan=0.${payload}`)).toEqual({
      ok: false,
      error: expect.stringMatching(/damaged.*plan format 0 does not exist/),
    });
    expect(decodeShareFragment(`plan=${payload}`)).toEqual({
      ok: false,
      error: expect.stringMatching(/damaged.*no format version/),
    });
  });

  it('refuses a cut link at every length, never giving a different plan', () => {
    const fragment = encodeShareFragment(small);
    for (let length = 0; length < fragment.length; length++) {
      const result = decodeShareFragment(fragment.slice(0, length));
      expect(result.ok, `cut to ${length}`).toBe(false);
      if (!result.ok)
        expect(result.error).toMatch(/damaged or incomplete|holds no Exchange Port Planner plan/);
    }
  });

  it('refuses a link with one character changed, by its check sum', () => {
    const fragment = encodeShareFragment(small);
    const start = 'plan=1.'.length;
    for (let i = start; i < fragment.length; i++) {
      const changed = fragment[i] === 'A' ? 'B' : 'A';
      const result = decodeShareFragment(`${fragment.slice(0, i)}${changed}${fragment.slice(i + 1)}`);
      // A change in the unused low bits of the last character leaves the bytes as they were.
      if (result.ok) expect(result.plan).toEqual(small);
      else expect(result.error).toContain('damaged or incomplete');
    }
  });

  it('refuses characters a share link never holds', () => {
    const fragment = encodeShareFragment(small);
    expect(decodeShareFragment(`${fragment}!`)).toEqual({
      ok: false,
      error: expect.stringContaining('characters a share link never holds'),
    });
  });

  it('passes the decoded document through loadPlan and prefixes its refusal', () => {
    // A well-formed link whose plan breaks a rule of SPEC §2: a port out of range.
    const broken = structuredClone(small);
    (broken.nodes[1] as { rfc1006Port: number }).rfc1006Port = 70000;
    const result = decodeShareFragment(encodeShareFragment(broken));
    expect(result).toEqual({
      ok: false,
      error: 'The shared plan is not valid: nodes[1].rfc1006Port: must be an integer from 1 to 65535',
    });
  });

  it('refuses a plan whose reference names nothing, as loadPlan would', () => {
    const broken = structuredClone(small);
    (broken.links[0] as { a: string }).a = 'nowhere';
    const result = decodeShareFragment(encodeShareFragment(broken));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/^The shared plan is not valid: links\[0\]\.a: .*nowhere/);
  });

  it('refuses a payload that unpacks to more than a plan may hold, without unpacking all of it', async () => {
    const { deflateSync } = await import('fflate');
    const { crc32 } = await import('./crc32');
    const huge = new Uint8Array(6 * 1024 * 1024).fill(32);
    const deflated = deflateSync(huge, { level: 9 });
    const payload = new Uint8Array(deflated.length + 4);
    payload.set(deflated);
    new DataView(payload.buffer).setUint32(deflated.length, crc32(huge));
    const result = decodeShareFragment(`plan=1.${toBase64Url(payload)}`);
    expect(result).toEqual({ ok: false, error: expect.stringContaining('more than the 5 MB') });
  });
});

describe('shareUrl', () => {
  it('puts the fragment after the base URL, replacing a fragment it had', () => {
    const fragment = encodeShareFragment(small);
    expect(shareUrl(small, 'https://planner.example.org/')).toBe(`https://planner.example.org/#${fragment}`);
    expect(shareUrl(small, 'https://planner.example.org/app?x=1#old')).toBe(
      `https://planner.example.org/app?x=1#${fragment}`,
    );
  });

  it('keeps the combined example within 2,000 characters with a typical origin', () => {
    expect(shareUrl(example('combined'), 'https://planner.example.org/').length).toBeLessThanOrEqual(2000);
  });

  it('keeps a generated 300-node plan within 5,000 characters', () => {
    for (const seed of [1, 2, 3]) {
      const url = shareUrl(organization({ nodes: 300, seed }), 'https://planner.example.org/');
      expect(url.length, `seed ${seed}`).toBeLessThanOrEqual(5000);
    }
  });
});

describe('compact form', () => {
  it('leaves defaults out and writes counted-up ids and names as 0', () => {
    const plan = makePlan({
      sites: [site('s1')],
      nodes: [
        server('srv-1', 's1', { name: 'EX01' }),
        server('srv-2', 's1', { name: 'EX02' }),
        firewall('fw'),
      ],
    });
    expect(compactPlan(plan)).toEqual([
      '',
      [['s1'], ['s1']],
      ['002', ['srv-1', 0, 'fw'], ['EX01', 0, 'fw'], [0, 0, null], [], [], [], [2, 2]],
    ]);
  });

  it('writes coordinates and link ends as differences, a client server as a reference', () => {
    const plan = makePlan({
      nodes: [
        firewall('fw1', { position: { x: 100, y: 50 } }),
        network('lan', { position: { x: 220.4, y: 50 } }),
        client('c1', 'lan', { position: { x: 340, y: 49.6 }, protocol: 'pop3', auth: 'ssl' }),
      ],
      links: [link('fw1', 'lan', 'l1'), link('lan', 'fw1', 'l2'), link('c1', 'lan', 'l3')],
    });
    expect(compactPlan(plan)).toEqual([
      '',
      [],
      [
        '231',
        ['fw1', 'lan', 'c1'],
        ['fw1', 'lan', 'c1'],
        [],
        [100, 120, 120],
        [50, 0, 0],
        // the addresses, then the 12 columns of servers: no server here
        ...Array.from({ length: 13 }, () => []),
        [1],
        [1],
        [2],
      ],
      [
        ['l1', 0, 0],
        [0, 1, 1],
        [1, -1, 1],
      ],
    ]);
  });

  it('counts up keeping zero padding, and only a trailing number', () => {
    expect(successorOf('n09')).toBe('n10');
    expect(successorOf('srv-9')).toBe('srv-10');
    expect(successorOf('99')).toBe('100');
    expect(successorOf('fw')).toBeUndefined();
    expect(successorOf(undefined)).toBeUndefined();
    expect(successorOf('x1234567890123456')).toBeUndefined();
  });
});
