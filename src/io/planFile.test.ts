import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { withDefaults } from '../model/defaults';
import { fileSizeMessage, loadPlan } from '../model/load';
import { serializePlan } from '../model/serialize';
import { client, firewall, link, makePlan as makeFactoryPlan, server } from '../test/factories';
import { planFileName, readPlanFile } from './planFile';

/** A plan of the given parts with every version 2 default filled in, as the planner holds it. */
const makePlan = (parts: Parameters<typeof makeFactoryPlan>[0] = {}) => withDefaults(makeFactoryPlan(parts));

const plan = makePlan({
  name: 'Contoso Benelux',
  nodes: [server('ex1', 'ams'), client('c1', 'ex1'), firewall('fw')],
  links: [link('c1', 'fw'), link('fw', 'ex1')],
});

function fileOf(text: string, name = 'plan.json'): Blob & { name: string } {
  return Object.assign(new Blob([text], { type: 'application/json' }), { name });
}

describe('readPlanFile', () => {
  it('reads a plan file into the plan', async () => {
    expect(await readPlanFile(fileOf(serializePlan(plan)))).toEqual({ ok: true, plan });
  });

  it('reads the combined example', async () => {
    const text = readFileSync(new URL('../../public/examples/combined.json', import.meta.url), 'utf8');
    const result = await readPlanFile(fileOf(text, 'combined.json'));
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.plan.name).toBe('Contoso Benelux');
  });

  it('refuses a file over 5 MB before reading it, naming its size and the limit', async () => {
    const big = fileOf('x'.repeat(6 * 1024 * 1024), 'big.json');
    let read = false;
    big.text = async () => {
      read = true;
      return '';
    };
    expect(await readPlanFile(big)).toEqual({
      ok: false,
      error: 'The file "\u2068big.json\u2069" cannot be imported: the plan file is 6.0 MB; the limit is 5 MB',
    });
    expect(read).toBe(false);
  });

  it('words the size refusal as loadPlan does for the same number of bytes', () => {
    for (const bytes of [5 * 1024 * 1024 + 1, 5 * 1024 * 1024 + 60_000, 6 * 1024 * 1024, 7.5 * 1024 * 1024]) {
      const result = loadPlan(' '.repeat(bytes));
      expect(result).toEqual({ ok: false, error: fileSizeMessage(bytes) });
    }
  });

  it('reads a file of exactly 5 MB (the limit is inclusive)', async () => {
    const text = serializePlan(plan);
    const padded = text + ' '.repeat(5 * 1024 * 1024 - text.length);
    expect(await readPlanFile(fileOf(padded))).toEqual({ ok: true, plan });
  });

  it('refuses what loadPlan refuses, with its message and the file name', async () => {
    expect(await readPlanFile(fileOf('{ "format": "something-else" }', 'other.json'))).toEqual({
      ok: false,
      error: 'The file "\u2068other.json\u2069" cannot be imported: format: must be "exchange-port-plan"',
    });
    const broken = JSON.parse(serializePlan(plan)) as { nodes: { staticPorts?: { mta: unknown } }[] };
    (broken.nodes[0] as { staticPorts: { mta: unknown } }).staticPorts.mta = 70000;
    expect(await readPlanFile(fileOf(JSON.stringify(broken)))).toEqual({
      ok: false,
      error:
        'The file "\u2068plan.json\u2069" cannot be imported: nodes[0].staticPorts.mta: must be an integer from 1 to 65535',
    });
    const result = await readPlanFile(fileOf('not json'));
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.error).toMatch(/^The file "\u2068plan.json\u2069" cannot be imported: not valid JSON: /);
  });

  it('refuses a newer plan as made by a newer version', async () => {
    const newer = { ...JSON.parse(serializePlan(plan)), version: 3 };
    const result = await readPlanFile(fileOf(JSON.stringify(newer)));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain('made by a newer version');
  });

  it('reports a file that cannot be read instead of rejecting', async () => {
    const unreadable = fileOf('{}', 'gone.json');
    unreadable.arrayBuffer = () => Promise.reject(new Error('NotReadableError'));
    expect(await readPlanFile(unreadable)).toEqual({
      ok: false,
      error: 'The file "\u2068gone.json\u2069" cannot be imported: it could not be read: NotReadableError',
    });
  });

  it('names no file when the blob has no name', async () => {
    const result = await readPlanFile(new Blob(['[]']));
    expect(result).toEqual({
      ok: false,
      error: expect.stringMatching(/^The file cannot be imported: not a plan: /),
    });
  });
});

describe('planFileName', () => {
  it.each([
    ['Contoso Benelux', 'contoso-benelux.plan.json'],
    ['  Zürich / Genève: DMZ #2 ', 'zurich-geneve-dmz-2.plan.json'],
    ['../../etc/passwd', 'etc-passwd.plan.json'],
    ['', 'plan.json'],
    ['東京', 'plan.json'],
    ['---', 'plan.json'],
  ])('%j → %s', (name, expected) => {
    expect(planFileName({ name })).toBe(expected);
  });

  it('keeps a long name to a sensible length', () => {
    const name = planFileName({ name: 'a'.repeat(120) });
    expect(name).toBe(`${'a'.repeat(80)}.plan.json`);
  });
});
