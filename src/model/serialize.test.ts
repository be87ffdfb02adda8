import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { client, connector, firewall, link, makePlan, server, site, smtpHost } from '../test/factories';
import { filePlanArbitrary } from '../test/filePlanArbitrary';
import { withDefaults } from './defaults';
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
      '{\n  "format": "exchange-port-plan",\n  "version": 2,\n  "name": "x",\n  "sites": [],\n  "nodes": [],\n  "links": [],\n  "connectors": [],\n  "notes": []\n}\n',
    );
  });

  it('writes keys in the file order whatever order the objects hold them in', () => {
    const ex1 = server('ex1', 'ams', { position: { y: 2, x: 1 }, staticPorts: { mta: 6003 } });
    const shuffled = {
      notes: [{ resolved: true, text: 'Why?', about: 'fw', id: 'n1' }],
      connectors: [
        {
          targetsB: ['ex1'],
          bridgeheadB: null,
          targetsA: [],
          b: 'utr',
          a: 'ams',
          name: 'k',
          type: 'site',
          id: 'k1',
        },
        { b: 'ex2', a: 'ex1', type: 'x400', id: 'k2' },
      ],
      links: [{ bInterface: 'outside', b: 'fw', a: 'c1', name: 'edge', id: 'l1' }],
      nodes: [
        Object.fromEntries(Object.entries(ex1).reverse()),
        server('ex2', 'utr'),
        {
          notifications: true,
          smtpServer: 'inet',
          sendsMail: false,
          server: 'ex1',
          auth: 'ssl',
          protocol: 'pop3',
          name: 'C',
          type: 'client',
          id: 'c1',
        },
        { nat: true, name: 'FW', type: 'firewall', id: 'fw', site: 'ams' },
        { address: '192.0.2.1', direction: 'inbound', name: 'I', type: 'smtpHost', id: 'inet' },
        { servers: ['ex1'], address: null, exchange: '5.5', name: 'O', type: 'owa', id: 'owa' },
        { address: '10.0.0.53', name: 'D', type: 'dns', id: 'dns' },
        { feed: 'inbound', server: 'ex1', name: 'N', type: 'newsHost', id: 'news' },
        { address: '10.0.0.0/8', name: 'LAN', type: 'network', id: 'lan' },
      ],
      sites: [{ size: { height: 4, width: 3 }, position: { y: 2, x: 1 }, name: 'A', id: 'ams' }, site('utr')],
      name: 'n',
      version: 2,
      format: 'exchange-port-plan',
    } as unknown as Plan;
    const text = serializePlan(shuffled);
    const keys = (value: unknown): string[] => Object.keys(value as object);
    const doc = JSON.parse(text);
    expect(keys(doc)).toEqual([
      'format',
      'version',
      'name',
      'sites',
      'nodes',
      'links',
      'connectors',
      'notes',
    ]);
    expect(keys(doc.sites[0])).toEqual(['id', 'name', 'position', 'size']);
    expect(keys(doc.sites[0].position)).toEqual(['x', 'y']);
    expect(keys(doc.sites[0].size)).toEqual(['width', 'height']);
    expect(keys(doc.nodes[0])).toEqual([
      'id',
      'type',
      'name',
      'site',
      'address',
      'exchange',
      'servicePack',
      'services',
      'staticPorts',
      'rfc1006Port',
      'ldapPort',
      'rpcPorts',
      'smartHost',
      'dns',
      'position',
    ]);
    expect(keys(doc.nodes[0].services)).toEqual(['pop3', 'imap4', 'ldap', 'nntp', 'internetMail']);
    expect(keys(doc.nodes[0].staticPorts)).toEqual(['directory', 'store', 'mta', 'systemAttendant']);
    expect(keys(doc.nodes[2])).toEqual([
      'id',
      'type',
      'name',
      'address',
      'protocol',
      'auth',
      'server',
      'sendsMail',
      'smtpServer',
      'notifications',
    ]);
    expect(keys(doc.nodes[3])).toEqual(['id', 'type', 'name', 'site', 'nat']);
    expect(keys(doc.nodes[4])).toEqual(['id', 'type', 'name', 'address', 'direction']);
    expect(keys(doc.nodes[5])).toEqual(['id', 'type', 'name', 'address', 'exchange', 'servers']);
    expect(keys(doc.nodes[6])).toEqual(['id', 'type', 'name', 'address']);
    expect(keys(doc.nodes[7])).toEqual(['id', 'type', 'name', 'address', 'server', 'feed']);
    expect(keys(doc.nodes[8])).toEqual(['id', 'type', 'name', 'address']);
    expect(keys(doc.links[0])).toEqual(['id', 'name', 'a', 'b', 'aInterface', 'bInterface']);
    expect(keys(doc.connectors[0])).toEqual([
      'id',
      'type',
      'name',
      'a',
      'b',
      'bridgeheadA',
      'targetsA',
      'bridgeheadB',
      'targetsB',
    ]);
    expect(keys(doc.connectors[1])).toEqual(['id', 'type', 'a', 'b']);
    expect(keys(doc.notes[0])).toEqual(['id', 'about', 'text', 'resolved']);
    expect(serializePlan(load(text))).toBe(text);
  });

  it('writes every default out', () => {
    const doc = JSON.parse(serializePlan(makePlan({ nodes: [server('ex1', 'ams'), client('c1', null)] })));
    expect(doc.nodes[0]).toMatchObject({
      servicePack: 0,
      services: { pop3: true, imap4: true, ldap: true, nntp: true, internetMail: false },
      staticPorts: { directory: null, store: null, mta: null, systemAttendant: null },
      rfc1006Port: 102,
      ldapPort: 389,
      rpcPorts: null,
      smartHost: null,
      dns: null,
      address: null,
    });
    expect(doc.nodes[1]).toMatchObject({
      address: null,
      auth: 'basic',
      server: null,
      sendsMail: true,
      smtpServer: null,
      notifications: false,
    });
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
    expect(load(serializePlan(plan))).toStrictEqual(withDefaults(plan));
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
    expect(load(serializePlan(plan))).toStrictEqual(withDefaults(plan));
  });
});
