import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadPlan } from '../load';
import { migrateV1ToV2 } from './v1ToV2';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');

describe('version 1 → 2', () => {
  it('loads the full version 1 fixture with its site connector between the sites of its servers', () => {
    const result = loadPlan(fixture('v1-full.json'));
    if (!result.ok) throw new Error(result.error);
    expect(result.plan.version).toBe(2);
    expect(result.plan.connectors).toEqual([
      { id: 'k1', type: 'x400', a: 'ex1', b: 'ex2' },
      {
        id: 'k2',
        type: 'site',
        name: 'AMS-UTR site connector',
        a: 'ams',
        b: 'utr',
        bridgeheadA: 'ex1',
        targetsA: ['ex3'],
        bridgeheadB: 'ex3',
        targetsB: ['ex1'],
      },
    ]);
    expect(result.plan.notes).toEqual([]);
    const ex3 = result.plan.nodes[2];
    expect(ex3).toMatchObject({ id: 'ex3', exchange: '4.0', servicePack: 4, address: null, ldapPort: 389 });
  });

  it('leaves a value of the wrong type for the schema to refuse, without throwing', () => {
    const odd = [
      { nodes: 'many', links: null, connectors: 7, sites: {} },
      { nodes: [null, 3, 'x', [], { type: 7 }], connectors: [null, 'k', { type: 'site' }] },
      {
        connectors: [{ type: 'site', a: 5, b: { id: 'ex1' } }],
        nodes: [{ type: 'server', id: 'ex1', site: 9 }],
      },
      { sites: [{ position: 'here', size: [1, 2] }, { position: { x: '1', y: null } }] },
    ];
    for (const doc of odd) expect(() => migrateV1ToV2(doc)).not.toThrow();
    expect(migrateV1ToV2(odd[0] as Record<string, unknown>)).toEqual(odd[0]);
    expect(migrateV1ToV2({ connectors: [{ type: 'site', a: 5, b: { id: 'ex1' } }], nodes: [] })).toEqual({
      connectors: [
        {
          type: 'site',
          a: 5,
          b: { id: 'ex1' },
          bridgeheadA: 5,
          targetsA: [{ id: 'ex1' }],
          bridgeheadB: { id: 'ex1' },
          targetsB: [5],
        },
      ],
      nodes: [],
    });
    expect(migrateV1ToV2(odd[3] as Record<string, unknown>)).toEqual(odd[3]);
  });

  it('uses the first server of an id used twice for a site connector end, and the id refusal still comes', () => {
    const doc = JSON.parse(fixture('v1-site-connectors.json'));
    doc.nodes.push({ id: 'ex1', type: 'server', name: 'Copy', site: 'bru', exchange: '5.5' });
    const migrated = migrateV1ToV2(doc) as { connectors: { a: string }[] };
    expect(migrated.connectors[0]?.a).toBe('ams');
    const result = loadPlan(doc);
    expect(result).toEqual({ ok: false, error: 'nodes[3].id: "ex1" is already used by nodes[0]' });
  });

  it('refuses a version 1 file that was already refused for a service pack no version had', () => {
    const doc = JSON.parse(fixture('v1-service-packs.json'));
    doc.nodes[4].servicePack = 5;
    expect(loadPlan(doc)).toEqual({
      ok: false,
      error: 'nodes[4].servicePack: must be an integer from 0 to 4 for Exchange 5.5',
    });
  });

  it('gives names that load as version 2 names', () => {
    const result = loadPlan(fixture('v1-names.json'));
    if (!result.ok) throw new Error(result.error);
    expect(result.plan.name).toBe('Plan with a tab');
    expect(result.plan.nodes.map((node) => node.name)).toEqual([
      'Bell  and DEL  and C1 ',
      'Lone \ufffd high, lone \ufffd low, pair \u{1f600} kept',
    ]);
  });
});
