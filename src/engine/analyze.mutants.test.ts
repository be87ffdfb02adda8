/**
 * The analysis keeps each pair of endpoints apart, orders flows, firewalls and the pairs the
 * ANALYSIS_LIMIT finding names exactly as SPEC §4–§6 say, and marks flow statuses from error
 * findings only: cases where names do not sort like ids and ties are decided one level down.
 */
import { describe, expect, it } from 'vitest';
import type { Plan } from '../model/types';
import {
  chain,
  client,
  firewall,
  link,
  makePlan,
  network,
  owa,
  server,
  siteConnector,
} from '../test/factories';
import { analysisLimited, analyzePlan } from './analyze';

/** "source>destination" → the firewalls its flows cross ("no path" when none joins them), one entry per pair. */
function routesByPair(plan: Plan): Record<string, string[] | 'no path'> {
  const out: Record<string, string[] | 'no path'> = {};
  for (const f of analyzePlan(plan).flows)
    out[`${f.source}>${f.destination}`] = f.routed ? f.firewalls : 'no path';
  return out;
}

/** The ANALYSIS_LIMIT message's list of the pairs it names. */
function namedPairs(plan: Plan): string {
  const message = analyzePlan(plan, { crossingLimit: 1 }).findings[0]?.message ?? '';
  return message.slice(message.indexOf('Most come from '), message.indexOf('. Give each flow'));
}

describe('each pair of endpoints keeps its own route', () => {
  it('does not mix up pairs whose source and destination places add up alike', () => {
    // Ids in order: a b f1 f2 n y z. a → z crosses f1, b → a crosses f2, a → y and y → a cross
    // nothing, and y and z have no path (it would pass through the server a).
    const plan = makePlan({
      nodes: [
        server('a', 'A'),
        server('y', 'A'),
        server('z', 'A'),
        client('b', 'a', { protocol: 'pop3', sendsMail: false }),
        firewall('f1'),
        firewall('f2'),
        network('n'),
      ],
      links: [...chain('a', 'f1', 'z'), ...chain('b', 'f2', 'a'), ...chain('a', 'n', 'y')],
    });
    expect(routesByPair(plan)).toEqual({
      'a>y': [],
      'a>z': ['f1'],
      'b>a': ['f2'],
      'y>a': [],
      'y>z': 'no path',
      'z>a': ['f1'],
      'z>y': 'no path',
    });
  });
});

describe('the firewalls of a route', () => {
  it.each([
    ['fa', 'fb'],
    ['fb', 'fa'],
  ])('two firewalls of one name, %s next to the client: by id', (near, far) => {
    const plan = makePlan({
      nodes: [
        client('c', 's', { protocol: 'pop3', sendsMail: false }),
        firewall('fa', { name: 'FW' }),
        firewall('fb', { name: 'FW' }),
        server('s', 'A'),
      ],
      links: chain('c', near, far, 's'),
    });
    expect(analyzePlan(plan).flows.map((f) => f.firewalls)).toEqual([['fa', 'fb']]);
  });

  it('a flow with no path crosses nothing: no firewalls, crossings or links', () => {
    const plan = makePlan({
      nodes: [client('c', 's', { protocol: 'pop3', sendsMail: false }), server('s', 'A'), firewall('fw')],
      links: [link('s', 'fw')],
    });
    const [flow] = analyzePlan(plan).flows;
    expect(flow?.routed).toBe(false);
    expect(flow?.firewalls).toEqual([]);
    expect(flow?.crossings).toEqual([]);
    expect(flow?.links).toEqual([]);
  });
});

describe('the pairs the ANALYSIS_LIMIT finding names', () => {
  const pop3 = (id: string, name: string) => client(id, 's', { name, protocol: 'pop3', sendsMail: false });

  it('puts the pair crossing more firewalls first, even when the other has more services', () => {
    // A (mapi, 3 services) crosses f1; B (pop3, 1 service) crosses f1 and f2.
    const plan = makePlan({
      nodes: [
        client('a', 's', { name: 'A' }),
        pop3('b', 'B'),
        firewall('f1'),
        firewall('f2'),
        server('s', 'A', { name: 'S' }),
      ],
      links: [...chain('a', 'f1', 's'), ...chain('b', 'f2', 'f1')],
    });
    expect(namedPairs(plan)).toBe(
      'Most come from B → S (POP3): 2 firewalls a flow; A → S (RPC endpoint mapper, Directory (RPC), Information Store (RPC)): 1 firewalls a flow',
    );
  });

  it('among pairs crossing as many firewalls, puts the one with more services first, and leaves out pairs that cross none', () => {
    // A (pop3, 1 service) and B (mapi, 3 services) cross f; Z reaches S through a network only.
    const plan = makePlan({
      nodes: [
        pop3('a', 'A'),
        client('b', 's', { name: 'B' }),
        pop3('z', 'Z'),
        firewall('f'),
        network('n'),
        server('s', 'A', { name: 'S' }),
      ],
      links: [...chain('a', 'f', 'n', 's'), link('b', 'f'), link('z', 'n')],
    });
    expect(namedPairs(plan)).toBe(
      'Most come from B → S (RPC endpoint mapper, Directory (RPC), Information Store (RPC)): 1 firewalls a flow; A → S (POP3): 1 firewalls a flow',
    );
  });

  it('breaks a tie by the first flow of each pair, when two pairs of one name interleave', () => {
    // Both clients are named C. Flows by port: c1 SMTP 25, c2 SMTP 25, c2 POP3 110, c1 IMAP4 143:
    // c1's first flow comes first, its last flow last.
    const plan = makePlan({
      nodes: [
        client('c1', 's', { name: 'C', protocol: 'imap4' }),
        client('c2', 's', { name: 'C', protocol: 'pop3' }),
        firewall('f'),
        server('s', 'A', { name: 'S' }),
      ],
      links: [...chain('c1', 'f', 's'), link('c2', 'f')],
    });
    expect(namedPairs(plan)).toBe(
      'Most come from C → S (SMTP, IMAP4): 1 firewalls a flow; C → S (SMTP, POP3): 1 firewalls a flow',
    );
  });
});

describe('the order of flows (SPEC §6)', () => {
  const key = (plan: Plan) =>
    analyzePlan(plan).flows.map((f) => `${f.source}>${f.destination} ${f.protocol} ${f.service}`);

  it('puts TCP before UDP on the same ports between endpoints of the same names, whatever the services', () => {
    // The server S answers OWA "C" over TCP 1024-65535 and tells client "C" of new mail over UDP 1024-65535.
    const plan = makePlan({
      nodes: [
        server('s', 'A', { name: 'S' }),
        owa('o', ['s'], { name: 'C' }),
        client('c', 's', { name: 'C', protocol: 'mapi', notifications: true }),
      ],
      links: [link('o', 's'), link('c', 's')],
    });
    expect(key(plan).filter((k) => k.startsWith('s>'))).toEqual([
      's>o TCP RPC replies to Outlook Web Access',
      's>c UDP New-mail notification (UDP)',
    ]);
  });

  it('orders flows of sources of one name by source id, and of destinations of one name by destination id', () => {
    const plan = makePlan({
      nodes: [
        client('c2', 's', { name: 'C', protocol: 'pop3', sendsMail: false }),
        client('c1', 's', { name: 'C', protocol: 'pop3', sendsMail: false }),
        client('c3', 's', { name: 'C', protocol: 'pop3', sendsMail: false }),
        server('s', 'A', { name: 'S' }),
      ],
      links: [link('c2', 's'), link('c1', 's'), link('c3', 's')],
    });
    expect(key(plan)).toEqual(['c1>s TCP POP3', 'c2>s TCP POP3', 'c3>s TCP POP3']);

    const servers = makePlan({
      nodes: [
        server('t2', 'A', { name: 'T' }),
        server('a', 'A', { name: 'A' }),
        server('t1', 'A', { name: 'T' }),
        server('t3', 'A', { name: 'T' }),
      ],
      links: [link('a', 't2'), link('a', 't1'), link('a', 't3')],
    });
    expect(key(servers).filter((k) => k.startsWith('a>') && k.endsWith('Directory (RPC)'))).toEqual([
      'a>t1 TCP Directory (RPC)',
      'a>t2 TCP Directory (RPC)',
      'a>t3 TCP Directory (RPC)',
    ]);
  });
});

describe('the order of flows the port table asks for in another order', () => {
  const key = (plan: Plan) => analyzePlan(plan).flows.map((f) => `${f.source}>${f.destination} ${f.service}`);

  it('orders two destinations of one name by id though the later row of the table reaches the smaller id', () => {
    // a reaches t2 (its own site) through the intrasite row, t1 (site B) through the site connector row, later.
    const plan = makePlan({
      nodes: [
        server('a', 'A', { name: 'A' }),
        server('t2', 'A', { name: 'T' }),
        server('t1', 'B', { name: 'T' }),
      ],
      links: [link('a', 't2'), link('a', 't1')],
      connectors: [siteConnector('A', 'B')],
    });
    expect(key(plan).filter((k) => k.startsWith('a>') && k.endsWith('MTA (RPC)'))).toEqual([
      'a>t1 MTA (RPC)',
      'a>t2 MTA (RPC)',
    ]);
  });

  it('orders services by name on the same ports, though the table asks for the System Attendant before the MTA', () => {
    // Both sources are named X: the Administrator program asks for the System Attendant (RPC) of S,
    // the server x for its MTA (RPC); both dynamic, both TCP.
    const plan = makePlan({
      nodes: [
        client('adm', 's', { name: 'X', protocol: 'admin' }),
        server('x', 'A', { name: 'X' }),
        server('s', 'A', { name: 'S' }),
      ],
      links: [link('adm', 's'), link('x', 's')],
    });
    expect(
      key(plan).filter((k) => k.endsWith('>s MTA (RPC)') || k.endsWith('>s System Attendant (RPC)')),
    ).toEqual(['x>s MTA (RPC)', 'adm>s System Attendant (RPC)']);
  });
});

describe('flow statuses and analysisLimited', () => {
  it('a warning finding about a flow leaves it ok or warning: only error findings break flows', () => {
    // ADDRESS_MISSING (a warning) fires for both endpoints of the pop3 flow; nothing is an error.
    const plan = makePlan({
      nodes: [client('c', 's', { protocol: 'pop3', sendsMail: false }), firewall('fw'), server('s', 'A')],
      links: chain('c', 'fw', 's'),
    });
    const analysis = analyzePlan(plan);
    expect(analysis.findings.map((f) => f.severity)).not.toContain('error');
    expect(analysis.flows.map((f) => f.status)).toEqual(['ok']);
  });

  it('is false for a plan with no finding and for one with findings other than ANALYSIS_LIMIT', () => {
    expect(analysisLimited(analyzePlan(makePlan()))).toBe(false);
    const plan = makePlan({ nodes: [client('c', 's'), server('s', 'A')] });
    expect(analyzePlan(plan).findings.length).toBeGreaterThan(0);
    expect(analysisLimited(analyzePlan(plan))).toBe(false);
  });
});
