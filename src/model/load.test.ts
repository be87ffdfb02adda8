import { describe, expect, it } from 'vitest';
import { client, connector, firewall, link, makePlan, network, server, site } from '../test/factories';
import {
  type Doc,
  fixtureText,
  fullDoc,
  loaded,
  NAME_MSG,
  node,
  obj,
  PORT_MSG,
  refusal,
} from './fixtures/loadHelpers';
import { loadPlan } from './load';
import { serializePlan } from './serialize';
import type { SiteConnector } from './types';

/** A site connector between two sites with every half at its default. */
const siteConnector = (id: string, a: string, b: string): SiteConnector => ({
  id,
  type: 'site',
  a,
  b,
  bridgeheadA: null,
  targetsA: [],
  bridgeheadB: null,
  targetsB: [],
});

describe('loadPlan accepts', () => {
  it('the full version 1 fixture, with defaults filled in', () => {
    const plan = loaded(fixtureText('v1-full.json'));
    expect(plan.name).toBe('Amsterdam and Utrecht');
    expect(plan.nodes).toHaveLength(10);
    expect(plan.nodes[1]).toStrictEqual({
      id: 'ex2',
      type: 'server',
      name: 'EXUTR01',
      site: 'utr',
      address: null,
      exchange: '5.0',
      servicePack: 0,
      services: { pop3: true, imap4: true, ldap: true, nntp: true, internetMail: false },
      staticPorts: { directory: null, store: null, mta: null, systemAttendant: null },
      rfc1006Port: 102,
      ldapPort: 389,
      rpcPorts: null,
      smartHost: null,
      dns: null,
    });
  });

  it('the minimal version 1 fixture: plan name "" and no connectors by default', () => {
    expect(loaded(fixtureText('v1-minimal.json'))).toStrictEqual({
      format: 'exchange-port-plan',
      version: 2,
      name: '',
      sites: [],
      nodes: [],
      links: [],
      connectors: [],
      notes: [],
    });
  });

  it('partial services and staticPorts, taking the missing keys from the defaults', () => {
    const doc = fullDoc();
    node(doc, 1).services = { internetMail: true };
    node(doc, 1).staticPorts = { mta: 6003 };
    const ex2 = loaded(doc).nodes[1];
    expect(ex2).toMatchObject({
      services: { pop3: true, imap4: true, ldap: true, nntp: true, internetMail: true },
      staticPorts: { directory: null, store: null, mta: 6003, systemAttendant: null },
    });
    const ex3 = loaded(fullDoc()).nodes[2];
    expect(ex3).toMatchObject({
      servicePack: 4,
      services: { pop3: false, imap4: false, ldap: true, nntp: true, internetMail: false },
      staticPorts: { directory: 6001, store: 6002, mta: 6003, systemAttendant: null },
    });
  });

  it('client and smtpHost defaults: basic, no server, sends mail, both directions', () => {
    const doc = fullDoc();
    delete node(doc, 8).direction;
    const plan = loaded(doc);
    expect(plan.nodes[4]).toStrictEqual({
      id: 'c2',
      type: 'client',
      name: 'Outlook users',
      site: 'ams',
      address: null,
      protocol: 'mapi',
      auth: 'basic',
      server: null,
      sendsMail: true,
      smtpServer: null,
      notifications: false,
    });
    expect(plan.nodes[8]).toStrictEqual({
      id: 'inet',
      type: 'smtpHost',
      name: 'Internet SMTP hosts',
      address: null,
      direction: 'both',
    });
    expect(plan.nodes[9]).toMatchObject({ direction: 'outbound' });
  });

  it('leaves an absent optional site, position, link name or connector name absent', () => {
    const plan = loaded(fullDoc());
    expect(plan.nodes[6]).toStrictEqual({
      id: 'fw1',
      type: 'firewall',
      name: 'FW-EDGE',
      nat: false,
      position: { x: -120.5, y: 300 },
    });
    expect('site' in (plan.nodes[6] as object)).toBe(false);
    expect(plan.sites[1]).toStrictEqual({ id: 'utr', name: 'Utrecht' });
    expect(plan.links[0]).toStrictEqual({ id: 'l1', a: 'c1', b: 'fw1', aInterface: null, bInterface: null });
    expect(plan.links[1]).toStrictEqual({
      id: 'l2',
      name: 'DMZ leg',
      a: 'fw1',
      b: 'lan',
      aInterface: null,
      bInterface: null,
    });
    expect(plan.connectors[0]).toStrictEqual({ id: 'k1', type: 'x400', a: 'ex1', b: 'ex2' });
  });

  it('102.0 as the port 102 (a whole number written with a decimal point)', () => {
    const text = fixtureText('v1-full.json');
    expect(text).toContain('"rfc1006Port": 102.0');
    const plan = loaded(text.replace('"mta": 6003', '"mta": 6003.0'));
    expect(plan.nodes[2]).toMatchObject({ rfc1006Port: 102, staticPorts: { mta: 6003 } });
  });

  it('drops unknown fields at every level, without checking them', () => {
    const doc = fullDoc();
    doc.generator = { app: 'x' };
    doc.sites[0] = { ...doc.sites[0], colour: 'red' };
    node(doc, 0).notes = 'hello';
    obj(node(doc, 0).services).smtp = 'yes';
    obj(node(doc, 0).staticPorts).rpc = 0;
    obj(node(doc, 0).position).z = 3;
    node(doc, 6).exchange = '9.9'; // a firewall has no exchange field
    node(doc, 6).servicePack = -1;
    (doc.links[0] as Record<string, unknown>).weight = 'heavy';
    (doc.connectors[0] as Record<string, unknown>).cost = 'x';
    expect(loaded(doc)).toStrictEqual(loaded(fullDoc()));
  });

  it('an empty string as a name, and a name of 120 code points that are 240 UTF-16 units', () => {
    const doc = fullDoc();
    node(doc, 0).name = '';
    node(doc, 1).name = '😀'.repeat(120);
    const plan = loaded(doc);
    expect(plan.nodes[0]?.name).toBe('');
    expect(plan.nodes[1]?.name).toBe('😀'.repeat(120));
  });

  it('an id of 64 characters using every allowed kind of character', () => {
    const id = `aZ09_-.${'x'.repeat(57)}`;
    expect(id).toHaveLength(64);
    const doc = fullDoc();
    doc.sites[0] = { ...doc.sites[0], id };
    for (const n of doc.nodes) if (n.site === 'ams') n.site = id;
    expect(loaded(doc).sites[0]?.id).toBe(id);
  });

  it('a client whose server is not a server (a finding of the engine, not a refusal)', () => {
    const doc = fullDoc();
    node(doc, 3).server = 'fw1';
    expect(loaded(doc).nodes[3]).toMatchObject({ server: 'fw1' });
  });

  it('a parsed value as well as text, without changing it', () => {
    const doc = fullDoc();
    const before = structuredClone(doc);
    expect(loaded(doc)).toStrictEqual(loaded(fixtureText('v1-full.json')));
    expect(doc).toStrictEqual(before);
  });

  it('a file that starts with a byte order mark', () => {
    expect(loaded(`\uFEFF${fixtureText('v1-minimal.json')}`).nodes).toEqual([]);
  });

  it('a plan of 5,000 nodes, 500 sites, 2,000 connectors, 20,000 links and 1,000 notes (the limits)', () => {
    const sites = Array.from({ length: 500 }, (_, i) => site(`s${i}`));
    const servers = Array.from({ length: 2500 }, (_, i) => server(`ex${i}`, `s${i % 500}`));
    const clients = Array.from({ length: 2000 }, (_, i) => client(`c${i}`, `ex${i % 2500}`));
    const transit = Array.from({ length: 500 }, (_, i) => (i % 2 ? firewall(`fw${i}`) : network(`net${i}`)));
    const nodes = [...servers, ...clients, ...transit];
    const links = Array.from({ length: 20000 }, (_, i) =>
      link(`c${i % 2000}`, `fw${(i % 250) * 2 + 1}`, `l${i}`),
    );
    const connectors = Array.from({ length: 2000 }, (_, i) =>
      i % 2
        ? siteConnector(`k${i}`, `s${i % 500}`, `s${(i + 1) % 500}`)
        : connector('x400', `ex${i}`, `ex${i + 1}`, `k${i}`),
    );
    // 500 targets: every server of the 5 sites s0–s4 in one list.
    const first = connectors[1] as SiteConnector;
    first.targetsA = Array.from({ length: 500 }, (_, i) => `ex${i * 5}`);
    const notes = Array.from({ length: 1000 }, (_, i) => ({
      id: `n${i}`,
      about: `ex${i}`,
      text: 'x'.repeat(i === 0 ? 2000 : 100),
      resolved: i % 2 === 0,
    }));
    const plan = { ...makePlan({ sites, nodes, links, connectors }), notes };
    const text = serializePlan(plan);
    const back = loaded(text);
    expect(back.notes).toHaveLength(1000);
    expect(back.connectors[1]).toMatchObject({ targetsA: first.targetsA });
    expect(serializePlan(back)).toBe(text);
  });
});

describe('count limits', () => {
  const networks = (n: number) => Array.from({ length: n }, (_, i) => network(`n${i}`));

  it('5,001 nodes', () => {
    expect(refusal(makePlan({ nodes: networks(5001) }))).toBe(
      'nodes: at most 5,000 nodes (this plan has 5,001)',
    );
    expect(loadPlan(makePlan({ nodes: networks(5000) })).ok).toBe(true);
  });

  it('20,001 links', () => {
    const nodes = networks(2);
    const links = (n: number) => Array.from({ length: n }, (_, i) => link('n0', 'n1', `l${i}`));
    expect(refusal(makePlan({ nodes, links: links(20001) }))).toBe(
      'links: at most 20,000 links (this plan has 20,001)',
    );
    expect(loadPlan(makePlan({ nodes, links: links(20000) })).ok).toBe(true);
  });

  it('2,001 connectors', () => {
    const nodes = [server('a', 's1'), server('b', 's2')];
    const connectors = (n: number) => Array.from({ length: n }, (_, i) => siteConnector(`k${i}`, 's1', 's2'));
    expect(refusal(makePlan({ nodes, connectors: connectors(2001) }))).toBe(
      'connectors: at most 2,000 connectors (this plan has 2,001)',
    );
    expect(loadPlan(makePlan({ nodes, connectors: connectors(2000) })).ok).toBe(true);
  });

  it('501 sites', () => {
    const sites = (n: number) => Array.from({ length: n }, (_, i) => site(`s${i}`));
    expect(refusal(makePlan({ sites: sites(501) }))).toBe('sites: at most 500 sites (this plan has 501)');
    expect(loadPlan(makePlan({ sites: sites(500) })).ok).toBe(true);
  });

  it('is reported before anything inside the array', () => {
    const doc = { ...makePlan({ nodes: networks(5001) }) } as unknown as Doc;
    doc.nodes[0] = { id: '', type: 'router' };
    expect(refusal(doc)).toBe('nodes: at most 5,000 nodes (this plan has 5,001)');
  });
});

describe('file size', () => {
  const MB = 1024 * 1024;

  it('refuses text over 5 MB before parsing it', () => {
    expect(refusal(`{${' '.repeat(6 * MB)}`)).toBe('the plan file is 6.0 MB; the limit is 5 MB');
  });

  it('counts UTF-8 bytes, not characters', () => {
    // 3 Mi characters of "é" are 6 MiB of UTF-8; 2.5 Mi are exactly 5 MiB.
    const name = (n: number) => `{"format":"exchange-port-plan","version":1,"name":"${'é'.repeat(n)}"}`;
    expect(refusal(name(3 * MB))).toBe('the plan file is 6.0 MB; the limit is 5 MB');
    expect(refusal(`{"x":"${'😀'.repeat(1.5 * MB)}"}`)).toBe('the plan file is 6.0 MB; the limit is 5 MB');
    // Within the limit the size is no reason to refuse: the name is.
    expect(refusal(name(2.5 * MB - 60))).toBe(`name: ${NAME_MSG}`);
  });

  it('gives the byte count when one decimal would hide the excess', () => {
    expect(refusal(`{${' '.repeat(5 * MB)}`)).toBe(
      'the plan file is 5,242,881 bytes; the limit is 5 MB (5,242,880 bytes)',
    );
    expect(refusal(`{${' '.repeat(5 * MB - 1)}`)).toMatch(/^not valid JSON: /);
  });
});

describe('the first offending value in document order', () => {
  it('is the earliest array item', () => {
    const doc = fullDoc();
    Object.assign(node(doc, 9), { name: 5 });
    Object.assign(node(doc, 2), { exchange: '9' });
    expect(refusal(doc)).toBe('nodes[2].exchange: must be "4.0", "5.0" or "5.5"');
  });

  it('is the earliest field as the document writes them, not as the schema lists them', () => {
    const bad = { rfc1006Port: 0, id: 'ex9', type: 'server', name: 'x', site: 'ams', exchange: '9' };
    const doc = fullDoc();
    doc.nodes.push(bad);
    expect(refusal(doc)).toBe(`nodes[10].rfc1006Port: ${PORT_MSG}`);
    doc.nodes[10] = { id: 'ex9', type: 'server', name: 'x', site: 'ams', exchange: '9', rfc1006Port: 0 };
    expect(refusal(doc)).toBe('nodes[10].exchange: must be "4.0", "5.0" or "5.5"');
  });

  it('reports a missing field after the fields that are present', () => {
    const doc = fullDoc();
    doc.nodes.push({ id: 'ex9', type: 'server', name: 'x', rfc1006Port: 0, exchange: '5.5' });
    expect(refusal(doc)).toBe(`nodes[10].rfc1006Port: ${PORT_MSG}`);
  });

  it('still finds a bad common field before an unknown type', () => {
    const doc = fullDoc();
    doc.nodes.push({ id: 'x9', name: 5, type: 'router' });
    expect(refusal(doc)).toBe(`nodes[10].name: ${NAME_MSG}`);
  });

  it('follows the order of the collections in the document', () => {
    const doc = fullDoc();
    doc.sites.push({ id: 'fw1', name: 'A site named like a firewall' });
    expect(refusal(doc)).toBe('nodes[6].id: "fw1" is already used by sites[2]');
    const { sites, ...rest } = doc;
    // With the nodes written before the sites, the site is the second use of the id.
    expect(refusal({ ...rest, sites })).toBe('sites[2].id: "fw1" is already used by nodes[6]');
  });

  it('puts every structural error before every reference error', () => {
    const doc = fullDoc();
    Object.assign(doc.sites[0] as object, { id: 'utr' }); // duplicate, early
    Object.assign(doc.connectors[1] as object, { name: 5 }); // structural, late
    expect(refusal(doc)).toBe(`connectors[1].name: ${NAME_MSG}`);
  });

  it('orders reference errors by document order too', () => {
    const doc = fullDoc();
    Object.assign(doc.connectors[0] as object, { a: 'fw1' });
    Object.assign(doc.links[5] as object, { b: 'zz' });
    Object.assign(node(doc, 3), { server: 'zz' });
    expect(refusal(doc)).toBe('nodes[3].server: "zz" is not a node of this plan');
    const { nodes, ...rest } = doc;
    expect(refusal({ ...rest, nodes })).toBe('links[5].b: "zz" is not a node of this plan');
    const { links, ...others } = doc;
    Object.assign(links[5] as object, { b: 'ex2', a: 'zz' });
    expect(refusal({ ...others, links })).toBe('nodes[3].server: "zz" is not a node of this plan');
  });
});
