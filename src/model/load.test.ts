import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { client, connector, firewall, link, makePlan, network, server, site } from '../test/factories';
import { loadPlan } from './load';
import { serializePlan } from './serialize';
import type { Plan } from './types';

type Doc = Record<string, unknown> & {
  name?: unknown;
  sites: Record<string, unknown>[];
  nodes: Record<string, unknown>[];
  links: Record<string, unknown>[];
  connectors: Record<string, unknown>[];
};

const fixtureText = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

/**
 * A fresh copy of the full version 1 fixture. Its nodes: 0 ex1 (server, every
 * field), 1 ex2 (server, required fields only), 2 ex3 (server 4.0, partial
 * services), 3 c1 (pop3 client of ex1), 4 c2 (mapi client, no server),
 * 5 c3 (ldap client, server null), 6 fw1, 7 lan (network in ams), 8 inet,
 * 9 relay (smtpHosts); sites 0 ams, 1 utr; links l1–l8; connectors k1, k2.
 */
const fullDoc = (): Doc => JSON.parse(fixtureText('v1-full.json'));

function refusal(input: unknown): string {
  const result = loadPlan(input);
  if (result.ok) throw new Error('expected the document to be refused');
  return result.error;
}

function loaded(input: unknown): Plan {
  const result = loadPlan(input);
  if (!result.ok) throw new Error(`expected the document to load, got: ${result.error}`);
  return result.plan;
}

/** The node at `index` of the document, which every case below knows exists. */
const node = (doc: Doc, index: number) => doc.nodes[index] as Record<string, unknown>;
/** A nested object of the document, as a record to change. */
const obj = (value: unknown) => value as Record<string, unknown>;

const NAME_MSG = 'must be a string of at most 120 characters';
const ID_MSG = 'must be 1–64 characters of letters, digits, _, - or .';
const PORT_MSG = 'must be an integer from 1 to 65535';
const SP_MSG = 'must be an integer from 0 to 4';
const VERSION_MSG = 'version: must be a whole number of at least 1';

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
      exchange: '5.0',
      servicePack: 0,
      services: { pop3: true, imap4: true, ldap: true, nntp: true, internetMail: false },
      staticPorts: { directory: null, store: null, mta: null },
      rfc1006Port: 102,
    });
  });

  it('the minimal version 1 fixture: plan name "" and no connectors by default', () => {
    expect(loaded(fixtureText('v1-minimal.json'))).toStrictEqual({
      format: 'exchange-port-plan',
      version: 1,
      name: '',
      sites: [],
      nodes: [],
      links: [],
      connectors: [],
    });
  });

  it('partial services and staticPorts, taking the missing keys from the defaults', () => {
    const doc = fullDoc();
    node(doc, 1).services = { internetMail: true };
    node(doc, 1).staticPorts = { mta: 6003 };
    const ex2 = loaded(doc).nodes[1];
    expect(ex2).toMatchObject({
      services: { pop3: true, imap4: true, ldap: true, nntp: true, internetMail: true },
      staticPorts: { directory: null, store: null, mta: 6003 },
    });
    const ex3 = loaded(fullDoc()).nodes[2];
    expect(ex3).toMatchObject({
      servicePack: 4,
      services: { pop3: false, imap4: false, ldap: true, nntp: true, internetMail: false },
      staticPorts: { directory: 6001, store: 6002, mta: 6003 },
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
      protocol: 'mapi',
      auth: 'basic',
      server: null,
      sendsMail: true,
    });
    expect(plan.nodes[8]).toStrictEqual({
      id: 'inet',
      type: 'smtpHost',
      name: 'Internet SMTP hosts',
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
      position: { x: -120.5, y: 300 },
    });
    expect('site' in (plan.nodes[6] as object)).toBe(false);
    expect(plan.sites[1]).toStrictEqual({ id: 'utr', name: 'Utrecht' });
    expect(plan.links[0]).toStrictEqual({ id: 'l1', a: 'c1', b: 'fw1' });
    expect(plan.links[1]).toStrictEqual({ id: 'l2', name: 'DMZ leg', a: 'fw1', b: 'lan' });
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

  it('a plan of 5,000 nodes, 500 sites, 2,000 connectors and 20,000 links (the limits)', () => {
    const sites = Array.from({ length: 500 }, (_, i) => site(`s${i}`));
    const servers = Array.from({ length: 2500 }, (_, i) => server(`ex${i}`, `s${i % 500}`));
    const clients = Array.from({ length: 2000 }, (_, i) => client(`c${i}`, `ex${i % 2500}`));
    const transit = Array.from({ length: 500 }, (_, i) => (i % 2 ? firewall(`fw${i}`) : network(`net${i}`)));
    const nodes = [...servers, ...clients, ...transit];
    const links = Array.from({ length: 20000 }, (_, i) =>
      link(`c${i % 2000}`, `fw${(i % 250) * 2 + 1}`, `l${i}`),
    );
    const connectors = Array.from({ length: 2000 }, (_, i) =>
      connector(i % 2 ? 'site' : 'x400', `ex${i}`, `ex${i + 1}`, `k${i}`),
    );
    const plan = makePlan({ sites, nodes, links, connectors });
    const text = serializePlan(plan);
    expect(loaded(text)).toStrictEqual(plan);
  });
});

/** A mutation of the full fixture and the exact refusal it must give. */
type Case = [title: string, mutate: (doc: Doc) => unknown, message: string];

const cases: Case[] = [
  // format and version
  [
    'a wrong format',
    (d) => Object.assign(d, { format: 'excalidraw' }),
    'format: must be "exchange-port-plan"',
  ],
  ['a missing format', (d) => delete d.format, 'format: must be "exchange-port-plan"'],
  [
    'a newer version',
    (d) => Object.assign(d, { version: 2 }),
    'version: this plan was made by a newer version of Exchange Port Planner (plan version 2; this version reads up to 1)',
  ],
  ['version 0', (d) => Object.assign(d, { version: 0 }), VERSION_MSG],
  ['a version of 1.5', (d) => Object.assign(d, { version: 1.5 }), VERSION_MSG],
  ['a version "1" as text', (d) => Object.assign(d, { version: '1' }), VERSION_MSG],
  ['a missing version', (d) => delete d.version, VERSION_MSG],
  // ids
  ['an id with a space', (d) => Object.assign(d.sites[0] as object, { id: 'a b' }), `sites[0].id: ${ID_MSG}`],
  ['an empty id', (d) => Object.assign(node(d, 6), { id: '' }), `nodes[6].id: ${ID_MSG}`],
  [
    'an id of 65 characters',
    (d) => Object.assign(d.links[0] as object, { id: 'x'.repeat(65) }),
    `links[0].id: ${ID_MSG}`,
  ],
  [
    'an id that is a number',
    (d) => Object.assign(d.connectors[0] as object, { id: 7 }),
    `connectors[0].id: ${ID_MSG}`,
  ],
  ['a non-ASCII id', (d) => Object.assign(node(d, 7), { id: 'lån' }), `nodes[7].id: ${ID_MSG}`],
  ['a missing id', (d) => delete node(d, 6).id, `nodes[6].id: required (${ID_MSG})`],
  [
    'a node id used twice',
    (d) => Object.assign(node(d, 5), { id: 'ex1' }),
    'nodes[5].id: "ex1" is already used by nodes[0]',
  ],
  [
    'a link id equal to a site id',
    (d) => Object.assign(d.links[2] as object, { id: 'ams' }),
    'links[2].id: "ams" is already used by sites[0]',
  ],
  [
    'a connector id equal to a link id',
    (d) => Object.assign(d.connectors[1] as object, { id: 'l4' }),
    'connectors[1].id: "l4" is already used by links[3]',
  ],
  [
    'a connector id equal to a node id',
    (d) => Object.assign(d.connectors[0] as object, { id: 'relay' }),
    'connectors[0].id: "relay" is already used by nodes[9]',
  ],
  // names
  ['a plan name too long', (d) => Object.assign(d, { name: 'x'.repeat(121) }), `name: ${NAME_MSG}`],
  [
    'a site name too long',
    (d) => Object.assign(d.sites[1] as object, { name: 'x'.repeat(121) }),
    `sites[1].name: ${NAME_MSG}`,
  ],
  [
    'a node name too long',
    (d) => Object.assign(node(d, 2), { name: 'é'.repeat(121) }),
    `nodes[2].name: ${NAME_MSG}`,
  ],
  [
    'a link name too long',
    (d) => Object.assign(d.links[1] as object, { name: 'x'.repeat(121) }),
    `links[1].name: ${NAME_MSG}`,
  ],
  [
    'a connector name that is a number',
    (d) => Object.assign(d.connectors[1] as object, { name: 5 }),
    `connectors[1].name: ${NAME_MSG}`,
  ],
  ['a missing site name', (d) => delete d.sites[1]?.name, `sites[1].name: required (${NAME_MSG})`],
  ['a missing node name', (d) => delete node(d, 7).name, `nodes[7].name: required (${NAME_MSG})`],
  [
    'a null link name',
    (d) => Object.assign(d.links[0] as object, { name: null }),
    `links[0].name: ${NAME_MSG}`,
  ],
  // collections
  [
    'missing sites',
    (d) => delete (d as Record<string, unknown>).sites,
    'sites: required (must be an array of sites)',
  ],
  ['nodes that are not an array', (d) => Object.assign(d, { nodes: {} }), 'nodes: must be an array of nodes'],
  [
    'missing links',
    (d) => delete (d as Record<string, unknown>).links,
    'links: required (must be an array of links)',
  ],
  [
    'null connectors',
    (d) => Object.assign(d, { connectors: null }),
    'connectors: must be an array of connectors',
  ],
  [
    'a site that is text',
    (d) => d.sites.splice(1, 1, 'utr' as never),
    'sites[1]: must be an object describing a site',
  ],
  [
    'a node that is null',
    (d) => d.nodes.splice(6, 1, null as never),
    'nodes[6]: must be an object describing a node',
  ],
  [
    'a link that is an array',
    (d) => d.links.splice(0, 1, [] as never),
    'links[0]: must be an object describing a link',
  ],
  [
    'a connector that is a number',
    (d) => d.connectors.splice(1, 1, 3 as never),
    'connectors[1]: must be an object describing a connector',
  ],
  // drawing
  [
    'a position that is null',
    (d) => Object.assign(node(d, 6), { position: null }),
    'nodes[6].position: must be an object { "x": number, "y": number }',
  ],
  [
    'a position x that is text',
    (d) => Object.assign(obj(node(d, 6).position), { x: '1' }),
    'nodes[6].position.x: must be a finite number',
  ],
  [
    'a position without y',
    (d) => delete obj(node(d, 0).position).y,
    'nodes[0].position.y: required (must be a finite number)',
  ],
  [
    'a site size that is text',
    (d) => Object.assign(d.sites[0] as object, { size: '600x400' }),
    'sites[0].size: must be an object { "width": number, "height": number }',
  ],
  [
    'an infinite width',
    (d) => Object.assign(obj(d.sites[0]?.size), { width: Number.POSITIVE_INFINITY }),
    'sites[0].size.width: must be a finite number',
  ],
  [
    'a NaN site x',
    (d) => Object.assign(obj(d.sites[0]?.position), { x: Number.NaN }),
    'sites[0].position.x: must be a finite number',
  ],
  // node types and fields
  [
    'an unknown node type',
    (d) => Object.assign(node(d, 4), { type: 'router' }),
    'nodes[4].type: must be one of server, client, firewall, network, smtpHost',
  ],
  [
    'a missing node type',
    (d) => delete node(d, 7).type,
    'nodes[7].type: required (must be one of server, client, firewall, network, smtpHost)',
  ],
  [
    'an Exchange version 6.0',
    (d) => Object.assign(node(d, 1), { exchange: '6.0' }),
    'nodes[1].exchange: must be "4.0", "5.0" or "5.5"',
  ],
  [
    'an Exchange version as a number',
    (d) => Object.assign(node(d, 1), { exchange: 5.5 }),
    'nodes[1].exchange: must be "4.0", "5.0" or "5.5"',
  ],
  [
    'a missing Exchange version',
    (d) => delete node(d, 1).exchange,
    'nodes[1].exchange: required (must be "4.0", "5.0" or "5.5")',
  ],
  ['a server without a site', (d) => delete node(d, 0).site, 'nodes[0].site: required on a server'],
  [
    'a server site that is a number',
    (d) => Object.assign(node(d, 1), { site: 1 }),
    'nodes[1].site: must be the id of a site',
  ],
  [
    'a firewall site that is null',
    (d) => Object.assign(node(d, 6), { site: null }),
    'nodes[6].site: must be the id of a site',
  ],
  ['service pack 5', (d) => Object.assign(node(d, 0), { servicePack: 5 }), `nodes[0].servicePack: ${SP_MSG}`],
  [
    'service pack -1',
    (d) => Object.assign(node(d, 0), { servicePack: -1 }),
    `nodes[0].servicePack: ${SP_MSG}`,
  ],
  [
    'service pack 1.5',
    (d) => Object.assign(node(d, 0), { servicePack: 1.5 }),
    `nodes[0].servicePack: ${SP_MSG}`,
  ],
  [
    'service pack "3"',
    (d) => Object.assign(node(d, 0), { servicePack: '3' }),
    `nodes[0].servicePack: ${SP_MSG}`,
  ],
  [
    'service pack null',
    (d) => Object.assign(node(d, 0), { servicePack: null }),
    `nodes[0].servicePack: ${SP_MSG}`,
  ],
  [
    'services that are an array',
    (d) => Object.assign(node(d, 0), { services: ['pop3'] }),
    'nodes[0].services: must be an object of true/false values for pop3, imap4, ldap, nntp and internetMail',
  ],
  [
    'a service that is "yes"',
    (d) => Object.assign(obj(node(d, 0).services), { ldap: 'yes' }),
    'nodes[0].services.ldap: must be true or false',
  ],
  [
    'a service that is null',
    (d) => Object.assign(obj(node(d, 2).services), { imap4: null }),
    'nodes[2].services.imap4: must be true or false',
  ],
  [
    'staticPorts that are null',
    (d) => Object.assign(node(d, 0), { staticPorts: null }),
    'nodes[0].staticPorts: must be an object with directory, store and mta, each a port or null',
  ],
  [
    'static port 0',
    (d) => Object.assign(obj(node(d, 2).staticPorts), { mta: 0 }),
    `nodes[2].staticPorts.mta: ${PORT_MSG}`,
  ],
  [
    'static port 70000',
    (d) => Object.assign(obj(node(d, 2).staticPorts), { directory: 70000 }),
    `nodes[2].staticPorts.directory: ${PORT_MSG}`,
  ],
  [
    'static port 1.5',
    (d) => Object.assign(obj(node(d, 2).staticPorts), { store: 1.5 }),
    `nodes[2].staticPorts.store: ${PORT_MSG}`,
  ],
  [
    'static port "102"',
    (d) => Object.assign(obj(node(d, 0).staticPorts), { mta: '102' }),
    `nodes[0].staticPorts.mta: ${PORT_MSG}`,
  ],
  [
    'rfc1006Port 0',
    (d) => Object.assign(node(d, 0), { rfc1006Port: 0 }),
    `nodes[0].rfc1006Port: ${PORT_MSG}`,
  ],
  [
    'rfc1006Port 70000',
    (d) => Object.assign(node(d, 0), { rfc1006Port: 70000 }),
    `nodes[0].rfc1006Port: ${PORT_MSG}`,
  ],
  [
    'rfc1006Port 1.5',
    (d) => Object.assign(node(d, 0), { rfc1006Port: 1.5 }),
    `nodes[0].rfc1006Port: ${PORT_MSG}`,
  ],
  [
    'rfc1006Port "102"',
    (d) => Object.assign(node(d, 0), { rfc1006Port: '102' }),
    `nodes[0].rfc1006Port: ${PORT_MSG}`,
  ],
  [
    'rfc1006Port null (its default is 102, not null)',
    (d) => Object.assign(node(d, 0), { rfc1006Port: null }),
    `nodes[0].rfc1006Port: ${PORT_MSG}`,
  ],
  [
    'an unknown client protocol',
    (d) => Object.assign(node(d, 3), { protocol: 'smtp' }),
    'nodes[3].protocol: must be one of mapi, pop3, imap4, ldap, nntp',
  ],
  [
    'a missing client protocol',
    (d) => delete node(d, 4).protocol,
    'nodes[4].protocol: required (must be one of mapi, pop3, imap4, ldap, nntp)',
  ],
  [
    'an unknown client auth',
    (d) => Object.assign(node(d, 3), { auth: 'kerberos' }),
    'nodes[3].auth: must be one of basic, ntlm, ssl',
  ],
  [
    'a client auth of null',
    (d) => Object.assign(node(d, 5), { auth: null }),
    'nodes[5].auth: must be one of basic, ntlm, ssl',
  ],
  [
    'a client server that is a number',
    (d) => Object.assign(node(d, 3), { server: 1 }),
    'nodes[3].server: must be the id of a node, or null',
  ],
  [
    'sendsMail "yes"',
    (d) => Object.assign(node(d, 3), { sendsMail: 'yes' }),
    'nodes[3].sendsMail: must be true or false',
  ],
  [
    'sendsMail null',
    (d) => Object.assign(node(d, 3), { sendsMail: null }),
    'nodes[3].sendsMail: must be true or false',
  ],
  [
    'an unknown SMTP direction',
    (d) => Object.assign(node(d, 8), { direction: 'sideways' }),
    'nodes[8].direction: must be one of inbound, outbound, both',
  ],
  [
    'an SMTP direction of null',
    (d) => Object.assign(node(d, 9), { direction: null }),
    'nodes[9].direction: must be one of inbound, outbound, both',
  ],
  // links and connectors
  [
    'a link from a node to itself',
    (d) => Object.assign(d.links[2] as object, { b: 'lan' }),
    'links[2]: a link must join two different nodes',
  ],
  [
    'a link end that is a number',
    (d) => Object.assign(d.links[4] as object, { a: 3 }),
    'links[4].a: must be the id of a node',
  ],
  ['a link without b', (d) => delete d.links[4]?.b, 'links[4].b: required (must be the id of a node)'],
  [
    'an unknown connector type',
    (d) => Object.assign(d.connectors[0] as object, { type: 'rpc' }),
    'connectors[0].type: must be "site" or "x400"',
  ],
  [
    'a connector from a server to itself',
    (d) => Object.assign(d.connectors[1] as object, { b: 'ex1' }),
    'connectors[1]: a connector must join two different servers',
  ],
  [
    'a connector end that is null',
    (d) => Object.assign(d.connectors[0] as object, { a: null }),
    'connectors[0].a: must be the id of a server',
  ],
  // references
  [
    'a server in a site that does not exist',
    (d) => Object.assign(node(d, 1), { site: 'zz' }),
    'nodes[1].site: "zz" is not a site of this plan',
  ],
  [
    'a network whose site is a node',
    (d) => Object.assign(node(d, 7), { site: 'ex1' }),
    'nodes[7].site: "ex1" is not a site of this plan',
  ],
  [
    'a client of a node that does not exist',
    (d) => Object.assign(node(d, 3), { server: 'zz' }),
    'nodes[3].server: "zz" is not a node of this plan',
  ],
  [
    'a client whose server is a site',
    (d) => Object.assign(node(d, 3), { server: 'ams' }),
    'nodes[3].server: "ams" is not a node of this plan',
  ],
  [
    'a link to a node that does not exist',
    (d) => Object.assign(d.links[0] as object, { b: 'xyz' }),
    'links[0].b: "xyz" is not a node of this plan',
  ],
  [
    'a link to a site',
    (d) => Object.assign(d.links[0] as object, { a: 'ams' }),
    'links[0].a: "ams" is a site, not a node',
  ],
  [
    'a link to a connector',
    (d) => Object.assign(d.links[3] as object, { b: 'k1' }),
    'links[3].b: "k1" is not a node of this plan',
  ],
  [
    'a connector end that is a firewall',
    (d) => Object.assign(d.connectors[0] as object, { a: 'fw1' }),
    'connectors[0].a: "fw1" is not a server',
  ],
  [
    'a connector end that is a site',
    (d) => Object.assign(d.connectors[1] as object, { b: 'utr' }),
    'connectors[1].b: "utr" is not a server',
  ],
  [
    'a connector end that does not exist',
    (d) => Object.assign(d.connectors[0] as object, { b: 'zz' }),
    'connectors[0].b: "zz" is not a server of this plan',
  ],
  [
    'a dangling reference with a very long value, cut in the message',
    (d) => Object.assign(d.links[0] as object, { b: 'y'.repeat(200) }),
    `links[0].b: "${'y'.repeat(64)}…" is not a node of this plan`,
  ],
];

describe('loadPlan refuses', () => {
  it.each(cases)('%s', (_title, mutate, message) => {
    const doc = fullDoc();
    mutate(doc);
    expect(refusal(doc)).toBe(message);
    // The same document as text gives the same message, unless JSON cannot carry the value.
    const text = JSON.stringify(doc);
    if (!/infinite|NaN/.test(_title)) {
      expect(refusal(text)).toBe(message);
    }
  });

  it('text that is not JSON', () => {
    expect(refusal('{"format": "exchange-port-plan",')).toMatch(/^not valid JSON: \S/);
    expect(refusal('')).toMatch(/^not valid JSON: \S/);
  });

  it('JSON that is not an object', () => {
    const message = 'not a plan: must be a JSON object with "format": "exchange-port-plan"';
    for (const value of ['[]', 'null', '42', '"plan"', 'true']) expect(refusal(value)).toBe(message);
    expect(refusal(undefined)).toBe(message);
  });

  it('a foreign JSON file', () => {
    expect(refusal('{"name": "my-app", "version": "1.0.0", "dependencies": {}}')).toBe(
      'format: must be "exchange-port-plan"',
    );
  });

  it('a newer version, naming it, before looking at anything else', () => {
    const message = refusal({ format: 'exchange-port-plan', version: 7, nodes: 'whatever the future holds' });
    expect(message).toContain('made by a newer version');
    expect(message).toContain('plan version 7');
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
    const connectors = (n: number) =>
      Array.from({ length: n }, (_, i) => connector('site', 'a', 'b', `k${i}`));
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
