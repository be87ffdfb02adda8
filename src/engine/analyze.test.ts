import { describe, expect, it } from 'vitest';
import {
  chain,
  client,
  connector,
  firewall,
  link,
  makePlan,
  network,
  server,
  smtpHost,
} from '../test/factories';
import { analyzePlan } from './analyze';
import { formatPorts } from './matrix';

describe('flow order (SPEC §3, §6)', () => {
  it('sorts by source name, destination name, port numerically, a single port before a range that starts at it', () => {
    const plan = makePlan({
      nodes: [
        server('s', 'A', { name: 'srv', staticPorts: { store: 1024 }, services: { internetMail: true } }),
        client('m', 's', { name: 'mapi users' }),
        client('p', 's', { name: 'Pop users', protocol: 'pop3', auth: 'ssl' }),
      ],
    });
    const rows = analyzePlan(plan).flows.map((f) => `${f.source} ${formatPorts(f.ports)} ${f.service}`);
    // "Pop users" < "mapi users" by code point (uppercase first); 25 < 995 numerically.
    expect(rows).toEqual([
      'p 25 SMTP',
      'p 995 POP3 over SSL',
      'm 135 RPC endpoint mapper',
      'm 1024 Information Store (RPC)',
      'm 1024-65535 Directory (RPC)',
    ]);
  });

  it('breaks ties between equal names by id', () => {
    const plan = makePlan({
      nodes: [
        server('s', 'A'),
        client('b', 's', { name: 'Same', protocol: 'ldap' }),
        client('a', 's', { name: 'Same', protocol: 'ldap' }),
      ],
    });
    expect(analyzePlan(plan).flows.map((f) => f.source)).toEqual(['a', 'b']);
  });
});

describe('flow status', () => {
  it('is error for every flow of a broken relationship, warning for a dynamic range through a firewall, else ok', () => {
    const plan = makePlan({
      nodes: [server('a', 'A', { rfc1006Port: 2000 }), server('b', 'B'), server('c', 'C'), firewall('fw')],
      links: [link('a', 'fw'), link('fw', 'b'), link('fw', 'c')],
      connectors: [connector('x400', 'a', 'b'), connector('site', 'A', 'C')],
    });
    const status = Object.fromEntries(
      analyzePlan(plan).flows.map((f) => [`${f.source}>${f.destination} ${f.service}`, f.status]),
    );
    expect(status).toEqual({
      'a>b X.400 (RFC1006)': 'error',
      'b>a X.400 (RFC1006)': 'error',
      'a>c RPC endpoint mapper': 'ok',
      'a>c MTA (RPC)': 'warning',
      'c>a RPC endpoint mapper': 'ok',
      'c>a MTA (RPC)': 'warning',
    });
  });

  it('is error for the flows of a pair with no network path', () => {
    const plan = makePlan({
      nodes: [server('a', 'A'), server('b', 'A'), client('c', 'a', { protocol: 'ldap' }), network('lan')],
      links: [link('c', 'lan'), link('lan', 'a')],
    });
    const flows = analyzePlan(plan).flows;
    expect(flows.filter((f) => f.status === 'error').map((f) => `${f.source}>${f.destination}`)).toEqual([
      'a>b',
      'a>b',
      'a>b',
      'b>a',
      'b>a',
      'b>a',
    ]);
    expect(flows.find((f) => f.source === 'c')?.status).toBe('ok');
  });
});

describe('indexes by firewall and link', () => {
  it('have an entry for every firewall and link, with the indexes of the flows that cross them', () => {
    const plan = makePlan({
      nodes: [
        client('c', 's', { protocol: 'ldap' }),
        firewall('fw'),
        firewall('spare'),
        server('s', 'A'),
        network('n'),
      ],
      links: [...chain('c', 'fw', 's'), link('spare', 'n')],
    });
    const analysis = analyzePlan(plan);
    expect([...analysis.flowsByFirewall]).toEqual([
      ['fw', [0]],
      ['spare', []],
    ]);
    expect([...analysis.flowsByLink]).toEqual([
      ['l.c.fw', [0]],
      ['l.fw.s', [0]],
      ['l.spare.n', []],
    ]);
  });
});

describe('finding order (SPEC §5)', () => {
  it('sorts by severity, then code, then the names of the subjects', () => {
    const plan = makePlan({
      nodes: [
        firewall('f1', { name: 'Zed' }),
        firewall('f2', { name: 'Abe' }),
        server('s', 'A', { name: 'EX', staticPorts: { directory: 3000, store: 100 } }),
        client('c', null, { name: 'Lost' }),
        smtpHost('h'),
      ],
    });
    expect(analyzePlan(plan).findings.map((f) => `${f.severity} ${f.code} ${f.subjects.join(',')}`)).toEqual([
      'error CLIENT_WITHOUT_SERVER c',
      'warning NO_INTERNET_MAIL_SERVER h',
      'warning STATIC_PORT_IN_CLIENT_POOL s',
      'info FIREWALL_UNUSED f2',
      'info FIREWALL_UNUSED f1',
      'info STATIC_PORT_WELL_KNOWN s',
    ]);
  });
});

describe('determinism', () => {
  it('gives the same flows and findings whatever the order of the arrays', () => {
    const nodes = [
      server('s1', 'A', { services: { internetMail: true } }),
      server('s2', 'A'),
      server('s3', 'B', { rfc1006Port: 2000 }),
      client('c1', 's1', { protocol: 'imap4' }),
      client('c2', 's2'),
      firewall('fw1'),
      firewall('fw2'),
      network('lan'),
      smtpHost('inet'),
    ];
    const links = [
      ...chain('c1', 'fw1', 'lan', 's1'),
      ...chain('c2', 'fw2', 'lan', 's2'),
      ...chain('inet', 'fw1'),
      ...chain('lan', 's3'),
    ];
    const connectors = [connector('x400', 's1', 's3'), connector('site', 's2', 's3')];
    const forward = analyzePlan(makePlan({ nodes, links, connectors }));
    const backward = analyzePlan(
      makePlan({
        nodes: [...nodes].reverse(),
        links: [...links].reverse(),
        connectors: [...connectors].reverse(),
      }),
    );
    expect(backward.flows).toEqual(forward.flows);
    expect(backward.findings).toEqual(forward.findings);
    expect([...backward.flowsByFirewall]).toEqual([...forward.flowsByFirewall]);
    expect([...backward.flowsByLink]).toEqual([...forward.flowsByLink]);
  });
});
