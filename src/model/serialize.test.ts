import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { client, connector, firewall, link, makePlan, server, site, smtpHost } from '../test/factories';
import { filePlanArbitrary } from '../test/filePlanArbitrary';
import { loadPlan } from './load';
import { serializePlan } from './serialize';
import type { Plan } from './types';

const load = (text: string): Plan => {
  const result = loadPlan(text);
  if (!result.ok) throw new Error(result.error);
  return result.plan;
};

describe('serializePlan', () => {
  it('writes two-space JSON ending with a newline', () => {
    const text = serializePlan(makePlan({ name: 'x' }));
    expect(text).toBe(
      '{\n  "format": "exchange-port-plan",\n  "version": 1,\n  "name": "x",\n  "sites": [],\n  "nodes": [],\n  "links": [],\n  "connectors": []\n}\n',
    );
  });

  it('writes keys in the file order whatever order the objects hold them in', () => {
    const ex1 = server('ex1', 'ams', { position: { y: 2, x: 1 }, staticPorts: { mta: 6003 } });
    const shuffled = {
      connectors: [{ b: 'ex2', a: 'ex1', name: 'k', type: 'site', id: 'k1' }],
      links: [{ b: 'fw', a: 'c1', name: 'edge', id: 'l1' }],
      nodes: [
        Object.fromEntries(Object.entries(ex1).reverse()),
        server('ex2', 'utr'),
        {
          sendsMail: false,
          server: 'ex1',
          auth: 'ssl',
          protocol: 'pop3',
          name: 'C',
          type: 'client',
          id: 'c1',
        },
        { name: 'FW', type: 'firewall', id: 'fw', site: 'ams' },
        { direction: 'inbound', name: 'I', type: 'smtpHost', id: 'inet' },
      ],
      sites: [{ size: { height: 4, width: 3 }, position: { y: 2, x: 1 }, name: 'A', id: 'ams' }, site('utr')],
      name: 'n',
      version: 1,
      format: 'exchange-port-plan',
    } as unknown as Plan;
    const text = serializePlan(shuffled);
    const keys = (value: unknown): string[] => Object.keys(value as object);
    const doc = JSON.parse(text);
    expect(keys(doc)).toEqual(['format', 'version', 'name', 'sites', 'nodes', 'links', 'connectors']);
    expect(keys(doc.sites[0])).toEqual(['id', 'name', 'position', 'size']);
    expect(keys(doc.sites[0].position)).toEqual(['x', 'y']);
    expect(keys(doc.sites[0].size)).toEqual(['width', 'height']);
    expect(keys(doc.nodes[0])).toEqual([
      'id',
      'type',
      'name',
      'site',
      'exchange',
      'servicePack',
      'services',
      'staticPorts',
      'rfc1006Port',
      'position',
    ]);
    expect(keys(doc.nodes[0].services)).toEqual(['pop3', 'imap4', 'ldap', 'nntp', 'internetMail']);
    expect(keys(doc.nodes[0].staticPorts)).toEqual(['directory', 'store', 'mta']);
    expect(keys(doc.nodes[2])).toEqual(['id', 'type', 'name', 'protocol', 'auth', 'server', 'sendsMail']);
    expect(keys(doc.nodes[3])).toEqual(['id', 'type', 'name', 'site']);
    expect(keys(doc.nodes[4])).toEqual(['id', 'type', 'name', 'direction']);
    expect(keys(doc.links[0])).toEqual(['id', 'name', 'a', 'b']);
    expect(keys(doc.connectors[0])).toEqual(['id', 'type', 'name', 'a', 'b']);
    expect(serializePlan(load(text))).toBe(text);
  });

  it('writes every default out', () => {
    const doc = JSON.parse(serializePlan(makePlan({ nodes: [server('ex1', 'ams'), client('c1', null)] })));
    expect(doc.nodes[0]).toMatchObject({
      servicePack: 0,
      services: { pop3: true, imap4: true, ldap: true, nntp: true, internetMail: false },
      staticPorts: { directory: null, store: null, mta: null },
      rfc1006Port: 102,
    });
    expect(doc.nodes[1]).toMatchObject({ auth: 'basic', server: null, sendsMail: true });
  });

  it('gives the same text for the full fixture after a load, and that text loads to the same plan', () => {
    const plan = load(readFileSync(new URL('./fixtures/v1-full.json', import.meta.url), 'utf8'));
    const text = serializePlan(plan);
    expect(load(text)).toStrictEqual(plan);
    expect(text).not.toContain('102.0');
  });

  it('keeps names as text, whatever they contain', () => {
    const nasty = '=HYPERLINK("x")</script>"\\\u2028😀';
    const plan = makePlan({
      name: nasty,
      nodes: [firewall('fw', { name: nasty }), smtpHost('inet')],
      links: [{ ...link('fw', 'inet'), name: nasty }],
    });
    expect(load(serializePlan(plan))).toStrictEqual(plan);
  });

  it('round-trips arbitrary valid plans: loadPlan(serializePlan(p)) equals p', () => {
    fc.assert(
      fc.property(filePlanArbitrary(), (plan) => {
        const text = serializePlan(plan);
        const result = loadPlan(text);
        if (!result.ok) throw new Error(result.error);
        expect(result.plan).toStrictEqual(plan);
        expect(serializePlan(result.plan)).toBe(text);
      }),
      { numRuns: 300 },
    );
  });

  it('round-trips a plan with a connector between servers of two sites', () => {
    const plan = makePlan({
      nodes: [server('a', 's1'), server('b', 's2')],
      connectors: [{ ...connector('x400', 'a', 'b'), name: 'k' }],
    });
    expect(load(serializePlan(plan))).toStrictEqual(plan);
  });
});
