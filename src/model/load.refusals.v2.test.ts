/** Every refusal that version 2 of the plan format added (SPEC §2), one test each, with its exact message. */
import { describe, expect, it } from 'vitest';
import { fixtureText, loaded, obj, refusal } from './fixtures/loadHelpers';

type Doc = Record<string, unknown> & {
  nodes: Record<string, unknown>[];
  links: Record<string, unknown>[];
  connectors: Record<string, unknown>[];
  notes: Record<string, unknown>[];
  sites: Record<string, unknown>[];
};
/** Nodes: 0 ex1, 1 ex2, 2 ex3 (5.0), 3 c1, 4 adm, 5 web (owa), 6 dns1, 7 news, 8 fw1, 9 lan, 10 inet, 11 mapi. */
const v2Doc = (): Doc => JSON.parse(fixtureText('v2-full.json'));
const n = (d: Doc, i: number) => d.nodes[i] as Record<string, unknown>;

type Case = [title: string, mutate: (doc: Doc) => unknown, message: string];

const ADDRESS = 'must be an IPv4 or IPv6 address, a CIDR block such as 10.1.0.0/16, or "any"';
const PORT = 'must be an integer from 1 to 65535';
const RPC_PORT = 'must be an integer from 1024 to 65535';

const cases: Case[] = [
  // addresses
  [
    'an address that is a host name',
    (d) => Object.assign(n(d, 0), { address: 'ex1.example' }),
    `nodes[0].address: ${ADDRESS}`,
  ],
  [
    'an address that is a number',
    (d) => Object.assign(n(d, 9), { address: 10 }),
    `nodes[9].address: ${ADDRESS}`,
  ],
  [
    'an IPv4 address with a leading zero',
    (d) => Object.assign(n(d, 6), { address: '10.1.0.053' }),
    'nodes[6].address: must be written without leading zeros (an IPv4 number such as 010 is octal to some tools)',
  ],
  [
    'a block with host bits',
    (d) => Object.assign(n(d, 9), { address: '10.1.2.0/16' }),
    'nodes[9].address: the host bits of a CIDR block must be zero (the block is 10.1.0.0/16)',
  ],
  [
    'an owa address with a zone',
    (d) => Object.assign(n(d, 5), { address: 'fe80::1%eth0' }),
    `nodes[5].address: ${ADDRESS}`,
  ],
  ['a newsHost address "*"', (d) => Object.assign(n(d, 7), { address: '*' }), `nodes[7].address: ${ADDRESS}`],
  // names and notes
  [
    'a control character in a node name',
    (d) => Object.assign(n(d, 8), { name: 'FW\u0007EDGE' }),
    'nodes[8].name: must not hold the control character U+0007 (at character 3)',
  ],
  [
    'a line break in a site name',
    (d) => Object.assign(d.sites[1] as object, { name: 'Brus\nsels' }),
    'sites[1].name: must not hold the control character U+000A (at character 5)',
  ],
  [
    'a C1 control character in the plan name',
    (d) => Object.assign(d, { name: 'x\u0085' }),
    'name: must not hold the control character U+0085 (at character 2)',
  ],
  [
    'DEL in a link name',
    (d) => Object.assign(d.links[0] as object, { name: '\u007f' }),
    'links[0].name: must not hold the control character U+007F (at character 1)',
  ],
  [
    'a lone high surrogate in a connector name',
    (d) => Object.assign(d.connectors[1] as object, { name: 'a\ud800b' }),
    'connectors[1].name: must not hold a lone surrogate, half of a character (at character 2)',
  ],
  [
    'a lone low surrogate at the end of a node name',
    (d) => Object.assign(n(d, 0), { name: 'EX\udc00' }),
    'nodes[0].name: must not hold a lone surrogate, half of a character (at character 3)',
  ],
  [
    'a tab in a note',
    (d) => Object.assign(d.notes[0] as object, { text: 'a\tb' }),
    'notes[0].text: must not hold the control character U+0009 (at character 2)',
  ],
  [
    'an empty note',
    (d) => Object.assign(d.notes[1] as object, { text: '' }),
    'notes[1].text: must be a text of 1 to 2,000 characters',
  ],
  [
    'a note of 2,001 characters',
    (d) => Object.assign(d.notes[1] as object, { text: 'x'.repeat(2001) }),
    'notes[1].text: must be a text of 1 to 2,000 characters',
  ],
  [
    'a note without text',
    (d) => delete d.notes[1]?.text,
    'notes[1].text: required (must be a text of 1 to 2,000 characters)',
  ],
  [
    'a note that is text',
    (d) => d.notes.splice(0, 1, 'hi' as never),
    'notes[0]: must be an object describing a note',
  ],
  ['notes that are an object', (d) => Object.assign(d, { notes: {} }), 'notes: must be an array of notes'],
  [
    'a resolved of "yes"',
    (d) => Object.assign(d.notes[0] as object, { resolved: 'yes' }),
    'notes[0].resolved: must be true or false',
  ],
  [
    'a note about a number',
    (d) => Object.assign(d.notes[0] as object, { about: 3 }),
    'notes[0].about: must be the id of a site, node, link or connector, or null',
  ],
  // drawing
  [
    'a coordinate past 1,000,000',
    (d) => Object.assign(obj(n(d, 0).position), { x: 1_000_001 }),
    'nodes[0].position.x: must be a number from -1,000,000 to 1,000,000',
  ],
  [
    'a size of 0',
    (d) => Object.assign(obj(d.sites[0]?.size), { height: 0 }),
    'sites[0].size.height: must be a number from 1 to 1,000,000',
  ],
  [
    'a size past 1,000,000',
    (d) => Object.assign(obj(d.sites[0]?.size), { width: 1_000_000.5 }),
    'sites[0].size.width: must be a number from 1 to 1,000,000',
  ],
  // servers
  [
    '5.0 service pack 3',
    (d) => Object.assign(n(d, 2), { servicePack: 3 }),
    'nodes[2].servicePack: must be an integer from 0 to 2 for Exchange 5.0',
  ],
  [
    '5.5 service pack 5',
    (d) => Object.assign(n(d, 1), { servicePack: 5 }),
    'nodes[1].servicePack: must be an integer from 0 to 4 for Exchange 5.5',
  ],
  [
    '4.0 service pack 6',
    (d) => Object.assign(n(d, 2), { exchange: '4.0', servicePack: 6 }),
    'nodes[2].servicePack: must be an integer from 0 to 5 for Exchange 4.0',
  ],
  [
    'a service pack -1 on a server of an unknown version, before the version in the document',
    (d) => {
      d.nodes[2] = {
        id: 'ex3',
        type: 'server',
        name: 'EXBRU01',
        site: 'bru',
        servicePack: -1,
        exchange: '6.0',
      };
    },
    'nodes[2].servicePack: must be an integer from 0 to 5',
  ],
  [
    'a service pack after a wrong port in the document: the port is named',
    (d) => {
      d.nodes[2] = {
        id: 'ex3',
        type: 'server',
        name: 'EXBRU01',
        site: 'bru',
        exchange: '5.0',
        rfc1006Port: 0,
        servicePack: 9,
      };
    },
    `nodes[2].rfc1006Port: ${PORT}`,
  ],
  [
    'a systemAttendant port 0',
    (d) => Object.assign(obj(n(d, 0).staticPorts), { systemAttendant: 0 }),
    `nodes[0].staticPorts.systemAttendant: ${PORT}`,
  ],
  ['an ldapPort of 70000', (d) => Object.assign(n(d, 0), { ldapPort: 70000 }), `nodes[0].ldapPort: ${PORT}`],
  ['an ldapPort of null', (d) => Object.assign(n(d, 0), { ldapPort: null }), `nodes[0].ldapPort: ${PORT}`],
  [
    'rpcPorts that are a text',
    (d) => Object.assign(n(d, 0), { rpcPorts: '5000-5100' }),
    'nodes[0].rpcPorts: must be an object { "from": port, "to": port }, or null',
  ],
  [
    'rpcPorts from 1023',
    (d) => Object.assign(obj(n(d, 0).rpcPorts), { from: 1023 }),
    `nodes[0].rpcPorts.from: ${RPC_PORT}`,
  ],
  [
    'rpcPorts without to',
    (d) => delete obj(n(d, 0).rpcPorts).to,
    `nodes[0].rpcPorts.to: required (${RPC_PORT})`,
  ],
  [
    'rpcPorts from after to',
    (d) => Object.assign(n(d, 0), { rpcPorts: { from: 6000, to: 5999 } }),
    'nodes[0].rpcPorts.to: must be at least from (6000)',
  ],
  [
    'a smartHost that is a number',
    (d) => Object.assign(n(d, 1), { smartHost: 1 }),
    'nodes[1].smartHost: must be the id of an smtpHost, or null',
  ],
  [
    'a smartHost that is a server',
    (d) => Object.assign(n(d, 1), { smartHost: 'ex1' }),
    'nodes[1].smartHost: "ex1" is not an smtpHost',
  ],
  [
    'a smartHost that does not exist',
    (d) => Object.assign(n(d, 1), { smartHost: 'zz' }),
    'nodes[1].smartHost: "zz" is not an smtpHost of this plan',
  ],
  [
    'a dns that is a network',
    (d) => Object.assign(n(d, 0), { dns: 'lan' }),
    'nodes[0].dns: "lan" is not a dns node',
  ],
  [
    'a dns that does not exist',
    (d) => Object.assign(n(d, 0), { dns: 'dns9' }),
    'nodes[0].dns: "dns9" is not a dns node of this plan',
  ],
  [
    'a dns of false',
    (d) => Object.assign(n(d, 0), { dns: false }),
    'nodes[0].dns: must be the id of a dns node, or null',
  ],
  // clients
  [
    'an unknown protocol',
    (d) => Object.assign(n(d, 4), { protocol: 'rdp' }),
    'nodes[4].protocol: must be one of mapi, pop3, imap4, ldap, nntp, admin, web',
  ],
  [
    'notifications "on"',
    (d) => Object.assign(n(d, 11), { notifications: 'on' }),
    'nodes[11].notifications: must be true or false',
  ],
  [
    'an smtpServer that is a number',
    (d) => Object.assign(n(d, 3), { smtpServer: 2 }),
    'nodes[3].smtpServer: must be the id of a server or smtpHost, or null',
  ],
  [
    'an smtpServer that is a firewall',
    (d) => Object.assign(n(d, 3), { smtpServer: 'fw1' }),
    'nodes[3].smtpServer: "fw1" is not a server or smtpHost',
  ],
  [
    'an smtpServer that does not exist',
    (d) => Object.assign(n(d, 3), { smtpServer: 'zz' }),
    'nodes[3].smtpServer: "zz" is not a server or smtpHost of this plan',
  ],
  // owa, dns, newsHost, firewall
  [
    'an owa of Exchange 4.0',
    (d) => Object.assign(n(d, 5), { exchange: '4.0' }),
    'nodes[5].exchange: must be "5.0" or "5.5"',
  ],
  [
    'an owa without exchange',
    (d) => delete n(d, 5).exchange,
    'nodes[5].exchange: required (must be "5.0" or "5.5")',
  ],
  [
    'owa servers that are a text',
    (d) => Object.assign(n(d, 5), { servers: 'ex1' }),
    'nodes[5].servers: must be an array of server ids',
  ],
  [
    'an owa server that is a number',
    (d) => Object.assign(n(d, 5), { servers: ['ex1', 2] }),
    'nodes[5].servers[1]: must be the id of a server',
  ],
  [
    'an owa server that is a client',
    (d) => Object.assign(n(d, 5), { servers: ['ex1', 'c1'] }),
    'nodes[5].servers[1]: "c1" is not a server',
  ],
  [
    'an owa with 501 servers',
    (d) => Object.assign(n(d, 5), { servers: Array.from({ length: 501 }, () => 'ex1') }),
    'nodes[5].servers: at most 500 server ids (this plan has 501)',
  ],
  [
    'a newsHost feed "sideways"',
    (d) => Object.assign(n(d, 7), { feed: 'sideways' }),
    'nodes[7].feed: must be one of inbound, outbound, both',
  ],
  [
    'a newsHost of a dns node',
    (d) => Object.assign(n(d, 7), { server: 'dns1' }),
    'nodes[7].server: "dns1" is not a server',
  ],
  [
    'a newsHost of nothing',
    (d) => Object.assign(n(d, 7), { server: 'zz' }),
    'nodes[7].server: "zz" is not a server of this plan',
  ],
  [
    'a newsHost server that is a number',
    (d) => Object.assign(n(d, 7), { server: 0 }),
    'nodes[7].server: must be the id of a server, or null',
  ],
  ['a nat of "yes"', (d) => Object.assign(n(d, 8), { nat: 'yes' }), 'nodes[8].nat: must be true or false'],
  // links
  [
    'an interface with a space',
    (d) => Object.assign(d.links[0] as object, { bInterface: 'out side' }),
    'links[0].bInterface: must be 1–32 characters of letters, digits, _, - or ., or null',
  ],
  [
    'an empty interface',
    (d) => Object.assign(d.links[1] as object, { aInterface: '' }),
    'links[1].aInterface: must be 1–32 characters of letters, digits, _, - or ., or null',
  ],
  [
    'an interface of 33 characters',
    (d) => Object.assign(d.links[1] as object, { aInterface: 'x'.repeat(33) }),
    'links[1].aInterface: must be 1–32 characters of letters, digits, _, - or ., or null',
  ],
  // connectors
  [
    'a site connector end that is a number',
    (d) => Object.assign(d.connectors[0] as object, { a: 1 }),
    'connectors[0].a: must be the id of a site',
  ],
  [
    'a site connector end that is a server',
    (d) => Object.assign(d.connectors[0] as object, { b: 'ex3' }),
    'connectors[0].b: "ex3" is a node, not a site',
  ],
  [
    'a site connector end that is a link',
    (d) => Object.assign(d.connectors[0] as object, { b: 'l1' }),
    'connectors[0].b: "l1" is a link, not a site',
  ],
  [
    'a site connector end that does not exist',
    (d) => Object.assign(d.connectors[0] as object, { a: 'zz' }),
    'connectors[0].a: "zz" is not a site of this plan',
  ],
  [
    'a bridgehead that is a site',
    (d) => Object.assign(d.connectors[0] as object, { bridgeheadB: 'bru' }),
    'connectors[0].bridgeheadB: "bru" is not a server',
  ],
  [
    'a bridgehead that is a number',
    (d) => Object.assign(d.connectors[0] as object, { bridgeheadA: 7 }),
    'connectors[0].bridgeheadA: must be the id of a server, or null',
  ],
  [
    'a target that does not exist',
    (d) => Object.assign(d.connectors[0] as object, { targetsB: ['ex1', 'zz'] }),
    'connectors[0].targetsB[1]: "zz" is not a server of this plan',
  ],
  [
    'targets that are null',
    (d) => Object.assign(d.connectors[0] as object, { targetsA: null }),
    'connectors[0].targetsA: must be an array of server ids',
  ],
  [
    '501 targets',
    (d) => Object.assign(d.connectors[0] as object, { targetsA: Array.from({ length: 501 }, () => 'ex3') }),
    'connectors[0].targetsA: at most 500 server ids (this plan has 501)',
  ],
  [
    'an unknown connector type',
    (d) => Object.assign(d.connectors[0] as object, { type: 'rpc' }),
    'connectors[0].type: must be "site" or "x400"',
  ],
  [
    'a connector without a type',
    (d) => delete d.connectors[1]?.type,
    'connectors[1].type: required (must be "site" or "x400")',
  ],
  [
    'an x400 connector to a site',
    (d) => Object.assign(d.connectors[1] as object, { b: 'bru' }),
    'connectors[1].b: "bru" is not a server',
  ],
  // ids and notes' references
  [
    'a note id used by a node',
    (d) => Object.assign(d.notes[1] as object, { id: 'ex1' }),
    'notes[1].id: "ex1" is already used by nodes[0]',
  ],
  [
    'a note about a note',
    (d) => Object.assign(d.notes[0] as object, { about: 'n2' }),
    'notes[0].about: "n2" is a note, not a site, node, link or connector',
  ],
  [
    'a note about nothing',
    (d) => Object.assign(d.notes[1] as object, { about: 'zz' }),
    'notes[1].about: "zz" is not a site, node, link or connector of this plan',
  ],
  [
    '1,001 notes',
    (d) =>
      Object.assign(d, { notes: Array.from({ length: 1001 }, (_, i) => ({ id: `note${i}`, text: 'x' })) }),
    'notes: at most 1,000 notes (this plan has 1,001)',
  ],
];

describe('loadPlan refuses (version 2)', () => {
  it('the v2 fixture itself loads', () => {
    const plan = loaded(v2Doc());
    expect(plan.nodes[5]).toMatchObject({ address: '2001:db8::20', servers: ['ex1', 'ex2'] });
    expect(plan.notes).toEqual([
      {
        id: 'n1',
        about: 'fw1',
        text: 'Why is 1024-65535 open here?\nAsk the network team.',
        resolved: false,
      },
      { id: 'n2', about: null, text: 'Plan-wide note', resolved: false },
    ]);
  });

  it.each(cases)('%s', (_title, mutate, message) => {
    const doc = v2Doc();
    mutate(doc);
    expect(refusal(doc)).toBe(message);
    expect(refusal(JSON.stringify(doc))).toBe(message);
  });
});

describe('the first problem in document order', () => {
  it('is named when a later node breaks a rule the schema checks first', () => {
    const doc = v2Doc();
    Object.assign(n(doc, 9), { address: 'bad' });
    Object.assign(n(doc, 0), { name: 'EX\u0001' });
    expect(refusal(doc)).toBe('nodes[0].name: must not hold the control character U+0001 (at character 3)');
  });

  it('follows the order of fields the document writes, not the order the schema checks them', () => {
    const doc = v2Doc();
    doc.nodes[1] = {
      rpcPorts: { from: 1, to: 2 },
      id: 'ex2',
      type: 'server',
      name: 'EXAMS02',
      site: 'ams',
      exchange: '5.5',
      address: '1.2.3',
    };
    expect(refusal(doc)).toBe(`nodes[1].rpcPorts.from: ${RPC_PORT}`);
    doc.nodes[1] = {
      address: '1.2.3',
      rpcPorts: { from: 1, to: 2 },
      id: 'ex2',
      type: 'server',
      name: 'EXAMS02',
      site: 'ams',
      exchange: '5.5',
    };
    expect(refusal(doc)).toBe(`nodes[1].address: ${ADDRESS}`);
  });

  it('follows the order of collections in the document for references', () => {
    const doc = v2Doc();
    const { notes, ...rest } = doc;
    const reordered = { notes, ...rest } as Doc;
    Object.assign(reordered.notes[0] as object, { about: 'zz' });
    Object.assign(n(reordered, 0), { dns: 'zz' });
    expect(refusal(reordered)).toBe(
      'notes[0].about: "zz" is not a site, node, link or connector of this plan',
    );
    Object.assign(reordered.notes[0] as object, { about: 'fw1' });
    expect(refusal(reordered)).toBe('nodes[0].dns: "zz" is not a dns node of this plan');
  });

  it('names a service pack that comes before a bad version in the document', () => {
    const doc = v2Doc();
    doc.nodes[2] = { id: 'ex3', type: 'server', name: 'X', site: 'bru', servicePack: 2.5, exchange: 5 };
    expect(refusal(doc)).toBe('nodes[2].servicePack: must be an integer from 0 to 5');
    doc.nodes[2] = { id: 'ex3', type: 'server', name: 'X', site: 'bru', exchange: 5, servicePack: 2.5 };
    expect(refusal(doc)).toBe('nodes[2].exchange: must be "4.0", "5.0" or "5.5"');
  });
});

describe('loadPlan accepts (version 2)', () => {
  it('writes addresses in canonical form', () => {
    const doc = v2Doc();
    Object.assign(n(doc, 0), { address: '10.1.0.10/32' });
    Object.assign(n(doc, 9), { address: '2001:DB8:0:0::/64' });
    const plan = loaded(doc);
    expect(plan.nodes[0]).toMatchObject({ address: '10.1.0.10' });
    expect(plan.nodes[9]).toMatchObject({ address: '2001:db8::/64' });
  });

  it('a site connector from a site to itself, and halves naming servers of the wrong site (findings, not refusals)', () => {
    const doc = v2Doc();
    Object.assign(d0(doc), { b: 'ams', bridgeheadA: 'ex3', targetsB: ['ex3'] });
    expect(loaded(doc).connectors[0]).toMatchObject({ a: 'ams', b: 'ams', bridgeheadA: 'ex3' });
  });

  it('a client whose server is a node of the wrong kind (a finding, not a refusal)', () => {
    const doc = v2Doc();
    Object.assign(n(doc, 3), { server: 'fw1' });
    expect(loaded(doc).nodes[3]).toMatchObject({ server: 'fw1' });
  });

  it('line breaks in a note, and 2,000 characters', () => {
    const doc = v2Doc();
    Object.assign(doc.notes[1] as object, { text: `a\r\nb${'x'.repeat(1996)}` });
    expect(loaded(doc).notes[1]?.text).toHaveLength(2000);
  });
});

const d0 = (doc: Doc) => doc.connectors[0] as Record<string, unknown>;
