/** Every refusal of SPEC §2, one test each, with its exact message. */
import { describe, expect, it } from 'vitest';
import {
  type Doc,
  fullDoc,
  ID_MSG,
  NAME_MSG,
  node,
  obj,
  PORT_MSG,
  refusal,
  SP_MSG,
  VERSION_MSG,
} from './fixtures/loadHelpers';

const COORDINATE_MSG = 'must be a number from -1,000,000 to 1,000,000';
const SIZE_MSG = 'must be a number from 1 to 1,000,000';

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
    (d) => Object.assign(d, { version: 3 }),
    'version: this plan was made by a newer version of Exchange Port Planner (plan version 3; this version reads up to 2)',
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
    `nodes[6].position.x: ${COORDINATE_MSG}`,
  ],
  [
    'a position without y',
    (d) => delete obj(node(d, 0).position).y,
    `nodes[0].position.y: required (${COORDINATE_MSG})`,
  ],
  [
    'a site size that is text',
    (d) => Object.assign(d.sites[0] as object, { size: '600x400' }),
    'sites[0].size: must be an object { "width": number, "height": number }',
  ],
  [
    'an infinite width',
    (d) => Object.assign(obj(d.sites[0]?.size), { width: Number.POSITIVE_INFINITY }),
    `sites[0].size.width: ${SIZE_MSG}`,
  ],
  [
    'a NaN site x',
    (d) => Object.assign(obj(d.sites[0]?.position), { x: Number.NaN }),
    `sites[0].position.x: ${COORDINATE_MSG}`,
  ],
  // node types and fields
  [
    'an unknown node type',
    (d) => Object.assign(node(d, 4), { type: 'router' }),
    'nodes[4].type: must be one of server, client, firewall, network, smtpHost, owa, dns, newsHost',
  ],
  [
    'a missing node type',
    (d) => delete node(d, 7).type,
    'nodes[7].type: required (must be one of server, client, firewall, network, smtpHost, owa, dns, newsHost)',
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
  [
    'service pack 5 on 5.5',
    (d) => Object.assign(node(d, 0), { servicePack: 5 }),
    `nodes[0].servicePack: ${SP_MSG}`,
  ],
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
    'nodes[0].staticPorts: must be an object with directory, store, mta and systemAttendant, each a port or null',
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
    'nodes[3].protocol: must be one of mapi, pop3, imap4, ldap, nntp, admin, web',
  ],
  [
    'a missing client protocol',
    (d) => delete node(d, 4).protocol,
    'nodes[4].protocol: required (must be one of mapi, pop3, imap4, ldap, nntp, admin, web)',
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
    'an X.400 connector from a server to itself',
    (d) => Object.assign(d.connectors[0] as object, { b: 'ex1' }),
    'connectors[0]: a connector must join two different servers',
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
    'an X.400 connector end that is a site',
    (d) => Object.assign(d.connectors[0] as object, { b: 'utr' }),
    'connectors[0].b: "utr" is not a server',
  ],
  // a version 1 site connector joins two servers; the migration makes it join their sites
  [
    'a version 1 site connector to a server that does not exist',
    (d) => Object.assign(d.connectors[1] as object, { b: 'zz' }),
    'connectors[1].b: "zz" is not a site of this plan',
  ],
  [
    'a version 1 site connector from a client',
    (d) => Object.assign(d.connectors[1] as object, { a: 'c1' }),
    'connectors[1].a: "c1" is a node, not a site',
  ],
  [
    'a version 1 site connector to a site (its half in the other site has it as its target)',
    (d) => Object.assign(d.connectors[1] as object, { b: 'utr' }),
    'connectors[1].targetsA[0]: "utr" is not a server',
  ],
  [
    'a version 1 site connector without b',
    (d) => delete d.connectors[1]?.b,
    'connectors[1].b: required (must be the id of a site)',
  ],
  [
    'a version 1 site connector end that is null',
    (d) => Object.assign(d.connectors[1] as object, { a: null }),
    'connectors[1].a: must be the id of a site',
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
