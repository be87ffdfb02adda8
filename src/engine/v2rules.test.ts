/**
 * The relationships and findings of plan format version 2 (SPEC §3.1, §3.2,
 * §4, §5): each row of the port table and each finding, firing and quiet,
 * with exact messages.
 */
import { describe, expect, it } from 'vitest';
import type { Plan } from '../model/types';
import {
  chain,
  client,
  dns,
  firewall,
  link,
  makePlan,
  network,
  newsHost,
  owa,
  server,
  siteConnector,
  smtpHost,
} from '../test/factories';
import { analyzePlan } from './analyze';
import { formatPorts } from './matrix';

/** Flows as `source>destination PROTOCOL port service`, in the engine's order. */
const flows = (plan: Plan) =>
  analyzePlan(plan).flows.map(
    (f) => `${f.source}>${f.destination} ${f.protocol} ${formatPorts(f.ports)} ${f.service}`,
  );
const sorted = (xs: string[]) => [...xs].sort();

describe('the port in force (SPEC §3.1)', () => {
  const mtaOf = (overrides: Parameters<typeof server>[2]) =>
    flows(makePlan({ nodes: [server('a', 'A'), server('b', 'A', overrides)] })).find(
      (f) => f.startsWith('a>b TCP') && f.endsWith('MTA (RPC)'),
    );
  it.each([
    ['4.0', 3, '1024-65535'],
    ['4.0', 4, '6003'],
    ['5.0', 0, '6003'],
    ['5.5', 0, '6003'],
  ] as const)('a static MTA port on %s SP%i gives MTA %s', (exchange, servicePack, port) => {
    expect(mtaOf({ exchange, servicePack, staticPorts: { mta: 6003 } })).toBe(`a>b TCP ${port} MTA (RPC)`);
  });

  it('an MTA left dynamic, or ignored, listens in the restricted RPC range', () => {
    const rpcPorts = { from: 5000, to: 5100 };
    expect(mtaOf({ rpcPorts })).toBe('a>b TCP 5000-5100 MTA (RPC)');
    expect(mtaOf({ exchange: '4.0', servicePack: 2, staticPorts: { mta: 6003 }, rpcPorts })).toBe(
      'a>b TCP 5000-5100 MTA (RPC)',
    );
  });

  it.each([
    ['4.0', 3, '102'],
    ['4.0', 4, '2000'],
    ['5.0', 0, '2000'],
  ] as const)('an RFC1006 port of 2000 on %s SP%i gives %s', (exchange, servicePack, port) => {
    const plan = makePlan({
      nodes: [server('a', 'A'), server('b', 'B', { exchange, servicePack, rfc1006Port: 2000 })],
      connectors: [{ id: 'k', type: 'x400', a: 'a', b: 'b' }],
    });
    expect(flows(plan)).toContain(`a>b TCP ${port} X.400 (RFC1006)`);
  });

  it.each([
    ['5.5', '390'],
    ['5.0', '389'],
  ] as const)('an LDAP port of 390 on %s gives LDAP %s; SSL stays 636', (exchange, port) => {
    const plan = makePlan({
      nodes: [
        server('s', 'A', { exchange, ldapPort: 390 }),
        client('c', 's', { protocol: 'ldap' }),
        client('d', 's', { protocol: 'ldap', auth: 'ssl' }),
      ],
    });
    expect(flows(plan)).toEqual([`c>s TCP ${port} LDAP`, 'd>s TCP 636 LDAP over SSL']);
  });

  it('the directory, store and System Attendant honour a static port in every version', () => {
    const plan = makePlan({
      nodes: [
        server('s', 'A', {
          exchange: '4.0',
          staticPorts: { directory: 6001, store: 6002, systemAttendant: 6004 },
        }),
        client('adm', 's', { protocol: 'admin' }),
      ],
    });
    expect(flows(plan)).toEqual([
      'adm>s TCP 135 RPC endpoint mapper',
      'adm>s TCP 6001 Directory (RPC)',
      'adm>s TCP 6002 Information Store (RPC)',
      'adm>s TCP 6004 System Attendant (RPC)',
    ]);
  });

  it('a service that its version lacks does not run: no SMTP host flows without the Internet Mail Service', () => {
    const plan = makePlan({
      nodes: [server('s', 'A', { exchange: '4.0', services: { internetMail: true } }), smtpHost('h')],
    });
    expect(flows(plan)).toEqual(['h>s TCP 25 SMTP', 's>h TCP 25 SMTP']);
  });
});

describe('relationships of version 2 (SPEC §3.2)', () => {
  it('an admin client needs 135, DS, IS and SA, with the reason of KB 240859', () => {
    const plan = makePlan({
      nodes: [server('s', 'A', { name: 'EX' }), client('adm', 's', { name: 'Admins', protocol: 'admin' })],
    });
    const analysis = analyzePlan(plan);
    expect(flows(plan)).toEqual([
      'adm>s TCP 135 RPC endpoint mapper',
      'adm>s TCP 1024-65535 Directory (RPC)',
      'adm>s TCP 1024-65535 Information Store (RPC)',
      'adm>s TCP 1024-65535 System Attendant (RPC)',
    ]);
    expect(analysis.flows[3]?.reason).toBe(
      'The Administrator program on Admins manages the System Attendant on EX over RPC (KB 240859, KB 148732: the Administrator program across a firewall).',
    );
  });

  it.each([
    ['basic', 'w>o TCP 80 HTTP (Outlook Web Access)'],
    ['ntlm', 'w>o TCP 80 HTTP (Outlook Web Access)'],
    ['ssl', 'w>o TCP 443 HTTP over SSL (Outlook Web Access)'],
  ] as const)('a web client with %s reaches its OWA node: %s, even when it opens no server', (auth, flow) => {
    const plan = makePlan({ nodes: [owa('o'), client('w', 'o', { protocol: 'web', auth })] });
    expect(flows(plan)).toEqual([flow]);
  });

  it('a web client whose server is an Exchange server, not an OWA node, has no flows', () => {
    const plan = makePlan({ nodes: [server('s', 'A'), client('w', 's', { protocol: 'web' })] });
    expect(flows(plan)).toEqual([]);
  });

  it('OWA reaches 135 and DS on its first server, 135 and IS on each, and each replies on 1024-65535 (KB 259240)', () => {
    const plan = makePlan({
      nodes: [
        owa('o', ['d', 's'], { name: 'OWA01' }),
        server('d', 'A', { staticPorts: { directory: 6001, store: 6002 } }),
        server('s', 'B', { staticPorts: { directory: 7001, store: 7002 } }),
      ],
    });
    const owaFlows = flows(plan).filter((f) => f.includes('o'));
    expect(sorted(owaFlows)).toEqual(
      sorted([
        'o>d TCP 135 RPC endpoint mapper',
        'o>d TCP 6001 Directory (RPC)',
        'o>d TCP 6002 Information Store (RPC)',
        'o>s TCP 135 RPC endpoint mapper',
        'o>s TCP 7002 Information Store (RPC)',
        'd>o TCP 1024-65535 RPC replies to Outlook Web Access',
        's>o TCP 1024-65535 RPC replies to Outlook Web Access',
      ]),
    );
    const reply = analyzePlan(plan).flows.find((f) => f.source === 'd' && f.destination === 'o');
    expect(reply?.reason).toBe(
      'd answers the RPC calls of Outlook Web Access on OWA01 on a port from 1024 to 65535 that cannot be narrowed (KB 259240: Outlook Web Access through a firewall).',
    );
    expect(reply?.rpc).toBe('reply');
    expect(reply?.dynamic).toBe(false);
  });

  it('a mapi client with notifications gets UDP 1024-65535 from its server (KB 264035); without, none', () => {
    const withUdp = makePlan({ nodes: [server('s', 'A'), client('c', 's', { notifications: true })] });
    expect(flows(withUdp)).toContain('s>c UDP 1024-65535 New-mail notification (UDP)');
    const without = makePlan({ nodes: [server('s', 'A'), client('c', 's')] });
    expect(flows(without).some((f) => f.includes('UDP'))).toBe(false);
    const pop = makePlan({
      nodes: [
        server('s', 'A'),
        client('c', 's', { protocol: 'pop3', notifications: true, sendsMail: false }),
      ],
    });
    expect(flows(pop)).toEqual(['c>s TCP 110 POP3']);
  });

  it('a sending client gives its mail to its smtpServer (a server or SMTP host), else its server', () => {
    const plan = makePlan({
      nodes: [
        server('s', 'A'),
        server('m', 'A', { services: { internetMail: true } }),
        smtpHost('relay', { direction: 'inbound' }),
        client('p', 's', { protocol: 'pop3', smtpServer: 'm' }),
        client('i', 's', { protocol: 'imap4', smtpServer: 'relay' }),
        client('q', 's', { protocol: 'pop3' }),
      ],
    });
    const out = flows(plan).filter((f) => f.includes('SMTP') && !f.startsWith('relay>'));
    expect(out).toEqual(['i>relay TCP 25 SMTP', 'p>m TCP 25 SMTP', 'q>s TCP 25 SMTP']);
  });

  it('a smart host gets all outgoing mail on 25, DNS is asked only without one and only for outbound hosts', () => {
    const plan = makePlan({
      nodes: [
        server('m', 'A', { services: { internetMail: true }, dns: 'd' }),
        server('h', 'B', { services: { internetMail: true }, smartHost: 'relay', dns: 'd' }),
        dns('d'),
        smtpHost('relay', { direction: 'inbound' }),
        smtpHost('out', { direction: 'outbound' }),
      ],
    });
    const out = flows(plan);
    expect(out).toContain('h>relay TCP 25 SMTP (smart host)');
    expect(out).toContain('m>d UDP 53 DNS');
    expect(out.some((f) => f.startsWith('h>d'))).toBe(false);
    // With a smart host the Internet Mail Service does not deliver to outbound hosts itself.
    expect(out.some((f) => f.startsWith('h>out'))).toBe(false);
    expect(out).toContain('m>out TCP 25 SMTP');

    const inboundOnly = makePlan({
      nodes: [
        server('m', 'A', { services: { internetMail: true }, dns: 'd' }),
        dns('d'),
        smtpHost('in', { direction: 'inbound' }),
      ],
    });
    expect(flows(inboundOnly)).toEqual(['in>m TCP 25 SMTP']);
  });

  it.each([
    ['inbound', ['n>s TCP 119 NNTP newsfeed']],
    ['outbound', ['s>n TCP 119 NNTP newsfeed']],
    ['both', ['n>s TCP 119 NNTP newsfeed', 's>n TCP 119 NNTP newsfeed']],
  ] as const)('a news host with feed %s exchanges newsfeeds on 119 (KB 174199)', (feed, expected) => {
    const plan = makePlan({ nodes: [server('s', 'A'), newsHost('n', 's', { feed })] });
    expect(sorted(flows(plan))).toEqual(sorted([...expected]));
    expect(flows(makePlan({ nodes: [server('s', 'A'), newsHost('n', null, { feed })] }))).toEqual([]);
  });
});

describe('site connector halves (SPEC §3.2)', () => {
  const twoSites = (halves: Parameters<typeof siteConnector>[2]) =>
    makePlan({
      nodes: [server('a1', 'A'), server('a2', 'A'), server('b1', 'B'), server('b2', 'B')],
      connectors: [siteConnector('A', 'B', halves, 'k')],
    });
  const between = (plan: Plan) =>
    flows(plan).filter((f) => f[0] !== f.split('>')[1]?.[0] && !f.includes('Directory'));

  it('by default every server of each site sends to every server of the other, with the bind-back', () => {
    const out = between(twoSites({}));
    expect(out).toHaveLength(4 * 2 * 2);
    expect(out).toContain('a2>b1 TCP 135 RPC endpoint mapper');
    expect(out).toContain('b1>a2 TCP 1024-65535 MTA (RPC)');
  });

  it('a bridgehead sends to its targets only, and the target binds back to it', () => {
    const plan = twoSites({ bridgeheadA: 'a1', targetsA: ['b2'], bridgeheadB: 'b2', targetsB: ['a1'] });
    expect(between(plan)).toEqual([
      'a1>b2 TCP 135 RPC endpoint mapper',
      'a1>b2 TCP 1024-65535 MTA (RPC)',
      'b2>a1 TCP 135 RPC endpoint mapper',
      'b2>a1 TCP 1024-65535 MTA (RPC)',
    ]);
  });

  it('a half whose bridgehead is not in its site gives no flows; a target outside the other site is left out', () => {
    const plan = twoSites({ bridgeheadA: 'b1', targetsB: ['a1', 'b2'] });
    expect(between(plan)).toEqual([
      'a1>b1 TCP 135 RPC endpoint mapper',
      'a1>b1 TCP 1024-65535 MTA (RPC)',
      'a1>b2 TCP 135 RPC endpoint mapper',
      'a1>b2 TCP 1024-65535 MTA (RPC)',
      'b1>a1 TCP 135 RPC endpoint mapper',
      'b1>a1 TCP 1024-65535 MTA (RPC)',
      'b2>a1 TCP 135 RPC endpoint mapper',
      'b2>a1 TCP 1024-65535 MTA (RPC)',
    ]);
  });

  it('a version 1 connector between two servers, converted per SPEC §2.1, gives exactly the v1 flows', () => {
    const plan = twoSites({ bridgeheadA: 'a2', targetsA: ['b1'], bridgeheadB: 'b1', targetsB: ['a2'] });
    expect(between(plan)).toEqual([
      'a2>b1 TCP 135 RPC endpoint mapper',
      'a2>b1 TCP 1024-65535 MTA (RPC)',
      'b1>a2 TCP 135 RPC endpoint mapper',
      'b1>a2 TCP 1024-65535 MTA (RPC)',
    ]);
  });
});

describe('firewall interfaces (SPEC §4)', () => {
  it('names the ingress and egress of each crossing, an unnamed one after the node at the other end', () => {
    const plan = makePlan({
      nodes: [client('c', 's', { protocol: 'ldap' }), firewall('fw'), network('lan'), server('s', 'A')],
      links: [
        link('c', 'fw', 'l1', { bInterface: 'outside' }),
        link('fw', 'lan', 'l2'),
        link('lan', 's', 'l3'),
      ],
    });
    expect(analyzePlan(plan).flows[0]?.crossings).toEqual([
      { firewall: 'fw', ingress: 'outside', egress: 'lan' },
    ]);
  });

  it('records every (ingress, egress) pair of equal shortest paths, and both firewalls of a pair', () => {
    const plan = makePlan({
      nodes: [
        client('c', 's', { protocol: 'ldap' }),
        network('out'),
        firewall('fa', { name: 'A' }),
        firewall('fb', { name: 'B' }),
        network('in1'),
        network('in2'),
        server('s', 'A'),
      ],
      links: [
        link('c', 'out'),
        link('out', 'fa', 'l1', { bInterface: 'untrust' }),
        link('out', 'fb', 'l2', { bInterface: 'untrust' }),
        link('fa', 'in1', 'l3', { aInterface: 'trust1' }),
        link('fa', 'in2', 'l4', { aInterface: 'trust2' }),
        link('fb', 'in1', 'l5'),
        link('in1', 's'),
        link('in2', 's'),
      ],
    });
    expect(analyzePlan(plan).flows[0]?.crossings).toEqual([
      { firewall: 'fa', ingress: 'untrust', egress: 'trust1' },
      { firewall: 'fa', ingress: 'untrust', egress: 'trust2' },
      { firewall: 'fb', ingress: 'untrust', egress: 'in1' },
    ]);
  });
});

describe('flow status of static and dynamic RPC through a firewall', () => {
  it('is ok for a static port, warning for a dynamic range, ok for a non-RPC flow', () => {
    const plan = makePlan({
      nodes: [
        client('c', 's', { address: 'any' }),
        firewall('fw'),
        server('s', 'A', { address: '10.0.0.1', staticPorts: { directory: 6001 } }),
      ],
      links: chain('c', 'fw', 's'),
    });
    const status = Object.fromEntries(analyzePlan(plan).flows.map((f) => [f.service, f.status]));
    expect(status).toEqual({
      'RPC endpoint mapper': 'ok',
      'Directory (RPC)': 'ok',
      'Information Store (RPC)': 'warning',
    });
  });
});

describe('matrix and flow order (SPEC §6)', () => {
  it('sorts by name, not id; a single port before a range at it; TCP before UDP', () => {
    const plan = makePlan({
      nodes: [
        server('a', 'A', { name: 'Zulu', staticPorts: { store: 1024 } }),
        client('z', 'a', { name: 'Alpha', notifications: true }),
      ],
    });
    expect(flows(plan)).toEqual([
      'z>a TCP 135 RPC endpoint mapper',
      'z>a TCP 1024 Information Store (RPC)',
      'z>a TCP 1024-65535 Directory (RPC)',
      'a>z UDP 1024-65535 New-mail notification (UDP)',
    ]);
    const udpFirst = makePlan({
      nodes: [
        server('m', 'A', { services: { internetMail: true }, dns: 'd' }),
        dns('d'),
        smtpHost('h', { direction: 'outbound' }),
      ],
    });
    expect(flows(udpFirst).filter((f) => f.startsWith('m>'))).toEqual(['m>d UDP 53 DNS', 'm>h TCP 25 SMTP']);
  });
});

describe('matrix rows of version 2 (SPEC §6)', () => {
  it('carry the source and destination addresses (empty without one) and the protocol', async () => {
    const { portMatrixRows } = await import('./matrix');
    const plan = makePlan({
      nodes: [
        client('c', 's', { name: 'Outlook', notifications: true }),
        firewall('fw', { name: 'FW' }),
        server('s', 'A', { name: 'EX', address: '10.0.0.1', staticPorts: { directory: 6001, store: 6002 } }),
      ],
      links: chain('c', 'fw', 's'),
    });
    const rows = portMatrixRows(plan, analyzePlan(plan)).map(
      (r) =>
        `${r.firewall}|${r.source}|${r.sourceAddress}|${r.destination}|${r.destinationAddress}|${r.protocol}|${r.port}`,
    );
    expect(rows).toEqual([
      'FW|EX|10.0.0.1|Outlook||UDP|1024-65535',
      'FW|Outlook||EX|10.0.0.1|TCP|135',
      'FW|Outlook||EX|10.0.0.1|TCP|6001',
      'FW|Outlook||EX|10.0.0.1|TCP|6002',
    ]);
  });
});
